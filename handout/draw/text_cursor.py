"""A line's boxes -> the PDF text object's cursor at each box in turn: one text object per line.

Both the plain and the shaped drawing of a line walk its boxes the same way: the text object starts at
the first box's baseline and the cursor moves right by the gap before each next box.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from handout.model import TextBox


def line_text(canvas: Canvas, boxes: Sequence[TextBox], page_height: float) -> PDFTextObject:
    """A text object at the line's first box, on its baseline (PDF counts from the page's foot)."""
    return canvas.beginText(boxes[0].rect.x, page_height - boxes[0].baseline)


def boxes_in_place(text: PDFTextObject, boxes: Sequence[TextBox]) -> Iterator[TextBox]:
    """Each box of the line, with the text object's cursor moved to where the box starts."""
    x = boxes[0].rect.x
    for box in boxes:
        if box.rect.x != x:
            text.moveCursor(box.rect.x - x, 0)
            x = box.rect.x
        yield box
