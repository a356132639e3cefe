"""Draw a page of positioned boxes with reportlab: Page -> PDF bytes. It draws; it decides nothing.

Boxes are drawn in the order the layout made them, which is reading order, so a PDF reader's text
extraction (copy and paste, search, screen readers) gives title, then each stretch's name, target and
numbered points. The PDF is deterministic (same input, same bytes) and its fonts are embedded subsets.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import lru_cache
from itertools import groupby, takewhile

from reportlab import rl_config
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from handout import __version__
from handout.draw import figures, shaped_text
from handout.draw.kept_drawing import draw_body, keep_subsets
from handout.draw.text_cursor import boxes_in_place, line_text
from handout.layout.fonts import FontMetrics, font_name, metrics
from handout.model import (
    Box,
    Circle,
    Figure,
    FrameBox,
    ImageBox,
    Imposition,
    Page,
    Path2D,
    Photo,
    QrBox,
    Shape,
    TextBox,
)

CUT_LINE_WIDTH = 0.5
CUT_LINE_DASH = (4, 3)
"""On 4 pt, off 3 pt: plainly a line to cut along, light enough not to distract from the handout."""
rl_config.useA85 = 0  # ASCII85 would make the file a quarter bigger and the build three times slower


def render_page(page: Page) -> bytes:
    """The PDF of one laid-out page."""
    return render_pages([page])


def render_pages(pages: Sequence[Page]) -> bytes:
    """One PDF with a page for each laid-out page (a batch merged for the print shop): the fonts are
    embedded once for all of them. An imposed page is drawn once as a form and placed per copy."""
    first = pages[0]
    keep_subsets()
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=_sheet_size(first),
        pageCompression=1,
        invariant=1,
        initialFontName=font_name("regular"),  # type: ignore[arg-type]  # types-reportlab says float
        initialFontSize=10,
        lang=first.lang,
    )
    canvas.setTitle(first.title)
    canvas.setSubject(first.subject)
    canvas.setAuthor("")
    canvas.setCreator(f"handout {__version__}")
    canvas.setProducer(f"handout {__version__} (reportlab)")
    for number, page in enumerate(pages):
        canvas.setPageSize(_sheet_size(page))
        if page.imposition is None:
            draw_page(canvas, page)
        else:
            draw_copies(canvas, page, page.imposition, f"copy{number}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _sheet_size(page: Page) -> tuple[float, float]:
    sheet = page.imposition
    return (sheet.width, sheet.height) if sheet else (page.width, page.height)


def draw_page(canvas: Canvas, page: Page) -> None:
    """The header's lines, then the rest: the rest is the same on every runner's sheet, so it is drawn
    once and kept (kept_drawing.py)."""
    fonts = metrics(page.cjk_font, page.scripts)  # type: ignore[arg-type]  # the page's are Script names
    header = len(list(takewhile(_is_header, page.boxes)))  # the layout puts the header's lines first
    body = page.boxes[header:]
    draw_lines(canvas, page.boxes[:header], page.height, fonts)
    draw_body(canvas, body, page.height, fonts, lambda: draw_lines(canvas, body, page.height, fonts))


def _is_header(box: Box) -> bool:
    return isinstance(box, TextBox) and box.role == "header"


def draw_lines(canvas: Canvas, boxes: Sequence[Box], page_height: float, fonts: FontMetrics) -> None:
    """Boxes in order, the text boxes of one baseline as one line."""
    for _, line in groupby(boxes, key=_line_key):
        draw_boxes(canvas, list(line), page_height, fonts)


def draw_copies(canvas: Canvas, page: Page, sheet: Imposition, form: str) -> None:
    """The page drawn once into a form XObject, placed at each copy's offset: the file stays small."""
    canvas.beginForm(form, lowerx=0, lowery=0, upperx=page.width, uppery=page.height)
    draw_page(canvas, page)
    canvas.endForm()
    for x, y in sheet.offsets:
        canvas.saveState()
        canvas.translate(x, sheet.height - y - page.height)
        canvas.doForm(form)
        canvas.restoreState()
    canvas.saveState()
    canvas.setStrokeColor(HexColor(sheet.cut_color))
    canvas.setLineWidth(CUT_LINE_WIDTH)
    canvas.setDash(*CUT_LINE_DASH)
    for (x1, y1), (x2, y2) in sheet.cuts:
        canvas.line(x1, sheet.height - y1, x2, sheet.height - y2)
    canvas.restoreState()


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

    A line mixing scripts ("Target: 小腿") is drawn in runs of one font each, as it was measured; on a
    sheet with shaped scripts (Arabic, Devanagari, ...) shaped_text.py draws the lines."""
    if fonts.scripts:
        shaped_text.draw_text_line(canvas, boxes, page_height, fonts, _color)
        return
    text = line_text(canvas, boxes, page_height)
    for box in boxes_in_place(text, boxes):
        text.setFillColor(_color(box.color))
        for face, run in fonts.runs(box.text, box.font):
            text.setFont(face, box.size)
            text.textOut(run)
    text.textLine()  # ends the line as drawString does, which text extraction reads as a line break
    canvas.drawText(text)


def draw_box(canvas: Canvas, box: ImageBox | FrameBox | QrBox, page_height: float) -> None:
    if isinstance(box, QrBox):
        draw_qr(canvas, box, page_height)
    elif isinstance(box, FrameBox):
        if box.width > 0:
            canvas.setStrokeColor(_color(box.color))
            canvas.setLineWidth(box.width)
            rect = box.rect
            canvas.roundRect(
                rect.x, page_height - rect.bottom, rect.width, rect.height, box.radius, stroke=1, fill=0
            )
    elif isinstance(box.image, Figure):
        shapes = figures.pose_shapes(
            box.image.pose, box.rect.width, box.rect.height, box.accent, box.ink, box.scale
        )
        draw_shapes(canvas, shapes, box.rect.x, box.rect.y, page_height)
    else:
        draw_photo(canvas, box, box.image, page_height)


def draw_qr(canvas: Canvas, box: QrBox, page_height: float) -> None:
    """The code's modules fill the box; the layout left the quiet zone around it blank. Each row's runs of
    dark modules are rectangles of one path, filled once: reportlab's QR widget drew each run in a state
    of its own, ten times the bytes."""
    modules = qr_modules(box.value)
    size = box.rect.width / len(modules)
    top = page_height - box.rect.y
    path = canvas.beginPath()
    for row_number, row in enumerate(modules):
        column = 0
        for dark, run in groupby(row):
            length = len(list(run))
            if dark:
                path.rect(box.rect.x + column * size, top - (row_number + 1) * size, length * size, size)
            column += length
    canvas.saveState()
    canvas.setFillColor(HexColor(box.color))
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


@lru_cache(maxsize=32)
def qr_modules(value: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code of `value` at error correction M, as rows of modules (True: dark). Encoding is a
    pure-Python search taking some 10 ms, five sheets' worth of drawing: a batch or a server printing
    one club's address encodes it once."""
    from reportlab.graphics.barcode import qrencoder

    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(value)
    code.make()
    return tuple(tuple(bool(module) for module in row) for row in code.modules)


def draw_photo(canvas: Canvas, box: ImageBox, photo: Photo, page_height: float) -> None:
    from handout.draw import photos  # here: a sheet of drawn figures does not load the photo handling

    prepared = photos.prepare_photo(photo.path, box.rect, box.fit, photo.owner, box.grayscale)
    placed = prepared.placed
    reader = ImageReader(io.BytesIO(prepared.data))
    canvas.drawImage(reader, placed.x, page_height - placed.bottom, placed.width, placed.height)


def draw_shapes(
    canvas: Canvas, shapes: tuple[Shape, ...], left: float, top: float, page_height: float
) -> None:
    """Draw vector shapes whose coordinates are relative to a box at (left, top) in page coordinates.

    One transformation turns the box's coordinates (y down) into the page's, so the drawing operators
    depend on the shapes alone and are made once: a batch draws the same figures on every sheet.
    """
    canvas.saveState()
    canvas.transform(1, 0, 0, -1, left, page_height - top)
    canvas.addLiteral(shape_operators(shapes))
    canvas.restoreState()


KAPPA = 0.5522847498
"""Control-point distance, as a fraction of the radius, of the four Béziers that draw a circle."""
PAINT = {(True, True): "B", (True, False): "S", (False, True): "f", (False, False): "n"}
"""PDF painting operator by (stroked, filled)."""


@lru_cache(maxsize=128)
def shape_operators(shapes: tuple[Shape, ...]) -> str:
    """PDF content-stream operators for the shapes, with round caps and joins as line art wants."""
    operators = ["1 J 1 j"]
    for shape in shapes:
        if shape.stroke:
            operators.append(f"{_rgb(shape.stroke)} RG {shape.stroke_width:.3f} w")
        if shape.fill:
            operators.append(f"{_rgb(shape.fill)} rg")
        operators.append(_circle_path(shape) if isinstance(shape, Circle) else _path(shape))
        operators.append(PAINT[(bool(shape.stroke), bool(shape.fill))])
    return "\n".join(operators)


def _path(shape: Path2D) -> str:
    parts = [f"{shape.start[0]:.2f} {shape.start[1]:.2f} m"]
    for segment in shape.segments:
        points = " ".join(f"{x:.2f} {y:.2f}" for x, y in segment)
        parts.append(f"{points} {'l' if len(segment) == 1 else 'c'}")
    if shape.closed:
        parts.append("h")
    return " ".join(parts)


def _circle_path(circle: Circle) -> str:
    (x, y), r = circle.center, circle.radius
    k = r * KAPPA
    return _path(
        Path2D(
            start=(x + r, y),
            segments=(
                ((x + r, y + k), (x + k, y + r), (x, y + r)),
                ((x - k, y + r), (x - r, y + k), (x - r, y)),
                ((x - r, y - k), (x - k, y - r), (x, y - r)),
                ((x + k, y - r), (x + r, y - k), (x + r, y)),
            ),
            closed=True,
        )
    )


@lru_cache(maxsize=64)
def _rgb(color: str) -> str:
    """ "#rrggbb" as the three numbers of a PDF colour operator."""
    return " ".join(f"{int(color[i : i + 2], 16) / 255:.3f}" for i in (1, 3, 5))


@lru_cache(maxsize=64)
def _color(color: str) -> Color:
    return HexColor(color)
