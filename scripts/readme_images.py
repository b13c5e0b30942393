"""Render real wick commands to SVG for the README, so the pictures never drift from the code.

Run: python scripts/readme_images.py  (writes docs/img/*.svg)
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from rich.console import Console
from rich.text import Text

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = {
    "who-plays": ["who-plays", "Rooney"],
    "release-date": ["release-date", "Ballerina"],
    "timeline": ["timeline"],
    "info": ["info", "Charon", "--no-spoilers"],
}


def main() -> None:
    """Run each command as a user would on an 80-column colour terminal and save it as SVG."""
    env = {**os.environ, "FORCE_COLOR": "1", "COLUMNS": "80", "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    out = ROOT / "docs" / "img"
    out.mkdir(parents=True, exist_ok=True)
    for name, args in COMMANDS.items():
        result = subprocess.run(
            [sys.executable, "-m", "wickcli", *args], capture_output=True, text=True, env=env, check=True
        )
        console = Console(record=True, width=80, force_terminal=True, file=io.StringIO())
        console.print(Text.from_ansi(result.stdout))
        console.save_svg(str(out / f"{name}.svg"), title=f"wick {' '.join(args)}")
        print(f"wrote docs/img/{name}.svg")


if __name__ == "__main__":
    main()
