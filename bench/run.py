"""Benchmark wick from the outside: whole processes, many runs, each run paired with its floor.

Writes docs/performance.md afresh (median wall time, median ratio to the floor F1, peak memory,
each target and by how much it is missed, and where the time of a lookup goes) with the machine
and library versions. A timed command that exits with any status but 0 stops the benchmark: it
would time an error message. Run from the repository with wick installed:

    python bench/run.py            # everything, synthetic files up to 100,000 characters
    python bench/run.py --max-n 10000 --runs 5   # quicker
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import platform
import pty
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
F0 = [PY, "-c", "pass"]
F1 = [PY, "-c", "import typer, rich.console, rich.table, yaml, rapidfuzz.process"]
WICK = [str(Path(PY).parent / "wick")]
ASKED = "who plays the director in ballerina"
FACT = "does john wick die at the end of chapter 4"  # tries every form, then finds a trivia fact


@dataclass
class Target:
    """A ratio to F1 not to exceed, and a peak memory in MiB or a time in seconds, where given."""

    ratio: float | None = None
    mib: float | None = None
    seconds: float | None = None

    def __str__(self) -> str:
        parts = [f"≤ {self.ratio:.2f} × F1"] if self.ratio is not None else []
        parts += [f"≤ {self.seconds:g} s"] if self.seconds is not None else []
        parts += [f"peak ≤ {self.mib:g} MiB"] if self.mib is not None else []
        return ", ".join(parts)


@dataclass
class Result:
    name: str
    wall: float
    ratio: float
    rss_kb: int
    target: Target | None

    @property
    def misses(self) -> list[str]:
        """What the run missed of its target, and by how much."""
        t = self.target
        if t is None:
            return []
        out = []
        if t.ratio is not None and self.ratio > t.ratio:
            out.append(f"{self.ratio - t.ratio:.2f} × F1 over")
        if t.seconds is not None and self.wall > t.seconds:
            out.append(f"{self.wall - t.seconds:.1f} s over")
        if t.mib is not None and self.rss_kb / 1024 > t.mib:
            out.append(f"{self.rss_kb / 1024 - t.mib:.0f} MiB over")
        return out

    @property
    def met(self) -> bool | None:
        return None if self.target is None else not self.misses


def run_once(cmd: list[str], env: dict[str, str], tty: bool = False) -> tuple[float, int]:
    """Wall seconds and peak resident KB of one process."""
    start = time.perf_counter()
    if tty:
        master, slave = pty.openpty()
        proc = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave)
        os.close(slave)
        drain = threading.Thread(target=_drain, args=(master,), daemon=True)
        drain.start()
    else:
        proc = subprocess.Popen(
            cmd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if tty:
        drain.join(timeout=5)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}: a timed command must succeed")
    return wall, usage.ru_maxrss


def _drain(fd: int) -> None:
    try:
        while os.read(fd, 65536):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)


def measure(
    name: str,
    cmd: list[str],
    env: dict[str, str],
    runs: int,
    target: Target | None,
    tty: bool = False,
    floor: list[str] = F1,
    prepare: object = None,
) -> Result:
    """Alternate the command with its floor run by run; medians of wall, ratio and memory."""
    walls, ratios, rss = [], [], []
    for _ in range(runs):
        f_wall, _ = run_once(floor, env)
        if callable(prepare):
            prepare()
        c_wall, c_rss = run_once(cmd, env, tty)
        walls.append(c_wall)
        ratios.append(c_wall / f_wall)
        rss.append(c_rss)
    result = Result(name, statistics.median(walls), statistics.median(ratios), max(rss), target)
    verdict = "" if result.met is None else "met" if result.met else "NOT met: " + ", ".join(result.misses)
    print(
        f"{name:55} {result.wall * 1000:7.0f} ms  {result.ratio:5.2f} × F1  {max(rss) / 1024:6.0f} MiB  {verdict}",
        flush=True,
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark wick and write docs/performance.md")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--max-n", type=int, default=100_000)
    parser.add_argument("--output", default=str(ROOT / "docs" / "performance.md"))
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="wick-bench-"))
    # Byte-compile wick as pip does when it installs a wheel: with PYTHONDONTWRITEBYTECODE set (as in
    # some environments) every run would otherwise compile wick's modules from source.
    import compileall

    import wickcli

    compileall.compile_dir(str(Path(wickcli.__file__).parent), quiet=1)
    # The default configuration: no WICK_CACHE, so the cache folder comes from platformdirs, as for
    # anyone who installs wick; XDG_CACHE_HOME keeps that folder inside the benchmark's own.
    default = {**os.environ, "XDG_CACHE_HOME": str(work / "xdg"), "WICK_HOME": str(work / "home"), "COLUMNS": "100"}
    for name in ("NO_COLOR", "WICK_DATA", "WICK_CACHE", "FORCE_COLOR", "TTY_COMPATIBLE"):
        default.pop(name, None)
    env = {**default, "WICK_CACHE": str(work / "cache")}
    for e in (default, env):
        run_once([*WICK, "who-plays", "Rooney"], e)  # builds the cache of the shipped file
    answers = work / "answers.txt"
    answers.write_text("a\nb\nc\nd\na\nb\nc\nd\na\nb\n")
    complete_env = {**default, "_WICK_COMPLETE": "complete_bash", "COMP_WORDS": "wick who-plays Ro", "COMP_CWORD": "2"}
    r = args.runs
    results = [
        measure("F0: python -c pass", F0, default, r, None),
        measure("who-plays Rooney (piped)", [*WICK, "who-plays", "Rooney"], default, r, Target(0.60)),
        measure("who-plays Rooney (terminal)", [*WICK, "who-plays", "Rooney"], default, r, Target(0.90), tty=True),
        measure("who-plays Rooney --json", [*WICK, "who-plays", "Rooney", "--json"], default, r, Target(0.45)),
        measure(
            "release-date Ballerina --json", [*WICK, "release-date", "Ballerina", "--json"], default, r, Target(0.45)
        ),
        measure("completion of a character name", WICK, complete_env, r, Target(0.35)),
        measure("who-plays Rooney --json (WICK_CACHE set)", [*WICK, "who-plays", "Rooney", "--json"], env, r, None),
        measure("timeline (piped)", [*WICK, "timeline"], default, r, None),
        measure("timeline (terminal)", [*WICK, "timeline"], default, r, None, tty=True),
        measure("search wick --json", [*WICK, "search", "wick", "--json"], default, r, None),
        measure("--version", [*WICK, "--version"], default, r, None),
        measure("ask who plays the director in ballerina", [*WICK, "ask", *ASKED.split()], default, r, Target(1.20)),
        measure(
            "ask does john wick die at the end of chapter 4", [*WICK, "ask", *FACT.split()], default, r, Target(1.20)
        ),
        measure(
            "quiz --seed 1 --answers FILE", [*WICK, "quiz", "--seed", "1", "--answers", str(answers)], env, r, None
        ),
    ]
    shipped = results[1]
    sizes = [n for n in (1_000, 10_000, 100_000) if n <= args.max_n]
    fuzzy_ms: dict[int, float] = {}
    names: dict[int, tuple[str, str]] = {}
    for n in sizes:
        big = work / f"big{n}.yaml"
        subprocess.run([PY, str(ROOT / "bench" / "make_big_kb.py"), "--characters", str(n), "-o", str(big)], check=True)
        largest = n == 100_000
        runs = max(3, r // (1 if n < 100_000 else 3))
        cold = work / f"cold{n}"

        def clear(cold: Path = cold) -> None:
            subprocess.run(["rm", "-rf", str(cold)], check=True)

        name, typo = unique_name(big, env)
        names[n] = (name, typo)
        data = [*WICK, "--data", str(big)]
        results.append(
            measure(
                f"N={n:,}: who-plays (first run, no cache)",
                [*data, "who-plays", name],
                {**env, "WICK_CACHE": str(cold)},
                max(2, runs // 3),
                Target(seconds=8, mib=600) if largest else None,
                prepare=clear,
            )
        )
        exact = Target(shipped.ratio + 0.05) if largest else None
        results.append(measure(f"N={n:,}: who-plays, exact (cached)", [*data, "who-plays", name], env, runs, exact))
        fast = Target(0.60, mib=40) if largest else None
        results.append(measure(f"N={n:,}: who-plays, a typo (cached)", [*data, "who-plays", typo], env, runs, fast))
        results.append(
            measure(f"N={n:,}: search --json (cached)", [*data, "search", "Rossi", "--json"], env, runs, fast)
        )
        fuzzy_ms[n] = fuzzy_in_process(big, env)
    results += quiz_startup(work, env, r)
    imports = import_profile(default)
    write_report(Path(args.output), results, fuzzy_ms, names, imports, r)


def unique_name(big: Path, env: dict[str, str]) -> tuple[str, str]:
    """A character's name that no other record of the file has, and a typo of it that wick resolves to it.

    The typo swaps two neighbouring letters of the name's first word; a name whose typo fits
    another record too is passed over, so the timed lookups are answers, not "did you mean".
    """
    # Read in a process of its own: on Linux a child's peak memory counts the parent's at the fork,
    # so a benchmark grown by reading a big file would inflate every later row.
    scan = (
        "import re, sys\n"
        "text = open(sys.argv[1], encoding='utf-8').read()\n"
        "seen = {}\n"
        'for found in re.findall(r\'(?:name|title|aliases): \\[?"([^"]+)"\', text):\n'
        "    seen[found.casefold()] = seen.get(found.casefold(), 0) + 1\n"
        'names = re.findall(r\'- \\{id: c\\d+, name: "([^"]+)"\', text)\n'
        "for name in names[len(names) // 2 :]:\n"
        "    first = name.split(' ')[0]\n"
        "    if seen[name.casefold()] == 1 and len(first) >= 5 and first[1] != first[2]:\n"
        "        print(name)\n"
    )
    found = subprocess.run([PY, "-c", scan, str(big)], check=True, capture_output=True, text=True).stdout
    for name in found.splitlines()[:50]:
        first, _, rest = name.partition(" ")
        typo = f"{first[0]}{first[2]}{first[1]}{first[3:]} {rest}"
        answer = subprocess.run(
            [*WICK, "--data", str(big), "who-plays", typo, "--json"], env=env, capture_output=True, text=True
        )
        if answer.returncode == 0 and f'"name": "{name}"' in answer.stdout:
            return name, typo
    raise SystemExit(f"no character of {big} has a name unique in the file with a typo that finds it")


def quiz_startup(work: Path, env: dict[str, str], runs: int) -> list[Result]:
    """A quiz round drawn (and exported) from synthetic files of 1,000 and 3,000 characters, cache warm."""
    results = []
    for n in (1_000, 3_000):
        big = work / f"quiz{n}.yaml"
        subprocess.run([PY, str(ROOT / "bench" / "make_big_kb.py"), "--characters", str(n), "-o", str(big)], check=True)
        subprocess.run([*WICK, "--data", str(big), "validate"], env=env, check=True, capture_output=True)
        command = [*WICK, "--data", str(big), "quiz", "--seed", "1", "--export", "json"]
        results.append(measure(f"N={n:,}: quiz start-up (--export json)", command, env, runs, None))
    return results


def fuzzy_in_process(big: Path, env: dict[str, str]) -> float:
    """Median milliseconds of one fuzzy query over every name, measured inside one process."""
    code = (
        "import os, statistics, time\n"
        "from wickcli import cache\nfrom wickcli.resolve import Resolver\n"
        f"r = Resolver(cache.load({str(big)!r}))\nr.search('warmup')\n"
        "times = []\n"
        "for q in ['Kamo Rosi', 'Ada Nakamura', 'The Lumo', 'Zeller', 'Vikor Volkov']*4:\n"
        "    t = time.perf_counter(); r.search(q); times.append(time.perf_counter() - t)\n"
        "print(statistics.median(times) * 1000)\n"
    )
    out = subprocess.run([PY, "-c", code], env=env, check=True, capture_output=True, text=True)
    return float(out.stdout.strip())


IMPORTS = {
    "who-plays Rooney --json": (["who-plays", "Rooney", "--json"], {}),
    "who-plays Rooney (piped)": (["who-plays", "Rooney"], {}),
    "who-plays Rooney (terminal)": (["who-plays", "Rooney"], {"TTY_COMPATIBLE": "1"}),
    "completion": ([], {"_WICK_COMPLETE": "complete_bash", "COMP_WORDS": "wick who-plays Ro", "COMP_CWORD": "2"}),
}
"""Lookups whose imports the report breaks down (TTY_COMPATIBLE=1 makes wick and Rich lay out for a terminal)."""


def import_profile(env: dict[str, str], runs: int = 7) -> dict[str, list[tuple[str, float]]]:
    """Per lookup, the median milliseconds of each top-level import (``python -X importtime``), largest first."""
    profile = {}
    for label, (args, extra) in IMPORTS.items():
        times: dict[str, list[float]] = {}
        for _ in range(runs):
            cmd = [PY, "-X", "importtime", WICK[0], *args]
            out = subprocess.run(cmd, env={**env, **extra}, capture_output=True, text=True)
            if out.returncode != 0:
                raise SystemExit(f"{' '.join(cmd)} exited {out.returncode}")
            for line in out.stderr.splitlines():
                if not line.startswith("import time:") or "|" not in line or "cumulative" in line:
                    continue
                _, cumulative, name = line.split("|")
                if not name.startswith("  "):  # one space after the bar: a top-level import
                    times.setdefault(name.strip(), []).append(int(cumulative) / 1000)
        medians = [(name, statistics.median(ms)) for name, ms in times.items()]
        profile[label] = sorted(medians, key=lambda item: -item[1])
    return profile


def write_report(
    path: Path,
    results: list[Result],
    fuzzy_ms: dict[int, float],
    names: dict[int, tuple[str, str]],
    imports: dict[str, list[tuple[str, float]]],
    runs: int,
) -> None:
    versions = ", ".join(
        f"{p} {importlib.metadata.version(p)}" for p in ("wickcli", "typer", "rich", "PyYAML", "rapidfuzz")
    )
    lines = [
        "# Performance",
        "",
        "Written by `python bench/run.py` (whole processes timed from outside; each run of a command is",
        "paired with a run of F1 just before it, and a ratio is the median of those per-run ratios). Lookups",
        "run in the default configuration (no `WICK_CACHE`: the cache folder comes from platformdirs) with",
        "the cache of the knowledge file already built, unless a row says otherwise.",
        "",
        f"- Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}; {versions}",
        f"- Runs per command: {runs} (fewer for the largest synthetic files)",
        '- F0: `python -c pass`; F1: `python -c "import typer, rich.console, rich.table, yaml, rapidfuzz.process"`',
        "",
        "## Targets",
        "",
        "| command | target | measured | met |",
        "|---|---|---|---|",
    ]
    for res in results:
        if res.target is None:
            continue
        measured = f"{res.ratio:.2f} × F1, {res.wall:.2f} s, peak {res.rss_kb / 1024:.0f} MiB"
        met = "yes" if res.met else "**no**: " + ", ".join(res.misses)
        lines.append(f"| {res.name} | {res.target} | {measured} | {met} |")
    lines += [
        "",
        "## Every command measured",
        "",
        "| command | median wall | ratio to F1 | peak memory |",
        "|---|---:|---:|---:|",
    ]
    for res in results:
        lines.append(f"| {res.name} | {res.wall * 1000:.0f} ms | {res.ratio:.2f} | {res.rss_kb / 1024:.0f} MiB |")
    lines += [
        "",
        "The synthetic files come from `bench/make_big_kb.py`; the names looked up in each are unique in it,",
        "and the typo (two neighbouring letters swapped) resolves to the same character:",
        "",
        "| characters | exact lookup | typo lookup |",
        "|---:|---|---|",
    ]
    for n, (name, typo) in names.items():
        lines.append(f"| {n:,} | `who-plays {name!r}` | `who-plays {typo!r}` |")
    lines += [
        "",
        "## Fuzzy resolution in process (one query over every name)",
        "",
        "| characters | names | median per query |",
        "|---:|---:|---:|",
    ]
    for n, ms in fuzzy_ms.items():
        lines.append(f"| {n:,} | ~{3 * n:,} | {ms:.1f} ms |")
    lines += [
        "",
        "## Where the time of a lookup goes: imports",
        "",
        "Median milliseconds of each top-level import (`python -X importtime`, which slows imports",
        "somewhat), for the shipped file with its cache built; the rest of a run is the interpreter",
        "(F0 above) and the lookup itself.",
        "",
    ]
    for label, found in imports.items():
        total = sum(ms for _, ms in found)
        shown = ", ".join(f"{name} {ms:.1f}" for name, ms in found if ms >= 0.5)
        lines.append(f"- **{label}**: {total:.0f} ms in all; {shown}")
    # Keep the hand-written reading of the numbers that follows the marker.
    marker = "<!-- notes: kept by bench/run.py -->"
    old = path.read_text() if path.exists() else ""
    notes = old[old.index(marker) :] if marker in old else marker + "\n"
    path.write_text("\n".join(lines) + "\n\n" + notes)
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
