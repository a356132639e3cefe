"""Room for the figure first: over every layout x paper x orientation x 1..capacity of the library's
wordiest stretches, each figure gets the layout's own least share of its card, every figure is drawn at
one body scale, and a short routine's cards are not left mostly empty. Geometry only, no PDF: the sizes
are the renderer's own (draw.figures.placement fits each figure into its box at the sheet's scale)."""

from __future__ import annotations

import pytest
from test_capacity import CASES, check_sheet, routine_of, sheet, wordiest

from handout.draw.figures import figure_size, placement
from handout.layout.arrangement import MIN_IMAGE
from handout.layout.layout_file import load_layout
from handout.model import Figure, FrameBox, ImageBox, Page, Rect, TextBox

MOSTLY_EMPTY = 1 / 3
"""No card of a sheet of one to three stretches is more than this share empty."""


def drawn(box: ImageBox) -> Rect:
    """The rectangle a figure is drawn in, as the renderer places it in its box."""
    assert isinstance(box.image, Figure)
    fit = placement(box.image.pose, box.rect.width, box.rect.height, box.scale)
    width, height = (side * fit.scale for side in figure_size(box.image.pose))
    return Rect(box.rect.x + fit.x0, box.rect.y + fit.y0, width, height)


def figures(page: Page) -> list[tuple[ImageBox, Rect, Rect]]:
    """Each figure's box, its drawn rectangle and its card's frame."""
    frames = {box.card: box.rect for box in page.boxes if isinstance(box, FrameBox)}
    return [
        (box, drawn(box), frames[box.card])
        for box in page.boxes
        if isinstance(box, ImageBox) and isinstance(box.image, Figure)
    ]


@pytest.mark.parametrize(("name", "paper", "orientation", "count"), CASES)
def test_each_figure_gets_the_layouts_share_of_its_card_at_one_body_scale(name, paper, orientation, count):
    layout = load_layout(name)
    page = sheet(name, paper, orientation, count)
    check_sheet(page, layout, routine_of(wordiest(name)[:count]))  # margins, overlaps, text sizes
    found = figures(page)
    assert len(found) == count, "every library stretch has its figure"
    least = layout.figure_share_for(count)
    for box, figure, frame in found:
        share = figure.width * figure.height / (frame.width * frame.height)
        assert share >= least - 1e-6, (box.image.name, f"{share:.3f} of its card, the layout says {least}")
        assert box.rect.contains(figure), box.image.name
    assert max(max(figure.width, figure.height) for _, figure, _ in found) >= MIN_IMAGE - 0.01
    scales = [
        placement(box.image.pose, box.rect.width, box.rect.height, box.scale).scale for box, *_ in found
    ]
    assert max(scales) <= 1.05 * min(scales), "one body scale for the sheet, within 5 %"


SHORT = [case for case in CASES if case.values[3] <= 3]


@pytest.mark.parametrize(("name", "paper", "orientation", "count"), SHORT)
def test_no_card_of_a_short_routine_is_more_than_a_third_empty(name, paper, orientation, count):
    """Figure and text grow into the card, or the card takes only the room they need."""
    layout = load_layout(name)
    page = sheet(name, paper, orientation, count)
    pad = layout.card_padding
    for box, figure, frame in figures(page):
        inner = (frame.width - 2 * pad) * (frame.height - 2 * pad)
        texts = [text.rect for text in page.boxes if isinstance(text, TextBox) and text.card == box.card]
        left, top = min(rect.x for rect in texts), min(rect.y for rect in texts)
        bottom = max(rect.bottom for rect in texts)
        column = frame.right - pad - left  # the text's column, to the card's inner edge
        used = column * (bottom - top) + figure.width * figure.height
        assert 1 - used / inner <= MOSTLY_EMPTY, (box.image.name, f"{1 - used / inner:.0%} empty")
