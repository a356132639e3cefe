"""The bundled stretch library: library.toml -> entries by id, and a stretch's name -> the entry it names.

A routine takes an entry with `use = "calf-wall"`; a stretch written by hand, or found in an imported
article, is matched to an entry by its name or one of the entry's `aliases` (in any of the languages the
library is written in). Matching is conservative: a name that is unknown, or close to two entries, finds
nothing, since a wrong picture is worse than none.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from handout.content.schema import read_toml

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


def stretch_fields(entry_id: str) -> dict[str, Any]:
    """The fields of a library entry that a routine's stretch takes (its aliases left out)."""
    return {key: value for key, value in library()[entry_id].items() if key not in ENTRY_ONLY_KEYS}


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
        for entry_id, entry in library().items()
        for name in (entry.get("name", ""), *entry.get("aliases", ()))
        if isinstance(name, str) and normalized_name(name)
    )


def find_entry(name: str) -> str | None:
    """The id of the library entry `name` clearly names, or None when none or more than one is close."""
    wanted = normalized_name(name)
    if not wanted:
        return None
    names = _names()
    exact = {entry_id for known, entry_id in names if known == wanted}
    if len(exact) == 1:
        return exact.pop()
    best: dict[str, float] = {}
    for _, score, index in process.extract(
        wanted, [known for known, _ in names], scorer=fuzz.token_sort_ratio, limit=None
    ):
        entry_id = names[index][1]
        best[entry_id] = max(best.get(entry_id, 0.0), score)
    ranked = sorted(best.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < MATCH_SCORE:
        return None
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < MATCH_MARGIN:
        return None
    return ranked[0][0]
