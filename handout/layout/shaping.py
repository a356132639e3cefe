"""Shape a run of one script with HarfBuzz: font file + text -> positioned glyphs, and their width.

Arabic letters join and take their initial, medial and final forms, Devanagari consonants form
conjuncts and place their vowel signs, Thai and Tamil marks stack: what the font's OpenType tables say,
applied by uharfbuzz (the shaper reportlab's own shaping uses). The layout measures a run with its
shaped width and the renderer draws the very same glyphs, so a line is as wide as it was measured.

A run is one script's letters in logical order; HarfBuzz gives a right-to-left run's glyphs in visual
order, left to right, as they are drawn.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import NamedTuple

import uharfbuzz


class Glyph(NamedTuple):
    """One glyph to draw, in thousandths of the text size (the unit of PDF glyph widths)."""

    gid: int
    cluster: int
    """The index in the run's text of the first character it draws."""
    advance: float
    dx: float
    dy: float


@cache
def _font(path: str) -> tuple[uharfbuzz.Font, float]:
    """The HarfBuzz font of a bundled file, and the factor from its units to thousandths of an em."""
    with open(path, "rb") as file:
        face = uharfbuzz.Face(file.read())
    return uharfbuzz.Font(face), 1000 / face.upem


@lru_cache(maxsize=8192)
def shape(path: str, text: str) -> tuple[Glyph, ...]:
    """The run's glyphs in drawing order (direction, script and language from the text itself)."""
    font, scale = _font(path)
    buffer = uharfbuzz.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    uharfbuzz.shape(font, buffer, {"kern": True, "liga": True})
    return tuple(
        Glyph(info.codepoint, info.cluster, pos.x_advance * scale, pos.x_offset * scale, pos.y_offset * scale)
        for info, pos in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True)
    )


def width(path: str, text: str) -> float:
    """The shaped run's width at 1 pt."""
    return sum(glyph.advance for glyph in shape(path, text)) / 1000
