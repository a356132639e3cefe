"""Arrange cards in the room a page leaves for them: the arrangements a layout allows -> card rectangles.

An arrangement is a way to cut the card area into cards: how many columns, where each card's image goes
(on top of its text or on its left), the image's share of the card, whether the rows are of equal height
or each as tall as its cards need, and whether a short last row widens its cards to fill the row. The
layout file lists what it allows; `arrangements` gives them in a fixed order (columns as listed, then
image positions, image shares, row heights, a widened last row before a narrow one), which decides ties,
so the same routine always gets the same sheet.

Pure geometry: the text heights come from the typesetter, the choice between arrangements is made by
composition.py.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from handout.model import MM, ImagePosition, Layout, Rect, RowHeights

MIN_TEXT_EMS = 11
"""A card's text column is at least this many body sizes wide (about 25 characters a line): narrower,
and every line breaks after two or three words."""
MIN_IMAGE = 10 * MM
"""No image box is narrower or lower than this, whatever its share: a smaller figure shows no pose."""
IMAGE_GAP = 0.6
"""Space between a card's image and its text, in body sizes."""


class Arrangement(NamedTuple):
    columns: int
    image: ImagePosition | None
    """Where the image goes; None when no stretch of the routine has one."""
    share: float
    """The image's share of the card: of its inner width on the left; on top, the least of its height."""
    rows: RowHeights
    span: bool
    """The last row's cards are widened to fill the row when it has fewer than `columns`."""

    def describe(self) -> str:
        image = "no images" if self.image is None else f"image {self.image} {self.share:g}"
        span = ", last row widened" if self.span else ""
        return f"{self.columns} columns, {image}, {self.rows} rows{span}"


class CardPlace(NamedTuple):
    """Where one card goes: its frame, its image (None: no image room) and its text's top-left and width."""

    frame: Rect
    image: Rect | None
    text: Rect


def arrangements(layout: Layout, landscape: bool, count: int, with_images: bool) -> list[Arrangement]:
    """Every arrangement the layout allows for `count` cards, in the order that breaks ties."""
    wanted = layout.columns_landscape if landscape else layout.columns
    columns = list(dict.fromkeys(min(columns, count) for columns in wanted))
    images: tuple[ImagePosition | None, ...] = layout.image_positions if with_images else (None,)
    found: list[Arrangement] = []
    for column_count in columns:
        spans = (True, False) if layout.span and count % column_count else (False,)
        for image in images:
            shares = layout.image_shares if image is not None else (0.0,)
            for share in shares:
                for rows in layout.row_heights:
                    found.extend(Arrangement(column_count, image, share, rows, span) for span in spans)
    return found


class Grid:
    """One arrangement cut into cards across the page's width: the text widths it gives, then, in the
    area a body size leaves for the cards, whether they fit and their rectangles."""

    def __init__(self, arrangement: Arrangement, width: float, count: int, layout: Layout) -> None:
        self.arrangement = arrangement
        self.width = width
        self.count = count
        self.gap = layout.gap
        self.pad = layout.card_padding
        self.row_count = math.ceil(count / arrangement.columns)
        columns = arrangement.columns
        self.rows = [range(row * columns, min((row + 1) * columns, count)) for row in range(self.row_count)]
        self.widths = [self.card_width(index) for index in range(count)]
        self.widths_of_text = tuple(self.text_width(index) for index in range(count))
        self.narrowest = min(self.widths_of_text)
        self.images_too_narrow = (
            arrangement.image == "left" and min(map(self.image_width, range(count))) < MIN_IMAGE
        )

    def card_width(self, index: int) -> float:
        arrangement = self.arrangement
        in_row = arrangement.columns
        if arrangement.span and index >= (self.row_count - 1) * arrangement.columns:
            in_row = self.count - (self.row_count - 1) * arrangement.columns
        return (self.width - (in_row - 1) * self.gap) / in_row

    def image_width(self, index: int) -> float:
        """The width of an image on the left of the card's text (0 for any other arrangement)."""
        if self.arrangement.image != "left":
            return 0.0
        return (self.widths[index] - 2 * self.pad) * self.arrangement.share

    def text_width(self, index: int) -> float:
        inner = self.widths[index] - 2 * self.pad
        if self.arrangement.image == "left":
            return inner - self.image_width(index) - self.pad
        return inner

    def text_widths(self, body: float) -> tuple[float, ...] | None:
        """Each card's text width, or None when a text column would be too narrow at this body size."""
        if self.images_too_narrow or self.narrowest < MIN_TEXT_EMS * body:
            return None
        return self.widths_of_text

    def row_needs(self, text_heights: list[float], body: float) -> list[float]:
        """The least height of each row: its tallest text, and on top an image of at least its share."""
        image, share, pad = self.arrangement.image, self.arrangement.share, 2 * self.pad
        tallest = [max(text_heights[row.start : row.stop]) for row in self.rows]
        if image == "top":
            gap = IMAGE_GAP * body
            needs = [max((text + gap) / (1 - share), text + gap + MIN_IMAGE) + pad for text in tallest]
        elif image == "left":
            needs = [max(text, MIN_IMAGE) + pad for text in tallest]
        else:
            needs = [text + pad for text in tallest]
        if self.arrangement.rows == "equal":
            needs = [max(needs)] * len(needs)
        return needs

    def shortfall(self, height: float, text_heights: list[float], body: float) -> float:
        """How much taller than the area's `height` the rows need to be (0 or less: they fit)."""
        needs = self.row_needs(text_heights, body)
        return sum(needs) + (len(needs) - 1) * self.gap - height

    def places(
        self, area: Rect, text_heights: list[float], body: float, figures: list[float | None]
    ) -> list[CardPlace]:
        """The cards' rectangles, with the room left over shared out among the rows (`spares`).

        On top, the image takes what the tallest text of its row leaves, so texts line up along a row.
        `figures` are the heights (in centimetres) of the cards' figures, None for a card without one.
        """
        needs = self.row_needs(text_heights, body)
        tallest = [max(text_heights[row.start : row.stop]) for row in self.rows]
        spare = max(0.0, -self.shortfall(area.height, text_heights, body))
        extras = self.spares(needs, tallest, spare, body, figures)
        places: list[CardPlace] = []
        top = area.y
        for row, need, text, extra in zip(self.rows, needs, tallest, extras, strict=True):
            height = need + extra
            x = area.x
            for index in row:
                width = self.widths[index]
                places.append(self.split(index, Rect(x, top, width, height), text, body))
                x += width + self.gap
            top += height + self.gap
        return places

    def spares(
        self, needs: list[float], tallest: list[float], spare: float, body: float, figures: list[float | None]
    ) -> list[float]:
        """How much of the spare height each row gets. Equal rows, images on the left and rows without
        figures get the same share each. Fitted rows with figures on top first get what lets the figures
        grow together (every figure of a sheet is drawn at one scale, so the row whose figure runs out of
        height first decides), then the same share each of what is left."""
        count = len(needs)
        tall = [max((figures[index] or 0.0 for index in row), default=0.0) for row in self.rows]
        if self.arrangement.rows == "equal" or self.arrangement.image != "top" or not any(tall):
            return [spare / count] * count
        images = [
            need - 2 * self.pad - IMAGE_GAP * body - text for need, text in zip(needs, tallest, strict=True)
        ]

        def wanted(scale: float) -> list[float]:
            return [max(0.0, height * scale - image) for height, image in zip(tall, images, strict=True)]

        low, high = 0.0, max(image + spare for image in images) / min(height for height in tall if height)
        for _ in range(40):  # the largest common scale whose rows' extra heights add up to the spare
            middle = (low + high) / 2
            low, high = (middle, high) if sum(wanted(middle)) <= spare else (low, middle)
        extras = wanted(low)
        rest = (spare - sum(extras)) / count
        return [extra + rest for extra in extras]

    def split(self, index: int, frame: Rect, tallest: float, body: float) -> CardPlace:
        pad = self.pad
        inner = Rect(frame.x + pad, frame.y + pad, frame.width - 2 * pad, frame.height - 2 * pad)
        image = self.arrangement.image
        if image is None:
            return CardPlace(frame, None, inner)
        if image == "left":
            picture = Rect(inner.x, inner.y, self.image_width(index), inner.height)
            text_x = picture.right + pad
            return CardPlace(frame, picture, Rect(text_x, inner.y, inner.right - text_x, inner.height))
        picture = Rect(inner.x, inner.y, inner.width, inner.height - IMAGE_GAP * body - tallest)
        return CardPlace(frame, picture, Rect(inner.x, inner.bottom - tallest, inner.width, tallest))
