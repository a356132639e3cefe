"""Where an article comes from: a regular file or standard input -> its text and the reader it needs.

Reading is bounded: a file is read by content/input_file.py's `read_user_file`, like every other input
(regular files only: a FIFO or /dev/zero would never end), standard input up to the same
MAX_ARTICLE_BYTES; the text must be UTF-8. Each refusal is one error line.
"""

from __future__ import annotations

import sys
from pathlib import Path

from handout.content.input_file import MB, SIZE_LIMITS, read_user_file
from handout.errors import HandoutError

MAX_ARTICLE_BYTES = SIZE_LIMITS["article"]
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
    data = read_user_file(path, reference, "article")
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
        f"{shown_as}: is over {MAX_ARTICLE_BYTES // MB} MB, too large for an article: "
        "save only the article's page, or copy its text"
    )
