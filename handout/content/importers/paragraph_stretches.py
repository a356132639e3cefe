"""Stretches a page writes in paragraphs, not under names of their own: when no stretch's name is found,
paragraphs that each describe one and end with its hold ("In piedi, di fronte ad un muro, ... / Rimanere
in posizione 30 secondi"), paragraphs that open with an ordinal ("Il primo esercizio si esegue in
ginocchio ..."), or one stretch under its sub-heads ("¿Para qué sirve?" / "¿Cómo hacerlo?"); and a
heading that names two stretches, a paragraph each ("L'étirement des ischio-jambiers et des adducteurs"
/ ... / "Quant aux adducteurs, ...").

A stretch with no name is a section named "Stretch": the importer names it after the library entry it is
linked to.
"""

from __future__ import annotations

import re
from dataclasses import replace

from handout.content.importers.blocks import Block, BlockKind
from handout.content.importers.holds import find_hold, find_page_hold
from handout.content.importers.linking import described
from handout.content.importers.section_names import (
    INSTRUCTION_START,
    PARENTHESIS,
    STRETCH_WORD,
    Field,
    inline_subhead,
    subhead,
)
from handout.content.importers.sections import Article, Piece, Section, as_paragraph
from handout.content.importers.targets import NAME_ONLY, REGION, STRONG, muscles_in
from handout.content.importers.titles import take_title, without_repeated_title

UNNAMED = "Stretch"
FEWEST_UNNAMED = 2
"""Paragraphs, each a stretch, that a page must have for them to be read as its stretches."""

ORDINAL = re.compile(
    r"^\W*(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|next|last|final)"
    r"(?:\s+and\s+(?:last|final))?\s+(?:stretch|exercise|move(?:ment)?|pose|position)\b"
    r"|^\W*(?:die\s+)?(?:erste|zweite|dritte|vierte|fünfte|sechste|siebte|achte|nächste|letzte)\s+"
    r"(?:übung|dehnung|dehnübung)\b"
    r"|^\W*(?:le\s+|la\s+|l['’]\s*)?(?:premier|première|deuxième|second|seconde|troisième|quatrième"
    r"|cinquième|sixième|dernier|dernière)\s+(?:exercice|étirement|mouvement|posture)\b"
    r"|^\W*(?:el\s+)?(?:primer|segundo|tercer|cuarto|quinto|sexto|último)\s+(?:y\s+último\s+)?"
    r"(?:ejercicio|estiramiento|movimiento)\b"
    r"|^\W*(?:il\s+|l['’]\s*)?(?:primo|secondo|terzo|quarto|quinto|sesto|ultimo)\s+(?:e\s+ultimo\s+)?"
    r"(?:esercizio|movimento|allungamento)\b"
    r"|^\W*(?:o\s+)?(?:primeiro|segundo|terceiro|quarto|quinto|sexto|último)\s+(?:e\s+último\s+)?"
    r"(?:exercício|alongamento|movimento)\b"
    r"|^\W*(?:de\s+)?(?:eerste|tweede|derde|vierde|vijfde|laatste)\s+(?:oefening|rekoefening)\b",
    re.IGNORECASE,
)
"""A paragraph that opens by counting the stretches: "Il primo esercizio ...", "The second stretch ..."."""
SEQUENCE = re.compile(
    r"^\W*(?:(?:start|begin|first|next|then|after that|finally|lastly)[, ]+(?:by\s+|with\s+)?stretch\w*"
    r"|(?:empieza|comienza|empezamos|primero|a continuación|después|luego|por último|finalmente)[, ]+"
    r"(?:por\s+)?estir\w*"
    r"|(?:commencez|commence|d['’]abord|ensuite|puis|enfin)[, ]+(?:par\s+)?(?:étir\w*|vous étirer)"
    r"|(?:beginnen sie|beginne|zuerst|danach|dann|anschließend|zum schluss)[, ]+(?:mit\s+)?"
    r"(?:dehn\w*|\w+\s+dehnen)"
    r"|(?:inizia|comincia|iniziate|prima|poi|quindi|infine)[, ]+(?:ad?\s+|col\s+|con\s+l['’]\s*)?"
    r"(?:allung\w*|stir\w*)"
    r"|(?:comece|começa|primeiro|depois|em seguida|por fim)[, ]+(?:por\s+)?along\w*)\b",
    re.IGNORECASE,
)
"""A paragraph that opens by saying which stretch comes now: "Empieza estirando las pantorrillas ...", "A
continuación estira los músculos isquiotibiales ...", "Then stretch your hamstrings ..."."""


def unnamed_article(blocks: list[Block]) -> Article | None:
    """The stretches of a page that names none of them, in the first shape that fits, or None."""
    blocks = [as_paragraph(block) for block in blocks]
    title, blocks = take_title(blocks)
    blocks = without_repeated_title(title, blocks)
    shapes = (
        starting_positions,
        under_subheads,
        ordinal_paragraphs,
        held_paragraphs,
        lines_after_a_lead_in,
        stretch_paragraph,
    )
    for shape in shapes:
        if (found := shape(blocks)) and (stretches_in(*found) or labelled_as_stretches(shape, title, found)):
            return article_ending_with(title, *found)
    return None


def article_ending_with(
    title: Block | None, intro: list[Block], sections: list[Section], ending: list[Block]
) -> Article:
    """The article of stretches found without name lines, with the blocks after them as its ending (where
    a hold said once for all may be)."""
    return Article(
        title,
        intro,
        sections,
        [],
        ending=[block.line for block in ending],
        ending_text=" ".join(block.text for block in ending),
    )


Found = tuple[list[Block], list[Section], list[Block]]
"""The intro's blocks, the stretches, and the blocks after them (the page's ending)."""


def under_subheads(blocks: list[Block]) -> Found | None:
    """One stretch whose text is under a sub-head of its steps ("¿Cómo hacerlo?", "Fai così: piedi uniti
    e mani in appoggio", its words after the colon the steps'), with no name: the sub-heads before that
    one say who it is for and what it does, the intro's."""
    steps = [index for index, block in enumerate(blocks) if steps_subhead(block) is not None]
    if len(steps) != 1:
        return None
    start = steps[0]
    section = Section(UNNAMED, blocks[start].line)
    if rest := steps_subhead(blocks[start]):
        section.pieces.append(Piece(rest, blocks[start].line, Field.STEPS, False))
    kind = Field.STEPS
    end = len(blocks)
    for index in range(start + 1, len(blocks)):
        block = blocks[index]
        if block.kind is BlockKind.HEADING:
            found = subhead(block.text)
            if found is None:
                end = index
                break
            kind = found
            continue
        section.pieces.append(Piece(block.text, block.line, kind, block.kind is BlockKind.ITEM))
    if not section.pieces:
        return None
    intro = [block for block in blocks[:start] if block.kind is not BlockKind.HEADING]
    return intro, [section], blocks[end:]


STRETCH_NOW = re.compile(
    r"^\W*(?:stretch|étirez[- ]vous|étire[- ]toi|estírate|estirate|estire[- ]se|dehnen\s+sie|dehne\s+dich"
    r"|allungati|allungatevi|alongue[- ]se|rek\s+je)\s*:\s*(?P<rest>\S.*)$",
    re.IGNORECASE,
)
"""A paragraph opening with the imperative to stretch and a colon: "Étirez-vous : bras contre un mur, ..."."""


def stretch_paragraph(blocks: list[Block]) -> Found | None:
    """One paragraph that opens with the imperative to stretch and a colon ("Étirez-vous : bras contre un
    mur, ... Maintenez 20 s") and says a hold: the page's one stretch, with no name, the paragraphs and
    sub-heads before it (of other matters) the intro's, those after it the ending."""
    found = [
        index
        for index, block in enumerate(blocks)
        if block.kind is BlockKind.PARAGRAPH
        and (match := STRETCH_NOW.match(block.text))
        and find_hold(match["rest"])
    ]
    if len(found) != 1:
        return None
    start = found[0]
    match = STRETCH_NOW.match(blocks[start].text)
    assert match is not None
    section = Section(
        UNNAMED, blocks[start].line, [Piece(match["rest"], blocks[start].line, Field.STEPS, False)]
    )
    intro = [block for block in blocks[:start] if block.kind is not BlockKind.HEADING]
    return intro, [section], blocks[start + 1 :]


SHORT_SUBHEAD = 80
"""Characters of a sub-head's words after its colon ("Fai così: piedi uniti e mani in appoggio")."""


def steps_subhead(block: Block) -> str | None:
    """The words after a steps' sub-head ("" when none), None when the block is no steps' sub-head."""
    if block.kind is BlockKind.HEADING and subhead(block.text) is Field.STEPS:
        return ""
    found = inline_subhead(block.text)
    if found and found[0] is Field.STEPS and len(found[1]) <= SHORT_SUBHEAD and not found[1].endswith("."):
        return found[1] if block.kind is BlockKind.PARAGRAPH else ""
    return None


STARTING_POSITION = re.compile(
    r"^\W*(?:starting position|start position|ausgangs(?:stellung|position)|position de départ"
    r"|posici[oó]n (?:inicial|de partida)|posizione (?:iniziale|di partenza)|posição inicial|startpositie)"
    r"\s*:\s*\S",
    re.IGNORECASE,
)
"""A paragraph that opens with a stretch's starting position: "Ausgangsstellung: Einbeinstand."."""


def starting_positions_in(blocks: list[Block]) -> int:
    """How many paragraphs open with a starting position (at least 1: a page with no stretch's name is
    read as unnamed stretches anyway)."""
    return max(
        1, sum(b.kind is not BlockKind.HEADING and bool(STARTING_POSITION.match(b.text)) for b in blocks)
    )


def starting_positions(blocks: list[Block]) -> Found | None:
    """Paragraphs that each open with a stretch's starting position ("Ausgangsstellung: ...", "Starting
    position: ..."), each followed by labelled ones ("Übung: ...", "Beachte: ..."): each opens a stretch,
    with the labelled paragraphs after it; the first unlabelled block after the last is the page's ending."""
    openers = [
        index
        for index, block in enumerate(blocks)
        if block.kind is BlockKind.PARAGRAPH and STARTING_POSITION.match(block.text)
    ]
    if len(openers) < FEWEST_UNNAMED:
        return None
    sections: list[Section] = []
    end = len(blocks)
    for number, start in enumerate(openers):
        stop = openers[number + 1] if number + 1 < len(openers) else len(blocks)
        run = [blocks[start]]
        for index in range(start + 1, stop):
            if blocks[index].kind is not BlockKind.PARAGRAPH or inline_subhead(blocks[index].text) is None:
                end = index
                break
            run.append(blocks[index])
        sections.append(labelled_section(run))
    intro = [block for block in blocks[: openers[0]] if block.kind is BlockKind.PARAGRAPH]
    return intro, sections, blocks[end:] if end > openers[-1] else []


def labelled_section(blocks: list[Block]) -> Section:
    """A stretch with no name whose paragraphs open with their sub-heads' labels ("Übung: ...")."""
    section = Section(UNNAMED, blocks[0].line)
    for block in blocks:
        kind, text = inline_subhead(block.text) or (Field.STEPS, block.text)
        section.pieces.append(Piece(text, block.line, kind, False))
    return section


def ordinal_paragraphs(blocks: list[Block]) -> Found | None:
    """Paragraphs that open by counting the stretches ("Il primo esercizio si esegue in ginocchio ...",
    "Il secondo esercizio ..."): each is a stretch, with the paragraphs up to the next; what follows the
    last one's paragraph is the page's ending."""
    openers = [
        index
        for index, block in enumerate(blocks)
        if block.kind is BlockKind.PARAGRAPH and (ORDINAL.match(block.text) or SEQUENCE.match(block.text))
    ]
    if len(openers) < FEWEST_UNNAMED:
        return None
    sections = []
    for number, start in enumerate(openers):
        end = openers[number + 1] if number + 1 < len(openers) else start + 1
        sections.append(section_of(blocks[start:end]))
    intro = [block for block in blocks[: openers[0]] if block.kind is BlockKind.PARAGRAPH]
    return intro, sections, blocks[openers[-1] + 1 :]


def held_paragraphs(blocks: list[Block]) -> Found | None:
    """Paragraphs that each describe a stretch and end with its hold ("In piedi, di fronte ad un muro,
    ..." / "Rimanere in posizione 30 secondi e poi scambiare gamba.", "A gambe divaricate ... Mantenere
    30 secondi ..."): from the first that says a body position or instructs, a stretch ends at each
    paragraph with a hold; the paragraphs after the last hold are the page's ending."""
    if any(block.kind is not BlockKind.PARAGRAPH for block in blocks):
        return None
    start = next((index for index, block in enumerate(blocks) if opens_a_stretch(block.text)), None)
    if start is None:
        return None
    sections: list[Section] = []
    run: list[Block] = []
    end = start
    for index in range(start, len(blocks)):
        run.append(blocks[index])
        if find_hold(blocks[index].text):
            sections.append(section_of(run))
            run, end = [], index + 1
    if len(sections) < FEWEST_UNNAMED:
        return None
    return blocks[:start], sections, blocks[end:]


LIMB = re.compile(
    r"\b(?:legs?|knees?|foot|feet|heels?|ankles?|hands?|arms?|hips?|toes?|beine?|knien?|füße|fuß|fersen?|hände"
    r"|arme?|jambes?|genoux?|pieds?|talons?|mains?|bras|piernas?|rodillas?|pies?|talón|manos?|brazos?|gambe?|gamba"
    r"|ginocchi[oa]?|piedi|piede|tallone|mani|braccia|pernas?|joelhos?|pés?|mãos?|braços?|benen|voeten|handen)\b",
    re.IGNORECASE,
)
"""A limb a line of steps moves: "hands on a surface, back leg extended straight"."""


def lines_after_a_lead_in(blocks: list[Block]) -> Found | None:
    """A lead-in that says one hold for all and ends with a colon ("you hold all of these for 15 seconds
    ...:"), then lines each a stretch's steps, each moving a limb ("hands on a surface, back leg extended
    straight ..."); a label leading into a line ("hip (...):") names its stretch. The first line that
    moves no limb is the page's ending."""
    lead = next(
        (
            index
            for index, block in enumerate(blocks)
            if block.kind is BlockKind.PARAGRAPH
            and block.text.rstrip(" *").endswith(":")
            and find_page_hold(block.text)
        ),
        None,
    )
    if lead is None:
        return None
    sections: list[Section] = []
    label: Block | None = None
    end = len(blocks)
    for index in range(lead + 1, len(blocks)):
        block = blocks[index]
        if block.kind is BlockKind.HEADING and block.lead_in and label is None:
            label = block
            continue
        if block.kind is BlockKind.HEADING or not LIMB.search(block.text):
            end = index - (label is not None)
            break
        section = section_of([block])
        if label is not None:
            section.name = PARENTHESIS.sub("", label.text).strip(" :") or UNNAMED
            label = None
        sections.append(section)
    if len(sections) < FEWEST_UNNAMED:
        return None
    return blocks[: lead + 1], sections, blocks[end:]


def stretches_in(intro: list[Block], sections: list[Section], ending: list[Block]) -> bool:
    """Each of the paragraphs read as stretches is one, or the intro says a hold for all of them."""
    return all(about_stretching(section) for section in sections) or bool(
        find_page_hold(" ".join(block.text for block in intro))
    )


def labelled_as_stretches(shape: object, title: Block | None, found: Found) -> bool:
    """Paragraphs labelled with their starting positions, under a title or an intro that says they are
    stretches ("Dehnungsübungen ...")."""
    said = " ".join(block.text for block in ([title] if title else []) + found[0])
    return shape is starting_positions and STRETCH_WORD.search(said) is not None


def about_stretching(section: Section) -> bool:
    """A stretch's text says a stretch, a muscle or a hold, or a body position and a body part: a page's
    other texts that have a "How to" or paragraphs counted "first" and "second" are no stretches."""
    text = " ".join(piece.text for piece in section.pieces)
    if STRETCH_WORD.search(text) or muscles_in(text, STRONG) or find_hold(text):
        return True
    return bool(muscles_in(text, REGION) and described(text)[0])


def opens_a_stretch(text: str) -> bool:
    return bool(described(text)[0]) or INSTRUCTION_START.match(text) is not None


def section_of(blocks: list[Block]) -> Section:
    section = Section(UNNAMED, blocks[0].line)
    section.pieces = [
        Piece(block.text, block.line, Field.STEPS, block.kind is BlockKind.ITEM)
        for block in blocks
        if block.kind is not BlockKind.HEADING
    ]
    return section


PAIR = re.compile(
    r"^(?P<head>.*?\b(?:des|du|de\s+la|of\s+the|of\s+your|der|de\s+los|de\s+las|del|dei|degli|delle|dos|das)\s+)"
    r"(?P<first>.+?)\s+(?:et|and|und|y|e)\s+(?:des|du|de\s+la|the|your|der|die|los|las|del|dei|degli|delle"
    r"|dos|das)\s+(?P<second>.+?)\W*$",
    re.IGNORECASE,
)
"""A stretch's heading naming two muscles: "L'étirement des ischio-jambiers et des adducteurs"."""
OPENING = 60
"""Characters at a paragraph's start where it names the muscle it turns to ("Quant aux adducteurs, ...")."""


def with_paired_stretches(article: Article) -> Article:
    """A heading that names two muscles' stretches ("L'étirement des ischio-jambiers et des adducteurs"),
    whose text turns to the second in a paragraph that opens by naming it ("Quant aux adducteurs, ..."):
    two stretches, each named by the heading's words for its muscle."""
    sections: list[Section] = []
    for section in article.sections:
        sections += split_pair(section)
    if len(sections) == len(article.sections):
        return article
    return replace(article, sections=sections)


def split_pair(section: Section) -> list[Section]:
    match = PAIR.match(section.name)
    if match is None:
        return [section]
    first = {muscle.key for muscle in muscles_in(match["first"], NAME_ONLY)}
    second = {muscle.key for muscle in muscles_in(match["second"], NAME_ONLY)}
    if not first or not second or first & second:
        return [section]
    for index, piece in enumerate(section.pieces[1:], start=1):
        opening = {muscle.key for muscle in muscles_in(piece.text[:OPENING], NAME_ONLY)}
        if not piece.item and opening & second and not opening & first:
            return [
                Section(f"{match['head']}{match['first']}", section.line, section.pieces[:index]),
                Section(f"{match['head']}{match['second']}", piece.line, section.pieces[index:]),
            ]
    return [section]


FOR_MUSCLE = re.compile(
    r"^\W*(?:for|to stretch|per(?:\s+allungare)?|pour(?:\s+étirer)?|para(?:\s+estirar|\s+alongar)?|für|um)\s+"
    r"(?:the\s+|your\s+|i\s+|gli\s+|le\s+|il\s+|lo\s+|la\s+|l['’]\s*|les\s+|vos\s+|los\s+|las\s+|el\s+"
    r"|os\s+|as\s+|o\s+|a\s+|die\s+|den\s+|der\s+)?",
    re.IGNORECASE,
)
"""A sentence opening with the muscle it is for: "Per i bicipiti femorali si parte ...", "For the calves,
..."."""
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý])")


def with_muscle_sentences(article: Article) -> Article:
    """A paragraph that gives several stretches in turn, each in sentences opening with its muscle ("Per i
    bicipiti femorali si parte in posizione eretta ... Per allungare gli adduttori ci si può sedere ...
    Per i quadricipiti ..."): a stretch each, with no name; the sentences before the first are the
    first's (a hold said there for each position is given to all)."""
    sections: list[Section] = []
    for section in article.sections:
        sections += split_by_muscle(section)
    if len(sections) == len(article.sections):
        return article
    return replace(article, sections=sections)


def split_by_muscle(section: Section) -> list[Section]:
    sentences = [
        (sentence, piece)
        for piece in section.pieces
        for sentence in (SENTENCE.split(piece.text) if not piece.item else [piece.text])
    ]
    openers = []
    for index, (sentence, piece) in enumerate(sentences):
        if piece.item or not (match := FOR_MUSCLE.match(sentence)):
            continue
        muscles = frozenset(m.key for m in muscles_in(sentence[match.end() : match.end() + 40], NAME_ONLY))
        if muscles and sentence[match.end() : match.end() + 40].split()[0].lower() not in (
            "quanto",
            "questo",
        ):
            openers.append((index, muscles))
    if len(openers) < FEWEST_UNNAMED or len({muscles for _, muscles in openers}) < len(openers):
        return [section]
    splits = []
    for number, (start, _) in enumerate(openers):
        first = 0 if number == 0 else start
        end = openers[number + 1][0] if number + 1 < len(openers) else len(sentences)
        run = sentences[first:end]
        split = Section(UNNAMED, run[0][1].line)
        split.pieces = [Piece(sentence, piece.line, piece.field, piece.item) for sentence, piece in run]
        splits.append(split)
    return splits


COUNTED = re.compile(
    r"^\W*\d{1,2}\s+(?:\w+\s+){0,2}(?:exercises|stretches|ejercicios|estiramientos|übungen|dehnübungen|exercices"
    r"|étirements|esercizi|allungamenti|exercícios|alongamentos|oefeningen|rekoefeningen)\b",
    re.IGNORECASE,
)
"""A heading that counts the stretches under it: "3 Ejercicios para estirar gemelos"."""


def with_counted_bullets(article: Article) -> Article:
    """A heading that counts the stretches under it ("3 Ejercicios para estirar gemelos"), over bullets
    that each describe one with no name ("- Busca un escalón ...", "- Sitúate frente a una pared ..."),
    each a body position or a prop: a stretch each, with no name, the heading's muscle its target where
    it names none; a bullet that says nothing of stretching (one cut off) is none."""
    sections: list[Section] = []
    for section in article.sections:
        sections += split_bullets(section)
    if len(sections) == len(article.sections):
        return article
    return replace(article, sections=sections)


def split_bullets(section: Section) -> list[Section]:
    if not COUNTED.match(section.name) or not all(piece.item for piece in section.pieces):
        return [section]
    splits = []
    for piece in section.pieces:
        split = Section(UNNAMED, piece.line, [piece])
        if (opens_a_stretch(piece.text) or described(piece.text)[1]) and about_stretching(split):
            if not muscles_in(piece.text, STRONG) and muscles_in(section.name, STRONG):
                split.pieces.insert(0, Piece(section.name, section.line, Field.TARGETS, False))
            splits.append(split)
        elif about_stretching(split):
            return [section]  # a bullet of the stretch before, not one of its own
    return splits if len(splits) >= FEWEST_UNNAMED else [section]
