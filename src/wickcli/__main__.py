"""Entry point for ``wick`` and ``python -m wickcli``: kept tiny so Ctrl-C at start-up exits cleanly."""

from __future__ import annotations

import os
import sys


def main() -> None:
    """Answer a plain lookup directly, else import the CLI and run it.

    An interrupt at any moment ends with status 130 and one line.
    """
    _closed_streams_to_devnull()
    try:
        if sys.argv[1:] == ["--version"]:
            # Answer without building the whole command line: this is what scripts call most.
            from . import __version__

            sys.stdout.write(f"wick {__version__}\n")
            sys.stdout.flush()
            return
        from .dispatch import answer

        code = answer(sys.argv[1:])
        if code is None:
            _run()
            return
        sys.stdout.flush()  # a closed pipe shows up here, as it does after Typer
        sys.exit(code)
    except KeyboardInterrupt:
        from .errors import ExitStatus  # imported where it is needed: --version does without typing and enum

        sys.stderr.write("Interrupted.\n")
        sys.exit(ExitStatus.INTERRUPTED)
    except BrokenPipeError:
        _quiet_exit()
    except Exception as error:  # the last resort: what no other handler turned into a message is a fault in wick
        if os.environ.get("WICK_DEBUG"):
            raise
        from .errors import ExitStatus

        sys.stderr.write(f"wick: internal error: {type(error).__name__}: {error} (WICK_DEBUG=1 shows the traceback)\n")
        sys.exit(ExitStatus.INTERNAL)


def _run() -> None:
    from .cli import main as run

    stdout = sys.stdout
    try:
        run()
    except SystemExit:
        # Click ends a write to a closed pipe (wick --help | true) with status 1, after wrapping
        # stdout so the final flush stays quiet; a reader that stopped early is not a failure.
        if sys.stdout is not stdout and getattr(sys.stdout, "wrapped", None) is stdout:
            _quiet_exit()
        sys.stdout.flush()  # a closed pipe shows up here, not in the interpreter's flush at exit
        raise
    sys.stdout.flush()


def _closed_streams_to_devnull() -> None:
    """Run with stdout or stderr closed (wick --version >&-): what would go there goes nowhere."""
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (open for the whole run)
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115


def _quiet_exit() -> None:
    """End with status 0 after the reader closed the pipe, without a complaint from the final flush."""
    from .errors import ExitStatus

    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(ExitStatus.OK)


if __name__ == "__main__":
    main()
