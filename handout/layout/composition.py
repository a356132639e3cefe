"""Place a routine's stretches on a page: routine + layout + paper -> positioned boxes.

Pure: no canvas, no files. Text is measured through the `TextMeasure` passed in and figures through the
`FigureMeasure` (their natural size in centimetres), so tests can check the geometry without making a
PDF and the renderer never measures again.

A page is laid out once per routine, layout, paper, fonts and footer, and kept (LAID_OUT): the next
sheet whose header differs (a batch prints each runner's name in it) but sets in as many lines at every
candidate size gets the kept page with its header lines set anew, since nothing else on the page
depends on the header's text.

The engine makes room for the figures first. Every figure of a sheet is drawn at one body scale, and
each image box takes its figure's shape at it (arrangement.py). For each arrangement the layout allows,
and each body size (in quarter points, from the layout's maximum down to its minimum for the routine's
length), the figures get the largest scale at which every card fits. The arrangement printed is one
whose every figure gets at least the layout's `figure_share` of its card, at the largest body size at
which it does; then the least empty space (the largest figures); then the first in the order. When no
arrangement gives every figure its share even at the smallest size, the one whose figures come closest
is printed. If none fits even at the minimum size, the message says by how many lines the routine is
too long and which stretch needs the most room.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from typing import NamedTuple

from handout.content.routine import stretch_label
from handout.content.sheet_words import ENGLISH, Words
from handout.errors import HandoutError
from handout.layout.arrangement import CardPlace, Cards, Grid, arrangements
from handout.layout.layout_file import layouts_taking
from handout.layout.typesetting import Block, Paragraph, TextMeasure, typesetter
from handout.layout.weighing import Fit, Weighed, could_meet, weigh
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
    TextStyle,
)

SIZE_STEP = 0.25
BODY_TOLERANCE = 0.5
"""Fits whose text comes out at most this much smaller than the largest compete on their figures: half a
point of body text is hardly seen on a sheet, a figure half again as big is."""
SCALE_STEPS = 8
"""Halvings of the range of figure scales searched at each body size: well under FIGURE_STEP apart."""
PHOTO_SHAPE = (120.0, 90.0)
"""The shape a photo's box is given (the layout never opens the file; "contain" fits any photo into it),
in centimetres like a figure's, so a photo comes out about as big as the figures beside it."""
TITLE_STEP = 0.5
"""A title that wraps is made smaller in steps of half a point until it takes fewer lines."""
QR_QUIET_ZONE = 0.2
"""Blank space a scanner needs around a QR code, as a share of its side: at least four of its modules."""
NO_FURNITURE = Furniture()
"""No header, no footer: what a page has when no templates were filled (tests of the bare layout)."""


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
        found = composer.page(sizes)
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


class _Misses:
    """What the search gives for a fit whose figures cannot get their share, found before its scale."""


MISSES = _Misses()


class _Frame(NamedTuple):
    """What a body size leaves for the cards: the header and footer set, and the area between them."""

    header: Block
    footer: Block
    footer_top: float
    cards: Rect
    qr: Rect | None


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
        shapes = [
            None if stretch.image is None else size or PHOTO_SHAPE
            for stretch, size in zip(routine.stretches, self.figure_sizes, strict=True)
        ]
        self.card_text = [
            self.text.card_texts(stretch, index) for index, stretch in enumerate(routine.stretches)
        ]
        """Each card's text by size and width."""
        self.card_height = [
            self.text.card_heights(stretch, index) for index, stretch in enumerate(routine.stretches)
        ]
        """Each card's text height by size and width: what the search asks for."""
        known = [size is not None for size in self.figure_sizes]
        count = len(routine.stretches)
        with_images = any(shape is not None for shape in shapes)
        self.grids = [
            Grid(arrangement, paper.width - 2 * layout.margin, layout, shapes, known)
            for arrangement in arrangements(layout, paper.landscape, count, with_images)
        ]
        self._frames: dict[float, _Frame | None] = {}
        self._fits: dict[tuple[int, float], Fit | None] = {}
        self._missing: set[tuple[int, float]] = set()
        """Arrangements and sizes found to miss their figures' share before their scale was found."""

    # --- The search -----------------------------------------------------------------------------

    def text_height(self, index: int, body: float, width: float) -> float:
        return self.card_height[index](body, width)

    def best(self, sizes: list[float]) -> Fit | None:
        """The arrangement and body size to print (None: nothing fits even at the smallest of `sizes`,
        ascending). Each arrangement is weighed at the largest size at which its figures get their share
        and at the sizes up to BODY_TOLERANCE below it; of all these, those within BODY_TOLERANCE of the
        largest text compete on their figures. When no arrangement gives its figures their share, each
        is weighed at every whole point size, and the one that comes closest is printed (those are
        weighed only then: once one arrangement is met, they cannot be printed).

        The largest size met is found by halving the sizes, except for a lone stretch, whose sizes are
        weighed from the largest down: its text beside its figure takes half the card (arrangement.py,
        BESIDE_SHARE), and larger text fills a column that smaller text left mostly empty, so a size that
        misses may have one above it that meets. (On two or three stretches the halving stays: its
        larger text would come with smaller figures.)"""
        met: list[Fit] = []
        missed: list[int] = []
        below = round(BODY_TOLERANCE / SIZE_STEP)
        lone = len(self.routine.stretches) == 1
        for order in range(len(self.grids)):
            if lone:  # from the largest size down to the first met, or to where none can compete
                floor = 0
                if met:
                    largest = max(fit.body for fit in met)
                    floor = next(i for i, size in enumerate(sizes) if size >= largest - BODY_TOLERANCE)
                downwards = range(len(sizes) - 1, floor - 1, -1)
                found = next((i for i in downwards if self.met(order, sizes[i], True)), None)
                if found is None:
                    if not met:
                        missed.append(order)
                    continue
                low = found
            else:
                first = self.met(order, sizes[0], give_up=bool(met))  # before one is met, it may be printed
                if first is None:
                    continue
                if not first:
                    missed.append(order)
                    continue
                low, high = 0, len(sizes) - 1  # the largest size at which the shares are met
                while low < high:
                    middle = (low + high + 1) // 2
                    low, high = (middle, high) if self.met(order, sizes[middle], True) else (low, middle - 1)
            for index in range(max(0, low - below), low + 1):
                fit = self.fit(order, sizes[index]) if self.met(order, sizes[index], True) else None
                if fit is not None:
                    met.append(fit)
        if not met:
            every_point = sizes[:: round(1 / SIZE_STEP)]  # larger text may fill a card better
            weighed = (self.fit(order, body) for order in missed for body in every_point)
            return max((fit for fit in weighed if fit is not None), key=Fit.rank, default=None)
        largest = max(fit.body for fit in met)
        return max((fit for fit in met if fit.body >= largest - BODY_TOLERANCE), key=Fit.rank)

    def met(self, order: int, body: float, give_up: bool) -> bool | None:
        """Whether arrangement `order` at this body size gives its figures their share (None: its cards
        do not fit). With `give_up`, a fit found to miss its share before its scale is found is not
        weighed further: the caller prints only met fits."""
        key = (order, body)
        if key in self._fits:
            found = self._fits[key]
            return None if found is None else found.met
        if key in self._missing:
            return False
        weighed = self.find_fit(order, body, give_up)
        if isinstance(weighed, _Misses):
            self._missing.add(key)
            return False
        self._fits[key] = weighed
        return None if weighed is None else weighed.met

    def fit(self, order: int, body: float) -> Fit | None:
        """Arrangement `order` at this body size with the largest figure scale that fits, or None."""
        key = (order, body)
        if key not in self._fits:
            found = self.find_fit(order, body, give_up=False)
            assert not isinstance(found, _Misses), "weighed to the end"
            self._fits[key] = found
        return self._fits[key]

    def find_fit(self, order: int, body: float, give_up: bool) -> Fit | _Misses | None:
        """The fit, or with `give_up`, MISSES as soon as its figures cannot get their share."""
        frame = self.frame(body)
        if frame is None:
            return None
        grid, room = self.grids[order], frame.cards.height + 0.01

        def fitting(scale: float) -> Cards | None:
            cards = grid.cards(body, scale, self.text_height)
            return cards if cards is not None and cards.height <= room else None

        def misses(cards: Cards, above: float) -> bool:
            return give_up and not could_meet(grid, cards, above, self.figure_sizes, self.layout)

        low = grid.smallest_scale
        cards = fitting(low)
        if cards is None:
            return None
        high = grid.largest_scale(body, frame.cards.height)
        if high > low:
            if misses(cards, high):
                return MISSES
            best = fitting(high)
            if best is not None:
                cards, low = best, high
            else:
                for _ in range(SCALE_STEPS):  # the largest scale at which the cards fit
                    middle = math.sqrt(low * high) if low > 0 else high / 2
                    found = fitting(middle)
                    if found is None:
                        high = middle
                        if misses(cards, high):
                            return MISSES
                    else:
                        low, cards = middle, found
        places = grid.places(frame.cards, cards, body)
        return weigh(
            Weighed(order, body, grid, cards, places), low, frame.cards, self.figure_sizes, self.layout
        )

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
        header.append((self.routine.title, self.title_style(body, content.width), "title", None))
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

    def title_style(self, body: float, width: float) -> TextStyle:
        """The title's style at this body size: smaller, down to the layout's `title_min_pt`, when that
        sets it in fewer lines, so the title gives up its room before a figure does."""
        layout, title = self.layout, self.routine.title
        size = layout.title.scale * body
        if not 0 < layout.title_min < size:
            return layout.title
        count = self.text.line_counts.count
        fewest = count(title, layout.title.font, layout.title_min, width)
        while size - TITLE_STEP >= layout.title_min and count(title, layout.title.font, size, width) > fewest:
            size -= TITLE_STEP
        return replace(layout.title, scale=size / body)

    def page(self, sizes: list[float]) -> Page | None:
        """The page in the best arrangement at the best of `sizes` (ascending), or None: none fits."""
        best = self.best(sizes)
        if best is None:
            return None
        body = best.body
        frame = self.frame(body)
        assert frame is not None, "an arrangement that fits has a frame"
        layout = self.layout
        boxes: list[Box] = [*frame.header.placed(layout.margin, layout.margin)]
        for index, (stretch, place, width) in enumerate(
            zip(self.routine.stretches, best.places, best.cards.text_widths, strict=True)
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
        boxes.extend(text.placed(place.text.x, place.text.y))
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
        closest: tuple[float, tuple[float, ...]] | None = None
        for grid in self.grids:
            cards = grid.cards(body, grid.smallest_scale, self.text_height)
            if cards is None:
                continue
            over = cards.height - frame.cards.height
            if closest is None or over < closest[0]:
                closest = (over, cards.text_heights)
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
