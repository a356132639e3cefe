"""Paper sizes by name: the command line's --paper -> Paper, in points."""

from __future__ import annotations

from handout.errors import HandoutError
from handout.model import MM, Paper

PAPERS = {
    "a4": Paper("A4", 210 * MM, 297 * MM),
    "letter": Paper("US letter", 8.5 * 72, 11 * 72),
}


def paper_named(name: str) -> Paper:
    try:
        return PAPERS[name.lower()]
    except KeyError:
        choices = " or ".join(f"--paper {key}" for key in PAPERS)
        raise HandoutError(f'unknown paper "{name}": use {choices}') from None
