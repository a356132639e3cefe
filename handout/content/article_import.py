"""Turn a stretching article into a routine file: text -> lines -> sections -> routine TOML.

Articles copied from the web or a newsletter are a first draft for a coach, not a finished routine: the
importer keeps what it can read with confidence, warns (with the article's line number) about what it
cannot, and leaves `# TODO` comments in the TOML where the coach has to fill a field in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from handout.content.routine import MAX_KEY_POINTS, MAX_STRETCHES
from handout.errors import HandoutError

SHORT_POINT = 80
"""A key point longer than this (characters) is split at clause boundaries, when it has any."""
SUBTITLE_LENGTH = 200
"""The subtitle takes the intro's first sentence, and the second while the total stays under this."""
MAX_TARGET_WORDS = 6

IMAGE_FILE = re.compile(r"\.(jpe?g|png|gif|webp|bmp|svg|heic|tiff?)\W*$", re.IGNORECASE)
BOILERPLATE = [
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"[★☆❋✿❀]",
        r"\b(posted|published|updated)\s+(on|by)\b",
        r"^\W*(tags?|categor(y|ies)|share( this)?|related( posts)?|read more)\s*:",
        r"^\W*(image|photo|picture|figure|fig\.|caption|source|credit)s?\b\s*\d*\s*[:.)-]",
        r"^!\[[^\]]*\]\([^)]*\)$",  # a Markdown image
        r"^\W*$",  # rules (---, ***) and lines of symbols
    )
]
DATE = re.compile(
    r"^\W*(\d{1,4}[-/.]\d{1,2}[-/.,]\s*\d{2,4}"
    r"|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}(st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4})\W*$",
    re.IGNORECASE,
)
FILLER = re.compile(
    r"^(let[\u2019']s (take a look|get started|begin|go|see|start)|read on|here[\u2019']s how|here is how"
    r"|key points?( of the (action|movement|exercise|stretch))?\s*:?\s*$|how to do it\s*:?\s*$"
    r"|instructions\s*:?\s*$)",
    re.IGNORECASE,
)
LEADING_FILLER = re.compile(
    r"^(key points?( of the (action|movement|exercise|stretch))?|how to do it|instructions)\s*:\s*",
    re.IGNORECASE,
)

MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*$")
STEP_HEADING = re.compile(r"^step\s+\d{1,2}\s*[:.)-]\s*(.+)$", re.IGNORECASE)
NUMBERED = re.compile(r"^\d{1,2}[.)]\s+(.+)$")
BULLET = re.compile(r"^[-*•]\s+(.+)$")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"\u201d\u2019)]*\s+(?=[\"\u201c(]*[A-Z,])")
# A capitalised word that starts a new sentence where the article lost its full stop ("the thigh When").
LOST_FULL_STOP = re.compile(
    r"(?<=[a-z])\s+(?=(?:When|If|Then|Hold|Keep|Repeat|Now|Slowly|Make|Try|Stay|Once|After|Before|You)\b)"
)

TARGET_PATTERNS = [
    re.compile(r"^targets?\s*:\s*(?P<muscle>.+)$", re.IGNORECASE),
    re.compile(
        r"\b(stretches|stretching|exercises|targets|works|lengthens|loosens)\s+(?P<muscle>.+)$", re.IGNORECASE
    ),
    re.compile(
        r"\bfeel\s+(the|a)\s+(stretch|pull)\s+(in|along|at|down)\s+(?P<muscle>.+)$",
        re.IGNORECASE,
    ),
]
TARGET_END = re.compile(
    r"\s+muscles?\b|\s+(on|at|in|along|while|when|as|so|until|to|by|with|from|during)\b|[,.;:!?(]"
)
TARGET_NOISE = re.compile(r"\b(the|your|a|an|left|right|both|mainly|mostly|main|whole)\s+", re.IGNORECASE)

ACTIONS = (
    "(?:bend|breathe|bring|cross|drop|extend|face|grab|hold|keep|kneel|lean|let|lie|lift|lower|place|press"
    "|pull|push|put|raise|reach|relax|repeat|rest|roll|shift|sit|slide|squeeze|stand|step|straighten"
    "|support|switch|take|tuck|turn|twist|use)"
)
"""Verbs that start an instruction: a long sentence may split before one of them."""
# Where a long instruction splits into two, best first: each pattern's match is the cut.
CLAUSE_BREAKS = [
    re.compile(r";\s+"),
    re.compile(r",?\s+and then\s+|,\s+then\s+"),
    re.compile(r",\s+and\s+"),
    re.compile(rf"(?:,|\s+and)\s+(?={ACTIONS}\b)"),
]


class Kind(Enum):
    """What a line of the article is, before deciding which lines open a stretch section."""

    BLANK = "blank"
    TITLE = "title"  # `# Title`
    HEADING = "heading"  # `## Name`
    STEP_HEADING = "step heading"  # `Step 1: Name`
    NUMBERED = "numbered"  # `1. Text` or `1) Text`: a section's name or one of its steps
    BULLET = "bullet"  # `- Text`: a step
    TEXT = "text"


@dataclass(frozen=True)
class Line:
    number: int
    kind: Kind
    text: str


@dataclass(frozen=True)
class Notice:
    """Something the importer could not read with confidence, at the article's line `line`."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass(frozen=True)
class Sentence:
    text: str
    line: int


@dataclass
class Section:
    """One stretch as the article writes it: its heading, its paragraph lines and its own steps."""

    heading: Line
    name: str
    text: list[Line] = field(default_factory=list)
    steps: list[Line] = field(default_factory=list)


@dataclass(frozen=True)
class Draft:
    """A stretch ready to write; an empty target or key_points list is left for the coach to fill."""

    name: str
    target: str
    key_points: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class Imported:
    toml: str
    warnings: tuple[Notice, ...]
    stretches: tuple[Draft, ...]


def import_article(text: str, shown_as: str) -> Imported:
    """Article text -> routine TOML and warnings; `shown_as` names the article in the error messages."""
    lines = classify(text)
    title, lines = take_title(lines)
    intro, sections = split_sections(lines)
    if not sections:
        raise HandoutError(
            f"{shown_as}: no stretch sections found: number each stretch (1. Name) "
            "or give it a heading (## Name)"
        )
    warnings: list[Notice] = []
    if title is None:
        warnings.append(Notice(1, "the article has no title line: write the title in the TOML"))
    if len(sections) > MAX_STRETCHES:
        warnings.append(
            Notice(
                sections[MAX_STRETCHES].heading.number,
                f"{len(sections)} stretches, a sheet holds {MAX_STRETCHES}: split them into two routines",
            )
        )
    drafts = [draft_stretch(section, warnings) for section in sections]
    subtitle = subtitle_from(intro)
    toml = routine_toml(title.text if title else "", subtitle, drafts)
    return Imported(toml=toml, warnings=tuple(warnings), stretches=tuple(drafts))


# --- Lines ------------------------------------------------------------------------------------------


def classify(text: str) -> list[Line]:
    """Every line that is not boilerplate, tidied, with its number in the article and its kind."""
    lines = []
    for number, raw in enumerate(text.splitlines(), start=1):
        tidy = tidy_markdown(raw)
        if not tidy:
            lines.append(Line(number, Kind.BLANK, ""))
        elif not is_boilerplate(tidy):
            lines.append(line_of_kind(number, tidy))
    return lines


def tidy_markdown(text: str) -> str:
    """Drop emphasis marks and keep only the text of links: a sheet prints plain text."""
    text = re.sub(r"(?<!!)\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    return " ".join(text.split())


def is_boilerplate(text: str) -> bool:
    """Dates, "Posted on", tags, image file names and captions, "Let's take a look together!"."""
    return (
        any(pattern.search(text) for pattern in BOILERPLATE)
        or DATE.match(text) is not None
        or (IMAGE_FILE.search(text) is not None and len(text.split()) <= 6)
        or FILLER.match(text) is not None
    )


def line_of_kind(number: int, text: str) -> Line:
    if match := MARKDOWN_HEADING.match(text):
        kind = Kind.TITLE if len(match[1]) == 1 else Kind.HEADING
        return Line(number, kind, match[2])
    for pattern, kind in (
        (STEP_HEADING, Kind.STEP_HEADING),
        (NUMBERED, Kind.NUMBERED),
        (BULLET, Kind.BULLET),
    ):
        if match := pattern.match(text):
            return Line(number, kind, match[1])
    return Line(number, Kind.TEXT, text)


def take_title(lines: list[Line]) -> tuple[Line | None, list[Line]]:
    """The `# Title` line, or else the first line when it is a lone line of text; and the other lines."""
    for line in lines:
        if line.kind is Kind.TITLE:
            others = [other for other in lines if other is not line]
            return line, [as_heading(other) for other in others]
    content = [line for line in lines if line.kind is not Kind.BLANK]
    if content and content[0].kind is Kind.TEXT and not ends_sentence(content[0].text):
        return content[0], [other for other in lines if other is not content[0]]
    return None, lines


def as_heading(line: Line) -> Line:
    """A second `# Heading` names a section: the article uses `#` for its stretches too."""
    return Line(line.number, Kind.HEADING, line.text) if line.kind is Kind.TITLE else line


def ends_sentence(text: str) -> bool:
    return text.rstrip('"\u201d\u2019)').endswith((".", "!", "?", ":", ";", ","))


# --- Sections ---------------------------------------------------------------------------------------


def split_sections(lines: list[Line]) -> tuple[list[Line], list[Section]]:
    """The intro lines before the first stretch, and one section per stretch.

    Which lines open a section depends on the article's shape, tried in this order: Markdown headings,
    `Step 1:` headings, numbered lines each followed by a paragraph (then numbered lines are names, not
    steps), and lone short lines followed by a paragraph or a list. In the other shapes numbered and
    bulleted lines are the steps of the section they are in.
    """
    opens = section_openers(lines)
    intro: list[Line] = []
    sections: list[Section] = []
    for line in lines:
        if line.number in opens:
            sections.append(Section(heading=line, name=line.text.rstrip(":")))
        elif not sections:
            intro.append(line)
        elif line.kind in (Kind.NUMBERED, Kind.BULLET):
            sections[-1].steps.append(line)
        else:
            sections[-1].text.append(line)
    return intro, sections


def section_openers(lines: list[Line]) -> set[int]:
    """The line numbers of the lines that open a section, for the shape this article has."""
    for kind in (Kind.HEADING, Kind.STEP_HEADING):
        found = {line.number for line in lines if line.kind is kind}
        if found:
            return found
    numbered = [index for index, line in enumerate(lines) if line.kind is Kind.NUMBERED]
    if numbered and all(next_content_kind(lines, index) is Kind.TEXT for index in numbered):
        return {lines[index].number for index in numbered}
    return {lines[index].number for index, line in enumerate(lines) if is_plain_heading(lines, index)}


def next_content_kind(lines: list[Line], index: int) -> Kind | None:
    following = (line.kind for line in lines[index + 1 :] if line.kind is not Kind.BLANK)
    return next(following, None)


def is_plain_heading(lines: list[Line], index: int) -> bool:
    """A short line of text with no full stop, alone in its paragraph, with text or steps after it."""
    line = lines[index]
    alone = index == 0 or lines[index - 1].kind is Kind.BLANK
    return (
        line.kind is Kind.TEXT
        and alone
        and len(line.text) <= 60
        and not ends_sentence(line.text)
        and next_content_kind(lines, index) in (Kind.TEXT, Kind.NUMBERED, Kind.BULLET)
    )


# --- One stretch ------------------------------------------------------------------------------------


def draft_stretch(section: Section, warnings: list[Notice]) -> Draft:
    """Name, target and key points of one section; what is missing becomes a warning."""
    where = f'"{section.name}"'
    sentences = split_sentences(section.text, warnings, where)
    found = find_target(sentences)
    target = ""
    if found is None:
        warnings.append(
            Notice(
                section.heading.number,
                f"{where}: the article names no target muscle: write it in the TOML "
                "(handout build refuses an empty target)",
            )
        )
    else:
        target, used = found
        sentences = [sentence for sentence in sentences if sentence is not used]
    if section.steps:
        points = [capitalised(step.text) for step in section.steps]
        if sentences:
            warnings.append(
                Notice(
                    sentences[0].line,
                    f"{where}: its paragraph is not used, the numbered steps are the key points: "
                    "copy anything you need from it",
                )
            )
    else:
        points = [point for sentence in sentences for point in instructions(sentence.text)]
    if not points:
        warnings.append(
            Notice(section.heading.number, f"{where}: no instructions found: write the key points")
        )
    if len(points) > MAX_KEY_POINTS:
        warnings.append(
            Notice(
                section.heading.number,
                f"{where}: {len(points)} instructions, a stretch has at most {MAX_KEY_POINTS}: "
                f"kept the first {MAX_KEY_POINTS}, check the article for the rest",
            )
        )
    name = section.name
    if len(name) > 80:
        warnings.append(Notice(section.heading.number, f"{where}: the name is long: shorten it"))
    return Draft(name, target, tuple(points[:MAX_KEY_POINTS]), section.heading.number)


def split_sentences(lines: list[Line], warnings: list[Notice], where: str) -> list[Sentence]:
    """The sentences of a section's paragraphs, without filler such as "Key points of the action:".

    A sentence cut off in the article ("and let the thigh When you feel...") is ended with "…" where
    the next one starts, and reported, so the coach sees what is missing instead of a run-on sentence.
    """
    sentences = []
    for line in lines:
        for piece in SENTENCE_END.split(line.text):
            parts = LOST_FULL_STOP.split(piece)
            if len(parts) > 1:
                warnings.append(
                    Notice(
                        line.number,
                        f'{where}: a sentence seems cut off ("...{last_words(parts[0])}"): check it',
                    )
                )
            for index, part in enumerate(parts):
                text = LEADING_FILLER.sub("", part.strip(" ,;"))
                if text and not FILLER.match(text):
                    cut = index < len(parts) - 1
                    sentences.append(Sentence(text.rstrip(" ,;") + ("…" if cut else ""), line.number))
    return sentences


def last_words(text: str, count: int = 5) -> str:
    """The end of a sentence, to quote in a warning so the coach finds it in the article."""
    return " ".join(text.split()[-count:])


def find_target(sentences: list[Sentence]) -> tuple[str, Sentence] | None:
    """The muscle a section names ("mainly stretches the quadriceps muscles" -> "Quadriceps").

    Patterns are tried in order over all sentences, so an explicit "Targets:" wins over "stretches
    the ...", which wins over "you will feel the stretch in ...".
    """
    for pattern in TARGET_PATTERNS:
        for sentence in sentences:
            match = pattern.search(sentence.text)
            if match and (phrase := target_phrase(match["muscle"])):
                return phrase, sentence
    return None


def target_phrase(text: str) -> str:
    """The muscle's name alone, capitalised; "adductor muscles" reads as "adductors".

    Empty when the words found are too many to be a muscle's name.
    """
    end = TARGET_END.search(text)
    muscle_word = end is not None and end[0].strip().lower().startswith("muscle")
    phrase = TARGET_NOISE.sub("", text[: end.start()] if end else text).strip()
    if not phrase or len(phrase.split()) > MAX_TARGET_WORDS:
        return ""
    if muscle_word and phrase.lower().endswith("or"):
        phrase += "s"
    return capitalised(phrase)


def instructions(sentence: str) -> list[str]:
    """One sentence -> short instructions: a long one is cut at its clause breaks, best break first."""
    if len(sentence) <= SHORT_POINT:
        return [finished(sentence)]
    for pattern in CLAUSE_BREAKS:
        parts = [part for part in pattern.split(sentence) if part.strip()]
        if len(parts) > 1:
            return [point for part in parts for point in instructions(part)]
    return [finished(sentence)]


def finished(text: str) -> str:
    """An instruction as a sheet prints it: capitalised, ending with a full stop."""
    text = capitalised(text.strip(" ,;"))
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def subtitle_from(intro: list[Line]) -> str | None:
    """The intro's first sentence, and its second when both are short; None without an intro."""
    text = " ".join(line.text for line in intro if line.kind is Kind.TEXT)
    sentences = [s for s in SENTENCE_END.split(text) if s and not FILLER.match(s)]
    if not sentences or len(sentences[0]) > SUBTITLE_LENGTH:
        return None
    if len(sentences) > 1 and len(sentences[0]) + len(sentences[1]) < SUBTITLE_LENGTH:
        return f"{sentences[0]} {sentences[1]}"
    return sentences[0]


# --- TOML -------------------------------------------------------------------------------------------


def routine_toml(title: str, subtitle: str | None, drafts: list[Draft]) -> str:
    """The routine file, with a TODO comment on each field the coach must fill in."""
    lines = [
        "# Imported from an article by `handout import`: check every field, fill in each TODO,",
        "# then make the sheet with `handout build THIS-FILE.toml`.",
        f"title = {toml_string(title)}" + ("" if title else "  # TODO: write the title here"),
    ]
    if subtitle:
        lines.append(f"subtitle = {toml_string(subtitle)}")
    for draft in drafts:
        lines += ["", f"# From line {draft.line} of the article.", "[[stretches]]"]
        lines.append(f"name = {toml_string(draft.name)}")
        target_todo = "" if draft.target else "  # TODO: the article names no target muscle: write it here"
        lines.append(f"target = {toml_string(draft.target)}{target_todo}")
        if draft.key_points:
            lines.append("key_points = [")
            lines += [f"  {toml_string(point)}," for point in draft.key_points]
            lines.append("]")
        else:
            lines.append("key_points = []  # TODO: no instructions found: write 1 to 8 steps here")
    return "\n".join(lines) + "\n"


TOML_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def toml_string(value: str) -> str:
    """A TOML basic string: quotes and backslashes escaped, control characters as \\uXXXX."""
    escaped = "".join(
        TOML_ESCAPES.get(char) or (f"\\u{ord(char):04X}" if ord(char) < 0x20 or ord(char) == 0x7F else char)
        for char in value
    )
    return f'"{escaped}"'
