"""Measure and map the page's text to fonts: text + font role -> widths, and runs of one face each.

The bundled TrueType fonts (and, for CJK sheets, reportlab's CID fonts) are registered with reportlab
here, and here it is decided which face draws each character.

Every text size on the page is measured here, once, by the layout; the renderer draws what was measured,
cutting each line into the same runs of one face each (`FontMetrics.runs`).

The bundled DejaVu Sans covers Latin, Greek and Cyrillic and is embedded. Chinese, Japanese and Korean
characters are drawn with the standard Asian fonts every PDF viewer supplies (reportlab's CID fonts):
they are not embedded, which keeps a CJK sheet small, and a sheet without CJK text never refers to them.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, lru_cache
from typing import TYPE_CHECKING, NamedTuple

from reportlab.pdfbase.pdfmetrics import registerFont, stringWidth
from reportlab.pdfbase.ttfonts import TTFont

from handout.bundled import bundled_dir
from handout.layout import cjk
from handout.model import FontRole

if TYPE_CHECKING:
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

FONT_FILES: dict[FontRole, tuple[str, str]] = {
    "regular": ("DejaVuSans", "DejaVuSans.ttf"),
    "bold": ("DejaVuSans-Bold", "DejaVuSans-Bold.ttf"),
}
CJK_FONTS: dict[cjk.CjkLanguage, str] = {
    "zh": "STSong-Light",
    "ja": "HeiseiKakuGo-W5",
    "ko": "HYGothic-Medium",
}
"""Each language's CID font. They have one weight, so bold CJK text prints in the regular weight."""


@cache
def _fonts() -> dict[FontRole, TTFont]:
    folder = bundled_dir("fonts")
    fonts: dict[FontRole, TTFont] = {}
    for role, (name, filename) in FONT_FILES.items():
        fonts[role] = TTFont(name, str(folder / filename))
        registerFont(fonts[role])
    return fonts


@cache
def _cjk_font(name: str) -> UnicodeCIDFont:
    """A CID font, registered on first use; imported here, as only CJK sheets need reportlab's CID code."""
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    font = UnicodeCIDFont(name)
    registerFont(font)
    return font


def font_name(role: FontRole) -> str:
    """The registered reportlab name of a face, registering the fonts on first use."""
    return _fonts()[role].fontName


@cache
def _bundled_characters() -> frozenset[str]:
    """The characters both bundled faces can draw."""
    regular, bold = (set(font.face.charToGlyph) for font in _fonts().values())
    return frozenset(map(chr, regular & bold))


class FontMetrics(NamedTuple):
    """What the layout needs to know about a sheet's fonts, per point of text size."""

    ascent: float
    descent: float
    """Below the baseline, as a positive number."""
    cjk_font: str | None = None
    """The CID font that draws the sheet's CJK characters, or None when it has none."""

    def runs(self, text: str, font: FontRole) -> list[tuple[str, str]]:
        """The text cut into (registered font name, text) runs: CJK characters in the sheet's CJK font,
        everything else (spaces and digits between CJK words too) in the bundled one."""
        bundled = font_name(font)
        if self.cjk_font is None:
            return [(bundled, text)]
        runs: list[tuple[str, str]] = []
        for char in text:
            face = self.cjk_font if cjk.is_cjk(char) and char not in _bundled_characters() else bundled
            if runs and runs[-1][0] == face:
                runs[-1] = (face, runs[-1][1] + char)
            else:
                runs.append((face, char))
        return runs

    def width(self, text: str, font: FontRole, size: float) -> float:
        return sum(stringWidth(run, face, size) for face, run in self.runs(text, font))


@cache
def metrics(cjk_font: str | None = None) -> FontMetrics:
    """The metrics of the bundled fonts, and of a CJK font when the sheet has CJK text."""
    extents = [(font.face.ascent, font.face.descent) for font in _fonts().values()]
    if cjk_font is not None:
        face = _cjk_font(cjk_font).face
        extents.append((face.ascent, face.descent))
    return FontMetrics(
        ascent=max(ascent for ascent, _ in extents) / 1000,
        descent=-min(descent for _, descent in extents) / 1000,
        cjk_font=cjk_font,
    )


def sheet_metrics(texts: Iterable[str]) -> FontMetrics:
    """The metrics for a sheet of these texts: with the CJK font of its language, if it has one."""
    language = cjk.language(texts)
    return metrics(CJK_FONTS[language] if language else None)


@lru_cache(maxsize=4096)
def missing_characters(text: str) -> tuple[str, ...]:
    """Characters of `text` that no font can draw (they would print as empty boxes).

    Cached: a batch checks the same routine's texts for every sheet.
    """
    uncovered = set(text) - _bundled_characters()
    return tuple(sorted(char for char in uncovered if not cjk.is_cjk(char)))
