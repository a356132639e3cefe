"""Blocks -> the article's title and the blocks left: its first level-1 heading, a heading that opens the
page and reads like a title, a topic-and-colon first line, or a listicle's heading after a lead paragraph;
a heading repeating it is no stretch.
"""

from __future__ import annotations

import re

from handout.content.importers.blocks import PLAIN_HEADING, Block, BlockKind
from handout.content.importers.holds import find_hold
from handout.content.importers.section_names import (
    CLOSER,
    GENERIC_HEADING,
    INSTRUCTION_START,
    SENTENCE_ENDS,
    TITLE_WORD,
    Field,
    inline_name,
    inline_subhead,
    is_stretchy,
    opens_steps,
    subhead,
)
from handout.content.importers.targets import NAME_ONLY, muscles_in
from handout.content.importers.text_reader import looks_like_heading
from handout.content.library import find_entry

OPENING_BLOCKS = 3
"""The title is one of the article's first headings, before any paragraph."""


def take_title(blocks: list[Block]) -> tuple[Block | None, list[Block]]:
    """The article's heading: the first level-1 heading, or one of the headings that open the article.

    Of those, one that reads like a title ("Post-run stretches") wins over a club's or site's name
    before it ("Riverside Runners"), which is left out.
    """
    for index, block in enumerate(blocks):
        if block.kind is BlockKind.HEADING and block.level == 1:
            return block, blocks[:index] + blocks[index + 1 :]
    if labelled_title(blocks):
        return blocks[1], blocks[2:]
    if colon := colon_title(blocks):
        return colon, blocks[1:]
    headings = [block for block in blocks if block.kind is BlockKind.HEADING]
    if not headings:
        return None, blocks
    top = min(block.level for block in headings)
    opening = []
    for block in blocks[:OPENING_BLOCKS]:
        if block.kind is not BlockKind.HEADING or inline_name(block) or subhead(block.text):
            break
        if (found := inline_subhead(block.text)) and found[0] is Field.STEPS:
            break  # "Fai così: piedi uniti e mani in appoggio": the steps' sub-head
        if NO_TITLE.match(block.text):
            continue  # a media label ("Vidéos") or an "About this ..." section's heading, not the title
        if CLOSER.search(block.text):
            break  # a section of the intro ("L'importance des étirements", "Why stretch?"), not the title
        opening.append(block)
    fits = [block for block in opening if block.level == top and not block.lead_in]
    for choice in (
        [block for block in fits if TITLE_WORD.search(block.text)],
        [block for block in fits if top < PLAIN_HEADING or not is_stretchy(block.text)],
        fits[:1] if len(opening) > 1 else [],
    ):
        if choice:
            title = choice[0]
            before = opening[: opening.index(title)]
            return title, [block for block in blocks if block is not title and block not in before]
    if late := late_title(blocks):
        return late, [block for block in blocks if block is not late]
    return None, blocks


NO_TITLE = re.compile(
    r"^\W*(?:(?:vid[eé]os?|photos?|pictures?|images?|gallery|galerie|galería|galleria|bilder|fotos?)\W*$"
    r"|(?:about|über|à propos)\s+(?:this|the|diese[nms]?|de\s+(?:cette|ce))\b)",
    re.IGNORECASE,
)
"""A heading that is no title: a media label ("Vidéos") or an "About this ..." section's heading."""

IMAGE_LABEL = re.compile(
    r"^(?:image|photo|picture|bild|foto|imagen|immagine|afbeelding|imagem)\s*:?\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)


def labelled_title(blocks: list[Block]) -> bool:
    """The page's first line is its picture's label repeating the heading below it ("Image Quels
    étirements effectuer après un footing ?" / "Quels étirements effectuer après un footing ?"): that
    heading is the title, though it is a question, and the label is left out."""
    if len(blocks) < 2 or not all(block.kind is BlockKind.HEADING for block in blocks[:2]):
        return False
    label = IMAGE_LABEL.match(blocks[0].text.strip())
    return label is not None and words_of(label["rest"]) == words_of(blocks[1].text)


def words_of(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


LONGEST_COLON_TITLE = 120


def colon_title(blocks: list[Block]) -> Block | None:
    """A title written as a topic, a colon and a clause, on the page's first line ("Stretching invernale:
    perché è più importante che in estate e come farlo"): too long for a heading, it ends no sentence,
    says it is about stretching, and its clause neither instructs nor names a muscle (a stretch's line
    would: "Polpaccio al muro: in piedi, mani al muro")."""
    if not blocks or blocks[0].kind is not BlockKind.PARAGRAPH:
        return None
    text = blocks[0].text.strip()
    topic, colon, clause = text.partition(":")
    if not colon or not clause.strip() or len(text) > LONGEST_COLON_TITLE or text.endswith(SENTENCE_ENDS):
        return None
    if INSTRUCTION_START.match(clause.strip()) or muscles_in(clause, NAME_ONLY) or find_hold(clause):
        return None
    if not (TITLE_WORD.search(text) or LISTICLE.search(text) or GENERIC_HEADING.match(topic)):
        return None
    return Block(BlockKind.HEADING, text, blocks[0].line, level=PLAIN_HEADING)


LISTICLE = re.compile(
    r"^\d+\s+\w|\b(?:stretches|exercises|übungen|dehnübungen|étirements|exercices|estiramientos|ejercicios"
    r"|esercizi|allungamenti|alongamentos|exercícios|oefeningen|rekoefeningen)\b",
    re.IGNORECASE,
)
"""A title that names a set of stretches: "7 estiramientos para relajar el cuerpo", "Stretches to do"."""


LIST_LABEL = re.compile(
    r"^(?:[\w-]+\s+)?(?:stretches|exercises|übungen|dehnübungen|étirements|exercices|estiramientos"
    r"|ejercicios|esercizi|allungamenti|alongamentos|exercícios|oefeningen|rekoefeningen)\W*$",
    re.IGNORECASE,
)
"""A title after a lead paragraph says what the stretches are for or who they are for ("Stretches for
runners"); a word and the list's noun ("Cool-down Stretches") only names the list below it."""


def late_title(blocks: list[Block]) -> Block | None:
    """A title after the page's lead paragraph ("Muchas personas ... / 7 estiramientos para relajar el
    cuerpo después de correr"): the first block's heading, when it names a set of stretches and neither a
    muscle nor a library stretch, and opens no steps: a stretch's own heading does one of those."""
    if len(blocks) < 3 or blocks[0].kind is not BlockKind.PARAGRAPH:
        return None
    heading = blocks[1]
    if heading.kind is not BlockKind.HEADING or heading.lead_in or not LISTICLE.search(heading.text):
        return None
    if LIST_LABEL.match(heading.text.strip()):
        return None  # a label over the list ("Cool-down Stretches"), not the page's title
    if muscles_in(heading.text, NAME_ONLY) or find_entry(heading.text):
        return None
    if opens_steps(blocks, 1) and not names_first_stretch(blocks, 2):
        return None
    return heading


def names_first_stretch(blocks: list[Block], index: int) -> bool:
    """A numbered short line followed by a paragraph ("1. Hamstring stretch" / "Stand hip-width apart,
    ..."): the first stretch's name under the title, not a step the heading opens."""
    if index + 1 >= len(blocks):
        return False
    block, following = blocks[index], blocks[index + 1]
    return (
        block.kind is BlockKind.ITEM
        and block.numbered
        and looks_like_heading(block.text)
        and is_stretchy(block.text)
        and following.kind is BlockKind.PARAGRAPH
    )


def without_repeated_title(title: Block | None, blocks: list[Block]) -> list[Block]:
    """A page that shows its title twice (above and below a "Share" line) has one title: a heading of
    the same words is not a stretch."""
    if title is None:
        return blocks
    words = title.text.casefold().split()
    return [
        block
        for block in blocks
        if not (block.kind is BlockKind.HEADING and block.text.casefold().split() == words)
    ]
