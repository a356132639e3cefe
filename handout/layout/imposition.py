"""Put copies of a laid-out page on the printed sheet: page + sheet -> the page with copies and cut lines.

Pure, like the layout engine. A layout with `[sheet] copies = 2` is laid out once on half the sheet (A5 on
A4, half-letter on letter), turned the way the coach asked: portrait copies sit side by side on a
landscape sheet, landscape copies one above the other on a portrait sheet. Every copy is the same page,
so each keeps the layout's printer-safe margins on all four sides, which also keeps its text clear of
the cut line between them.
"""

from __future__ import annotations

from dataclasses import replace

from handout.model import Color, Imposition, Page, Paper

HALF_NAMES = {"A4": "A5", "US letter": "half-letter"}


def copy_paper(paper: Paper, copies: int) -> Paper:
    """The paper one copy is laid out on: the sheet itself, or its half turned the same way as `paper`."""
    if copies == 1:
        return paper
    name = HALF_NAMES.get(paper.name, f"half {paper.name}")
    if paper.landscape:
        return Paper(name, paper.height, paper.width / 2)
    return Paper(name, paper.height / 2, paper.width)


def impose(page: Page, paper: Paper, copies: int, cut_color: Color) -> Page:
    """The page as printed: for two copies, on the sheet turned from `paper`, a dashed cut line between."""
    if copies == 1:
        return page
    sheet_width, sheet_height = paper.height, paper.width
    if paper.landscape:  # landscape copies, one above the other
        offsets = ((0.0, 0.0), (0.0, page.height))
        cut = ((0.0, page.height), (sheet_width, page.height))
    else:  # portrait copies, side by side
        offsets = ((0.0, 0.0), (page.width, 0.0))
        cut = ((page.width, 0.0), (page.width, sheet_height))
    return replace(page, imposition=Imposition(sheet_width, sheet_height, offsets, (cut,), cut_color))
