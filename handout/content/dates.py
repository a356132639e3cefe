"""Print the sheet's date in its language's own form: "2026-12-03" -> "3 December 2026", "3. Dezember 2026".

The `date` detail comes from `--set date=...`, a roster's column, a routine's [details] or the web page's
date field (which sends ISO, 2026-12-03). A date written in one of the forms coaches type (ISO,
3.12.2026, 03/12/2026, 3-12-2026; 12/3/2026 for US English) is printed in the long form the Unicode
CLDR gives the sheet's language, through Babel, rather than sixteen month tables written here; anything
else ("Saturday 5 December", "after the 10k") is printed as the coach wrote it, as is a date that does
not exist (31.02.2026).

Slashes and dashes are read day first ("03/12/2026" is 3 December), as every language of the sheet
writes them, except US English (`lang = "en-US"`), which writes the month first and prints
"December 3, 2026"; `en` is international English: "3 December 2026".
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache

ISO = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})")
DOTTED = re.compile(r"(?P<day>\d{1,2})\.\s?(?P<month>\d{1,2})\.\s?(?P<year>\d{4})")
"""3.12.2026, 03.12.2026, 3. 12. 2026: always day first."""
DAY_FIRST = re.compile(r"(?P<day>\d{1,2})(?P<sep>[/-])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4})")
MONTH_FIRST = re.compile(r"(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})")
MONTH_FIRST_LANGUAGES = frozenset({"en-US"})
"""Languages whose dates with slashes give the month first."""
LOCALES = {"en": "en_GB"}
"""The CLDR locale of a sheet language whose code alone means another (CLDR's "en" is US English)."""


def read_date(text: str, lang: str) -> datetime.date | None:
    """The date `text` writes, in a form of the sheet's language, or None when it writes none."""
    numeric = DAY_FIRST if lang not in MONTH_FIRST_LANGUAGES else MONTH_FIRST
    for pattern in (ISO, DOTTED, numeric):
        if found := pattern.fullmatch(text.strip()):
            try:
                return datetime.date(int(found["year"]), int(found["month"]), int(found["day"]))
            except ValueError:  # 31.02.2026: not a date, printed as written
                return None
    return None


def sheet_date(text: str, lang: str) -> str:
    """The date as the sheet prints it: in the language's long form when `text` is a date, else as it is."""
    date = read_date(text, lang)
    return text if date is None else long_date(date, lang)


@lru_cache(maxsize=64)
def long_date(date: datetime.date, lang: str) -> str:
    """ "3 December 2026", "3. Dezember 2026", "2026年12月3日": CLDR's long date of the language.

    Babel is imported only here: a sheet without a date does not load its locale data."""
    from babel import Locale, UnknownLocaleError
    from babel.dates import format_date

    try:
        locale = Locale.parse(LOCALES.get(lang, lang), sep="-" if "-" in lang else "_")
    except (UnknownLocaleError, ValueError):
        locale = Locale.parse(LOCALES["en"])
    formatted = str(format_date(date, "long", locale=locale))
    # A right-to-left date opens with a mark of its direction: after a Latin club name ("Riverside · 3
    # ديسمبر 2026") the bidirectional algorithm would give its day to the Latin words before it.
    return RIGHT_TO_LEFT_MARK + formatted if locale.character_order == "right-to-left" else formatted


RIGHT_TO_LEFT_MARK = "\u200f"
