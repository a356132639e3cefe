"""The words a sheet prints itself, in the routine's language: lang -> Words (translations.toml)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path

from handout.content.schema import read_toml


@dataclass(frozen=True)
class Words:
    target: str
    hold: str
    safety: str
    """The safety advice every bundled footer carries: stretch to a mild pull, never to pain."""
    safety_short: str
    """The same in a few words, for the poster."""
    questions: str
    sheet: str
    """The e-mail's name for the picture of the sheet (its alt text)."""
    sheet_attached: str
    """The e-mail's line before the attached PDF's name."""
    title: str
    """The title a new sheet starts with on the web page; it follows the Language menu until the coach
    changes it."""
    direction: str = "ltr"
    """"rtl" for a language written right to left: its lines are right-aligned, numbers on the right."""


ENGLISH = Words(
    target="Target",
    hold="Hold",
    safety="Stretch to a mild pull, never to pain. Ease in slowly, breathe, don't bounce, "
    "and stop if anything hurts.",
    safety_short="Mild pull, never pain. Don't bounce. Stop if it hurts.",
    questions="Questions",
    sheet="The printable sheet",
    sheet_attached="The printable sheet is attached",
    title="Stretches after your run",
)
"""English, the default: here rather than in translations.toml so the layout engine can use it as its
default without reading a file."""


ALIASES = {
    "en-US": "en",
    "en-GB": "en",
    "zh-TW": "zh-Hant",
    "zh-HK": "zh-Hant",
    "zh-MO": "zh-Hant",
    "zh-Hans": "zh",
    "zh-CN": "zh",
}
"""Other codes a routine may give for a language the table has under one code: Taiwan's and Hong Kong's
Chinese is the traditional table's. The routine keeps its own code for the PDF's language."""


@cache
def translations() -> dict[str, Words]:
    """Every language the sheet can print its own words in, by its code (en, de, fr, ...)."""
    table = read_toml(Path(__file__).with_name("translations.toml"), "the translations", "translations")
    names = [field.name for field in fields(Words)]
    others = {
        lang: Words(**{name: words[name] for name in names if name in words}) for lang, words in table.items()
    }
    return {"en": ENGLISH, **others}


def words_for(lang: str) -> Words:
    """The words in `lang`, or in English for a language the table does not have yet."""
    return translations().get(ALIASES.get(lang, lang), ENGLISH)
