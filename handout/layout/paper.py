"""Paper sizes by name: the command line's --paper and --orientation -> Paper, in points."""

from __future__ import annotations

from dataclasses import replace
from typing import Literal, cast

from handout.content.schema import quoted
from handout.errors import HandoutError
from handout.model import MM, Paper

PAPERS = {
    "a4": Paper("A4", 210 * MM, 297 * MM),
    "letter": Paper("US letter", 8.5 * 72, 11 * 72),
}
Orientation = Literal["portrait", "landscape"]
ORIENTATIONS: tuple[Orientation, ...] = ("portrait", "landscape")


def paper_named(name: str) -> Paper:
    try:
        return PAPERS[name.lower()]
    except KeyError:
        choices = " or ".join(f"--paper {key}" for key in PAPERS)
        raise HandoutError(f"unknown paper {quoted(name)}: use {choices}") from None


def orientation_named(name: str) -> Orientation:
    """Check an --orientation value here, like paper names, so the message lists what works."""
    if name.lower() in ORIENTATIONS:
        return cast(Orientation, name.lower())
    choices = " or ".join(f"--orientation {key}" for key in ORIENTATIONS)
    raise HandoutError(f"unknown orientation {quoted(name)}: use {choices}")


def oriented(paper: Paper, orientation: Orientation) -> Paper:
    """The sheet turned to `orientation`: landscape has the long side across. The name stays ("A4")."""
    if (orientation == "landscape") == paper.landscape:
        return paper
    return replace(paper, width=paper.height, height=paper.width)
