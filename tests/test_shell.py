"""Completion through each shell's protocol and each real shell: what is offered, and that it runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wickcli.cli import app

pytestmark = pytest.mark.usefixtures("shared_cache")


def _bash(runner: CliRunner, *words: str) -> list[str]:
    env = {"_WICK_COMPLETE": "complete_bash", "COMP_WORDS": "\n".join(words), "COMP_CWORD": str(len(words) - 1)}
    result = runner.invoke(app, [], env=env, prog_name="wick")
    assert result.exit_code == 0, result.output
    return [line for line in result.stdout.splitlines() if line]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["wick", "who-plays", "kea"], ["Keanu\\ Reeves"]),
        (["wick", "who-plays", "KEANU", "re"], ["Reeves"]),
        (["wick", "who-plays", '"the bow'], ["The Bowery King"]),
        (["wick", "who-plays", "'santino d"], ["Santino D'\\''Antonio"]),
        (["wick", "who-plays", "santino", "d"], ["D\\'Antonio"]),
        (["wick", "cast", "john", "wick", "\\(2"], ["\\(2014\\)"]),
        (
            ["wick", "cast", "John\\ Wick\\:\\ Chapter\\ 3\\ –\\ Pa"],
            [
                "John\\ Wick\\:\\ Chapter\\ 3\\ –\\ Parabellum",
                "John\\ Wick\\:\\ Chapter\\ 3\\ –\\ Parabellum\\ \\(2019\\)",
            ],
        ),
        (["wick", "info", "John\\ Wick\\:\\ Chapter\\ 4\\ \\(2"], ["John\\ Wick\\:\\ Chapter\\ 4\\ \\(2023\\)"]),
        (["wick", "roles", "sai"], ["Said\\ Taghmaoui"]),
        (["wick", "who-plays", "winston", "--film", "parab"], ["Parabellum"]),  # an option's value: one word
        (["wick", "who-plays", "keanu", "reeves", ""], []),
        (["wick", "cast", "kea"], []),
        (["wick", "who"], ["who-plays"]),  # commands and options complete as before
        (["wick", "cast", "--j"], ["--json"]),
    ],
)
def test_bash_protocol(runner: CliRunner, words: list[str], expected: list[str]) -> None:
    assert _bash(runner, *words) == expected


ZSH_TAIL = "; _describe -t values value completions -U"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("wick who-plays kea", "local -a completions; completions=('Keanu Reeves:person')" + ZSH_TAIL),
        (
            "wick who-plays 'santino d",
            "local -a completions; completions=('Santino D'\"'\"'Antonio:character')" + ZSH_TAIL,
        ),
        (
            "wick cast John\\ Wick\\:\\ Chapter\\ 4",
            "local -a completions; completions=('John Wick\\: Chapter 4:work' 'John Wick\\: Chapter 4 (2023):work')"
            + ZSH_TAIL,
        ),
        ("wick who-plays churchill", "_files"),  # Typer's answer when nothing fits
    ],
)
def test_zsh_protocol(runner: CliRunner, line: str, expected: str) -> None:
    env = {"_WICK_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": line}
    result = runner.invoke(app, [], env=env, prog_name="wick")
    assert result.exit_code == 0
    assert result.stdout == expected + "\n"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("wick who-plays kea", ["Keanu Reeves\tperson"]),
        ('wick who-plays "the bo', ["The Boogeyman\tcharacter", "The Bowery King\tcharacter"]),
        ("wick cast john wick \\(2", ["(2014)\twork"]),
        ("wick info 'john wick (2", ["John Wick (2014)\twork"]),
    ],
)
def test_fish_protocol(runner: CliRunner, line: str, expected: list[str]) -> None:
    env = {"_WICK_COMPLETE": "complete_fish", "_TYPER_COMPLETE_FISH_ACTION": "get-args", "_TYPER_COMPLETE_ARGS": line}
    result = runner.invoke(app, [], env=env, prog_name="wick")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == expected


@pytest.mark.parametrize(
    ("shell", "start"),
    [("bash", "_wick_completion() {"), ("zsh", "#compdef wick"), ("fish", "complete --command wick --no-files")],
)
def test_show_completion_prints_the_named_shells_script(runner: CliRunner, shell: str, start: str) -> None:
    result = runner.invoke(app, ["--show-completion", shell], prog_name="wick")
    assert result.exit_code == 0
    assert result.stdout.startswith(start)
    assert "_WICK_COMPLETE=complete_" + shell in result.stdout


def test_show_completion_refuses_a_shell_it_cannot_complete(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--show-completion", "tcsh"], prog_name="wick")
    assert result.exit_code == 2
    assert "'tcsh' is not a shell wick completes: name one of bash, zsh, fish, powershell, pwsh" in result.stderr


def test_install_completion_writes_the_named_shells_script(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["--install-completion", "fish"], env={"HOME": str(tmp_path)}, prog_name="wick")
    assert result.exit_code == 0
    script = tmp_path / ".config" / "fish" / "completions" / "wick.fish"
    assert result.stdout.startswith(f"fish completion installed in {script}\n")
    assert "_WICK_COMPLETE=complete_fish" in script.read_text()


def resolved_id(runner: CliRunner, args: list[str]) -> str:
    """The record a command line resolves to, through the real CLI."""
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    return next(answer[key]["id"] for key in ("character", "person", "work") if answer.get(key))
