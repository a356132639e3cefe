"""Measure and map the page's text to fonts: text + font role -> widths, and runs of one face each.

The bundled TrueType fonts (and, for CJK sheets, a cut of Noto Sans CJK or reportlab's CID fonts) are
registered with reportlab here, and here it is decided which face draws each character.

Every text size on the page is measured here, once, by the layout; the renderer draws what was measured,
cutting each line into the same runs of one face each (`FontMetrics.runs`).

The bundled DejaVu Sans covers Latin, Greek and Cyrillic and is embedded. Arabic, Hebrew, Devanagari,
Bengali, Tamil and Thai letters are drawn with the bundled Noto Sans of their script, shaped
(shaping.py): a run of them is as wide as its shaped glyphs. Chinese, Japanese and Korean characters are
drawn with Noto Sans CJK cut to the sheet's characters (cjk_faces.py, the `handout[cjk]` extra), embedded
like every other font. Without the extra they fall back to the standard Asian fonts PDF viewers supply
(reportlab's CID fonts), not embedded; the command line says what to install.
"""

from __future__ import annotations

import hashlib
import io
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import TYPE_CHECKING, NamedTuple

from reportlab.pdfbase.pdfmetrics import registerFont, stringWidth
from reportlab.pdfbase.ttfonts import TTFont

from handout.bundled import bundled_dir
from handout.content.schema import DIRECTION_MARKS
from handout.layout import cjk, cjk_faces, scripts, shaping
from handout.model import FontRole

if TYPE_CHECKING:
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

FONT_FILES: dict[FontRole, tuple[str, str]] = {
    "regular": ("DejaVuSans", "DejaVuSans.ttf"),
    "bold": ("DejaVuSans-Bold", "DejaVuSans-Bold.ttf"),
}
SCRIPT_FONTS: dict[scripts.Script, str] = {
    "arabic": "NotoSansArabic",
    "hebrew": "NotoSansHebrew",
    "devanagari": "NotoSansDevanagari",
    "bengali": "NotoSansBengali",
    "tamil": "NotoSansTamil",
    "thai": "NotoSansThai",
}
"""Each shaped script's bundled Noto font, `NAME-Regular.ttf` and `NAME-Bold.ttf` in handout/fonts/."""
SCRIPT_STYLES: dict[FontRole, str] = {"regular": "Regular", "bold": "Bold"}
CJK_FONTS: dict[cjk.CjkLanguage, str] = {
    "zh": "STSong-Light",
    "zh-Hant": "MSung-Light",
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


def script_font_name(script: scripts.Script, role: FontRole) -> str:
    """The registered name of a script's face: `NotoSansArabic-Bold`."""
    return f"{SCRIPT_FONTS[script]}-{SCRIPT_STYLES[role]}"


def script_font_path(name: str) -> str:
    """The file of a script face, by its registered name."""
    return str(bundled_dir("fonts") / f"{name}.ttf")


@cache
def script_font(name: str) -> TTFont:
    """A script's face, registered on first use: a sheet without the script never reads its file."""
    font = TTFont(name, script_font_path(name))
    registerFont(font)
    return font


SCRIPT_FACES = frozenset(script_font_name(script, role) for script in SCRIPT_FONTS for role in SCRIPT_STYLES)
"""The registered names of every script face: a run in one of them is shaped."""


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
        # reportlab knows a font file by its face's name: two cuts of one font must not share it, or the
        # second sheet is drawn with the first one's glyphs ("NotoSansKR-Regular-1a2b3c4d5e6f")
        font.face.name = font.face.name + f"-{digest}".encode()
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


@cache
def _script_characters() -> frozenset[str]:
    """The characters the script faces draw (both weights of each)."""
    characters: set[int] = set()
    for script in SCRIPT_FONTS:
        regular, bold = (
            set(script_font(script_font_name(script, role)).face.charToGlyph) for role in SCRIPT_STYLES
        )
        characters |= regular & bold
    return frozenset(map(chr, characters))


def _continues_run(char: str) -> bool:
    """A joiner or combining mark stays in the run of the letter before it (a Devanagari vowel sign)."""
    return char in scripts.JOINERS or unicodedata.category(char) in ("Mn", "Mc")


class FontMetrics(NamedTuple):
    """What the layout needs to know about a sheet's fonts, per point of text size."""

    ascent: float
    descent: float
    """Below the baseline, as a positive number."""
    cjk_font: str | None = None
    """The font that draws the sheet's CJK characters, or None when it has none."""
    scripts: tuple[scripts.Script, ...] = ()
    """The shaped scripts the sheet has (their faces' heights are in ascent and descent)."""

    def runs(self, text: str, font: FontRole) -> list[tuple[str, str]]:
        """The text cut into (registered font name, text) runs: CJK characters in the sheet's CJK font,
        shaped scripts in their Noto face, everything else (spaces and digits between them too) in the
        bundled one."""
        bundled = font_name(font)
        if self.cjk_font is None and not self.scripts:
            return [(bundled, text)]
        runs: list[tuple[str, str]] = []
        for char in text:
            if char in DIRECTION_MARKS:
                continue  # it has ordered the line (bidi, before this); it prints nothing
            script = scripts.script_of(char)
            if script is not None:
                face = script_font_name(script, font)
            elif runs and runs[-1][0] in SCRIPT_FACES and _continues_run(char):
                face = runs[-1][0]
            elif self.cjk_font is not None and cjk.is_cjk(char) and char not in _bundled_characters():
                face = self.cjk_font
            else:
                face = bundled
            if runs and runs[-1][0] == face:
                runs[-1] = (face, runs[-1][1] + char)
            else:
                runs.append((face, char))
        return runs

    def width(self, text: str, font: FontRole, size: float) -> float:
        return sum(
            shaping.width(script_font_path(face), run) * size
            if face in SCRIPT_FACES
            else stringWidth(run, face, size)
            for face, run in self.runs(text, font)
        )


@cache
def metrics(cjk_font: str | None = None, shaped: tuple[scripts.Script, ...] = ()) -> FontMetrics:
    """The metrics of the bundled fonts, and of a CJK font and the script faces the sheet has."""
    extents = [(font.face.ascent, font.face.descent) for font in _fonts().values()]
    if cjk_font is not None:
        face = _cjk_font(cjk_font).face
        extents.append((face.ascent, face.descent))
    for script in shaped:
        for role in SCRIPT_STYLES:
            face = script_font(script_font_name(script, role)).face
            extents.append((face.ascent, face.descent))
    return FontMetrics(
        ascent=max(ascent for ascent, _ in extents) / 1000,
        descent=-min(descent for _, descent in extents) / 1000,
        cjk_font=cjk_font,
        scripts=shaped,
    )


def sheet_metrics(texts: Iterable[str], lang: str | None = None) -> FontMetrics:
    """The metrics for a sheet of these texts: with the CJK font of its language, if it has one (cut to
    the sheet's CJK characters when the extra is installed; traditional Chinese when `lang` says so), and
    the faces of its shaped scripts."""
    texts = list(texts)
    shaped = tuple(sorted(scripts.scripts_in(texts)))
    found = cjk.language(texts)
    if found is None:
        return metrics(None, shaped)
    language = cjk.font_language(found, lang)
    if not cjk_faces.available():
        return metrics(CJK_FONTS[language], shaped)
    bundled = _bundled_characters()
    characters = {char for text in texts for char in text if cjk.is_cjk(char) and char not in bundled}
    cut = "".join(sorted(characters))
    return metrics(_cut_cjk_font(cjk_faces.font_for(language, cut), cut), shaped)


@lru_cache(maxsize=4096)
def missing_characters(text: str) -> tuple[str, ...]:
    """Characters of `text` that no font can draw (they would print as empty boxes).

    Cached: a batch checks the same routine's texts for every sheet.
    """
    uncovered = set(text) - _bundled_characters()
    if uncovered and max(uncovered) >= chr(0x0590):
        uncovered -= _script_characters()
    return tuple(sorted(char for char in uncovered if not cjk.is_cjk(char)))
