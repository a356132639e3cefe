"""The arrangements a layout allows, in their fixed order, and how a grid takes its figures' shapes."""

from __future__ import annotations

import pytest

from handout.layout.arrangement import IMAGE_GAP, MIN_TEXT_EMS, Arrangement, Grid, arrangements, box_size
from handout.layout.layout_file import load_layout
from handout.model import Rect

STANDING, LYING = (60.0, 180.0), (190.0, 50.0)


def constant_text(height: float):
    return lambda index, body, width: height


def test_arrangements_come_in_the_documented_order():
    """Columns as listed, then image positions, row heights, a widened last row first; cards flowing
    down the columns neither widen a last row nor come in one column (that is fitted rows)."""
    grid = load_layout("grid")
    assert grid.row_heights == ("equal", "fitted", "flow")
    found = arrangements(grid, landscape=False, count=7, with_images=True)
    assert found[0] == Arrangement(grid.columns[0], grid.image_positions[0], "equal", True)
    assert found[1] == found[0]._replace(span=False)
    assert found[2] == found[0]._replace(rows="fitted")
    assert found[4] == found[0]._replace(rows="flow", span=False)
    assert [arrangement.columns for arrangement in found] == sorted(
        (arrangement.columns for arrangement in found), key=grid.columns.index
    )
    spans = sum(2 if 7 % columns else 1 for columns in grid.columns)  # one column never has a short row
    flowing = sum(1 for columns in grid.columns if columns > 1)
    assert len(found) == len(set(found)) == (spans * 2 + flowing) * len(grid.image_positions)


def test_without_images_only_the_columns_rows_and_span_vary():
    found = arrangements(load_layout("grid"), landscape=True, count=2, with_images=False)
    assert {arrangement.image for arrangement in found} == {None}
    assert {arrangement.columns for arrangement in found} == {2}, "never more columns than stretches"


def test_a_short_last_row_widens_its_cards_to_fill_the_row():
    layout = load_layout("grid")
    grid = Grid(Arrangement(3, "top", "fitted", True), 500.0, layout, [STANDING] * 5)
    assert grid.widths[:3] == pytest.approx([(500 - 2 * layout.gap) / 3] * 3)
    assert grid.widths[3:] == pytest.approx([(500 - layout.gap) / 2] * 2)
    narrow = Grid(Arrangement(3, "top", "fitted", False), 500.0, layout, [STANDING] * 5)
    assert narrow.widths == pytest.approx([(500 - 2 * layout.gap) / 3] * 5)


def test_by_shape_a_lying_figure_gets_a_band_on_top_and_a_standing_one_a_column_beside():
    layout = load_layout("grid")
    grid = Grid(Arrangement(2, "shape", "fitted", False), 500.0, layout, [STANDING, LYING, None])
    assert grid.positions == ("left", "top", None)
    cards = grid.cards(10, 0.5, constant_text(60.0))
    assert cards is not None
    assert cards.positions == ("left", "top", None), "by its shape, whatever the text"
    places = grid.places(Rect(0, 0, 500, 800), cards, 10)
    standing, lying, bare = places
    assert standing.image is not None and lying.image is not None and bare.image is None
    assert standing.image.right < standing.text.x and standing.text.right <= standing.frame.right
    assert lying.text.y == pytest.approx(lying.image.bottom + IMAGE_GAP * 10)
    assert bare.text.x == pytest.approx(bare.frame.x + layout.card_padding)


def test_either_way_a_figure_goes_where_its_card_comes_out_shorter():
    """A standing figure whose text would run long in the column beside it goes on top of its text, and
    a lying one goes beside a text that is as short in a narrower column: each card as short as it can
    be, so every row is and the figures can grow the most."""
    layout = load_layout("grid")
    grid = Grid(Arrangement(2, "either", "fitted", False), 500.0, layout, [STANDING, LYING])
    inner = grid.widths[0] - 2 * layout.card_padding

    def long_when_narrow(index: int, body: float, width: float) -> float:
        return 20.0 if width > inner - 10 else 400.0

    cards = grid.cards(10, 0.5, long_when_narrow)
    assert cards is not None
    assert cards.positions == ("top", "top")
    assert cards.rows[0] == pytest.approx(
        box_size(STANDING, 0.5)[1] + IMAGE_GAP * 10 + 20 + 2 * layout.card_padding
    )
    beside = grid.cards(10, 0.5, constant_text(60.0))
    assert beside is not None and beside.positions == ("left", "left")
    assert beside.rows[0] == pytest.approx(max(box_size(STANDING, 0.5)[1], 60.0) + 2 * layout.card_padding)


def test_every_image_box_takes_its_figures_shape_at_the_one_scale():
    layout = load_layout("grid")
    grid = Grid(Arrangement(2, "shape", "fitted", False), 500.0, layout, [STANDING, LYING])
    cards = grid.cards(10, 0.5, constant_text(60.0))
    assert cards is not None
    for shape, box in zip([STANDING, LYING], cards.boxes, strict=True):
        assert box == box_size(shape, 0.5)
        assert box[0] / box[1] == pytest.approx(shape[0] / shape[1], rel=0.1)


def test_a_scale_that_leaves_the_text_too_narrow_or_a_band_too_wide_does_not_fit():
    layout = load_layout("grid")
    grid = Grid(Arrangement(2, "shape", "fitted", False), 500.0, layout, [STANDING, LYING])
    inner = grid.widths[0] - 2 * layout.card_padding
    too_wide = inner / LYING[0] * 1.01
    assert grid.cards(10, too_wide, constant_text(60.0)) is None
    largest = grid.largest_scale(10, 10_000)
    assert largest * LYING[0] <= inner
    assert largest * STANDING[0] <= inner - layout.card_padding - MIN_TEXT_EMS * 10
