"""Write the finished file atomically: bytes -> a temporary file beside the target -> renamed into place.

A build that fails, or two builds racing for the same path, never leave a half-written file behind.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from handout.errors import HandoutError

NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def write_atomic(path: Path, data: bytes) -> None:
    temporary = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Mode 0o666 less the user's umask, like any file the user makes: the sheet is for sharing.
        descriptor = os.open(temporary, NEW_FILE, 0o666)
    except OSError as error:
        blocking = _file_in_the_way(path.parent)
        reason = f"{blocking} is a file, not a folder" if blocking else error.strerror
        raise HandoutError(
            f"cannot write to the folder {path.parent}: {reason}: choose another place with -o"
        ) from None
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise HandoutError(f"cannot write {path}: {error.strerror}: choose another place with -o") from None


def _file_in_the_way(folder: Path) -> Path | None:
    """The file that stands where a folder of the path should be, if any: the system's own words for it
    ("File exists", "Not a directory") do not tell a coach which name to change."""
    for ancestor in (folder, *folder.parents):
        if ancestor.exists():
            return ancestor if not ancestor.is_dir() else None
    return None
