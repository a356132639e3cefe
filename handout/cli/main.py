"""The `handout` command: arguments -> the command that runs them, and every problem as one `error:` line."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence

from handout.cli.arguments import build_parser
from handout.cli.status import EXIT_BAD_INPUT, EXIT_INTERRUPTED, print_errors
from handout.errors import HandoutError

RUNNERS: dict[str, tuple[str, str]] = {
    "build": ("sheets", "run_build"),
    "preview": ("sheets", "run_preview"),
    "email": ("sheets", "run_email"),
    "layouts": ("listings", "run_layouts"),
    "stretches": ("listings", "run_stretches"),
    "figures": ("listings", "run_figures"),
    "batch": ("batch", "run_batch"),
    "import": ("importing", "run_import"),
    "serve": ("serving", "run_serve"),
}
"""Which module of handout.cli runs each command of arguments.py's parser, and its function. A module
is imported when its command runs: `handout build` does not load the batch, the listings or the
importer."""


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(arguments)
    try:
        args = parser.parse_args(arguments)
        if args.command is None:
            parser.print_help()
            return 0
        module, function = RUNNERS[args.command]
        return int(getattr(importlib.import_module(f"handout.cli.{module}"), function)(args))
    except HandoutError as error:
        print_errors(error.messages)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:  # Ctrl-C: files are written whole or not at all, so nothing was
        print("error: interrupted: no file was left half-written", file=sys.stderr)
        return EXIT_INTERRUPTED
