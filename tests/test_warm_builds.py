"""Sheets built one after another in one process (a batch, the web page) are fresh builds, byte for byte.

Two things are kept between sheets: the laid-out page (composition.LAID_OUT, its header set anew) and
the drawn body with its font subsets (draw/kept_drawing.py). Each test builds the same sheets with and
without what is kept and compares the files.
"""

from __future__ import annotations

import io
import zlib

import pytest
from pypdf import PdfReader

from handout.content.routine import library_stretches, load_routine
from handout.draw import kept_drawing
from handout.draw.render import render_pages
from handout.layout import composition
from handout.layout.layout_file import grayscale, load_layout
from handout.layout.paper import oriented, paper_named
from handout.model import Routine
from handout.pipeline import make_page, make_pdf

NAMES = ["Ana", "Bartholomew Featherstonehaugh-Cholmondeley", "Zoë", "Li " * 60, "", "Ana", "Ben", "Łukasz"]
"""Names of every length: one whose header wraps to two lines, none at all, and names whose letters are
not ASCII (they take subset codes before the body's own characters)."""
LAYOUTS = ["grid", "list", "poster", "two-up"]


def routine_named(name: str) -> Routine:
    """The bundled routine, or three library stretches in French: many letters outside ASCII, whose
    subset codes depend on the order they are first drawn in."""
    if name == "after-running":
        return load_routine(name)
    shortest = sorted((stretch for _, stretch in library_stretches("fr")), key=lambda s: len(str(s)))
    stretches = tuple(shortest[:3])  # they fit the poster and a two-up half sheet too
    return Routine(title="Étirements après la course", subtitle="Tenez bien.", stretches=stretches)


def fresh_pdf(routine: str, layout: str, settings: dict[str, str], paper: str, turned: bool) -> bytes:
    composition.LAID_OUT.clear()
    kept_drawing.KEPT.clear()
    sheet = oriented(paper_named(paper), "landscape" if turned else "portrait")
    return make_pdf(routine_named(routine), load_layout(layout), sheet, settings)


@pytest.mark.parametrize("routine_name", ["after-running", "french"])
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(("paper", "turned"), [("a4", False), ("letter", True)])
def test_sheets_built_in_a_row_are_the_fresh_sheets(
    routine_name: str, layout: str, paper: str, turned: bool
) -> None:
    settings = [{"name": name, "club": "Riverside", "url": "https://example.org/run"} for name in NAMES]
    expected = [fresh_pdf(routine_name, layout, details, paper, turned) for details in settings]
    composition.LAID_OUT.clear()
    kept_drawing.KEPT.clear()
    routine, kept_layout = routine_named(routine_name), load_layout(layout)
    sheet = oriented(paper_named(paper), "landscape" if turned else "portrait")
    built = [make_pdf(routine, kept_layout, sheet, details) for details in settings]
    assert built == expected
    assert len(set(built)) == len(NAMES) - 1  # every name is on its sheet (Ana twice)
    assert len(composition.LAID_OUT) <= 3  # laid out once per header height, not once per sheet
    kept_drawing.KEPT.clear()
    for name in ("Ana", "Ben", "Cy"):
        make_pdf(routine, kept_layout, sheet, {"name": name, "club": "Riverside"})
    assert len(kept_drawing.KEPT) == 1  # the sheets of one-line ASCII names share one drawn body


def test_a_kept_body_draws_what_a_full_drawing_draws() -> None:
    """The bytes of a kept body replayed are those of the body drawn again, grayscale and in colour."""
    routine, paper = routine_named("french"), paper_named("a4")
    for layout in (load_layout("grid"), grayscale(load_layout("grid"))):
        kept_drawing.KEPT.clear()
        kept = [make_pdf(routine, layout, paper, {"name": name}) for name in NAMES]
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(kept_drawing, "_can_keep", lambda body, fonts: False)
            drawn_in_full = [make_pdf(routine, layout, paper, {"name": name}) for name in NAMES]
        assert kept == drawn_in_full


def test_a_merged_batch_with_kept_bodies_is_the_batch_drawn_in_full(monkeypatch: pytest.MonkeyPatch) -> None:
    """One PDF of many pages: each page's body comes after the fonts' codes of all the pages before."""
    routine, layout, paper = routine_named("french"), load_layout("grid"), paper_named("a4")
    pages = [make_page(routine, layout, paper, {"name": name}) for name in NAMES * 2]
    kept_drawing.KEPT.clear()
    with_kept = render_pages(pages)
    assert kept_drawing.KEPT  # the bodies were kept
    monkeypatch.setattr(kept_drawing, "_can_keep", lambda body, fonts: False)
    assert with_kept == render_pages(pages)


def test_a_sheet_like_the_last_compresses_only_its_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """Its fonts' subsets, character maps and widths are the same as the last sheet's: they are kept
    compressed and written out (kept_drawing.KeptFlate, KeptArray), and only the page's own content is
    compressed anew."""
    routine, layout, paper = load_routine("after-running"), load_layout("grid"), paper_named("a4")
    make_pdf(routine, layout, paper, {"name": "Ana"})
    compressed: list[int] = []
    compress = zlib.compress
    monkeypatch.setattr(
        zlib, "compress", lambda data, *rest: compressed.append(len(data)) or compress(data, *rest)
    )
    widths_written = kept_drawing._formatted_array.cache_info().misses
    sheet = make_pdf(routine, layout, paper, {"name": "Ben Oduya"})
    assert len(compressed) == 1  # the page
    assert kept_drawing._formatted_array.cache_info().misses == widths_written
    assert "Ben Oduya" in PdfReader(io.BytesIO(sheet)).pages[0].extract_text()
