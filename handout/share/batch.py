"""Build one personalised sheet per roster row: roster CSV + routine + layout -> many PDFs, or one merged PDF.

A roster is a spreadsheet saved as CSV: a header row naming the columns (name, group, date, or any detail
the layout's header and footer use), then one row per runner. Each row's cells are details on top of
the routine's [details] and the command line's --set. Rows are built in parallel worker processes,
started once with the routine and layout already loaded; a row that fails is reported with its line
number and the other rows still build.
"""

from __future__ import annotations

import csv
import io
import os
import re
import unicodedata
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from handout.content.furniture import check_details
from handout.content.schema import read_text
from handout.draw.render import render_page
from handout.errors import HandoutError
from handout.model import Page
from handout.pipeline import SheetRequest, make_page, unprintable
from handout.share.atomic import write_atomic

CHUNK = 8
"""Rows handed to a worker at a time: few enough to keep both cores busy to the end."""


@dataclass(frozen=True)
class Row:
    line: int
    """The row's line number in the roster file, for messages."""
    details: dict[str, str]
    file_stem: str
    problems: tuple[str, ...] = ()
    """What is wrong with the row's own cells: it is reported, not built."""


@dataclass(frozen=True)
class Job:
    """What every worker needs, sent to it once when it starts."""

    request: SheetRequest
    folder: Path
    merge: bool


@dataclass(frozen=True)
class Outcome:
    """How one row went: built (its file written), its page (--merge), or why it failed."""

    line: int
    page: Page | None = None
    """With --merge, the laid-out page, drawn into the merged PDF by the main process."""
    error: str | None = None


def read_roster(path: Path, shown_as: str) -> list[Row]:
    """The roster's rows; a missing file, a bad header or no rows at all stops the batch before it starts."""
    text = read_text(path, shown_as, "roster")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if not header or not any(cell.strip() for cell in header):
        raise HandoutError(
            f"{shown_as}: no header row: the first line must name the columns, like name,group"
        )
    columns = [cell.strip() for cell in header]
    _, problems = check_details(dict.fromkeys(columns, ""), f"{shown_as}: line 1")
    problems += [
        f'{shown_as}: line 1: the column "{column}" comes twice: give each column its own name'
        for column in sorted({column for column in columns if columns.count(column) > 1})
    ]
    if problems:
        raise HandoutError(*problems)
    name_column = "name" if "name" in columns else columns[0]
    rows: list[Row] = []
    used_stems: set[str] = set()
    for cells in reader:
        if not any(cell.strip() for cell in cells):
            continue
        line = reader.line_num
        where = f"{shown_as}: line {line}"
        cells_by_column = {column: cell for column, cell in zip(columns, cells, strict=False) if cell.strip()}
        details, problems = check_details(cells_by_column, where)
        problems += [
            problem for name, cell in details.items() for problem in unprintable(f'{where}: "{name}"', cell)
        ]
        if len(cells) > len(columns):
            problems.append(
                f"{where}: {len(cells)} cells, but the header names {len(columns)} columns: "
                "check for a stray comma (put a cell with a comma in double quotes)"
            )
        stem = (
            "" if problems else _unique(file_stem(details.get(name_column, "")) or f"line-{line}", used_stems)
        )
        rows.append(Row(line, details, stem, tuple(problems)))
    if not rows:
        raise HandoutError(f"{shown_as}: no rows under the header: add one line per runner")
    return rows


def file_stem(value: str) -> str:
    """A file name from a cell: "Ana García" -> "ana-garcia"; accents dropped, anything odd a dash."""
    plain = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:60]


def _unique(stem: str, used: set[str]) -> str:
    candidate, number = stem, 2
    while candidate in used:
        candidate, number = f"{stem}-{number}", number + 1
    used.add(candidate)
    return candidate


def build_rows(job: Job, rows: list[Row], workers: int) -> Iterator[Outcome]:
    """Build every row, in roster order, in `workers` processes (1: in this process)."""
    if workers == 1:
        _start_worker(job)
        yield from map(_build, rows)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(job,)) as pool:
        yield from pool.map(_build, rows, chunksize=CHUNK)


_job: Job | None = None
"""The batch a worker process builds for, set once when the worker starts."""


def _start_worker(job: Job) -> None:
    global _job
    _job = job


def _build(row: Row) -> Outcome:
    if row.problems:
        return Outcome(row.line, error="; ".join(row.problems))
    job = _job
    assert job is not None, "the worker was started without its job"
    try:
        request = job.request
        page = make_page(request.routine, request.layout, request.paper, {**request.settings, **row.details})
        if job.merge:
            return Outcome(row.line, page=page)
        write_atomic(job.folder / f"{row.file_stem}.pdf", render_page(page))
        return Outcome(row.line)
    except HandoutError as error:
        return Outcome(row.line, error="; ".join(f"line {row.line}: {message}" for message in error.messages))


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
