"""Shared helpers: routine files written from dicts or text, the CLI run in-process, PDFs read back."""

from __future__ import annotations

import copy
import io
import itertools
import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber
import pypdf
import pytest
from pypdf.generic import ContentStream

from handout.cli import main
from handout.content.sheet_words import words_for
from handout.draw import render
from handout.layout import cjk
from handout.layout.layout_file import load_layout
from handout.model import Rect

MM = 72 / 25.4
MIN_MARGIN = 12 * MM
"""Printer-safe margin: no text may come closer to the edge of the sheet (34.0 pt)."""
PAPER_SIZES = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}
DEFAULT_PDF = Path("build") / "after-running-grid-a4.pdf"
THOROUGH = os.environ.get("HANDOUT_THOROUGH") == "1"
"""`HANDOUT_THOROUGH=1 pytest` runs every property test at its full example count, as before a release."""


def examples(full: int) -> int:
    """How many examples a property test tries: a quarter of its full count on every run, which keeps the
    suite quick (the derandomized ones try the same examples each time; the others new ones each run, so
    runs add up), and the full count when HANDOUT_THOROUGH=1."""
    return full if THOROUGH else max(10, full // 4)


# A realistic routine without images, so that it does not depend on the bundled illustrations: its
# names are the library's, so `image = "none"` keeps them from getting its figures by name.
REALISTIC: dict[str, Any] = {
    "title": "Cool-down after football training",
    "subtitle": "Walk for two minutes, then hold each stretch on both sides while your muscles are warm.",
    "stretches": [
        {
            "name": "Standing calf stretch",
            "image": "none",
            "target": "Calves (back of the lower leg)",
            "hold": "20–30 s each leg",  # noqa: RUF001
            "key_points": [
                "Face a wall and put both hands on it at shoulder height.",
                "Step one foot back and press its heel into the floor, toes pointing forward.",
                "Bend the front knee slowly until you feel a stretch in the back calf.",
            ],
        },
        {
            "name": "Kneeling hip flexor stretch",
            "image": "none",
            "target": "Hip flexors (front of the hip)",
            "hold": "30 s each side",
            "key_points": [
                "Kneel on one knee with the other foot flat in front of you.",
                "Tuck your pelvis under and keep your chest upright.",
                "Shift your weight forward until you feel a stretch at the front of the back hip.",
                "Raise the arm on the kneeling side for a deeper stretch.",
            ],
        },
        {
            "name": "Butterfly stretch",
            "image": "none",
            "target": "Adductors (inner thigh)",
            "key_points": [
                "Sit tall with the soles of your feet together and your knees out to the sides.",
                "Hold your ankles and let your knees sink towards the floor.",
            ],
        },
        {
            "name": "Lying glute stretch",
            "image": "none",
            "target": "Glutes (buttocks)",
            "hold": "20–30 s each side",  # noqa: RUF001
            "key_points": [
                "Lie on your back with both knees bent.",
                "Cross one ankle over the other knee.",
                "Pull the lower thigh towards your chest until you feel a stretch in the buttock.",
                "Keep your head and shoulders relaxed on the floor.",
                "Breathe out slowly as you ease further into it.",
            ],
        },
    ],
}

PAGE_LABELS = (
    "Title",
    "Subtitle",
    "Club",
    "Date",
    "Web address",
    "Contact",
    "Search stretches",
    "Layout",
    "Paper",
    "Orientation",
    "Grayscale",
    "Language",
)
"""The editor page's field labels the web issue names, exactly: screen readers and tests find them."""
STRETCH_LABELS = ("Name", "Target", "Hold", "Key points", "Photo")
"""The labels of each "Stretch N" fieldset's fields."""


def library_stretch_fields(number: int, entry_id: str) -> dict[str, str]:
    """A library stretch's fields as the editor page sends them back as stretch `number`: what the coach
    sees, and its cues and drawing in hidden fields."""
    from handout.content.library import library

    entry = library()[entry_id]
    prefix = f"s{number}-"
    return {
        f"{prefix}name": entry["name"],
        f"{prefix}target": entry["target"],
        f"{prefix}hold": entry.get("hold", ""),
        f"{prefix}points": "\n".join(entry["key_points"]),
        f"{prefix}cues": "\n".join(entry.get("cues", [])),
        f"{prefix}figure": entry_id,
    }


def realistic(count: int = 4) -> dict[str, Any]:
    """A fresh copy of the realistic routine with `count` stretches (1 to 8; repeated with new names)."""
    data = copy.deepcopy(REALISTIC)
    base = data["stretches"]
    stretches = []
    for index in range(count):
        stretch = copy.deepcopy(base[index % len(base)])
        if index >= len(base):
            stretch["name"] = f"{stretch['name']} (round {index // len(base) + 1})"
        stretches.append(stretch)
    data["stretches"] = stretches
    return data


def toml_value(value: Any) -> str:
    """A TOML literal; JSON's string escapes are valid TOML basic strings."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    raise TypeError(f"cannot write {value!r} as TOML here")


def to_toml(data: dict[str, Any]) -> str:
    """Top-level keys, then one [[stretches]] table per stretch (any other list of tables is not needed)."""
    lines = [f"{key} = {toml_value(value)}" for key, value in data.items() if key != "stretches"]
    for stretch in data.get("stretches", []):
        lines += ["", "[[stretches]]"]
        lines += [f"{key} = {toml_value(value)}" for key, value in stretch.items()]
    return "\n".join(lines) + "\n"


def unembedded_fonts(pdf: bytes) -> list[str]:
    """The base names of the fonts a PDF uses without embedding them, on any page or in any form."""
    missing: list[str] = []
    seen: set[int] = set()

    def walk(resources: Any) -> None:
        resources = resources.get_object() if resources is not None else {}
        for reference in resources.get("/Font", {}).values():
            font = reference.get_object()
            if id(font) in seen:
                continue
            seen.add(id(font))
            described = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = described.get("/FontDescriptor")
            files = ("/FontFile", "/FontFile2", "/FontFile3")
            if descriptor is None or not any(key in descriptor.get_object() for key in files):
                missing.append(str(font.get("/BaseFont")))
        for reference in resources.get("/XObject", {}).values():
            form = reference.get_object()
            if form.get("/Subtype") == "/Form":
                walk(form.get("/Resources"))

    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        walk(page.get("/Resources"))
    return missing


def actual_texts(path: Path | io.BytesIO) -> list[str]:
    """The /ActualText of every marked-content span, in the order the page's content draws them: the
    text a screen reader or a search reads for the shaped glyphs."""
    reader = pypdf.PdfReader(path)
    page = reader.pages[0]
    content = ContentStream(page.get_contents(), reader)
    return [
        str(operands[1]["/ActualText"])
        for operands, operator in content.operations
        if operator == b"BDC" and "/ActualText" in operands[1]
    ]


@pytest.fixture(autouse=True)
def every_font_embedded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every PDF a test makes embeds every font it uses: a test fails the moment one does not."""
    draw = render.render_pages

    def checked(pages: Any) -> bytes:
        pdf = draw(pages)
        missing = unembedded_fonts(pdf)
        assert not missing, f"fonts not embedded: {missing}"
        return pdf

    checked.__wrapped__ = draw  # type: ignore[attr-defined]  # for the one test of an unembedded fallback
    monkeypatch.setattr(render, "render_pages", checked)


@pytest.fixture
def write_routine(tmp_path: Path) -> Callable[..., Path]:
    """Write a routine file into tmp_path from a dict, TOML text or raw bytes; returns its path."""

    def write(content: dict[str, Any] | str | bytes, name: str = "routine.toml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, dict):
            content = to_toml(content)
        if isinstance(content, str):
            content = content.encode("utf-8")
        path.write_bytes(content)
        return path

    return write


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str

    @property
    def error_lines(self) -> list[str]:
        return self.err.splitlines()


@pytest.fixture
def run_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[..., Run]:
    """Run `handout ARGS...` in-process from tmp_path; returns exit code, stdout and stderr."""
    monkeypatch.chdir(tmp_path)

    def run(*argv: str | Path) -> Run:
        capsys.readouterr()
        try:
            code = main([str(arg) for arg in argv])
        except SystemExit as exit_:  # argparse's --help and --version exit like a real command
            code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture
def build_pdf(
    tmp_path: Path, write_routine: Callable[..., Path], run_cli: Callable[..., Run]
) -> Callable[..., Path]:
    """Build a routine (dict or text) into tmp_path/out.pdf with extra CLI args; fails on any error."""

    def build(content: dict[str, Any] | str, *args: str, name: str = "routine.toml") -> Path:
        routine = write_routine(content, name)
        output = tmp_path / f"{routine.stem}-{len(list(tmp_path.glob('*.pdf')))}.pdf"
        result = run_cli("build", routine, "-o", output, *args)
        assert result.code == 0, result.err
        assert result.err == ""
        assert output.is_file()
        return output

    return build


@pytest.fixture
def open_pdf() -> Iterator[Callable[[Path], pdfplumber.PDF]]:
    """Open a PDF with pdfplumber; closed when the test ends."""
    opened: list[pdfplumber.PDF] = []

    def open_(path: Path) -> pdfplumber.PDF:
        pdf = pdfplumber.open(path)
        opened.append(pdf)
        return pdf

    yield open_
    for pdf in opened:
        pdf.close()


def normalise(text: str) -> str:
    """Collapse every run of whitespace (line breaks of wrapped lines included) into one space; a line
    that ends on a word's own hyphen ("same-" then "side") goes on without one, as the sheet reads."""
    return " ".join(re.sub(r"(?<=[^\W\d_]-)\s+(?=[^\W\d_])", "", text).split())


def assert_in_order(text: str, expected: list[str]) -> None:
    """Each expected string occurs in `text` (whitespace normalised), each after the one before."""
    haystack = normalise(text)
    position = 0
    for item in expected:
        found = haystack.find(normalise(item), position)
        assert found >= 0, f"{item!r} missing after position {position} in {haystack[position:]!r}"
        position = found + len(normalise(item))


def reading_order(frames: list[Rect]) -> str:
    """How cards, given in the routine's order, are read: "rows" (left to right along a row, each row
    below the one before, every row from the margin) or "columns" (down a column, each column right of
    the one before, every column from the cards' top, as a newspaper's). Fails when they are neither."""
    tolerance = 0.5

    def runs(along: Callable[[Rect], float]) -> list[list[Rect]]:
        found: list[list[Rect]] = []
        for frame in frames:
            if found and abs(along(frame) - along(found[-1][0])) < tolerance:
                found[-1].append(frame)
            else:
                found.append([frame])
        return found

    rows = runs(lambda frame: frame.y)
    if all(
        all(after.x > before.right for before, after in itertools.pairwise(row))
        and abs(row[0].x - frames[0].x) < tolerance
        and (index == 0 or row[0].y > rows[index - 1][0].bottom - tolerance)
        for index, row in enumerate(rows)
    ):
        return "rows"
    columns = runs(lambda frame: frame.x)
    assert all(
        all(after.y > before.bottom for before, after in itertools.pairwise(column))
        and abs(column[0].y - frames[0].y) < tolerance
        and (index == 0 or column[0].x > columns[index - 1][0].right)
        for index, column in enumerate(columns)
    ), f"cards neither in rows nor in columns: {frames}"
    return "columns"


def _all_text(value: Any) -> list[str]:
    """Every string in a routine's data, to tell the sheet's language the way the build does."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _all_text(item)]
    if isinstance(value, list):
        return [text for item in value for text in _all_text(item)]
    return []


def expected_sequence(data: dict[str, Any], layout: str = "grid") -> list[str]:
    """What the sheet must print, in reading order: title, subtitle, then each stretch's lines.

    The layout decides which of them show (the poster leaves out the subtitle and the hold, and numbers
    the short cues instead of the key points where a stretch has them).
    """
    shown = load_layout(layout)
    words = words_for(data.get("lang") or cjk.language(_all_text(data)) or "en")
    sequence = [data["title"]]
    if data.get("subtitle") and shown.show_subtitle:
        sequence.append(data["subtitle"])
    for stretch in data["stretches"]:
        points = (
            stretch.get("cues") if shown.points == "cues" and stretch.get("cues") else stretch["key_points"]
        )
        lines = {
            "name": [stretch["name"]],
            "target": [f"{words.target}: {stretch['target']}"],
            "hold": [f"{words.hold}: {stretch['hold']}"] if stretch.get("hold") else [],
            "points": [f"{number}. {point}" for number, point in enumerate(points, start=1)],
        }
        for field in shown.card_fields:
            sequence += lines[field]
    return sequence


def error_mentions(run: Run, *fragments: str) -> None:
    """The run failed as bad input should: exit 2, only `error:` lines, each fragment in the message."""
    assert run.code == 2, (run.code, run.out, run.err)
    assert run.err.strip(), "no error message"
    assert all(line.startswith("error: ") for line in run.error_lines), run.err
    assert "Traceback" not in run.err
    for fragment in fragments:
        assert re.search(re.escape(fragment), run.err, re.IGNORECASE), f"{fragment!r} not in {run.err!r}"
