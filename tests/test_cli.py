"""The command line over a small invented franchise: any knowledge file works, errors are clean."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from wickcli import __version__
from wickcli.cli import app

from .conftest import DATA, MINI, REAL

MINI_ARGS = ["--data", str(MINI)]


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"wick {__version__}\n"


def test_no_arguments_shows_help(runner: CliRunner) -> None:
    result = runner.invoke(app, [])
    assert result.exit_code == 2
    assert "who-plays" in result.stderr


def test_who_plays_other_franchise(runner: CliRunner) -> None:
    result = runner.invoke(app, [*MINI_ARGS, "who-plays", "the keeper"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].rstrip() == "Who plays Ellen Gray"
    assert lines[2].split() == ["Harbor", "Lights", "(2010)", "Ada", "Voss"]
    assert "Cléo Marchetti (young)" in lines[3]


def test_data_from_environment(runner: CliRunner) -> None:
    result = runner.invoke(app, ["who-plays", "Tommy", "--json"], env={"WICK_DATA": str(MINI)})
    assert result.exit_code == 0
    assert json.loads(result.stdout)["credits"][0]["person"]["name"] == "Ben Okafor"


def test_who_plays_ambiguous(runner: CliRunner) -> None:
    result = runner.invoke(app, [*MINI_ARGS, "who-plays", "gray"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "Error: 'gray' could mean: Ellen Gray (character in Harbor Lights, Harbor Lights: Low Tide); "
        "Tom Gray (character in Harbor Lights). Be more specific.\n"
    )


def test_who_plays_nothing_matches(runner: CliRunner) -> None:
    result = runner.invoke(app, [*MINI_ARGS, "who-plays", "xyzzy"])
    assert result.exit_code == 1
    assert result.stderr == "Error: nothing in the knowledge file matches 'xyzzy'.\n"


def test_validate_good_file(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", str(REAL)])
    assert result.exit_code == 0
    assert result.stdout == f"ok: {REAL}: 14 works, 146 people, 69 characters, 105 credits, 108 facts\n"
    assert result.stderr == ""


def test_validate_warns_but_accepts(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", str(MINI)])
    assert result.exit_code == 0
    assert result.stdout == f"ok: {MINI}: 3 works, 4 people, 2 characters, 3 credits, 1 facts (1 warning)\n"
    assert result.stderr == (
        f"Warning: {MINI}:54:15: facts[0]: has a question but no choices; "
        "multiple-choice rounds leave it out unless enough wrong answers are found elsewhere\n"
    )


@pytest.mark.parametrize("name", ["syntax", "many_errors", "duplicate_key", "dangling_ref", "empty"])
def test_validate_bad_file_exits_1_with_located_problems(runner: CliRunner, name: str) -> None:
    path = DATA / "bad" / f"{name}.yaml"
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert all(line.startswith(f"{path}") for line in result.stderr.splitlines())
    assert "Traceback" not in result.stderr


def test_lookup_with_bad_data_file_exits_1(runner: CliRunner) -> None:
    path = DATA / "bad" / "bad_date.yaml"
    result = runner.invoke(app, ["--data", str(path), "who-plays", "x"])
    assert result.exit_code == 1
    assert result.stderr == f"{path}:8:16: works[0].releases[0].date: 2025-02-30 is not a real date\n"


def test_unknown_option_is_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["who-plays", "--bogus"])
    assert result.exit_code == 2


@pytest.mark.parametrize(
    ("args", "env", "refused"),
    [
        (["--data", "", "about"], {}, "Invalid value for '--data' (env var: 'WICK_DATA')"),
        (["--data=", "who-plays", "Rooney"], {}, "Invalid value for '--data' (env var: 'WICK_DATA')"),
        (["--data", " ", "cast", "harbor"], {}, "Invalid value for '--data' (env var: 'WICK_DATA')"),
        (["validate", ""], {}, "Invalid value for '[FILE]'"),
    ],
    ids=["--data ''", "--data=", "--data ' '", "validate ''"],
)
def test_an_empty_path_is_refused_not_read_as_the_shipped_file(
    runner: CliRunner, args: list[str], env: dict[str, str], refused: str
) -> None:
    """wick --data "$FILE" with FILE unset must not answer from the shipped file as if from FILE."""
    result = runner.invoke(app, args, env=env)
    assert (result.exit_code, result.stdout) == (2, "")
    message = f"Error: {refused}: the path is empty: name a knowledge file, for example my-franchise.yaml"
    assert result.stderr.splitlines()[-1] == message


def test_an_empty_wick_data_is_unset_as_any_empty_variable(runner: CliRunner) -> None:
    from wickcli import files

    result = runner.invoke(app, ["about", "--json"], env={"WICK_DATA": ""})
    assert result.exit_code == 0
    assert json.loads(result.stdout)["data_file"] == files.default_path()  # the shipped file, wherever installed
