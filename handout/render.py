"""Draw a page of positioned boxes with reportlab: Page -> PDF bytes. It draws; it decides nothing.

Boxes are drawn in the order the layout made them, which is reading order, so a PDF reader's text
extraction (copy and paste, search, screen readers) gives title, then each stretch's name, target and
numbered points. The PDF is deterministic (same input, same bytes) and its fonts are embedded subsets.
"""

from __future__ import annotations

import io
from itertools import groupby

from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from handout import __version__, figures, images
from handout.fonts import FontMetrics, font_name, metrics
from handout.model import Box, Circle, Figure, FrameBox, ImageBox, Page, Photo, Shape, TextBox

rl_config.useA85 = 0  # ASCII85 would make the file a quarter bigger and the build three times slower


def render_page(page: Page, lang: str = "en", fonts: FontMetrics | None = None) -> bytes:
    """The page as PDF bytes; `fonts` must be the metrics the page was laid out with (CJK sheets)."""
    fonts = fonts or metrics()
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=(page.width, page.height),
        pageCompression=1,
        invariant=1,
        initialFontName=font_name("regular"),  # type: ignore[arg-type]  # types-reportlab says float
        initialFontSize=10,
        lang=lang,
    )
    canvas.setTitle(page.title)
    canvas.setSubject(page.subject)
    canvas.setAuthor("")
    canvas.setCreator(f"handout {__version__}")
    canvas.setProducer(f"handout {__version__} (reportlab)")
    for _, boxes in groupby(page.boxes, key=_line_key):
        draw_boxes(canvas, list(boxes), page.height, fonts)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _line_key(box: Box) -> object:
    """Text boxes on one baseline (a point's number and its text) group together; other boxes alone."""
    return box.baseline if isinstance(box, TextBox) else id(box)


def draw_boxes(canvas: Canvas, boxes: list[Box], page_height: float, fonts: FontMetrics) -> None:
    first = boxes[0]
    if isinstance(first, TextBox):
        draw_text_line(canvas, [box for box in boxes if isinstance(box, TextBox)], page_height, fonts)
    else:
        draw_box(canvas, first, page_height)


def draw_text_line(canvas: Canvas, boxes: list[TextBox], page_height: float, fonts: FontMetrics) -> None:
    """One PDF text object per line, so extraction reads a number and its text as "1. Stand tall".

    A line mixing scripts ("Target: 小腿") is drawn in runs of one font each, as it was measured."""
    text = canvas.beginText(boxes[0].rect.x, page_height - boxes[0].baseline)
    x = boxes[0].rect.x
    for box in boxes:
        if box.rect.x != x:
            text.moveCursor(box.rect.x - x, 0)
            x = box.rect.x
        text.setFillColor(HexColor(box.color))
        for face, run in fonts.runs(box.text, box.font):
            text.setFont(face, box.size)
            text.textOut(run)
    text.textLine()  # ends the line as drawString does, which text extraction reads as a line break
    canvas.drawText(text)


def draw_box(canvas: Canvas, box: ImageBox | FrameBox, page_height: float) -> None:
    if isinstance(box, FrameBox):
        if box.width > 0:
            canvas.setStrokeColor(HexColor(box.color))
            canvas.setLineWidth(box.width)
            rect = box.rect
            canvas.roundRect(
                rect.x, page_height - rect.bottom, rect.width, rect.height, box.radius, stroke=1, fill=0
            )
    elif isinstance(box.image, Figure):
        shapes = figures.pose_shapes(box.image.pose, box.rect.width, box.rect.height, box.accent, box.ink)
        draw_shapes(canvas, shapes, box.rect.x, box.rect.y, page_height)
    else:
        draw_photo(canvas, box, box.image, page_height)


def draw_photo(canvas: Canvas, box: ImageBox, photo: Photo, page_height: float) -> None:
    prepared = images.prepare_photo(photo.path, box.rect, box.fit, photo.owner, box.grayscale)
    placed = prepared.placed
    reader = ImageReader(io.BytesIO(prepared.data))
    canvas.drawImage(reader, placed.x, page_height - placed.bottom, placed.width, placed.height)


def draw_shapes(
    canvas: Canvas, shapes: tuple[Shape, ...], left: float, top: float, page_height: float
) -> None:
    """Draw vector shapes whose coordinates are relative to a box at (left, top) in page coordinates."""

    def pdf(point: tuple[float, float]) -> tuple[float, float]:
        return left + point[0], page_height - (top + point[1])

    canvas.saveState()
    canvas.setLineCap(1)
    canvas.setLineJoin(1)
    for shape in shapes:
        if shape.stroke:
            canvas.setStrokeColor(HexColor(shape.stroke))
            canvas.setLineWidth(shape.stroke_width)
        if shape.fill:
            canvas.setFillColor(HexColor(shape.fill))
        if isinstance(shape, Circle):
            x, y = pdf(shape.center)
            canvas.circle(x, y, shape.radius, stroke=int(bool(shape.stroke)), fill=int(bool(shape.fill)))
            continue
        path = canvas.beginPath()
        path.moveTo(*pdf(shape.start))
        for segment in shape.segments:
            if len(segment) == 1:
                path.lineTo(*pdf(segment[0]))
            else:
                (x1, y1), (x2, y2), (x3, y3) = (pdf(p) for p in segment)
                path.curveTo(x1, y1, x2, y2, x3, y3)
        if shape.closed:
            path.close()
        canvas.drawPath(path, stroke=int(bool(shape.stroke)), fill=int(bool(shape.fill)))
    canvas.restoreState()
