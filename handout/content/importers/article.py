"""An article's text -> a routine file that builds: read, split into stretches, fill each stretch's fields.

For each stretch: the name (its number and hold taken out), the hold, the target (the lexicon's words
for the muscle the article names, else the library entry's), and the key points (the article's steps
and sentences, cut short, without the hold); a name the stretch library knows brings its picture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from handout.content.importers.blocks import Block, BlockKind, Notice, line_list
from handout.content.importers.holds import (
    Hold,
    find_every_hold,
    find_hold,
    find_intro_hold,
    find_page_hold,
    name_without_hold,
    point_without_hold,
)
from handout.content.importers.language import detect_language
from handout.content.importers.linking import Confidence, link_stretch
from handout.content.importers.paragraph_stretches import (
    starting_positions_in,
    unnamed_article,
    with_counted_bullets,
    with_muscle_sentences,
    with_paired_stretches,
)
from handout.content.importers.points import SENTENCE_END, capitalised, instructions, sentences_of
from handout.content.importers.section_names import STRETCH_WORD, Field
from handout.content.importers.sections import Article, Section, split_article
from handout.content.importers.sentence_stretches import instructed_article, sentence_article
from handout.content.importers.targets import REGION, find_muscles, muscles_in, target_text
from handout.content.importers.writer import Draft, routine_toml
from handout.content.library import normalized_name, stretch_fields
from handout.content.routine import MAX_KEY_POINTS, MAX_STRETCHES
from handout.errors import HandoutError

SUBTITLE_LENGTH = 200
"""The subtitle takes the intro's first sentence, and the second while the total stays under this."""
LONGEST_TITLE = 120
LONGEST_NAME = 80
MAX_TEXT_CHARACTERS = 1_000_000
"""Text or Markdown longer than this (about 1 MB) is not an article (a long one is 20 kB): refused, so
that an import stays within a few seconds. A web page may be larger (MAX_ARTICLE_BYTES): its scripts
and styles are dropped before its text is read."""


@dataclass(frozen=True)
class Imported:
    """What an import gives: the routine file (or files, with split), the warnings and the drafts."""

    toml: str
    warnings: tuple[Notice, ...]
    stretches: tuple[Draft, ...]  # the stretches written: the first 8 without split
    lang: str | None
    parts: tuple[str, ...]
    """The routine files when the article has more than 8 stretches and split was asked; else (toml,)."""


def import_article(text: str, shown_as: str, kind: str | None = None, split: bool = False) -> Imported:
    """Article text -> routine TOML and warnings. `kind` is "text", "markdown" or "html" (None: guessed
    from the text); `shown_as` names the article in messages; `split` writes more than 8 stretches as
    several routines instead of keeping the first 8."""
    blocks, notices, page_title = read_blocks(text, shown_as, kind)
    article = split_article(blocks)
    if len(article.sections) < starting_positions_in(blocks):
        article = unnamed_article(blocks) or article  # no names, or fewer than the stretches it labels
    if len(article.sections) <= 1:  # none, or a title read as one: prose telling its stretches in sentences
        article = sentence_article(blocks) or article
    if not article.sections:  # prose instructing one stretch and its hold
        article = instructed_article(blocks) or article
    article = with_muscle_sentences(with_paired_stretches(with_counted_bullets(article)))
    if not article.sections:
        raise HandoutError(
            f"{shown_as}: no stretch sections found: give each stretch a heading (## Name), "
            "a numbered line (1. Name) or a line that starts with its name (Calf stretch: ...)"
        )
    warnings = list(notices)
    title = title_of(article, page_title, warnings)
    lang = detect_language(" ".join([title or "", *all_text(article)]))
    if lang is None:
        warnings.append(Notice(1, 'the language is unclear: add lang = "en" (or de, fr, es) to the routine'))
    intro_text = " ".join(block.text for block in article.intro)
    page_hold = find_page_hold(intro_text) or find_page_hold(article.ending_text)
    # Without split only the first sheet's stretches are written: the others are not drafted (a long
    # article's hundreds of stretches would cost seconds for nothing).
    kept = article.sections if split else article.sections[:MAX_STRETCHES]
    repeated = repeated_names(kept)
    drafts = [
        draft_stretch(section, lang or "en", warnings, page_hold, index in repeated)
        for index, section in enumerate(kept)
    ]
    if page_hold is None and (closing := closing_hold(kept, drafts)):
        drafts = [replace(draft, hold=draft.hold or closing) for draft in drafts]
    if page_hold is None and (every := every_hold(kept)):
        drafts = [replace(draft, hold=draft.hold or every.text(lang or "en")) for draft in drafts]
    intro_hold = None if page_hold or any(draft.hold for draft in drafts) else find_intro_hold(intro_text)
    if intro_hold:
        drafts = [replace(draft, hold=intro_hold.text(lang or "en")) for draft in drafts]
    subtitle = subtitle_from(article.intro, warnings)
    for heading, line in article.dropped:
        warnings.append(Notice(line, f'"{short(heading)}" and its text are left out: no stretch there'))
    if article.contents:
        lines = line_list(article.contents)
        warnings.append(Notice(article.contents[0], f"the page's list of its stretches is left out: {lines}"))
    if article.ending:
        lines = line_list(article.ending)
        warnings.append(Notice(article.ending[0], f"the article's ending is left out: {lines}"))
    groups = [drafts[start : start + MAX_STRETCHES] for start in range(0, len(drafts), MAX_STRETCHES)]
    found = len(article.sections)
    if found > MAX_STRETCHES:
        advice = (
            f"written as {len(groups)} routines"
            if split
            else f"kept the first {MAX_STRETCHES}; use --split to write them all as several routines"
        )
        warnings.append(
            Notice(
                article.sections[MAX_STRETCHES].line,
                f"{found} stretches, a sheet holds {MAX_STRETCHES}: {advice}",
            )
        )
    if not split:
        groups = groups[:1]
    parts = tuple(
        routine_toml(part_title(title, number, len(groups)), subtitle, lang, group)
        for number, group in enumerate(groups, start=1)
    )
    warnings.sort(key=lambda notice: notice.line)
    return Imported(parts[0], tuple(warnings), tuple(drafts), lang, parts)


FEWEST_BEFORE_CLOSING_HOLD = 2


def closing_hold(sections: list[Section], drafts: list[Draft]) -> str | None:
    """A hold said once after the last stretch ("Die Dehnung ca. 20 Sekunden halten und dann die Seite
    wechseln.", "Tutti gli esercizi ..., tenendo la posizione per 30 secondi."), which the section finder
    gives to the last stretch: when no stretch before it gives a hold, it is the page's."""
    if len(drafts) <= FEWEST_BEFORE_CLOSING_HOLD or any(draft.hold for draft in drafts[:-1]):
        return None
    if name_without_hold(sections[len(drafts) - 1].name)[1] is not None:
        return None  # "Wadendehnung – 30 Sekunden": that stretch's own
    return drafts[-1].hold


def every_hold(sections: list[Section]) -> Hold | None:
    """A hold one stretch's text says for every one ("Ogni posizione va mantenuta per 30 secondi"): the
    hold of the stretches that give none of their own."""
    for section in sections:
        if found := find_every_hold(" ".join(piece.text for piece in section.pieces)):
            return found
    return None


def read_blocks(text: str, shown_as: str, kind: str | None) -> tuple[list[Block], list[Notice], str | None]:
    """The reader for the article's kind: HTML, Markdown, or plain text pasted from a browser."""
    from handout.content.importers.html_reader import is_html, read_html

    if kind == "html" or (kind is None and is_html(text)):
        return read_html(text, shown_as)
    if len(text) > MAX_TEXT_CHARACTERS:
        raise HandoutError(
            f"{shown_as}: is over {MAX_TEXT_CHARACTERS // 1_000_000} MB of text, too long for an article: "
            "import the article alone"
        )
    if kind == "markdown" or (kind is None and looks_like_markdown(text)):
        from handout.content.importers.markdown_reader import read_markdown

        return (*read_markdown(text), None)
    from handout.content.importers.text_reader import read_text

    return (*read_text(text), None)


MARKDOWN_SIGNS = re.compile(r"^#{1,6}\s+\S|\*\*\S|\]\(|^\s*\|.*\|\s*$", re.MULTILINE)


def looks_like_markdown(text: str) -> bool:
    """Headings (`## Name`), bold words, links or tables: text written in Markdown."""
    return MARKDOWN_SIGNS.search(text[:100_000]) is not None


def title_of(article: Article, page_title: str | None, warnings: list[Notice]) -> str | None:
    title = article.title.text if article.title else page_title
    if not title:
        warnings.append(Notice(1, "the article has no title line: write the title in the routine"))
        return None
    if len(title) > LONGEST_TITLE:
        title = title[: LONGEST_TITLE - 1].rsplit(" ", 1)[0] + "…"
    return title


def part_title(title: str | None, number: int, parts: int) -> str | None:
    return f"{title} ({number}/{parts})" if title and parts > 1 else title


def all_text(article: Article) -> list[str]:
    texts = [block.text for block in article.intro]
    for section in article.sections:
        texts.append(section.name)
        texts += [piece.text for piece in section.pieces]
    return texts


def draft_stretch(
    section: Section, lang: str, warnings: list[Notice], page_hold: Hold | None = None, repeated: bool = False
) -> Draft:
    """One stretch's fields from its section; what was guessed, dropped or missing becomes a warning.
    `page_hold` is the hold the intro gives every stretch, for one that gives none of its own; a
    `repeated` name (an earlier stretch's) tells nothing: the muscles and the figure are the text's."""
    name, hold = name_without_hold(section.name)
    told_by = "" if repeated else name
    where = f'"{short(name)}"'
    steps: list[tuple[str, bool]] = []  # the key points in article order, each with whether it is a list item
    tips: list[str] = []
    targets: list[str] = []
    for piece in section.pieces:
        sentences, cut_off = sentences_of(piece.text)
        for sentence in cut_off:
            last_words = " ".join(sentence.split()[-5:])
            warnings.append(
                Notice(piece.line, f'{where}: a sentence seems cut off ("...{last_words}"): check it')
            )
        if piece.field is Field.TARGETS:
            targets.append(piece.text)
        elif piece.field is Field.TIPS:
            tips += sentences
        else:
            told = [sentence for sentence in sentences if tells_target(sentence)]
            targets += told
            steps += [(sentence, piece.item) for sentence in sentences if sentence not in told]
    sentences = [sentence for sentence, _ in steps] + tips
    if hold is None:
        hold = next((found[0] for text in sentences if (found := find_hold(text))), None)
    hold = hold or page_hold
    muscles = find_muscles(told_by, targets, sentences)
    link = link_stretch(told_by, " ".join(piece.text for piece in section.pieces), [m.key for m in muscles])
    entry = link.entry if link else None
    target = target_text(muscles, lang) if muscles else None
    if target is None and targets:
        target = short_target(targets[0])
    if target is None:
        if entry:
            warnings.append(
                Notice(section.line, f"{where}: the article names no muscle: the target is the library's")
            )
        else:
            warnings.append(Notice(section.line, f"{where}: the article names no muscle: write the target"))
    points = key_points(steps, tips, where, section.line, warnings)
    if not points:
        source = "the library's" if entry else "a TODO placeholder"
        warnings.append(Notice(section.line, f"{where}: no instructions found: the key points are {source}"))
    if NAMELESS.match(name) and (own := self_named(sentences)):
        name = own  # "L'étirement du mollet debout est un exercice simple ...": the text names it
    elif link and NAMELESS.match(name):
        name = str(stretch_fields(link.entry, lang)["name"])  # "Exercise 2": the library's name for it
    if len(name) > LONGEST_NAME:
        name = name[: LONGEST_NAME - 1].rsplit(" ", 1)[0] + "…"
        warnings.append(Notice(section.line, f"{where}: the name is long: shortened, check it"))
    likely = link.why if link and link.confidence is Confidence.LIKELY else None
    return Draft(name, target, tuple(points), hold.text(lang) if hold else None, entry, section.line, likely)


def repeated_names(sections: list[Section]) -> set[int]:
    """The stretches whose heading repeats an earlier one's ("Standing Calf Stretch" then "Standing Calf
    Stretch |" over a quad stretch): a page's slip, their text tells what they are."""
    seen: set[str] = set()
    repeated: set[int] = set()
    for index, section in enumerate(sections):
        name = normalized_name(name_without_hold(section.name)[0])
        if name in seen:
            repeated.add(index)
        seen.add(name)
    return repeated


TARGET_SENTENCE = re.compile(
    r"^(?:you(?:['’]ll| will| should)? (?:feel|notice)|(?:this|the) (?:stretch|exercise|pose|move)"
    r" (?:targets|works|stretches|opens|loosens)|it (?:targets|stretches|works)"
    r"|du (?:spürst|wirst \w+ spüren)|(?:diese|die) (?:übung|dehnung) (?:dehnt|zielt)"
    r"|vous (?:sentirez|sentez|devez sentir)|cet (?:étirement|exercice) (?:cible|étire|travaille)"
    r"|(?:sentirás|notarás)|este (?:estiramiento|ejercicio) (?:trabaja|estira)"
    r"|sentirai|questo esercizio (?:allunga|lavora)|você (?:vai )?sentir|voel je)\b",
    re.IGNORECASE,
)
"""A sentence that says where the stretch is felt, not what to do ("You will feel the stretch in your
glutes.")."""
NAMELESS = re.compile(
    r"^\W*(?:(?:stretch|exercise|übung|dehnung|exercice|étirement|ejercicio|estiramiento|esercizio"
    r"|exercício|oefening|step|schritt|étape|paso)\s*)?\d{0,2}\W*$",
    re.IGNORECASE,
)
"""A stretch's heading that is only its number: "2.", "Exercise 3", "Übung 1"."""


SELF_NAMED = re.compile(
    r"^(?:the\s+|l['’]\s*|le\s+|la\s+|el\s+|lo\s+|il\s+|der\s+|die\s+|das\s+|o\s+|a\s+|het\s+|de\s+)?"
    r"(?P<name>[^.,;:!?()]{4,60}?)\s+(?:is|est|es|è|ist|é)\s+(?:a|an|un|une|ein|eine|uno|una|um|uma|een)\s",
    re.IGNORECASE,
)
"""A sentence of a nameless stretch's text that says what it is: "L'étirement du mollet debout est un
exercice simple ...", "The standing calf stretch is a simple ..."."""


def self_named(sentences: list[str]) -> str | None:
    """The name a nameless stretch's text gives it, when a sentence says what it is."""
    for sentence in sentences:
        match = SELF_NAMED.match(sentence)
        if (
            match
            and STRETCH_WORD.search(match["name"])
            and len(match["name"].split()) <= MOST_SELF_NAME_WORDS
        ):
            return match["name"][0].upper() + match["name"][1:]
    return None


MOST_SELF_NAME_WORDS = 6


def tells_target(sentence: str) -> bool:
    """Where the stretch is felt, said in a sentence of its own that names a muscle."""
    return TARGET_SENTENCE.match(sentence) is not None and bool(muscles_in(sentence, REGION))


def key_points(
    steps: list[tuple[str, bool]], tips: list[str], where: str, line: int, warnings: list[Notice]
) -> list[str]:
    """The steps cut short without the hold; paragraphs give way to list items, then tips to both."""
    paragraphs = sum(1 for _, item in steps if not item)
    if paragraphs and paragraphs < len(steps) and len(steps) > MAX_KEY_POINTS:
        steps = [(sentence, item) for sentence, item in steps if item]
        warnings.append(
            Notice(
                line, f"{where}: {paragraphs} sentences of its paragraph are left out for the list's steps"
            )
        )
    points = [point for sentence, _ in steps for point in short_points(sentence)]
    extra = [point for tip in tips for point in short_points(tip)]
    room = MAX_KEY_POINTS - len(points)
    if extra and room < len(extra):
        warnings.append(
            Notice(line, f"{where}: {len(extra) - max(room, 0)} tips left out: a stretch has 8 points")
        )
    points += extra[: max(room, 0)]
    if len(points) > MAX_KEY_POINTS:
        warnings.append(
            Notice(
                line,
                f"{where}: {len(points)} instructions, a stretch has at most {MAX_KEY_POINTS}: "
                f"kept the first {MAX_KEY_POINTS}, check the article for the rest",
            )
        )
    return points[:MAX_KEY_POINTS]


def short_points(sentence: str) -> list[str]:
    return [point for part in instructions(sentence) if (point := point_without_hold(part))]


def short_target(text: str) -> str | None:
    """A targets line the lexicon does not know, as written, when it is short enough to be a muscle."""
    words = text.strip(" .:;").split()
    return capitalised(" ".join(words)) if 0 < len(words) <= 6 else None


def subtitle_from(intro: list[Block], warnings: list[Notice]) -> str | None:
    """The intro's first sentence, and its second when both are short; what is left over is reported."""
    paragraphs = [block for block in intro if block.kind is BlockKind.PARAGRAPH]
    text = " ".join(block.text for block in paragraphs)
    sentences = [sentence for sentence in SENTENCE_END.split(text)[:3] if sentence]
    if not sentences or len(sentences[0]) > SUBTITLE_LENGTH:
        subtitle = None
    elif len(sentences) > 1 and len(sentences[0]) + len(sentences[1]) < SUBTITLE_LENGTH:
        subtitle = f"{sentences[0]} {sentences[1]}"
    else:
        subtitle = sentences[0]
    left = [block.line for block in intro if subtitle is None or subtitle not in block.text]
    if len(left) > (0 if subtitle is None else 1) or (subtitle is None and left):
        warnings.append(
            Notice(left[0], f"the intro is left out of the sheet but for the subtitle: {line_list(left)}")
        )
    return subtitle


def short(text: str, most: int = 60) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"
