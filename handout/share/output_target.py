"""Decide whether a file may be written where the coach asked (-o): target + inputs -> fine, or why not.

What `-o` may replace, so that nothing a coach owns is lost:
- never one of the command's own inputs (the routine, the layout, a photo, the roster), compared by the
  file itself (device and inode) and by resolved path, so a hard link or a symbolic link does not slip by;
- never something that is not a regular file: a device (as root, `-o /dev/null` would otherwise be
  replaced by a file), a named pipe, a folder;
- never a read-only file: its owner said it should not change;
- an existing file that is not the kind we write (a PDF that does not start with `%PDF-`, a PNG without
  its signature, an e-mail without a header line) only with --force: `-o notes.docx` is a typo, not a wish.
An empty file, or one of the kind we write (yesterday's sheet), is simply replaced.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from handout.content.input_file import file_kind
from handout.errors import HandoutError

OutputKind = Literal["pdf", "png", "eml", "svg"]
KIND_NAMES: dict[OutputKind, str] = {
    "pdf": "a PDF",
    "png": "a PNG picture",
    "eml": "an e-mail (.eml)",
    "svg": "an SVG drawing",
}
_EMAIL_HEADER = re.compile(rb"(From |[!-9;-~]+:[ \t])")
"""An e-mail file starts with a header line ("Subject: ..."), or "From " in a mailbox."""
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF"),
    (b"\x89PNG\r\n\x1a\n", "a PNG picture"),
    (b"\xff\xd8\xff", "a JPEG photo"),
    (b"RIFF", "a WebP picture or other media file"),
    (b"PK\x03\x04", "a Word, Excel or zip file"),
    (b"\xd0\xcf\x11\xe0", "an Office document"),
)


Input = tuple[str, Path]
"""One of a command's inputs: what it is ("the routine") and its path."""


def check_output(target: Path, inputs: Iterable[Input], kind: OutputKind, *, force: bool = False) -> None:
    """Refuse, with one message, to write `target` when that could lose something of the user's."""
    problem = output_problem(target, inputs, kind, force=force)
    if problem:
        raise HandoutError(problem)


def output_problem(
    target: Path, inputs: Iterable[Input], kind: OutputKind, *, force: bool = False
) -> str | None:
    """Why `target` must not be written, in words for the coach, or None when it may be."""
    try:
        status = target.stat()  # follows a symbolic link: what matters is the file it points at
    except FileNotFoundError:
        return None  # nothing there (or a dangling link, replaced): nothing is lost
    except OSError:
        return None  # a file in the folder's path, a folder that cannot be read: writing says which
    what = _input_it_is(target, status, inputs)
    if what:
        return f"{target}: is {what}, which this command reads: choose another place with -o"
    kind_found = file_kind(status.st_mode)
    if kind_found is not None:
        return f"{target}: is {kind_found}: handout only writes ordinary files; choose another place with -o"
    if not status.st_mode & 0o222 or not os.access(target, os.W_OK):
        return f"{target}: is read-only, so handout leaves it as it is: choose another place with -o"
    if status.st_size and not force:
        found = _contents(target)
        if found is not None and not _is_kind(found, kind):
            return (
                f"{target}: already exists and is not {KIND_NAMES[kind]} ({_describe(found)}): "
                "give --force to replace it, or choose another place with -o"
            )
    return None


def check_folder_targets(
    folder: Path,
    targets: Iterable[Path],
    inputs: Iterable[Input],
    *,
    force: bool = False,
    advice: str = "give -o a folder for the sheets, or --merge for one PDF",
) -> None:
    """A folder of outputs (a batch's sheets, the exported figures) must be a folder, and no file in it
    may replace an input or a file of another kind than its suffix says (.pdf, .png, .svg): every such
    problem is reported at once, before anything is written."""
    if folder.exists() and not folder.is_dir():
        what = file_kind(folder.stat().st_mode) or "a file"
        raise HandoutError(f"{folder}: is {what}, not a folder: {advice}")
    inputs = list(inputs)
    problems = [output_problem(target, inputs, _kind_of(target), force=force) for target in targets]
    if any(problems):
        raise HandoutError(*[problem for problem in problems if problem])


def _input_it_is(target: Path, status: os.stat_result, inputs: Iterable[Input]) -> str | None:
    """Which input `target` is (the same file, by inode or resolved path), or None."""
    resolved = os.path.realpath(target)
    for what, source in inputs:
        try:
            source_status = source.stat()
        except OSError:
            continue
        same_file = (source_status.st_dev, source_status.st_ino) == (status.st_dev, status.st_ino)
        if same_file or os.path.realpath(source) == resolved:
            if os.path.abspath(source) == os.path.abspath(target):
                return what
            return f"{what} {source} (the same file under another name)"
    return None


def _contents(target: Path) -> bytes | None:
    """The first bytes of a regular file, read without blocking, or None when it cannot be read."""
    try:
        descriptor = os.open(target, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return None
        return os.read(descriptor, 64)
    except OSError:
        return None
    finally:
        os.close(descriptor)


def _kind_of(target: Path) -> OutputKind:
    """The kind of file a folder's output is, by its suffix (a batch writes .pdf sheets)."""
    suffix = target.suffix.lower().lstrip(".")
    return suffix if suffix in KIND_NAMES else "pdf"  # type: ignore[return-value]


def _is_kind(start: bytes, kind: OutputKind) -> bool:
    if kind == "pdf":
        return start.startswith(b"%PDF-")
    if kind == "png":
        return start.startswith(b"\x89PNG\r\n\x1a\n")
    if kind == "svg":
        return start.lstrip().startswith((b"<svg", b"<?xml"))
    return _EMAIL_HEADER.match(start) is not None


def _describe(start: bytes) -> str:
    for signature, name in _SIGNATURES:
        if start.startswith(signature):
            return f"it looks like {name}"
    return "it holds other data" if b"\x00" in start else "it holds text"
