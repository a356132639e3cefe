"""Set a card's text and the page's paragraphs in lines: text + style + width -> line boxes, stacked.

Words are measured once through the `TextMeasure` passed in (the layout never measures itself). What
the arrangement search weighs, a card's height, is added up from line counts (line_counts.py) without
setting a line, so it can try many widths and sizes cheaply; the card it takes is set once per stretch,
size and width: a batch of a thousand sheets of one routine sets each card's text once.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from handout.content.sheet_words import Words
from handout.layout import cjk, thai
from handout.layout.line_counts import CACHED_TEXTS, LineCounts, Pieces
from handout.model import CardField, FontRole, Layout, Rect, Stretch, TextBox, TextRole, TextStyle

HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_]-)(?=[^\W\d_])")
"""Where a word may break after its hyphen: between two letters, as in "Hüftbeuger-Dehnung" or
"IT-band"; the hyphen stays at the end of the line."""
HEIGHT_RANGE_MARGIN = 1e-9
"""How far inside its ends a card height's range of widths is trusted (a share of the width): turning
the texts' spans into widths rounds, and a width on the very edge is worked out again."""

Paragraph = tuple[str, TextStyle, TextRole, int | None]
"""A text to wrap, its style, its role and the index of the card it belongs to (None: page text)."""

CardFields = tuple[CardField, list[Paragraph]]
"""One of a card's fields and its paragraphs (the points: one each)."""


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
        self.rtl = words.direction == "rtl"
        """Right to left: lines right-aligned in their column, the points' numbers on the right."""
        self._widths: dict[tuple[str, FontRole], float] = {}
        self._heights: dict[tuple[Stretch, int], dict[float, list[tuple[float, float, float]]]] = {}
        """Each card's heights by body size: (from width, to width, height)."""
        self._pieces: dict[tuple[str, FontRole], Pieces] = {}
        self.line_counts = LineCounts(
            self.pieces,
            lambda font: self.width(" ", font, 1.0),
            lambda text, font, size, width: len(self.wrap(text, font, size, width)),
        )
        self._number_widths: dict[int, float] = {}
        self._cards: dict[tuple[Stretch, int], dict[tuple[float, float], Block]] = {}

    def width(self, text: str, font: FontRole, size: float) -> float:
        key = (text, font)
        if key not in self._widths:
            if len(self._widths) >= CACHED_TEXTS:
                self._widths.clear()
            self._widths[key] = self.fonts.width(text, font, 1.0)
        return self._widths[key] * size

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
        boxes: what the arrangement search asks for many times, and for the one it takes, the text.
        A height holds over the range of widths in which every text of the card keeps its line count,
        so each is kept with that range: the search's widths mostly fall in a range already found."""
        key = (stretch, card)
        if key not in self._heights or len(self._heights) >= self.CACHED_CARDS:
            if len(self._heights) >= self.CACHED_CARDS:
                self._heights.clear()
            self._heights[key] = {}
        sizes = self._heights[key]
        fields = self.card_fields(stretch, card)

        def height(body: float, width: float) -> float:
            ranges = sizes.setdefault(body, [])
            for low, high, found in ranges:
                if low <= width <= high:
                    return found
            found, low, high = self.card_height_range(fields, body, width)
            margin = HEIGHT_RANGE_MARGIN * width
            ranges.append((low + margin, high - margin, found) if low < high else (width, width, found))
            return found

        return height

    def card_fields(self, stretch: Stretch, card: int) -> list[CardFields]:
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

    def card_height_range(
        self, fields: list[CardFields], body: float, width: float
    ) -> tuple[float, float, float]:
        """The height `set_card_text` comes to, from the texts' line counts alone: the same sums in the
        same order, so the very same number, for a fraction of the work (no line is made); with the
        range of widths, from and to, over which every text keeps its line count, so that height."""
        span = self.line_counts.span
        height, low, high = 0.0, 0.0, math.inf
        previous: CardField | None = None
        for field, paragraphs in fields:
            _, style, _, _ = paragraphs[0]
            size = body * style.scale
            indent = self.number_indent(len(paragraphs), size) if field == "points" else 0.0
            block = 0.0
            for number, (text, _, _, _) in enumerate(paragraphs):
                if number:
                    block += POINT_GAP * body
                first, last, count = span(text, style.font, size, width - indent)
                low, high = max(low, first * size + indent), min(high, last * size + indent)
                block += self.lines_height(count, size)
            if previous is not None:
                height += field_gap(field, previous, body)
            height += block
            previous = field
        return height, low, high

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
            label_x = width - number_width if self.rtl else number_width - label_width
            block.boxes.append(shifted(label_box, label_x, block.height))
            for line_number, (line, line_width) in enumerate(lines):
                make = self.line_box(line, line_width, style.font, size, style.color, "point", card)
                line_x = width - indent - line_width if self.rtl else indent
                block.boxes.append(shifted(make, line_x, block.height + line_number * self.leading(size)))
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
                block.height += self.lines_height(self.line_counts.count(text, style.font, size, width), size)
                continue
            lines = self.wrap(text, style.font, size, width)
            for line_number, (line, line_width) in enumerate(lines):
                make = self.line_box(line, line_width, style.font, size, style.color, role, card)
                line_x = width - line_width if self.rtl else 0
                block.boxes.append(shifted(make, line_x, block.height + line_number * self.leading(size)))
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
        """Greedy line breaking at spaces, after a hyphen inside a word ("Hüftbeuger-|Dehnung"), in
        Chinese and Japanese between characters (cjk.segments), in Thai between words (thai.segments);
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

    def pieces(self, text: str, font: FontRole) -> Pieces:
        """The text's unbreakable pieces, each with the glue before it (" " or "") and its width at 1 pt."""
        key = (text, font)
        if key not in self._pieces:
            if len(self._pieces) >= CACHED_TEXTS:
                self._pieces.clear()
            pieces = []
            for word in text.split(" "):
                glue = " "
                for part in HYPHEN_BREAK.split(word):
                    for segment in (
                        piece for cjk_piece in cjk.segments(part) for piece in thai.segments(cjk_piece)
                    ):
                        pieces.append((glue, segment, self.width(segment, font, 1.0)))
                        glue = ""
            self._pieces[key] = pieces
        return self._pieces[key]

    def split_long_word(self, word: str, font: FontRole, size: float, width: float) -> list[str]:
        if self.width(word, font, size) <= width:
            return [word]
        pieces, piece = [], ""
        for char in word:
            if piece and self.width(piece + char, font, size) > width and not _is_mark(char):
                pieces.append(piece)
                piece = ""
            piece += char
        pieces.append(piece)
        return pieces


def _is_mark(char: str) -> bool:
    """A vowel sign or other mark stays with the letter it sits on (Thai, Devanagari, Arabic)."""
    return unicodedata.category(char) in ("Mn", "Mc")


POINT_GAP = 0.3
"""Space between two key points, in body sizes."""


def field_gap(field: CardField, previous: CardField, body: float) -> float:
    """Space between two of a card's fields: more around the numbered points than between the others."""
    return 0.45 * body if "points" in (field, previous) else 0.2 * body


def shifted(
    make: Callable[[float, float], TextBox], dx: float, dy: float
) -> Callable[[float, float], TextBox]:
    return lambda x, y: make(x + dx, y + dy)
