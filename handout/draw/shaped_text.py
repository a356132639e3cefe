"""Draw a line with shaped scripts: text boxes -> PDF text in visual order, carrying its logical text.

A line is put in visual order by the Unicode bidirectional algorithm (python-bidi): a line with Arabic
or Hebrew in it runs right to left, with a Latin word or a number inside it left to right, as a reader
of the script expects. Each run of a shaped script is drawn as HarfBuzz placed its glyphs (shaping.py,
the same glyphs the layout measured), each glyph at its offset; a glyph the font has no character for
(a ligature, a conjunct, a positional form) gets a private code of its own in the embedded subset, and,
left to right, the letters it draws in the subset's ToUnicode map (glyph_text.py).

So that the sheet stays searchable and a screen reader reads words, not glyphs, each box is wrapped in
a marked-content span whose /ActualText is the box's text in logical order (PDF 32000-1, 14.9.4).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bidi.algorithm import get_display
from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from handout.draw.glyph_text import remember_letters
from handout.draw.text_cursor import boxes_in_place, line_text
from handout.layout import scripts, shaping
from handout.layout.fonts import SCRIPT_FACES, FontMetrics, script_font_path
from handout.model import TextBox

PRIVATE_USE = 0xE000
"""Where the codes of glyphs without a character start (the Private Use Area)."""


def draw_text_line(
    canvas: Canvas,
    boxes: list[TextBox],
    page_height: float,
    fonts: FontMetrics,
    color: Callable[[str], Color],
) -> None:
    """One PDF text object per line (as render.draw_text_line), each box in its span of ActualText.

    A point's number takes its line's direction: "1." beside Arabic text reads ".1", the dot towards
    the text, as a right-to-left list prints it."""
    rtl = any(_right_to_left(box.text) for box in boxes)
    text = line_text(canvas, boxes, page_height)
    for box in boxes_in_place(text, boxes):
        text.setFillColor(color(box.color))
        operators(text).append(f"/Span <</ActualText {_text_string(box.text)}>> BDC")
        for face, run in visual_runs(box.text, box.font, fonts, rtl):
            text.setFont(face, box.size)
            if face in SCRIPT_FACES:
                _draw_shaped(text, canvas, face, run, box.size)
            else:
                text.textOut(run)
        operators(text).append("EMC")
    text.textLine()
    canvas.drawText(text)


def visual_runs(text: str, font: str, fonts: FontMetrics, rtl: bool) -> list[tuple[str, str]]:
    """The line's runs of one face in drawing order, left to right; a right-to-left script's runs in
    logical order, as HarfBuzz shapes them (it gives their glyphs in visual order). `rtl`: the line
    runs right to left (it has Arabic or Hebrew in it)."""
    if not rtl:
        return fonts.runs(text, font)  # type: ignore[arg-type]
    visual = get_display(text, base_dir="R")  # fonts.runs leaves out the direction marks it has used
    return [
        (face, run[::-1] if _right_to_left(run) else run)
        for face, run in fonts.runs(visual, font)  # type: ignore[arg-type]
    ]


def _right_to_left(run: str) -> bool:
    return any(scripts.script_of(char) in scripts.RIGHT_TO_LEFT for char in run)


def operators(text: PDFTextObject) -> list[str]:
    """The text object's operators so far: reportlab has no call that adds marked content to them."""
    code: list[str] = text._code  # type: ignore[attr-defined]
    return code


def _draw_shaped(text: Any, canvas: Any, face: str, run: str, size: float) -> None:
    """The run's glyphs, each moved by its offset: TJ arrays, with a rise where a mark sits higher.

    `text` and `canvas` are reportlab's, used as its own textOut uses them (its subset state and the
    document's fonts), which its type stubs do not describe."""
    font = getFont(face)
    assert isinstance(font, TTFont)
    document = canvas._doc
    code = operators(text)
    parts: list[str] = []
    rise = 0.0

    def flush() -> None:
        if parts:
            code.append(f"[{' '.join(parts)}] TJ")
            parts.clear()

    glyphs = shaping.shape(script_font_path(face), run)
    chars = [_glyph_char(font, glyph.gid) for glyph in glyphs]
    if not _right_to_left(run):
        remember_letters(font.face, run, glyphs, chars)  # the private codes' letters, for ToUnicode
    for glyph, char in zip(glyphs, chars, strict=True):
        ((subset, data),) = font.splitString(char, document)
        if subset != text._curSubset:
            flush()
            code.append(f"{font.getSubsetInternalName(subset, document)} {fp_str(size)} Tf")
            text._curSubset = subset
        glyph_rise = glyph.dy * size / 1000
        if glyph_rise != rise:
            flush()
            code.append(f"{fp_str(glyph_rise)} Ts")
            rise = glyph_rise
        if glyph.dx:
            parts.append(fp_str(-glyph.dx))
        parts.append(f"({canvas._escape(data)})")
        after = font.face.charWidths[ord(char)] - glyph.advance + glyph.dx
        if after:
            parts.append(fp_str(after))
    flush()
    if rise:
        code.append("0 Ts")


def _glyph_char(font: TTFont, gid: int) -> str:
    """The character that draws the glyph: its own, or a private code given it once (its width too)."""
    face: Any = font.face  # its glyph maps, which reportlab's type stubs leave out
    chars = face.glyphToChar.get(gid)
    if chars:
        return chr(chars[0])
    code = PRIVATE_USE
    while code in face.charToGlyph:
        code += 1
    face.charToGlyph[code] = gid
    face.glyphToChar.setdefault(gid, []).append(code)
    face.charWidths[code] = face._pdfScale(face.hmetrics[gid][0])
    return chr(code)


def _text_string(text: str) -> str:
    """A PDF text string in UTF-16 (with its byte order mark), written in hex."""
    return f"<FEFF{text.encode('utf-16-be').hex().upper()}>"
