"""Check a user's photo file before anything is laid out: path -> None, or why it cannot be used.

A routine names its photos; a photo that cannot be decoded is reported with the routine's other problems,
when it is loaded, rather than half-way through drawing. Drawing the photo (draw/photos.py) decodes it
again at its printed size and shares these limits. Pillow is imported inside the functions: a sheet
without photos should not pay for it at start-up.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from handout.content.input_file import check_regular_file
from handout.errors import HandoutError

MAX_MEGAPIXELS = 80
"""Larger images are refused: no camera makes them, but a decompression bomb does."""
FORMATS = ("JPEG", "PNG", "WEBP")
"""The only formats Pillow may open, by content: never EPS or PostScript, which Pillow hands to
Ghostscript, nor the dozens of rarer formats whose decoders nobody here needs."""
UNREADABLE = "is not a readable image: use a JPEG, PNG or WebP file"
NOT_A_FILE = "is not a file (a folder, a pipe or a device): give a JPEG, PNG or WebP file"


def photo_problem(path: Path) -> str | None:
    """Why a file cannot be used as a photo, in words for the user, or None if its header reads fine."""
    try:
        check_regular_file(path, "", "photo")
    except HandoutError as error:
        return error.messages[0].removeprefix(": ")
    return image_problem(path)


def image_problem(source: Path | BinaryIO) -> str | None:
    """Why an image's content cannot be used as a photo, or None: JPEG, PNG or WebP by content (never
    another decoder), under MAX_MEGAPIXELS, and a header that reads. A file on disk or an upload's bytes."""
    from PIL import Image, UnidentifiedImageError

    try:
        with bombs_refused(), Image.open(source, formats=FORMATS) as image:
            megapixels = image.width * image.height / 1e6
            if megapixels > MAX_MEGAPIXELS:
                return too_large(megapixels)
            image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return too_large(None)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return UNREADABLE
    return None


@contextmanager
def bombs_refused() -> Iterator[None]:
    """Turn Pillow's decompression-bomb warning into an error: a warning is not a refusal."""
    from PIL import Image

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        yield


def too_large(megapixels: float | None) -> str:
    size = f" ({megapixels:.0f} megapixels)" if megapixels else ""
    return f"is too large{size}: use a photo under {MAX_MEGAPIXELS} megapixels"
