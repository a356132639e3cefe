"""Give a shaped glyph's private code its letters in the font's ToUnicode map: glyphs + text -> codes' text.

A conjunct, a half form or a stacked mark of Devanagari, Bengali, Tamil or Thai has no character of its
own in the font, so shaped_text.py draws it with a private code (U+E000...). reportlab writes each
code's character in the subset's ToUnicode map, so pypdf and pdfplumber, which read that map and not
the spans' /ActualText, read the private code: "U+E02A" instead of "क्ष". Here the code is given the
letters its glyph draws, worked out from HarfBuzz's clusters, and reportlab's map writer (one function,
`ttfonts.makeToUnicodeCMap`) is wrapped to write them (a ToUnicode entry may map to several letters,
PDF 32000-1, 9.10.3).

Only where the letters are clear: a cluster's one private glyph draws whatever its glyphs with a
character of their own do not ("क्ष" is one glyph; in "ट्रे" the ट and the े have their own, the ्र
not); private glyphs as many as those letters draw one each, in order ("चिं": ि and ं). Another
cluster ("स्त्र", two glyphs for five letters) leaves them their private codes, as does right-to-left text:
Noto Arabic draws a letter as a body shared by several letters and its dots, so a glyph is no letter.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.pdfbase import ttfonts

from handout.layout.shaping import Glyph

TEXTS: dict[str, dict[int, str]] = {}
"""Each font's (by its face name) private codes -> the letters their glyphs draw, as first seen."""
_reportlab_cmap = ttfonts.makeToUnicodeCMap


def remember_letters(face: Any, run: str, glyphs: Sequence[Glyph], codes: Sequence[str]) -> None:
    """Note what each private code of a left-to-right run draws: `codes` are the glyphs' characters."""
    texts = TEXTS.setdefault(face_key(face), {})
    starts = sorted({glyph.cluster for glyph in glyphs})
    ends = dict(zip(starts, [*starts[1:], len(run)], strict=True))
    for start in starts:
        members = [code for glyph, code in zip(glyphs, codes, strict=True) if glyph.cluster == start]
        private = [code for code in members if _private(code)]
        letters = list(run[start : ends[start]])
        for code in members:
            if code in letters and not _private(code):
                letters.remove(code)
        if len(private) == 1 and letters:
            texts.setdefault(ord(private[0]), "".join(letters))
        elif len(private) == len(letters) > 1:  # "चिं": the ि and the ं each drawn in a form of its own
            for code, letter in zip(private, letters, strict=True):
                texts.setdefault(ord(code), letter)


def face_key(face: Any) -> str:
    """The name reportlab gives the font in the PDF, after its subset's prefix."""
    return (face.name + face.subfontNameX).decode("latin-1")


def _private(code: str) -> bool:
    return 0xE000 <= ord(code) <= 0xF8FF


def to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """reportlab's ToUnicode map of a subset, with the letters of the private codes noted above."""
    cmap = _reportlab_cmap(fontname, subset)
    texts = TEXTS.get(fontname.split("+", 1)[-1], {})
    for index, code in enumerate(subset):
        if code in texts:
            letters = texts[code].encode("utf-16-be").hex().upper()
            cmap = cmap.replace(f"<{index:02X}> <{code:04X}>", f"<{index:02X}> <{letters}>", 1)
    return cmap


ttfonts.makeToUnicodeCMap = to_unicode_cmap  # type: ignore[attr-defined]
