"""A page's body drawn once and kept: the next sheet that differs only in its header reuses its operators.

A batch, or the web page's preview, draws the same page again and again with only the header's line
changed (each runner's name). Drawing the body's eighty-odd text lines through reportlab's text objects
is most of a warm sheet's time, yet what they write depends only on the boxes and on the codes the
embedded subset fonts have given out before them. A subset font gives each character its code when the
character is first drawn, and the header is drawn first; so the body's operators can be reused exactly
when the fonts stand where they stood when the body was first drawn after its header. ASCII characters
have fixed codes, so every runner whose name is plain ASCII shares one kept body.

Reusing a body adds its operators and gives its characters their codes, in the order the drawing gave
them, through the fonts' own `splitString`: the file is byte for byte the one a full drawing makes
(tests/test_warm_builds.py checks it for every layout). A body with a photo (an image object of the
document) or CJK text (a CID font) is always drawn in full.

The subset fonts themselves are kept too: two sheets whose fonts gave out the same codes embed the same
subsets, and cutting a subset out of a TrueType file is a tenth of a warm sheet's time; so are their
compressed streams and their widths written out, each another tenth.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from functools import cache, lru_cache
from typing import NamedTuple

from reportlab.pdfbase.pdfdoc import PDFArray, PDFDocument, PDFStream, PDFTrueTypeFont, PDFZCompress
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from handout.layout.fonts import FONT_FILES, FontMetrics, font_name
from handout.model import Box, ImageBox, Photo, TextBox


class KeptBody(NamedTuple):
    """What drawing a body did to the document, to be done again without drawing it."""

    operators: str
    """The content-stream operators the body added, as one block."""
    registered: tuple[str, ...]
    """The fonts the body was first to use in the document, in that order (it fixes their /F names)."""
    characters: tuple[tuple[str, str], ...]
    """For each TrueType font, its characters in the order the body first drew them."""


KEPT_BODIES = 32
"""Bodies kept: a batch or the web page's preview draws a handful of pages at a time."""
KEPT: dict[tuple[object, ...], KeptBody] = {}
"""Kept bodies by their boxes, the page's height and the document's font state before them."""


def draw_body(
    canvas: Canvas, body: tuple[Box, ...], page_height: float, fonts: FontMetrics, draw: Callable[[], None]
) -> None:
    """Draw the body's boxes with `draw`, or add what an earlier drawing of the same body added."""
    if not body or not _can_keep(body, fonts):
        draw()
        return
    document = canvas._doc  # type: ignore[attr-defined]  # the fonts' codes are kept per document
    key = (body, page_height, _font_state(document))
    kept = KEPT.get(key)
    if kept is not None:
        _give_codes(kept, document)
        canvas.addLiteral(kept.operators)
        return
    before, fonts_before = canvas.getCurrentPageContent(), tuple(document.fontMapping)
    draw()
    after = canvas.getCurrentPageContent()
    if len(KEPT) >= KEPT_BODIES:
        KEPT.clear()
    KEPT[key] = KeptBody(
        operators=after[len(before) + 1 :] if before else after,  # the page's operators are joined by "\n"
        registered=tuple(name for name in document.fontMapping if name not in fonts_before),
        characters=_characters_in_order(body, fonts),
    )


def _give_codes(kept: KeptBody, document: object) -> None:
    """Register the fonts the body was first to use, in its order, and give its characters their codes.

    A subset font's characters are coded before it is registered, as a text object does: whichever
    comes first sets the font up for the document, and the two calls set it up differently. Another
    font (one of reportlab's own; the QR code's drawing set Helvetica once) is registered as the canvas does.
    """
    characters = dict(kept.characters)
    for name in kept.registered:
        font = getFont(name)
        if isinstance(font, TTFont):
            font.splitString(characters.pop(name, ""), document)
            font.getSubsetInternalName(0, document)
        else:
            document.getInternalFontName(name)  # type: ignore[attr-defined]
    for name, rest in characters.items():
        _subset_font(name).splitString(rest, document)


def _can_keep(body: tuple[Box, ...], fonts: FontMetrics) -> bool:
    """Only bodies whose drawing writes nothing into the document but operators and font codes."""
    return (
        fonts.cjk_font is None
        and not fonts.scripts
        and not any(isinstance(box, ImageBox) and isinstance(box.image, Photo) for box in body)
    )


def _font_state(document: object) -> tuple[object, ...]:
    """The document's fonts, their /F names and every TrueType font's codes so far: what the operators
    of text drawn now depend on."""
    state = []
    for name, internal_name in document.fontMapping.items():  # type: ignore[attr-defined]
        font = getFont(name)
        codes = font.state.get(document) if isinstance(font, TTFont) else None
        subsets = () if codes is None else (codes.nextCode, tuple(map(tuple, codes.subsets)))
        state.append((name, internal_name, subsets))
    return tuple(state)


def _characters_in_order(body: tuple[Box, ...], fonts: FontMetrics) -> tuple[tuple[str, str], ...]:
    """Each font's characters in the order the body draws them first, as the renderer cuts its runs."""
    seen: dict[str, dict[str, None]] = {}
    for box in body:
        if isinstance(box, TextBox):
            for face, run in fonts.runs(box.text, box.font):
                seen.setdefault(face, {}).update(dict.fromkeys(run))
    return tuple((face, "".join(characters)) for face, characters in seen.items())


def keep_subsets() -> None:
    """Make each bundled font keep the subsets it cuts, so a sheet like the last one reuses them."""
    for role in FONT_FILES:
        _keep_subsets(font_name(role))


@cache
def _keep_subsets(name: str) -> None:
    """Once per font: its face's `makeSubset` (a pure function of the subset's characters) is replaced
    on this one object by a cached one, and its `addObjects` by one that gives the font's streams (the
    subset and its character map) the compression that keeps what it made; reportlab calls both when
    a document is saved."""
    font = _subset_font(name)
    face = font.face
    cut = face.makeSubset
    add_objects = font.addObjects

    @lru_cache(maxsize=KEPT_BODIES)
    def kept_subset(subset: tuple[int, ...]) -> bytes:
        return cut(list(subset))

    def add_kept_objects(document: PDFDocument) -> None:
        before = set(document.idToObject)
        add_objects(document)
        for key in document.idToObject.keys() - before:
            added = document.idToObject[key]
            if isinstance(added, PDFStream) and added.filters == [PDFZCompress]:
                added.filters = [KEPT_FLATE]
            elif isinstance(added, PDFTrueTypeFont) and isinstance(getattr(added, "Widths", None), PDFArray):
                added.Widths = KeptArray(added.Widths.sequence)  # type: ignore[attr-defined]

    face.makeSubset = lambda subset: kept_subset(tuple(subset))  # type: ignore[method-assign]
    font.addObjects = add_kept_objects  # type: ignore[method-assign,assignment]


class KeptFlate:
    """reportlab's Flate compression (PDFZCompress: the same zlib call, so the same bytes) with what it
    compressed kept: a font's subset and character map are the same bytes sheet after sheet, and
    compressing them again was a tenth of a warm sheet's time."""

    pdfname = "FlateDecode"

    @staticmethod
    @lru_cache(maxsize=4 * KEPT_BODIES)
    def encode(text: str | bytes) -> bytes:
        return zlib.compress(text.encode("utf8") if isinstance(text, str) else text)


KEPT_FLATE = KeptFlate()


class KeptArray(PDFArray):
    """A PDF array of numbers written once for all sheets: a font's 256 widths are the same numbers
    sheet after sheet, and writing them out one by one was another tenth of a warm sheet's time."""

    def format(self, document: PDFDocument, IND: bytes = b"\n ") -> bytes:
        return _formatted_array(tuple(self.sequence), IND)


@lru_cache(maxsize=4 * KEPT_BODIES)
def _formatted_array(numbers: tuple[float, ...], indent: bytes) -> bytes:
    """reportlab's own formatting of the array (numbers need nothing of the document)."""
    return PDFArray(numbers).format(None, indent)


def _subset_font(name: str) -> TTFont:
    font = getFont(name)
    assert isinstance(font, TTFont), f"{name} is not a bundled TrueType font"
    return font
