"""The arrangements a layout allows, in their fixed order, and how a grid of cards shares out the page."""

from __future__ import annotations

import pytest

from handout.layout.arrangement import IMAGE_GAP, MIN_IMAGE, Arrangement, Grid, arrangements
from handout.layout.layout_file import load_layout
from handout.model import Rect


def test_arrangements_come_in_the_documented_order():
    """Columns as listed, then image positions, image shares, row heights, a widened last row first."""
    grid = load_layout("grid")
    found = arrangements(grid, landscape=False, count=7, with_images=True)
    assert found[0] == Arrangement(
        grid.columns[0], grid.image_positions[0], grid.image_shares[0], "equal", True
    )
    assert found[1] == found[0]._replace(span=False)
    assert found[2] == found[0]._replace(rows="fitted")
    assert [arrangement.columns for arrangement in found] == sorted(
        (arrangement.columns for arrangement in found), key=grid.columns.index
    )
    spans = sum(2 if 7 % columns else 1 for columns in grid.columns)  # one column never has a short row
    assert len(found) == len(set(found)) == spans * 2 * len(grid.image_shares) * 2


def test_without_images_only_the_columns_rows_and_span_vary():
    found = arrangements(load_layout("grid"), landscape=True, count=2, with_images=False)
    assert {arrangement.image for arrangement in found} == {None}
    assert {arrangement.columns for arrangement in found} == {2}, "never more columns than stretches"


def test_a_short_last_row_widens_its_cards_to_fill_the_row():
    layout = load_layout("grid")
    grid = Grid(Arrangement(3, "top", 0.3, "fitted", True), 500.0, 5, layout)
    assert grid.widths[:3] == pytest.approx([(500 - 2 * layout.gap) / 3] * 3)
    assert grid.widths[3:] == pytest.approx([(500 - layout.gap) / 2] * 2)
    narrow = Grid(Arrangement(3, "top", 0.3, "fitted", False), 500.0, 5, layout)
    assert narrow.widths == pytest.approx([(500 - 2 * layout.gap) / 3] * 5)


def test_images_on_top_keep_their_share_and_a_least_height():
    layout = load_layout("grid")
    grid = Grid(Arrangement(2, "top", 0.4, "equal", False), 500.0, 2, layout)
    (need,) = set(grid.row_needs([100.0, 60.0], body=10))
    inner = need - 2 * layout.card_padding
    assert inner - 100 - IMAGE_GAP * 10 == pytest.approx(0.4 * inner)
    low = Grid(Arrangement(2, "top", 0.1, "equal", False), 500.0, 2, layout)
    (need,) = set(low.row_needs([20.0, 20.0], body=10))
    assert need - 2 * layout.card_padding - 20 - IMAGE_GAP * 10 == pytest.approx(MIN_IMAGE)


def test_fitted_rows_give_their_spare_height_to_the_figure_that_needs_it():
    """A standing figure (183 cm tall) in the first row, lying ones (55 cm) in the second: with one body
    scale for the sheet, the standing figure's row gets the room, and both rows' figures fit at it."""
    layout = load_layout("grid")
    grid = Grid(Arrangement(2, "top", 0.2, "fitted", False), 500.0, 4, layout)
    heights = [120.0, 120.0, 120.0, 120.0]
    area = Rect(0, 0, 500, 2 * grid.row_needs(heights, 10)[0] + layout.gap + 200)
    places = grid.places(area, heights, 10, [183.0, 100.0, 55.0, 55.0])
    standing, lying = places[0].image, places[2].image
    assert standing is not None and lying is not None
    assert standing.height > lying.height + 100
    scale = standing.height / 183
    assert lying.height >= 55 * scale - 0.01
    assert places[-1].frame.bottom == pytest.approx(area.bottom), "all the spare height is used"
