"""Find where Thai may break: a word (text without spaces) -> its Thai words, for line breaking.

Thai puts no spaces between words (a space ends a phrase), so a line may break between two words
inside a run of letters, never between any two characters. The words are found with pythainlp's
dictionary segmenter (newmm), from the optional `handout[thai]` extra (it is 60 MB of corpora, so not
in the base install). Without it Thai breaks at its spaces only, as the phrases are written.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.util import find_spec

from handout.layout import scripts

_FIRST, _LAST = scripts.RANGES["thai"][0]


def available() -> bool:
    """Whether the segmenter is installed."""
    return find_spec("pythainlp") is not None


@lru_cache(maxsize=4096)
def segments(word: str) -> list[str]:
    """The word cut between its Thai words; a word without Thai (or without the segmenter) stays whole."""
    if not any(_FIRST <= ord(char) <= _LAST for char in word) or not available():
        return [word]
    from pythainlp.tokenize import word_tokenize

    pieces = [piece for piece in word_tokenize(word, engine="newmm", keep_whitespace=True) if piece]
    return pieces if "".join(pieces) == word else [word]
