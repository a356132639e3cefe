"""Set a card's text and the page's paragraphs in lines: text + style + width -> line boxes, stacked.

Words are measured once through the `TextMeasure` passed in (the layout never measures itself), and a
card's text is set once per stretch, size and width, so the arrangement search can try many widths and
sizes cheaply: a batch of a thousand sheets of one routine sets each card's text once per size.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from handout.content.sheet_words import Words
from handout.layout import cjk
from handout.model import CardField, FontRole, Layout, Rect, Stretch, TextBox, TextRole, TextStyle

HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_]-)(?=[^\W\d_])")
"""Where a word may break after its hyphen: between two letters, as in "Hüftbeuger-Dehnung" or
"IT-band"; the hyphen stays at the end of the line."""

SPAN_MARGIN = 1e-9
"""How far inside its ends a kept line-breaking span is trusted (a relative share of the width): far
more than rounding moves a sum of a few dozen widths, far less than any two texts' widths differ."""

Span = tuple[float, float, int]
"""Widths per point of size, from and to, over which a text breaks the same way, and its line count."""

Paragraph = tuple[str, TextStyle, TextRole, int | None]
"""A text to wrap, its style, its role and the index of the card it belongs to (None: page text)."""


class TextMeasure(Hashable, Protocol):
    """Font metrics per point of text size, and the width of a text (fonts.FontMetrics is one).

    Hashable, like a frozen dataclass: typesetters are kept per fonts between sheets.
    """

    @property
    def ascent(self) -> float: ...

    @property
    def descent(self) -> float: ...

    def width(self, text: str, font: FontRole, size: float) -> float: ...


@dataclass
class Block:
    """Text lines stacked from the top of a column: each line's offset from the top and its box maker."""

    boxes: list[Callable[[float, float], TextBox]]
    height: float

    def placed(self, x: float, y: float) -> list[TextBox]:
        return [make(x, y) for make in self.boxes]


def card_points(stretch: Stretch, layout: Layout) -> tuple[str, ...]:
    """The numbered lines a card prints: the cues on a layout that asks for them, when there are any."""
    return stretch.cues if layout.points == "cues" and stretch.cues else stretch.key_points


@lru_cache(maxsize=16)
def typesetter(layout: Layout, fonts: TextMeasure, words: Words) -> Typesetter:
    """One typesetter per layout, fonts and language, kept between sheets: a batch of a thousand sheets
    of one routine measures its words once and sets each card's text once per text size."""
    return Typesetter(layout, fonts, words)


class Typesetter:
    """Breaks and stacks text into line boxes; word widths are measured once and scaled."""

    CACHED_CARDS = 512
    """Stretches whose texts are kept (each with every size and width the arrangement search tried)."""

    def __init__(self, layout: Layout, fonts: TextMeasure, words: Words) -> None:
        self.layout = layout
        self.fonts = fonts
        self.words = words
        self._widths: dict[tuple[str, FontRole], float] = {}
        self._heights: dict[tuple[Stretch, int], dict[tuple[float, float], float]] = {}
        self._pieces: dict[tuple[str, FontRole], list[tuple[str, str, float]]] = {}
        self._spans: dict[tuple[str, FontRole], list[Span]] = {}
        self._number_widths: dict[int, float] = {}
        self._cards: dict[tuple[Stretch, int], dict[tuple[float, float], Block]] = {}

    def width(self, text: str, font: FontRole, size: float) -> float:
        key = (text, font)
        if key not in self._widths:
            self._widths[key] = self.fonts.width(text, font, 1.0)
        return self._widths[key] * size

    def card_text(self, stretch: Stretch, card: int, body: float, width: float) -> Block:
        """The card's text set once per stretch, size and width (blocks are never changed once made)."""
        return self.card_texts(stretch, card)(body, width)

    def card_texts(self, stretch: Stretch, card: int) -> Callable[[float, float], Block]:
        """One card's text by size and width, cached: the stretch is looked up (and hashed) only once,
        however many sizes and widths the arrangement search tries."""
        key = (stretch, card)
        if key not in self._cards or len(self._cards) >= self.CACHED_CARDS:
            if len(self._cards) >= self.CACHED_CARDS:
                self._cards.clear()
            self._cards[key] = {}
        sizes = self._cards[key]

        def text(body: float, width: float) -> Block:
            if (body, width) not in sizes:
                sizes[body, width] = self.set_card_text(stretch, card, body, width)
            return sizes[body, width]

        return text

    def card_heights(self, stretch: Stretch, card: int) -> Callable[[float, float], float]:
        """One card's text height by size and width, cached like `card_texts`, without making its line
        boxes: what the arrangement search asks for many times, and for the one it takes, the text."""
        key = (stretch, card)
        if key not in self._heights or len(self._heights) >= self.CACHED_CARDS:
            if len(self._heights) >= self.CACHED_CARDS:
                self._heights.clear()
            self._heights[key] = {}
        sizes = self._heights[key]
        fields = self.card_fields(stretch, card)

        def height(body: float, width: float) -> float:
            if (body, width) not in sizes:
                sizes[body, width] = self.card_height(fields, body, width)
            return sizes[body, width]

        return height

    def card_fields(self, stretch: Stretch, card: int) -> list[tuple[CardField, list[Paragraph]]]:
        """The card's fields in the layout's order, each with its paragraphs (the points: one each)."""
        layout = self.layout
        paragraphs: dict[CardField, list[Paragraph]] = {
            "name": [(stretch.name, layout.heading, "name", card)],
            "target": [(f"{self.words.target}: {stretch.target}", layout.target, "target", card)],
            "points": [(point, layout.point, "point", card) for point in card_points(stretch, layout)],
        }
        if stretch.hold:
            paragraphs["hold"] = [(f"{self.words.hold}: {stretch.hold}", layout.hold, "hold", card)]
        return [(field, paragraphs[field]) for field in layout.card_fields if field in paragraphs]

    def set_card_text(self, stretch: Stretch, card: int, body: float, width: float) -> Block:
        """The card's fields in the layout's order; the numbered points get a little more space around."""
        card_text = Block([], 0.0)
        previous: CardField | None = None
        for field, paragraphs in self.card_fields(stretch, card):
            if field == "points":
                block = self.numbered([text for text, *_ in paragraphs], card, body, width)
            else:
                block = self.stack(paragraphs, body, width)
            if previous is not None:
                card_text.height += field_gap(field, previous, body)
            card_text.boxes.extend(shifted(make, 0, card_text.height) for make in block.boxes)
            card_text.height += block.height
            previous = field
        return card_text

    def card_height(
        self, fields: list[tuple[CardField, list[Paragraph]]], body: float, width: float
    ) -> float:
        """The height `set_card_text` comes to, from line counts alone: the same sums in the same order,
        so the very same number, for a fraction of the work (no line is made)."""
        height = 0.0
        previous: CardField | None = None
        for field, paragraphs in fields:
            _, style, _, _ = paragraphs[0]
            size = body * style.scale
            line_width = width - self.number_indent(len(paragraphs), size) if field == "points" else width
            block = 0.0
            for number, (text, _, _, _) in enumerate(paragraphs):
                if number:
                    block += POINT_GAP * body
                block += self.lines_height(self.line_count(text, style.font, size, line_width), size)
            if previous is not None:
                height += field_gap(field, previous, body)
            height += block
            previous = field
        return height

    def number_indent(self, count: int, size: float) -> float:
        """Where the points' text starts: after the widest number and a little space."""
        return self.number_width(count, size) + 0.4 * size

    def number_width(self, count: int, size: float) -> float:
        """The widest of the numbers 1. to count. (the same at any size: found once per count)."""
        if count not in self._number_widths:
            self._number_widths[count] = max(self.width(f"{n}.", "bold", 1.0) for n in range(1, count + 1))
        return self._number_widths[count] * size

    def numbered(self, points: list[str], card: int, body: float, width: float) -> Block:
        """Key points with their numbers in a column of their own and wrapped lines hanging under the text."""
        style = self.layout.point
        size = body * style.scale
        number_width = self.number_width(len(points), size)
        indent = self.number_indent(len(points), size)
        block = Block([], 0.0)
        for number, point in enumerate(points, start=1):
            if number > 1:
                block.height += POINT_GAP * body
            lines = self.wrap(point, style.font, size, width - indent)
            label = f"{number}."
            label_width = self.width(label, "bold", size)
            label_box = self.line_box(label, label_width, "bold", size, style.color, "number", card)
            block.boxes.append(shifted(label_box, number_width - label_width, block.height))
            for line_number, (line, line_width) in enumerate(lines):
                make = self.line_box(line, line_width, style.font, size, style.color, "point", card)
                block.boxes.append(shifted(make, indent, block.height + line_number * self.leading(size)))
            block.height += self.lines_height(len(lines), size)
        return block

    def stack(
        self,
        parts: list[Paragraph],
        body: float,
        width: float,
        gap: float = 0.0,
        boxes: bool = True,
    ) -> Block:
        """Paragraphs one under the other, each wrapped to the width, `gap` between paragraphs (without
        `boxes`, only the height is worked out)."""
        block = Block([], 0.0)
        for index, (text, style, role, card) in enumerate(parts):
            if index:
                block.height += gap
            size = body * style.scale
            if not boxes:
                block.height += self.lines_height(self.line_count(text, style.font, size, width), size)
                continue
            lines = self.wrap(text, style.font, size, width)
            for line_number, (line, line_width) in enumerate(lines):
                make = self.line_box(line, line_width, style.font, size, style.color, role, card)
                block.boxes.append(shifted(make, 0, block.height + line_number * self.leading(size)))
            block.height += self.lines_height(len(lines), size)
        return block

    def leading(self, size: float) -> float:
        return size * self.layout.line_spacing

    def lines_height(self, count: int, size: float) -> float:
        """From the first line's ascent to the last line's descent."""
        return (count - 1) * self.leading(size) + (self.fonts.ascent + self.fonts.descent) * size

    def line_box(
        self,
        text: str,
        width: float,
        font: FontRole,
        size: float,
        color: str,
        role: TextRole,
        card: int | None,
    ) -> Callable[[float, float], TextBox]:
        """A maker for the line's box (of its measured `width`) given the top-left of its line slot."""
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

    def wrap(self, text: str, font: FontRole, size: float, width: float) -> list[tuple[str, float]]:
        """Greedy line breaking at spaces, after a hyphen inside a word ("Hüftbeuger-|Dehnung") and, in
        Chinese and Japanese, between characters (cjk.segments);
        a piece wider than the line is broken between characters. Each line comes with its width.

        The pieces are measured once per text (widths grow with the size), so that the arrangement search
        can break the same text at many widths and sizes for the price of some additions."""
        space = self.width(" ", font, size)
        lines: list[tuple[str, float]] = []
        line = ""
        line_width = 0.0
        for glue, segment, unit_width in self.pieces(text, font):
            pieces = (
                [segment] if unit_width * size <= width else self.split_long_word(segment, font, size, width)
            )
            for piece in pieces:
                piece_width = unit_width * size if len(pieces) == 1 else self.width(piece, font, size)
                gap = space if glue else 0.0
                if line and line_width + gap + piece_width > width:
                    lines.append((line, line_width))
                    line, line_width = "", 0.0
                if line:
                    line += glue
                    line_width += gap
                line += piece
                line_width += piece_width
                glue = ""
        lines.append((line, line_width))
        return lines

    def line_count(self, text: str, font: FontRole, size: float, width: float) -> int:
        """How many lines `wrap` breaks the text into, mostly without breaking it again.

        The greedy breaks depend only on the width per point of size, and each breaking holds for a span
        of it: from its widest line up to the narrowest of the lines made longer by the next piece. The
        text is broken once at 1 pt to find its span, and the spans found are kept per text, so the
        arrangement search, which asks for many sizes and widths, breaks each text a few times. A span
        is trusted only a hair (SPAN_MARGIN) inside its ends, where rounding cannot turn one of `wrap`'s
        comparisons; on the edge itself `wrap` is asked. So the count is always the one `wrap` gives."""
        per_point = width / size
        spans = self._spans.setdefault((text, font), [])
        below, above = (0.0, 0), (math.inf, 0)  # the nearest spans either side, with their counts
        for low, high, count in spans:
            if low <= per_point <= high:
                return count
            if below[0] < high < per_point:
                below = (high, count)
            elif per_point < low < above[0]:
                above = (low, count)
        if below[1] == 1 or 0 < below[1] == above[1]:
            return below[1]  # a wider line never takes more lines: between two equal counts, that count
        span = self.span(text, font, per_point)
        if span is None or not span[0] <= per_point <= span[1]:
            return len(self.wrap(text, font, size, width))  # on the edge of a span: `wrap` decides
        spans.append(span)
        return span[2]

    def span(self, text: str, font: FontRole, per_point: float) -> Span | None:
        """The widths per point that break the text as it breaks at `per_point`, with the line count;
        None when a piece is wider than the line (broken between characters: no span is kept)."""
        space = self.width(" ", font, 1.0)
        low, high = 0.0, math.inf
        count, line_width, filled = 1, 0.0, False
        for glue, segment, unit_width in self.pieces(text, font):
            if unit_width > per_point:
                return None
            if unit_width > low:
                low = unit_width
            gap = space if glue else 0.0
            if filled:
                longer = line_width + gap + unit_width
                if longer > per_point:
                    if longer < high:
                        high = longer
                    count, line_width, filled = count + 1, 0.0, False
                elif longer > low:
                    low = longer
            if filled:
                line_width += gap
            line_width += unit_width
            filled = filled or bool(segment)
        return (low * (1 + SPAN_MARGIN), high * (1 - SPAN_MARGIN), count)

    def pieces(self, text: str, font: FontRole) -> list[tuple[str, str, float]]:
        """The text's unbreakable pieces, each with the glue before it (" " or "") and its width at 1 pt."""
        key = (text, font)
        if key not in self._pieces:
            pieces = []
            for word in text.split(" "):
                glue = " "
                for part in HYPHEN_BREAK.split(word):
                    for segment in cjk.segments(part):
                        pieces.append((glue, segment, self.width(segment, font, 1.0)))
                        glue = ""
            self._pieces[key] = pieces
        return self._pieces[key]

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


POINT_GAP = 0.3
"""Space between two key points, in body sizes."""


def field_gap(field: CardField, previous: CardField, body: float) -> float:
    """Space between two of a card's fields: more around the numbered points than between the others."""
    return 0.45 * body if "points" in (field, previous) else 0.2 * body


def shifted(
    make: Callable[[float, float], TextBox], dx: float, dy: float
) -> Callable[[float, float], TextBox]:
    return lambda x, y: make(x + dx, y + dy)
