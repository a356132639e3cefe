"""The fields an article gives in its own words: holds, muscles (in en, de, fr, es) and the language."""

from __future__ import annotations

import tomllib

import pytest

from handout.content.importers import import_article
from handout.content.importers.holds import find_hold, name_without_hold, point_without_hold
from handout.content.importers.language import detect_language
from handout.content.importers.targets import NAME_ONLY, find_muscles, muscles_in, target_text

HOLDS = {
    "Lean in and hold for 15 seconds.": ("15 s", "Lean in."),
    "Hold stretch for 20-30 seconds.": ("20–30 s", ""),
    "Halte 30 Sekunden.": ("30 s", ""),
    "Halte die Dehnung etwa 20 Sekunden pro Seite.": ("20 s each side", ""),
    "Tenez 30 secondes.": ("30 s", ""),
    "Tenez la position pendant 20 à 30 secondes, puis changez de jambe.": ("20–30 s", "Changez de jambe."),
    "Mantén 30 segundos.": ("30 s", ""),
    "Mantén el estiramiento durante 15-20 segundos en cada pierna.": ("15–20 s each side", ""),
    "Hold for 30 seconds, then switch legs.": ("30 s", "Switch legs."),
    "Stay here for 5 breaths.": ("5 breaths", ""),
    "30 Sekunden halten.": ("30 s", ""),
}


@pytest.mark.parametrize("sentence", HOLDS)
def test_a_hold_is_read_and_taken_out_of_the_point(sentence):
    hold, rest = HOLDS[sentence]
    found = find_hold(sentence)
    assert found is not None
    assert found[0].text("en") == hold
    assert point_without_hold(sentence) == rest


@pytest.mark.parametrize(
    "sentence", ["Repeat on the other side.", "Take 5 deep breaths.", "Hold your ankle."]
)
def test_a_sentence_without_a_hold_stays_as_it_is(sentence):
    assert find_hold(sentence) is None
    assert point_without_hold(sentence) == sentence


def test_a_hold_in_a_name_leaves_the_name():
    name, hold = name_without_hold("Thigh stretch – hold for 15 seconds")
    assert (name, hold and hold.text("de")) == ("Thigh stretch", "15 s")
    name, hold = name_without_hold("Calf stretch (30 seconds each side)")
    assert (name, hold and hold.text("fr")) == ("Calf stretch", "30 s de chaque côté")


SYNONYMS = {
    "quadriceps": [
        "quads",
        "front of the thigh",
        "Oberschenkel vorne",
        "Quadrizeps",
        "quadriceps",
        "cuádriceps",
    ],
    "calves": ["calf", "gastrocnemius", "Wade", "Waden-Dehnung", "mollet", "gemelo", "pantorrilla"],
    "soleus": ["soleus", "soléaire", "sóleo"],
    "hamstrings": ["hamstrings", "back of the thigh", "Beinbeuger", "ischio-jambiers", "isquiotibiales"],
    "piriformis": ["piriformis", "pyramidal", "Birnenmuskel", "piriforme"],
    "hip-flexors": ["hip flexors", "Hüftbeuger", "fléchisseurs de la hanche", "flexores de cadera", "psoas"],
    "adductors": ["inner thigh", "groin", "Adduktoren", "adducteurs", "aductores"],
    "glutes": ["glutes", "buttock", "Gesäßmuskel", "fessiers", "glúteos"],
}


@pytest.mark.parametrize("key", SYNONYMS)
def test_the_lexicon_knows_a_muscle_by_its_names_in_four_languages(key):
    for name in SYNONYMS[key]:
        assert [muscle.key for muscle in muscles_in(name, NAME_ONLY)] == [key], name


def test_a_target_is_read_from_the_name_first_then_the_sentences():
    assert target_text(find_muscles("2. Hamstrings", [], ["Lie on your back."]), "en") == "Hamstrings"
    feeling = ["Lean in.", "You should be feeling stretch in the back of the calf."]
    assert target_text(find_muscles("Wall lean", [], feeling), "en") == "Calves"
    assert (
        target_text(find_muscles("Bent over", ["Calves, Feet, Ankles"], []), "en")
        == "Calves, feet and ankles"
    )
    assert target_text(find_muscles("Les quadriceps", [], []), "fr") == "Quadriceps"
    assert (
        target_text(find_muscles("Pigeon", [], ["Gently stretch the glutes and hips."]), "es")
        == "Glúteos y caderas"
    )


def test_a_body_part_a_limb_goes_to_is_not_the_target():
    assert muscles_in("Knee to chest", NAME_ONLY) == []
    assert find_muscles("Rocking", [], ["Bring your knees to your chest and feel it in your lower back."])[
        0
    ].key == ("lower-back")


LANGUAGES = {
    "en": "Stand facing a wall and step one foot back. Hold for thirty seconds and repeat on the other side.",
    "de": "Stell dich vor eine Wand und stell ein Bein nach hinten. Halte die Dehnung und wechsle die Seite.",
    "fr": "Placez-vous face à un mur et reculez une jambe. Tenez la position puis changez de côté.",
    "es": "Ponte frente a una pared y lleva una pierna atrás. Mantén la posición y cambia de lado.",
    "it": "Mettiti di fronte a un muro e porta una gamba indietro. Mantieni la posizione e cambia lato.",
    "pt": "Fique de frente para uma parede e leve uma perna para trás. Mantenha a posição e troque de lado.",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_language_is_one_the_sheet_prints(lang):
    assert detect_language(LANGUAGES[lang]) == lang


def test_too_little_text_gives_no_language():
    assert detect_language("Calf 30 s") is None


def test_a_hold_apart_from_its_verb_leaves_the_instruction():
    found = find_hold("Hold your ankle behind you for 20 seconds.")
    assert found is not None and found[0].text("en") == "20 s"
    assert point_without_hold("Hold your ankle behind you for 20 seconds.") == "Hold your ankle behind you."
    assert point_without_hold("Mantén la pierna recta durante 20 segundos.") == "Mantén la pierna recta."


def test_a_dutch_page_is_not_taken_for_german_and_gets_no_language():
    assert detect_language("Ga voor een muur staan en zet een been naar achteren. Houd de rek vast.") is None


@pytest.mark.parametrize(
    ("lang", "article", "target", "hold"),
    [
        (
            "it",
            "Allungamenti dopo la corsa\n\n1. Allungamento dei femorali\n"
            "Siediti a terra con una gamba tesa e piegati in avanti verso il piede finché senti "
            "l'allungamento dietro la coscia. Mantieni 30 secondi per lato.\n",
            "Ischiocrurali (parte posteriore della coscia)",
            "30 s per lato",
        ),
        (
            "pt",
            "Alongamentos depois da corrida\n\n1. Alongamento de posteriores\n"
            "Sente-se no chão com uma perna estendida e incline o tronco em direção ao pé até sentir "
            "o alongamento atrás da coxa. Mantenha 30 segundos de cada lado.\n",
            "Posteriores da coxa",
            "30 s cada lado",
        ),
    ],
)
def test_an_italian_or_portuguese_page_is_imported_in_its_language(lang, article, target, hold):
    imported = import_article(article, "article.txt")
    routine = tomllib.loads(imported.toml)
    assert routine["lang"] == lang
    stretch = routine["stretches"][-1]
    assert (stretch["target"], stretch["hold"]) == (target, hold)
