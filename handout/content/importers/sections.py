"""Blocks -> the article's title, its intro and one section per stretch, whatever shape the page has.

Pages mark their stretches in a few ways: headings (`## 2. Calf stretch`, a short line of its own, a bold
line), list items or paragraphs that start with the name (`1. Waden-Dehnung: Stell dich ...`, `- Calf
Stretch — Stand ...`, `Quad: For the front of the thigh; ...`), or numbered lines each followed by a
paragraph. Under a stretch, sub-heads ("Instructions", "Tips", "Benefits", in four languages) say which
field their text is for; headings such as "Conclusion" or "Why stretch?" end the stretches' text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from handout.content.importers.blocks import PLAIN_HEADING, Block, BlockKind
from handout.content.importers.holds import find_hold
from handout.content.importers.linking import described
from handout.content.importers.run_in import split_run_ins
from handout.content.importers.section_names import (
    CLOSER,
    FIRST_SENTENCE,
    GENERIC_HEADING,
    INLINE_NAME,
    LONGEST_INLINE_NAME,
    MOST_NAME_WORDS,
    NUMBER_PREFIX,
    SENTENCE_ENDS,
    STRETCH_WORD,
    SUBHEAD_LABEL,
    Field,
    clean_name,
    inline_name,
    inline_subhead,
    is_stretchy,
    name_words,
    opens_steps,
    subhead,
)
from handout.content.importers.targets import (
    NAME_ONLY,
    STRONG,
    muscles_in,
)
from handout.content.importers.text_reader import looks_like_heading
from handout.content.importers.titles import take_title, without_repeated_title


@dataclass(frozen=True)
class Piece:
    """A block's text under a stretch, with the field it is for."""

    text: str
    line: int
    field: Field
    item: bool  # a list item (a step), not a paragraph


@dataclass
class Section:
    name: str
    line: int
    pieces: list[Piece] = field(default_factory=list)


@dataclass
class Article:
    title: Block | None
    intro: list[Block]
    sections: list[Section]
    dropped: list[tuple[str, int]]  # the headings whose text was left out, with their lines
    contents: list[int] = field(default_factory=list)  # the lines of the page's list of its stretches
    ending: list[int] = field(default_factory=list)  # the lines after the last one-line stretch
    ending_text: str = ""  # their text, where a hold said once for all may be ("all stretches ... 20 s")


def split_article(blocks: list[Block]) -> Article:
    """The title, the intro and the stretches' sections, for the shape this article has."""
    blocks = [as_paragraph(block) for block in blocks]
    blocks = with_cut_off_end(split_run_ins(blocks, is_stretchy, SUBHEAD_LABEL))
    title, blocks = take_title(blocks)
    blocks = without_repeated_title(title, blocks)
    blocks = without_picture_labels(numbered_lines_as_headings(with_named_list_mates(blocks)))
    heading_openers, level = heading_shape(blocks)
    if not_stretches := captions_and_groups(blocks, heading_openers):
        blocks = [
            Block(BlockKind.PARAGRAPH, block.text, block.line) if is_lead_in(block) else block
            for index, block in enumerate(blocks)
            if index not in not_stretches or is_lead_in(block)
        ]
        heading_openers, level = heading_shape(blocks)
    inline_openers = {index for index, block in enumerate(blocks) if inline_name(block)}
    if len(inline_openers) > len(heading_openers):
        return without_non_stretches(without_outro(gather(title, blocks, inline_openers, level=None)))
    article = without_non_stretches(without_contents(gather(title, blocks, heading_openers, level=level)))
    return with_one_stretch_title(with_run_on_stretches(without_other_groups(article)), blocks)


def with_run_on_stretches(article: Article) -> Article:
    """A stretch's steps that go on after its hold in another starting position ("- Lie on the floor ...
    - Hold for 30 seconds ... - Sit on the floor ... twisting") are the next stretch, with no name of its
    own: a section named "Stretch", which takes the name of the library entry it is linked to, and the
    muscles of the heading it is under."""
    sections: list[Section] = []
    for section in article.sections:
        sections.append(section)
        pieces = section.pieces
        for index in range(1, len(pieces) - 2):
            rest = pieces[index + 1 :]
            if not (pieces[index].item and all(piece.item for piece in rest)):
                continue
            if find_hold(pieces[index].text) is None:
                continue
            first = first_posture(pieces[0].text)
            if first and first_posture(rest[0].text) not in (None, first):
                section.pieces = pieces[: index + 1]
                muscles = Piece(section.name, rest[0].line, Field.TARGETS, False)  # under the same heading
                sections.append(Section("Stretch", rest[0].line, [muscles, *rest]))
                break
    return replace(article, sections=sections)


def first_posture(text: str) -> str | None:
    postures = described(text)[0]
    return postures[0] if postures else None


def without_other_groups(article: Article) -> Article:
    """A paragraph under a stretch that ends in a colon and turns to other muscles ("Anche la schiena,
    però, è sottoposta a tensione ... Ecco come prevenirla:") opens other stretches, written as bullets
    with no name: they are not this stretch's text (nor its hold); they are reported as left out."""
    for section in article.sections:
        own = muscle_keys(section.name)
        for index, piece in enumerate(section.pieces[1:], start=1):
            turns = piece.text.rstrip().endswith(":") and not piece.item
            others = {muscle.key for muscle in muscles_in(piece.text, NAME_ONLY)}
            if (
                turns
                and own
                and others
                and not others & own
                and any(p.item for p in section.pieces[index + 1 :])
            ):
                article.dropped.append((piece.text[:60], piece.line))
                section.pieces[index:] = []
                break
    return article


def without_picture_labels(blocks: list[Block]) -> list[Block]:
    """Headings in a run of their own, each naming the muscle of a stretch a paragraph names at its start
    ("Quad: For the front of the thigh; ..." ... then "Quad Stretch" / "Calf Stretch" / "Hamstring
    Stretch"), are the labels of the page's pictures, no stretches."""
    named = [found[0] for block in blocks if (found := inline_name(block))]
    muscles = {keys for name in named if (keys := muscle_keys(name))}
    if len(muscles) < 2:
        return blocks
    labels: set[int] = set()
    run: list[int] = []
    for index, block in enumerate([*blocks, Block(BlockKind.PARAGRAPH, "", 0)]):
        if block.kind is BlockKind.HEADING and muscle_keys(block.text) in muscles:
            run.append(index)
            continue
        if len(run) >= 2:
            labels.update(run)
        run = []
    return [block for index, block in enumerate(blocks) if index not in labels]


def muscle_keys(text: str) -> frozenset[str]:
    return frozenset(muscle.key for muscle in muscles_in(clean_name(text), STRONG))


def with_one_stretch_title(article: Article, blocks: list[Block]) -> Article:
    """A page that is one stretch ("Waden dehnen", "Estiramiento de cuádriceps"), headed by its name:
    the page's first heading, after an intro's paragraphs or none, is its title and the stretch's name;
    a numbered one ("1. Decontrai il quadricipite") is the first of a list the copy cut off, no title."""
    if article.title is not None or len(article.sections) != 1:
        return article
    first = next((block for block in blocks if block.kind is BlockKind.HEADING), None)
    if first is None or article.sections[0].line != first.line or is_numbered(first):
        return article
    return replace(article, title=first)


def as_paragraph(block: Block) -> Block:
    """A short line guessed to be a heading that is a field ("Targets: hip flexors") is a paragraph."""
    if block.kind is BlockKind.HEADING and block.level == PLAIN_HEADING and inline_subhead(block.text):
        return Block(BlockKind.PARAGRAPH, block.text, block.line)
    return block


def with_cut_off_end(blocks: list[Block]) -> list[Block]:
    """A copy that ends inside a sentence ("Os isquiotibiais são os músculos que ficam na pa") leaves a
    short last line that looks like a heading: longer than a stretch's name, it is the sentence's start,
    a paragraph of the stretch before it."""
    if not blocks:
        return blocks
    last = blocks[-1]
    if (
        last.kind is not BlockKind.HEADING
        or last.level != PLAIN_HEADING
        or len(last.text.split()) <= MOST_NAME_WORDS
        or subhead(last.text)
        or CLOSER.search(last.text)
    ):
        return blocks
    return [*blocks[:-1], Block(BlockKind.PARAGRAPH, last.text, last.line)]


def with_named_list_mates(blocks: list[Block]) -> list[Block]:
    """A list two or more of whose items open with a stretch's name and a colon ("2. Achillessehnen
    dehnen: Auf einem ...") takes its other items that open so as named too, though their name says
    nothing of stretching ("1. Nach unten beugen: Mit leicht gebeugten Knien ...")."""
    runs: list[list[int]] = []
    for index, block in enumerate(blocks):
        if block.kind is not BlockKind.ITEM:
            continue
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    turned: set[int] = set()
    for run in runs:
        if sum(1 for index in run if inline_name(blocks[index])) >= 2:
            turned |= {index for index in run if plain_name_first(blocks[index])}
    return [
        replace(block, named=True) if index in turned and not block.named else block
        for index, block in enumerate(blocks)
    ]


def plain_name_first(block: Block) -> bool:
    """An item that opens with a short name and a colon, whatever the name says."""
    match = INLINE_NAME.match(NUMBER_PREFIX.sub("", block.text))
    return (
        match is not None
        and name_words(match["name"]) <= MOST_NAME_WORDS
        and len(match["name"]) <= LONGEST_INLINE_NAME
        and not subhead(match["name"])
    )


def captions_and_groups(blocks: list[Block], openers: set[int]) -> set[int]:
    """Headings that seemed to open a stretch but say something of the one next to them: a stretch's
    heading followed at once by another heading and then its steps has a picture's caption or alt text
    under it ("Glutes – Back Lying Figure 4" / "Glute Stretches" / "1. Lying on back ...", "Hamstrings &
    ITB Band (Standing)" / "Hamstring stretchHamstring Stretch 2"): the second is no stretch; unless the
    first names a set of stretches ("Los siete estiramientos que todos deben hacer" / "Cuádriceps"), a
    group heading that is no stretch. A heading that is a sentence leading into a list ("Hier is de
    specifieke reeks rekoefeningen die Bertho dagelijks deed:") is no stretch either."""
    dropped = {index for index in openers if is_lead_in(blocks[index])}
    names = [block.text.casefold() for block in blocks if block.kind is BlockKind.HEADING]
    for index in sorted(openers):
        after = index + 1
        if after not in openers or index in dropped:
            continue
        first, second = blocks[index], blocks[after]
        if second.numbered and first.numbered:
            continue  # two numbered stretches, the first without text of its own
        if names.count(first.text.casefold()) > 1 or names.count(second.text.casefold()) > 1:
            continue  # the page's list of its stretches, then the first of them
        if names_a_set(first.text) and not names_a_set(second.text):
            dropped.add(index)
        elif opens_steps(blocks, after):
            dropped.add(after)
    return dropped


def is_lead_in(block: Block) -> bool:
    """A heading that is a sentence leading into what follows, not a name: it ended with a colon and is
    longer than a name ("Hier is de specifieke reeks rekoefeningen die Bertho dagelijks deed:")."""
    return block.kind is BlockKind.HEADING and block.lead_in and len(block.text.split()) > MOST_NAME_WORDS


SET_OF_STRETCHES = re.compile(
    r"\b(?:stretches|exercises|übungen|dehnübungen|étirements|exercices|estiramientos|ejercicios|esercizi"
    r"|allungamenti|alongamentos|exercícios|oefeningen|rekoefeningen)\b",
    re.IGNORECASE,
)


def names_a_set(text: str) -> bool:
    """A heading that names stretches in the plural ("Los siete estiramientos ...", "Glute Stretches")."""
    return SET_OF_STRETCHES.search(text) is not None


def numbered_lines_as_headings(blocks: list[Block]) -> list[Block]:
    """Short numbered lines each followed by a paragraph, a sub-head or bulleted steps ("1. Calf stretch",
    then "Instructions", or "- Stand facing a wall") are the stretches' names, not steps: when all
    numbered lines are so, or two or more."""
    numbered = [
        index for index, block in enumerate(blocks) if block.kind is BlockKind.ITEM and block.numbered
    ]
    names = [index for index in numbered if names_a_section(blocks, index)]
    bulleted = [
        index
        for index, block in enumerate(blocks)
        if block.kind is BlockKind.ITEM
        and not block.numbered
        and index + 1 < len(blocks)
        and blocks[index + 1].kind is BlockKind.PARAGRAPH
        and looks_like_heading(block.text)
        and is_stretchy(block.text)
        and not inline_name(block)
    ]
    if len(bulleted) >= 2:  # "- Hamstring Stretch (Staande hamstring stretch)" / "Uitvoering: Ga ..."
        names = sorted({*names, *bulleted})
    elif not names or (len(names) < 2 and len(names) < len(numbered)):
        return blocks
    turned = set(names)
    return [
        Block(BlockKind.HEADING, block.text, block.line, level=PLAIN_HEADING, numbered=True)
        if index in turned
        else block
        for index, block in enumerate(blocks)
    ]


LONGEST_NUMBERED_NAME = 140


def names_a_section(blocks: list[Block], index: int) -> bool:
    """A numbered line that is a name: short, or a long name that opens with a stretch's word and ends
    no sentence ("1. Alongamento em escada ou com apoio alto de uma lista telefônica, por exemplo")."""
    if index + 1 >= len(blocks):
        return False
    text = blocks[index].text
    long_name = (
        len(text) <= LONGEST_NUMBERED_NAME
        and not text.rstrip().endswith(SENTENCE_ENDS)
        and STRETCH_WORD.match(clean_name(text)) is not None
    )
    if not (looks_like_heading(text) or long_name):
        return False
    following = blocks[index + 1]
    return (
        following.kind is BlockKind.PARAGRAPH
        or (following.kind is BlockKind.HEADING and subhead(following.text) is not None)
        or (following.kind is BlockKind.ITEM and not following.numbered)  # its steps as bullets
    )


def heading_shape(blocks: list[Block]) -> tuple[set[int], int | None]:
    """The headings that open a stretch, and the level they are at (None without any)."""
    candidates = [
        index
        for index, block in enumerate(blocks)
        if block.kind is BlockKind.HEADING
        and subhead(block.text) is None
        and not CLOSER.search(block.text)
        and not GENERIC_HEADING.match(clean_name(block.text))
    ]
    levels = Counter(blocks[index].level for index in candidates if is_stretchy(blocks[index].text))
    if not levels:  # names that say nothing of stretching ("De Inchworm"), each opening its steps
        levels = Counter(blocks[index].level for index in candidates if opens_steps(blocks, index))
        if sum(levels.values()) < 2:
            return set(), None
    if not levels:
        return set(), None
    level = max(levels, key=lambda found: (levels[found], found))
    numbered = sum(1 for index in candidates if blocks[index].level == level and is_numbered(blocks[index]))
    openers = set()
    for index in candidates:
        block = blocks[index]
        if block.level != level:
            continue
        if is_stretchy(block.text) or (numbered >= 2 and is_numbered(block)) or opens_steps(blocks, index):
            openers.add(index)
    return openers, level


def is_numbered(block: Block) -> bool:
    return block.numbered or NUMBER_PREFIX.match(block.text) is not None


def gather(title: Block | None, blocks: list[Block], openers: set[int], level: int | None) -> Article:
    """Walk the blocks once: the intro, then each opener's section, sub-heads switching the field.

    A heading that ends the stretches' text ("Conclusion", a group heading) is reported when text under
    it is left out.
    """
    intro: list[Block] = []
    sections: list[Section] = []
    dropped: list[tuple[str, int]] = []
    closer: tuple[str, int] | None = None
    current: Section | None = None
    kind = Field.STEPS
    for index, block in enumerate(blocks):
        if index in openers:
            named = inline_name(block) if level is None else None
            name = named[0] if named else block.text
            current = Section(clean_name(name) or name, block.line)
            sections.append(current)
            kind, closer = Field.STEPS, None
            if named:
                current.pieces.append(Piece(named[1], block.line, Field.STEPS, block.kind is BlockKind.ITEM))
            continue
        if block.kind is BlockKind.HEADING:
            found = subhead(block.text)
            if found is not None and current is not None:
                kind = found
                continue
            if ends_sections(block, level):
                current, closer = None, (block.text, block.line)
                if CLOSER.search(block.text) and not sections:
                    dropped.append(closer)
                continue
            if level is not None and level < block.level < PLAIN_HEADING:
                continue  # a heading inside a stretch that names no field: its text stays in the field
        if current is None:
            if not sections and (block.kind is not BlockKind.HEADING or block.lead_in):
                intro.append(block)  # a lead-in ("Hold these stretches 15 seconds:") is the intro's
            elif closer is not None and (not dropped or dropped[-1] != closer):
                dropped.append(closer)
            continue
        add_piece(current, block, kind)
    return Article(title, intro, sections, dropped)


def ends_sections(block: Block, level: int | None) -> bool:
    """A heading that is no stretch's and ends the one before: "Conclusion", a group heading."""
    if CLOSER.search(block.text):
        return True
    if level is None:
        return block.level < PLAIN_HEADING
    return block.level < level or (block.level == level and level < PLAIN_HEADING)


def add_piece(section: Section, block: Block, kind: Field) -> None:
    """A block under a stretch; "Targets: calves. Face a wall." gives its first sentence to the target."""
    item = block.kind is BlockKind.ITEM
    found = inline_subhead(block.text)
    if found is None:
        section.pieces.append(Piece(block.text, block.line, kind, item))
        return
    kind, text = found
    first, *rest = FIRST_SENTENCE.split(text, maxsplit=1) if kind is Field.TARGETS else [text]
    section.pieces.append(Piece(first, block.line, kind, item))
    if rest:
        section.pieces.append(Piece(rest[0], block.line, Field.STEPS, item))


def without_outro(article: Article) -> Article:
    """Stretches written one a line: what follows the last one's line is the article's ending
    ("See you on the track!"), unless other stretches have lines of their own too."""
    sections = article.sections
    if len(sections) < 2 or any(len(section.pieces) > 1 for section in sections[:-1]):
        return article
    last = sections[-1]
    ending = [piece.line for piece in last.pieces[1:]]
    text = " ".join(piece.text for piece in last.pieces[1:])
    last.pieces[1:] = []
    return Article(article.title, article.intro, sections, article.dropped, ending=ending, ending_text=text)


def without_non_stretches(article: Article) -> Article:
    """A section whose name and text say nothing of stretching or of a muscle ("1) Walk it out: ...
    allow your body to calm down") is a step of the cool-down, not a stretch: it is left out, and said. A
    position held for a time is a stretch ("Nach unten beugen: ... In dieser Haltung 10 bis 15 Sekunden
    verharren")."""
    kept = []
    dropped = list(article.dropped)
    for section in article.sections:
        text = " ".join(piece.text for piece in section.pieces)
        if (
            is_stretchy(section.name)
            or STRETCH_WORD.search(text)
            or muscles_in(text, STRONG)
            or find_hold(text)
        ):
            kept.append(section)
        else:
            dropped.append((section.name, section.line))
    if len(kept) == len(article.sections) or not kept:
        return article
    return replace(article, sections=kept, dropped=dropped)


def without_contents(article: Article) -> Article:
    """A page's list of its stretches before them ("On this page"): names with no text of their own,
    each named again by a later section, are not stretches."""
    later: set[str] = set()
    kept: list[Section] = []
    contents: list[int] = []
    for section in reversed(article.sections):
        if not section.pieces and section.name.casefold() in later:
            contents.insert(0, section.line)
            continue
        later.add(section.name.casefold())
        kept.append(section)
    return Article(article.title, article.intro, kept[::-1], article.dropped, contents=contents)
