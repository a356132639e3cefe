"""The whole build in one call: routine + layout + paper -> PDF bytes, every step in its own module."""

from __future__ import annotations

from handout.errors import HandoutError
from handout.fonts import metrics, missing_characters
from handout.layout import lay_out
from handout.model import Layout, Paper, Routine
from handout.render import render_page
from handout.routine import routine_texts


def make_pdf(routine: Routine, layout: Layout, paper: Paper) -> bytes:
    check_printable(routine)
    return render_page(lay_out(routine, layout, paper, metrics()))


def check_printable(routine: Routine) -> None:
    """Refuse characters the font has no glyph for: they would print as empty boxes."""
    problems = [
        f'{where}: the character "{char}" (U+{ord(char):04X}) cannot be printed with the bundled font: '
        "replace or remove it"
        for where, text in routine_texts(routine)
        for char in missing_characters(text)
    ]
    if problems:
        raise HandoutError(*problems)
