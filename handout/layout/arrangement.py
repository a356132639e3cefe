"""Arrange cards in the room a page leaves for them: an arrangement, a body size and a figure scale -> cards.

An arrangement is a way to cut the card area into cards: how many columns, where each card's image goes
(on top of its text, on its left, by its figure's shape: a band on top for a wide figure, a column
beside the text for a tall one, or "either": each where its card comes out shorter), how the cards
share the height (rows of one height, rows each as tall as its cards need, or "flow": no rows, the
cards running down the first column, then the next, as a newspaper's, each as tall as its contents
need), and whether a short last row widens its cards to fill the row. The layout file lists what it
allows; `arrangements` gives them in a fixed order (columns as listed, then image positions, row
heights, a widened last row before a narrow one), which decides ties, so the same routine always gets
the same sheet.

In flow the stretches stay in the routine's order, in contiguous blocks, one a column (read down the
first column, then the second), and the blocks are chosen to make the tallest column the shortest it can
be at the body size and scale weighed (of equally tall ones, the earlier split): a tall card and a short
one share a column, so a tall figure no longer sets the height of the short cards beside it.

Every image box takes its figure's shape at the sheet's one body scale (points per centimetre of pose
space), so the scale is set by boxes that fit their figures rather than by the narrowest column: the
composer picks the scale, this module says what the cards come to at it.

Pure geometry: the text heights come from the typesetter, the choice between arrangements is made by
composition.py.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from typing import NamedTuple

from handout.model import MM, ImagePosition, Layout, Rect, RowHeights

MIN_TEXT_EMS = 11
"""A card's text column is at least this many body sizes wide (about 25 characters a line): narrower,
and every line breaks after two or three words."""
MIN_IMAGE = 10 * MM
"""The longest figure of a sheet is at least this long: a smaller one shows no pose."""
IMAGE_GAP = 0.6
"""Space between a card's image and its text, in body sizes."""
FIGURE_INSET = 0.03
"""Share of an image box's shorter side the renderer keeps clear around a figure (figures.placement)."""
TEXT_STEP = 2.0
"""Text columns are a whole number of these points wide: beside figures of every scale the search tries,
the columns take few widths, and each width's line breaks are worked out once."""
WIDE = 1.0
"""A figure wider than tall by this ratio goes in a band on top when the image goes by shape."""
BESIDE_SHARE = 0.5
"""On a sheet of one stretch, a text column beside the figure is at least this share of the card's width:
the card has room for both, and a big figure beside a strip of text reads lopsided."""

Shape = tuple[float, float]
"""An illustration's natural width and height, in centimetres of pose space."""
TextHeight = Callable[[int, float, float], float]
"""The height of card `index`'s text at a body size and a width."""


class Arrangement(NamedTuple):
    columns: int
    image: ImagePosition | None
    """Where the images go ("shape": each by its figure's shape); None when no stretch has one."""
    rows: RowHeights
    span: bool
    """The last row's cards are widened to fill the row when it has fewer than `columns` (never in flow)."""

    def describe(self) -> str:
        image = "no images" if self.image is None else f"image {self.image}"
        span = ", last row widened" if self.span else ""
        rows = "cards flowing down the columns" if self.rows == "flow" else f"{self.rows} rows"
        return f"{self.columns} columns, {image}, {rows}{span}"


class CardPlace(NamedTuple):
    """Where one card goes: its frame, its image (None: no image room) and its text's top-left and width."""

    frame: Rect
    image: Rect | None
    text: Rect


class Cards(NamedTuple):
    """What an arrangement comes to at one body size and figure scale: each card's image position, image
    box size, text width and text height, how the cards are grouped and each card's height (card padding
    included)."""

    positions: tuple[ImagePosition | None, ...]
    boxes: tuple[Shape | None, ...]
    text_widths: tuple[float, ...]
    text_heights: tuple[float, ...]
    blocks: tuple[range, ...]
    """The cards of each row, left to right, or in flow of each column, top to bottom."""
    rows: tuple[float, ...]
    """Each row's height, or in flow each column's: its cards and the gaps between them."""
    frames: tuple[float, ...]
    """Each card's height: its row's, or in flow its own."""
    height: float
    """All the rows and the gaps between them, or in flow the tallest column."""


def arrangements(layout: Layout, landscape: bool, count: int, with_images: bool) -> list[Arrangement]:
    """Every arrangement the layout allows for `count` cards, in the order that breaks ties."""
    wanted = layout.columns_landscape if landscape else layout.columns
    columns = list(dict.fromkeys(min(columns, count) for columns in wanted))
    images: tuple[ImagePosition | None, ...] = layout.image_positions if with_images else (None,)
    found: list[Arrangement] = []
    for column_count in columns:
        spans = (True, False) if layout.span and count % column_count else (False,)
        for image in images:
            for rows in layout.row_heights:
                if rows != "flow":
                    found.extend(Arrangement(column_count, image, rows, span) for span in spans)
                elif column_count > 1:
                    found.append(Arrangement(column_count, image, rows, False))
                else:  # one column of flowing cards is one of fitted rows
                    found.append(Arrangement(column_count, image, "fitted", False))
    return list(dict.fromkeys(found))


def balanced_split(heights: Sequence[float], columns: int, gap: float) -> tuple[range, ...]:
    """Cards of these heights, in order, cut into `columns` contiguous blocks (none empty, as long as there
    are cards for them) whose tallest is the shortest it can be; of equally tall ones (within a hundredth
    of a point), the first found, which ends the earlier blocks earliest. The search asks this of every
    scale it tries, so each block's height is a difference of running sums."""
    count = len(heights)
    columns = max(1, min(columns, count))
    running = list(itertools.accumulate(heights, initial=0.0))
    best: tuple[int, ...] = ()
    tallest = math.inf
    for cuts in itertools.combinations(range(1, count), columns - 1):
        column, start = 0.0, 0
        for stop in (*cuts, count):
            column = max(column, running[stop] - running[start] + (stop - start - 1) * gap)
            start = stop
        if column < tallest - 0.01:
            best, tallest = cuts, column
    return tuple(range(start, stop) for start, stop in itertools.pairwise((0, *best, count)))


def box_size(shape: Shape, scale: float) -> Shape:
    """The image box a figure of `shape` needs at `scale`: the figure and the renderer's inset around it."""
    width, height = shape[0] * scale, shape[1] * scale
    inset = max(1.0, FIGURE_INSET * min(width, height) / (1 - 2 * FIGURE_INSET))
    return width + 2 * inset + 0.02, height + 2 * inset + 0.02


class Grid:
    """One arrangement cut into cards across the page's width: at a body size and figure scale, each
    card's image box and text, whether they fit the area, and their rectangles."""

    def __init__(
        self,
        arrangement: Arrangement,
        width: float,
        layout: Layout,
        shapes: Sequence[Shape | None],
        known: Sequence[bool] | None = None,
    ) -> None:
        """`shapes`: each card's illustration's shape (None: no illustration); `known`: whether that is
        its own shape (a drawn figure's) or one given to a photo, which goes beside the text by shape."""
        self.arrangement = arrangement
        self.width = width
        self.count = count = len(shapes)
        self.shapes = tuple(shapes)
        self.gap = layout.gap
        self.pad = layout.card_padding
        self.row_count = math.ceil(count / arrangement.columns)
        columns = arrangement.columns
        self.rows = [range(row * columns, min((row + 1) * columns, count)) for row in range(self.row_count)]
        self.widths = [self.card_width(index) for index in range(count)]
        known = [True] * count if known is None else list(known)
        self.positions = tuple(
            self.position(shape, own) for shape, own in zip(self.shapes, known, strict=True)
        )
        self.chosen = [
            arrangement.image == "either" and own and shape is not None
            for shape, own in zip(self.shapes, known, strict=True)
        ]
        """Whether a card's figure goes where its card comes out shorter (else where `positions` says)."""
        self.smallest_scale = MIN_IMAGE / max((max(shape) for shape in self.shapes if shape), default=1.0)
        """Below this scale even the longest figure is under MIN_IMAGE."""

    def position(self, shape: Shape | None, known: bool) -> ImagePosition | None:
        image = self.arrangement.image
        if shape is None or image is None:
            return None
        if image in ("shape", "either"):
            return "top" if known and shape[0] >= WIDE * shape[1] else "left"
        return image

    def card_width(self, index: int) -> float:
        arrangement = self.arrangement
        in_row = arrangement.columns
        if arrangement.span and index >= (self.row_count - 1) * arrangement.columns:
            in_row = self.count - (self.row_count - 1) * arrangement.columns
        return (self.width - (in_row - 1) * self.gap) / in_row

    def largest_scale(self, body: float, height: float) -> float:
        """A scale no fitting one exceeds: each box as wide as its card allows, none taller than `height`."""
        scales = [height / shape[1] for shape in self.shapes if shape is not None]
        for index, (shape, position) in enumerate(zip(self.shapes, self.positions, strict=True)):
            if shape is None:
                continue
            room = self.widths[index] - 2 * self.pad
            if position == "left" and not self.chosen[index]:
                room -= self.pad + MIN_TEXT_EMS * body
            scales.append(room / shape[0])
        return max(0.0, min(scales, default=0.0))

    def cards(self, body: float, scale: float, text_height: TextHeight) -> Cards | None:
        """The cards at this body size and figure scale, or None when a box or a text column has not
        the width it needs. With the image "either", a figure goes where its card comes out shorter, on
        top of its text or beside it (its shape decides a tie): each card as short as it can be makes
        every row as short as it can be, so the figures can grow the most. That is not always the best
        sheet (a tall figure on top may fill a page that shorter cards left calm), so the layouts list
        it beside "shape" and the composer weighs both."""
        positions: list[ImagePosition | None] = []
        boxes: list[Shape | None] = []
        widths: list[float] = []
        heights: list[float] = []
        needs: list[float] = []
        for index, (shape, position) in enumerate(zip(self.shapes, self.positions, strict=True)):
            box = None if shape is None or position is None else box_size(shape, scale)
            card = self.card(index, body, box, position, text_height)
            if self.chosen[index]:
                other = self.card(index, body, box, "left" if position == "top" else "top", text_height)
                if card is None or (other is not None and other[0] < card[0]):
                    card = other
            if card is None:
                return None
            need, width, text, position = card
            positions.append(position)
            boxes.append(box)
            widths.append(width)
            heights.append(text)
            needs.append(need + 2 * self.pad)
        if self.arrangement.rows == "flow":
            blocks = balanced_split(needs, self.arrangement.columns, self.gap)
            columns = [sum(needs[i] for i in block) + (len(block) - 1) * self.gap for block in blocks]
            return Cards(
                tuple(positions),
                tuple(boxes),
                tuple(widths),
                tuple(heights),
                blocks,
                tuple(columns),
                tuple(needs),
                max(columns),
            )
        rows = [max(needs[row.start : row.stop]) for row in self.rows]
        if self.arrangement.rows == "equal":
            rows = [max(rows)] * len(rows)
        frames = tuple(height for row, height in zip(self.rows, rows, strict=True) for _ in row)
        total = sum(rows) + (len(rows) - 1) * self.gap
        return Cards(
            tuple(positions),
            tuple(boxes),
            tuple(widths),
            tuple(heights),
            tuple(self.rows),
            tuple(rows),
            frames,
            total,
        )

    def card(
        self,
        index: int,
        body: float,
        box: Shape | None,
        position: ImagePosition | None,
        text_height: TextHeight,
    ) -> tuple[float, float, float, ImagePosition | None] | None:
        """Card `index` with its image box at `position`: the height its contents need, its text's width
        and height, and the position; None when the box or the text column has not the width it needs."""
        inner = self.widths[index] - 2 * self.pad
        room = inner - box[0] - self.pad if box is not None and position == "left" else inner
        width = TEXT_STEP * math.floor(room / TEXT_STEP)
        if width < MIN_TEXT_EMS * body or (box is not None and box[0] > inner):
            return None
        if box is not None and position == "left" and self.count == 1 and width < BESIDE_SHARE * inner:
            return None  # a lone card: figure and text side by side, half and half at least
        text = text_height(index, body, width)
        if box is None:
            return text, width, text, position
        if position == "top":
            return box[1] + IMAGE_GAP * body + text, width, text, position
        return max(box[1], text), width, text, position

    def places(self, area: Rect, cards: Cards, body: float) -> list[CardPlace]:
        """The cards' rectangles from the area's top-left, in the routine's order: rows packed at the top,
        or in flow each column's cards one under the other from the top. Room the figures could not use
        is left blank below the cards rather than spread inside them."""
        if self.arrangement.rows == "flow":
            places: list[CardPlace] = []
            x = area.x
            for column in cards.blocks:
                top = area.y
                for index in column:
                    frame = Rect(x, top, self.widths[index], cards.frames[index])
                    places.append(self.split(index, frame, cards, body))
                    top += frame.height + self.gap
                x += self.widths[column.start] + self.gap
            return places
        places = []
        top = area.y
        for row, height in zip(self.rows, cards.rows, strict=True):
            x = area.x
            for index in row:
                width = self.widths[index]
                places.append(self.split(index, Rect(x, top, width, height), cards, body))
                x += width + self.gap
            top += height + self.gap
        return places

    def split(self, index: int, frame: Rect, cards: Cards, body: float) -> CardPlace:
        """A card's image box at the top of its card (centred in its band, or at the left of the text)
        and its text."""
        pad = self.pad
        inner = Rect(frame.x + pad, frame.y + pad, frame.width - 2 * pad, frame.height - 2 * pad)
        box, position = cards.boxes[index], cards.positions[index]
        width, height = cards.text_widths[index], cards.text_heights[index]
        if box is None or position is None:
            return CardPlace(frame, None, Rect(inner.x, inner.y, width, height))
        if position == "left":
            picture = Rect(inner.x, inner.y, box[0], box[1])
            text_x = inner.right - width
            return CardPlace(frame, picture, Rect(text_x, inner.y, width, height))
        picture = Rect(inner.x + (inner.width - box[0]) / 2, inner.y, box[0], box[1])
        return CardPlace(frame, picture, Rect(inner.x, picture.bottom + IMAGE_GAP * body, width, height))
