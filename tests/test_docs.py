"""Documentation stays true: every command is in the README and its own --help, the code stays clean."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import re
import shlex
import subprocess
import sys
import tomllib
from typing import Any

import pytest
import typer
from typer.core import TyperGroup
from typer.testing import CliRunner

from wickcli import cachedb, files
from wickcli.cli import app

from .conftest import ROOT

COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands)  # type: ignore[union-attr]


def test_commands_are_known() -> None:
    assert (
        sorted(
            [
                "ask",
                "who-plays",
                "roles",
                "release-date",
                "timeline",
                "cast",
                "info",
                "search",
                "quiz",
                "stats",
                "about",
                "validate",
            ]
        )
        == COMMANDS
    )


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme(command: str) -> None:
    assert f"`wick {command}" in (ROOT / "README.md").read_text()


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.stdout or command in ("stats", "about")


def test_readme_test_command_is_what_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text()
    marker = readme.index("<!-- test command -->")
    command = readme[marker:].splitlines()[2]
    assert command == 'pip install ".[test]" && pytest'
    assert "<!-- test command -->" in (ROOT / ".ci" / "run").read_text()


def _readme_script() -> Any:
    spec = importlib.util.spec_from_file_location("readme_images", ROOT / "scripts" / "readme_images.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("doc", ["README.md", "docs/knowledge-format.md"])
def test_quoted_commands_show_their_real_output(doc: str) -> None:
    script = _readme_script()
    text = (ROOT / doc).read_text()
    assert "$ wick " in text
    assert script.refresh(text, script.sample_env()) == text, "run python scripts/readme_images.py"


DOCS = ["README.md", *(f"docs/{p.name}" for p in sorted((ROOT / "docs").glob("*.md")))]


def _quoted_commands() -> list[str]:
    """Every wick command the docs quote: inline code and shell lines, without placeholders or pipes."""
    found: list[str] = []
    for doc in DOCS:
        text = (ROOT / doc).read_text()
        spans = re.findall(r"`(wick [^`]*)`", text)
        shell = re.findall(
            r"^\s*(?:\$ )?(wick .*)$", "\n".join(re.findall(r"```(?:sh|console)\n(.*?)```", text, re.S)), re.M
        )
        for command in [*spans, *shell]:
            command = re.sub(r"\[[^]]*\]|\.\.\.| COMMAND", "", command)  # optional parts, placeholders
            command = re.split(r"\\?\||  #", command)[0].strip()  # before any pipe or comment
            if "--install-completion" not in command:  # parsing it would install completion
                found.append(command)
    return sorted(set(found))


@pytest.mark.parametrize("command", _quoted_commands())
def test_every_quoted_command_parses(command: str) -> None:
    group = typer.main.get_command(app)
    assert isinstance(group, TyperGroup)
    with group.make_context("wick", shlex.split(command)[1:]) as ctx:
        rest = [*ctx._protected_args, *ctx.args]  # the subcommand's name, then its arguments
        if rest:
            sub = group.get_command(ctx, rest[0])
            assert sub is not None, f"no command {rest[0]!r}"
            try:
                sub.make_context(rest[0], rest[1:], parent=ctx).close()
            except Exception as error:  # prose may name a command and an option without the argument
                assert type(error).__name__ == "MissingParameter", error


def test_readme_says_how_the_cache_is_stored() -> None:
    readme = (ROOT / "README.md").read_text()
    assert cachedb.cache_path("franchise.yaml").endswith(".sqlite")
    assert "cached (as an SQLite database" in readme
    assert "JSON, in your cache folder" not in readme


def test_size_limit_in_the_docs_is_the_real_one() -> None:
    stated = re.findall(r"larger than (\d+) MiB", (ROOT / "docs" / "knowledge-format.md").read_text())
    assert stated == [str(files.MAX_BYTES // 2**20)]


@pytest.mark.slow
def test_readme_script_help_writes_nothing() -> None:
    before = {p: p.stat().st_mtime_ns for p in (ROOT / "docs" / "img").iterdir()}
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "readme_images.py"), "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert result.stdout.startswith("usage: python scripts/readme_images.py")
    assert {p: p.stat().st_mtime_ns for p in (ROOT / "docs" / "img").iterdir()} == before


@pytest.mark.parametrize("tool", ["ruff", "mypy"])
def test_the_checkers_the_suite_runs_are_pinned(tool: str) -> None:
    extra = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]["test"]
    pinned = [r for r in extra if re.fullmatch(rf"{tool}==[0-9.]+", r)]
    assert pinned == [f"{tool}=={importlib.metadata.version(tool)}"]


@pytest.mark.lint
@pytest.mark.parametrize(
    "tool", [["ruff", "check", "src", "tests", "bench", "scripts"], ["mypy"]], ids=["ruff", "mypy"]
)
def test_code_is_clean(tool: list[str]) -> None:
    result = subprocess.run([sys.executable, "-m", *tool], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["who-plays", "Rooney"],
        ["roles", "Keanu Reeves"],
        ["cast", "jw1"],
        ["release-date", "jw1"],
        ["release-date"],
        ["timeline"],
        ["info", "charon"],
        ["search", "wick"],
        ["about"],
        ["stats"],
        ["quiz", "--seed", "1", "-n", "1", "--answers", "-"],
        ["quiz", "--seed", "1", "--export", "json"],
    ],
    ids=lambda a: " ".join(a),
)
def test_every_json_shape_is_documented(args: list[str]) -> None:
    result = CliRunner().invoke(app, [*args] if "--export" in args else [*args, "--json"], input="a\n")
    assert result.exit_code == 0, result.stderr
    shape = json.loads(result.stdout)["answer"]
    assert f'"answer": "{shape}"' in (ROOT / "docs" / "json.md").read_text()


def test_every_field_of_a_work_card_is_documented() -> None:
    result = CliRunner().invoke(app, ["info", "The Continental", "--json"])
    assert result.exit_code == 0, result.stderr
    card = json.loads(result.stdout)["cards"][0]
    section = (ROOT / "docs" / "json.md").read_text().split("## `info NAME", 1)[1].split("\n## ", 1)[0]
    ref = {"id", "kind", "name", "year", "status"}  # every card is a ref, documented with the common pieces
    assert [key for key in card if key not in ref and f"`{key}`" not in section and f'"{key}"' not in section] == []


def _reliability_tests() -> list[str]:
    """Every test docs/reliability.md names, as file::function (a bare ::name is in the file named before it)."""
    named: list[str] = []
    for line in (ROOT / "docs" / "reliability.md").read_text().splitlines():
        current = ""
        for ref in re.findall(r"`((?:tests/\w+\.py)?::\w+\*?|tests/\w+\.py)", line):
            path, _, name = ref.partition("::")
            current = path or current
            if name:
                named.append(f"{current}::{name}")
    return sorted(set(named))


@pytest.mark.parametrize("ref", _reliability_tests())
def test_every_test_the_reliability_table_names_exists(ref: str) -> None:
    path, name = ref.split("::")
    pattern = rf"^def {name[:-1]}\w*\(" if name.endswith("*") else rf"^def {name}\("  # name_* stands for several
    assert re.search(pattern, (ROOT / path).read_text(), re.M), f"{ref} is not a test"
