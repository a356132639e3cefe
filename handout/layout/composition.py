"""Place a routine's stretches on a page: routine + layout + paper -> positioned boxes.

Pure: no canvas, no files. Text is measured through the `TextMeasure` passed in and figures through the
`FigureMeasure` (their natural size in centimetres), so tests can check the geometry without making a
PDF and the renderer never measures again.

A page is laid out once per routine, layout, paper, fonts and footer, and kept (LAID_OUT): the next
sheet whose header differs (a batch prints each runner's name in it) but sets in as many lines at every
candidate size gets the kept page with its header lines set anew, since nothing else on the page
depends on the header's text.

The engine arranges before it shrinks. The page uses one body text size: the largest (in quarter points,
from the layout's maximum down to its minimum for the routine's length) at which some arrangement the
layout allows fits every card (arrangement.py lists them, in a fixed order). Of the arrangements that fit
at that size it takes the one with the largest figures (every figure of the sheet at one body scale, the
largest at which each fits its box), then the least empty space, then the first in the order. If none
fits even at the minimum size, the message says by how many lines the routine is too long and which
stretch needs the most room.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from typing import NamedTuple

from handout.content.routine import stretch_label
from handout.content.sheet_words import ENGLISH, Words
from handout.errors import HandoutError
from handout.layout.arrangement import CardPlace, Grid, arrangements
from handout.layout.layout_file import layouts_taking
from handout.layout.typesetting import Block, Paragraph, TextMeasure, typesetter
from handout.model import (
    Box,
    Figure,
    FrameBox,
    Furniture,
    ImageBox,
    Layout,
    Page,
    Paper,
    Pose,
    QrBox,
    Rect,
    Routine,
    Stretch,
    TextBox,
)

SIZE_STEP = 0.25
BODY_TOLERANCE = 1.0
"""Arrangements whose text comes out at most this much smaller than the largest compete on their figures:
a point of body text is hardly seen on a sheet, a figure half again as big is."""
QR_QUIET_ZONE = 0.2
"""Blank space a scanner needs around a QR code, as a share of its side: at least four of its modules."""
NO_FURNITURE = Furniture()
"""No header, no footer: what a page has when no templates were filled (tests of the bare layout)."""
FIGURE_INSET = 0.03
"""Share of an image box's shorter side the renderer keeps clear around a figure (figures.placement)."""
FIGURE_STEP = 1.03
"""Figures whose scales differ by less than this factor count as the same size when arrangements are
compared: a hair's breadth of figure is not worth a less tidy sheet."""
EMPTY_STEP = 4 * (72 / 2.54) ** 2
"""Empty space is compared in steps of 4 cm²."""

FigureMeasure = Callable[[Pose], tuple[float, float]]
"""A figure scene's natural width and height in centimetres (draw.figures.figure_size)."""


def lay_out(
    routine: Routine,
    layout: Layout,
    paper: Paper,
    fonts: TextMeasure,
    furniture: Furniture = NO_FURNITURE,
    words: Words = ENGLISH,
    figure_size: FigureMeasure | None = None,
) -> Page:
    """The page at the largest body size that fits, or a HandoutError naming what does not fit.

    `furniture` holds the header and footer lines, already filled in from the layout's templates, and
    the link for a QR code, which goes at the footer's right with the link printed beside it. Without
    `figure_size`, each figure is fitted to its own box (ImageBox.scale None).
    """
    count = len(routine.stretches)
    if count > layout.max_stretches:
        raise HandoutError(_capacity_message(routine, layout))
    sizes = _candidate_sizes(layout.body_min_for(count), layout.body_max)
    header_width = paper.width - 2 * layout.margin
    text = typesetter(layout, fonts, words)
    header_heights = tuple(
        text.stack([_header(furniture.header, layout)], body, header_width, boxes=False).height
        for body in sizes
        if furniture.header
    )
    laid_out_from = (routine.title, routine.subtitle, routine.stretches)  # its details are in the furniture
    key = (
        laid_out_from,
        layout,
        paper,
        fonts,
        words,
        figure_size,
        replace(furniture, header=""),
        header_heights,
    )
    if key not in LAID_OUT:
        if len(LAID_OUT) >= CACHED_PAGES:
            LAID_OUT.clear()
        composer = _Composer(routine, layout, paper, fonts, furniture, words, figure_size)
        found = _search(composer, sizes)
        if found is None:  # as a last resort, the illustrations give up some room to the text
            smaller = replace(layout, image_shares=(LAST_RESORT_SHARE * min(layout.image_shares),))
            found = _search(_Composer(routine, smaller, paper, fonts, furniture, words, figure_size), sizes)
        if found is None:
            raise HandoutError(composer.overflow_message(sizes[0]))
        LAID_OUT[key] = (furniture.header, found)
    header, page = LAID_OUT[key]
    if header == furniture.header:
        return page
    kept = [box for box in page.boxes if isinstance(box, TextBox) and box.role == "header"]
    assert page.boxes[: len(kept)] == tuple(kept), "the header's lines come first"
    lines = text.stack([_header(furniture.header, layout)], page.body_size, header_width)
    return replace(page, boxes=(*lines.placed(layout.margin, layout.margin), *page.boxes[len(kept) :]))


CACHED_PAGES = 32
"""Laid-out pages kept: a batch or the web page's preview lays out a handful of routines at a time."""
LAID_OUT: dict[tuple[object, ...], tuple[str, Page]] = {}
"""Pages by everything they are laid out from but the header's text, each with the header it has."""


def _header(header: str, layout: Layout) -> Paragraph:
    return (header, layout.header, "header", None)


LAST_RESORT_SHARE = 0.75
"""A routine that fits no arrangement at the smallest size is tried once more with illustrations this
much narrower than the layout's narrowest: a sheet whose figures are a little smaller beats a refusal
(eight long stretches in a landscape list on US letter need it), and a routine that fits as the layout
is drawn is never given smaller figures by it."""


def _search(composer: _Composer, sizes: list[float]) -> Page | None:
    """The page at the largest size of `sizes` at which an arrangement fits (the search itself), or
    None when none fits even at the smallest."""
    if not composer.fits(sizes[0]):
        return None
    low, high = 0, len(sizes) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if composer.fits(sizes[middle]):
            low = middle
        else:
            high = middle - 1
    return composer.page(sizes[max(0, low - round(BODY_TOLERANCE / SIZE_STEP)) : low + 1])


def _candidate_sizes(smallest: float, largest: float) -> list[float]:
    steps = math.floor((largest - smallest) / SIZE_STEP + 1e-9)
    return [smallest + step * SIZE_STEP for step in range(steps + 1)]


def _capacity_message(routine: Routine, layout: Layout) -> str:
    count = len(routine.stretches)
    others = [other for other in layouts_taking(count) if other.name != layout.name]
    if others:
        names = ", ".join(f"--layout {other.name} (up to {other.max_stretches})" for other in others)
        fix = f"split the routine into two sheets or use {names}"
    else:
        fix = "split the routine into two sheets"
    return (
        f"{routine.source}: {count} stretches: the {layout.name} layout takes at most "
        f"{layout.max_stretches}; {fix}"
    )


class _Frame(NamedTuple):
    """What a body size leaves for the cards: the header and footer set, and the area between them."""

    header: Block
    footer: Block
    footer_top: float
    cards: Rect
    qr: Rect | None


class _Fit(NamedTuple):
    """An arrangement that fits at the page's body size, with what the choice between them weighs."""

    order: int
    body: float
    """The largest body size at which this arrangement fits."""
    grid: Grid
    places: list[CardPlace]
    scale: float | None
    """The figures' one body scale (points per centimetre), or None when there are no figures."""
    figures: float
    """How big the illustrations come out: the figures' scale, or the smallest photo box's side."""
    empty: float

    def rank(self) -> tuple[int, float, int, int]:
        """The largest figures, then the largest text, then the least empty space, then the first."""
        figures = math.floor(math.log(self.figures) / math.log(FIGURE_STEP)) if self.figures > 0 else -(10**6)
        return (figures, self.body, -round(self.empty / EMPTY_STEP), -self.order)


class _Composer:
    """Lays out one routine at any body size: the title block, the arrangement of cards and the footer."""

    def __init__(
        self,
        routine: Routine,
        layout: Layout,
        paper: Paper,
        fonts: TextMeasure,
        furniture: Furniture,
        words: Words,
        figure_size: FigureMeasure | None,
    ) -> None:
        self.routine = routine
        self.furniture = furniture
        self.layout = layout
        self.paper = paper
        self.text = typesetter(layout, fonts, words)
        self.figure_sizes = [
            figure_size(stretch.image.pose)
            if figure_size is not None and isinstance(stretch.image, Figure)
            else None
            for stretch in routine.stretches
        ]
        """Each figure's natural size, measured once: the search weighs many arrangements."""
        self.figure_heights = [None if size is None else size[1] for size in self.figure_sizes]
        self.card_text = [
            self.text.card_texts(stretch, index) for index, stretch in enumerate(routine.stretches)
        ]
        """Each card's text by size and width."""
        self.card_height = [
            self.text.card_heights(stretch, index) for index, stretch in enumerate(routine.stretches)
        ]
        """Each card's text height by size and width: what the search asks for."""
        self._heights: dict[tuple[float, tuple[float, ...]], list[float]] = {}
        count = len(routine.stretches)
        with_images = any(stretch.image is not None for stretch in routine.stretches)
        self.arrangements = arrangements(layout, paper.landscape, count, with_images)
        self.grids = [
            Grid(arrangement, paper.width - 2 * layout.margin, count, layout)
            for arrangement in self.arrangements
        ]
        self._frames: dict[float, _Frame | None] = {}
        fitted_rows = "fitted" in layout.row_heights
        self.loosest = [grid for grid in self.grids if grid.arrangement.rows == "fitted" or not fitted_rows]
        """The grids that decide whether anything fits: rows of fitted heights fit wherever equal ones do."""
        self.first_fit: dict[float, Grid] = {}
        """The first of them found to fit at a body size."""

    # --- The search -----------------------------------------------------------------------------

    def fits(self, body: float) -> bool:
        """Whether some arrangement fits every card at this body size."""
        for grid in self.loosest:
            if self.fitted(grid, body) is not None:
                self.first_fit[body] = grid
                return True
        return False

    def fitted(self, grid: Grid, body: float) -> list[float] | None:
        """The arrangement's card text heights at this body size, or None when they do not fit."""
        frame = self.frame(body)
        if frame is None:
            return None
        heights = self.text_heights(grid, body)
        if heights is None or grid.shortfall(frame.cards.height, heights, body) > 0.01:
            return None
        return heights

    def best(self, sizes: list[float]) -> _Fit:
        """The arrangement to print: each weighed at its own largest size among `sizes` (the largest
        size that fits anything and up to BODY_TOLERANCE below it). The arrangement the size search
        found at the largest is always among them."""
        fits = []
        for order, grid in enumerate(self.grids):
            found = None
            for body in sizes:  # upwards: most arrangements fail at the smallest size already
                heights = self.fitted(grid, body)
                if heights is None:
                    break
                found = (body, heights)
            if grid is self.first_fit.get(sizes[-1]) and (found is None or found[0] < sizes[-1]):
                heights = self.fitted(grid, sizes[-1])  # text wrapping is not always monotonic in size
                assert heights is not None, "the size search found this arrangement to fit"
                found = (sizes[-1], heights)
            if found is not None:
                body, heights = found
                frame = self.frame(body)
                assert frame is not None, "a body size that fits has a frame"
                places = grid.places(frame.cards, heights, body, self.figure_heights)
                fits.append(self.weigh(order, grid, body, places, heights))
        return max(fits, key=_Fit.rank)

    def text_heights(self, grid: Grid, body: float) -> list[float] | None:
        """The cards' text heights at the grid's widths (None: too narrow), kept for other arrangements."""
        widths = grid.text_widths(body)
        if widths is None:
            return None
        key = (body, widths)
        if key not in self._heights:
            self._heights[key] = [
                height(body, width) for height, width in zip(self.card_height, widths, strict=True)
            ]
        return self._heights[key]

    def weigh(
        self, order: int, grid: Grid, body: float, places: list[CardPlace], heights: list[float]
    ) -> _Fit:
        """The figures' common scale, the illustrations' size and the cards' empty space."""
        scales, photo_sides = [], []
        for stretch, place, size in zip(self.routine.stretches, places, self.figure_sizes, strict=True):
            if place.image is None or stretch.image is None:
                continue
            if size is not None:
                scales.append(_fitting_scale(size, place.image))
            else:
                photo_sides.append(min(place.image.width, place.image.height))
        scale = max(0.0, min(scales)) if scales else None
        figures = scale if scale is not None else min(photo_sides, default=0.0)
        pad = self.layout.card_padding
        empty = 0.0
        for stretch, place, height, size in zip(
            self.routine.stretches, places, heights, self.figure_sizes, strict=True
        ):
            inner = (place.frame.width - 2 * pad) * (place.frame.height - 2 * pad)
            empty += inner - height * place.text.width
            if place.image is None or stretch.image is None:
                continue
            if size is not None and scale is not None:
                empty -= size[0] * size[1] * scale * scale
            else:
                empty -= place.image.width * place.image.height
        return _Fit(order, body, grid, places, scale, figures, empty)

    # --- The page -------------------------------------------------------------------------------

    def frame(self, body: float) -> _Frame | None:
        """The header and footer at this body size and the room between them (None: too little)."""
        if body not in self._frames:
            self._frames[body] = self.set_frame(body)
        return self._frames[body]

    def set_frame(self, body: float) -> _Frame | None:
        layout, paper = self.layout, self.paper
        content = Rect(
            layout.margin, layout.margin, paper.width - 2 * layout.margin, paper.height - 2 * layout.margin
        )
        header: list[Paragraph] = []
        if self.furniture.header:
            header.append(_header(self.furniture.header, layout))
        header.append((self.routine.title, layout.title, "title", None))
        if self.routine.subtitle and layout.show_subtitle:
            header.append((self.routine.subtitle, layout.subtitle, "subtitle", None))
        footer: list[Paragraph] = []
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
            return None
        return _Frame(header_block, footer_block, content.bottom - footer_block.height, area, qr)

    def page(self, sizes: list[float]) -> Page:
        """The page in the best arrangement; `sizes` end with the largest at which any fits."""
        best = self.best(sizes)
        body = best.body
        frame = self.frame(body)
        assert frame is not None, "an arrangement that fits has a frame"
        layout = self.layout
        boxes: list[Box] = [*frame.header.placed(layout.margin, layout.margin)]
        widths = best.grid.text_widths(body)
        assert widths is not None, "an arrangement that fits has its text widths"
        for index, (stretch, place, width) in enumerate(
            zip(self.routine.stretches, best.places, widths, strict=True)
        ):
            text = self.card_text[index](body, width)
            boxes.extend(self.card_boxes(index, stretch, place, text, best.scale))
        boxes.extend(frame.footer.placed(layout.margin, frame.footer_top))
        if frame.qr is not None and self.furniture.url:
            boxes.append(QrBox(frame.qr, self.furniture.url, layout.ink))
        return Page(
            width=self.paper.width,
            height=self.paper.height,
            boxes=tuple(boxes),
            body_size=body,
            title=self.routine.title,
            subject="Stretches: " + ", ".join(stretch.name for stretch in self.routine.stretches),
            arrangement=best.grid.arrangement.describe(),
        )

    def card_boxes(
        self, index: int, stretch: Stretch, place: CardPlace, text: Block, scale: float | None
    ) -> list[Box]:
        layout = self.layout
        boxes: list[Box] = [
            FrameBox(place.frame, layout.muted, layout.card_border, layout.card_radius, index)
        ]
        if stretch.image is not None and place.image is not None:
            figure_scale = scale if isinstance(stretch.image, Figure) else None
            boxes.append(
                ImageBox(
                    place.image,
                    stretch.image,
                    layout.image_fit,
                    layout.accent,
                    layout.ink,
                    index,
                    layout.grayscale,
                    figure_scale,
                )
            )
        x, y = place.text.x, place.text.y
        if stretch.image is None and place.image is not None:
            # A stretch without a picture starts its text where the picture would be, not under a blank.
            x, y = min(x, place.image.x), min(y, place.image.y)
        boxes.extend(text.placed(x, y))
        return boxes

    # --- When nothing fits ----------------------------------------------------------------------

    def overflow_message(self, body: float) -> str:
        layout, paper = self.layout, self.paper
        sheet = f"landscape {paper.name}" if paper.landscape else paper.name
        at = f"on one {sheet} page at {body:g} pt"
        frame = self.frame(body)
        if frame is None:
            return (
                f"the title, subtitle and footer leave no room for the stretches {at}: shorten the subtitle"
            )
        closest: tuple[float, list[float]] | None = None
        for grid in self.grids:
            heights = self.text_heights(grid, body)
            if heights is None:
                continue
            over = grid.shortfall(frame.cards.height, heights, body)
            if grid.arrangement.image == "top":
                over *= 1 - grid.arrangement.share
            if closest is None or over < closest[0]:
                closest = (over, heights)
        if closest is None:
            return f"the page is too narrow for the layout's columns {at}: use a layout with fewer columns"
        over, heights = closest
        lines = max(1, math.ceil(over / self.text.leading(body)))
        wordiest = max(range(len(heights)), key=lambda index: heights[index])
        stretch = self.routine.stretches[wordiest]
        label = stretch_label(wordiest + 1, stretch.name)
        if layout.points == "cues" and not stretch.cues:
            fix = 'give it short cues, like cues = ["Heel to bottom", "Knees together"]'
        elif layout.points == "cues":
            fix = "shorten its cues"
        else:
            fix = "shorten its key points"
        return (
            f"{label} needs the most room, and the routine does not fit {at} by about {lines} "
            f"line{'s' if lines > 1 else ''}: {fix} or use a layout with fewer stretches per page"
        )


def _fitting_scale(size: tuple[float, float], box: Rect) -> float:
    """The largest scale (points per centimetre) at which a figure of `size` fits the box, as drawn."""
    width, height = size
    inset = max(1.0, FIGURE_INSET * min(box.width, box.height))
    return min((box.width - 2 * inset) / max(width, 1e-6), (box.height - 2 * inset) / max(height, 1e-6))
