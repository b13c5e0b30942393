"""The quiz through the CLI: scripted rounds, exports, progress, and a round played on a real terminal."""

from __future__ import annotations

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


def test_export_markdown_has_questions_and_a_separate_key(runner: CliRunner) -> None:
    result = runner.invoke(app, ["quiz", "--seed", "1", "-n", "3", "--export", "markdown"])
    assert result.exit_code == 0
    sheet, answer_key = result.stdout.split("## Answer key")
    assert sheet.startswith("# John Wick quiz\n\n3 questions · seed 1\n")
    assert sheet.count("   - a) ") == 3
    assert len([line for line in answer_key.splitlines() if line[:2] in ("1.", "2.", "3.")]) == 3


def test_narrow_round_is_shorter_and_says_so(runner: CliRunner) -> None:
    result = runner.invoke(app, ["quiz", "-c", "release", "-n", "50", "--export", "json"])
    assert result.exit_code == 0
    assert result.stderr == "Note: only 6 questions match; the round is shorter.\n"
    assert len(json.loads(result.stdout)["questions"]) == 6


def test_unknown_seen_through_title(runner: CliRunner) -> None:
    result = runner.invoke(app, ["quiz", "--seen-through", "xyzzy"])
    assert result.exit_code == 1
    assert result.stderr == "Error: nothing in the knowledge file matches 'xyzzy'.\n"


def test_bad_category_is_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["quiz", "--category", "gossip"])
    assert result.exit_code == 2


def test_missed_questions_come_back_in_review(runner: CliRunner) -> None:
    first = runner.invoke(app, ["quiz", "--seed", "4", "-n", "3", "--answers", "-", "--json"], input="zzz\nzzz\nzzz\n")
    missed = {q["id"] for q in json.loads(first.stdout)["questions"]}
    stats = json.loads(runner.invoke(app, ["stats", "--json"]).stdout)
    assert (stats["rounds"], stats["right"], stats["asked"], stats["due"]) == (1, 0, 3, 3)
    review = runner.invoke(app, ["quiz", "--review", "-n", "3", "--seed", "99", "--answers", "-", "--json"], input="")
    assert review.exit_code == 0
    again = runner.invoke(app, ["quiz", "--review", "-n", "5", "--seed", "99", "--export", "json"])
    prompts = [q["prompt"] for q in json.loads(again.stdout)["questions"]][:3]
    assert set(prompts) == {q["prompt"] for q in json.loads(first.stdout)["questions"]}
    assert len(missed) == 3


def test_corrupt_history_is_set_aside_and_quiz_plays(runner: CliRunner) -> None:
    home = Path(os.environ["WICK_HOME"])
    home.mkdir(parents=True)
    (home / "history.json").write_text("{broken")
    result = runner.invoke(app, ["quiz", "--seed", "1", "-n", "1", "--answers", "-"], input="a\n")
    assert result.exit_code == 0
    assert result.stderr.startswith("Warning: quiz history was unreadable (not valid JSON); kept it as ")
    assert len(list(home.glob("history.json.corrupt-*"))) == 1
    assert json.loads((home / "history.json").read_text())["rounds"][0]["asked"] == 1


@pytest.mark.slow
def test_round_on_a_real_terminal(tmp_path: Path) -> None:
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
    child.expect(r"Your answer: ")
    child.sendline("Keanu Reevs")
    child.expect(r"(Right!|Wrong\.)")
    child.expect(r"Question 2/2")
    child.expect(r"Your answer: ")
    child.sendline("nobody at all")
    child.expect(r"Wrong\. The answer is ")
    child.expect(r"Total")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    history = json.loads((tmp_path / "history.json").read_text())
    assert history["rounds"][0]["asked"] == 2


@pytest.mark.slow
def test_ctrl_c_on_a_real_terminal_keeps_the_partial_score(tmp_path: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    env = {**os.environ, "WICK_HOME": str(tmp_path), "TERM": "xterm"}
    child = pexpect.spawn(
        sys.executable, ["-m", "wickcli", "quiz", "--seed", "3", "-n", "5"], env=env, encoding="utf-8", timeout=20
    )
    child.expect(r"Your answer \(a-[b-d]\): ")
    child.sendline("a")
    child.expect(r"Question 2/5")
    child.expect(r"Your answer \(a-[b-d]\): ")
    child.sendintr()
    child.expect(r"Interrupted: the partial score was saved\.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert json.loads((tmp_path / "history.json").read_text())["rounds"][0]["asked"] == 1


@pytest.mark.parametrize("given", ["[/]", "[bold]Keanu", "[link=x]y[/link]", ":smile:"])
def test_answer_that_looks_like_markup_is_shown_as_typed(runner: CliRunner, tmp_path: Path, given: str) -> None:
    answers = tmp_path / "answers.txt"
    answers.write_text(f"{given}\n")
    result = runner.invoke(app, ["quiz", "--seed", "3", "-n", "1", "--mode", "free", "--answers", str(answers)])
    assert result.exit_code == 0, result.stderr
    assert given in result.stdout
