"""Where an article comes from: a regular file or standard input -> its text and the reader it needs.

Reading is bounded: only regular files (a FIFO or /dev/zero would never end), at most
MAX_ARTICLE_BYTES, and UTF-8; each refusal is one error line.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from handout.errors import HandoutError

MAX_ARTICLE_BYTES = 5_000_000
"""5 MB: a saved web page with its scripts and styles is rarely over 2 MB, an article's own text under
100 kB; anything larger is not an article, and the import stays well under a second or two below it."""
KINDS = {".html": "html", ".htm": "html"}
"""A web page is read as HTML by its name; text and Markdown are told apart by what they hold, since a
.md file may be plain text and a .txt file Markdown."""


def read_article(reference: str) -> tuple[str, str, str | None]:
    """The article's text, how messages name it, and its kind from its file name (None: guess from text).

    `reference` is a file's path, or "-" for standard input.
    """
    if reference == "-":
        data = sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1)
        return decoded(data, "standard input"), "standard input", None
    path = Path(reference)
    try:
        status = os.stat(path)
    except FileNotFoundError:
        raise HandoutError(f"{reference}: no such article file: check the name and the folder") from None
    except OSError as error:
        raise HandoutError(f"{reference}: cannot read the article ({error.strerror})") from None
    if stat.S_ISDIR(status.st_mode):
        raise HandoutError(f"{reference}: is a folder, not an article file: give the file inside it")
    if not stat.S_ISREG(status.st_mode):
        raise HandoutError(
            f"{reference}: is not a regular file (a device or pipe?): save the article to a file"
        )
    if status.st_size > MAX_ARTICLE_BYTES:
        raise too_large(reference)
    try:
        with open(path, "rb") as file:
            data = file.read(MAX_ARTICLE_BYTES + 1)
    except OSError as error:
        raise HandoutError(f"{reference}: cannot read the article ({error.strerror})") from None
    return decoded(data, reference), reference, KINDS.get(path.suffix.lower())


def decoded(data: bytes, shown_as: str) -> str:
    if len(data) > MAX_ARTICLE_BYTES:
        raise too_large(shown_as)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise HandoutError(
            f"{shown_as}: is not UTF-8 text (byte {error.start + 1}): save the article as UTF-8"
        ) from None


def too_large(shown_as: str) -> HandoutError:
    return HandoutError(
        f"{shown_as}: is over {MAX_ARTICLE_BYTES // 1_000_000} MB, too large for an article: "
        "save only the article's page, or copy its text"
    )
