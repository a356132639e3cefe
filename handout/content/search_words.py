"""What a coach types in the stretch library's search -> the library's own words it means.

Coaches search as they talk: "quads", "calves", "hammies", "ITB", "figure 4". The library's names,
aliases and targets say "Quadriceps", "Calf", "Hamstrings", "IT band", "figure-four". search_words.toml
lists those words once, for every library language, instead of a dozen more aliases on each entry
(aliases also name entries when a hand-written routine is matched, where "quads" must find no one).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from handout.content.library import normalized_name
from handout.content.schema import read_toml

LONGEST_PHRASE = 3
"""Words in the longest phrase search_words.toml lists ("child's pose" is two, "batata da perna" three)."""


@cache
def search_words() -> dict[str, tuple[str, ...]]:
    """Each coach's word or phrase, normalised, -> the library words it means (all languages merged)."""
    found = read_toml(Path(__file__).with_name("search_words.toml"), "the search words", "library")
    words: dict[str, tuple[str, ...]] = {}
    for table in found.values():
        for typed, meant in table.items():
            key = normalized_name(typed)
            words[key] = tuple(
                dict.fromkeys([*words.get(key, ()), *(normalized_name(word) for word in meant)])
            )
    return words


def search_terms(search: str) -> list[tuple[str, ...]]:
    """The search's terms, each as the words of which one must be found: what a listed word or phrase
    means ("quad": quadriceps, not the "quad" of Portuguese "quadril", hip), or what was typed.

    A listed phrase ("figure 4") is one term; any other word is a term of its own."""
    tokens = normalized_name(search).split()
    words = search_words()
    terms: list[tuple[str, ...]] = []
    start = 0
    while start < len(tokens):
        for size in range(min(LONGEST_PHRASE, len(tokens) - start), 0, -1):
            phrase = " ".join(tokens[start : start + size])
            if size == 1 or phrase in words:
                terms.append(words.get(phrase) or (phrase,))
                start += size
                break
    return terms
