"""build, preview and email: arguments -> one checked sheet request -> a PDF, a PNG or an e-mail file."""

from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from handout.content.furniture import parse_settings
from handout.content.routine import find_routine, load_routine, routine_texts
from handout.errors import HandoutError
from handout.layout import cjk, cjk_faces
from handout.layout.layout_file import find_layout, grayscale, load_layout
from handout.layout.paper import orientation_named, oriented, paper_named
from handout.model import Photo
from handout.pipeline import SheetRequest, make_pdf
from handout.share.atomic import write_atomic
from handout.share.output_target import Input, check_output


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
    if not cjk_faces.available() and (
        request.routine.lang in (*cjk_faces.FONT_FILES, *cjk.TRADITIONAL)
        or cjk.language(text for _, text in routine_texts(request.routine))
    ):
        print(CJK_FALLBACK, file=sys.stderr)
    return sheet


CJK_FALLBACK = (
    "warning: the Chinese, Japanese or Korean text uses the PDF viewer's own fonts, not embedded in the "
    "file: install the CJK fonts to embed them (pip install 'handout[cjk]')"
)


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
    from handout.share.preview import check_width, render_png  # here: `handout build` draws no pixels

    check_width(args.width)
    request = sheet_request(args)
    output = output_path(args.output, f"{request.name}.png")
    check_output(output, sheet_inputs(args, request), "png", force=args.force)
    write_atomic(output, render_png(make_sheet(request).pdf, args.width))
    print(output)
    return 0


def run_email(args: argparse.Namespace) -> int:
    from handout.share.mail import check_address, sheet_email
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
    message = sheet_email(sheet.request, sheet.pdf, to=args.to, sender=args.sender)
    if output is not None:
        write_atomic(output, message.as_bytes())
        print(output)
    if args.smtp:
        send(message, args.smtp)
        print(f"sent to {args.to} through {args.smtp}")
    return 0
