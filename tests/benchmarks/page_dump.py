"""Write a laid-out handout page as the JSON that reference_sheet.py draws: the same content, by hand.

Text lines keep their runs of one face each, frames their geometry and figures the very PDF operators
handout draws them with, so the reference draws the same page and only the way of drawing differs.
"""

from __future__ import annotations

import json
from itertools import groupby
from pathlib import Path

from handout.bundled import bundled_dir
from handout.draw import figures
from handout.draw.render import shape_operators
from handout.layout.fonts import FONT_FILES, metrics
from handout.model import Figure, FrameBox, ImageBox, Page, TextBox


def _line_key(box: object) -> object:
    """Text boxes on one baseline are one line, as the renderer groups them; other boxes alone."""
    return box.baseline if isinstance(box, TextBox) else id(box)


def dump_page(page: Page, out: Path) -> None:
    fonts = metrics(page.cjk_font)
    lines, frames, drawn = [], [], []
    for _, group in groupby(page.boxes, key=_line_key):
        boxes = list(group)
        first = boxes[0]
        if isinstance(first, TextBox):
            runs = [
                [box.rect.x, box.color, face, box.size, run]
                for box in boxes
                if isinstance(box, TextBox)
                for face, run in fonts.runs(box.text, box.font)
            ]
            lines.append([first.rect.x, first.baseline, runs])
        elif isinstance(first, FrameBox):
            rect = first.rect
            frames.append([rect.x, rect.y, rect.width, rect.height, first.color, first.width, first.radius])
        elif isinstance(first, ImageBox) and isinstance(first.image, Figure):
            rect = first.rect
            shapes = figures.pose_shapes(first.image.pose, rect.width, rect.height, first.accent, first.ink)
            drawn.append([rect.x, rect.y, shape_operators(shapes)])
    folder = bundled_dir("fonts")
    page_fonts = {name: str(folder / filename) for name, filename in FONT_FILES.values()}
    data = {"width": page.width, "height": page.height, "title": page.title, "fonts": page_fonts}
    out.write_text(json.dumps({**data, "lines": lines, "frames": frames, "figures": drawn}), encoding="utf-8")
