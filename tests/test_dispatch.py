"""The dispatcher answers exactly as the Typer app does, for every command and option, good or bad."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest
import typer.main
from typer.core import TyperArgument as Argument
from typer.core import TyperOption as Option

from wickcli import __main__ as entry
from wickcli import cache, dispatch, files
from wickcli.cli import app

from .conftest import MINI

GROUP = typer.main.get_command(app)
COMMANDS = GROUP.commands  # type: ignore[attr-defined]

WORDS = {
    "name": [["Rooney"], ["baba", "yaga"], ["keanu"], ["winston"], ["xyzzy"], [" "], []],
    "person": [["keanu", "reevs"], ["charon"], ["xyzzy"], []],
    "title": [["chapter", "4"], ["ballerina"], ["jw"], ["xyzzy"], []],
    "query": [["wick"], ["rossi"], ["zzzz"], []],
    "question": [
        ["how", "does", "chapter", "2", "end"],
        ["whos", "the", "director?"],
        ["who", "is", "xyzzy"],
        [" "],
        [],
    ],
    None: [[], ["extra"]],
}
"""Words for each command's argument: found, ambiguous, of another kind, unknown, empty, none."""
VALUES = {
    "film": ["parabellum", "xyzzy", "", "--json"],
    "order": ["story", "release", "RELEASE", "sideways"],
    "limit": ["3", "1", "0", "x", "+2", "٣"],
    "seen_through": ["jw2", "keanu", "xyzzy", "", "--json"],
}
"""Values for each option that takes one: good ones, and ones Typer must refuse or read its own way."""
ROOTS = [[], ["--data", str(MINI)], [f"--data={MINI}"], ["--data", "missing.yaml"], ["--data"], ["--version"], ["-h"]]
ODD = [["--help"], ["-h"], ["--"], ["-"], ["--bogus"], ["--json=1"], ["-fx"]]
"""Tokens the dispatcher leaves to Typer wherever they appear."""


def _options(name: str) -> list[Option]:
    return [p for p in COMMANDS[name].params if isinstance(p, Option)]


def _spellings(option: Option) -> list[list[str]]:
    """Every way to give an option: each spelling, each value, and --name=value."""
    if option.is_flag:
        return [[spelling] for spelling in [*option.opts, *option.secondary_opts]]
    values = VALUES[option.name or ""]
    long = next(s for s in option.opts if s.startswith("--"))
    return [[s, v] for s in option.opts for v in values] + [[f"{long}={v}"] for v in values] + [[option.opts[0]]]


def _argument(name: str) -> str | None:
    return next((p.name for p in COMMANDS[name].params if isinstance(p, Argument)), None)


def _cases() -> list[list[str]]:
    """Every command with every option, alone and together, before and after its words, and odd ones."""
    cases: list[list[str]] = []
    for name in dispatch.COMMANDS:
        options = _options(name)
        word_sets = WORDS[_argument(name)]
        given = [[option.opts[0], *VALUES.get(option.name or "", [])[:1]] for option in options]
        for words in word_sets:
            for n in range(len(given) + 1):
                for chosen in itertools.combinations(given, n):
                    flat = [token for option in chosen for token in option]
                    cases += [[name, *words, *flat], [name, *flat, *words]]
            for option in options:
                for spelling in _spellings(option):
                    cases.append([name, *words, *spelling])
            for odd in ODD:
                cases.append([name, *words, *odd])
        first = word_sets[0]
        cases += [[*root, name, *first] for root in ROOTS]
        cases.append([name, *first, "--json", "--json"])
    cases += [
        ["quiz", "--seed", "1", "--export", "json"],
        ["stats", "--json"],
        ["validate"],
        ["ask", "who"],
        ["ask", "--spoilers", "how", "does", "jw2", "end"],
        [],
    ]
    return cases


def _run(args: list[str], answer: bool, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]) -> tuple:
    """stdout, stderr and exit code of wick with these arguments, with the dispatcher or Typer alone."""
    with monkeypatch.context() as patch:
        patch.setattr(sys, "argv", ["wick", *args])
        if not answer:
            patch.setattr(dispatch, "answer", lambda args, environ=None: None)
        try:
            entry.main()
            code: object = 0
        except SystemExit as exit_:
            code = exit_.code or 0
    out, err = capfd.readouterr()
    return out, err, code


@pytest.mark.usefixtures("shared_cache")
@pytest.mark.parametrize("args", _cases(), ids=" ".join)
def test_dispatcher_and_typer_agree(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WICK_TODAY", "2026-11-27")
    assert _run(args, True, monkeypatch, capfd) == _run(args, False, monkeypatch, capfd)


@pytest.mark.usefixtures("shared_cache")
@pytest.mark.parametrize(
    ("env", "args"),
    [
        ({"WICK_DATA": str(MINI)}, ["who-plays", "the", "keeper"]),
        ({"WICK_DATA": str(MINI)}, ["--data", "missing.yaml", "cast", "harbor"]),
        ({"WICK_DATA": ""}, ["about", "--json"]),
        ({"WICK_DATA": "missing.yaml"}, ["roles", "keanu"]),
        ({"WICK_TODAY": "someday"}, ["release-date", "ballerina"]),
        ({"TTY_COMPATIBLE": "1", "COLUMNS": "60"}, ["who-plays", "Rooney"]),
        ({"FORCE_COLOR": "1", "COLUMNS": "60"}, ["timeline"]),
        ({"TTY_COMPATIBLE": "0", "FORCE_COLOR": "1"}, ["cast", "jw3"]),
    ],
    ids=[
        "the file from the environment",
        "--data over the environment",
        "an empty WICK_DATA is no file",
        "a missing file from the environment",
        "a bad WICK_TODAY",
        "a terminal by TTY_COMPATIBLE: Rich tables",
        "a terminal by FORCE_COLOR",
        "TTY_COMPATIBLE=0 over FORCE_COLOR: piped lines",
    ],
)
def test_dispatcher_and_typer_agree_in_any_environment(
    env: dict[str, str], args: list[str], monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert _run(args, True, monkeypatch, capfd) == _run(args, False, monkeypatch, capfd)


COMPLETIONS = [
    ("wick who-plays kea", True),
    ("wick who-plays keanu re", True),
    ('wick who-plays "keanu r', True),
    ("wick who-plays --json baba ", True),
    ("wick who-plays --film par", True),
    ("wick who-plays -f ", True),
    ("wick who-plays Winston --film the", True),
    ("wick cast chap", True),
    ("wick roles chad", True),
    ("wick release-date 'bal", True),
    ("wick info ", True),
    ("wick info --no-spoilers char", True),
    (f"wick --data {MINI} who-plays the k", True),
    ("wick --data missing.yaml who-plays kea", True),
    ("wick search wi", False),
    ("wick timeline -", False),
    ("wick timeline --order ", False),
    ("wick search --limit ", False),
    ("wick who", False),
    ("wick ", False),
    ("wick who-plays -- kea", False),
    ("wick who-plays --film=par", True),
    ("wick who-plays winston --film = conti", True),
    ("wick who-plays --film =", True),
    ("wick ask who is --seen-through=chap", True),
    ("wick who-plays --json=kea", False),
    ("wick who-plays --json = kea", False),
    ("wick who-plays --limit=kea", False),
    ("wick quiz --seen-through par", False),
    ("wick who-plays xyzzy", True),
]
"""Completion requests, and whether the dispatcher answers them: names of each kind, after options and
quotes, in another file, an option's value after '=' (one word in zsh and fish, three in bash); an
option's name, a choice, a command, a value given to a flag or to an option the command lacks, which
Typer answers."""


@pytest.mark.usefixtures("shared_cache")
@pytest.mark.parametrize(("line", "answered"), COMPLETIONS)
@pytest.mark.parametrize("shell", ["bash", "zsh", "fish-get-args", "fish-is-args"])
def test_completion_agrees(
    line: str, answered: bool, shell: str, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "__main__", types.ModuleType("__main__"))  # as the wick script runs
    monkeypatch.setattr(sys, "argv", ["wick"])
    name, _, action = shell.partition("-")
    monkeypatch.setenv("_WICK_COMPLETE", f"complete_{name}")
    monkeypatch.setenv("COMP_WORDS", line)
    monkeypatch.setenv("COMP_CWORD", str(len(line.split(" ")) - 1))
    monkeypatch.setenv("_TYPER_COMPLETE_ARGS", line)
    monkeypatch.setenv("_TYPER_COMPLETE_FISH_ACTION", action)
    assert _run([], True, monkeypatch, capfd) == _run([], False, monkeypatch, capfd)
    assert (dispatch.answer([]) is not None) is answered
    capfd.readouterr()


@pytest.mark.parametrize(
    ("args", "answered"),
    [
        (["who-plays", "Rooney"], True),
        (["--data", str(MINI), "cast", "harbor", "--json"], True),
        (["release-date"], True),
        (["timeline", "-o", "release"], True),
        (["info", "charon", "--no-spoilers", "--spoilers"], True),
        (["search", "wick", "--limit=2"], True),
        (["about", "--json"], True),
        (["who-plays"], False),
        (["who-plays", "Rooney", "--help"], False),
        (["search", "wick", "-n", "0"], False),
        (["timeline", "--order", "STORY"], False),
        (["about", "extra"], False),
        (["quiz"], False),
        (["quiz", "--seed", "1"], False),
        (["who-plays", "Rooney", "--data", str(MINI)], False),
    ],
    ids=[
        "a name",
        "a name in another file, as JSON",
        "no title: every work",
        "a choice",
        "flags, the last one counts",
        "--name=value",
        "no words",
        "a missing name is Typer's usage error",
        "help",
        "a value Typer refuses",
        "a choice in another case, which Typer reads",
        "an extra word",
        "the quiz",
        "a command the dispatcher does not know",
        "a root option after the command",
    ],
)
def test_what_the_dispatcher_answers(args: list[str], answered: bool) -> None:
    assert (dispatch.parse(args) is not None) is answered


def test_dispatcher_knows_the_commands_as_the_app_defines_them() -> None:
    for name, command in dispatch.COMMANDS.items():
        params = COMMANDS[name].params
        arguments = [p for p in params if isinstance(p, Argument)]
        assert [a.name for a in arguments] == ([command.words] if command.words else []), name
        assert all(a.nargs == -1 and a.required is command.required for a in arguments), name
        assert (tuple(getattr(arguments[0].type, "kinds", ())) if arguments else ()) == command.kinds, name
        spelled = {s: o for o in command.options for s in o.names}
        for option in _options(name):
            for spelling in option.opts:
                assert spelled[spelling].dest == option.name, spelling
                assert (spelled[spelling].value is None) is option.is_flag, spelling
                assert spelled[spelling].kinds == tuple(getattr(option.type, "kinds", ())), spelling
                assert str(getattr(option.default, "value", option.default)) == str(command.defaults[option.name or ""])
            for spelling in option.secondary_opts:
                assert (spelled[spelling].dest, spelled[spelling].flag) == (option.name, False), spelling
        assert len(spelled) == sum(len(o.opts) + len(o.secondary_opts) for o in _options(name)), name


@pytest.mark.slow
def test_a_tab_press_imports_only_the_completion_path(shared_cache: Path) -> None:
    code = (
        "import sys\nfrom wickcli.__main__ import main\nsys.argv = ['wick']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('wickcli')), file=sys.stderr)\n"
    )
    cache.load(files.default_path())  # a warm cache of the file a plain run reads, trusted as it is
    env = {**os.environ, "_WICK_COMPLETE": "complete_bash", "COMP_WORDS": "wick who-plays Roo", "COMP_CWORD": "2"}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert result.stdout == "Rooney\n"
    # No record types, resolver, errors or JSON: the names table answers.
    expected = [
        "wickcli",
        "wickcli.__main__",
        "wickcli.cachedb",
        "wickcli.complete",
        "wickcli.dispatch",
        "wickcli.files",
    ]
    assert result.stderr.splitlines()[-1] == repr(expected)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "env", "imported"),
    [
        (["who-plays", "Rooney", "--json"], {}, []),
        (["release-date", "ballerina", "--json"], {}, []),
        (["cast", "jw3", "--json"], {}, []),
        ([], {"_WICK_COMPLETE": "complete_bash", "COMP_WORDS": "wick who-plays Ro", "COMP_CWORD": "2"}, []),
        (["who-plays", "--help"], {}, ["typer"]),
    ],
    ids=["who-plays --json", "release-date --json", "cast --json", "completion", "help goes to Typer"],
)
def test_a_plain_lookup_imports_neither_typer_nor_rich(
    args: list[str], env: dict[str, str], imported: list[str], shared_cache: Path
) -> None:
    code = (
        "import sys\nfrom wickcli.__main__ import main\n"
        f"sys.argv = ['wick', *{args!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'typer', 'rich', 'yaml'}), file=sys.stderr)\n"
    )
    cache.load(files.default_path())  # a warm cache: a first run parses the file, which needs YAML
    result = subprocess.run(
        [sys.executable, "-c", code], env={**os.environ, **env}, capture_output=True, text=True, check=True
    )
    assert result.stderr.splitlines()[-1] == repr(imported)
