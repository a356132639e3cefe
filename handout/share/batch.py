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
import signal
import unicodedata
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from handout.content.furniture import check_details
from handout.content.schema import number_ranges, quoted, read_text
from handout.draw.render import render_page
from handout.errors import HandoutError
from handout.model import Page
from handout.pipeline import SheetRequest, make_page, unprintable
from handout.share.atomic import write_atomic

MAX_ROWS = 10_000
"""Sheets one batch makes: a big club's whole membership; more is a wrong file, or hours of building."""
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
    roster: str
    """The roster as the coach named it, for the rows' messages."""


@dataclass(frozen=True)
class Outcome:
    """How one row went: built (its file written), its page (--merge), or why it failed."""

    line: int
    page: Page | None = None
    """With --merge, the laid-out page, drawn into the merged PDF by the main process."""
    errors: tuple[str, ...] = ()
    """Each problem as a message naming the roster file and the row's line."""


def read_roster(path: Path, shown_as: str) -> list[Row]:
    """The roster's rows; a missing file, a bad header, a quote that never closes, or no rows at all
    stops the batch before it starts. A row with the wrong number of cells is that row's problem."""
    text = read_text(path, shown_as, "roster")
    lines = _csv_lines(text, shown_as)
    if not lines:
        raise HandoutError(
            f"{shown_as}: no header row: the first line must name the columns, like name,group"
        )
    header_line, header = lines[0]
    if not any(cell.strip() for cell in header):
        raise HandoutError(
            f"{shown_as}: no header row: the first line must name the columns, like name,group"
        )
    columns = [cell.strip() for cell in header]
    where = f"{shown_as}: line {header_line}"
    _, problems = check_details(dict.fromkeys(columns, ""), where)
    problems += [
        f"{where}: the column {quoted(column)} comes twice: give each column its own name"
        for column in sorted({column for column in columns if columns.count(column) > 1})
    ]
    if problems:
        raise HandoutError(*problems)
    name_column = "name" if "name" in columns else columns[0]
    rows: list[Row] = []
    used_stems: dict[str, int] = {}
    if len(lines) - 1 > MAX_ROWS:
        raise HandoutError(
            f"{shown_as}: {len(lines) - 1:,} rows: a batch makes at most {MAX_ROWS:,} sheets; "
            "split the roster"
        )
    for line, cells in lines[1:]:
        if not any(cell.strip() for cell in cells):
            continue
        where = f"{shown_as}: line {line}"
        cells_by_column = {column: cell for column, cell in zip(columns, cells, strict=False) if cell.strip()}
        details, problems = check_details(cells_by_column, where)
        problems += [
            problem
            for name, cell in details.items()
            for problem in unprintable(f"{where}: {quoted(name)}", cell)
        ]
        if len(cells) != len(columns):
            problems.append(
                f"{where}: {len(cells)} cell{'s' * (len(cells) != 1)}, but the header names {len(columns)} "
                "columns: check for a stray or missing comma (put a cell with a comma in double quotes)"
            )
        stem = (
            "" if problems else _unique(file_stem(details.get(name_column, "")) or f"line-{line}", used_stems)
        )
        rows.append(Row(line, details, stem, tuple(problems)))
    if not rows:
        raise HandoutError(f"{shown_as}: no rows under the header: add one line per runner")
    return rows


def _csv_lines(text: str, shown_as: str) -> list[tuple[int, list[str]]]:
    """Each CSV row with the line it starts on. A cell that runs over a line break (a double quote
    that opens and does not close on its line) is refused: no roster cell is more than one line, and
    an unclosed quote would swallow every later runner into one cell."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, list[str]]] = []
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return rows
        except csv.Error as error:
            raise HandoutError(_csv_problem(shown_as, start, str(error))) from None
        if reader.line_num > start and any("\n" in cell or "\r" in cell for cell in cells):
            raise HandoutError(
                f'{shown_as}: line {start}: a double quote (") opens here and does not close on this line '
                f"(the cell runs on to line {reader.line_num}): close it, or remove it"
            )
        rows.append((start, cells))


def _csv_problem(shown_as: str, line: int, reason: str) -> str:
    """The CSV module's complaint in a coach's words."""
    if "field larger than field limit" in reason:
        limit = csv.field_size_limit() // 1024
        why = f"a cell is over {limit} KB: a roster cell holds a name, a group or a date"
    elif "unexpected end of data" in reason or "EOF" in reason:
        why = 'a double quote (") opens here and never closes: close it, or remove it'
    elif "NUL" in reason:
        why = "it holds a NUL character, so it is not text: save the spreadsheet as CSV (UTF-8)"
    else:
        why = f"it is not valid CSV ({reason}): put a cell with a comma or a double quote in double quotes"
    return f"{shown_as}: line {line}: {why}"


def file_stem(value: str) -> str:
    """A file name from a cell: "Ana García" -> "ana-garcia"; accents dropped, anything odd a dash."""
    plain = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:60]


def _unique(stem: str, used: dict[str, int]) -> str:
    """`stem`, or `stem`-2, -3 ... when taken; `used` keeps the next number to try for each stem, so
    thousands of runners of one name cost no more than thousands of names."""
    candidate, number = stem, used.get(stem, 2)
    while candidate in used:
        candidate, number = f"{stem}-{number}", number + 1
    used[stem] = number
    used.setdefault(candidate, 2)
    return candidate


class RowBuilder:
    """Builds every row, in roster order, in `workers` processes (1: in this process), as an iterator
    of outcomes.

    On Ctrl-C, `stop()` lets the workers (which ignore it) finish the rows they have started, whole, starts
    no other, and returns how those finished rows went: a coach is told exactly what was built.
    """

    def __init__(self, job: Job, rows: list[Row], workers: int) -> None:
        self.job, self.rows, self.workers = job, rows, workers
        self.pool: ProcessPoolExecutor | None = None
        self.chunks: list[Future[list[Outcome]]] = []
        self.yielded = 0

    def __iter__(self) -> Iterator[Outcome]:
        if self.workers == 1:
            _job_for_this_process(self.job)
            yield from map(_build, self.rows)
            return
        self.pool = ProcessPoolExecutor(self.workers, initializer=_start_worker, initargs=(self.job,))
        chunks = [self.rows[start : start + CHUNK] for start in range(0, len(self.rows), CHUNK)]
        self.chunks = [self.pool.submit(_build_chunk, chunk) for chunk in chunks]
        for future in self.chunks:
            outcomes = future.result()
            self.yielded += 1
            yield from outcomes
        self.pool.shutdown()

    def stop(self) -> list[Outcome]:
        """Stop after the rows being built; their outcomes (not yet seen through the iterator)."""
        if self.pool is None:
            return []
        self.pool.shutdown(wait=True, cancel_futures=True)
        late = self.chunks[self.yielded :]
        return [
            outcome
            for future in late
            if future.done() and not future.cancelled()
            for outcome in future.result()
        ]


def _build_chunk(rows: list[Row]) -> list[Outcome]:
    return [_build(row) for row in rows]


_job: Job | None = None
"""The batch a worker process builds for, set once when the worker starts."""


def _start_worker(job: Job) -> None:
    """A worker ignores Ctrl-C: the main process stops the batch, and the sheet being written is finished."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _job_for_this_process(job)


def _job_for_this_process(job: Job) -> None:
    global _job
    _job = job


def _build(row: Row) -> Outcome:
    if row.problems:
        return Outcome(row.line, errors=row.problems)
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
        return Outcome(
            row.line, errors=tuple(f"{job.roster}: line {row.line}: {message}" for message in error.messages)
        )


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def worker_count(requested: int | None, rows: int) -> int:
    """--jobs, or one per core; never more than the cores or the rows to build (idle processes cost
    start-up time and memory, and more processes than cores only take turns)."""
    if requested is not None and requested < 1:
        raise HandoutError(f"--jobs {requested}: give 1 or more worker processes")
    cores = default_workers()
    return max(1, min(requested or cores, cores, rows))


def grouped_errors(outcomes: list[Outcome]) -> list[str]:
    """The rows' errors, each problem once: the same problem on many rows is one line naming them all
    ("members.csv: lines 2-40 (39 rows): ...") instead of one line per row."""
    lines_by_problem: dict[tuple[str, str], list[int]] = {}
    for outcome in outcomes:
        for message in outcome.errors:
            match = _ROW_MESSAGE.match(message)
            key = (match[1], match[3]) if match else ("", message)
            lines_by_problem.setdefault(key, []).append(outcome.line)
    messages = []
    for (roster, problem), lines in lines_by_problem.items():
        if not roster:
            messages.append(problem)
        elif len(lines) == 1:
            messages.append(f"{roster}: line {lines[0]}: {problem}")
        else:
            messages.append(f"{roster}: lines {number_ranges(lines)} ({len(lines)} rows): {problem}")
    return messages


_ROW_MESSAGE = re.compile(r"(.*?): line (\d+): (.*)", re.DOTALL)
