"""The `handout` command: arguments -> pipeline -> file, and every problem as one `error:` line, exit 2."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from handout import __version__
from handout.errors import HandoutError
from handout.export import export_figures
from handout.layouts import bundled_layouts, grayscale, load_layout
from handout.output import write_atomic
from handout.paper import ORIENTATIONS, PAPERS, orientation_named, oriented, paper_named
from handout.pipeline import make_pdf
from handout.resources import bundled_names
from handout.routine import library_stretches, load_routine
from handout.templates import parse_settings

DEFAULT_ROUTINE = "after-running"
EXIT_BAD_INPUT = 2


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
    build.add_argument(
        "routine",
        nargs="?",
        default=DEFAULT_ROUTINE,
        metavar="ROUTINE",
        help=f"a routine file (.toml) or a bundled routine's name (default: {DEFAULT_ROUTINE})",
    )
    build.add_argument("--paper", default="a4", help=f"paper size: {' or '.join(PAPERS)} (default: a4)")
    build.add_argument(
        "--orientation",
        default="portrait",
        help=f"{' or '.join(ORIENTATIONS)}: landscape turns the sheet on its side; with two-up, each copy "
        "(default: portrait)",
    )
    build.add_argument(
        "--layout",
        default="grid",
        help=f"a bundled layout ({', '.join(bundled_names('layouts'))}) or a layout file (default: grid)",
    )
    build.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help='a detail for the header and footer, like --set club="Riverside Runners" '
        "(also date, url for a QR code, contact); repeat it for each; overrides the routine's [details]",
    )
    build.add_argument(
        "--grayscale",
        action="store_true",
        help="no colour anywhere: colours and photos become grays, to save ink on a colour printer",
    )
    build.add_argument(
        "-o",
        "--output",
        type=Path,
        help="where to write the PDF (default: build/ROUTINE-LAYOUT-PAPER.pdf, "
        "or build/ROUTINE-LAYOUT-PAPER-landscape.pdf)",
    )
    build.set_defaults(run=run_build)

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
    return parser


def run_build(args: argparse.Namespace) -> int:
    settings = parse_settings(args.set)
    orientation = orientation_named(args.orientation)
    paper = oriented(paper_named(args.paper), orientation)
    layout = load_layout(args.layout)
    if args.grayscale:
        layout = grayscale(layout)
    routine = load_routine(args.routine)
    pdf = make_pdf(routine, layout, paper, settings)
    turned = "-landscape" if orientation == "landscape" else ""
    default_name = f"{routine.name}-{layout.name}-{args.paper.lower()}{turned}.pdf"
    output: Path = args.output or Path("build") / default_name
    if output.is_dir():
        output = output / default_name
    write_atomic(output, pdf)
    print(output)
    return 0


def run_layouts(args: argparse.Namespace) -> int:
    layouts = bundled_layouts()
    name_width = max(len(layout.name) for layout in layouts)
    for layout in layouts:
        print(f"{layout.name:<{name_width}}  {layout.description}")
    return 0


def run_stretches(args: argparse.Namespace) -> int:
    entries = library_stretches()
    id_width = max(len(entry_id) for entry_id, _ in entries)
    name_width = max(len(stretch.name) for _, stretch in entries)
    for entry_id, stretch in entries:
        print(f"{entry_id:<{id_width}}  {stretch.name:<{name_width}}  {stretch.target}")
    return 0


def run_figures(args: argparse.Namespace) -> int:
    written = export_figures(args.output, load_layout("grid"))
    print(f"{len(written)} files written to {args.output}")
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
