"""Finding and reading knowledge files, without parsing them (no YAML here: it costs time to import)."""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterator

MAX_BYTES = 40 * 1024 * 1024
"""Knowledge files larger than this are refused before parsing."""


def read_bytes(path: str) -> bytes:
    """Read a knowledge file's bytes, turning OS errors into DataFileError.

    At most the limit and one byte are read, whatever the file is: a device such as /dev/zero
    or a pipe says nothing of its size in advance, and would otherwise be read without end.
    """
    from .errors import DataFileError, Problem  # here, not above: completion finds the file without errors' types

    limit = f"the limit is {MAX_BYTES // 2**20} MiB"
    try:
        size = os.stat(path).st_size
        if size > MAX_BYTES:
            raise DataFileError(path, [Problem(None, None, "", f"file is {size / 2**20:.0f} MiB; {limit}")])
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise DataFileError(path, [Problem(None, None, "", f"file is over {MAX_BYTES // 2**20} MiB; {limit}")])
        return data
    except FileNotFoundError:
        raise DataFileError(path, [Problem(None, None, "", "no such file")]) from None
    except IsADirectoryError:
        raise DataFileError(path, [Problem(None, None, "", "is a directory, not a knowledge file")]) from None
    except PermissionError:
        raise DataFileError(path, [Problem(None, None, "", "permission denied")]) from None
    except OSError as exc:
        raise DataFileError(path, [Problem(None, None, "", exc.strerror or str(exc))]) from None


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cycle collector while building many objects that all stay alive.

    Without this, a large file triggers full collections over every node built so far,
    and parsing grows much faster than the file (measured: 4.7 s instead of 1.9 s at 3.7 MB).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def default_path() -> str:
    """The knowledge file to use: $WICK_DATA, else the one shipped with wick."""
    env = os.environ.get("WICK_DATA")
    if env:
        return env
    here = os.path.dirname(os.path.realpath(__file__))
    packaged = os.path.join(here, "data", "franchise.yaml")
    if os.path.isfile(packaged):
        return packaged
    # A source checkout (editable install) keeps the file at the repository root.
    return os.path.join(os.path.dirname(os.path.dirname(here)), "data", "franchise.yaml")
