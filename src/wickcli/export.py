"""A round's questions to take away: a JSON sheet, a printable Markdown sheet, an Anki deck.

Each keeps the answers (and their sources, which can give an answer away) apart from the questions.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Sequence
from pathlib import Path

from .quiz import Question, labels

ANKI_MODEL_NAME = "wick quiz question"
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&!])")


def _option(question: Question, mode: str) -> str | None:
    """The label of the right option, in choice mode."""
    if mode != "choice" or question.answer not in question.options:
        return None
    return labels(question)[question.options.index(question.answer)]


def to_json(questions: Sequence[Question], seed: int, mode: str) -> str:
    """A question sheet and a separate answer key (with the sources), as JSON."""
    sheet = {
        "answer": "quiz-export",
        "seed": seed,
        "mode": mode,
        "questions": [
            {
                "number": i,
                "prompt": q.prompt,
                "options": list(q.options) if mode == "choice" else None,
                "category": q.category,
                "difficulty": q.difficulty,
            }
            for i, q in enumerate(questions, 1)
        ],
        "answer_key": [
            {"number": i, "answer": q.answer, "option": _option(q, mode), "sources": list(q.sources)}
            for i, q in enumerate(questions, 1)
        ],
    }
    return json.dumps(sheet, ensure_ascii=False, indent=2) + "\n"


def _md(text: str) -> str:
    """Text as CommonMark shows it literally: markup characters escaped, lines joined."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def to_markdown(questions: Sequence[Question], seed: int, mode: str, title: str) -> str:
    """A question sheet and a separate answer key, ready to print; valid CommonMark.

    Each question is an item of one numbered list, its options a list inside the item, indented
    under the item's text however wide its number is.
    """
    count = len(questions)
    lines = [f"# {_md(title)} quiz", "", f"{count} question{'' if count == 1 else 's'} · seed {seed}", ""]
    for i, q in enumerate(questions, 1):
        marker = f"{i}. "
        lines += [f"{marker}{_md(q.prompt)}", ""]
        if mode == "choice" and q.options:
            pad = " " * len(marker)
            lines += [f"{pad}- {label}\\) {_md(o)}" for label, o in zip(labels(q), q.options, strict=False)]
            lines.append("")
    lines += ["## Answer key", ""]
    for i, q in enumerate(questions, 1):
        option = _option(q, mode)
        letter = f"{option}\\) " if option else ""
        source = f" ([source](<{q.sources[0]}>))" if q.sources else ""
        lines.append(f"{i}. {letter}{_md(q.answer)}{source}")
    return "\n".join(lines) + "\n"


def _id(*parts: str) -> int:
    """A stable id in the range Anki uses, from names (so a re-export updates instead of duplicating)."""
    digest = hashlib.sha256("\x1f".join(parts).encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def to_anki(questions: Sequence[Question], franchise: str, path: Path) -> int:
    """Write an Anki package: one note per question with its answer and sources; return how many."""
    import genanki  # type: ignore[import-untyped]

    model = genanki.Model(
        _id("wick", "model"),
        ANKI_MODEL_NAME,
        fields=[{"name": "Question"}, {"name": "Answer"}, {"name": "Sources"}],
        templates=[
            {
                "name": "Question and answer",
                "qfmt": "{{Question}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{Answer}}<div class="sources">{{Sources}}</div>',
            }
        ],
    )
    deck = genanki.Deck(_id("wick", "deck", franchise), f"{franchise} quiz")
    for question in questions:
        sources = "<br>".join(f'<a href="{html.escape(s)}">{html.escape(s)}</a>' for s in question.sources)
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[html.escape(question.prompt), html.escape(question.answer), sources],
                guid=genanki.guid_for(franchise, question.id),
                tags=[question.category, question.difficulty],
            )
        )
    genanki.Package(deck).write_to_file(str(path))
    return len(questions)
