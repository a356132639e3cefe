"""The whole build in one call: routine + layout + paper -> PDF bytes, every step in its own module."""

from __future__ import annotations

from handout import cjk
from handout.errors import HandoutError
from handout.fonts import missing_characters, sheet_metrics
from handout.layout import lay_out
from handout.model import Layout, Paper, Routine
from handout.render import render_page
from handout.routine import routine_texts


def make_pdf(routine: Routine, layout: Layout, paper: Paper) -> bytes:
    check_printable(routine, layout)
    texts = [text for _, text in routine_texts(routine)] + [layout.footer_text]
    fonts = sheet_metrics(texts)
    page = lay_out(routine, layout, paper, fonts)
    return render_page(page, lang=cjk.language(texts) or "en", fonts=fonts)


def check_printable(routine: Routine, layout: Layout) -> None:
    """Refuse characters no font has a glyph for: they would print as empty boxes."""
    texts = [(f"{routine.source}: {where}", text) for where, text in routine_texts(routine)]
    texts.append((f"{layout.source}: [footer] text", layout.footer_text))
    problems = [
        f'{where}: the character "{char}" (U+{ord(char):04X}) cannot be printed with the font: '
        "replace or remove it"
        for where, text in texts
        for char in missing_characters(text)
    ]
    if problems:
        raise HandoutError(*problems)
