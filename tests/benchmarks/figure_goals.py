"""Measure the figures of the sheets issue 22 sets goals for, on A4 and letter, and print them by their goals.

Not part of the test run: `python tests/benchmarks/figure_goals.py`. Each figure is measured from the laid-out
page, as drawn: its scene (figure, ground, props) at the page's one body scale, fitted into its image box
as the renderer fits it (draw.figures.placement). Its share is that rectangle's area over its card's;
its longest side is in centimetres on paper; the text is the page's body size.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from test_capacity import routine_of, wordiest

from handout.content.routine import load_routine
from handout.draw.figures import figure_size, placement
from handout.layout.layout_file import load_layout
from handout.layout.paper import paper_named
from handout.model import Figure, FrameBox, ImageBox, Page
from handout.pipeline import make_page

CM = 72 / 2.54
GOALS = (
    # (sheet, layout, stretches: "bundled" or the count of the wordiest, share, longest side cm, text pt)
    ("default sheet (grid, 4)", "grid", "bundled", 0.15, 4.5, None),
    ("bundled poster (4)", "poster", "bundled", 0.25, 6.0, 16.0),
    ("poster of 6", "poster", 6, 0.18, 4.5, 14.0),
    ("grid of the 8 wordiest", "grid", 8, 0.10, 3.0, 8.0),
    ("list of 8", "list", 8, 0.12, 3.5, None),
    ("two-up of 4", "two-up", 4, 0.10, 3.0, 7.0),
)


def drawn_figures(page: Page) -> list[tuple[float, float, float, str]]:
    """Each figure's drawn (width, height) in points, its share of its card's area and its pose."""
    frames = {box.card: box.rect for box in page.boxes if isinstance(box, FrameBox)}
    found = []
    for box in page.boxes:
        if isinstance(box, ImageBox) and isinstance(box.image, Figure):
            scale = placement(box.image.pose, box.rect.width, box.rect.height, box.scale).scale
            width, height = (side * scale for side in figure_size(box.image.pose))
            card = frames[box.card]
            found.append((width, height, width * height / (card.width * card.height), box.image.name))
    return found


def measure(layout_name: str, stretches: str | int, paper: str) -> tuple[float, str, float, float, float]:
    """(smallest share, the figure that has it, median share, median longest side in cm, body pt)."""
    layout = load_layout(layout_name)
    if stretches == "bundled":
        routine = load_routine(Path(__file__).resolve().parents[2] / "handout/routines/after-running.toml")
    else:
        routine = routine_of(wordiest(layout_name)[: int(stretches)])
    page = make_page(routine, layout, paper_named(paper), {})
    figures = drawn_figures(page)
    longest = statistics.median(max(width, height) / CM for width, height, _, _ in figures)
    _, _, share, name = min(figures, key=lambda figure: figure[2])
    median = statistics.median(figure[2] for figure in figures)
    return share, name, median, longest, page.body_size


def main() -> None:
    print("| sheet | paper | smallest share (goal) | median share | median longest side (goal) | text pt |")
    print("|---|---|---|---|---|---|")
    for name, layout, stretches, share_goal, side_goal, text_goal in GOALS:
        for paper in ("a4", "letter"):
            share, smallest, median, side, body = measure(layout, stretches, paper)
            text = f"{body:g} (>= {text_goal:g})" if text_goal else f"{body:g}"
            print(
                f"| {name} | {paper} | {share:.0%}, {smallest} (>= {share_goal:.0%}) | {median:.0%} "
                f"| {side:.1f} cm (>= {side_goal:g}) | {text} |"
            )


if __name__ == "__main__":
    main()
