"""Read a file a user names, safely: path -> bytes, from a regular file only, under a cap, never hanging.

Routines, layouts, rosters, articles and photos come from coaches and from files they were sent, so a
name may point at anything: a folder, a named pipe (FIFO) that never ends, a device like /dev/zero or
/dev/urandom, or a symbolic link to one of them. The file is opened without blocking and checked with
`fstat` on the open descriptor (so nothing can be swapped in between the check and the read): anything
that is not a regular file is refused in words that say what it is, and a file over its kind's cap is
refused before it is read whole.

The importer and the web page use `read_user_file` too; `SIZE_LIMITS` is the documented cap per kind.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from handout.errors import HandoutError

MB = 1024 * 1024
SIZE_LIMITS: dict[str, int] = {
    "routine": 1 * MB,
    "layout": 1 * MB,
    "pose": 1 * MB,
    "roster": 20 * MB,
    "article": 5 * MB,
    "photo": 50 * MB,
}
"""Bytes. Generous: a hand-written routine or layout is a few kilobytes, a club's roster of 10,000
runners under 1 MB, a saved web page with its scripts under 2 MB (an article's own text under 100 kB),
a phone photo under 15 MB. Anything larger is a mistake (the wrong file) or an attack, and reading it
whole would only waste memory."""
DEFAULT_LIMIT = 16 * MB
_OPEN_FLAGS = (
    os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
)


def read_user_file(path: Path, shown_as: str, what: str, limit: int | None = None) -> bytes:
    """The bytes of a regular file, at most `limit` (default: the cap of its kind, `what`).

    `shown_as` is the name the user knows the file by, `what` its kind ("routine", "roster", ...).
    Raises one HandoutError saying what is wrong: missing, a folder, a pipe or device, too large.
    """
    cap = limit if limit is not None else SIZE_LIMITS.get(what, DEFAULT_LIMIT)
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise HandoutError(f"{shown_as}: no such {what} file: check the name and folder") from None
    except IsADirectoryError:
        raise HandoutError(not_a_file(shown_as, what, "a folder")) from None
    except OSError as error:
        raise HandoutError(f"{shown_as}: cannot read it ({error.strerror or 'the system refused'})") from None
    try:
        status = os.fstat(descriptor)
        kind = file_kind(status.st_mode)
        if kind is not None:
            raise HandoutError(not_a_file(shown_as, what, kind))
        if status.st_size > cap:
            raise HandoutError(too_large(shown_as, what, status.st_size, cap))
        # A regular file cannot block; O_NONBLOCK is off again so that reads of it behave as usual.
        os.set_blocking(descriptor, True)
        with os.fdopen(descriptor, "rb", closefd=False) as file:
            data = file.read(cap + 1)  # the file may have grown since fstat
    except OSError as error:
        raise HandoutError(f"{shown_as}: cannot read it ({error.strerror or 'the system refused'})") from None
    finally:
        os.close(descriptor)
    if len(data) > cap:
        raise HandoutError(too_large(shown_as, what, len(data), cap))
    return data


def check_regular_file(path: Path, shown_as: str, what: str) -> None:
    """Refuse, without opening it, a path that is not a regular file of at most its kind's size."""
    try:
        status = path.stat()
    except FileNotFoundError:
        raise HandoutError(f"{shown_as}: no such {what} file: check the name and folder") from None
    except OSError as error:
        raise HandoutError(f"{shown_as}: cannot read it ({error.strerror or 'the system refused'})") from None
    kind = file_kind(status.st_mode)
    if kind is not None:
        raise HandoutError(not_a_file(shown_as, what, kind))
    cap = SIZE_LIMITS.get(what, DEFAULT_LIMIT)
    if status.st_size > cap:
        raise HandoutError(too_large(shown_as, what, status.st_size, cap))


def file_kind(mode: int) -> str | None:
    """What a file that is not a regular file is, in a coach's words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def not_a_file(shown_as: str, what: str, kind: str) -> str:
    return f"{shown_as}: is {kind}, not {_article(what)} {what} file: give the path of the file itself"


def too_large(shown_as: str, what: str, size: int, cap: int) -> str:
    return (
        f"{shown_as}: is {size / MB:.1f} MB, too large for {_article(what)} {what} file "
        f"(at most {cap // MB} MB): "
        "check that it is the right file"
    )


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"
