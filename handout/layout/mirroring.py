"""Mirror a right-to-left sheet's cards: page -> the same page with its cards in right-to-left order.

An Arabic or Hebrew reader starts at the top right: the first stretch's card goes where the last one of
its row was. Each card moves whole (its frame, figure and lines together), so inside a card nothing
changes: the lines stay right-aligned and the figure where the layout put it, as a figure is a drawing
of a runner, not text. The boxes keep their order, which is reading order.
"""

from __future__ import annotations

from dataclasses import replace

from handout.model import Box, Page, QrBox, Rect


def mirrored_cards(page: Page) -> Page:
    """The page with each card moved to its mirror place across the page's middle."""
    extents: dict[int, tuple[float, float]] = {}
    for box in page.boxes:
        card = None if isinstance(box, QrBox) else box.card
        if card is not None:
            left, right = extents.get(card, (box.rect.x, box.rect.right))
            extents[card] = (min(left, box.rect.x), max(right, box.rect.right))
    shifts = {card: page.width - right - left for card, (left, right) in extents.items()}
    return replace(page, boxes=tuple(_moved(box, shifts) for box in page.boxes))


def _moved(box: Box, shifts: dict[int, float]) -> Box:
    card = None if isinstance(box, QrBox) else box.card
    if card is None:
        return box
    rect = box.rect
    return replace(box, rect=Rect(rect.x + shifts[card], rect.y, rect.width, rect.height))
