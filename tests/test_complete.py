"""Completion of names: what is offered for the words typed, and how bash must be sent it."""

from __future__ import annotations

import os

import pytest

from wickcli import complete

from .conftest import MINI, REAL

CHARACTER = ("character", "person")
WORK = ("work",)
PERSON = ("person",)

pytestmark = pytest.mark.usefixtures("shared_cache")


@pytest.mark.parametrize(
    ("before", "current", "kinds", "expected"),
    [
        ([], "kea", CHARACTER, [("Keanu Reeves", "person")]),  # any case; the name's own case back
        (["keanu"], "re", CHARACTER, [("Reeves", "person")]),  # word by word: only the word being typed
        (["keanu"], "", CHARACTER, [("Reeves", "person")]),  # the next word, before typing any of it
        ([], "keanu re", CHARACTER, [("Keanu Reeves", "person")]),  # one quoted word: all of it
        ([], "the bo", CHARACTER, [("The Boogeyman", "character"), ("The Bowery King", "character")]),
        ([], "bow", CHARACTER, [("Bowery King", "character")]),  # a leading article may be left out
        (["santino"], "d'", CHARACTER, [("D'Antonio", "character")]),  # punctuation inside a word kept
        (["john", "wick"], "(2", WORK, [("(2014)", "work")]),  # a word that starts with punctuation
        (["john", "wick:", "chapter", "3"], "pa", WORK, [("Parabellum", "work"), ("Parabellum (2019)", "work")]),
        (["John Wick:"], "Chapter 4", WORK, [("Chapter 4", "work"), ("Chapter 4 (2023)", "work")]),
        ([], "sai", PERSON, [("Said Taghmaoui", "person")]),  # the spelling typed, when the file has it
        ([], "saï", PERSON, [("Saïd Taghmaoui", "person")]),
        ([], "john wick", CHARACTER, [("John Wick", "character")]),  # a full name: its own case back
        (["keanu", "reeves"], "", CHARACTER, []),  # typed in full: nothing to add
        (["keanu", "reeves"], "x", CHARACTER, []),
        ([], "kea", WORK, []),  # a person is not a work
        (["winston"], "churchill", CHARACTER, []),  # a word the name lacks
        (["wick"], "", WORK, []),  # names are completed from their first word
    ],
)
def test_names_complete_the_word_being_typed(
    before: list[str], current: str, kinds: tuple[str, ...], expected: list[tuple[str, str]]
) -> None:
    assert complete.names(str(REAL), before, current, kinds) == expected


def test_accents_are_ignored_when_nothing_else_fits() -> None:
    assert complete.names(str(MINI), [], "cleo m", PERSON) == [("Cléo Marchetti", "person")]


def test_a_name_of_two_kinds_says_both() -> None:
    assert ("John Wick", "work, character") in complete.names(str(REAL), [], "john w", ("work", "character"))


@pytest.mark.parametrize(
    ("text", "typed", "expected"),
    [
        ("Keanu Reeves", "kea", "Keanu\\ Reeves"),  # one shell word, as the name is one argument
        ("John Wick (2014)", "john", "John\\ Wick\\ \\(2014\\)"),
        ("Santino D'Antonio", "san", "Santino\\ D\\'Antonio"),
        ("John Wick: Chapter 4", "jo", "John\\ Wick\\:\\ Chapter\\ 4"),  # ':' breaks bash's words
        ("Tom & Jerry $HOME `x` !", "t", "Tom\\ \\&\\ Jerry\\ \\$HOME\\ \\`x\\`\\ \\!"),
        ("Santino D'Antonio", '"san', "Santino D'Antonio"),  # inside double quotes: nothing to escape
        ('Jonathan "John" Wick $x', '"jo', 'Jonathan \\"John\\" Wick \\$x'),
        ("Santino D'Antonio", "'san", "Santino D'\\''Antonio"),  # inside single quotes: close, escape, reopen
    ],
)
def test_bash_gets_the_completion_quoted_for_the_word_typed(text: str, typed: str, expected: str) -> None:
    assert complete.bash_word(text, typed) == expected


@pytest.mark.parametrize(
    ("before", "current", "kinds", "offered", "reason"),
    [
        (
            [],
            "john wick ch",
            WORK,
            "john wick chapter 4",
            "'Chapter' and 'Chronicles' share only 'John Wick': as typed",
        ),
        ([], "john wick: ch", WORK, "john wick: chapter 4", "the same with the colon typed"),
        ([], "john wick chr", WORK, "john wick chronicles", "'John Wick: Chronicles' and 'John Wick Chronicles'"),
        ([], "john wick: chapter 3 p", WORK, "John Wick: Chapter 3 – Parabellum", "they share more than was typed"),
        ([], "KEANU R", PERSON, "Keanu Reeves", "one name: its own spelling, case and all"),
        (["john"], "wick ch", WORK, "wick chapter 4", "the word being typed holds two of the name's words"),
        ([], "john wick ", WORK, "john wick Chapter 4", "nothing typed of the next word yet"),
    ],
)
def test_a_completion_starts_with_what_is_being_typed(
    before: list[str], current: str, kinds: tuple[str, ...], offered: str, reason: str
) -> None:
    """A shell replaces the word being typed with what every completion shares; none may cut it short."""
    found = [rest for rest, _ in complete.names(str(REAL), before, current, kinds)]
    assert offered in found
    assert len(os.path.commonprefix(found)) >= len(current)  # noqa: RUF071 (what a shell puts in place)
