"""handout batch: a roster -> one sheet per row, with a progress bar, rows that fail reported by line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from handout.cli.sheets import output_path, sheet_inputs, sheet_request
from handout.cli.status import EXIT_INTERRUPTED, EXIT_SOME_ROWS_FAILED, print_errors
from handout.share.atomic import write_atomic
from handout.share.output_target import check_folder_targets, check_output


def run_batch(args: argparse.Namespace) -> int:
    from handout.draw.render import render_pages
    from handout.share.batch import Job, Outcome, RowBuilder, grouped_errors, read_roster, worker_count

    roster = Path(args.roster)
    if args.jobs is not None:
        worker_count(args.jobs, 1)  # a bad --jobs is refused before the roster is read
    rows = read_roster(roster, args.roster)
    request = sheet_request(args)
    inputs = [("the roster", roster), *sheet_inputs(args, request)]
    if args.merge:
        merged = output_path(args.output, f"{roster.stem}.pdf")
        check_output(merged, inputs, "pdf", force=args.force)
        folder = merged.parent
    else:
        folder = Path(args.output) if args.output else Path("build") / roster.stem
        sheets = [folder / f"{row.file_stem}.pdf" for row in rows if not row.problems]
        check_folder_targets(folder, sheets, inputs, force=args.force)
    job = Job(request, folder, args.merge, args.roster)
    buildable = sum(1 for row in rows if not row.problems)
    outcomes: list[Outcome] = []
    builder = RowBuilder(job, rows, worker_count(args.jobs, buildable))
    try:
        with progress_bar(len(rows)) as bar:
            for outcome in builder:
                outcomes.append(outcome)
                bar.update(1)
    except KeyboardInterrupt:
        outcomes += builder.stop()
        done = sum(1 for outcome in outcomes if not outcome.errors)
        what = (
            "no merged PDF was written"
            if args.merge
            else f"{done} of {len(rows)} sheets were built (in {folder})"
        )
        print(f"error: interrupted: {what}; run the batch again to build them all", file=sys.stderr)
        return EXIT_INTERRUPTED
    print_errors(grouped_errors(outcomes))
    pages = [outcome.page for outcome in outcomes if outcome.page is not None]
    if pages:
        write_atomic(merged, render_pages(pages))
        print(merged)
    failed = [outcome.line for outcome in outcomes if outcome.errors]
    built = len(outcomes) - len(failed)
    print(f"{built} of {len(rows)} sheets built" + ("" if args.merge else f" in {folder}"))
    if failed:
        lines = ", ".join(map(str, failed[:10])) + (" ..." if len(failed) > 10 else "")
        rows_failed = "1 row" if len(failed) == 1 else f"{len(failed)} rows"
        print(
            f"{rows_failed} failed (line{'s' * (len(failed) > 1)} {lines}): see the errors above",
            file=sys.stderr,
        )
        return EXIT_SOME_ROWS_FAILED
    return 0


def progress_bar(total: int) -> Any:
    """tqdm's bar on a terminal; without one (a log, CI), a plain line at every tenth of the rows.

    It counts rows done, built or failed: the sheets built are counted at the end."""
    if sys.stderr.isatty():
        from tqdm import tqdm

        return tqdm(total=total, unit="row", file=sys.stderr)
    return PlainProgress(total)


class PlainProgress:
    """Progress as plain lines, for logs: a carriage-return bar would fill them with noise."""

    def __init__(self, total: int) -> None:
        self.total, self.done, self.step = total, 0, max(1, total // 10)

    def __enter__(self) -> PlainProgress:
        return self

    def __exit__(self, *exception: object) -> None:
        return None

    def update(self, count: int) -> None:
        self.done += count
        if self.done % self.step == 0 or self.done == self.total:
            print(f"{self.done} of {self.total} rows done", file=sys.stderr)

    def write(self, line: str) -> None:
        print(line, file=sys.stderr)
