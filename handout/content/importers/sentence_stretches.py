"""Stretches a page tells in sentences of its prose, each opening with the stretch and where, on what or
for which muscle it is done ("No alongamento realizado em escada, ...", "O procedimento na coxa
anterior ...", "Já o alongamento da coxa posterior ..."), on a page that names none of them: a stretch
each, with no name (the importer names it after the library entry it is linked to)."""

from __future__ import annotations

import re
from dataclasses import replace

from handout.content.importers.blocks import Block, BlockKind
from handout.content.importers.holds import find_hold
from handout.content.importers.linking import described
from handout.content.importers.paragraph_stretches import FEWEST_UNNAMED, UNNAMED, article_ending_with
from handout.content.importers.points import NOT_AFTER_ABBREVIATION
from handout.content.importers.section_names import INSTRUCTION_START, Field
from handout.content.importers.sections import Article, Piece, Section
from handout.content.importers.targets import NAME_ONLY, muscles_in
from handout.content.importers.titles import take_title

STRETCH_OF = re.compile(
    r"^\W*(?:(?:já|and|y|e|et|und|ya|então)\s+)?(?:no|o|el|en\s+el|the|in\s+the|for\s+the|le|dans\s+l['’]\s*"
    r"|l['’]\s*|lo|nello|nell['’]\s*|il|der|die|beim|bei\s+der)\s*(?:alongamento|procedimento|estiramiento"
    r"|stretch|étirement|allungamento|dehnung|exercício|ejercicio|exercise|exercice|esercizio)\b(?P<rest>.{0,50})",
    re.IGNORECASE,
)
"""A sentence opening with the stretch and where or for what it is done: "No alongamento realizado em
escada, ...", "O procedimento na coxa anterior ..."."""
SENTENCE = re.compile(rf"(?<=[.!?]){NOT_AFTER_ABBREVIATION}(?<!\bDr\.)\s+(?=[A-ZÀ-Ý])")


def sentence_article(blocks: list[Block]) -> Article | None:
    """The stretches of a page of prose whose sentences each open with one ("Já o alongamento da coxa
    posterior acontece com ..."), each telling a different muscle or prop; the paragraphs before the
    first are the intro, those after the last's paragraph the ending."""
    title, blocks = take_title(blocks)
    sentences = [
        (index, sentence)
        for index, block in enumerate(blocks)
        if block.kind is BlockKind.PARAGRAPH
        for sentence in SENTENCE.split(block.text)
    ]
    openers: list[int] = []
    told: list[frozenset[str]] = []
    for number, (_, sentence) in enumerate(sentences):
        if (match := STRETCH_OF.match(sentence)) is None:
            continue
        what = frozenset(muscle.key for muscle in muscles_in(match["rest"], NAME_ONLY))
        what |= described(sentence)[1]
        if what and what not in told:
            openers.append(number)
            told.append(what)
    if len(openers) < FEWEST_UNNAMED:
        return None
    first_block = sentences[openers[0]][0]
    last_block = sentences[openers[-1]][0]
    intro = list(blocks[:first_block])
    before = [sentence for index, sentence in sentences[: openers[0]] if index == first_block]
    if before:
        intro.append(replace(blocks[first_block], text=" ".join(before)))
    sections = []
    for place, start in enumerate(openers):
        end = openers[place + 1] if place + 1 < len(openers) else len(sentences)
        run = [(index, sentence) for index, sentence in sentences[start:end] if index <= last_block]
        section = Section(UNNAMED, blocks[run[0][0]].line)
        section.pieces = [Piece(sentence, blocks[index].line, Field.STEPS, False) for index, sentence in run]
        sections.append(section)
    intro = [block for block in intro if block.kind is not BlockKind.HEADING]
    return article_ending_with(title, intro, sections, blocks[last_block + 1 :])


ADDED = re.compile(
    r"^\W*(?:ergänzend\s+dazu|zusätzlich|additionally|in\s+addition|en\s+complément|además|inoltre|além\s+disso)"
    r"\b[^.!?]{0,40}?\b(?P<name>[\w‑-]*(?:stretch|dehnung|étirement|estiramiento|allungamento|alongamento))\b",
    re.IGNORECASE,
)
"""A sentence offering another stretch after the one told: "Ergänzend dazu kann ein Halb-Kniebeugen-Stretch
(ein Bein vor Ihnen, das andere im Knien) helfen, ..."."""


def instructed_article(blocks: list[Block]) -> Article | None:
    """A page of prose that names no stretch, one of whose paragraphs instructs a body position and says
    its hold ("Setzen Sie sich aufrecht mit ausgestrecktem Bein ... Halten Sie die Position für etwa 30
    Sekunden ..."): that stretch, with no name, and each sentence after it offering another by its name
    ("Ergänzend dazu kann ein Halb-Kniebeugen-Stretch ... helfen") a stretch of that name."""
    title, blocks = take_title(blocks)
    for index, block in enumerate(blocks):
        if block.kind is not BlockKind.PARAGRAPH:
            continue
        sentences = SENTENCE.split(block.text)
        start = next(
            (number for number, sentence in enumerate(sentences) if told_position(sentence)),
            None,
        )
        if start is None:
            continue
        held = next((number for number in range(start, len(sentences)) if find_hold(sentences[number])), None)
        if held is None:
            continue
        lead, colon, clause = sentences[start].rpartition(":")
        if colon:  # "Dr. Klein empfiehlt folgendes Vorgehen: Setzen Sie sich ..."
            sentences[start] = clause.strip()
        added = [number for number in range(held + 1, len(sentences)) if ADDED.match(sentences[number])]
        bounds = [start, *added, len(sentences)]
        sections = []
        for place, first in enumerate(bounds[:-1]):
            section = Section(UNNAMED, block.line)
            if place and (match := ADDED.match(sentences[first])):
                section.name = match["name"]
            section.pieces = [
                Piece(sentence, block.line, Field.STEPS, False)
                for sentence in sentences[first : bounds[place + 1]]
            ]
            sections.append(section)
        intro = [b for b in blocks[:index] if b.kind is not BlockKind.HEADING]
        if before := " ".join([*sentences[:start], *([lead + colon] if colon else [])]):
            intro.append(replace(block, text=before))
        return article_ending_with(title, intro, sections, blocks[index + 1 :])
    return None


def told_position(sentence: str) -> bool:
    """A sentence, or its clause after a colon, that instructs a body position ("Setzen Sie sich ...")."""
    clause = sentence.rsplit(":", 1)[-1].strip()
    instructs = INSTRUCTION_START.match(clause) or FORMAL_IMPERATIVE.match(clause)
    return instructs is not None and bool(described(clause)[0])


FORMAL_IMPERATIVE = re.compile(r"^\w+en\s+sie\b", re.IGNORECASE)
"""German's formal imperative: "Setzen Sie sich ...", "Stellen Sie sich ..."."""
