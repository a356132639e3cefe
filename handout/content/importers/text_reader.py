"""Plain text pasted from a browser -> blocks, line by line: no blank lines are needed between them.

A browser's copy keeps one line per heading, paragraph or list item, often with no blank line between a
heading and its paragraph; so every line is a block of its own. A short line that does not end like a
sentence is taken for a heading, and the section finder decides which headings are stretches.
"""

from __future__ import annotations

import re

from handout.content.importers.blocks import PLAIN_HEADING, Block, BlockKind, Notice, line_list
from handout.content.importers.chrome import ends_article, is_caption, is_chrome, is_news_credit

STEP_HEADING = re.compile(
    r"^(?:step|schritt|étape|etapa|paso|übung|exercice|ejercicio)\s+\d{1,2}\s*[:.)–—-]\s*(.+)$", re.IGNORECASE
)
NUMBERED = re.compile(r"^(?:#\s?)?\d{1,2}(?:\s*[.)]\s+|[.)](?=[A-ZÀ-Ý])|\s+[-–—]\s+(?=[^\W\d_]))(.+)$")
"""A numbered line: "1. Name", also without the space ("4.Standing hamstring stretch") or with a dash
("1 - Polpacci: ..."); not "1.5 km" or "10 - 15 seconds"."""
BULLET = re.compile(r"^(?:[-*•·▪–—]\s+|[►▶➤○◦●■□◆✓]\s*)(\S.*)$")
"""A list item's mark: a dash or dot and a space, or a symbol, also without one ("►Isquiotibiais: ...")."""
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
    for number, tidy in unwrapped(lines):
        if ends_article(tidy) and blocks:
            dropped += range(number, len(lines) + 1)
            break
        if is_chrome(tidy) or is_caption(tidy) or is_alt_text(tidy):
            dropped.append(number)
            continue
        if is_news_credit(tidy):
            last = blocks[-1] if len(blocks) > 1 else None
            if last is not None and last.kind is BlockKind.HEADING and last.level == PLAIN_HEADING:
                dropped.append(blocks.pop().line)  # the caption above it: "Michael Mayrhofer beim Dehnen ..."
            dropped.append(number)
            continue
        blocks.append(block_of_line(number, tidy))
    notices = []
    dropped.sort()
    if dropped:
        notices.append(
            Notice(
                dropped[0], f"left out as the page's menus, banners, captions or links: {line_list(dropped)}"
            )
        )
    return blocks, notices


WRAPPED_PAGE_LINES = 12
WIDEST_WRAPPED_LINE = 100
"""A page whose lines are all this short (a manual's page, a PDF's text) was wrapped at a fixed width."""
NARROWEST_WRAP = 40
FULL_LINE = 0.75
FULL_LINES = 0.4
"""On a page wrapped at a fixed width, many lines (this share) run nearly full (this share of the widest)."""
WRAP_SHARE = 0.55
"""A line of a wrapped page at least this share of its widest line, ending inside a sentence, goes on
in the next line ("1. Nach unten beugen: Mit leicht gebeugten Knien den" / "Oberkörper langsam ...")."""
LIST_LINE = re.compile(r"^(?:[-*•·▪–—]\s|[►▶➤○◦●■□◆✓]\s*\S|(?:#\s?)?\d{1,2}\s*[.):–—-]\s*\S)")
RUN_ON_ITEM = re.compile(r"^(?P<before>.*[.!?])\s+[-•–]\s+(?P<item>[A-ZÀ-Ý][^.!?:]{2,80})$")
"""A list item run into the paragraph before it, its line lost: "... blessures kunnen veroorzaken. -
Quadriceps Stretch (Voorste dijbeenspier rekken)"."""


def unwrapped(lines: list[str]) -> list[tuple[int, str]]:
    """The page's lines, tidied, with a line that a fixed width or a lost line break cut joined again:
    on a page wrapped at a fixed width, a long line that ends inside a sentence goes on in the next (not
    a list item's); on any page, a line whose parenthesis opens and does not close goes on in the next
    ("ESERCIZIO 6: DISTENSIONE DEL QUADRICIPITE (PARTE" / "ANTERIORE DELLA COSCIA)"); and a list item
    run into the end of a paragraph is a line of its own."""
    tidy = [(number, " ".join(raw.split())) for number, raw in enumerate(lines, start=1)]
    tidy = [(number, text) for number, text in tidy if text]
    widest = max((len(text) for _, text in tidy), default=0)
    full = sum(1 for _, text in tidy if len(text) >= FULL_LINE * widest)
    wrapped = (
        len(tidy) >= WRAPPED_PAGE_LINES
        and NARROWEST_WRAP <= widest <= WIDEST_WRAPPED_LINE
        and full >= FULL_LINES * len(tidy)
    )
    joined: list[tuple[int, str]] = []
    headings: set[int] = set()  # the joined lines that began as a line in capitals
    for number, text in tidy:
        if joined and not LIST_LINE.match(text):
            last_number, last = joined[-1]
            unclosed = last.count("(") > last.count(")") and text.count(")") > text.count("(")
            gloss = PARENTHESIZED.match(text) is not None and looks_like_heading(last)
            capitals = wrapped and is_capitals(last) and is_capitals(text) and len(last.split()) >= 4
            cut = len(joined) - 1 not in headings and (
                wrapped
                and len(last) >= WRAP_SHARE * widest
                and not last.rstrip('"\u201d\u2019)').endswith((".", "!", "?", ":", ";", "…"))
            )
            if unclosed or gloss or (capitals and not last.endswith((*SENTENCE_ENDING, ":"))) or cut:
                joined[-1] = (last_number, f"{last} {text}")
                continue
        if is_capitals(text):
            headings.add(len(joined))
        joined.append((number, text))
    split: list[tuple[int, str]] = []
    for number, text in joined:
        if (match := RUN_ON_ITEM.match(text)) and looks_like_heading(match["item"]):
            split += [(number, match["before"]), (number, f"- {match['item']}")]
        else:
            split.append((number, text))
    return split


PARENTHESIZED = re.compile(r"^\([^()]{2,80}\)$")
"""A gloss on a line of its own under a heading: "(gastrocnemio e bicipite femorale)"."""


def is_capitals(text: str) -> bool:
    """A line in capitals, as a manual's headings are ("ESERCIZIO 8: DISTENSIONE DI POLPACCI E TENDINE")."""
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= 3 and sum(char.isupper() for char in letters) >= 0.8 * len(letters)


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


PARENTHESES = re.compile(r"\s*\([^()]*\)")


def looks_like_heading(text: str) -> bool:
    """Short, and not ending like a sentence ("Standing calf stretch", "Instructions:"); a remark in
    parentheses is not counted ("Hamstrings & ITB Band (Standing) (Do not do this stretch if you have
    lower back issues)")."""
    bare = PARENTHESES.sub("", text) or text
    return (
        len(bare) <= LONGEST_HEADING
        and len(text) <= 2 * LONGEST_HEADING
        and len(bare.split()) <= MOST_HEADING_WORDS
        and (
            not text.rstrip('"\u201d\u2019)').endswith(SENTENCE_ENDING)
            or ABBREVIATED_END.search(text) is not None
        )
    )
