"""Measure and map the page's text to fonts: text + font role -> widths, and runs of one face each.

The bundled TrueType fonts (and, for CJK sheets, reportlab's CID fonts) are registered with reportlab
here, and here it is decided which face draws each character.

Every text size on the page is measured here, once, by the layout; the renderer draws what was measured,
cutting each line into the same runs of one face each (`FontMetrics.runs`).

The bundled DejaVu Sans covers Latin, Greek and Cyrillic and is embedded. Chinese, Japanese and Korean
characters are drawn with Noto Sans CJK cut to the sheet's characters (cjk_faces.py, the `handout[cjk]`
extra), embedded like every other font. Without the extra they fall back to the standard Asian fonts PDF
viewers supply (reportlab's CID fonts), not embedded; the command line says what to install.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import TYPE_CHECKING, NamedTuple

from reportlab.pdfbase.pdfmetrics import registerFont, stringWidth
from reportlab.pdfbase.ttfonts import TTFont

from handout.bundled import bundled_dir
from handout.layout import cjk, cjk_faces
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
"""Each language's CID font, the fallback without the `handout[cjk]` extra. They have one weight, so bold
CJK text prints in the regular weight (so does the embedded font: one cut a sheet)."""


@cache
def _fonts() -> dict[FontRole, TTFont]:
    folder = bundled_dir("fonts")
    fonts: dict[FontRole, TTFont] = {}
    for role, (name, filename) in FONT_FILES.items():
        fonts[role] = TTFont(name, str(folder / filename))
        registerFont(fonts[role])
    return fonts


_CUT_FONTS: dict[str, TTFont] = {}
"""The CJK fonts cut for sheets so far, by registered name (a name says which characters it has)."""


@cache
def _cjk_font(name: str) -> UnicodeCIDFont | TTFont:
    """A sheet's cut CJK font, or a CID font registered on first use; imported here, as only CJK sheets
    need reportlab's CID code."""
    if name in _CUT_FONTS:
        return _CUT_FONTS[name]
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    font = UnicodeCIDFont(name)
    registerFont(font)
    return font


def _cut_cjk_font(path: str, characters: str) -> str:
    """The registered name of the CJK font cut to these characters, cutting and registering it once."""
    digest = hashlib.sha1(f"{path}\n{characters}".encode()).hexdigest()[:12]
    name = f"NotoSansCJK-{digest}"
    if name not in _CUT_FONTS:
        font = TTFont(name, io.BytesIO(cjk_faces.cut_face(path, characters, "regular")))
        registerFont(font)
        _CUT_FONTS[name] = font
    return name


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
    """The metrics for a sheet of these texts: with the CJK font of its language, if it has one (cut to
    the sheet's CJK characters when the extra is installed)."""
    texts = list(texts)
    language = cjk.language(texts)
    if language is None:
        return metrics(None)
    if not cjk_faces.available():
        return metrics(CJK_FONTS[language])
    bundled = _bundled_characters()
    characters = {char for text in texts for char in text if cjk.is_cjk(char) and char not in bundled}
    return metrics(_cut_cjk_font(cjk_faces.FONT_FILES[language], "".join(sorted(characters))))


@lru_cache(maxsize=4096)
def missing_characters(text: str) -> tuple[str, ...]:
    """Characters of `text` that no font can draw (they would print as empty boxes).

    Cached: a batch checks the same routine's texts for every sheet.
    """
    uncovered = set(text) - _bundled_characters()
    return tuple(sorted(char for char in uncovered if not cjk.is_cjk(char)))
