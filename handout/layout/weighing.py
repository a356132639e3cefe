"""Weigh one arrangement fitted at a body size: its figures' share of their cards, how empty its cards are,
and how it ranks against the others (composition.py picks the best).

An arrangement is "met" when every figure gets the layout's `figure_share` of its card and, on a short
routine, no card is mostly empty; of the met ones the composer takes the largest text, and among those
close to it the largest figures. One that misses is weighed by how close it comes.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from handout.layout.arrangement import CardPlace, Cards, Grid, box_size
from handout.model import Layout, Rect

FIGURE_STEP = 1.03
"""Illustrations whose scales differ by less than this factor count as the same size when fits are
compared: a hair's breadth of figure is not worth a less tidy sheet."""
SHORT_ROUTINE = 3
MOSTLY_EMPTY = 0.3
"""On a routine of up to SHORT_ROUTINE stretches, an arrangement that leaves any card more than this share
empty (what neither its text, as wide as its column, nor its figure covers) misses its share: a card of
a short routine has room to spare for its figure and text, so it should not be mostly blank."""
CLOSENESS_STEP = 0.05
"""When no arrangement gives every figure its share, the closest are compared in steps of 5% of the way."""
EMPTY_STEP = 4 * (72 / 2.54) ** 2
"""Empty space is compared in steps of 4 cm²."""
BOUND_MARGIN = 1e-6
"""How much a bound on the figures' share is raised against rounding before it rules a fit out."""


class Weighed(NamedTuple):
    """What is weighed: arrangement `order` of the composer's grids at a body size, its cards and places."""

    order: int
    body: float
    grid: Grid
    cards: Cards
    places: list[CardPlace]


class Fit(NamedTuple):
    """An arrangement at a body size, with its figures at the largest scale at which its cards fit, and
    what the choice between arrangements weighs."""

    order: int
    body: float
    grid: Grid
    cards: Cards
    places: list[CardPlace]
    scale: float | None
    """The figures' one body scale (points per centimetre), or None when there are no figures."""
    share: float
    """The smallest share of its card any illustration gets (a figure as drawn, a photo its box; 1 with
    none)."""
    met: bool
    """Every figure gets at least the layout's figure_share of its card (and on a short routine, no card
    is mostly empty)."""
    closeness: float
    """How close the fit comes to being met, from 0 to 1 (met): the figures' share over the layout's,
    or a short routine's fullest card over MOSTLY_EMPTY's, whichever is less."""
    empty: float
    """The card area's room that neither text nor illustration covers."""
    size: float
    """How big the illustrations come out: their one scale (points per centimetre), 0 with none."""

    def rank(self) -> tuple[float, int, float, int, int]:
        """Among fits whose text is about as large: the largest figures, then the largest text, then the
        least empty space, then the first; fits that miss the share compete on how close they come first."""
        closeness = math.floor(self.closeness / CLOSENESS_STEP + 1e-9)  # a met fit's (1) above all others
        size = math.floor(math.log(self.size) / math.log(FIGURE_STEP)) if self.size > 0 else -(10**6)
        return (closeness, size, self.body, -round(self.empty / EMPTY_STEP), -self.order)


def weigh(
    weighed: Weighed,
    scale: float,
    area: Rect,
    figure_sizes: list[tuple[float, float] | None],
    layout: Layout,
) -> Fit:
    """The figures' smallest share of their cards, the emptiest card and the card area's empty space.
    `figure_sizes` are the figures' natural sizes (None: a photo, or no illustration)."""
    order, body, grid, cards, places = weighed
    shares, emptiest = [], 0.0
    empty = area.width * area.height
    pad = 2 * layout.card_padding
    for place, size, width, height in zip(
        places, figure_sizes, cards.text_widths, cards.text_heights, strict=True
    ):
        figure = 0.0
        if place.image is not None:
            figure = place.image.width * place.image.height
            if size is not None:
                figure = size[0] * size[1] * scale * scale
            shares.append(figure / (place.frame.width * place.frame.height))
        inner = (place.frame.width - pad) * (place.frame.height - pad)
        emptiest = max(emptiest, 1 - (width * height + figure) / inner)
        empty -= width * height + figure
    share = min(shares, default=1.0)
    least = layout.figure_share_for(len(places))
    closeness = min(1.0, share / least) if least > 0 else 1.0
    if len(places) <= SHORT_ROUTINE:
        closeness = min(closeness, (1 - emptiest) / (1 - MOSTLY_EMPTY))
    met = closeness >= 1 - 1e-9
    figures = scale if any(size is not None for size in figure_sizes) else None
    shown = scale if shares else 0.0
    return Fit(order, body, grid, cards, places, figures, share, met, closeness, empty, shown)


def could_meet(
    grid: Grid,
    cards: Cards,
    above: float,
    figure_sizes: list[tuple[float, float] | None],
    layout: Layout,
) -> bool:
    """Whether a fit whose scale is below `above`, and whose cards are at least as tall as `cards`, may
    still give every figure its share: each figure at most as big as at `above`, each card at least as
    tall as now (cards only grow with the scale). False rules the fit out without finding its scale."""
    least = layout.figure_share_for(grid.count)
    if least <= 0:
        return True
    for index, height in enumerate(cards.frames):
        box, size = cards.boxes[index], figure_sizes[index]
        if box is None:
            continue
        if size is not None:
            figure = size[0] * size[1] * above * above
        else:
            photo = box_size(grid.shapes[index] or (1.0, 1.0), above)
            figure = photo[0] * photo[1]
        share = figure / (grid.widths[index] * height) * (1 + BOUND_MARGIN)
        if share / least < 1 - 1e-9:
            return False
    return True
