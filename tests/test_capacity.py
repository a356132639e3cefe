"""Capacity: every layout takes its `max_stretches` of the library's wordiest stretches on one page.

Geometry over every layout x paper x orientation x stretch count from 1 to the layout's capacity, the
stretches taken from the library wordiest first; the PDF read back at capacity; a property over random
library subsets; one body scale for every figure of a sheet.
"""

from __future__ import annotations

import io
import itertools
from functools import cache

import pypdf
import pytest
from conftest import MIN_MARGIN, assert_in_order, reading_order
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handout.content.routine import library_stretches
from handout.content.sheet_words import ENGLISH
from handout.draw.figures import figure_size, placement
from handout.layout.layout_file import load_layout
from handout.layout.paper import ORIENTATIONS, oriented, paper_named
from handout.layout.typesetting import card_points
from handout.model import Figure, FrameBox, ImageBox, Layout, Page, Rect, Routine, Stretch, TextBox
from handout.pipeline import make_page, make_pdf

LAYOUTS = ("grid", "list", "poster", "two-up")
PAPERS = ("a4", "letter")
TITLE = "After the long run"
SUBTITLE = "Walk for two minutes first, then hold each stretch on both sides while your muscles are warm."
GUARANTEED = {"grid": (8, 8.0), "list": (8, 8.0), "poster": (6, 14.0), "two-up": (4, 7.0)}
"""The issue's promise: (stretches, smallest body size) for each layout."""


def card_words(stretch: Stretch, layout: Layout) -> int:
    """How much a card of this stretch prints on this layout: the measure of a wordy stretch."""
    shown = {"name": stretch.name, "target": stretch.target, "hold": stretch.hold or ""}
    fields = sum(len(shown[field]) for field in layout.card_fields if field != "points")
    return fields + sum(len(point) for point in card_points(stretch, layout))


@cache
def wordiest(name: str) -> tuple[Stretch, ...]:
    layout = load_layout(name)
    stretches = [stretch for _, stretch in library_stretches()]
    return tuple(sorted(stretches, key=lambda stretch: -card_words(stretch, layout)))


def routine_of(stretches: tuple[Stretch, ...]) -> Routine:
    return Routine(title=TITLE, subtitle=SUBTITLE, stretches=stretches, name="test", source="test.toml")


@cache
def sheet(name: str, paper: str, orientation: str, count: int) -> Page:
    routine = routine_of(wordiest(name)[:count])
    return make_page(routine, load_layout(name), oriented(paper_named(paper), orientation), {})


def expected_text(routine: Routine, layout: Layout) -> list[str]:
    """What the sheet prints, in reading order."""
    expected = [routine.title]
    if routine.subtitle and layout.show_subtitle:
        expected.append(routine.subtitle)
    for stretch in routine.stretches:
        lines = {
            "name": [stretch.name],
            "target": [f"{ENGLISH.target}: {stretch.target}"],
            "hold": [f"{ENGLISH.hold}: {stretch.hold}"] if stretch.hold else [],
            "points": [f"{number}. {point}" for number, point in enumerate(card_points(stretch, layout), 1)],
        }
        for field in layout.card_fields:
            expected += lines[field]
    return expected


def check_sheet(page: Page, layout: Layout, routine: Routine) -> None:
    """Inside the margins, nothing overlapping, every card in reading order, body size in range."""
    count = len(routine.stretches)
    assert layout.margin >= MIN_MARGIN - 0.01
    content = Rect(
        layout.margin, layout.margin, page.width - 2 * layout.margin, page.height - 2 * layout.margin
    )
    for box in page.boxes:
        assert content.contains(box.rect), box
    frames = sorted((box for box in page.boxes if isinstance(box, FrameBox)), key=lambda box: box.card)
    assert [frame.card for frame in frames] == list(range(count))
    for first, second in itertools.combinations(frames, 2):
        assert not first.rect.overlaps(second.rect), (first.card, second.card)
    reading_order([frame.rect for frame in frames])  # row by row, or column by column (flow)
    texts = [box for box in page.boxes if isinstance(box, TextBox)]
    for first, second in itertools.combinations(texts, 2):
        assert not first.rect.overlaps(second.rect), (first.text, second.text)
    for box in page.boxes:
        if box.card is not None and not isinstance(box, FrameBox):
            assert frames[box.card].rect.contains(box.rect), box
        if isinstance(box, ImageBox):
            assert max(box.rect.width, box.rect.height) > 20, box
            assert not any(box.rect.overlaps(text.rect) for text in texts), box
    assert layout.body_min_for(count) <= page.body_size <= layout.body_max
    assert (page.body_size - layout.body_min_for(count)) % 0.25 == pytest.approx(0)
    assert min(box.size for box in texts) >= layout.body_min_for(count) - 0.01
    assert_in_order(" ".join(box.text for box in texts), expected_text(routine, layout))


CASES = [
    pytest.param(name, paper, orientation, count, id=f"{name}-{paper}-{orientation}-{count}")
    for name in LAYOUTS
    for paper in PAPERS
    for orientation in ORIENTATIONS
    for count in range(1, load_layout(name).max_stretches + 1)
]


@pytest.mark.parametrize(("name", "paper", "orientation", "count"), CASES)
def test_the_wordiest_library_stretches_fit_up_to_the_layouts_capacity(name, paper, orientation, count):
    layout = load_layout(name)
    check_sheet(sheet(name, paper, orientation, count), layout, routine_of(wordiest(name)[:count]))


@pytest.mark.parametrize("name", LAYOUTS)
def test_each_layout_states_the_capacity_the_issue_guarantees(name):
    stretches, smallest = GUARANTEED[name]
    layout = load_layout(name)
    assert layout.max_stretches == stretches
    assert layout.body_min_for(stretches) >= smallest


def test_a_poster_of_four_keeps_16_pt_and_one_of_six_14_pt():
    poster = load_layout("poster")
    assert poster.body_min_for(4) >= 16 and poster.body_min_for(6) >= 14
    for paper, orientation in itertools.product(PAPERS, ORIENTATIONS):
        assert sheet("poster", paper, orientation, 4).body_size >= 16
        assert sheet("poster", paper, orientation, 6).body_size >= 14


@pytest.mark.parametrize(
    ("name", "paper", "orientation"),
    [(name, paper, orientation) for name in LAYOUTS for paper in PAPERS for orientation in ORIENTATIONS],
)
def test_a_full_sheet_reads_back_from_the_pdf_in_reading_order(name, paper, orientation):
    layout = load_layout(name)
    routine = routine_of(wordiest(name)[: layout.max_stretches])
    pdf = make_pdf(routine, layout, oriented(paper_named(paper), orientation))
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) == 1
    text = pages[0].extract_text()
    expected = expected_text(routine, layout)
    assert_in_order(text, expected * layout.copies)


def test_two_up_takes_the_same_routines_in_landscape_as_in_portrait():
    for paper, count in itertools.product(PAPERS, range(1, load_layout("two-up").max_stretches + 1)):
        portrait = sheet("two-up", paper, "portrait", count)
        landscape = sheet("two-up", paper, "landscape", count)
        assert landscape.body_size >= 7 and portrait.body_size >= 7


def test_a_routine_that_fits_only_with_small_figures_gets_them():
    """The library's first eight stretches in a landscape list on US letter fit only with figures far
    under the layout's share at 8 pt: they get the figures that fit rather than a refusal."""
    layout, paper = load_layout("list"), oriented(paper_named("letter"), "landscape")
    routine = routine_of(tuple(stretch for _, stretch in library_stretches()[:8]))
    page = make_page(routine, layout, paper, {})
    check_sheet(page, layout, routine)
    assert page.body_size == layout.body_min_for(8)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_library_stretches_up_to_capacity_fit(data):
    name = data.draw(st.sampled_from(LAYOUTS))
    layout = load_layout(name)
    stretches = [stretch for _, stretch in library_stretches()]
    chosen = data.draw(
        st.lists(
            st.sampled_from(range(len(stretches))), min_size=1, max_size=layout.max_stretches, unique=True
        )
    )
    paper = oriented(
        paper_named(data.draw(st.sampled_from(PAPERS))), data.draw(st.sampled_from(ORIENTATIONS))
    )
    routine = routine_of(tuple(stretches[index] for index in chosen))
    check_sheet(make_page(routine, layout, paper, {}), layout, routine)


@pytest.mark.parametrize("name", LAYOUTS)
def test_every_figure_of_a_sheet_is_drawn_at_one_body_scale(name):
    """A standing and a lying figure on one sheet: the same body scale, within 5 %, as the renderer draws
    them (figures.placement, which shrinks a figure that does not fit its box)."""
    layout = load_layout(name)
    page = sheet(name, "a4", "portrait", layout.max_stretches)
    images = [box for box in page.boxes if isinstance(box, ImageBox) and isinstance(box.image, Figure)]
    shapes = {figure_size(box.image.pose)[0] > figure_size(box.image.pose)[1] for box in images}
    assert shapes == {True, False}, "the sheet has both a standing and a lying figure"
    drawn = [placement(box.image.pose, box.rect.width, box.rect.height, box.scale).scale for box in images]
    assert max(drawn) <= 1.05 * min(drawn), drawn


def test_a_sheet_of_four_short_stretches_uses_its_room():
    """Room for the figures first: runners drawn at least 5 cm tall and the text as large as that leaves,
    not a third of every card blank at 10 pt."""
    layout = load_layout("grid")
    short = tuple(sorted(wordiest("grid")[-4:], key=lambda stretch: stretch.name))
    page = make_page(routine_of(short), layout, paper_named("a4"), {})
    assert page.body_size >= layout.body_min_for(4) + 1
    scales = {box.scale for box in page.boxes if isinstance(box, ImageBox)}
    (scale,) = scales
    assert scale is not None and scale * 170 >= 50 * 72 / 25.4
