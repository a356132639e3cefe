"""Export the bundled figures for a club's website or newsletter: pose files -> SVG and PNG files.

SVG is written straight from the figure's vector shapes. PNG is a one-figure PDF drawn by the same
renderer as the sheet, rasterised by preview.py like the sheet's preview, so the picture online is the
one on paper.
"""

from __future__ import annotations

import io
from html import escape
from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from handout.bundled import bundled_dir
from handout.content.poses import load_pose
from handout.draw.figures import figure_size, pose_shapes
from handout.draw.render import draw_shapes
from handout.errors import HandoutError
from handout.layout.fonts import font_name
from handout.model import MM, Circle, Layout, Path2D, Point, Shape
from handout.share.atomic import write_atomic
from handout.share.output_target import check_folder_targets, check_output
from handout.share.preview import render_png

FIGURE_WIDTH = 360.0
FIGURE_HEIGHT = 240.0
"""Points; every figure fits this box, keeping its proportions."""
PNG_SCALE = 3.0
"""Pixels per point: 1080 x 720 pixels, sharp on a phone screen and a newsletter."""
SHEET_CELL_WIDTH = 4 * MM * 10
"""A contact sheet shows each figure 4 cm wide: the smallest size a sheet prints it at."""
SHEET_CELL_HEIGHT = 3 * MM * 10
SHEET_LABEL = 20.0
"""Points under each figure for its name: two lines of SHEET_FONT_SIZE."""
SHEET_FONT_SIZE = 7.0
SHEET_COLUMNS = 5
SHEET_MARGIN = 12.0
SHEET_PNG_SCALE = 150 / 72
"""Pixels per point of the contact sheet: 150 dpi, so 4 cm on screen is 4 cm printed."""


def export_figures(folder: Path, layout: Layout, *, force: bool = False) -> list[Path]:
    """Write every bundled figure as NAME.svg and NAME.png in `folder`; returns the files written.

    Every file it would replace is checked first (never a folder, a device, a read-only file, nor without
    `force` a file that is not an SVG or PNG): a coach's own `calf-wall.png` is not lost to an export.
    """
    pose_files = sorted(bundled_dir("images").glob("*.toml"))
    targets = [
        folder / f"{pose_file.stem}{suffix}" for pose_file in pose_files for suffix in (".svg", ".png")
    ]
    check_folder_targets(folder, targets, [], force=force, advice="give -o a folder for the figures")
    written = []
    for pose_file in pose_files:
        shapes = pose_shapes(load_pose(pose_file), FIGURE_WIDTH, FIGURE_HEIGHT, layout.accent, layout.ink)
        for suffix, data in ((".svg", svg_bytes(shapes)), (".png", png_bytes(shapes))):
            path = folder / f"{pose_file.stem}{suffix}"
            write_atomic(path, data)
            written.append(path)
    if not written:
        raise HandoutError(f"no figures found in {bundled_dir('images')}: the installation is incomplete")
    return written


FIGURE_LICENCE = (
    "Stretch figure from handout, licensed CC BY 4.0: https://creativecommons.org/licenses/by/4.0/"
)
"""Carried inside every exported SVG, so the credit the licence asks for travels with the file."""


def svg_bytes(shapes: tuple[Shape, ...], width: float = FIGURE_WIDTH, height: float = FIGURE_HEIGHT) -> bytes:
    elements = "\n".join(f"  {_svg_element(shape)}" for shape in shapes)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:g}pt" height="{height:g}pt" '
        f'viewBox="0 0 {width:g} {height:g}">\n'
        f"  <!-- {FIGURE_LICENCE} -->\n"
        f'  <rect width="100%" height="100%" fill="#ffffff"/>\n'
        f'<g stroke-linecap="round" stroke-linejoin="round">\n{elements}\n</g>\n</svg>\n'
    ).encode()


def _svg_element(shape: Shape) -> str:
    paint = (
        f'fill="{escape(shape.fill or "none")}" stroke="{escape(shape.stroke or "none")}" '
        f'stroke-width="{shape.stroke_width:.2f}"'
    )
    if isinstance(shape, Circle):
        x, y = shape.center
        return f'<circle cx="{x:.2f}" cy="{y:.2f}" r="{shape.radius:.2f}" {paint}/>'
    return f'<path d="{_svg_path(shape)}" {paint}/>'


def _svg_path(path: Path2D) -> str:
    def xy(point: Point) -> str:
        return f"{point[0]:.2f} {point[1]:.2f}"

    commands = [f"M {xy(path.start)}"]
    for segment in path.segments:
        commands.append(f"L {xy(segment[0])}" if len(segment) == 1 else "C " + " ".join(map(xy, segment)))
    if path.closed:
        commands.append("Z")
    return " ".join(commands)


def png_bytes(
    shapes: tuple[Shape, ...],
    width: float = FIGURE_WIDTH,
    height: float = FIGURE_HEIGHT,
    scale: float = PNG_SCALE,
) -> bytes:
    """The shapes of a `width` x `height` point box as a PNG of `scale` pixels per point."""
    pdf = io.BytesIO()
    canvas = Canvas(pdf, pagesize=(width, height), invariant=1)
    draw_shapes(canvas, shapes, 0, 0, height)
    canvas.showPage()
    canvas.save()
    return render_png(pdf.getvalue(), round(width * scale))


def contact_sheet(path: Path, layout: Layout, names: dict[str, str], *, force: bool = False) -> int:
    """Write a PNG of every bundled figure 4 cm wide, named, at one body scale; returns how many.

    `names` maps a pose to the caption printed under it (the library stretch that uses it). The sheet is
    for checking that each figure reads at the size a sheet prints it, and for a club's website.
    """
    check_output(path, [], "png", force=force)
    pose_files = sorted(bundled_dir("images").glob("*.toml"))
    if not pose_files:
        raise HandoutError(f"no figures found in {bundled_dir('images')}: the installation is incomplete")
    poses = [load_pose(pose_file) for pose_file in pose_files]
    scale = min(
        min(SHEET_CELL_WIDTH / width, SHEET_CELL_HEIGHT / height)
        for width, height in (figure_size(pose) for pose in poses)
    )
    rows = -(-len(poses) // SHEET_COLUMNS)
    cell_height = SHEET_CELL_HEIGHT + SHEET_LABEL
    width = 2 * SHEET_MARGIN + SHEET_COLUMNS * SHEET_CELL_WIDTH
    height = 2 * SHEET_MARGIN + rows * cell_height
    pdf = io.BytesIO()
    canvas = Canvas(pdf, pagesize=(width, height), invariant=1)
    for index, pose in enumerate(poses):
        left = SHEET_MARGIN + (index % SHEET_COLUMNS) * SHEET_CELL_WIDTH
        top = SHEET_MARGIN + (index // SHEET_COLUMNS) * cell_height
        shapes = pose_shapes(pose, SHEET_CELL_WIDTH, SHEET_CELL_HEIGHT, layout.accent, layout.ink, scale)
        draw_shapes(canvas, shapes, left, top, height)
        lines, size = caption_lines(names.get(pose.name, pose.name), SHEET_CELL_WIDTH - 6)
        canvas.setFont(font_name("regular"), size)
        for number, line in enumerate(lines):
            baseline = height - top - SHEET_CELL_HEIGHT - (number + 1) * size * 1.15
            canvas.drawCentredString(left + SHEET_CELL_WIDTH / 2, baseline, line)
    canvas.showPage()
    canvas.save()
    write_atomic(path, render_png(pdf.getvalue(), round(width * SHEET_PNG_SCALE)))
    return len(poses)


def caption_lines(caption: str, width: float) -> tuple[list[str], float]:
    """A figure's name in at most two lines of `width` points, and the font size that makes it fit."""
    font = font_name("regular")
    size = SHEET_FONT_SIZE
    while True:
        lines: list[str] = []
        for word in caption.split():
            if lines and stringWidth(f"{lines[-1]} {word}", font, size) <= width:
                lines[-1] += f" {word}"
            else:
                lines.append(word)
        widest = max(stringWidth(line, font, size) for line in lines)
        if (len(lines) <= 2 and widest <= width) or size <= 4:
            return lines[:2], size
        size -= 0.5
