"""handout import: an article file, standard input or a web address -> a routine file to check and build."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

from handout.errors import HandoutError
from handout.share.atomic import write_atomic


def run_import(args: argparse.Namespace) -> int:
    from handout.content.importers import import_article, read_article
    from handout.content.importers.web_address import fetch_article, looks_like_web_address

    web = looks_like_web_address(args.article)
    if args.article == "-" and sys.stdin.isatty():
        print("Paste the article, then press Ctrl-D (Ctrl-Z and Enter on Windows):", file=sys.stderr)
    if web:
        text, shown_as, kind = fetch_article(args.article, allow_local=args.allow_local)
    else:
        text, shown_as, kind = read_article(args.article)
    stem = (
        "imported" if args.article == "-" else address_stem(args.article) if web else Path(args.article).stem
    )
    output: Path = args.output or Path(f"{stem}.toml")
    imported = import_article(text, shown_as, kind, split=args.split)
    outputs = [output]
    if len(imported.parts) > 1:
        outputs = [
            output.with_name(f"{output.stem}-{number}{output.suffix}")
            for number in range(1, len(imported.parts) + 1)
        ]
    for path in outputs:
        if (
            not web
            and args.article != "-"
            and path.exists()
            and path.resolve() == Path(args.article).resolve()
        ):
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


def address_stem(url: str) -> str:
    """ "https://site.org/blog/post-run-stretches/" -> "post-run-stretches": the page's own name."""
    path = urlsplit(url).path.rstrip("/")
    name = Path(path).stem if path else ""
    safe = re.sub(r"[^\w-]+", "-", name).strip("-")[:60]
    return safe or "imported"
