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

from handout.layout.cjk import CjkLanguage

FONT_PACKAGE = "justmytype_intl_cjk"
FONT_FILES: dict[CjkLanguage, str] = {
    "zh": "notosanssc/NotoSansSC[wght].ttf",
    "ja": "notosansjp/NotoSansJP[wght].ttf",
    "ko": "notosanskr/NotoSansKR[wght].ttf",
}
"""Noto Sans SC also draws the traditional characters (in their mainland forms)."""
WEIGHTS = {"regular": 400, "bold": 700}


def available() -> bool:
    """Whether the extra is installed (the fonts and fontTools)."""
    return find_spec(FONT_PACKAGE) is not None and find_spec("fontTools") is not None


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
