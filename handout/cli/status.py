"""How a command ends: the exit status scripts read, and the `error:` lines a coach reads.

A bad input is status 2, a batch with failed rows 1, Ctrl-C 130.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

EXIT_BAD_INPUT = 2
EXIT_SOME_ROWS_FAILED = 1
EXIT_INTERRUPTED = 130
"""What shells report for a command stopped with Ctrl-C (128 + SIGINT)."""


MAX_ERROR_LINES = 20
"""A file with a thousand problems is not fixed from a thousand lines: the first ones, and a count."""


def print_errors(messages: Sequence[str]) -> None:
    for message in messages[:MAX_ERROR_LINES]:
        print(f"error: {message}", file=sys.stderr)
    if len(messages) > MAX_ERROR_LINES:
        more = len(messages) - MAX_ERROR_LINES
        print(f"error: ... and {more} more problems: fix the ones above first", file=sys.stderr)
