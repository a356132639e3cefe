"""Read Chinese, Japanese and Korean text: characters -> CJK or not, the sheet's language, line breaks.

Pure functions of the text, shared by fonts.py (which face draws a character) and layout.py (where a
line may break), so that measuring, breaking and drawing agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

CjkLanguage = Literal["zh", "zh-Hant", "ja", "ko"]
"""The sheet's CJK font's language: Chinese in simplified ("zh") or traditional ("zh-Hant") forms."""
TRADITIONAL = frozenset({"zh-Hant", "zh-TW", "zh-HK", "zh-MO"})
"""The `lang` codes of Chinese written in traditional characters (Taiwan, Hong Kong, Macau)."""

_RANGES = (
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x2E80, 0x2FDF),  # CJK and Kangxi radicals
    (0x3000, 0x303F),  # CJK symbols and punctuation: 、。「」 and the ideographic space
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3130, 0x318F),  # Hangul compatibility Jamo
    (0x31F0, 0x31FF),  # Katakana phonetic extensions
    (0x3400, 0x4DBF),  # CJK Unified Ideographs Extension A
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xAC00, 0xD7A3),  # Hangul syllables
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFF00, 0xFFEF),  # Fullwidth forms (CJK commas, brackets) and halfwidth katakana
)
"""Characters drawn with the PDF viewer's Asian fonts. Only the Basic Multilingual Plane: reportlab writes
CJK text in UCS-2, which cannot encode the rarer ideographs of the supplementary planes."""

_HANGUL = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7A3))
_KANA = ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9F))

NO_LINE_START = frozenset(
    "、。，．・：；？！ー〜…‥）〕］｝〉》」』】〙〗"  # noqa: RUF001
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
    ",.:;?!)]}%"
)
"""Basic kinsoku: closing punctuation and small kana never start a line."""
NO_LINE_END = frozenset("（〔［｛〈《「『【〘〖([{")  # noqa: RUF001
"""Opening brackets never end a line."""


_FIRST = chr(_RANGES[0][0])
"""Below this no character is CJK: Latin, Greek and Cyrillic text is passed over at the cost of a compare."""


def _in(char: str, ranges: tuple[tuple[int, int], ...]) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in ranges)


def is_cjk(char: str) -> bool:
    """Drawn with the sheet's CJK font rather than the bundled one."""
    return char >= _FIRST and _in(char, _RANGES)


def language(texts: Iterable[str]) -> CjkLanguage | None:
    """The CJK language of a sheet: Korean if any hangul, Japanese if any kana, Chinese for other CJK.

    One font for the whole sheet, so a Japanese heading written only in kanji still matches the kana
    around it. Hangul wins over kana because the Korean font also has kana, not the other way round.
    """
    chars = {char for text in texts if max(text, default="") >= _FIRST for char in text if is_cjk(char)}
    if not chars:
        return None
    if any(_in(char, _HANGUL) for char in chars):
        return "ko"
    if any(_in(char, _KANA) for char in chars):
        return "ja"
    return "zh"


def font_language(found: CjkLanguage, lang: str | None) -> CjkLanguage:
    """The language whose font draws the sheet: the text's, traditional Chinese when the routine says so.

    Simplified and traditional text share most characters, so only `lang` tells them apart: the same
    character is drawn in Taiwan's forms by the traditional font and in the mainland's by the other."""
    return "zh-Hant" if found == "zh" and lang in TRADITIONAL else found


def _breaks_between(before: str, after: str) -> bool:
    """Chinese and Japanese may break between any two characters; Korean, like Latin, at spaces."""
    if after in NO_LINE_START or before in NO_LINE_END:
        return False
    return _ideographic(before) or _ideographic(after)


def _ideographic(char: str) -> bool:
    return is_cjk(char) and not _in(char, _HANGUL)


def segments(word: str) -> list[str]:
    """A word (text without spaces) cut where a line may break inside it; a Latin word stays whole."""
    if max(word, default="") < _FIRST:
        return [word]
    pieces: list[str] = []
    start = 0
    for index in range(1, len(word)):
        if _breaks_between(word[index - 1], word[index]):
            pieces.append(word[start:index])
            start = index
    pieces.append(word[start:])
    return pieces
