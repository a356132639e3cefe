"""Cards flowing down the columns ("flow"): stretches in the routine's order down the first column, then
the next, each card as tall as its contents, the split between columns making the tallest column the
shortest. Geometry of the split and the cards, and the bundled poster read back from its PDF."""

from __future__ import annotations

import itertools
import random

import pypdf
import pytest
from conftest import assert_in_order, reading_order
from test_figure_room import MOSTLY_EMPTY, figures

from handout.content.routine import load_routine
from handout.layout.arrangement import IMAGE_GAP, Arrangement, Grid, arrangements, balanced_split
from handout.layout.composition import LAID_OUT
from handout.layout.layout_file import load_layout
from handout.layout.paper import paper_named
from handout.model import FrameBox, Rect, TextBox
from handout.pipeline import make_page

STANDING, LYING = (60.0, 180.0), (190.0, 50.0)
PAPERS = ("a4", "letter")


def tallest(heights: list[float], blocks: tuple[range, ...], gap: float) -> float:
    return max(sum(heights[i] for i in block) + (len(block) - 1) * gap for block in blocks)


def test_the_split_puts_a_tall_card_with_short_ones_and_keeps_the_order():
    assert balanced_split([300, 100, 100, 100], 2, 10) == (range(0, 1), range(1, 4))
    assert balanced_split([100, 300, 100, 100], 2, 10) == (range(0, 2), range(2, 4))
    assert balanced_split([100] * 4, 2, 5) == (range(0, 2), range(2, 4))


def test_of_equally_tall_splits_the_earlier_one_is_taken():
    assert balanced_split([100, 100, 100], 2, 0) == (range(0, 1), range(1, 3))
    assert balanced_split([50, 50, 50, 50, 50, 50], 4, 0) == (
        range(0, 1),
        range(1, 2),
        range(2, 4),
        range(4, 6),
    )


def test_the_split_makes_the_tallest_column_the_shortest_of_all_contiguous_splits():
    chance = random.Random(22)
    for _ in range(200):
        heights = [chance.uniform(50, 400) for _ in range(chance.randint(1, 8))]
        columns = chance.randint(1, 4)
        blocks = balanced_split(heights, columns, 8.0)
        assert [i for block in blocks for i in block] == list(range(len(heights))), "contiguous, in order"
        assert len(blocks) == min(columns, len(heights)) and all(blocks), "no column empty"
        every = [
            tuple(range(a, b) for a, b in itertools.pairwise((0, *cuts, len(heights))))
            for cuts in itertools.combinations(range(1, len(heights)), len(blocks) - 1)
        ]
        assert tallest(heights, blocks, 8.0) <= min(tallest(heights, split, 8.0) for split in every) + 0.01


def test_flow_is_offered_with_two_columns_or_more_and_never_widens_a_last_row():
    found = [a for a in arrangements(load_layout("poster"), False, 3, True) if a.rows == "flow"]
    assert found and all(a.columns > 1 and not a.span for a in found)
    assert {a.image for a in found} == set(load_layout("poster").image_positions)
    assert "flowing down the columns" in found[0].describe()


def test_each_flowing_card_is_as_tall_as_its_contents_and_the_columns_read_down():
    layout = load_layout("poster")
    grid = Grid(Arrangement(2, "shape", "flow", False), 500.0, layout, [STANDING, LYING, LYING, LYING])
    cards = grid.cards(10, 1.0, lambda index, body, width: 80.0)
    assert cards is not None
    pad = 2 * layout.card_padding
    standing = max(cards.boxes[0][1], 80.0) + pad  # type: ignore[index]
    lying = cards.boxes[1][1] + IMAGE_GAP * 10 + 80.0 + pad  # type: ignore[index]
    assert cards.frames == pytest.approx((standing, lying, lying, lying))
    assert cards.blocks == balanced_split(list(cards.frames), 2, layout.gap)
    assert cards.height == pytest.approx(tallest(list(cards.frames), cards.blocks, layout.gap))
    places = grid.places(Rect(0, 0, 500, 2000), cards, 10)
    assert reading_order([place.frame for place in places]) == "columns"
    for first, second in itertools.combinations(places, 2):
        assert not first.frame.overlaps(second.frame)
    for place in places:
        assert place.image is not None and place.frame.contains(place.image)


@pytest.fixture(scope="module", params=PAPERS)
def poster(request):
    LAID_OUT.clear()
    routine = load_routine("after-running")
    layout = load_layout("poster")
    return make_page(routine, layout, paper_named(request.param), {}), routine, layout


def test_the_bundled_poster_pairs_the_tall_standing_quad_with_the_low_lunge(poster):
    page, routine, layout = poster
    assert "flowing down the columns" in page.arrangement
    frames = sorted((box for box in page.boxes if isinstance(box, FrameBox)), key=lambda box: box.card)
    assert reading_order([frame.rect for frame in frames]) == "columns"
    names = [stretch.name for stretch in routine.stretches]
    assert names[:2] == ["Standing quad stretch", "Push-up lunge stretch"]
    assert frames[0].rect.x == frames[1].rect.x < frames[2].rect.x == frames[3].rect.x
    heights = [frame.rect.height for frame in frames]
    blocks = balanced_split(heights, 2, layout.gap)
    assert [[frames[i].rect.x for i in block] for block in blocks] == [
        [frames[0].rect.x] * 2,
        [frames[2].rect.x] * 2,
    ], "the split the page shows is the balanced one"


def test_no_card_of_the_flowing_poster_is_more_than_a_third_empty(poster):
    page, _, layout = poster
    pad = layout.card_padding
    shares = []
    for box, figure, frame in figures(page):
        inner = (frame.width - 2 * pad) * (frame.height - 2 * pad)
        texts = [text.rect for text in page.boxes if isinstance(text, TextBox) and text.card == box.card]
        left, top = min(rect.x for rect in texts), min(rect.y for rect in texts)
        column = frame.right - pad - left
        used = column * (max(rect.bottom for rect in texts) - top) + figure.width * figure.height
        assert 1 - used / inner <= MOSTLY_EMPTY, (box.image.name, f"{1 - used / inner:.0%} empty")
        shares.append(figure.width * figure.height / (frame.width * frame.height))
        assert box.scale == figures(page)[0][0].scale, "one body scale"
    assert min(shares) >= 0.17, "the lying figures' share: 13% in rows"


@pytest.mark.parametrize("paper", PAPERS)
def test_the_poster_pdf_reads_down_the_first_column_then_the_second(paper, run_cli, tmp_path, open_pdf):
    output = tmp_path / "poster.pdf"
    assert run_cli("build", "--layout", "poster", "--paper", paper, "-o", output).code == 0
    routine = load_routine("after-running")
    page = open_pdf(output).pages[0]
    spots = []
    for stretch in routine.stretches:
        start = " ".join(stretch.name.split()[:2])  # a long name wraps after its first words
        found = page.search(start)
        assert len(found) == 1, (start, found)
        spots.append((found[0]["x0"], found[0]["top"]))
    (x1, y1), (x2, y2), (x3, y3), (x4, y4) = spots
    assert abs(x1 - x2) < 3 and abs(x3 - x4) < 3 and x3 > x1 + 100, "two columns, two stretches each"
    assert y2 > y1 and y4 > y3, "down each column"
    assert y3 < y2, "the third stretch heads the second column, above the second: not rows"
    text = pypdf.PdfReader(output).pages[0].extract_text()
    assert_in_order(text, [stretch.name for stretch in routine.stretches])


def test_a_list_keeps_its_rows() -> None:
    """A coach picks the list for its rows, figure beside text: its cards never flow down columns (the
    bundled routine's four flowed into the grid's two columns when the list offered it); on A4 they
    are one stretch a row."""
    layout = load_layout("list")
    assert all(arrangement.rows != "flow" for arrangement in arrangements(layout, False, 4, True))
    page = make_page(load_routine("after-running"), layout, paper_named("a4"), {})
    frames = [box.rect for box in page.boxes if isinstance(box, FrameBox)]
    assert len(frames) == 4
    assert len({round(frame.x, 1) for frame in frames}) == 1, "one column of rows"
    assert [frame.y for frame in frames] == sorted(frame.y for frame in frames)


def test_a_layout_of_one_flowing_column_lays_out_as_fitted_rows() -> None:
    """A shared layout may offer one column and flowing cards only: one column of flowing cards is one
    of fitted rows, so the routine is laid out so (it was refused as "too narrow for the columns")."""
    from dataclasses import replace

    layout = replace(load_layout("poster"), columns=(1,), columns_landscape=(1,), row_heights=("flow",))
    assert {arrangement.rows for arrangement in arrangements(layout, False, 4, True)} == {"fitted"}
    page = make_page(load_routine("after-running"), layout, paper_named("a4"), {})
    frames = [box.rect for box in page.boxes if isinstance(box, FrameBox)]
    assert len(frames) == 4 and len({round(frame.x, 1) for frame in frames}) == 1
