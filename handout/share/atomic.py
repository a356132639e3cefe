"""Write the finished file atomically: bytes -> a temporary file beside the target -> renamed into place.

A build that fails, is interrupted (Ctrl-C) or races another build for the same path never leaves a
half-written file or a temporary file behind. Only a regular file (or nothing) is ever replaced: a device,
a named pipe or a folder in the way is refused, whoever calls (see output_target.py for what `-o` may
replace besides).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

from handout.content.input_file import file_kind
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
        reason = (
            f"{blocking[0]} is {blocking[1]}, not a folder"
            if blocking
            else (error.strerror or "the system refused")
        )
        raise HandoutError(
            f"cannot write to the folder {path.parent}: {reason}: choose another place with -o"
        ) from None
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
        _refuse_what_is_not_a_file(path)
        os.replace(temporary, path)
    except OSError as error:
        _remove(temporary)
        raise HandoutError(
            f"cannot write {path}: {error.strerror or 'the system refused'}: choose another place with -o"
        ) from None
    except BaseException:  # Ctrl-C or a refusal: no temporary file is left behind
        _remove(temporary)
        raise


def _refuse_what_is_not_a_file(path: Path) -> None:
    """A device, pipe or folder at `path` (or a link to one) is never replaced by the file."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    kind = file_kind(mode)
    if kind is not None:
        raise HandoutError(
            f"{path}: is {kind}: handout only writes ordinary files; choose another place with -o"
        )


def _remove(temporary: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temporary)


def _file_in_the_way(folder: Path) -> tuple[Path, str] | None:
    """The file (and what it is) that stands where a folder of the path should be, if any: the system's
    own words for it ("File exists", "Not a directory") do not tell a coach which name to change."""
    for ancestor in (folder, *folder.parents):
        try:
            mode = ancestor.stat().st_mode
        except OSError:
            continue
        if stat.S_ISDIR(mode):
            return None
        return ancestor, file_kind(mode) or "a file"
    return None
