"""Tell the scripts that need shaping: characters -> script (Arabic, Hebrew, Indic, Thai) and language.

Pure functions of the text, shared by fonts.py (which face draws a character and how it is measured),
the pipeline (a routine without `lang` gets the language of its script) and the renderer (which lines
run right to left), so that measuring, breaking and drawing agree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Literal

Script = Literal["arabic", "hebrew", "devanagari", "bengali", "tamil", "thai"]

RANGES: dict[Script, tuple[tuple[int, int], ...]] = {
    "arabic": ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
    "hebrew": ((0x0590, 0x05FF), (0xFB1D, 0xFB4F)),
    "devanagari": ((0x0900, 0x097F), (0xA8E0, 0xA8FF)),
    "bengali": ((0x0980, 0x09FF),),
    "tamil": ((0x0B80, 0x0BFF),),
    "thai": ((0x0E00, 0x0E7F),),
}
"""The characters each script's Noto font draws (its letters, marks, digits and signs)."""

RIGHT_TO_LEFT: frozenset[Script] = frozenset({"arabic", "hebrew"})
LANGUAGES: dict[Script, str] = {
    "arabic": "ar",
    "hebrew": "he",
    "devanagari": "hi",
    "bengali": "bn",
    "tamil": "ta",
    "thai": "th",
}
"""The language a routine in the script is taken to be written in, without `lang`: Hindi for Devanagari
(Marathi and Nepali routines say `lang`)."""

JOINERS = frozenset("\u200c\u200d")
"""Zero-width non-joiner and joiner: they belong to the run of the letters around them."""

_FIRST = chr(RANGES["hebrew"][0][0])
"""Below this no character is of these scripts: Latin, Greek and Cyrillic text costs a compare."""


def script_of(char: str) -> Script | None:
    """The script whose font draws the character, or None (DejaVu or CJK draw it)."""
    if char < _FIRST:
        return None
    code = ord(char)
    for script, ranges in RANGES.items():
        if any(low <= code <= high for low, high in ranges):
            return script
    return None


def scripts_in(texts: Iterable[str]) -> Counter[Script]:
    """How many characters of each script the texts have."""
    found: Counter[Script] = Counter()
    for text in texts:
        if max(text, default="") >= _FIRST:
            found.update(script for char in text if (script := script_of(char)) is not None)
    return found


def language(texts: Iterable[str]) -> str | None:
    """The language of the script most of the texts' shaped characters are in, or None for none."""
    found = scripts_in(texts)
    return LANGUAGES[found.most_common(1)[0][0]] if found else None
