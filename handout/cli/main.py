"""The `handout` command: arguments -> the command that runs them, and every problem as one `error:` line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from handout.cli.arguments import build_parser
from handout.cli.batch import run_batch
from handout.cli.importing import run_import
from handout.cli.listings import run_figures, run_layouts, run_stretches
from handout.cli.serving import run_serve
from handout.cli.sheets import run_build, run_email, run_preview
from handout.cli.status import EXIT_BAD_INPUT, EXIT_INTERRUPTED, print_errors
from handout.errors import HandoutError

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "build": run_build,
    "preview": run_preview,
    "email": run_email,
    "layouts": run_layouts,
    "stretches": run_stretches,
    "figures": run_figures,
    "batch": run_batch,
    "import": run_import,
    "serve": run_serve,
}
"""What runs each command of arguments.py's parser."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return 0
        return int(COMMANDS[args.command](args))
    except HandoutError as error:
        print_errors(error.messages)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:  # Ctrl-C: files are written whole or not at all, so nothing was
        print("error: interrupted: no file was left half-written", file=sys.stderr)
        return EXIT_INTERRUPTED
