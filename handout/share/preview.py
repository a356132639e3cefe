"""Rasterise a PDF for screens: PDF bytes -> a small PNG of its first page, at a given width in pixels.

The one place that turns a PDF into pixels (the sheet's preview, the e-mail's picture and the exported
figures all come through here), so what a screen shows is what the printer gets.
"""

from __future__ import annotations

import io
import threading

from PIL import Image

from handout.errors import HandoutError

MIN_WIDTH = 100
MAX_WIDTH = 4000
"""Pixels: narrower is unreadable; wider is a poster-sized file nobody's phone needs."""
COLOURS = 256
"""Palette size. Line art and text on white use far fewer, so a palette keeps them crisp at about a
quarter of a full-colour PNG's size (photos lose a little smoothness in a preview, not on paper).
Median cut, not Pillow's faster octree: the octree turns the white page a shade of grey (254)."""
PDFIUM = threading.Lock()
"""PDFium is not thread-safe: the web server renders previews from several threads, one at a time."""


def check_width(width: int) -> None:
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        raise HandoutError(f"--width {width} is out of range: give {MIN_WIDTH} to {MAX_WIDTH} pixels")


def render_png(pdf_bytes: bytes, width: int) -> bytes:
    """The PDF's first page as a palette PNG `width` pixels wide, its height keeping the page's shape."""
    palette = first_page(pdf_bytes, width).quantize(COLOURS, method=Image.Quantize.MEDIANCUT)
    png = io.BytesIO()
    palette.save(png, "PNG", optimize=True)
    return png.getvalue()


def render_screen_png(pdf_bytes: bytes, width: int) -> bytes:
    """The PDF's first page as a full-colour PNG, compressed lightly: for a live preview on a screen.

    Three times quicker than `render_png` (no palette, no search for the smallest file), for a page that
    redraws the sheet as the coach types; the file is larger, which a local network does not mind.
    """
    png = io.BytesIO()
    first_page(pdf_bytes, width).save(png, "PNG", compress_level=1)
    return png.getvalue()


def first_page(pdf_bytes: bytes, width: int) -> Image.Image:
    """The PDF's first page as an RGB image `width` pixels wide."""
    check_width(width)
    import pypdfium2  # here, not at the top: `handout build` should not pay for loading PDFium

    with PDFIUM:
        document = pypdfium2.PdfDocument(pdf_bytes)
        try:
            page = document[0]
            # PDFium rounds the bitmap size up, so aim a hair under: exactly `width`, never one more.
            image = page.render(scale=(width - 0.01) / page.get_width()).to_pil()
        finally:
            document.close()
    return image.convert("RGB")
