"""The article's language, one of those the sheet prints its words in: text -> "en", "de", "fr", "es", ...

langdetect (a small offline port of Google's detector) is loaded with these profiles and three
neighbour's only (NEIGHBOURS), so it loads in a fraction of its full start-up time and answers only a
language the sheet has its words and the library in (Italian and Portuguese too). Arabic, Hebrew,
Hindi, Bengali, Tamil and Thai are there too: their scripts cannot be taken for the others'.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any

LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "ar", "he", "hi", "bn", "ta", "th")
NEIGHBOURS = ("nl",)
"""Languages told apart from the others, so that a Dutch page is not taken for German: the answer is then
None (the sheet's own words stay English), with the warning, until the importer reads Dutch."""
SAMPLE = 4000
"""Characters of the article read: enough to tell the language, and keeps a huge article fast."""
LEAST_CERTAINTY = 0.7
"""Below this probability the importer does not guess: it writes no lang and says so."""


@cache
def detector_factory() -> Any:
    from langdetect.detector_factory import DetectorFactory

    factory = DetectorFactory()
    profiles = files("langdetect") / "profiles"
    factory.load_json_profile(
        [(profiles / lang).read_text(encoding="utf-8") for lang in (*LANGUAGES, *NEIGHBOURS)]
    )
    factory.set_seed(0)
    return factory


def detect_language(text: str) -> str | None:
    """The language `text` is written in, or None when it is too short or too mixed to tell."""
    from langdetect.lang_detect_exception import LangDetectException

    sample = text[:SAMPLE]
    if sum(char.isalpha() for char in sample) < 20:
        return None
    detector = detector_factory().create()
    detector.append(sample)
    try:
        best = max(detector.get_probabilities(), key=lambda found: found.prob)
    except (LangDetectException, ValueError):
        return None
    return str(best.lang) if best.prob >= LEAST_CERTAINTY and best.lang in LANGUAGES else None
