"""Entry point for ``wick`` and ``python -m wickcli``: kept tiny so Ctrl-C at start-up exits cleanly."""

from __future__ import annotations

import sys


def main() -> None:
    """Import the CLI and run it; an interrupt at any moment ends with status 130 and one line."""
    try:
        from .cli import main as run

        run()
    except KeyboardInterrupt:
        sys.stderr.write("Interrupted.\n")
        sys.exit(130)


if __name__ == "__main__":
    main()
