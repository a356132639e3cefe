"""All raster drawing in one place: a checked photo file -> upright, print-sized JPEG or PNG bytes.

Phone photos arrive rotated (EXIF), huge (12 megapixels), sometimes CMYK, 16-bit or transparent. Printed
4 cm wide they need no more than 300 dpi, so they are decoded at reduced size (JPEG draft mode: fast and
light on memory), turned upright, flattened onto white and re-encoded before reportlab embeds them.
Pillow is imported inside the functions: a sheet without photos should not pay for it at start-up.
"""

from __future__ import annotations

import hashlib
import io
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from handout.content.photo_file import FORMATS, UNREADABLE, bombs_refused, too_large
from handout.errors import HandoutError
from handout.model import Rect

if TYPE_CHECKING:
    from PIL.Image import Image

PRINT_DPI = 300
ROTATED_ORIENTATIONS = {5, 6, 7, 8}
"""EXIF orientations that swap width and height."""
LOSSLESS_FORMATS = {"PNG", "GIF", "BMP"}
"""Sources that are usually drawings or screenshots, kept sharp rather than JPEG-compressed."""


@dataclass(frozen=True)
class PreparedImage:
    data: bytes
    """JPEG or PNG file bytes, which reportlab embeds as they are."""
    pixel_width: int
    pixel_height: int
    placed: Rect
    """Where the image goes, in page coordinates: inside its box, aspect ratio kept."""


def prepare_photo(
    path: Path, box: Rect, fit: Literal["contain", "cover"], owner: str, grayscale: bool = False
) -> PreparedImage:
    """Decode, orient, flatten and downsample a photo for `box`; `owner` names file and stretch in errors.

    With `grayscale` the photo is stored with one gray channel: no colour in an ink-saving sheet, and a
    third of the size.
    """
    from PIL import Image, UnidentifiedImageError

    try:
        return _prepared_by_content(path, box, fit, grayscale)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise HandoutError(f'{owner}: image "{path.name}" {too_large(None)}') from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise HandoutError(f'{owner}: image "{path.name}" {UNREADABLE}') from None


PREPARED_KEPT = 64
"""Photos kept prepared, by content and box: a few megabytes each at most (print size)."""
_PREPARED: OrderedDict[tuple[bytes, Rect, str, bool], PreparedImage] = OrderedDict()
_PREPARED_LOCK = threading.Lock()  # the web page's builders prepare photos in several threads


def _prepared_by_content(
    path: Path, box: Rect, fit: Literal["contain", "cover"], grayscale: bool
) -> PreparedImage:
    """prepare_photo's work, done once per photo content and box: every sheet of a batch places the same
    photos, and the web page writes a coach's photo to a new file for each preview of the sheet (the
    request's own folder), so the file's name and time say nothing; its bytes do. Decoding is the
    slowest step of a sheet with a photo (about 100 ms); reading and hashing the bytes take a few."""
    content = path.read_bytes()
    key = (hashlib.blake2b(content, digest_size=20).digest(), box, fit, grayscale)
    with _PREPARED_LOCK:
        if key in _PREPARED:
            _PREPARED.move_to_end(key)
            return _PREPARED[key]
    prepared = _prepared(content, box, fit, grayscale)
    with _PREPARED_LOCK:
        _PREPARED[key] = prepared
        while len(_PREPARED) > PREPARED_KEPT:
            _PREPARED.popitem(last=False)
    return prepared


def _prepared(content: bytes, box: Rect, fit: Literal["contain", "cover"], grayscale: bool) -> PreparedImage:
    from PIL import Image, ImageOps

    with bombs_refused(), Image.open(io.BytesIO(content), formats=FORMATS) as original:
        lossless = original.format in LOSSLESS_FORMATS
        rotated = _orientation(original) in ROTATED_ORIENTATIONS
        width, height = (original.height, original.width) if rotated else original.size
        points_per_pixel = (min if fit == "contain" else max)(box.width / width, box.height / height)
        factor = min(1.0, points_per_pixel / 72 * PRINT_DPI)
        target = (max(1, round(width * factor)), max(1, round(height * factor)))
        if original.format == "JPEG":
            original.draft("RGB", (target[1], target[0]) if rotated else target)
        image = _flatten(ImageOps.exif_transpose(original))
        if image.width > target[0]:
            image = image.resize(target, Image.Resampling.LANCZOS, reducing_gap=2.0)
        if fit == "cover":
            image = _crop_to_box(image, box)
        if grayscale:
            image = image.convert("L")
        data = _encode(image, lossless)
    placed = box if fit == "cover" else _centred(width, height, box)
    return PreparedImage(data, image.width, image.height, placed)


def _orientation(image: Image) -> int:
    return int(image.getexif().get(0x0112, 1))


def _centred(width: int, height: int, box: Rect) -> Rect:
    """The largest rectangle of the image's proportions centred in the box: no distortion."""
    scale = min(box.width / width, box.height / height)
    placed_width, placed_height = width * scale, height * scale
    return Rect(
        box.x + (box.width - placed_width) / 2,
        box.y + (box.height - placed_height) / 2,
        placed_width,
        placed_height,
    )


def _flatten(image: Image) -> Image:
    """RGB or grayscale, 8-bit, transparency composited onto white paper."""
    from PIL import Image as PILImage

    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        white = PILImage.new("RGB", rgba.size, "white")
        white.paste(rgba, mask=rgba.getchannel("A"))
        return white
    if image.mode in ("L", "RGB"):
        return image
    if image.mode.startswith("I") or image.mode == "F":
        return image.point(lambda value: value / 256).convert("L")
    return image.convert("RGB")


def _crop_to_box(image: Image, box: Rect) -> Image:
    """The centred part of the image with the box's aspect ratio, for fit = "cover"."""
    box_ratio = box.width / box.height
    if image.width / image.height > box_ratio:
        new_width = round(image.height * box_ratio)
        left = (image.width - new_width) // 2
        return image.crop((left, 0, left + new_width, image.height))
    new_height = round(image.width / box_ratio)
    top = (image.height - new_height) // 2
    return image.crop((0, top, image.width, top + new_height))


def _encode(image: Image, lossless: bool) -> bytes:
    buffer = io.BytesIO()
    if lossless:
        image.save(buffer, "PNG", optimize=True)
    else:
        image.save(buffer, "JPEG", quality=85, optimize=True)
    return buffer.getvalue()


def print_sized(content: bytes, longest_side: int) -> bytes:
    """A checked photo's bytes no larger than `longest_side` pixels: the content itself when it already is,
    else upright, flattened and re-encoded at that size (a photo sent to the web page, once, on arrival).

    A 12-megapixel phone photo is 4 MB; at 1600 pixels it is about 300 kB and still prints at 300 dpi
    across 13 cm, wider than any card's photo.
    """
    from PIL import Image, ImageOps

    with bombs_refused(), Image.open(io.BytesIO(content), formats=FORMATS) as original:
        orientation = _orientation(original)
        if max(original.size) <= longest_side and orientation == 1:
            return content
        factor = min(1.0, longest_side / max(original.size))
        target = (max(1, round(original.width * factor)), max(1, round(original.height * factor)))
        if original.format == "JPEG":
            original.draft("RGB", target)
        lossless = original.format in LOSSLESS_FORMATS
        image = _flatten(ImageOps.exif_transpose(original))
        if orientation in ROTATED_ORIENTATIONS:
            target = (target[1], target[0])
        if image.width > target[0]:
            image = image.resize(target, Image.Resampling.LANCZOS, reducing_gap=2.0)
        return _encode(image, lossless)
