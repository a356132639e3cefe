"""The sheet prints its date in its language's own form, read from the forms coaches type; anything that
is not a date prints as written."""

from __future__ import annotations

import datetime

import pypdf
import pytest
from conftest import actual_texts, realistic, to_toml

from handout.content.dates import read_date, sheet_date

DECEMBER_3 = datetime.date(2026, 12, 3)


@pytest.mark.parametrize(
    "typed", ["2026-12-03", "3.12.2026", "03.12.2026", "3. 12. 2026", "03/12/2026", "3-12-2026"]
)
def test_the_forms_coaches_type_are_read_day_first(typed: str) -> None:
    assert read_date(typed, "de") == DECEMBER_3
    assert read_date(typed, "en") == DECEMBER_3


def test_us_english_reads_slashes_month_first_and_dots_and_iso_as_everyone() -> None:
    assert read_date("12/3/2026", "en-US") == DECEMBER_3
    assert read_date("12/3/2026", "en") == datetime.date(2026, 3, 12)
    assert read_date("2026-12-03", "en-US") == read_date("3.12.2026", "en-US") == DECEMBER_3


@pytest.mark.parametrize(
    "typed", ["Saturday 5 December", "31.02.2026", "2026-13-01", "after the 10k", "5/12", "3.12.26", ""]
)
def test_what_is_not_a_whole_date_prints_as_written(typed: str) -> None:
    assert read_date(typed, "en") is None
    assert sheet_date(typed, "fr") == typed


LONG_DATES = {
    "en": "3 December 2026",
    "en-US": "December 3, 2026",
    "de": "3. Dezember 2026",
    "fr": "3 décembre 2026",
    "es": "3 de diciembre de 2026",
    "it": "3 dicembre 2026",
    "pt": "3 de dezembro de 2026",
    "nl": "3 december 2026",
    "pl": "3 grudnia 2026",
    "tr": "3 Aralık 2026",  # noqa: RUF001
    "hi": "3 दिसंबर 2026",
    "th": "3 ธันวาคม ค.ศ. 2026",
    "zh": "2026年12月3日",
    "zh-Hant": "2026年12月3日",
    "ja": "2026年12月3日",
    "ko": "2026년 12월 3일",
    "ar": "3 ديسمبر 2026",
    "he": "3 בדצמבר 2026",
}


@pytest.mark.parametrize("lang", LONG_DATES)
def test_a_date_prints_in_the_sheets_language(build_pdf, lang: str) -> None:
    """The web page's date field sends ISO; the sheet prints the language's long date, read back from
    the PDF (shaped and right-to-left sheets through their ActualText)."""
    path = build_pdf({**realistic(1), "lang": lang}, "--set", "date=2026-12-03", "--set", "club=Riverside")
    text = " ".join(actual_texts(path)) if lang in ("ar", "he", "hi", "th") else ""
    text += " " + pypdf.PdfReader(path).pages[0].extract_text()
    assert LONG_DATES[lang] in text
    assert "2026-12-03" not in text


def test_a_roster_or_routine_date_in_the_local_form_prints_in_the_sheets_form(build_pdf) -> None:
    routine = 'lang = "de"\n' + to_toml(realistic(1)) + '\n[details]\ndate = "05.12.2026"\n'
    assert "5. Dezember 2026" in pypdf.PdfReader(build_pdf(routine)).pages[0].extract_text()
    free = build_pdf(realistic(1), "--set", "date=Saturday 5 December")
    assert "Saturday 5 December" in pypdf.PdfReader(free).pages[0].extract_text()


@pytest.mark.parametrize("lang", ["ar", "he"])
def test_a_right_to_left_date_keeps_its_day_beside_a_latin_club_name(build_pdf, lang: str) -> None:
    """Right to left, "Riverside · 3 ديسمبر 2026" is drawn Riverside (rightmost), the dot, then the day,
    the month and the year going left. Without a mark the bidirectional algorithm gave the day to the Latin
    name: drawn at the far right, beside "Riverside"."""
    import pdfplumber

    path = build_pdf({**realistic(1), "lang": lang}, "--set", "date=2026-12-03", "--set", "club=Riverside")
    with pdfplumber.open(path) as pdf:
        chars = pdf.pages[0].chars
    header = min(char["top"] for char in chars if char["text"] == "R")
    line = [char for char in chars if abs(char["top"] - header) < 2]
    x = {char["text"]: char["x0"] for char in line if char["text"] in "R·3"}
    year = [char["x0"] for char in line if char["text"] in "026"]
    assert x["R"] > x["·"] > x["3"] > max(year)
