"""The loader: a valid file becomes a model; every kind of bad file becomes exact messages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from wickcli import loader
from wickcli.errors import DataFileError

from .conftest import DATA, MINI

BAD = DATA / "bad"


def test_mini_file_loads_into_records() -> None:
    franchise = loader.load(str(MINI))
    assert franchise.name == "Harbor Lights"
    assert franchise.data_as_of == dt.date(2026, 1, 15)
    assert [w.id for w in franchise.works] == ["hl1", "hl0", "hl2"]
    assert franchise.work("hl0").release_history[0].date == dt.date(2015, 6, 1)
    assert franchise.person("cleo-marchetti").name == "Cléo Marchetti"


def test_mini_file_story_and_release_order() -> None:
    franchise = loader.load(str(MINI))
    assert [w.id for w in franchise.works_by_story] == ["hl0", "hl1", "hl2"]
    assert [w.id for w in franchise.works_by_release] == ["hl1", "hl0", "hl2"]


BAD_FILES = [
    (
        "syntax",
        [
            "5:1: YAML syntax error: found unexpected end of stream (while scanning a quoted scalar that starts at line 4)"
        ],
    ),
    ("tabs", ["3:1: YAML syntax error: a tab character; YAML is indented with spaces"]),
    (
        "wrong_type",
        [
            "7:14: works[0].runtime: expected a whole number, got 'long'",
            "8:14: works[0].aliases: expected a list, got 'Just One'",
        ],
    ),
    ("unknown_key", ["7:5: works[0].runtimes: unknown key 'runtimes' (did you mean 'runtime'?)"]),
    ("missing_field", ["3:5: works[0]: missing required key 'title'"]),
    ("duplicate_key", ["5:5: works[0].title: duplicate key 'title'"]),
    ("duplicate_id", ["5:10: characters[0].id: duplicate id 'w1' (first used at line 3)"]),
    ("dangling_ref", ["9:12: credits[0].work: no work with id 'w2'"]),
    ("bad_date", ["8:16: works[0].releases[0].date: 2025-02-30 is not a real date"]),
    (
        "many_errors",
        [
            "5:11: works[0].kind: expected one of film, series, anime, game, other; got 'movie'",
            "7:9: works[1].id: duplicate id 'w1' (first used at line 3)",
            "11:20: works[1].story.order: expected a whole number, got 'first'",
        ],
    ),
    (
        "infobox",
        [
            "7:22: works[0].budget.amount: expected a whole number, got '20 million'",
            "9:19: works[0].box_office[0].measure: expected one of opening-weekend, domestic, international, "
            "worldwide; got 'weekend'",
            "10:53: works[0].box_office[1].currency: expected a currency code like USD, got 'dollars'",
            "10:69: works[0].box_office[1].as_of: 2014-13-01 is not a real date",
            "12:9: works[0].reception[0]: missing required key 'score'",
            "14:33: works[0].certificates[0].board: unknown key 'board'",
            "15:22: works[0].filming.start: expected a date like 2025-06-06, got 'September 2013'",
            "15:49: works[0].filming.locations: expected a list, got 'New York'",
            "17:9: works[0].episode_list[0]: missing required key 'number'",
            "19:48: works[0].releases[0].medium: expected one of theatrical, streaming, premiere, tv, digital, "
            "home-media, print; got 'bluray'",
        ],
    ),
    ("list_root", ["1:1: expected a mapping, got a list"]),
    ("python_tag", ["1:12: franchise: unsupported YAML tag !!python/object/apply:os.system"]),
    (
        "alias",
        [
            "4:5: works[1]: repeats the value anchored at line 3 (*w); YAML aliases are not supported, write the value out"
        ],
    ),
    (
        "alias_text",
        [
            "9:12: works[1].title: repeats the value anchored at line 5 (*t); "
            "YAML aliases are not supported, write the value out"
        ],
    ),
    (
        "choices_with_answer",
        ["9:23: facts[0].choices[1]: '2001' is the answer; choices are the wrong answers to offer"],
    ),
    (
        "colon_in_text",
        [
            "4:21: YAML syntax error: mapping values are not allowed in this context "
            "(text that contains ': ' must be quoted)"
        ],
    ),
    (
        "colon_in_flow",
        ["3:30: YAML syntax error: did not find expected ',' or '}' (text that contains ': ' must be quoted)"],
    ),
    (
        "wrong_kind_ref",
        [
            "10:27: credits[0].character: 'keanu-reeves' is a person, not a character (character ids: 'neo')",
            "10:49: credits[0].person: 'neo' is a character, not a person (person ids: 'keanu-reeves')",
            "12:45: facts[0].spoils: 'neo' is a character, not a work (work ids: 'w1', 'w2')",
        ],
    ),
    (
        "ref_case",
        [
            "9:12: credits[0].work: no work with id 'W1' (did you mean 'w1'?)",
            "9:27: credits[0].character: no character with id 'Neo' (did you mean 'neo'?)",
            "9:40: credits[0].person: no person with id 'Keanu Reeves' (did you mean 'keanu-reeves'?)",
        ],
    ),
    ("not_utf8", ["1:15: not UTF-8 text"]),
    ("nul", ["1:13: control character U+0000 is not allowed in a knowledge file"]),
]


@pytest.mark.parametrize(("name", "problems"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_file_reports_every_problem_with_its_place(name: str, problems: list[str]) -> None:
    path = str(BAD / f"{name}.yaml")
    with pytest.raises(DataFileError) as error:
        loader.load(path)
    assert str(error.value).splitlines() == [f"{path}:{p}" for p in problems]


FACT = "franchise: F\nworks: []\nfacts:\n  - id: f1\n    text: T.\n"
WARNINGS = [
    ("question: Q?\n    answer: A\n    choices: [B, C]\n", [], "a full question"),
    ("", [], "a fact that is no question"),
    (
        "question: Q?\n    answer: A\n",
        [
            "6:15: facts[0]: has a question but no choices; multiple-choice rounds leave it out "
            "unless enough wrong answers are found elsewhere"
        ],
        "no choices",
    ),
    ("question: Q?\n", ["6:15: facts[0]: has a question but no answer, so the quiz never asks it"], "no answer"),
]


@pytest.mark.parametrize(("keys", "warnings"), [w[:2] for w in WARNINGS], ids=[w[2] for w in WARNINGS])
def test_check_warns_about_questions_the_quiz_cannot_ask(keys: str, warnings: list[str]) -> None:
    franchise, found = loader.check((FACT + "    " + keys).encode(), "f.yaml")
    assert franchise.facts[0].id == "f1"
    assert [w.render("f.yaml") for w in found] == [f"f.yaml:{w}" for w in warnings]


@pytest.mark.parametrize("name", ["empty", "comment_only"])
def test_empty_file_is_refused(name: str) -> None:
    path = str(BAD / f"{name}.yaml")
    with pytest.raises(DataFileError) as error:
        loader.load(path)
    assert str(error.value) == f"{path}: the file is empty; expected a mapping with 'franchise' and 'works'"


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + MINI.read_bytes())
    assert loader.load(str(path)).name == "Harbor Lights"


def test_python_tag_is_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    path = tmp_path / "evil.yaml"
    path.write_text(f'franchise: !!python/object/apply:os.system ["touch {marker}"]\nworks: []\n')
    with pytest.raises(DataFileError):
        loader.load(str(path))
    assert not marker.exists()


def test_alias_bomb_is_refused_without_expanding() -> None:
    with pytest.raises(DataFileError) as error:
        loader.load(str(BAD / "alias_bomb.yaml"))
    assert len(error.value.problems) == 9


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing.yaml", "no such file"),
        (lambda p: p, "is a directory, not a knowledge file"),
    ],
    ids=["missing", "directory"],
)
def test_unreadable_paths(tmp_path: Path, make: object, message: str) -> None:
    path = str(make(tmp_path))  # type: ignore[operator]
    with pytest.raises(DataFileError) as error:
        loader.load(path)
    assert str(error.value) == f"{path}: {message}"


def test_quoted_and_unquoted_dates_are_the_same(tmp_path: Path) -> None:
    text = MINI.read_text().replace("date: 2010-03-05", 'date: "2010-03-05"')
    path = tmp_path / "quoted.yaml"
    path.write_text(text)
    assert loader.load(str(path)) == loader.load(str(MINI))


def test_default_path_prefers_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WICK_DATA", "/somewhere/else.yaml")
    assert loader.default_path() == "/somewhere/else.yaml"


COMPOSER_PROBLEMS = [
    (
        "franchise: F\nworks: []\nx: &a 1\ny: *b\n",
        ["4:4: YAML syntax error: found undefined alias"],
        "an alias to no anchor",
    ),
    (
        "franchise: &a F\nworks: &a []\n",
        ["2:8: YAML syntax error: second occurrence (found duplicate anchor; first occurrence that starts at line 1)"],
        "an anchor set twice",
    ),
    (
        "franchise: F\nworks: []\n---\nfranchise: G\n",
        [
            "3:1: YAML syntax error: but found another document "
            "(expected a single document in the stream that starts at line 1)"
        ],
        "a second document",
    ),
    (
        "franchise: F\nworks:\n  - &w {id: w1, title: One, kind: film, status: released}\n  - {*w : x}\n",
        [
            "4:6: works[1]: keys must be plain names",
            "4:5: works[1]: missing required key 'id'",
            "4:5: works[1]: missing required key 'kind'",
            "4:5: works[1]: missing required key 'status'",
            "4:5: works[1]: missing required key 'title'",
        ],
        "an alias as a key, at the alias's own line",
    ),
    (
        "franchise: F\nworks: []\nextra: &x [1]\n",
        ["3:1: extra: unknown key 'extra'"],
        "an anchor inside a refused value",
    ),
]


@pytest.mark.parametrize(
    ("text", "problems"), [c[:2] for c in COMPOSER_PROBLEMS], ids=[c[2] for c in COMPOSER_PROBLEMS]
)
def test_what_only_the_composer_sees_keeps_its_message(text: str, problems: list[str]) -> None:
    with pytest.raises(DataFileError) as error:
        loader.parse(text.encode(), "f.yaml")
    assert sorted(str(error.value).splitlines()) == sorted(f"f.yaml:{p}" for p in problems)


WORK = "franchise: F\nworks:\n  - id: w1\n    title: T\n    kind: film\n    status: released\n    aliases:\n"
COLON_IN_LIST = [
    (
        "      - Chapter 2: The Return\n",
        " (text that contains ': ' must be quoted)",
        "unquoted text with ': ' in a list",
    ),
    ('      - Chapter 2: "The Return"\n', " (text that contains ': ' must be quoted)", "its second half quoted"),
    ("      - {a: b}\n", "", "a flow mapping is written as one on purpose"),
    ('      - "Chapter 2": The Return\n', "", "a quoted key is written as a key on purpose"),
    ("      - a: 1\n        b: 2\n", "", "a mapping of two keys"),
    ("      - a:\n          b\n", "", "a value on the next line"),
]


@pytest.mark.parametrize(("item", "hint"), [c[:2] for c in COLON_IN_LIST], ids=[c[2] for c in COLON_IN_LIST])
def test_text_read_as_a_mapping_in_a_list_says_to_quote_it(item: str, hint: str) -> None:
    with pytest.raises(DataFileError) as error:
        loader.parse((WORK + item).encode(), "f.yaml")
    assert str(error.value) == f"f.yaml:8:9: works[0].aliases[0]: expected text, got a mapping{hint}"
