"""A figure holds up at 2 cm and at 7 cm, read back from the PDF: its outlines stay within their weights
on paper, hands and feet are drawn as shapes when it is large, and the highlighted muscle of every
library figure on the bundled poster is wide enough to see from 1.5 m."""

from __future__ import annotations

import io
import math
from collections import Counter
from pathlib import Path

import pdfplumber
import pytest
from reportlab.pdfgen.canvas import Canvas

from handout.content.library import library
from handout.content.poses import load_pose
from handout.draw.figures import figure_size, pose_shapes
from handout.draw.render import draw_shapes
from handout.layout.layout_file import load_layout

IMAGES = Path(__file__).resolve().parent.parent / "images"
POSES = [load_pose(path) for path in sorted(IMAGES.glob("*.toml"))]
ACCENT, INK = "#8c1b13", "#222222"
CM = 72 / 2.54
SEEN_FROM_1_5_M = 1500 * math.tan(math.radians(5 / 60))
"""Millimetres a mark needs to read from 1.5 m: 5 arc-minutes, like a letter on an eye chart (2.2 mm)."""
THINNEST, HEAVIEST = 0.6, 1.0
"""The mannequin's outline in points on paper at any size: no hairline at 2 cm, no heavy cartoon at 7."""
MANNEQUIN_FILLS = {(1.0, 1.0, 1.0), (0.851, 0.851, 0.851)}
"""The white and far-grey fills of the mannequin's outlined parts (a step's or mat's are other shapes)."""


def drawn_pdf(pose, longest_cm: float) -> pdfplumber.PDF:
    """The figure drawn by the sheet's renderer with its longest side `longest_cm` on paper."""
    width, height = figure_size(pose)
    scale = longest_cm * CM / max(width, height)
    box = (width * scale + 4, height * scale + 4)
    pdf = io.BytesIO()
    canvas = Canvas(pdf, pagesize=box, invariant=1)
    draw_shapes(canvas, pose_shapes(pose, *box, ACCENT, INK, scale), 0, 0, box[1])
    canvas.showPage()
    canvas.save()
    return pdfplumber.open(io.BytesIO(pdf.getvalue()))


def rgb(color) -> tuple[float, ...] | None:
    return tuple(round(value, 3) for value in color) if color else None


def outlines(page) -> list[float]:
    """Line widths in points of the mannequin's outlined, filled parts."""
    return [
        shape["linewidth"]
        for shape in page.curves + page.rects
        if shape["stroke"] and shape["fill"] and rgb(shape["non_stroking_color"]) in MANNEQUIN_FILLS
    ]


def width_mm(points: list[tuple[float, float]]) -> float:
    """A shape's narrowest extent over every direction (a lens's width at its widest), in millimetres."""
    extents = []
    for degree in range(180):
        c, s = math.cos(math.radians(degree)), math.sin(math.radians(degree))
        along = [x * c + y * s for x, y in points]
        extents.append(max(along) - min(along))
    return min(extents) / CM * 10


@pytest.mark.parametrize("pose", POSES, ids=lambda pose: pose.name)
@pytest.mark.parametrize("longest_cm", [2.0, 7.0, 12.0])
def test_outlines_keep_their_weight_on_paper(pose, longest_cm):
    with drawn_pdf(pose, longest_cm) as pdf:
        widths = outlines(pdf.pages[0])
    assert widths
    mannequin = Counter(round(width, 2) for width in widths).most_common(1)[0][0]
    assert THINNEST - 0.01 <= mannequin <= HEAVIEST + 0.01, (longest_cm, mannequin)


def test_outlines_are_thinner_in_proportion_when_large():
    """A 7 cm figure's outline is not 3.5 times a 2 cm one's: thin lines grow, heavy ones stop."""
    pose = POSES[0]
    with drawn_pdf(pose, 2.0) as small, drawn_pdf(pose, 7.0) as large:
        ratio = max(outlines(large.pages[0])) / max(outlines(small.pages[0]))
    assert 1.0 < ratio < 2.0


@pytest.mark.parametrize("pose", POSES, ids=lambda pose: pose.name)
def test_hands_and_feet_are_shapes_when_large_and_simple_when_small(pose):
    """At 7 cm each hand is a mitten with a thumb (two outlined parts instead of one dot) and each foot
    has a heel and toes (a ten-corner outline instead of a capsule); at 2 cm they stay simple."""
    with drawn_pdf(pose, 2.0) as small, drawn_pdf(pose, 7.0) as large:
        small_page, large_page = small.pages[0], large.pages[0]
        feet = [c for c in large_page.curves if c["stroke"] and len(c["pts"]) == 11]
        assert len(feet) == 2, "two feet with heel and toes at 7 cm"
        assert not [c for c in small_page.curves if c["stroke"] and len(c["pts"]) == 11]
        assert len(outlines(large_page)) == len(outlines(small_page)) + 2, "a thumb on each hand at 7 cm"


def library_posters() -> list[list[str]]:
    ids = list(library())
    return [ids[start : start + 4] for start in range(0, len(ids), 4)]


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("stretches", library_posters(), ids=lambda ids: ids[0])
def test_every_highlighted_muscle_on_the_poster_reads_from_1_5_m(build_pdf, open_pdf, paper, stretches):
    accent = load_layout("poster").accent
    wanted = tuple(round(int(accent[i : i + 2], 16) / 255, 3) for i in (1, 3, 5))
    routine = {"title": "Library", "stretches": [{"use": entry} for entry in stretches]}
    pdf = open_pdf(build_pdf(routine, "--layout", "poster", "--paper", paper))
    page = pdf.pages[0]
    marks = [
        width_mm(shape["pts"])
        for shape in page.curves
        if shape["fill"] and not shape["stroke"] and rgb(shape["non_stroking_color"]) == wanted
    ]
    assert len(marks) >= len(stretches)
    assert min(marks) >= SEEN_FROM_1_5_M, [round(mark, 1) for mark in marks]
