"""Write the finished file atomically: bytes -> a temporary file beside the target -> renamed into place.

A build that fails, or two builds racing for the same path, never leave a half-written PDF behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from handout.errors import HandoutError


def write_atomic(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise HandoutError(
            f"cannot write to the folder {path.parent}: {error.strerror}: choose another place with -o"
        ) from None
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes it private; the PDF is for sharing
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise HandoutError(f"cannot write {path}: {error.strerror}: choose another place with -o") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
