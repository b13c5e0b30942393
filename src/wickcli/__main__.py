"""Entry point for ``wick`` and ``python -m wickcli``: kept tiny so Ctrl-C at start-up exits cleanly."""

from __future__ import annotations

import sys


def main() -> None:
    """Import the CLI and run it; an interrupt at any moment ends with status 130 and one line."""
    if sys.argv[1:] == ["--version"]:
        # Answer without building the whole command line: this is what scripts call most.
        from . import __version__

        sys.stdout.write(f"wick {__version__}\n")
        return
    try:
        from .cli import main as run

        run()
    except KeyboardInterrupt:
        sys.stderr.write("Interrupted.\n")
        sys.exit(130)


if __name__ == "__main__":
    main()
