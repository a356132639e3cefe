"""How a command ends: the exit status scripts read, and the `error:` lines a coach reads.

A bad input is status 2, a batch with failed rows 1, Ctrl-C 130.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from handout.errors import first_problems

EXIT_BAD_INPUT = 2
EXIT_SOME_ROWS_FAILED = 1
EXIT_INTERRUPTED = 130
"""What shells report for a command stopped with Ctrl-C (128 + SIGINT)."""


MAX_ERROR_LINES = 20
"""The `error:` lines one command prints at most (errors.first_problems says the rest by their count)."""


def print_errors(messages: Sequence[str]) -> None:
    for message in first_problems(messages, MAX_ERROR_LINES):
        print(f"error: {message}", file=sys.stderr)
