"""Cut a CJK sheet's own font: language + its characters -> a small static TrueType font, or None.

Noto Sans JP, KR, SC and TC (SIL Open Font License) come with the optional `handout[cjk]` extra
(justmytype-intl-cjk, 30 MB; the base install stays small). They are variable fonts whose default
weight is Thin, and reportlab draws a variable font at its default: so the sheet's characters are cut
out of the font first (fontTools, well under a second) and the cut is fixed at the regular or bold
weight. The result, a few tens of kilobytes, is what reportlab registers and embeds (as a subset
again), so a CJK sheet prints the same on every screen and printer, with no font of the viewer's.
"""

from __future__ import annotations

import io
from functools import lru_cache
from importlib.resources import files
from importlib.util import find_spec
from typing import Literal

from handout.errors import HandoutError
from handout.layout.cjk import CjkLanguage

FONT_PACKAGE = "justmytype_intl_cjk"
FONT_FILES: dict[CjkLanguage, str] = {
    "zh": "notosanssc/NotoSansSC[wght].ttf",
    "zh-Hant": "notosanstc/NotoSansTC[wght].ttf",
    "ja": "notosansjp/NotoSansJP[wght].ttf",
    "ko": "notosanskr/NotoSansKR[wght].ttf",
}
"""Noto Sans SC also draws the traditional characters, in their mainland forms; Noto Sans TC draws them in
Taiwan's, for a routine that says lang = "zh-Hant" (or zh-TW, zh-HK)."""
WEIGHTS = {"regular": 400, "bold": 700}


def available() -> bool:
    """Whether the extra is installed (the fonts and fontTools)."""
    return find_spec(FONT_PACKAGE) is not None and find_spec("fontTools") is not None


FONT_NAMES: dict[CjkLanguage, str] = {
    "zh": "Chinese",
    "zh-Hant": "traditional Chinese",
    "ja": "Japanese",
    "ko": "Korean",
}


@lru_cache(maxsize=8)
def characters_of(path: str) -> frozenset[str]:
    """The characters a font of the package has (its cmap alone is read: a tenth of a second)."""
    from fontTools.ttLib import TTFont

    data = (files(FONT_PACKAGE) / "fonts" / "ofl" / path).read_bytes()
    with TTFont(io.BytesIO(data), lazy=True) as font:
        return frozenset(map(chr, font.getBestCmap()))


def font_for(language: CjkLanguage, characters: str) -> str:
    """The font that has all the sheet's CJK characters: its language's, else another one that has them
    all (a Korean sheet quoting a Chinese-only character), else a clear refusal naming what is missing."""
    order = [language, *(other for other in FONT_FILES if other != language)]
    for candidate in order:
        if set(characters) <= characters_of(FONT_FILES[candidate]):
            return FONT_FILES[candidate]
    missing = sorted(set(characters) - characters_of(FONT_FILES[language]))
    shown = ", ".join(f'"{char}" (U+{ord(char):04X})' for char in missing[:5])
    more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
    count = f"{len(missing)} characters are" if len(missing) > 1 else "1 character is"
    raise HandoutError(
        f"{count} not in the {FONT_NAMES[language]} font the sheet's Chinese, Japanese and Korean text is "
        f"printed with ({shown}{more}), and no other font has all of it: replace or remove them"
    )


@lru_cache(maxsize=64)
def cut_face(path: str, characters: str, weight: Literal["regular", "bold"]) -> bytes:
    """The font's glyphs for `characters` (with the layout features that place them), at the weight.

    Cached: a batch of one routine's sheets cuts its font once.
    """
    from fontTools import subset
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    cutter = subset.Subsetter(options)
    cutter.populate(text=characters)
    data = (files(FONT_PACKAGE) / "fonts" / "ofl" / path).read_bytes()  # a file left open would warn
    with TTFont(io.BytesIO(data), lazy=True) as font:
        cutter.subset(font)
        static = instancer.instantiateVariableFont(font, {"wght": WEIGHTS[weight]}, updateFontNames=True)
        out = io.BytesIO()
        static.save(out)
    return out.getvalue()
