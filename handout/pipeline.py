"""The whole build in one call: routine + layout + paper + details -> page -> PDF bytes.

Every stage lives in its own folder (content, layout, draw); this module only chains them, and sits above
draw and below share, which builds sheets through it. The laid-out page is also available on
its own (`make_page`), for a merged batch that draws many pages into one PDF.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from handout.content.furniture import page_furniture
from handout.content.routine import routine_texts
from handout.content.sheet_words import Words, words_for
from handout.draw.figures import figure_size
from handout.draw.render import render_page
from handout.errors import HandoutError
from handout.layout import cjk, scripts
from handout.layout.composition import lay_out
from handout.layout.fonts import missing_characters, sheet_metrics
from handout.layout.imposition import copy_paper, impose
from handout.layout.mirroring import mirrored_cards
from handout.model import Furniture, Layout, Page, Paper, Routine

measured_figure_size = lru_cache(maxsize=256)(figure_size)
"""A figure's natural size, measured once per pose: the layout weighs every arrangement with it."""


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

    Its language is the routine's `lang`, or the language of its text's script (CJK, Arabic, Hebrew,
    Devanagari, Thai), or English: it sets the PDF's /Lang and the words the sheet prints itself; a
    right-to-left language's cards run right to left. Its fonts follow its text: a sheet with Chinese,
    Japanese or Korean gets that language's font, one with Arabic or Hindi their script's.
    """
    texts = tuple(routine_texts(routine))  # gathered once, for the language, the glyph check and the fonts
    own = sheet_text(routine, layout, settings, texts)
    words, furniture = own.words, own.furniture
    check_printable(routine, layout, settings, furniture, texts)
    labels = [words.target, words.hold]  # in the sheet's language, so perhaps CJK when nothing else is
    fonts = sheet_metrics(
        [*(text for _, text in texts), *labels, furniture.header, furniture.footer], own.lang
    )
    page = lay_out(
        routine, layout, copy_paper(paper, layout.copies), fonts, furniture, words, measured_figure_size
    )
    page = replace(page, lang=own.lang, cjk_font=fonts.cjk_font, scripts=fonts.scripts)
    if words.direction == "rtl":
        page = mirrored_cards(page)  # the first card at the top right
    return impose(page, paper, layout.copies, layout.muted)


@dataclass(frozen=True)
class SheetText:
    """What a sheet prints besides the routine: its language, its own words, its header and footer."""

    lang: str
    words: Words
    furniture: Furniture


def sheet_text(
    routine: Routine,
    layout: Layout,
    settings: Mapping[str, str],
    texts: Sequence[tuple[str, str]] | None = None,
) -> SheetText:
    """The language is the routine's `lang`, or the script's language of the routine's own text (its title,
    subtitle and stretches), or English; the sheet's own words follow it, and the header and footer
    templates are filled with them. Details (a club's name, a runner's name from a roster, --set) never
    choose it: an English routine for a Korean club is still printed in English.

    `texts` are the routine's texts as `routine_texts` gives them, when the caller has gathered them already.
    """
    routine_text = [text for _, text in (routine_texts(routine) if texts is None else texts)]
    lang = routine.lang or cjk.language(routine_text) or scripts.language(routine_text) or "en"
    words = words_for(lang)
    return SheetText(lang, words, page_furniture(routine, layout, settings, words, lang))


def check_printable(
    routine: Routine,
    layout: Layout,
    settings: Mapping[str, str],
    furniture: Furniture,
    texts: Sequence[tuple[str, str]],
) -> None:
    """Refuse characters no font has a glyph for: they would print as empty boxes.

    A character in a detail is reported where the coach typed it; the filled header and footer are
    checked for what the layout's own template text adds.
    """
    checked = [(f"{routine.source}: {where}", text) for where, text in texts]
    checked += [(f"{routine.source}: [details] {name}", text) for name, text in routine.details.items()]
    checked += [(f"--set {name}", text) for name, text in settings.items()]
    reported = {char for _, text in checked for char in missing_characters(text)}
    for part, text in (("header", furniture.header), ("footer", furniture.footer)):
        layout_only = "".join(char for char in text if char not in reported)
        checked.append((f"{layout.source}: [{part}] template", layout_only))
    problems = unprintable_texts(checked)
    if problems:
        raise HandoutError(*problems)


GROUP_CHARACTERS_FROM = 4
"""More characters than this that cannot be printed are one message, not one each: a routine in a
script no font covers says so once."""
PRINTABLE_SCRIPTS = "Latin, Greek, Cyrillic, Arabic, Hebrew, Devanagari, Bengali, Tamil, Thai and CJK"


def unprintable_texts(texts: Sequence[tuple[str, str]]) -> list[str]:
    """Messages for the characters of `texts` ((where, text) pairs) that no font has a glyph for: one
    each when there are a few, one grouped line when there are many."""
    missing = {where: missing_characters(text) for where, text in texts}
    characters = list(dict.fromkeys(char for chars in missing.values() for char in chars))
    if len(characters) < GROUP_CHARACTERS_FROM:
        return [problem for where, text in texts for problem in unprintable(where, text)]
    places = [where for where, chars in missing.items() if chars]
    source = places[0].partition(": ")[0]
    start = f"{source}: " if all(place.startswith(f"{source}: ") for place in places) else ""
    places = [place.removeprefix(start) for place in places]
    shown = ", ".join(f"U+{ord(char):04X}" for char in characters[:5])
    more = f" and {len(characters) - 5} more" if len(characters) > 5 else ""
    where = ", ".join(places[:3]) + (f" and {len(places) - 3} more places" if len(places) > 3 else "")
    return [
        f"{start}{len(characters)} different characters cannot be printed with the fonts ({shown}{more}), in "
        f"{where}: handout prints {PRINTABLE_SCRIPTS}; replace or remove them"
    ]


def unprintable(where: str, text: str) -> list[str]:
    """A message for each character of `text` that no font has a glyph for; `where` names the text."""
    return [
        f'{where}: the character "{char}" (U+{ord(char):04X}) cannot be printed with the font: '
        "replace or remove it"
        for char in missing_characters(text)
    ]
