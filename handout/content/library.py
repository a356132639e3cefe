"""The bundled stretch library: library.toml -> entries by id, and a stretch's name -> the entry it names.

library.toml holds each entry in English with its figure (`image`); library.de.toml, library.fr.toml,
library.es.toml, library.it.toml and library.pt.toml give the same entries' words (name, target, hold,
key points, cues, aliases) in German, French, Spanish, Italian and Portuguese. A routine takes an entry
with `use = "calf-wall"`, in the routine's language; a stretch written by hand, or found in an imported
article, is matched to an entry by its name or one of the entry's `aliases` in any of those languages.
Matching is conservative: a name that is unknown, or close to two entries, finds nothing, since a wrong
picture is worse than none.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

from handout.content.schema import read_toml

LANGUAGES = ("en", "de", "fr", "es", "it", "pt")
"""The languages the library is written in; a sheet in another language prints the English entries."""
WORDS = ("name", "target", "hold", "key_points", "cues", "aliases")
"""What each language file gives for an entry; the figure (`image`) is the English file's alone."""
ENTRY_ONLY_KEYS = ("aliases",)
"""Keys of a library entry that describe the entry, not the stretch a routine prints."""
MATCH_SCORE = 90
"""rapidfuzz's token-sort ratio (0-100) a name needs to be taken for an entry's name or alias."""
MATCH_MARGIN = 6
"""How far ahead of the next entry the best one must be: a name close to two entries finds neither."""


@cache
def library() -> dict[str, dict[str, Any]]:
    """The bundled stretch library: id -> the fields of an entry, as written in library.toml."""
    return read_toml(Path(__file__).with_name("library.toml"), "the stretch library", "library")


@cache
def translated(lang: str) -> dict[str, dict[str, Any]]:
    """The library's words in one of LANGUAGES other than English: id -> name, target, hold and so on."""
    return read_toml(
        Path(__file__).with_name(f"library.{lang}.toml"), f"the {lang} stretch library", "library"
    )


def entry_in(entry_id: str, lang: str | None) -> dict[str, Any]:
    """A library entry with its words in `lang` (English when the library is not written in it)."""
    entry = library()[entry_id]
    if lang is None or lang == "en" or lang not in LANGUAGES:
        return entry
    words = translated(lang).get(entry_id, {})
    return {**entry, **{key: value for key, value in words.items() if key in WORDS}}


def stretch_fields(entry_id: str, lang: str | None = None) -> dict[str, Any]:
    """The fields of a library entry that a routine's stretch takes (its aliases left out), in `lang`."""
    return {key: value for key, value in entry_in(entry_id, lang).items() if key not in ENTRY_ONLY_KEYS}


def entry_names(entry_id: str) -> tuple[str, ...]:
    """Every name an entry answers to: its name and aliases in each of LANGUAGES."""
    names: list[str] = []
    for lang in LANGUAGES:
        entry = entry_in(entry_id, lang)
        names += [entry.get("name", ""), *entry.get("aliases", ())]
    return tuple(name for name in names if isinstance(name, str))


def normalized_name(name: str) -> str:
    """A name as matching compares it: lower case, accents and punctuation gone, one space between words."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    letters = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(re.sub(r"[^\w]+", " ", letters).split())


@cache
def _names() -> tuple[tuple[str, str], ...]:
    """Every name an entry answers to, normalised, with its entry's id."""
    return tuple(
        (normalized_name(name), entry_id)
        for entry_id in library()
        for name in entry_names(entry_id)
        if normalized_name(name)
    )


@cache
def _compact_names() -> dict[str, set[str]]:
    """Every normalised name without its spaces -> the entries that answer to it."""
    compact: dict[str, set[str]] = {}
    for known, entry_id in _names():
        compact.setdefault(known.replace(" ", ""), set()).add(entry_id)
    return compact


def find_entry(name: str) -> str | None:
    """The id of the library entry `name` clearly names, or None when none or more than one is close."""
    wanted = normalized_name(name)
    if not wanted:
        return None
    names = _names()
    # "Hüftbeuger-Dehnung" is "Hüftbeugerdehnung", "IT band" "IT-band"
    exact = _compact_names().get(wanted.replace(" ", ""), set())
    if len(exact) == 1:
        return next(iter(exact))
    # Imported only here: rapidfuzz costs a build about 12 ms, and only a hand-written stretch without an
    # image whose name is not an exact one of the library's gets this far.
    from rapidfuzz import fuzz, process

    best: dict[str, float] = {}
    for _, score, index in process.extract(  # a name further off than this cannot matter below
        wanted,
        [known for known, _ in names],
        scorer=fuzz.token_sort_ratio,
        limit=None,
        score_cutoff=MATCH_SCORE - MATCH_MARGIN,
    ):
        entry_id = names[index][1]
        best[entry_id] = max(best.get(entry_id, 0.0), score)
    ranked = sorted(best.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < MATCH_SCORE:
        return None
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < MATCH_MARGIN:
        return None
    return ranked[0][0]


def entries_for_muscle(word: str) -> list[str]:
    """The ids of the entries whose target, in any of LANGUAGES, names `word` ("hamstrings", "Wade").

    A word matches a word of a target that starts with it, or that it starts with once a plural "s" is
    dropped, accents and case aside: "hamstring", "Hamstrings" and "ischio" all find the hamstring stretches.
    """
    wanted = normalized_name(word).split()
    if not wanted:
        return []
    found = []
    for entry_id in library():
        targets = " ".join(
            normalized_name(str(entry_in(entry_id, lang).get("target", ""))) for lang in LANGUAGES
        )
        words = targets.split()
        if all(any(_same_word(part, target) for target in words) for part in wanted):
            found.append(entry_id)
    return found


def _same_word(wanted: str, word: str) -> bool:
    stem = wanted[:-1] if len(wanted) > 4 and wanted.endswith("s") else wanted
    stem = stem[:-1] if stem.endswith("f") else stem  # calf -> calves
    return word.startswith(stem) and len(stem) >= 3
