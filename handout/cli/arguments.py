"""The command line's grammar: every command, its arguments and its help text -> argparse's parser.

argparse's own complaints come out as our one-line errors. Which function runs a command is said in
main.py, so this module imports none of them.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from handout import __version__
from handout.bundled import bundled_names
from handout.content.library import LANGUAGES
from handout.errors import HandoutError
from handout.layout.paper import ORIENTATIONS, PAPERS

DEFAULT_ROUTINE = "after-running"
DEFAULT_SENDER = "handout@localhost"
"""A placeholder: most mail servers want a real address of the club's, given with --from."""
PREVIEW_WIDTH = 1240
"""Pixels: an A4 page at 150 dpi, sharp on a phone and light enough for a chat group."""


class _Parser(argparse.ArgumentParser):
    """argparse, but its complaints come out as our one-line errors instead of a usage dump."""

    def error(self, message: str) -> NoReturn:
        raise HandoutError(f"{message} (see: {self.prog} --help)")


if TYPE_CHECKING:
    Commands = argparse._SubParsersAction[_Parser]
    """What a command's parser is added to."""


def build_parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The grammar of every command; or, when `argv` starts with a command's name, of that command alone.

    Parsing needs only the parser of the command it runs, and argparse takes a cold `handout build`
    about 5 ms to set up all nine. Help, --version, an unknown command or none gets them all, so that
    every listing and every "choose from" names them all.
    """
    parser = _Parser(
        prog="handout",
        description="Turn a routine of stretches into a printable one-page PDF.",
        epilog="Start with: handout build   (the post-run stretching sheet, on A4)",
    )
    parser.add_argument("--version", action="version", version=f"handout {__version__}")
    commands = parser.add_subparsers(title="commands", dest="command", parser_class=_Parser)
    named = argv[0] if argv and argv[0] in COMMANDS else None
    for name, add_command in COMMANDS.items():
        if named in (None, name):
            add_command(commands)
    return parser


def add_build(commands: Commands) -> None:
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


def add_preview(commands: Commands) -> None:
    from handout.share.preview import MAX_WIDTH, MIN_WIDTH  # here: only `handout preview` renders pixels

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


def add_email(commands: Commands) -> None:
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


def add_layouts(commands: Commands) -> None:
    commands.add_parser(
        "layouts",
        help="list the bundled layouts",
        description="List the bundled layouts; build with one using --layout NAME.",
    )


def add_stretches(commands: Commands) -> None:
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


def add_figures(commands: Commands) -> None:
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
    add_force_argument(figures, "SVG or PNG file")


def add_batch(commands: Commands) -> None:
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


def add_import(commands: Commands) -> None:
    importer = commands.add_parser(
        "import",
        help="turn a stretching article (text, Markdown or a web page) into a routine file",
        description="Read a stretching article, as text copied from a web page, Markdown, a saved page "
        "(HTML) or a page's web address, and write a routine file (TOML) that builds as it is, for you to "
        "check and edit; print the path it wrote and a warning for each thing it left out or guessed.",
    )
    importer.add_argument(
        "article",
        metavar="ARTICLE",
        help="the article (.txt, .md or .html, UTF-8, at most 5 MB), its web address (https://...), "
        "or - to read it from standard input",
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
    importer.add_argument(
        "--allow-local",
        action="store_true",
        help="fetch a web address on this machine or your own network too (refused by default)",
    )


def add_serve(commands: Commands) -> None:
    serve = commands.add_parser(
        "serve",
        help="open the web page: pick stretches, see the sheet live, download it",
        description="Start the web page on this computer (or, with --host, for a whole club behind its "
        "reverse proxy) and open it in the browser; stop it with Ctrl-C.",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve.add_argument("--no-browser", action="store_true", help="do not open the page in a browser")
    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="processes that answer visitors, to use N cores of a club's server (default: 1)",
    )
    serve.add_argument(
        "--allowed-host",
        action="append",
        default=[],
        metavar="NAME",
        help="a host name the page is also reached by, like stretch.club.example (behind a proxy); "
        "repeat for more. 127.0.0.1, localhost and --host are always accepted",
    )


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


COMMANDS: dict[str, Callable[[Commands], None]] = {
    "build": add_build,
    "preview": add_preview,
    "email": add_email,
    "layouts": add_layouts,
    "stretches": add_stretches,
    "figures": add_figures,
    "batch": add_batch,
    "import": add_import,
    "serve": add_serve,
}
"""Every command, in the order --help lists them, with what adds its parser."""
