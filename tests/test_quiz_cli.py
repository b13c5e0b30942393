"""The quiz through the CLI: scripted rounds, exports, progress, and a round played on a real terminal."""

from __future__ import annotations

import contextlib
import html
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from wickcli.cli import app


def key(runner: CliRunner, *args: str) -> list[dict[str, Any]]:
    result = runner.invoke(app, ["quiz", *args, "--export", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["answer_key"]  # type: ignore[no-any-return]


def test_right_letters_from_the_answer_key_score_full_marks(runner: CliRunner, tmp_path: Path) -> None:
    answers = tmp_path / "answers.txt"
    answers.write_text("\n".join(k["option"] for k in key(runner, "--seed", "7")) + "\n")
    result = runner.invoke(app, ["quiz", "--seed", "7", "--answers", str(answers), "--json"])
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    assert (summary["score"], summary["asked"], summary["complete"]) == (10, 10, True)


def test_free_mode_answers_from_stdin(runner: CliRunner) -> None:
    answers = "\n".join(k["answer"] for k in key(runner, "--seed", "2", "--mode", "free", "-n", "5"))
    result = runner.invoke(
        app, ["quiz", "--seed", "2", "--mode", "free", "-n", "5", "--answers", "-", "--json"], input=answers
    )
    assert result.exit_code == 0
    assert json.loads(result.stdout)["score"] == 5


def test_short_answer_file_ends_round_with_partial_score(runner: CliRunner) -> None:
    result = runner.invoke(app, ["quiz", "--seed", "7", "--answers", "-"], input="a\nb\n")
    assert result.exit_code == 0
    assert "Round ended after 2 of 10 questions." in result.stdout
    assert "Seed 7: replay this round with --seed 7." in result.stdout


def test_score_in_a_pipe_is_tab_separated_lines(runner: CliRunner) -> None:
    mini = str(Path(__file__).parent / "data" / "mini.yaml")
    result = runner.invoke(
        app,
        ["--data", mini, "quiz", "--seed", "1", "-n", "2", "--mode", "free", "--answers", "-"],
        input="mara quil\n2016\n",
    )
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "Score: 1/2",
        "#\tQuestion\tYour answer\tRight answer\tResult",
        "1\tWho directed Harbor Lights (2010)?\tmara quil (Mara Quill)\tMara Quill\tright",
        "2\tIn what year was Harbor Lights: Low Tide first released (US streaming)?\t2016\t2015\twrong",
        "\tTotal\t\t\t1/2",
        "Seed 1: replay this round with --seed 1.",
    ]


def markdown_lists(text: str) -> list[tuple[str, list[str], list[str]]]:
    """Each top-level ordered list item of a CommonMark document: its text, its bullet items' texts, its nesting."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(text)
    items: list[tuple[str, list[str], list[str]]] = []
    depth = 0
    for token in tokens:
        if token.type in ("ordered_list_open", "bullet_list_open"):
            depth += 1
            if depth == 2 and items:
                items[-1][2].append(token.type)
        elif token.type in ("ordered_list_close", "bullet_list_close"):
            depth -= 1
        elif token.type == "inline" and depth == 1:
            items.append((token.content, [], []))
        elif token.type == "inline" and depth == 2 and items:
            items[-1][1].append("".join(c.content for c in token.children or () if c.type == "text"))
    return items


@pytest.mark.parametrize("mode", ["choice", "free"])
def test_export_markdown_is_commonmark_with_one_list_per_question(runner: CliRunner, mode: str) -> None:
    result = runner.invoke(app, ["quiz", "--seed", "1", "-n", "12", "--mode", mode, "--export", "markdown"])
    assert result.exit_code == 0
    sheet, answer_key = result.stdout.split("## Answer key")
    assert sheet.startswith("# John Wick quiz\n\n12 questions · seed 1\n")
    exported = json.loads(
        runner.invoke(app, ["quiz", "--seed", "1", "-n", "12", "--mode", mode, "--export", "json"]).stdout
    )
    questions = markdown_lists(sheet)
    assert len(questions) == 12
    for item, question in zip(questions, exported["questions"], strict=True):
        assert item[0].replace("\\", "") == question["prompt"]
        if mode == "choice":
            assert item[2] == ["bullet_list_open"]  # the options stay inside their question, even at 10 and up
            assert [o.split(") ", 1)[1] for o in item[1]] == question["options"]
        else:
            assert item[2] == []
    assert len(markdown_lists(answer_key)) == 12


def test_export_json_keeps_sources_with_the_answers(runner: CliRunner) -> None:
    result = runner.invoke(app, ["quiz", "--seed", "3", "-n", "5", "--export", "json"])
    sheet = json.loads(result.stdout)
    assert all("source" not in q and "sources" not in q for q in sheet["questions"])
    assert all(k["sources"] and k["sources"][0].startswith("http") for k in sheet["answer_key"])


def test_export_anki_package_holds_every_question(runner: CliRunner, tmp_path: Path) -> None:
    import sqlite3
    import zipfile

    deck = tmp_path / "wick.apkg"
    result = runner.invoke(app, ["quiz", "--seed", "5", "-n", "30", "--export", "anki", "-o", str(deck)])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"Wrote 30 notes to {deck}.\n"
    sheet = json.loads(runner.invoke(app, ["quiz", "--seed", "5", "-n", "30", "--export", "json"]).stdout)
    with zipfile.ZipFile(deck) as package:
        package.extract("collection.anki2", tmp_path)
    with contextlib.closing(sqlite3.connect(tmp_path / "collection.anki2")) as db:
        notes = db.execute("SELECT guid, flds FROM notes").fetchall()
    fields = [flds.split("\x1f") for _, flds in notes]
    assert sorted(html.unescape(f[0]) for f in fields) == sorted(q["prompt"] for q in sheet["questions"])
    assert sorted(html.unescape(f[1]) for f in fields) == sorted(k["answer"] for k in sheet["answer_key"])
    assert all(f[2].startswith('<a href="http') for f in fields)
    again = tmp_path / "again.apkg"
    runner.invoke(app, ["quiz", "--seed", "5", "-n", "30", "--export", "anki", "-o", str(again)])
    with zipfile.ZipFile(again) as package:
        package.extract("collection.anki2", tmp_path / "again")
    with contextlib.closing(sqlite3.connect(tmp_path / "again" / "collection.anki2")) as db:
        assert sorted(g for (g,) in db.execute("SELECT guid FROM notes")) == sorted(g for g, _ in notes)


@pytest.mark.parametrize("output", [[], ["-o", "-"]])
def test_export_anki_needs_a_file(runner: CliRunner, output: list[str]) -> None:
    result = runner.invoke(app, ["quiz", "--export", "anki", *output])
    assert result.exit_code == 2
    assert result.stderr == "Error: --export anki writes a file: give it with --output FILE.apkg\n"


def test_export_to_dash_is_stdout(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["quiz", "--seed", "3", "-n", "2", "--export", "json", "-o", "-"])
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["questions"]) == 2
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("export", ["anki", "markdown", "json"])
@pytest.mark.parametrize(
    ("output", "reason"),
    [
        ("missing/x.out", "No such file or directory"),  # a folder that does not exist
        (".", "Is a directory"),
        ("file/x.out", "Not a directory"),  # a path through a file
    ],
)
def test_export_to_a_place_that_cannot_be_written_is_one_line(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, export: str, output: str, reason: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "file").write_text("")
    result = runner.invoke(app, ["quiz", "-n", "2", "--export", export, "-o", output])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"Error: cannot write {output}: {reason}\n"


def test_narrow_round_is_shorter_and_says_so(runner: CliRunner) -> None:
    result = runner.invoke(app, ["quiz", "-c", "release", "-n", "50", "--export", "json"])
    assert result.exit_code == 0
    assert result.stderr == "Note: only 5 questions match; the round is shorter.\n"
    assert len(json.loads(result.stdout)["questions"]) == 5


def test_one_question_is_one_question(runner: CliRunner, tmp_path: Path) -> None:
    mini = str(Path(__file__).parent / "data" / "mini.yaml")
    result = runner.invoke(
        app, ["--data", mini, "quiz", "-c", "crew", "-n", "50", "--mode", "free", "--export", "markdown"]
    )
    assert result.exit_code == 0
    assert result.stderr == "Note: only 1 question matches; the round is shorter.\n"
    assert "\n1 question · seed " in result.stdout


def test_unknown_seen_through_title(runner: CliRunner) -> None:
    result = runner.invoke(app, ["quiz", "--seen-through", "xyzzy"])
    assert result.exit_code == 1
    assert result.stderr == "Error: nothing in the knowledge file matches 'xyzzy'.\n"


def test_bad_category_is_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["quiz", "--category", "gossip"])
    assert result.exit_code == 2


def test_missed_questions_are_due_the_next_day_and_review_asks_them(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WICK_TODAY", "2026-03-01")
    first = runner.invoke(app, ["quiz", "--seed", "4", "-n", "3", "--answers", "-", "--json"], input="zzz\nzzz\nzzz\n")
    missed = {q["id"] for q in json.loads(first.stdout)["questions"]}
    assert len(missed) == 3
    stats = json.loads(runner.invoke(app, ["stats", "--json"]).stdout)
    assert (stats["rounds"], stats["right"], stats["asked"], stats["due"]) == (1, 0, 3, {"today": 0, "week": 3})
    nothing = runner.invoke(app, ["quiz", "--review"])
    assert (nothing.exit_code, nothing.stderr) == (0, "Nothing is due for review today.\n")
    monkeypatch.setenv("WICK_TODAY", "2026-03-02")
    stats = json.loads(runner.invoke(app, ["stats", "--json"]).stdout)
    assert stats["due"] == {"today": 3, "week": 3}
    review = runner.invoke(app, ["quiz", "--review", "-n", "10", "--export", "json", "--seed", "1"])
    assert review.stderr == "Note: only 3 questions match; the round is shorter.\n"
    prompts = {q["prompt"] for q in json.loads(review.stdout)["questions"]}
    assert prompts == {q["prompt"] for q in json.loads(first.stdout)["questions"]}


def test_stats_in_words(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WICK_TODAY", "2026-03-01")
    runner.invoke(app, ["quiz", "--seed", "4", "-n", "3", "--answers", "-"], input="zzz\nzzz\nzzz\n")
    monkeypatch.setenv("WICK_TODAY", "2026-03-03")
    result = runner.invoke(app, ["stats"])
    assert result.exit_code == 0
    lines = [" ".join(line.split()) for line in result.stdout.splitlines()]
    assert lines[0] == "Quiz progress: John Wick"
    assert "Last played 2 days ago" in lines
    assert "Recall rate 0 of 3 answers right (0%)" in lines
    assert "Due for review 3 questions today, 3 this week" in lines


def test_stats_are_kept_per_knowledge_file(runner: CliRunner) -> None:
    runner.invoke(app, ["quiz", "--seed", "4", "-n", "3", "--answers", "-"], input="zzz\nzzz\nzzz\n")
    mini = str(Path(__file__).parent / "data" / "mini.yaml")
    other = json.loads(runner.invoke(app, ["--data", mini, "stats", "--json"]).stdout)
    assert (other["franchise"], other["rounds"]) == ("Harbor Lights", 0)
    assert json.loads(runner.invoke(app, ["stats", "--json"]).stdout)["rounds"] == 1


def test_daily_round_is_the_same_for_a_day(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WICK_TODAY", "2026-03-01")
    first = json.loads(runner.invoke(app, ["quiz", "--daily", "--export", "json"]).stdout)
    again = json.loads(runner.invoke(app, ["quiz", "--daily", "--export", "json"]).stdout)
    monkeypatch.setenv("WICK_TODAY", "2026-03-02")
    tomorrow = json.loads(runner.invoke(app, ["quiz", "--daily", "--export", "json"]).stdout)
    assert first == again
    assert first["questions"] != tomorrow["questions"]


def test_daily_round_chooses_its_own_seed(runner: CliRunner) -> None:
    result = runner.invoke(app, ["quiz", "--daily", "--seed", "3"])
    assert (result.exit_code, result.stderr) == (2, "Error: --daily chooses its own seed; leave out --seed\n")


def test_answers_file_with_a_byte_order_mark_keeps_its_first_answer(runner: CliRunner, tmp_path: Path) -> None:
    answers = tmp_path / "answers.txt"
    answers.write_bytes("\ufeff".encode() + "\n".join(k["option"] for k in key(runner, "--seed", "7")).encode())
    result = runner.invoke(app, ["quiz", "--seed", "7", "--answers", str(answers), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["score"] == 10


def test_answers_file_that_is_not_utf8(runner: CliRunner, tmp_path: Path) -> None:
    answers = tmp_path / "answers.txt"
    answers.write_bytes(b"a\n\xff\n")
    result = runner.invoke(app, ["quiz", "--seed", "7", "--answers", str(answers)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: cannot read answers from {answers}: not UTF-8 text (byte 3)\n"


def test_hints_in_free_mode_cost_points(runner: CliRunner) -> None:
    answer = key(runner, "--seed", "2", "--mode", "free", "-n", "1")[0]["answer"]
    result = runner.invoke(
        app, ["quiz", "--seed", "2", "--mode", "free", "-n", "1", "--answers", "-", "--json"], input=f"?\n?\n{answer}\n"
    )
    summary = json.loads(result.stdout)
    assert (summary["score"], summary["points"], summary["questions"][0]["hints"]) == (1, 0.5, 2)


def test_corrupt_history_is_set_aside_and_quiz_plays(runner: CliRunner) -> None:
    home = Path(os.environ["WICK_HOME"])
    home.mkdir(parents=True)
    (home / "history.json").write_text("{broken")
    result = runner.invoke(app, ["quiz", "--seed", "1", "-n", "1", "--answers", "-"], input="a\n")
    assert result.exit_code == 0
    assert result.stderr.startswith("Warning: quiz history was unreadable (not valid JSON); kept it as ")
    assert len(list(home.glob("history.json.corrupt-*"))) == 1
    assert json.loads((home / "history.json").read_text())["franchises"]["John Wick"]["rounds"][0]["asked"] == 1


def history_rounds(home: Path) -> list[dict[str, Any]]:
    return json.loads((home / "history.json").read_text())["franchises"]["John Wick"]["rounds"]  # type: ignore[no-any-return]


@pytest.mark.slow
def test_round_on_a_real_terminal_with_a_hint(tmp_path: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    env = {**os.environ, "WICK_HOME": str(tmp_path), "COLUMNS": "100", "LINES": "40", "TERM": "xterm"}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "wickcli", "quiz", "--seed", "11", "-n", "2", "--mode", "free", "-c", "cast"],
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 100),
    )
    child.expect(r"Question 1/2")
    child.expect(r"Your answer \(\? for a hint\): ")
    child.sendline("?")
    child.expect(r"Hint: Initials: ")
    child.expect(r"Your answer \(\? for a hint\): ")
    child.sendline("nobody at all")
    child.expect(r"Wrong\. The answer is ")
    child.expect(r"Question 2/2")
    child.expect(r"Your answer \(\? for a hint\): ")
    child.sendline("nobody at all")
    child.expect(r"Wrong\. The answer is ")
    child.expect(r"Total")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert history_rounds(tmp_path)[0]["asked"] == 2


@pytest.mark.slow
def test_bad_letter_and_ctrl_c_on_a_real_terminal(tmp_path: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    env = {**os.environ, "WICK_HOME": str(tmp_path), "TERM": "xterm"}
    child = pexpect.spawn(
        sys.executable, ["-m", "wickcli", "quiz", "--seed", "3", "-n", "5"], env=env, encoding="utf-8", timeout=20
    )
    child.expect(r"Your answer \(a-[b-d]\): ")
    child.sendline("z")
    child.expect(r"Type one of a, b(, c)?(, d)?: ")
    child.sendline("")
    child.expect(r"Type one of a, b(, c)?(, d)?: ")
    child.sendline("a")
    child.expect(r"(Right!|Wrong\.)")
    child.expect(r"Question 2/5")
    child.expect(r"Your answer \(a-[b-d]\): ")
    child.sendintr()
    child.expect(r"Interrupted: the partial score was saved\.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert history_rounds(tmp_path)[0]["asked"] == 1


@pytest.mark.slow
def test_json_at_a_terminal_puts_the_questions_on_stderr(tmp_path: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    env = {**os.environ, "WICK_HOME": str(tmp_path), "TERM": "xterm"}
    out = tmp_path / "round.json"
    command = f"{sys.executable} -m wickcli quiz --seed 3 -n 2 --json > {out}"
    child = pexpect.spawn("/bin/sh", ["-c", command], env=env, encoding="utf-8", timeout=20)
    child.expect(r"Question 1/2")
    child.expect(r"Your answer \(a-[b-d]\): ")
    child.sendline("a")
    child.expect(r"Question 2/2")
    child.expect(r"Your answer \(a-[b-d]\): ")
    child.sendline("b")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    with out.open() as handle:
        summary = json.load(handle)
    assert (summary["answer"], summary["asked"]) == ("quiz", 2)
    assert [q["given"][:3] for q in summary["questions"]] == ["a) ", "b) "]


def test_history_that_cannot_be_read_is_not_written_over(runner: CliRunner) -> None:
    home = Path(os.environ["WICK_HOME"])
    (home / "history.json").mkdir(parents=True)  # exists, but reading it fails (as a file left unreadable would)
    result = runner.invoke(app, ["quiz", "--seed", "1", "-n", "1", "--answers", "-"], input="a\n")
    assert result.exit_code == 0
    assert result.stderr == (
        f"Warning: cannot read quiz history {home / 'history.json'}: Is a directory\n"
        "Warning: this round was not saved, so that the history is not written over\n"
    )
    assert (home / "history.json").is_dir() and list((home / "history.json").iterdir()) == []


@pytest.mark.parametrize("given", ["[/]", "[bold]Keanu", "[link=x]y[/link]", ":smile:"])
def test_answer_that_looks_like_markup_is_shown_as_typed(runner: CliRunner, tmp_path: Path, given: str) -> None:
    answers = tmp_path / "answers.txt"
    answers.write_text(f"{given}\n")
    result = runner.invoke(app, ["quiz", "--seed", "3", "-n", "1", "--mode", "free", "--answers", str(answers)])
    assert result.exit_code == 0, result.stderr
    assert given in result.stdout


FACT_WITH_CHOICES = "  - {id: f1, text: T., question: Q1?, answer: A, choices: [B, C]}\n"
FACT_WITHOUT_CHOICES = "  - {id: f2, text: T., question: Q2?, answer: Z}\n"
NOTHING = "Error: {path} has nothing to ask about: questions come from released works, their credits and crew, and facts with a question and an answer\n"
SHORT_ROUNDS = [
    ("", [], 1, NOTHING, "a file with no works and no facts: nothing to ask, though no filter was given"),
    ("", ["-c", "cast"], 2, "Error: no questions match these options; try fewer filters\n", "a filter was given"),
    (
        FACT_WITHOUT_CHOICES,
        [],
        2,
        "Error: no question can be asked with choices: 1 question has no wrong answers to offer as choices "
        "(facts without choices: f2); --mode free asks it\n",
        "the only question has no choices",
    ),
    (
        FACT_WITH_CHOICES + FACT_WITHOUT_CHOICES,
        [],
        0,
        "Note: only 1 question matches; the round is shorter; 1 more question has no wrong answers to offer "
        "as choices (facts without choices: f2); --mode free asks it.\n",
        "a fact without choices is why a choice round is short",
    ),
    (
        FACT_WITH_CHOICES + FACT_WITHOUT_CHOICES,
        ["--mode", "free"],
        0,
        "Note: only 2 questions match; the round is shorter.\n",
        "free mode asks both",
    ),
]


@pytest.mark.parametrize(
    ("facts", "args", "code", "stderr"), [r[:4] for r in SHORT_ROUNDS], ids=[r[4] for r in SHORT_ROUNDS]
)
def test_a_short_or_empty_round_says_why(
    runner: CliRunner, tmp_path: Path, facts: str, args: list[str], code: int, stderr: str
) -> None:
    path = tmp_path / "kb.yaml"
    path.write_text("franchise: F\nworks: []\n" + (f"facts:\n{facts}" if facts else ""))
    result = runner.invoke(app, ["--data", str(path), "quiz", "-n", "5", *args, "--export", "json"])
    assert result.exit_code == code
    assert result.stderr == stderr.format(path=path)


def test_review_round_says_nothing_about_seeds(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WICK_TODAY", "2026-03-01")
    runner.invoke(app, ["quiz", "--seed", "4", "-n", "2", "--answers", "-"], input="zzz\nzzz\n")
    monkeypatch.setenv("WICK_TODAY", "2026-03-02")
    review = runner.invoke(app, ["quiz", "--review", "--answers", "-"], input="zzz\nzzz\n")
    assert review.exit_code == 0
    assert "Total" in review.stdout
    assert "seed" not in (review.stdout + review.stderr).casefold()
