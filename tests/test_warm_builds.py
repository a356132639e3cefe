"""Sheets built one after another in one process (a batch, the web page) are fresh builds."""

from __future__ import annotations

import pytest

from handout.content.routine import load_routine
from handout.layout import composition
from handout.layout.layout_file import load_layout
from handout.layout.paper import paper_named
from handout.pipeline import make_pdf

NAMES = ["Ana", "Bartholomew Featherstonehaugh-Cholmondeley", "Zoë", "Li " * 60, "", "Ana"]
"""Names of every length: one whose header wraps to two lines, and none at all."""


def fresh_pdf(layout: str, settings: dict[str, str]) -> bytes:
    composition.LAID_OUT.clear()
    return make_pdf(load_routine("after-running"), load_layout(layout), paper_named("a4"), settings)


@pytest.mark.parametrize("layout", ["grid", "poster"])
def test_a_kept_page_with_its_header_set_anew_is_the_fresh_sheet(layout):
    expected = [fresh_pdf(layout, {"name": name, "club": "Riverside"}) for name in NAMES]
    composition.LAID_OUT.clear()
    routine, kept_layout, paper = load_routine("after-running"), load_layout(layout), paper_named("a4")
    built = [make_pdf(routine, kept_layout, paper, {"name": name, "club": "Riverside"}) for name in NAMES]
    assert built == expected
    assert len(set(built)) == len(NAMES) - 1  # every name is on its sheet (Ana twice)
    assert len(composition.LAID_OUT) <= 3  # laid out once per header height, not once per sheet
