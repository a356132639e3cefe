"""The whole build in one call: routine + layout + paper + details -> page -> PDF bytes.

Every step lives in its own module; this one only chains them. The laid-out page is also available on
its own (`make_page`), for a merged batch that draws many pages into one PDF.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from handout import cjk
from handout.errors import HandoutError
from handout.fonts import missing_characters, sheet_metrics
from handout.imposition import copy_paper, impose
from handout.layout import lay_out
from handout.model import Furniture, Layout, Page, Paper, Routine
from handout.render import render_page
from handout.routine import routine_texts
from handout.templates import page_furniture
from handout.words import Words, words_for


@dataclass(frozen=True)
class SheetRequest:
    """What a coach asked for, checked and loaded: everything a build needs, and its default file name."""

    routine: Routine
    layout: Layout
    paper: Paper
    settings: dict[str, str]
    name: str
    """ROUTINE-LAYOUT-PAPER[-landscape][-grayscale]: the stem of the default file names."""


def make_pdf(
    routine: Routine, layout: Layout, paper: Paper, settings: Mapping[str, str] | None = None
) -> bytes:
    """The sheet's PDF. `paper` is turned as the coach asked; for two-up it is each copy that is turned.

    `settings` are the command line's --set details, which override the routine's [details].
    """
    return render_page(make_page(routine, layout, paper, settings or {}))


def make_page(routine: Routine, layout: Layout, paper: Paper, settings: Mapping[str, str]) -> Page:
    """The sheet laid out and imposed, not yet drawn (a merged batch draws many into one PDF).

    Its language is the routine's `lang`, or the CJK language of its text, or English: it sets the PDF's
    /Lang and the words the sheet prints itself. Its fonts follow its text: a sheet with Chinese, Japanese
    or Korean gets that language's CID font.
    """
    own = sheet_text(routine, layout, settings)
    words, furniture = own.words, own.furniture
    check_printable(routine, layout, settings, furniture)
    texts = [text for _, text in routine_texts(routine)]
    labels = [words.target, words.hold]  # in the sheet's language, so perhaps CJK when nothing else is
    fonts = sheet_metrics([*texts, *labels, furniture.header, furniture.footer])
    page = lay_out(routine, layout, copy_paper(paper, layout.copies), fonts, furniture, words)
    page = replace(page, lang=own.lang, cjk_font=fonts.cjk_font)
    return impose(page, paper, layout.copies, layout.muted)


@dataclass(frozen=True)
class SheetText:
    """What a sheet prints besides the routine: its language, its own words, its header and footer."""

    lang: str
    words: Words
    furniture: Furniture


def sheet_text(routine: Routine, layout: Layout, settings: Mapping[str, str]) -> SheetText:
    """The language is the routine's `lang`, or the CJK language its text and details are written in, or
    English; the sheet's own words follow it, and the header and footer templates are filled with them."""
    texts = [text for _, text in routine_texts(routine)] + [*routine.details.values(), *settings.values()]
    lang = routine.lang or cjk.language(texts) or "en"
    words = words_for(lang)
    return SheetText(lang, words, page_furniture(routine, layout, settings, words))


def check_printable(
    routine: Routine, layout: Layout, settings: Mapping[str, str], furniture: Furniture
) -> None:
    """Refuse characters no font has a glyph for: they would print as empty boxes.

    A character in a detail is reported where the coach typed it; the filled header and footer are
    checked for what the layout's own template text adds.
    """
    texts = [(f"{routine.source}: {where}", text) for where, text in routine_texts(routine)]
    texts += [(f"{routine.source}: [details] {name}", text) for name, text in routine.details.items()]
    texts += [(f"--set {name}", text) for name, text in settings.items()]
    reported = {char for _, text in texts for char in missing_characters(text)}
    for part, text in (("header", furniture.header), ("footer", furniture.footer)):
        layout_only = "".join(char for char in text if char not in reported)
        texts.append((f"{layout.source}: [{part}] template", layout_only))
    problems = [problem for where, text in texts for problem in unprintable(where, text)]
    if problems:
        raise HandoutError(*problems)


def unprintable(where: str, text: str) -> list[str]:
    """A message for each character of `text` that no font has a glyph for; `where` names the text."""
    return [
        f'{where}: the character "{char}" (U+{ord(char):04X}) cannot be printed with the font: '
        "replace or remove it"
        for char in missing_characters(text)
    ]
