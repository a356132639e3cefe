"""Place a routine's stretches on a page: routine + layout + paper -> positioned boxes.

Pure: no canvas, no files. Text is measured through the `TextMeasure` passed in, so tests can check the
geometry without making a PDF and the renderer never measures again. The page uses one body text size,
the largest (in quarter points) at which every card fits; if even the layout's minimum does not fit, the
stretch that overflows is named.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from handout.content.routine import stretch_label
from handout.content.sheet_words import ENGLISH, Words
from handout.errors import HandoutError
from handout.layout import cjk
from handout.model import (
    Box,
    FontRole,
    FrameBox,
    Furniture,
    ImageBox,
    Layout,
    Page,
    Paper,
    QrBox,
    Rect,
    Routine,
    Stretch,
    TextBox,
    TextRole,
    TextStyle,
)

SIZE_STEP = 0.25
_Paragraph = tuple[str, TextStyle, TextRole, int | None]
"""A text to wrap, its style, its role and the index of the card it belongs to (None: page text)."""
QR_QUIET_ZONE = 0.2
"""Blank space a scanner needs around a QR code, as a share of its side: at least four of its modules."""
NO_FURNITURE = Furniture()
"""No header, no footer: what a page has when no templates were filled (tests of the bare layout)."""


class TextMeasure(Hashable, Protocol):
    """Font metrics per point of text size, and the width of a text (fonts.FontMetrics is one).

    Hashable, like a frozen dataclass: typesetters are kept per fonts between sheets.
    """

    @property
    def ascent(self) -> float: ...

    @property
    def descent(self) -> float: ...

    def width(self, text: str, font: FontRole, size: float) -> float: ...


def lay_out(
    routine: Routine,
    layout: Layout,
    paper: Paper,
    fonts: TextMeasure,
    furniture: Furniture = NO_FURNITURE,
    words: Words = ENGLISH,
) -> Page:
    """The page at the largest body size that fits, or a HandoutError naming what does not fit.

    `furniture` holds the header and footer lines, already filled in from the layout's templates, and
    the link for a QR code, which goes at the footer's right with the link printed beside it.
    """
    count = len(routine.stretches)
    if count > layout.max_stretches:
        raise HandoutError(
            f"{routine.source} has {count} stretches, but layout {layout.name} takes at most "
            f"{layout.max_stretches}: use fewer stretches or another layout (handout layouts lists them)"
        )
    sizes = _candidate_sizes(layout.body_min, layout.body_max)
    composer = _Composer(routine, layout, paper, fonts, furniture, words)
    smallest = composer.compose(sizes[0])
    if isinstance(smallest, _Overflow):
        raise HandoutError(_overflow_message(smallest, routine, layout, paper))
    low, high, best = 0, len(sizes) - 1, smallest
    while low < high:
        middle = (low + high + 1) // 2
        attempt = composer.compose(sizes[middle])
        if isinstance(attempt, Page):
            low, best = middle, attempt
        else:
            high = middle - 1
    return best


def _candidate_sizes(smallest: float, largest: float) -> list[float]:
    steps = math.floor((largest - smallest) / SIZE_STEP + 1e-9)
    return [smallest + step * SIZE_STEP for step in range(steps + 1)]


@dataclass(frozen=True)
class _Overflow:
    """Why a body size does not fit: a card's text (its index), or the title and footer (None)."""

    card: int | None


def _points(stretch: Stretch, layout: Layout) -> tuple[str, ...]:
    """The numbered lines a card prints: the cues on a layout that asks for them, when there are any."""
    return stretch.cues if layout.points == "cues" and stretch.cues else stretch.key_points


def _overflow_message(overflow: _Overflow, routine: Routine, layout: Layout, paper: Paper) -> str:
    sheet = f"landscape {paper.name}" if paper.landscape else paper.name
    at = f"on one {sheet} page at {layout.body_min:g} pt"
    if overflow.card is None:
        return f"the title, subtitle and footer leave no room for the stretches {at}: shorten the subtitle"
    stretch = routine.stretches[overflow.card]
    label = stretch_label(overflow.card + 1, stretch.name)
    if layout.points == "cues" and not stretch.cues:
        fix = 'give it short cues, like cues = ["Heel to bottom", "Knees together"]'
    elif layout.points == "cues":
        fix = "shorten its cues"
    else:
        fix = "shorten its key points"
    return f"{label} does not fit {at}: {fix} or use a layout with fewer stretches per page"


@dataclass
class _Block:
    """Text lines stacked from the top of a column: each line's offset from the top and its box maker."""

    boxes: list[Callable[[float, float], TextBox]]
    height: float

    def placed(self, x: float, y: float) -> list[TextBox]:
        return [make(x, y) for make in self.boxes]


class _Composer:
    """Lays out one routine at any body size: the title block, the grid of cards and the footer."""

    def __init__(
        self,
        routine: Routine,
        layout: Layout,
        paper: Paper,
        fonts: TextMeasure,
        furniture: Furniture,
        words: Words,
    ) -> None:
        self.routine = routine
        self.furniture = furniture
        self.layout = layout
        self.paper = paper
        self.fonts = fonts
        self.text = _typesetter(layout, fonts, words)
        self.with_images = any(stretch.image is not None for stretch in routine.stretches)

    def compose(self, body: float) -> Page | _Overflow:
        layout, paper = self.layout, self.paper
        content = Rect(
            layout.margin, layout.margin, paper.width - 2 * layout.margin, paper.height - 2 * layout.margin
        )
        header: list[_Paragraph] = []
        if self.furniture.header:
            header.append((self.furniture.header, layout.header, "header", None))
        header.append((self.routine.title, layout.title, "title", None))
        if self.routine.subtitle and layout.show_subtitle:
            header.append((self.routine.subtitle, layout.subtitle, "subtitle", None))
        footer: list[_Paragraph] = []
        if self.furniture.footer:
            footer.append((self.furniture.footer, layout.footer, "footer", None))
        url, qr_size = self.furniture.url, layout.qr_size
        qr: Rect | None = None
        footer_width, footer_height, footer_gap = content.width, 0.0, body
        if url and qr_size:
            footer.append((url, layout.footer, "url", None))
            qr = Rect(content.right - qr_size, content.bottom - qr_size, qr_size, qr_size)
            footer_gap = max(body, QR_QUIET_ZONE * qr_size)
            footer_width -= qr_size + footer_gap
            footer_height = qr_size
        header_block = self.text.stack(header, body, content.width, gap=0.35 * body)
        footer_block = self.text.stack(footer, body, footer_width, gap=0.3 * body)
        footer_height = max(footer_height, footer_block.height)
        cards_top = content.y + header_block.height + body
        cards_bottom = content.bottom - footer_height - (footer_gap if footer else 0)
        area = Rect(content.x, cards_top, content.width, cards_bottom - cards_top)
        if area.height < 4 * body:
            return _Overflow(None)

        card_rects = self.grid(area)
        texts = []
        for index, (stretch, card) in enumerate(zip(self.routine.stretches, card_rects, strict=True)):
            block = self.text.card_text(stretch, index, body, self.split_card(card, body, 0)[1].width)
            if block.height > self.text_room(card, body):
                return _Overflow(index)
            texts.append(block)

        boxes: list[Box] = [*header_block.placed(content.x, content.y)]
        tallest = max(block.height for block in texts)
        for index, (stretch, card, block) in enumerate(
            zip(self.routine.stretches, card_rects, texts, strict=True)
        ):
            boxes.extend(self.card_boxes(index, stretch, card, block, body, tallest))
        boxes.extend(footer_block.placed(content.x, content.bottom - footer_block.height))
        if qr is not None and url:
            boxes.append(QrBox(qr, url, layout.ink))
        return Page(
            width=paper.width,
            height=paper.height,
            boxes=tuple(boxes),
            body_size=body,
            title=self.routine.title,
            subject="Stretches: " + ", ".join(stretch.name for stretch in self.routine.stretches),
        )

    # --- The grid of cards ----------------------------------------------------------------------

    def grid(self, area: Rect) -> list[Rect]:
        """Card rectangles in reading order: left to right, then top to bottom, rows of equal height."""
        count = len(self.routine.stretches)
        wanted = self.layout.columns_landscape if self.paper.landscape else self.layout.columns
        columns = min(wanted, count)
        rows = math.ceil(count / columns)
        gap = self.layout.gap
        width = (area.width - (columns - 1) * gap) / columns
        height = (area.height - (rows - 1) * gap) / rows
        return [
            Rect(
                area.x + (i % columns) * (width + gap),
                area.y + (i // columns) * (height + gap),
                width,
                height,
            )
            for i in range(count)
        ]

    def inner(self, card: Rect) -> Rect:
        pad = self.layout.card_padding
        return Rect(card.x + pad, card.y + pad, card.width - 2 * pad, card.height - 2 * pad)

    def image_gap(self, body: float) -> float:
        return 0.6 * body

    def text_room(self, card: Rect, body: float) -> float:
        """Height the card's text may take: the inner card less the image's minimum share."""
        inner = self.inner(card)
        if not self.with_images or self.layout.image_position == "left":
            return inner.height
        return inner.height * (1 - self.layout.image_share) - self.image_gap(body)

    def split_card(self, card: Rect, body: float, text_height: float) -> tuple[Rect, Rect]:
        """The card's image and text rectangles; an image on top grows into what the text leaves.

        When no stretch of the routine has an image, the text takes the whole card.
        """
        inner = self.inner(card)
        if not self.with_images:
            return Rect(inner.x, inner.y, inner.width, 0), inner
        if self.layout.image_position == "left":
            image = Rect(inner.x, inner.y, inner.width * self.layout.image_share, inner.height)
            text_x = image.right + self.layout.card_padding
            return image, Rect(text_x, inner.y, inner.right - text_x, inner.height)
        gap = self.image_gap(body)
        image = Rect(inner.x, inner.y, inner.width, inner.height - gap - text_height)
        return image, Rect(inner.x, image.bottom + gap, inner.width, text_height)

    def card_boxes(
        self, index: int, stretch: Stretch, card: Rect, block: _Block, body: float, tallest: float
    ) -> list[Box]:
        """Frame, image and text of one card; `tallest` is the tallest card text on the page."""
        layout = self.layout
        image, text = self.split_card(card, body, tallest)
        boxes: list[Box] = [FrameBox(card, layout.muted, layout.card_border, layout.card_radius, index)]
        if stretch.image is not None:
            boxes.append(
                ImageBox(
                    image, stretch.image, layout.image_fit, layout.accent, layout.ink, index, layout.grayscale
                )
            )
        boxes.extend(block.placed(text.x, text.y))
        return boxes


@lru_cache(maxsize=16)
def _typesetter(layout: Layout, fonts: TextMeasure, words: Words) -> _Typesetter:
    """One typesetter per layout, fonts and language, kept between sheets: a batch of a thousand sheets
    of one routine measures its words once and sets each card's text once per text size."""
    return _Typesetter(layout, fonts, words)


class _Typesetter:
    """Breaks and stacks text into line boxes; word widths are measured once and scaled."""

    CACHED_CARDS = 4096

    def __init__(self, layout: Layout, fonts: TextMeasure, words: Words) -> None:
        self.layout = layout
        self.fonts = fonts
        self.words = words
        self._widths: dict[tuple[str, FontRole], float] = {}
        self._cards: dict[tuple[Stretch, int, float, float], _Block] = {}

    def width(self, text: str, font: FontRole, size: float) -> float:
        key = (text, font)
        if key not in self._widths:
            self._widths[key] = self.fonts.width(text, font, 1.0)
        return self._widths[key] * size

    def card_text(self, stretch: Stretch, card: int, body: float, width: float) -> _Block:
        """The card's text set once per stretch, size and width (blocks are never changed once made)."""
        key = (stretch, card, body, width)
        if key not in self._cards:
            if len(self._cards) >= self.CACHED_CARDS:
                self._cards.clear()
            self._cards[key] = self.set_card_text(stretch, card, body, width)
        return self._cards[key]

    def set_card_text(self, stretch: Stretch, card: int, body: float, width: float) -> _Block:
        """The card's fields in the layout's order; the numbered points get a little more space around."""
        layout = self.layout
        paragraphs: dict[str, _Paragraph] = {
            "name": (stretch.name, layout.heading, "name", card),
            "target": (f"{self.words.target}: {stretch.target}", layout.target, "target", card),
        }
        if stretch.hold:
            paragraphs["hold"] = (f"{self.words.hold}: {stretch.hold}", layout.hold, "hold", card)
        card_text = _Block([], 0.0)
        previous = None
        for field in layout.card_fields:
            if field == "points":
                block = self.numbered(_points(stretch, layout), card, body, width)
            elif field in paragraphs:
                block = self.stack([paragraphs[field]], body, width)
            else:
                continue
            if previous is not None:
                card_text.height += 0.45 * body if "points" in (field, previous) else 0.2 * body
            card_text.boxes.extend(_shifted(make, 0, card_text.height) for make in block.boxes)
            card_text.height += block.height
            previous = field
        return card_text

    def numbered(self, points: tuple[str, ...], card: int, body: float, width: float) -> _Block:
        """Key points with their numbers in a column of their own and wrapped lines hanging under the text."""
        style = self.layout.point
        size = body * style.scale
        number_width = max(self.width(f"{n}.", "bold", size) for n in range(1, len(points) + 1))
        indent = number_width + 0.4 * size
        block = _Block([], 0.0)
        for number, point in enumerate(points, start=1):
            if number > 1:
                block.height += 0.3 * body
            label = f"{number}."
            label_box = self.line_box(label, "bold", size, style.color, "number", card)
            block.boxes.append(
                _shifted(label_box, number_width - self.width(label, "bold", size), block.height)
            )
            lines = self.wrap(point, style.font, size, width - indent)
            for line_number, line in enumerate(lines):
                make = self.line_box(line, style.font, size, style.color, "point", card)
                block.boxes.append(_shifted(make, indent, block.height + line_number * self.leading(size)))
            block.height += self.lines_height(len(lines), size)
        return block

    def stack(
        self,
        parts: list[_Paragraph],
        body: float,
        width: float,
        gap: float = 0.0,
    ) -> _Block:
        """Paragraphs one under the other, each wrapped to the width, `gap` between paragraphs."""
        block = _Block([], 0.0)
        for index, (text, style, role, card) in enumerate(parts):
            if index:
                block.height += gap
            size = body * style.scale
            lines = self.wrap(text, style.font, size, width)
            for line_number, line in enumerate(lines):
                make = self.line_box(line, style.font, size, style.color, role, card)
                block.boxes.append(_shifted(make, 0, block.height + line_number * self.leading(size)))
            block.height += self.lines_height(len(lines), size)
        return block

    def leading(self, size: float) -> float:
        return size * self.layout.line_spacing

    def lines_height(self, count: int, size: float) -> float:
        """From the first line's ascent to the last line's descent."""
        return (count - 1) * self.leading(size) + (self.fonts.ascent + self.fonts.descent) * size

    def line_box(
        self, text: str, font: FontRole, size: float, color: str, role: TextRole, card: int | None
    ) -> Callable[[float, float], TextBox]:
        """A maker for the line's box given the top-left of its line slot."""
        width = self.width(text, font, size)
        ascent, descent = self.fonts.ascent * size, self.fonts.descent * size

        def make(x: float, top: float) -> TextBox:
            return TextBox(
                rect=Rect(x, top, width, ascent + descent),
                baseline=top + ascent,
                text=text,
                font=font,
                size=size,
                color=color,
                role=role,
                card=card,
            )

        return make

    def wrap(self, text: str, font: FontRole, size: float, width: float) -> list[str]:
        """Greedy line breaking at spaces and, in Chinese and Japanese, between characters (cjk.segments);
        a piece wider than the line is broken between characters."""
        space = self.width(" ", font, size)
        lines: list[str] = []
        line = ""
        line_width = 0.0
        for word in text.split(" "):
            glue = " "
            for segment in cjk.segments(word):
                for piece in self.split_long_word(segment, font, size, width):
                    piece_width = self.width(piece, font, size)
                    gap = space if glue else 0.0
                    if line and line_width + gap + piece_width > width:
                        lines.append(line)
                        line, line_width = "", 0.0
                    if line:
                        line += glue
                        line_width += gap
                    line += piece
                    line_width += piece_width
                    glue = ""
        lines.append(line)
        return lines

    def split_long_word(self, word: str, font: FontRole, size: float, width: float) -> list[str]:
        if self.width(word, font, size) <= width:
            return [word]
        pieces, piece = [], ""
        for char in word:
            if piece and self.width(piece + char, font, size) > width:
                pieces.append(piece)
                piece = ""
            piece += char
        pieces.append(piece)
        return pieces


def _shifted(
    make: Callable[[float, float], TextBox], dx: float, dy: float
) -> Callable[[float, float], TextBox]:
    return lambda x, y: make(x + dx, y + dy)
