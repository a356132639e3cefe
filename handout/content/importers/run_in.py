"""Paragraphs that run several stretches together -> one block per stretch, as if the page had kept them.

Pages copied from a browser, or stored by a search engine, often lose their line breaks: "... einige
Dehnübungen: 1. Waden-Dehnung: Stelle dich ... 2. Oberschenkelvorderseite: ...", "1. S’étirer les
mollets Parmi les principaux exercices ...", or an intro that runs on into "Hamstring stretch: Straighten
one leg ...". Others write a stretch's name as a sentence of its own ("Pantorrilla. Estiramiento medio de
la pantorrilla ..."). Each is split back into the blocks the section finder knows: a numbered item or a
heading for each stretch, its text after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from handout.content.importers.blocks import PLAIN_HEADING, Block, BlockKind

RUN_IN_NUMBER = re.compile(
    r"(?:^|(?<=[\s:.!?]))(?P<number>\d{1,2})(?:\s?[.)]\s+(?=\S)|\s+[-–—]\s+(?=[^\W\d_]))"
)
"""A number that starts a stretch inside a paragraph: "1. ", "1) ", or "1 - " before a word."""
RELATED_LINK = re.compile(
    r"\s*\b(?:à lire aussi|lire aussi|read (?:also|more)|see also|siehe auch|lee también|leggi anche"
    r"|leia também|veja também|lees ook)\s*:\s*[^.!?]*[.!?]?",
    re.IGNORECASE,
)
"""A related article's link in the middle of the text ("À lire aussi : Quelles solutions ... ?")."""
NAMED_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=(?P<name>[A-ZÀ-Ý][^:.!?\s]*(?:\s+[^:.!?\s]+){0,3}):\s+\S)")
NAME_AS_SENTENCE = re.compile(r"^(?P<name>[A-ZÀ-Ý][\w’'-]*(?:\s+[\w’'-]+){0,3})\.\s+(?P<rest>[A-ZÀ-Ý¿¡].*)$")
LIST_NAME_AS_SENTENCE = re.compile(
    r"^(?P<name>[A-ZÀ-Ý][\w’'-]*(?:,?\s+[\w’'-]+){0,5})(?:\s*\([^()]{1,80}\))?\.\s+(?P<rest>[\wÀ-ÿ¿¡].*)$"
)
"""The same in a list whose other items open so: the rest may start in lower case, the name may be
longer ("Forward Fold, back and hamstring stretch.") or glossed ("Isquiotibiales (he tenido que buscar
el nombre). Para ..."), the gloss left out."""
MOST_RUN_IN_WORDS = 10
PLAIN_NAME_WORDS = 4
"""Words of a name written as a sentence that a list's other items vouch for without saying more."""
NameTest = Callable[[str], bool]
RUN_IN_BULLET = re.compile(r"\s*[•▪►]\s+")
"""A list's bullet inside a paragraph: the list's line breaks were lost ("... • Lie on your back. • ...")."""
SENTENCE_END = re.compile(r"[.!?…](?=\s|$)")
SMALL_TITLE_WORDS = frozenset(
    re.findall(
        r"\S+",
        "a an the for to of and or after before your with in on at nach dem der die das für vor und mit zum"
        " zur beim pour après la le les de du des à et en avant para después del el los las y antes",
    )
)
"""Words a title in Title Case writes in lower case ("Stretches for Runners after a Run")."""


def split_run_ins(
    blocks: list[Block], is_name: NameTest, label: re.Pattern[str] | None = None
) -> list[Block]:
    """Blocks with each run-together stretch on its own. `is_name(text)` says whether words can be a
    stretch's name (the section finder's test), and `label` finds a sub-head's label ("Targets:") in a
    text; names as sentences are read only when two or more paragraphs are written so, since one could
    be a plain short sentence."""
    split: list[Block] = []
    for block in blocks:
        if block.kind is BlockKind.PARAGRAPH:
            split += (
                bulleted_run_in(block, is_name, label, first=not split)
                or numbered_run_in(block, is_name)
                or capitals_run_in(block, is_name, first=not split)
                or named_sentences(block, is_name)
            )
        else:
            split.append(block)
    sentence_names = [index for index, block in enumerate(split) if name_as_sentence(block, is_name)]
    if len(sentence_names) >= 2:
        for index in sentence_names + list_mates(split, sentence_names, is_name):
            block = split[index]
            match = NAME_AS_SENTENCE.match(block.text) or LIST_NAME_AS_SENTENCE.match(block.text)
            assert match is not None
            text = f"{match['name']}: {match['rest']}"
            split[index] = Block(block.kind, text, block.line, numbered=block.numbered, named=True)
    return split


def list_mates(blocks: list[Block], names: list[int], is_name: NameTest) -> list[int]:
    """The other items of a list two or more of whose items open with a stretch's name as a sentence
    ("- Gemelos. Apoyá ...", "- Cuádriceps. De pie ..."), that open so too: "- Tibiales y peroneos. De pie
    ...", "- Isquiotibiales. subí un pie ...", "- Muerto. Tirate de espaldas ..." are that list's stretches,
    though their names are no muscle the lexicon knows, or their text starts in lower case. A name longer
    than a plain one, or glossed, must say it is a stretch: "- Lie on your back, knees bent. ..." is a
    step."""
    mates: list[int] = []
    named = set(names)
    for index in names:
        if blocks[index].kind is not BlockKind.ITEM:
            continue
        for step in (-1, 1):
            other = index + step
            while 0 <= other < len(blocks) and blocks[other].kind is BlockKind.ITEM:
                if other not in named and is_list_mate(blocks[other].text, is_name):
                    named.add(other)
                    mates.append(other)
                other += step
    return mates


def is_list_mate(text: str, is_name: NameTest) -> bool:
    match = LIST_NAME_AS_SENTENCE.match(text)
    if match is None:
        return False
    name = match["name"]
    glossed = text[match.end("name") : match.start("rest")].strip() != "."
    return (len(name.split()) <= PLAIN_NAME_WORDS and "," not in name and not glossed) or is_name(name)


def bulleted_run_in(
    block: Block, is_name: NameTest, label: re.Pattern[str] | None, first: bool
) -> list[Block]:
    """A page flattened to one line, its stretches' names and their bulleted steps in a row: "Post-Run
    Stretches for Runners After a run ... Hamstring Stretch Stretch: your hamstrings • Lie on your back.
    • Hold for 30 seconds. Quad Stretch ..." -> the intro, then for each stretch its name as a heading, the
    labelled line after it and its steps as items; a Title Case title that opens the page's first line is
    its heading. [] when the paragraph has fewer than two bullets or no stretch's name before them."""
    pieces = RUN_IN_BULLET.split(block.text)
    if len(pieces) < 3:
        return []
    found: list[Block] = []
    names = 0
    for index, piece in enumerate(pieces):
        before, name, labelled = trailing_name(piece, is_name, label)
        if index == 0:
            title, before = leading_title(before) if first and name else (None, before)
            if title:
                found.append(Block(BlockKind.HEADING, title, block.line, level=1))  # the page's title
            if before:
                found.append(Block(BlockKind.PARAGRAPH, before, block.line))
        elif before:
            found.append(Block(BlockKind.ITEM, before, block.line))
        if name:
            names += 1
            found.append(Block(BlockKind.HEADING, name, block.line, level=PLAIN_HEADING))
            if labelled:
                found.append(Block(BlockKind.PARAGRAPH, labelled, block.line))
    return found if names else []


def trailing_name(text: str, is_name: NameTest, label: re.Pattern[str] | None) -> tuple[str, str, str]:
    """ "Hold for 30 seconds. Quad Stretch Stretch: your quads" -> ("Hold for 30 seconds.", "Quad
    Stretch", "Stretch: your quads"): the words after the text's last sentence that name a stretch, with
    a sub-head's labelled line after them; ("the text", "", "") when they name none."""
    ends = list(SENTENCE_END.finditer(text))
    start = ends[-1].end() if ends else 0
    tail = text[start:].strip()
    labelled = ""
    if label is not None and (match := label.search(tail)) and match.start() > 0:
        tail, labelled = tail[: match.start()].strip(), tail[match.start() :].strip()
        if (
            len(tail.split()) > MOST_RUN_IN_WORDS
            and is_name(labelled)
            and len(labelled.split()) <= PLAIN_NAME_WORDS
        ):
            # An intro run on into the first stretch, named only by its labelled line ("... of your
            # stretches Stretch: your hamstrings • From standing ..."): that line is the name.
            cut = start + text[start:].index(labelled)
            return text[:cut].strip(), labelled, ""
    if not tail or len(tail.split()) > MOST_RUN_IN_WORDS or not is_name(tail) or not tail[:1].isupper():
        return text.strip(), "", ""
    return text[:start].strip(), tail, labelled


def leading_title(text: str) -> tuple[str | None, str]:
    """ "Post-Run Stretches for Runners After a long run ..." -> ("Post-Run Stretches for Runners", "After a
    long run ..."): the words in Title Case before the first sentence's first word; (None, text) when the
    text does not open so."""
    words = text.split()
    lower = next(
        (
            index
            for index, word in enumerate(words)
            if word[:1].islower() and word.casefold() not in SMALL_TITLE_WORDS
        ),
        None,
    )
    if lower is None:
        return None, text
    start = lower - 1
    while start > 0 and words[start][:1].islower():
        start -= 1
    if start > 0 and words[start] == "I":
        start -= 1  # the sentence opens before its "I": "... Stretch Yesterday I posted ..."
    if start < 2 or not words[start][:1].isupper():
        return None, text
    return " ".join(words[:start]), " ".join(words[start:])


CAPITALS_NAME = re.compile(
    r"(?:^|(?<=[.!?])\s+)(?P<name>[A-ZÀ-ÝÑ][A-ZÀ-ÝÑ’'-]+(?:\s+[A-ZÀ-ÝÑ][A-ZÀ-ÝÑ’'-]*){0,6})"
    r"\s*(?P<hold>\(\s*\d[^()]{0,50}\))\s+(?=\S)"
)
"""A name in capitals with its hold in parentheses, inside a text: "... No hagas vaivenes. GEMELOS Y
SÓLEO (15 segundos cada pierna) Para estirar ..."."""
SET_WORD = re.compile(
    r"^(?:stretches|stretching|dehnübungen|übungen|étirements|estiramientos|ejercicios|esercizi|allungamenti"
    r"|alongamentos|exercícios|rekoefeningen)$",
    re.IGNORECASE,
)


def capitals_run_in(block: Block, is_name: NameTest, first: bool) -> list[Block]:
    """A document run into one line whose stretches are names in capitals, each with its hold in
    parentheses ("ESTIRAMIENTOS GEMELOS (40 segundos cada pierna) Para estirar ... GEMELOS Y SÓLEO (15
    segundos cada pierna) ..."), two or more of them saying it is a stretch: a heading per name (its hold
    with it) and its text after it; the page's first words naming the set ("ESTIRAMIENTOS") are its
    title. [] when fewer than two names say they are stretches."""
    marks = list(CAPITALS_NAME.finditer(block.text))
    if sum(1 for mark in marks if is_name(mark["name"])) < 2:
        return []  # two that name a muscle or a stretch vouch for the others ("CORVAS (30 Segundos)")
    found: list[Block] = []
    before = block.text[: marks[0].start("name")].strip()
    words = marks[0]["name"].split()
    if first and not before and len(words) > 1 and SET_WORD.match(words[0]):
        found.append(Block(BlockKind.HEADING, words[0], block.line, level=PLAIN_HEADING))
        words = words[1:]
    elif before:
        found.append(Block(BlockKind.PARAGRAPH, before, block.line))
    names = [" ".join(words), *(mark["name"] for mark in marks[1:])]
    ends = [mark.start("name") for mark in marks[1:]] + [len(block.text)]
    for name, mark, end in zip(names, marks, ends, strict=True):
        found.append(Block(BlockKind.HEADING, f"{name} {mark['hold']}", block.line, level=PLAIN_HEADING))
        if text := block.text[mark.end() : end].strip():
            found.append(Block(BlockKind.PARAGRAPH, text, block.line))
    return found


def numbered_run_in(block: Block, is_name: NameTest) -> list[Block]:
    """ "Intro: 1. Name: text 2. Name: text" -> the intro, then one numbered item per stretch ([]: not so)."""
    markers = list(RUN_IN_NUMBER.finditer(block.text))
    numbers = [int(marker["number"]) for marker in markers]
    run: list[re.Match[str]] = []
    for marker, number in zip(markers, numbers, strict=True):
        if number == len(run) + 1:
            run.append(marker)
    if len(run) < 2:
        return []
    pieces = [block.text[: run[0].start()].strip()]
    pieces += [block.text[marker.end() : after.start()].strip() for marker, after in pairwise(run)]
    pieces.append(block.text[run[-1].end() :].strip())
    found = [Block(BlockKind.PARAGRAPH, pieces[0], block.line)] if pieces[0] else []
    for piece in pieces[1:]:
        piece = RELATED_LINK.sub("", piece).strip()
        heading = run_in_heading(piece, is_name)
        if heading:
            found += [
                Block(BlockKind.HEADING, heading[0], block.line, level=PLAIN_HEADING, numbered=True),
                Block(BlockKind.PARAGRAPH, heading[1], block.line),
            ]
        else:
            found.append(Block(BlockKind.ITEM, piece, block.line, numbered=True))
    return found


def run_in_heading(text: str, is_name: NameTest) -> tuple[str, str] | None:
    """ "S’étirer les mollets Parmi les ..." -> the heading whose line break was lost, and its text: the
    words before the first capitalised one that starts the text again. None when a colon names it."""
    if re.match(r"^\S+(?:\s+\S+){0,5}\s?:\s", text):
        return None
    words = text.split()
    for index, word in enumerate(words[1 : MOST_RUN_IN_WORDS + 1], start=1):
        if word[:1].isupper() and not words[index - 1].endswith((".", ":")):
            name = " ".join(words[:index]).rstrip(",;")
            return (name, " ".join(words[index:])) if is_name(name) else None
    return None


def named_sentences(block: Block, is_name: NameTest) -> list[Block]:
    """An intro that runs on into "Hamstring stretch: Straighten ...": split before each such name."""
    starts = [0] + [
        match.start("name") for match in NAMED_SENTENCE.finditer(block.text) if is_name(match["name"])
    ]
    if len(starts) < 2:
        return [block]
    texts = [block.text[start:end].strip() for start, end in zip(starts, [*starts[1:], None], strict=True)]
    return [Block(BlockKind.PARAGRAPH, text, block.line) for text in texts if text]


def name_as_sentence(block: Block, is_name: NameTest) -> bool:
    if block.kind not in (BlockKind.PARAGRAPH, BlockKind.ITEM):
        return False
    match = NAME_AS_SENTENCE.match(block.text)
    return match is not None and bool(is_name(match["name"]))
