"""How many lines a text breaks into at a size and width, mostly without breaking it again.

The arrangement search asks for every card's height at many sizes and widths, and a height needs only
how many lines each text takes. Greedy line breaking depends on the width per point of text size
alone, and one breaking holds over a span of it: from its widest line up to the narrowest of the lines
that the next piece would have overflowed. So a text is broken once at 1 pt to find the span around the
width asked for, and the spans found are kept. A wider line never takes more lines (greedy breaking
takes the fewest lines a width allows), so between two spans of the same count, the count is that too.

Rounding is kept out: a span is trusted only a hair inside its ends (SPAN_MARGIN), where no comparison
`wrap` makes at any size can come out the other way, and on the edge itself `wrap` is asked. So a count
is always the one `wrap` gives (tests/test_line_counts.py holds them against each other).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from handout.model import FontRole

SPAN_MARGIN = 1e-9
"""How far inside its ends a span is trusted (a relative share of the width): far more than rounding
moves a sum of a few dozen widths, far less than any two texts' widths differ."""

CACHED_TEXTS = 8192
"""Texts whose spans are kept, and the typesetter's widths and pieces: a server up for weeks sees every
visitor's."""

Span = tuple[float, float, int]
"""Widths per point of size, from and to, over which a text takes the same number of lines; that number."""

Pieces = list[tuple[str, str, float]]
"""A text's unbreakable pieces, each with the glue before it (" " or "") and its width at 1 pt."""


class LineCounts:
    """The spans found for each text, and from them the line count at any size and width."""

    def __init__(
        self,
        pieces: Callable[[str, FontRole], Pieces],
        space: Callable[[FontRole], float],
        wrap_count: Callable[[str, FontRole, float, float], int],
    ) -> None:
        self.pieces = pieces
        """The typesetter's pieces of a text (measured once)."""
        self.space = space
        """The width of a space at 1 pt."""
        self.wrap_count = wrap_count
        """How many lines the typesetter's `wrap` makes: asked on the edge of a span."""
        self._spans: dict[tuple[str, FontRole], list[Span]] = {}

    def count(self, text: str, font: FontRole, size: float, width: float) -> int:
        """The line count."""
        return self.span(text, font, size, width)[2]

    def span(self, text: str, font: FontRole, size: float, width: float) -> Span:
        """The span of widths per point around `width / size` over which the text takes the same line
        count, and that count (a span of that one width when `wrap` was asked). Spans of one count that
        meet, or have only that count between them, are kept as one: after a few breakings a text's
        spans are its counts' whole ranges."""
        key = (text, font)
        if key not in self._spans:
            if len(self._spans) >= CACHED_TEXTS:
                self._spans.clear()
            self._spans[key] = []
        spans = self._spans[key]
        per_point = width / size
        below: Span = (0.0, 0.0, 0)  # the nearest spans either side (count 0: none)
        above: Span = (math.inf, math.inf, 0)
        for span in spans:
            if span[0] <= per_point <= span[1]:
                return span
            if below[1] < span[1] < per_point:
                below = span
            elif per_point < span[0] < above[0]:
                above = span
        if below[2] == 1:
            found: Span = (below[0], math.inf, 1)  # one line, and any wider line is one line too
        elif 0 < below[2] == above[2]:
            found = (below[0], above[1], below[2])
        else:
            broken = self.broken_at(text, font, per_point)
            if broken is None or not broken[0] <= per_point <= broken[1]:
                return (per_point, per_point, self.wrap_count(text, font, size, width))  # on an edge
            found = (
                below[0] if below[2] == broken[2] else broken[0],
                above[1] if above[2] == broken[2] else broken[1],
                broken[2],
            )
        spans[:] = [span for span in spans if not found[0] <= span[0] <= found[1]]
        spans.append(found)
        return found

    def broken_at(self, text: str, font: FontRole, per_point: float) -> Span | None:
        """The text broken as `wrap` breaks it, at 1 pt and `per_point` wide: the span of widths that
        break it so, with its line count. None when a piece is wider than the line (`wrap` breaks it
        between characters, which no span describes)."""
        space = self.space(font)
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
