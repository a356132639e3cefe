"""A sheet of one stretch is calm: its figure and its text side by side, neither a strip beside the other,
or the figure above its text; and the text as large as the layout allows (within a point)."""

from __future__ import annotations

import pytest
from test_capacity import routine_of

from handout.content.routine import library_stretches
from handout.layout.arrangement import BESIDE_SHARE
from handout.layout.layout_file import load_layout
from handout.layout.paper import paper_named
from handout.model import FrameBox, ImageBox, TextBox
from handout.pipeline import make_page

STANDING = [
    "standing-quad",
    "it-band-lean",
    "standing-hamstring",
    "chest-opener",
    "calf-wall",
    "forward-fold",
    "standing-hip-flexor",
]


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("entry", STANDING)
def test_one_standing_stretch_gets_a_balanced_card(paper, entry):
    layout = load_layout("grid")
    stretch = dict(library_stretches())[entry]
    page = make_page(routine_of((stretch,)), layout, paper_named(paper), {})
    (frame,) = [box.rect for box in page.boxes if isinstance(box, FrameBox)]
    (image,) = [box.rect for box in page.boxes if isinstance(box, ImageBox)]
    lines = [box.rect for box in page.boxes if isinstance(box, TextBox) and box.card == 0]
    inner = frame.width - 2 * layout.card_padding
    text_left = min(line.x for line in lines)
    if image.bottom <= min(line.y for line in lines):  # the figure above its text
        assert text_left == pytest.approx(frame.x + layout.card_padding)
    else:  # side by side: the text column at least half the card
        assert image.right < text_left
        assert frame.right - layout.card_padding - text_left >= BESIDE_SHARE * inner - 2.0
        assert image.width >= 0.3 * inner, "and the figure no strip either"
    assert page.body_size >= layout.body_max - 1.0
