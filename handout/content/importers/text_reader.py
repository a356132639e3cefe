"""Plain text pasted from a browser -> blocks, line by line: no blank lines are needed between them.

A browser's copy keeps one line per heading, paragraph or list item, often with no blank line between a
heading and its paragraph; so every line is a block of its own. A short line that does not end like a
sentence is taken for a heading, and the section finder decides which headings are stretches.
"""

from __future__ import annotations

import re

from handout.content.importers.blocks import PLAIN_HEADING, Block, BlockKind, Notice, line_list
from handout.content.importers.chrome import ends_article, is_caption, is_chrome

STEP_HEADING = re.compile(
    r"^(?:step|schritt|étape|etapa|paso|übung|exercice|ejercicio)\s+\d{1,2}\s*[:.)–—-]\s*(.+)$", re.IGNORECASE
)
NUMBERED = re.compile(r"^(?:#\s?)?\d{1,2}(?:\s*[.)]\s+|[.)](?=[A-ZÀ-Ý])|\s+[-–—]\s+(?=[^\W\d_]))(.+)$")
"""A numbered line: "1. Name", also without the space ("4.Standing hamstring stretch") or with a dash
("1 - Polpacci: ..."); not "1.5 km" or "10 - 15 seconds"."""
BULLET = re.compile(r"^[-*•·▪►✓–—]\s+(.+)$")
SENTENCE_ENDING = (".", "!", ",", ";", "…")
"""Not "?": a short question on its own line is a heading ("Why stretch after a run?")."""
LONGEST_HEADING = 70
MOST_HEADING_WORDS = 10
LONGEST_PATTERNED_LINE = 5000
"""Characters: a longer line is a paragraph, not looked at as a heading or list item."""


def read_text(text: str) -> tuple[list[Block], list[Notice]]:
    """Every line that is the article's, as a block; and one notice for the page's chrome left out."""
    blocks: list[Block] = []
    dropped: list[int] = []
    lines = text.splitlines()
    for number, raw in enumerate(lines, start=1):
        tidy = " ".join(raw.split())
        if not tidy:
            continue
        if ends_article(tidy) and blocks:
            dropped += range(number, len(lines) + 1)
            break
        if is_chrome(tidy) or is_caption(tidy) or is_alt_text(tidy):
            dropped.append(number)
            continue
        blocks.append(block_of_line(number, tidy))
    notices = []
    if dropped:
        notices.append(
            Notice(
                dropped[0], f"left out as the page's menus, banners, captions or links: {line_list(dropped)}"
            )
        )
    return blocks, notices


def is_alt_text(text: str) -> bool:
    """A picture's description copied with the page ("woman stretching after a run", "hardloper is aan
    het rekken"): a short line in lower case that does not end like a sentence. A heading has a capital."""
    return text[:1].islower() and looks_like_heading(text) and not text.rstrip().endswith(("?", ":"))


def block_of_line(number: int, text: str) -> Block:
    if len(text) > LONGEST_PATTERNED_LINE:
        return Block(BlockKind.PARAGRAPH, text, number)
    if match := STEP_HEADING.match(text):
        if looks_like_heading(match[1]):  # "Step 2: Cat-cow" names a stretch; "Step 2: Kneel down." is a step
            return Block(BlockKind.HEADING, match[1], number, level=PLAIN_HEADING, numbered=True)
        return Block(BlockKind.ITEM, match[1], number, numbered=True)
    if match := NUMBERED.match(text):
        return Block(BlockKind.ITEM, match[1], number, numbered=True)
    if match := BULLET.match(text):
        return Block(BlockKind.ITEM, match[1], number)
    if looks_like_heading(text):
        heading = text.rstrip(":").strip()
        return Block(BlockKind.HEADING, heading, number, level=PLAIN_HEADING, lead_in=heading != text)
    return Block(BlockKind.PARAGRAPH, text, number)


ABBREVIATED_END = re.compile(r"\b(?:e\.\s?V|Inc|Ltd|S\.A|S\.L|Co|Corp|GmbH & Co)\.$")
"""A club's or company's name ends with a full stop that ends no sentence: "LG Rheinufer e.V."."""


def looks_like_heading(text: str) -> bool:
    """Short, and not ending like a sentence ("Standing calf stretch", "Instructions:")."""
    return (
        len(text) <= LONGEST_HEADING
        and len(text.split()) <= MOST_HEADING_WORDS
        and (
            not text.rstrip('"\u201d\u2019)').endswith(SENTENCE_ENDING)
            or ABBREVIATED_END.search(text) is not None
        )
    )
