"""A photo a visitor sends -> checked, print-sized bytes, known on the server by a name the server makes.

Everything that comes back from the page is the visitor's text, hidden fields included, so a photo's
file name is never used as a path: the server keeps the visitor's spelling only to show it, and knows
the photo by a hash of its content (`photo_key`). A photo's pixel count is read from its header and
refused before anything is decoded: a 25 kB WebP can declare 79 megapixels, and decoding it would take
a gigabyte. A photo is brought down to print size once, when it arrives, and kept so (web/photo_store.py):
every later request draws a few hundred kilobytes, not a phone's megabytes.
"""

from __future__ import annotations

import hashlib
import io
import unicodedata

from handout.content.photo_file import FORMATS, UNREADABLE, image_problem
from handout.draw.photos import print_sized
from handout.errors import HandoutError

MAX_MEGAPIXELS = 24
"""A photo sent to the web page may have at most this many pixels: a phone's normal photo is 12 to 16
megapixels; a larger one is asked to be saved smaller, before it costs the server its memory."""
PRINT_SIDE = 1600
"""Pixels on a photo's longest side once it has arrived: 300 dpi across 13 cm, more than a card shows."""
SHOWN_NAME_LENGTH = 80
"""Characters of the visitor's file name kept for display."""


def received_photo(content: bytes, shown_name: str, where: str) -> bytes:
    """A photo's bytes at print size, or a HandoutError saying why it cannot be used.

    `shown_name` is the visitor's name for the photo (for the message only), `where` the field it came in.
    """
    size = pixel_size(content)
    if size is None:
        raise HandoutError(f'{where}: "{shown_name}" is not a JPEG, PNG or WebP image: save the photo as one')
    megapixels = size[0] * size[1] / 1e6
    if megapixels > MAX_MEGAPIXELS:
        raise HandoutError(
            f'{where}: "{shown_name}" is too large ({megapixels:.0f} megapixels): '
            f"use a photo under {MAX_MEGAPIXELS} megapixels, like a phone's normal photo"
        )
    problem = image_problem(io.BytesIO(content))
    if problem == UNREADABLE:
        raise HandoutError(f'{where}: "{shown_name}" is not a JPEG, PNG or WebP image: save the photo as one')
    if problem:
        raise HandoutError(f'{where}: "{shown_name}" {problem}')
    from PIL import Image

    try:
        return print_sized(content, PRINT_SIDE)
    except (
        OSError,
        ValueError,
        SyntaxError,
        Image.DecompressionBombError,
    ):  # a header that reads, pixels that do not
        raise HandoutError(
            f'{where}: "{shown_name}" is damaged and cannot be read: save the photo again'
        ) from None


def pixel_size(content: bytes) -> tuple[int, int] | None:
    """Width and height as the image's header declares them, read without decoding a pixel."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(content), formats=FORMATS) as image:
            return image.size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return None


def photo_key(content: bytes) -> str:
    """The name the server knows a photo by: its content's hash, the same in every request that sends it."""
    return "photo-" + hashlib.sha256(content).hexdigest()[:20]


def shown_name(filename: str) -> str:
    """The visitor's name of a photo as the page shows it: no folders, no control characters, not too long."""
    name = filename.replace("\\", "/").rsplit("/", 1)[-1]
    printable = "".join(char for char in name if unicodedata.category(char)[0] != "C").strip()
    return printable[:SHOWN_NAME_LENGTH] or "photo"
