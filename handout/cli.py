"""The `handout` command: arguments -> pipeline -> file, and every problem as one `error:` line, exit 2.

The commands other than build, preview and the listings import their modules when they run (e-mail,
SMTP, article import, figure export, the web app), so that `handout build` starts as fast as it can.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from handout import __version__
from handout.bundled import bundled_names
from handout.content.furniture import parse_settings
from handout.content.library import LANGUAGES, entries_for_muscle, entry_in, library
from handout.content.routine import find_routine, library_stretches, load_routine
from handout.errors import HandoutError
from handout.layout.layout_file import bundled_layouts, find_layout, grayscale, load_layout
from handout.layout.paper import ORIENTATIONS, PAPERS, orientation_named, oriented, paper_named
from handout.model import Photo
from handout.pipeline import SheetRequest, make_pdf, sheet_text
from handout.share.atomic import write_atomic
from handout.share.output_target import Input, check_folder_targets, check_output
from handout.share.preview import MAX_WIDTH, MIN_WIDTH, check_width, render_png

DEFAULT_ROUTINE = "after-running"
DEFAULT_SENDER = "handout@localhost"
"""A placeholder: most mail servers want a real address of the club's, given with --from."""
PREVIEW_WIDTH = 1240
"""Pixels: an A4 page at 150 dpi, sharp on a phone and light enough for a chat group."""
EXIT_BAD_INPUT = 2
EXIT_SOME_ROWS_FAILED = 1
EXIT_INTERRUPTED = 130
"""What shells report for a command stopped with Ctrl-C (128 + SIGINT)."""


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
    add_force_argument(build, "PDF")
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
    add_force_argument(preview, "PNG picture")
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
    add_force_argument(email, "e-mail file")
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
    stretches.add_argument(
        "--lang", choices=LANGUAGES, default="en", help="language of the names and targets (default: en)"
    )
    stretches.add_argument(
        "--muscle",
        metavar="WORD",
        help='only stretches whose target names it, in any language ("hamstrings")',
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
    figures.add_argument(
        "--sheet",
        type=Path,
        metavar="PNG",
        help="instead, write one PNG contact sheet of every figure 4 cm wide, with its stretch's name",
    )
    figures.add_argument(
        "--lang", choices=LANGUAGES, default="en", help="language of the contact sheet's names (default: en)"
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
    add_force_argument(batch, "PDF")
    batch.set_defaults(run=run_batch)

    importer = commands.add_parser(
        "import",
        help="turn a stretching article (text, Markdown or a web page) into a routine file",
        description="Read a stretching article, as text copied from a web page, Markdown or a saved page "
        "(HTML), and write a routine file (TOML) that builds as it is, for you to check and edit; print "
        "the path it wrote and a warning for each thing it left out or guessed.",
    )
    importer.add_argument(
        "article",
        metavar="ARTICLE",
        help="the article (.txt, .md or .html, UTF-8, at most 5 MB), or - to read it from standard input",
    )
    importer.add_argument(
        "-o",
        "--output",
        type=Path,
        help="where to write the routine (default: ARTICLE-NAME.toml here; imported.toml for standard input)",
    )
    importer.add_argument(
        "--force", action="store_true", help="write over a routine file that already exists (yours is lost)"
    )
    importer.add_argument(
        "--split",
        action="store_true",
        help="more than 8 stretches: write them all, as NAME-1.toml, NAME-2.toml, ... (default: the first 8)",
    )
    importer.set_defaults(run=run_import)

    serve = commands.add_parser(
        "serve",
        help="open the web page: pick stretches, see the sheet live, download it",
        description="Start the web page on this computer (or, with --host, for a whole club behind its "
        "reverse proxy) and open it in the browser; stop it with Ctrl-C.",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve.add_argument("--no-browser", action="store_true", help="do not open the page in a browser")
    serve.set_defaults(run=run_serve)
    return parser


def add_force_argument(command: argparse.ArgumentParser, kind: str) -> None:
    command.add_argument(
        "--force",
        action="store_true",
        help=f"replace an existing -o file even if it is not a {kind} (never an input, a read-only file "
        "or a device)",
    )


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
    check_not_empty(args)
    settings = parse_settings(args.set)
    orientation = orientation_named(args.orientation)
    paper = oriented(paper_named(args.paper), orientation)
    layout = load_layout(args.layout)
    if args.grayscale:
        layout = grayscale(layout)
    routine = load_routine(args.routine)
    name = f"{safe_stem(routine.name)}-{safe_stem(layout.name)}-{args.paper.lower()}"
    name += "-landscape" if orientation == "landscape" else ""
    name += "-grayscale" if args.grayscale else ""
    return SheetRequest(routine, layout, paper, settings, name)


def safe_stem(stem: str) -> str:
    """A file's stem as part of the default file names (and the e-mail's attachment names): letters,
    digits, dots and dashes; anything else (a quote, a line break, a slash) becomes a dash."""
    return re.sub(r"[^\w.-]+", "-", stem).strip("-.")[:80] or "sheet"


def check_not_empty(args: argparse.Namespace) -> None:
    """An empty ROUTINE, --layout or -o ("" from a script's unset variable) would name the current folder."""
    for option, value in (("ROUTINE", args.routine), ("--layout", args.layout), ("-o", args.output)):
        if value is not None and not value.strip():
            raise HandoutError(f"{option} is empty: give a file name (see: handout {args.command} --help)")


def make_sheet(request: SheetRequest) -> Sheet:
    """Build the sheet; once it is built, say on stderr what the build noted (a figure found by name)."""
    sheet = Sheet(request, make_pdf(request.routine, request.layout, request.paper, request.settings))
    for note in request.routine.notes:
        print(note, file=sys.stderr)
    return sheet


def sheet_inputs(args: argparse.Namespace, request: SheetRequest) -> list[Input]:
    """Every file the sheet is made from: -o may never name one of them."""
    photos = [stretch.image for stretch in request.routine.stretches if isinstance(stretch.image, Photo)]
    return [
        ("the routine file", find_routine(args.routine)[0]),
        ("the layout file", find_layout(args.layout)[0]),
        *(("a photo of the routine", photo.path) for photo in photos),
    ]


def output_path(requested: str | None, default_name: str) -> Path:
    """-o as given, or build/DEFAULT_NAME; a folder (one that exists, or any path ending in a slash)
    gets the default name inside it."""
    if requested is None:
        return Path("build") / default_name
    if requested.endswith(("/", os.sep)) or Path(requested).is_dir():
        return Path(requested) / default_name
    return Path(requested)


def run_build(args: argparse.Namespace) -> int:
    request = sheet_request(args)
    output = output_path(args.output, f"{request.name}.pdf")
    check_output(output, sheet_inputs(args, request), "pdf", force=args.force)
    write_atomic(output, make_sheet(request).pdf)
    print(output)
    return 0


def run_preview(args: argparse.Namespace) -> int:
    check_width(args.width)
    request = sheet_request(args)
    output = output_path(args.output, f"{request.name}.png")
    check_output(output, sheet_inputs(args, request), "png", force=args.force)
    write_atomic(output, render_png(make_sheet(request).pdf, args.width))
    print(output)
    return 0


def run_email(args: argparse.Namespace) -> int:
    from handout.share.mail import IMAGE_WIDTH, check_address, compose_email
    from handout.share.smtp import parse_server, send

    check_address(args.to, "--to")
    check_address(args.sender, "--from")
    if args.smtp:
        parse_server(args.smtp)
    request = sheet_request(args)
    output = None
    if args.output or not args.smtp:
        output = output_path(args.output, f"{request.name}.eml")
        check_output(output, sheet_inputs(args, request), "eml", force=args.force)
    sheet = make_sheet(request)
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
    if output is not None:
        write_atomic(output, message.as_bytes())
        print(output)
    if args.smtp:
        send(message, args.smtp)
        print(f"sent to {args.to} through {args.smtp}")
    return 0


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


def run_layouts(args: argparse.Namespace) -> int:
    layouts = bundled_layouts()
    name_width = max(len(layout.name) for layout in layouts)
    for layout in layouts:
        capacity = f"up to {layout.max_stretches} stretches"
        print(f"{layout.name:<{name_width}}  {capacity:<17}  {layout.description}")
    return 0


def run_stretches(args: argparse.Namespace) -> int:
    entries = library_stretches(args.lang)
    if args.muscle:
        chosen = set(entries_for_muscle(args.muscle))
        entries = [(entry_id, stretch) for entry_id, stretch in entries if entry_id in chosen]
        if not entries:
            raise HandoutError(
                f'no stretch in the library targets "{args.muscle[:40]}": try a word like hamstrings, '
                "calf, quadriceps, glutes, hip flexors, adductors or back"
            )
    id_width = max(len(entry_id) for entry_id, _ in entries)
    name_width = max(len(stretch.name) for _, stretch in entries)
    for entry_id, stretch in entries:
        print(f"{entry_id:<{id_width}}  {stretch.name:<{name_width}}  {stretch.target}")
    return 0


def run_figures(args: argparse.Namespace) -> int:
    from handout.share.figure_export import contact_sheet, export_figures

    if args.sheet is not None:
        entries = (entry_in(entry_id, args.lang) for entry_id in library())
        names = {str(entry["image"]): str(entry["name"]) for entry in entries}
        count = contact_sheet(args.sheet, load_layout("grid"), names)
        print(f"{count} figures on {args.sheet}")
        return 0
    written = export_figures(args.output, load_layout("grid"))
    print(f"{len(written)} files written to {args.output}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from handout.content.importers import import_article, read_article

    if args.article == "-" and sys.stdin.isatty():
        print("Paste the article, then press Ctrl-D (Ctrl-Z and Enter on Windows):", file=sys.stderr)
    text, shown_as, kind = read_article(args.article)
    stem = "imported" if args.article == "-" else Path(args.article).stem
    output: Path = args.output or Path(f"{stem}.toml")
    imported = import_article(text, shown_as, kind, split=args.split)
    outputs = [output]
    if len(imported.parts) > 1:
        outputs = [
            output.with_name(f"{output.stem}-{number}{output.suffix}")
            for number in range(1, len(imported.parts) + 1)
        ]
    for path in outputs:
        if args.article != "-" and path.exists() and path.resolve() == Path(args.article).resolve():
            raise HandoutError(f"{path}: is the article itself: choose another place with -o")
        if path.exists() and not args.force:
            raise HandoutError(
                f"{path}: already exists (your edits would be lost): choose another -o, or add --force"
            )
    for path, toml in zip(outputs, imported.parts, strict=True):
        write_atomic(path, toml.encode("utf-8"))
    for warning in imported.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for path in outputs:
        print(path)
    return 0


def run_serve(args: argparse.Namespace) -> int:
    from handout.web.server import serve  # here: `handout build` does not load the web app

    if not 1 <= args.port <= 65535:
        raise HandoutError(f"--port {args.port}: give a port from 1 to 65535, like --port 8000")
    with contextlib.suppress(KeyboardInterrupt):  # uvicorn stops cleanly on Ctrl-C; no traceback after it
        serve(args.host, args.port, open_browser=not args.no_browser)
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
        print_errors(error.messages)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:  # Ctrl-C: files are written whole or not at all, so nothing was
        print("error: interrupted: no file was left half-written", file=sys.stderr)
        return EXIT_INTERRUPTED


MAX_ERROR_LINES = 20
"""A file with a thousand problems is not fixed from a thousand lines: the first ones, and a count."""


def print_errors(messages: Sequence[str]) -> None:
    for message in messages[:MAX_ERROR_LINES]:
        print(f"error: {message}", file=sys.stderr)
    if len(messages) > MAX_ERROR_LINES:
        more = len(messages) - MAX_ERROR_LINES
        print(f"error: ... and {more} more problems: fix the ones above first", file=sys.stderr)
