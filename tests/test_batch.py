"""`handout batch`: a personalised sheet per roster row, in parallel; bad rows reported; one merged PDF."""

from __future__ import annotations

import csv
from pathlib import Path

import pypdf
import pytest
from conftest import error_mentions

from handout.share.batch import file_stem

ROSTER = [
    ["name", "group", "date"],
    ["Ana García", "Group A", "2026-12-05"],
    ["Ben Okafor", "", "2026-12-05"],
    ["Chloé Martin", "Group B", "2026-12-06"],
    ["Ana García", "Group C", "2026-12-06"],
]


def write_roster(folder: Path, rows: list[list[str]], name: str = "members.csv") -> Path:
    path = folder / name
    with path.open("w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows(rows)
    return path


def text_of(path: Path, page: int = 0) -> str:
    return " ".join(pypdf.PdfReader(path).pages[page].extract_text().split())


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_one_named_sheet_per_row(run_cli, tmp_path, jobs):
    write_roster(tmp_path, ROSTER)
    result = run_cli("batch", "members.csv", "--jobs", jobs, "--set", "club=Riverside Runners")
    assert result.code == 0, result.err
    folder = tmp_path / "build" / "members"
    assert sorted(path.name for path in folder.iterdir()) == [
        "ana-garcia-2.pdf",
        "ana-garcia.pdf",
        "ben-okafor.pdf",
        "chloe-martin.pdf",
    ]
    assert "Riverside Runners · 5 December 2026 — Ana García (Group A)" in text_of(folder / "ana-garcia.pdf")
    assert "Riverside Runners · 6 December 2026 — Ana García (Group C)" in text_of(
        folder / "ana-garcia-2.pdf"
    )
    ben = text_of(folder / "ben-okafor.pdf")
    assert "— Ben Okafor Stretches after your run" in ben, "an empty cell is a detail not set"
    assert "4 of 4 sheets built" in result.out
    assert result.err.splitlines()[-1] == "4 of 4 rows done"


def test_a_bad_row_is_reported_with_its_line_and_the_others_still_build(run_cli, tmp_path):
    rows = [*ROSTER[:2], ["Ben, the fast one", "Group B", "2026-12-05", "extra"], ROSTER[3]]
    write_roster(tmp_path, rows)
    result = run_cli("batch", "members.csv", "--jobs", "2")
    assert result.code == 1
    errors = [line for line in result.err.splitlines() if line.startswith("error:")]
    assert errors == [
        "error: members.csv: line 3: 4 cells, but the header names 3 columns: "
        "check for a stray or missing comma (put a cell with a comma in double quotes)"
    ]
    assert "1 row failed (line 3): see the errors above" in result.err
    assert "Traceback" not in result.err
    assert sorted(path.name for path in (tmp_path / "build" / "members").iterdir()) == [
        "ana-garcia.pdf",
        "chloe-martin.pdf",
    ]


def test_a_row_the_layout_cannot_fill_fails_alone(run_cli, write_routine, tmp_path):
    """A cell too long for the header line is that row's problem, not the batch's."""
    write_roster(tmp_path, [["name"], ["Ana"], ["x" * 301], ["Ben"]])
    result = run_cli("batch", "members.csv", "--jobs", "1")
    assert result.code == 1
    error_lines = [line for line in result.err.splitlines() if line.startswith("error:")]
    assert len(error_lines) == 1
    assert error_lines[0].startswith('error: members.csv: line 3: "name" is 301 characters long')


def test_a_cell_with_a_character_no_font_has_is_named_by_line_and_column_not_as_a_set_option(
    run_cli, tmp_path
):
    write_roster(tmp_path, [["name", "group"], ["Ana \U0001f600", "A"], ["Ben", "B"]])
    result = run_cli("batch", "members.csv", "--jobs", "1")
    assert result.code == 1
    error_lines = [line for line in result.err.splitlines() if line.startswith("error:")]
    assert error_lines == [
        'error: members.csv: line 2: "name": the character "\U0001f600" (U+1F600) cannot be printed with '
        "the font: replace or remove it"
    ]
    assert sorted(path.name for path in (tmp_path / "build" / "members").iterdir()) == ["ben.pdf"]


def test_merge_writes_one_pdf_with_a_page_per_row_in_roster_order(run_cli, tmp_path):
    write_roster(tmp_path, ROSTER)
    result = run_cli("batch", "members.csv", "--merge", "--jobs", "2", "-o", "print-shop.pdf")
    assert result.code == 0, result.err
    merged = tmp_path / "print-shop.pdf"
    reader = pypdf.PdfReader(merged)
    assert len(reader.pages) == 4
    names = [row[0] for row in ROSTER[1:]]
    for number, name in enumerate(names):
        assert f"— {name}" in text_of(merged, number)
    one_sheet = len(pypdf.PdfReader(merged).pages[0].extract_text())
    assert one_sheet > 500
    assert merged.stat().st_size < 4 * 30_000, "the fonts and figures are not repeated per page"
    assert not (tmp_path / "build").exists()


@pytest.mark.parametrize(
    ("content", "fragments"),
    [
        (None, ["members.csv", "no such roster file"]),
        ("", ["members.csv", "no header row"]),
        ("name,group\n", ["members.csv", "no rows"]),
        ("first name,group\nAna,A\n", ["members.csv", "line 1", '"first name" cannot be a detail name']),
        ("title\nMy title\n", ["members.csv", "title"]),
        ("name,group,name\nAna,A,Ana\n", ["members.csv", "line 1", '"name" comes twice']),
    ],
)
def test_a_roster_that_cannot_be_used_stops_before_building(run_cli, tmp_path, content, fragments):
    if content is not None:
        (tmp_path / "members.csv").write_text(content, encoding="utf-8")
    result = run_cli("batch", "members.csv")
    error_mentions(result, *fragments)
    assert not (tmp_path / "build").exists()


def test_zero_jobs_is_refused(run_cli, tmp_path):
    write_roster(tmp_path, ROSTER)
    error_mentions(run_cli("batch", "members.csv", "--jobs", "0"), "--jobs 0")


@pytest.mark.parametrize(
    ("cell", "stem"),
    [("Ana García", "ana-garcia"), ("  O'Brien, Seán ", "o-brien-sean"), ("李雷", ""), ("../../etc", "etc")],
)
def test_file_names_come_from_the_cell_and_stay_in_the_folder(cell, stem):
    assert file_stem(cell) == stem
