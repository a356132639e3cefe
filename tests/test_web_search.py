"""The library's search as coaches type it: short forms, plurals, abbreviations, in six languages."""

from __future__ import annotations

import pytest

from handout.web.thumbnails import matching_cards

QUADS = {"standing-quad", "side-lying-quad"}
HAMSTRINGS = {"seated-hamstring", "standing-hamstring", "lying-hamstring"}
CALVES = {"calf-wall", "soleus-wall", "calf-step"}
GLUTES = {"figure-four", "chair-glute", "pigeon"}
GROIN = {"butterfly", "side-lunge", "pushup-lunge"}

SEARCHES: list[tuple[str, set[str]]] = [
    ("quads", QUADS),
    ("Quads", QUADS),
    ("quad", QUADS),
    ("quadriceps", QUADS),
    ("thigh", QUADS | HAMSTRINGS),
    ("hamstrings", HAMSTRINGS),
    ("hammies", HAMSTRINGS),
    ("hammy", HAMSTRINGS),
    ("hams", HAMSTRINGS),
    ("hamstring towel", {"lying-hamstring"}),
    ("calves", CALVES),
    ("calf", CALVES),
    ("calfs", CALVES),
    ("achilles", {"soleus-wall", "calf-step"}),
    ("soleus", {"soleus-wall"}),
    ("heel drop", {"calf-step"}),
    ("ITB", {"it-band-lean"}),
    ("it band", {"it-band-lean"}),
    ("IT-band", {"it-band-lean"}),
    ("figure 4", {"figure-four"}),
    ("figure four", {"figure-four"}),
    ("fig 4", {"figure-four"}),
    ("glutes", GLUTES),
    ("glute", GLUTES),
    ("butt", GLUTES),
    ("piriformis", {"figure-four", "chair-glute"}),
    ("groin", GROIN),
    ("inner thighs", {"butterfly", "side-lunge"}),
    ("adductor", GROIN),
    ("hip flexor", {"hip-flexor-lunge", "standing-hip-flexor"}),
    ("hip flexors", {"hip-flexor-lunge", "standing-hip-flexor"}),
    ("toe touch", {"forward-fold"}),
    ("toe touches", {"forward-fold"}),
    ("forward bend", {"forward-fold"}),
    ("standing lunge", {"standing-hip-flexor"}),
    ("Vorbeuge", {"forward-fold"}),
    ("psoas", {"hip-flexor-lunge", "standing-hip-flexor"}),
    ("lower back", {"knees-to-chest", "child-pose", "lying-twist", "forward-fold"}),
    ("low back", {"knees-to-chest", "child-pose"}),
    ("down dog", {"downward-dog"}),
    ("child's pose", {"child-pose"}),
    ("childs pose", {"child-pose"}),
    ("pecs", {"chest-opener"}),
    ("chest", {"chest-opener"}),
    ("abs", {"cobra"}),
    ("twist", {"seated-twist", "lying-twist"}),
    ("wall", {"calf-wall", "soleus-wall"}),
    ("lunge", {"hip-flexor-lunge", "side-lunge", "pushup-lunge"}),
    ("Waden", {"calf-wall"}),
    ("Beinbeuger", HAMSTRINGS),
    ("Quadrizeps", QUADS),
    ("Gesäß", GLUTES),
    ("ischios", HAMSTRINGS),
    ("mollets", {"calf-wall"}),
    ("fessiers", GLUTES),
    ("quadris", QUADS),
    ("isquios", HAMSTRINGS),
    ("gemelos", {"calf-wall"}),
    ("pantorrillas", {"calf-wall", "soleus-wall"}),
    ("cuádriceps", QUADS),
    ("quadricipiti", QUADS),
    ("femorali", HAMSTRINGS),
    ("ischiocrurali", HAMSTRINGS),
    ("polpacci", CALVES),
    ("glutei", GLUTES),
    ("sedere", GLUTES),
    ("adduttori", GROIN),
    ("inguine", GROIN),
    ("schiena", {"knees-to-chest", "child-pose", "lying-twist"}),
    ("pettorali", {"chest-opener"}),
    ("posteriores", HAMSTRINGS),
    ("isquiotibiais", HAMSTRINGS),
    ("panturrilhas", CALVES),
    ("gémeos", CALVES),
    ("barriga da perna", CALVES),
    ("glúteos", GLUTES),
    ("bumbum", GLUTES),
    ("virilha", GROIN),
    ("costas", {"knees-to-chest", "child-pose", "lying-twist"}),
    ("peitorais", {"chest-opener"}),
]


def test_fifty_searches_coaches_type() -> None:
    assert len(SEARCHES) >= 50


@pytest.mark.parametrize(("search", "expected"), SEARCHES)
def test_a_coachs_search_finds_its_stretches(search: str, expected: set[str]) -> None:
    found = {card.entry_id for card in matching_cards(search)}
    assert expected <= found, f"{search!r} missed {expected - found}"


@pytest.mark.parametrize(
    ("search", "never"), [("quads", CALVES | HAMSTRINGS), ("calves", QUADS), ("ITB", QUADS | CALVES)]
)
def test_a_short_form_finds_only_its_own_muscle(search: str, never: set[str]) -> None:
    assert not never & {card.entry_id for card in matching_cards(search)}


def test_a_search_of_nothing_known_finds_nothing() -> None:
    assert matching_cards("zzzz") == []


def test_a_listed_short_form_finds_what_it_means_not_a_word_it_is_part_of() -> None:
    """ "quad" is the quadriceps, not the start of Portuguese "quadril" (hip): no hip stretch is found."""
    assert {card.entry_id for card in matching_cards("quad")} == QUADS
