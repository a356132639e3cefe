"""The yardstick for a cold build: the default sheet drawn by hand-written reportlab code, nothing else.

`python reference_sheet.py PAGE.json OUT.pdf` draws what PAGE.json lists (every text line with its font,
size, colour and position; the card frames; each figure's PDF path operators) with the same two embedded
DejaVu fonts, compressed and deterministic like handout's own sheet. It imports only reportlab and the
standard library, so its time is reportlab's floor for this page: bench_build.py writes PAGE.json from the
default sheet (`dump_page`) and times `handout build` against this script in one interleaved run.
"""

from __future__ import annotations

import json
import sys

from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.pdfbase.pdfmetrics import registerFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

rl_config.useA85 = 0


def main(page_file: str, out_file: str) -> None:
    with open(page_file, encoding="utf-8") as handle:
        page = json.load(handle)
    for name, path in page["fonts"].items():
        registerFont(TTFont(name, path))
    canvas = Canvas(out_file, pagesize=(page["width"], page["height"]), pageCompression=1, invariant=1)
    canvas.setTitle(page["title"])
    height = page["height"]
    for frame in page["frames"]:
        x, y, width, frame_height, color, line_width, radius = frame
        canvas.setStrokeColor(HexColor(color))
        canvas.setLineWidth(line_width)
        canvas.roundRect(x, height - y - frame_height, width, frame_height, radius, stroke=1, fill=0)
    for left, top, operators in page["figures"]:
        canvas.saveState()
        canvas.transform(1, 0, 0, -1, left, height - top)
        canvas.addLiteral(operators)
        canvas.restoreState()
    for x, baseline, runs in page["lines"]:
        text = canvas.beginText(x, height - baseline)
        cursor = x
        for run_x, color, font, size, string in runs:
            if run_x != cursor:
                text.moveCursor(run_x - cursor, 0)
                cursor = run_x
            text.setFillColor(HexColor(color))
            text.setFont(font, size)
            text.textOut(string)
        text.textLine()
        canvas.drawText(text)
    canvas.showPage()
    canvas.save()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
