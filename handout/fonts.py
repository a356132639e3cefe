"""The page's one font family: register the bundled TrueType fonts with reportlab and measure text.

Every text size on the page is measured here, once, by the layout; the renderer draws what was measured.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.pdfbase.pdfmetrics import registerFont, stringWidth
from reportlab.pdfbase.ttfonts import TTFont

from handout.model import FontRole
from handout.resources import bundled_dir

FONT_FILES: dict[FontRole, tuple[str, str]] = {
    "regular": ("DejaVuSans", "DejaVuSans.ttf"),
    "bold": ("DejaVuSans-Bold", "DejaVuSans-Bold.ttf"),
}


@cache
def _fonts() -> dict[FontRole, TTFont]:
    folder = bundled_dir("fonts")
    fonts: dict[FontRole, TTFont] = {}
    for role, (name, filename) in FONT_FILES.items():
        fonts[role] = TTFont(name, str(folder / filename))
        registerFont(fonts[role])
    return fonts


def font_name(role: FontRole) -> str:
    """The registered reportlab name of a face, registering the fonts on first use."""
    return _fonts()[role].fontName


@dataclass(frozen=True)
class FontMetrics:
    """What the layout needs to know about the fonts, per point of text size."""

    ascent: float
    descent: float
    """Below the baseline, as a positive number."""

    def width(self, text: str, font: FontRole, size: float) -> float:
        return stringWidth(text, font_name(font), size)


@cache
def metrics() -> FontMetrics:
    faces = [font.face for font in _fonts().values()]
    return FontMetrics(
        ascent=max(face.ascent for face in faces) / 1000,
        descent=-min(face.descent for face in faces) / 1000,
    )


def missing_characters(text: str) -> list[str]:
    """Characters of `text` that the fonts cannot draw (they would print as empty boxes)."""
    covered = _fonts()["regular"].face.charToGlyph
    bold = _fonts()["bold"].face.charToGlyph
    return sorted({char for char in text if ord(char) not in covered or ord(char) not in bold})
