"""What every reader gives: an article as a list of blocks (headings, paragraphs, list items, tables)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

PLAIN_HEADING = 7
"""The level of a heading that is not marked as one: a short line of its own, or a bold paragraph."""


class BlockKind(Enum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    ITEM = "item"  # one item of a numbered or bulleted list
    TABLE = "table"


@dataclass(frozen=True)
class Block:
    """One block of the article, its text tidied to plain words, with its line number in the article."""

    kind: BlockKind
    text: str
    line: int
    level: int = 0
    """A heading's level: 1 to 6 as marked, PLAIN_HEADING when guessed."""
    numbered: bool = False
    """A numbered list item, or a heading written "2. Name" or "Step 2: Name" (its number removed)."""
    lead_in: bool = False
    """A heading line that ended with a colon ("Ideas for after a run:"): it leads into what follows, so
    it is no title."""
    named: bool = False
    """An item whose words before its colon are a stretch's name because its list says so (its other
    items open with names), though the words name no muscle or stretch the importer knows."""


@dataclass(frozen=True)
class Notice:
    """Something the importer dropped or guessed, at the article's line `line`."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


def line_list(numbers: list[int], most: int = 6) -> str:
    """Line numbers for a warning: "lines 3, 7, 9" or "lines 3, 7, 9, ... (12 in all)"."""
    shown = ", ".join(map(str, numbers[:most]))
    more = f", ... ({len(numbers)} in all)" if len(numbers) > most else ""
    return f"line{'s' if len(numbers) > 1 else ''} {shown}{more}"
