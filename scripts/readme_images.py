"""Render real wick commands for the README, so its pictures and sample output never drift from the code.

Writes docs/img/*.svg from an 80-column colour terminal, and rewrites the output under every
`$ wick ...` line of the console blocks in README.md and docs/knowledge-format.md with what the
command prints in a pipe at 80 columns, "today" being the knowledge file's data_as_of date.
The docs tests compare those blocks with the real output.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = {
    "ask": ["ask", "when", "does", "ballerina", "take", "place"],
    "who-plays": ["who-plays", "Rooney"],
    "release-date": ["release-date", "Ballerina"],
    "timeline": ["timeline"],
    "info": ["info", "Charon", "--no-spoilers"],
}
SAMPLED = [ROOT / "README.md", ROOT / "docs" / "knowledge-format.md"]
_STYLE = re.compile(r"\x1b\[[0-9;]*m")
_BLOCK = re.compile(r"^( *)```console\n(.*?)^\1```$", re.S | re.M)


def _wick(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "wickcli", *args], capture_output=True, text=True, env=env, cwd=ROOT)


def sample_env() -> dict[str, str]:
    """The environment samples are made in: a colourless terminal 80 columns wide, today fixed at the data's date."""
    from wickcli import loader

    today = loader.load(str(ROOT / "data" / "franchise.yaml")).data_as_of
    env = {k: v for k, v in os.environ.items() if k not in ("WICK_DATA", "FORCE_COLOR")}
    return {**env, "COLUMNS": "80", "NO_COLOR": "1", "TTY_COMPATIBLE": "1", "WICK_TODAY": str(today)}


def output(command: str, env: dict[str, str]) -> list[str]:
    """What `$ wick ...` shows: stdout, then stderr, with the padding at the ends of lines removed."""
    result = _wick(shlex.split(command)[1:], env)
    text = _STYLE.sub("", result.stdout + result.stderr)  # NO_COLOR leaves bold and dim: plain text here
    return [line.rstrip() for line in text.splitlines()]


def refresh(markdown: str, env: dict[str, str]) -> str:
    """The markdown with each console block's `$ wick` commands followed by their real output."""

    def block(match: re.Match[str]) -> str:
        indent, body = match.group(1), match.group(2)
        lines: list[str] = []
        for line in body.splitlines():
            text = line.removeprefix(indent)
            if text.startswith("$ "):
                if lines:
                    lines.append("")
                lines.append(text)
                if text.startswith("$ wick "):
                    lines.extend(output(text[2:], env))
        shown = "".join(f"{indent}{line}".rstrip() + "\n" for line in lines)
        return f"{indent}```console\n{shown}{indent}```"

    return _BLOCK.sub(block, markdown)


def images() -> None:
    """Run each command as a user would on an 80-column colour terminal and save it as SVG."""
    from rich.console import Console
    from rich.text import Text

    env = {**sample_env(), "FORCE_COLOR": "1", "TERM": "xterm-256color"}
    env.pop("NO_COLOR")
    out = ROOT / "docs" / "img"
    out.mkdir(parents=True, exist_ok=True)
    for name, args in COMMANDS.items():
        result = _wick(args, env)
        result.check_returncode()
        console = Console(record=True, width=80, force_terminal=True, file=io.StringIO())
        console.print(Text.from_ansi(result.stdout))
        console.save_svg(str(out / f"{name}.svg"), title=f"wick {' '.join(args)}")
        print(f"wrote docs/img/{name}.svg")


def main(argv: list[str] | None = None) -> None:
    """Parse the options, then write the pictures and the sample output."""
    parser = argparse.ArgumentParser(
        prog="python scripts/readme_images.py", description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.parse_args(argv)
    images()
    env = sample_env()
    for path in SAMPLED:
        text = path.read_text()
        new = refresh(text, env)
        if new != text:
            path.write_text(new)
            print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
