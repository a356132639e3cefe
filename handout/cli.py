"""The `handout` command: arguments -> pipeline -> file, and every problem as one `error:` line, exit 2.

The commands other than build, preview and the listings import their modules when they run (e-mail,
SMTP, article import, figure export), so that `handout build` starts as fast as it can.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from handout import __version__
from handout.bundled import bundled_names
from handout.content.furniture import parse_settings
from handout.content.routine import library_stretches, load_routine
from handout.content.schema import read_text
from handout.errors import HandoutError
from handout.layout.layout_file import bundled_layouts, grayscale, load_layout
from handout.layout.paper import ORIENTATIONS, PAPERS, orientation_named, oriented, paper_named
from handout.pipeline import SheetRequest, make_pdf, sheet_text
from handout.share.atomic import write_atomic
from handout.share.preview import MAX_WIDTH, MIN_WIDTH, check_width, render_png

DEFAULT_ROUTINE = "after-running"
DEFAULT_SENDER = "handout@localhost"
"""A placeholder: most mail servers want a real address of the club's, given with --from."""
PREVIEW_WIDTH = 1240
"""Pixels: an A4 page at 150 dpi, sharp on a phone and light enough for a chat group."""
EXIT_BAD_INPUT = 2
EXIT_SOME_ROWS_FAILED = 1


class _Parser(argparse.ArgumentParser):
    """argparse, but its complaints come out as our one-line errors instead of a usage dump."""

    def error(self, message: str) -> NoReturn:
        raise HandoutError(f"{message} (see: {self.prog} --help)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="handout",
        description="Turn a routine of stretches into a printable one-page PDF.",
        epilog="Start with: handout build   (the post-run stretching sheet, on A4)",
    )
    parser.add_argument("--version", action="version", version=f"handout {__version__}")
    commands = parser.add_subparsers(title="commands", dest="command", parser_class=_Parser)
    build = commands.add_parser(
        "build",
        help="make the PDF handout of a routine",
        description="Make the one-page PDF handout of a routine and print the path it wrote.",
    )
    add_sheet_arguments(build)
    build.add_argument(
        "-o",
        "--output",
        help="where to write the PDF (default: build/ROUTINE-LAYOUT-PAPER.pdf; -landscape and -grayscale "
        "are added to the name with those options)",
    )
    build.set_defaults(run=run_build)

    preview = commands.add_parser(
        "preview",
        help="make a PNG picture of the sheet, for a website or a chat group",
        description="Make a PNG picture of the sheet, rendered from its PDF, and print the path it wrote.",
    )
    add_sheet_arguments(preview)
    preview.add_argument(
        "-o", "--output", help="where to write the PNG (default: build/ROUTINE-LAYOUT-PAPER.png)"
    )
    preview.add_argument(
        "--width",
        type=int,
        default=PREVIEW_WIDTH,
        metavar="PX",
        help=f"width in pixels, {MIN_WIDTH} to {MAX_WIDTH}; the height follows (default: {PREVIEW_WIDTH})",
    )
    preview.set_defaults(run=run_preview)

    email = commands.add_parser(
        "email",
        help="make an e-mail of the routine, with the sheet attached, or send it",
        description=(
            "Make a ready-to-send e-mail: the routine written out (readable on a phone), a picture of "
            "the sheet and the PDF attached. It writes an .eml file (open it in your mail program), sends "
            "it through a mail server with --smtp, or both."
        ),
    )
    add_sheet_arguments(email)
    email.add_argument("--to", required=True, metavar="ADDRESS", help="who the e-mail is for")
    email.add_argument(
        "--from",
        dest="sender",
        default=DEFAULT_SENDER,
        metavar="ADDRESS",
        help=f"who it is from (default: {DEFAULT_SENDER}, a placeholder: give the club's address)",
    )
    email.add_argument(
        "-o",
        "--output",
        help="where to write the .eml file (default without --smtp: build/ROUTINE-LAYOUT-PAPER.eml)",
    )
    email.add_argument("--smtp", metavar="HOST:PORT", help="send it through this mail server")
    email.set_defaults(run=run_email)

    layouts = commands.add_parser(
        "layouts",
        help="list the bundled layouts",
        description="List the bundled layouts; build with one using --layout NAME.",
    )
    layouts.set_defaults(run=run_layouts)

    stretches = commands.add_parser(
        "stretches",
        help="list the stretch library",
        description='List the library\'s stretches; a routine uses one with use = "ID".',
    )
    stretches.set_defaults(run=run_stretches)

    figures = commands.add_parser(
        "figures",
        help="export the illustrations as SVG and PNG",
        description="Write every bundled illustration as an SVG and a PNG file, for a website or newsletter.",
    )
    figures.add_argument(
        "-o", "--output", type=Path, default=Path("build/figures"), help="folder (default: build/figures)"
    )
    figures.set_defaults(run=run_figures)

    batch = commands.add_parser(
        "batch",
        help="make one personalised sheet per runner of a roster (CSV)",
        description="Make one sheet per row of a roster: a CSV file whose first line names the columns "
        "(name, group, date, or any detail the layout's header and footer print). Rows are built in "
        "parallel; a bad row is reported with its line number and the others still build.",
    )
    batch.add_argument("roster", metavar="ROSTER", help="the roster (.csv, UTF-8, first line: column names)")
    add_sheet_arguments(batch)
    batch.add_argument(
        "-o",
        "--output",
        help="the folder for the sheets (default: build/ROSTER-NAME/), or with --merge the PDF to write "
        "(default: build/ROSTER-NAME.pdf)",
    )
    batch.add_argument("--jobs", type=int, metavar="N", help="worker processes (default: one per core)")
    batch.add_argument(
        "--merge", action="store_true", help="write every sheet as one many-page PDF, for a print shop"
    )
    batch.set_defaults(run=run_batch)

    importer = commands.add_parser(
        "import",
        help="turn a stretching article into a routine file to edit",
        description="Read a plain-text or Markdown stretching article and write a routine file (TOML) "
        "for you to check and edit; print the path it wrote and a warning for each thing to fill in.",
    )
    importer.add_argument("article", type=Path, metavar="ARTICLE", help="the article (.txt or .md, UTF-8)")
    importer.add_argument(
        "-o", "--output", type=Path, help="where to write the routine (default: ARTICLE-NAME.toml here)"
    )
    importer.set_defaults(run=run_import)
    return parser


def add_sheet_arguments(command: argparse.ArgumentParser) -> None:
    """What every command that makes a sheet asks for: the routine, the paper and the layout."""
    command.add_argument(
        "routine",
        nargs="?",
        default=DEFAULT_ROUTINE,
        metavar="ROUTINE",
        help=f"a routine file (.toml) or a bundled routine's name (default: {DEFAULT_ROUTINE})",
    )
    command.add_argument("--paper", default="a4", help=f"paper size: {' or '.join(PAPERS)} (default: a4)")
    command.add_argument(
        "--orientation",
        default="portrait",
        help=f"{' or '.join(ORIENTATIONS)}: landscape turns the sheet on its side; with two-up, each copy "
        "(default: portrait)",
    )
    command.add_argument(
        "--layout",
        default="grid",
        help=f"a bundled layout ({', '.join(bundled_names('layouts'))}) or a layout file (default: grid)",
    )
    command.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help='a detail for the header and footer, like --set club="Riverside Runners" '
        "(also date, url for a QR code, contact); repeat it for each; overrides the routine's [details]",
    )
    command.add_argument(
        "--grayscale",
        action="store_true",
        help="no colour anywhere: colours and photos become grays, to save ink on a colour printer",
    )


@dataclass(frozen=True)
class Sheet:
    """A built sheet and what it was built from: the e-mail writes the routine out beside the PDF."""

    request: SheetRequest
    pdf: bytes


def sheet_request(args: argparse.Namespace) -> SheetRequest:
    settings = parse_settings(args.set)
    orientation = orientation_named(args.orientation)
    paper = oriented(paper_named(args.paper), orientation)
    layout = load_layout(args.layout)
    if args.grayscale:
        layout = grayscale(layout)
    routine = load_routine(args.routine)
    name = f"{routine.name}-{layout.name}-{args.paper.lower()}"
    name += "-landscape" if orientation == "landscape" else ""
    name += "-grayscale" if args.grayscale else ""
    return SheetRequest(routine, layout, paper, settings, name)


def make_sheet(args: argparse.Namespace) -> Sheet:
    request = sheet_request(args)
    return Sheet(request, make_pdf(request.routine, request.layout, request.paper, request.settings))


def output_path(requested: str | None, default_name: str) -> Path:
    """-o as given, or build/DEFAULT_NAME; a folder (one that exists, or any path ending in a slash)
    gets the default name inside it."""
    if requested is None:
        return Path("build") / default_name
    if requested.endswith(("/", os.sep)) or Path(requested).is_dir():
        return Path(requested) / default_name
    return Path(requested)


def run_build(args: argparse.Namespace) -> int:
    sheet = make_sheet(args)
    output = output_path(args.output, f"{sheet.request.name}.pdf")
    write_atomic(output, sheet.pdf)
    print(output)
    return 0


def run_preview(args: argparse.Namespace) -> int:
    check_width(args.width)
    sheet = make_sheet(args)
    output = output_path(args.output, f"{sheet.request.name}.png")
    write_atomic(output, render_png(sheet.pdf, args.width))
    print(output)
    return 0


def run_email(args: argparse.Namespace) -> int:
    from handout.share.mail import IMAGE_WIDTH, check_address, compose_email
    from handout.share.smtp import parse_server, send

    check_address(args.to, "--to")
    check_address(args.sender, "--from")
    if args.smtp:
        parse_server(args.smtp)
    sheet = make_sheet(args)
    request = sheet.request
    own = sheet_text(request.routine, request.layout, request.settings)
    message = compose_email(
        request.routine,
        request.layout,
        words=own.words,
        footer=own.furniture.footer,
        pdf=sheet.pdf,
        png=render_png(sheet.pdf, IMAGE_WIDTH),
        name=sheet.request.name,
        to=args.to,
        sender=args.sender,
    )
    if args.output or not args.smtp:
        output = output_path(args.output, f"{sheet.request.name}.eml")
        write_atomic(output, message.as_bytes())
        print(output)
    if args.smtp:
        send(message, args.smtp)
        print(f"sent to {args.to} through {args.smtp}")
    return 0


def run_batch(args: argparse.Namespace) -> int:
    from handout.draw.render import render_pages
    from handout.share.batch import Job, build_rows, default_workers, read_roster

    roster = Path(args.roster)
    workers = default_workers() if args.jobs is None else args.jobs
    if workers < 1:
        raise HandoutError(f"--jobs {workers}: give 1 or more worker processes")
    rows = read_roster(roster, args.roster)
    request = sheet_request(args)
    folder = Path(args.output) if args.output and not args.merge else Path("build") / roster.stem
    job = Job(request, folder, args.merge)
    outcomes = []
    with progress_bar(len(rows)) as bar:
        for outcome in build_rows(job, rows, workers):
            outcomes.append(outcome)
            if outcome.error:
                bar.write(f"error: {outcome.error}")
            bar.update(1)
    pages = [outcome.page for outcome in outcomes if outcome.page is not None]
    if pages:
        merged = Path(args.output) if args.output else Path("build") / f"{roster.stem}.pdf"
        write_atomic(merged, render_pages(pages))
        print(merged)
    failed = [outcome.line for outcome in outcomes if outcome.error]
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
    """tqdm's bar on a terminal; without one (a log, CI), a plain line at every tenth of the rows."""
    if sys.stderr.isatty():
        from tqdm import tqdm

        return tqdm(total=total, unit="sheet", file=sys.stderr)
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
            print(f"built {self.done} of {self.total} sheets", file=sys.stderr)

    def write(self, line: str) -> None:
        print(line, file=sys.stderr)


def run_layouts(args: argparse.Namespace) -> int:
    layouts = bundled_layouts()
    name_width = max(len(layout.name) for layout in layouts)
    for layout in layouts:
        capacity = f"up to {layout.max_stretches} stretches"
        print(f"{layout.name:<{name_width}}  {capacity:<17}  {layout.description}")
    return 0


def run_stretches(args: argparse.Namespace) -> int:
    entries = library_stretches()
    id_width = max(len(entry_id) for entry_id, _ in entries)
    name_width = max(len(stretch.name) for _, stretch in entries)
    for entry_id, stretch in entries:
        print(f"{entry_id:<{id_width}}  {stretch.name:<{name_width}}  {stretch.target}")
    return 0


def run_figures(args: argparse.Namespace) -> int:
    from handout.share.figure_export import export_figures

    written = export_figures(args.output, load_layout("grid"))
    print(f"{len(written)} files written to {args.output}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from handout.content.article_import import import_article

    article: Path = args.article
    imported = import_article(read_text(article, str(article), "article"), str(article))
    output: Path = args.output or Path(f"{article.stem}.toml")
    if output.exists() and output.resolve() == article.resolve():
        raise HandoutError(f"{output}: is the article itself: choose another place with -o")
    write_atomic(output, imported.toml.encode("utf-8"))
    for warning in imported.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(output)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return 0
        return int(args.run(args))
    except HandoutError as error:
        for message in error.messages:
            print(f"error: {message}", file=sys.stderr)
        return EXIT_BAD_INPUT
