"""Hostile files, odd terminals, closed pipes and interrupts: a clear message, nothing lost."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wickcli import loader, quiz
from wickcli.errors import Ambiguous, DataFileError, ExitStatus, NotFound
from wickcli.model import Franchise, Person, names_of
from wickcli.resolve import Resolver

from .conftest import DATA, MINI, ROOT

BAD = DATA / "bad"
WICK = [sys.executable, "-m", "wickcli"]


MORE_BAD = [
    (
        "bad_indent",
        [
            "5:4: YAML syntax error: did not find expected '-' indicator (while parsing a block collection that starts at line 3)"
        ],
    ),
    ("works_mapping", ["3:3: works: expected a list, got a mapping"]),
    (
        "types_everywhere",
        [
            "1:12: franchise: expected text, got a list",
            "2:13: data_as_of: expected a date like 2025-06-06, got 'soon'",
            "4:9: works[0].id: id 'Bad Id' must be lower-case letters, digits and hyphens",
            "5:12: works[0].title: expected text, got true",
            "8:15: works[0].episodes: expected a whole number, got -3",
            "10:16: works[0].releases[0].date: expected a date like 2025-06-06, got 20250101",
            "11:20: works[0].story.order: expected a whole number, got 1.5",
            "13:35: people[0].born: expected a date like 2025-06-06, got 'yesterday'",
            "13:56: people[0].sources[0]: expected an http(s) URL, got 'ftp://example.org'",
        ],
    ),
]


@pytest.mark.parametrize(("name", "problems"), MORE_BAD, ids=[b[0] for b in MORE_BAD])
def test_more_bad_files(name: str, problems: list[str]) -> None:
    path = str(BAD / f"{name}.yaml")
    with pytest.raises(DataFileError) as error:
        loader.load(path)
    assert str(error.value).splitlines() == [f"{path}:{p}" for p in problems]


@pytest.mark.timed
def test_file_over_the_size_limit_is_refused_at_once(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with open(big, "wb") as handle:
        handle.truncate(50_000_000)
    start = time.perf_counter()
    with pytest.raises(DataFileError) as error:
        loader.load(str(big))
    assert time.perf_counter() - start < 1
    assert str(error.value) == f"{big}: file is 48 MiB; the limit is 40 MiB"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.yaml"
    path.write_text("franchise: x\nworks: []\n")
    path.chmod(0)
    with pytest.raises(DataFileError) as error:
        loader.load(str(path))
    assert str(error.value) == f"{path}: permission denied"


@pytest.mark.timed
def test_alias_bomb_is_refused_fast_and_small() -> None:
    # Memory is the peak of what Python allocated while loading: a process's maximum RSS would
    # include the parent's (pytest's) from before the exec on Linux, and so measure the suite.
    code = (
        "import sys, time, tracemalloc\nfrom wickcli import loader\ntracemalloc.start()\nt = time.perf_counter()\n"
        f"try: loader.load({str(BAD / 'alias_bomb.yaml')!r})\nexcept loader.DataFileError: pass\n"
        "print(time.perf_counter() - t, tracemalloc.get_traced_memory()[1])"
    )
    seconds, peak = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert float(seconds) < 1
    assert int(peak) < 100_000_000  # an expanded bomb would need gigabytes


# Property-based tests -------------------------------------------------------------------------

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(st.text(max_size=300))
def test_resolver_raises_only_its_own_errors(resolver: Resolver, text: str) -> None:
    try:
        matches = resolver.resolve(text)
    except (NotFound, Ambiguous):
        return
    assert matches


def test_resolver_survives_very_long_and_control_text(resolver: Resolver) -> None:
    for text in ["x" * 100_000, "\x00\x01\x1b[31m", "é" * 5000, "Winston" * 2000]:
        with contextlib.suppress(NotFound, Ambiguous):
            resolver.resolve(text)


def test_every_name_and_alias_resolves_to_its_record(franchise: Franchise, resolver: Resolver) -> None:
    misses = []
    for record in franchise.records():
        for name in names_of(record):
            try:
                ids = [m.record.id for m in resolver.resolve(name)]
            except (NotFound, Ambiguous) as error:
                ids = [str(error)]
            if record.id not in ids:
                misses.append((name, record.id, ids))
    assert misses == []


yaml_ish = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20) | st.dates().map(str),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=30,
)


@SETTINGS
@given(yaml_ish)
def test_loader_returns_a_model_or_a_data_file_error_for_any_structure(value: object) -> None:
    data = yaml.safe_dump(value, allow_unicode=True).encode()
    with contextlib.suppress(DataFileError):
        assert isinstance(loader.parse(data, "x.yaml"), Franchise)


@SETTINGS
@given(st.binary(max_size=400) | st.text(max_size=400).map(str.encode))
def test_loader_returns_a_model_or_a_data_file_error_for_any_bytes(data: bytes) -> None:
    with contextlib.suppress(DataFileError):
        loader.parse(data, "x.yaml")


@SETTINGS
@given(st.data())
def test_grader_accepts_aliases_and_rejects_other_people(
    franchise: Franchise, resolver: Resolver, data: st.DataObject
) -> None:
    questions = [q for q in quiz.all_questions(franchise, resolver) if q.answer_kind == "person"]
    question = data.draw(st.sampled_from(questions))
    right = [franchise.person(i) for i in question.answer_ids]
    for person in right:
        for name in names_of(person):
            assert quiz.grade(question, name, resolver, mode="free").correct
    other = data.draw(st.sampled_from([p for p in franchise.people if p.id not in question.answer_ids]))
    assert isinstance(other, Person)
    assert not quiz.grade(question, other.name, resolver, mode="free").correct


# Terminals and processes ------------------------------------------------------------------------


def sh(command: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **env}
    environment.pop("NO_COLOR", None)
    return subprocess.run(["bash", "-c", command], capture_output=True, text=True, env=environment, timeout=60)


WICK_SH = f"{sys.executable} -m wickcli"


ENDLESS = [
    ("/dev/zero", ""),
    ("/dev/urandom", ""),
    ("{tmp}/fifo", "mkfifo {tmp}/fifo && (yes > {tmp}/fifo 2>/dev/null &) && "),
]


@pytest.mark.slow
@pytest.mark.parametrize(("path", "setup"), ENDLESS, ids=["dev-zero", "dev-urandom", "endless-fifo"])
def test_endless_file_is_refused_after_the_limit(path: str, setup: str, tmp_path: Path) -> None:
    # A read that never stops would be killed by the 1 GB address-space limit with a MemoryError.
    path = path.format(tmp=tmp_path)
    result = sh(f"{setup.format(tmp=tmp_path)}ulimit -v 1000000; {WICK_SH} --data {path} about")
    assert result.returncode == 1
    assert result.stderr == f"{path}: file is over 40 MiB; the limit is 40 MiB\n"


@pytest.mark.slow
def test_knowledge_file_from_a_pipe_answers_and_is_never_cached(tmp_path: Path) -> None:
    first = sh(f"{WICK_SH} --data <(cat {MINI}) about --json", WICK_CACHE=str(tmp_path))
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["franchise"] == "Harbor Lights"
    assert not list(tmp_path.glob("*.sqlite"))


@pytest.mark.slow
@pytest.mark.parametrize(
    "pipeline",
    [
        f"{WICK_SH} timeline | head -1",
        f"{WICK_SH} timeline | true",
        f"{WICK_SH} search a | head -1",
        f"{WICK_SH} info 'john wick' | head -2",
        f"{WICK_SH} release-date --json | head -1",
    ],
)
def test_closed_pipe_ends_quietly(pipeline: str) -> None:
    result = sh(f"set -o pipefail; {pipeline}")
    assert result.returncode == 0
    assert result.stderr == ""


@pytest.mark.slow
@pytest.mark.parametrize(
    "env",
    [{"TERM": "dumb"}, {"NO_COLOR": "1"}, {"COLUMNS": "40"}, {"LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0"}],
    ids=["dumb", "no-color", "40-columns", "ascii-locale"],
)
def test_odd_terminals(env: dict[str, str]) -> None:
    result = sh(f"{WICK_SH} --data {MINI} info cleo", **env)
    assert result.returncode == 0, result.stderr
    assert "Cléo Marchetti" in result.stdout
    assert "\x1b[" not in result.stdout


@pytest.mark.slow
@pytest.mark.parametrize("stdin", ["<&-", "</dev/null"], ids=["closed", "empty"])
def test_closed_or_empty_stdin(stdin: str, tmp_path: Path) -> None:
    lookup = sh(f"{WICK_SH} who-plays Rooney {stdin}")
    assert lookup.returncode == 0
    assert "Ana de Armas" in lookup.stdout
    round_ = sh(f"{WICK_SH} quiz --seed 1 -n 2 --answers - {stdin}", WICK_HOME=str(tmp_path))
    assert round_.returncode == 0
    assert "Round ended after 0 of 2 questions." in round_.stdout


@pytest.mark.slow
def test_history_is_kept_when_stdout_closes_early(tmp_path: Path) -> None:
    result = sh(
        f"printf 'a\\nb\\nc\\n' | {WICK_SH} quiz --seed 2 -n 3 --answers - | head -c 1", WICK_HOME=str(tmp_path)
    )
    assert result.returncode == 0
    assert json.loads((tmp_path / "history.json").read_text())["franchises"]["John Wick"]["rounds"][0]["asked"] == 3


@pytest.mark.slow
def test_two_quiz_processes_at_once_keep_both_rounds(tmp_path: Path) -> None:
    env = {**os.environ, "WICK_HOME": str(tmp_path), "PYTHONPATH": str(ROOT / "src")}
    procs = [
        subprocess.Popen(
            [*WICK, "quiz", "--seed", str(seed), "-n", "3", "--answers", "-"],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            env=env,
        )
        for seed in range(6)
    ]
    for proc in procs:
        proc.communicate(b"a\nb\nc\n", timeout=60)
    assert [p.returncode for p in procs] == [0] * 6
    assert len(json.loads((tmp_path / "history.json").read_text())["franchises"]["John Wick"]["rounds"]) == 6


@pytest.mark.slow
def test_ctrl_c_during_a_lookup_exits_130(tmp_path: Path) -> None:
    # A FIFO keeps the lookup waiting in its read of the knowledge file for as long as the test
    # needs, so the signal always arrives mid-lookup, never before wick has started.
    fifo = tmp_path / "franchise.yaml"
    os.mkfifo(fifo)
    env = {**os.environ, "WICK_CACHE": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen(
        [*WICK, "--data", str(fifo), "who-plays", "Kamo Rossi"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    writer = _writer_once_read(fifo, proc)  # the lookup has opened the file and waits for its text
    try:
        _wait_blocked_in_a_pipe(proc.pid)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        os.close(writer)
    assert (proc.returncode, out, err) == (130, "", "Interrupted.\n")


def _wait_blocked_in_a_pipe(pid: int) -> None:
    """Wait until the process sleeps in its read of the FIFO (Linux shows where in /proc/PID/wchan).

    A signal that comes after the open returns but before the read begins is handled by Python
    only between two steps of its bytecode, and the read that follows then waits for ever: the
    race this test once lost on a busy machine. Where /proc is missing, a short pause stands in.
    """
    wchan = Path(f"/proc/{pid}/wchan")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if "pipe" in wchan.read_text():
                return
        except OSError:
            time.sleep(0.2)
            return
        time.sleep(0.01)
    raise AssertionError(f"process {pid} never waited in its read of the knowledge file")


def _writer_once_read(fifo: Path, proc: subprocess.Popen[str]) -> int:
    """Open the FIFO's writing end as soon as the process has opened it for reading (ENXIO until then)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:
            time.sleep(0.02)
    raise AssertionError(f"wick never opened {fifo} (exit {proc.poll()})")


@pytest.mark.slow
def test_ctrl_c_during_a_piped_quiz_exits_130_and_saves(tmp_path: Path) -> None:
    env = {**os.environ, "WICK_HOME": str(tmp_path), "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen(
        [*WICK, "quiz", "--seed", "5", "-n", "5"],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write("a\n")
    proc.stdin.flush()
    # Interrupt once the second question is shown: the first answer has been graded by then, however
    # slowly the process started (a fixed wait lost that race on a busy machine).
    for line in proc.stdout:
        if line.startswith("Question 2/5"):
            break
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err.endswith("Interrupted: the partial score was saved.\n")
    assert json.loads((tmp_path / "history.json").read_text())["franchises"]["John Wick"]["rounds"][0]["asked"] == 1


EARLY = [
    ["--version"],
    ["--data", str(MINI), "--version"],
    ["--help"],
    ["who-plays", "--help"],
    ["--show-completion", "bash"],
]


@pytest.mark.slow
@pytest.mark.parametrize("args", EARLY, ids=["version", "data-then-version", "help", "command-help", "show-completion"])
def test_early_paths_end_quietly_when_the_reader_is_gone(args: list[str]) -> None:
    # The read end is closed before wick starts, so every write meets a broken pipe: no race.
    read_end, write_end = os.pipe()
    os.close(read_end)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run([*WICK, *args], stdout=write_end, stderr=subprocess.PIPE, text=True, env=env, timeout=60)
    os.close(write_end)
    assert (result.returncode, result.stderr) == (0, "")


@pytest.mark.slow
@pytest.mark.parametrize(
    "command",
    [
        "--version | true",
        "--version >&-",
        "--help | true",
        "--help >&-",
        "--show-completion bash | true",
        "who-plays Rooney >&-",
    ],
)
def test_early_paths_in_a_shell_end_quietly(command: str) -> None:
    result = sh(f"set -o pipefail; {WICK_SH} {command}")
    assert (result.returncode, result.stderr) == (0, "")


def test_a_fault_in_wick_is_one_line_and_its_own_exit_status(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from wickcli import __main__, cli

    # No command of wick fails this way on purpose, so the fault is put in where the command line runs.
    def broken() -> None:
        raise RuntimeError("something no handler expected")

    monkeypatch.setattr(cli, "main", broken)
    monkeypatch.setattr(sys, "argv", ["wick", "quiz"])  # a command the plain dispatcher hands to the CLI
    monkeypatch.delenv("WICK_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_:
        __main__.main()
    assert exit_.value.code == ExitStatus.INTERNAL == 70
    assert capsys.readouterr().err == (
        "wick: internal error: RuntimeError: something no handler expected (WICK_DEBUG=1 shows the traceback)\n"
    )
    monkeypatch.setenv("WICK_DEBUG", "1")
    with pytest.raises(RuntimeError, match="something no handler expected"):
        __main__.main()
