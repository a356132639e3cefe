"""handout import: an article file (or standard input) -> a routine file to check and build."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from handout.errors import HandoutError
from handout.share.atomic import write_atomic


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
