"""Completion through each shell's protocol and each real shell: what is offered, and that it runs."""

from __future__ import annotations

import contextlib
import json
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
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


class Shell:
    """An interactive shell on a terminal with wick's completion loaded: type, press Tab, run the line."""

    def __init__(self, name: str, tmp: Path, env: dict[str, str]) -> None:
        pexpect = pytest.importorskip("pexpect")
        self.args = tmp / f"{name}.args"
        script = tmp / f"wick.{name}"
        shown = subprocess.run(["wick", "--show-completion", name], capture_output=True, text=True, env=env, check=True)
        script.write_text(shown.stdout)
        # `show` stands in front of the completed line and writes the words the shell would pass to wick.
        show = f"show() {{ printf '%s\\0' \"$@\" > {self.args}; }}"
        args, setup = {
            "bash": (["--norc", "--noprofile", "-i"], ["bind 'set bell-style none'", f"source {script}", show]),
            "zsh": (["-f", "-i"], ["autoload -Uz compinit && compinit -u -D", f"source {script}", show]),
            "fish": (
                ["--no-config", "-i"],
                [f"source {script}", f"function show; printf '%s\\0' $argv > {self.args}; end"],
            ),
        }[name]
        self.child = pexpect.spawn(name, args, env=env, encoding="utf-8", dimensions=(50, 200), timeout=20)
        for line in setup:
            self.child.send(line + "\r")
        self.child.send("printf 'RE%sDY\\n' A\r")
        self.child.expect("READY")

    def complete(self, typed: str) -> list[str] | None:
        """The words of the line after Tab, as run on Enter; None if the shell did not run it."""
        import pexpect

        self.args.unlink(missing_ok=True)
        # Keys typed during the completion wait their turn, as a person's would: Tab, then Ctrl-A, `show `, Enter.
        self.child.send(typed + "\t\x01show \r")
        deadline = time.monotonic() + 10
        while not self.args.exists() and time.monotonic() < deadline:
            with contextlib.suppress(pexpect.TIMEOUT):
                self.child.read_nonblocking(100_000, timeout=0.05)  # keep the terminal drained
        time.sleep(0.05)  # let printf finish writing
        if not self.args.exists():
            self.child.sendintr()
            return None
        return self.args.read_text(encoding="utf-8").split("\0")[:-1]


@pytest.fixture(scope="module")
def shells(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Shell]]:
    started: dict[str, Shell] = {}
    yield started
    for shell in started.values():
        shell.child.close(force=True)


def _shell(shells: dict[str, Shell], name: str, tmp_path_factory: pytest.TempPathFactory) -> Shell:
    if shutil.which(name) is None:
        pytest.skip(f"{name} is not installed")
    wick = Path(sys.executable).parent / "wick"
    if not wick.exists():
        pytest.skip("the wick command is not installed next to this Python")
    if name not in shells:
        tmp = tmp_path_factory.mktemp(name)
        env = {"PATH": f"{wick.parent}:/usr/bin:/bin", "HOME": str(tmp), "WICK_CACHE": str(tmp / "cache")}
        env |= {"TERM": "xterm", "LANG": "C.UTF-8", "NO_COLOR": "1"}
        shells[name] = Shell(name, tmp, env)
    return shells[name]


@pytest.mark.slow
@pytest.mark.parametrize("name", ["bash", "zsh", "fish"])
@pytest.mark.parametrize(
    ("typed", "completed", "record"),
    [
        ("wick who-plays kea", ["Keanu Reeves"], "keanu-reeves"),
        ("wick who-plays KEANU re", ["KEANU", "Reeves"], "keanu-reeves"),
        ('wick who-plays "the bow', ["The Bowery King"], "the-bowery-king"),
        ("wick who-plays 'santino d", ["Santino D'Antonio"], "santino-dantonio"),
        ("wick who-plays santino d", ["santino", "D'Antonio"], "santino-dantonio"),
        ("wick cast john wick \\(2", ["john", "wick", "(2014)"], "jw1"),
        ("wick cast john wick: chapter 3 pa", ["john", "wick:", "chapter", "3", "Parabellum"], "jw3"),
        ("wick roles sai", ["Said Taghmaoui"], "said-taghmaoui"),
        ("wick who-plays winston --film conti", ["winston", "--film", "Continental"], "winston-scott"),
        ("wick who-plays winston --film=conti", ["winston", "--film=Continental"], "winston-scott"),
    ],
)
def test_a_real_shell_completes_a_name_that_runs(
    shells: dict[str, Shell],
    tmp_path_factory: pytest.TempPathFactory,
    runner: CliRunner,
    name: str,
    typed: str,
    completed: list[str],
    record: str,
) -> None:
    words = _shell(shells, name, tmp_path_factory).complete(typed)
    command = typed.split()[1]
    assert words == ["wick", command, *completed]
    assert resolved_id(runner, words[1:]) == record
