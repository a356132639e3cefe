"""The shapes of the seventh held-out set of real pages (issue 25-h), one test each, each with its own
made-up text: the sub-heads a stretch's text has in every importer language (technique, step by step,
mistakes, variants and progressions, a description, the French "Action d'étirement :" and "Rythme :"),
a hold said once after picture labels repeating the stretches' names, a time of stretching after a time
of contraction, "per 15-20 secondi", a one-stretch page's title after an intro paragraph and none for a
numbered first stretch of a cut-off list, German muscles, and the figures the descriptions tell."""

from __future__ import annotations

import tomllib

import pytest

from handout.content.importers import import_article
from handout.content.importers.linking import link_stretch


def routine(article: str) -> dict:
    return tomllib.loads(import_article(article, "article.txt").toml)


@pytest.mark.parametrize(
    ("lang_heads", "steps"),
    [
        (("Overview", "Step by step", "Common mistakes", "Variations and progressions"), "Stand"),
        (("Beschreibung", "Schritt für Schritt", "Häufige Fehler", "Varianten"), "Stell dich"),
        (
            ("Description générale", "Étape par étape", "Erreurs fréquentes", "Variantes et progressions"),
            "Debout",
        ),
        (
            (
                "Descripción general",
                "Técnica paso a paso",
                "Errores frecuentes y cómo evitarlos",
                "Variantes y progresiones",
            ),
            "Ponte",
        ),
        (("Descrizione", "Passo dopo passo", "Errori comuni", "Varianti e progressioni"), "In piedi"),
        (("Descrição geral", "Passo a passo", "Erros comuns", "Progressões"), "Fique"),
    ],
)
def test_a_stretchs_sub_heads_in_every_language_are_no_stretches(lang_heads, steps):
    description, step_by_step, mistakes, variants = lang_heads
    article = (
        "Calf stretch\n\n"
        f"{description}\n\n"
        "The calf stretch keeps the back of the lower leg supple.\n\n"
        f"{step_by_step}\n\n"
        f"- {steps} facing a wall, hands on it.\n"
        "- Step one foot back, heel on the floor, and lean in.\n\n"
        f"{mistakes}\n\n"
        "- Lifting the back heel.\n\n"
        f"{variants}\n\n"
        "- Easier: on a step.\n"
    )
    found = routine(article)
    assert [stretch["name"] for stretch in found["stretches"]] == ["Calf stretch"]
    assert found["title"] == "Calf stretch"


def test_french_action_and_rhythm_sub_heads_and_a_time_of_stretching_after_one_of_contraction():
    article = (
        "Les étirements aident à récupérer après un effort; ils ne doivent jamais faire mal.\n\n"
        "Étirement des ischio-jambiers\n\n"
        "Position de départ :\n"
        "Allongé sur le dos.\n"
        "Action d’étirement :\n"
        "Levez une jambe tendue et tenez-la derrière la cuisse.\n"
        "Rythme :\n"
        "10 secondes de contraction, 20 secondes d’étirement.\n"
    )
    found = routine(article)
    assert found["title"] == "Étirement des ischio-jambiers"
    (stretch,) = found["stretches"]
    assert stretch["name"] == "Étirement des ischio-jambiers"
    assert stretch["hold"] == "20 s"


def test_a_numbered_first_stretch_of_a_cut_off_list_is_no_title_and_its_italian_hold_is_read():
    article = (
        "1. Allunga il polpaccio\n"
        "In piedi davanti a un muro, porta una gamba indietro con il tallone a terra. Mantieni la"
        " posizione respirando lentamente per 20-30 secondi.\n"
    )
    found = routine(article)
    assert found["title"].startswith("TODO")
    (stretch,) = found["stretches"]
    assert stretch["hold"] == "20–30 s"


def test_picture_labels_repeating_the_stretches_names_are_none_and_the_hold_after_them_is_every_stretchs():
    article = (
        "After the run\n\n"
        "Quad: hold your ankle and pull your heel to your bottom, knees together.\n\n"
        "Calf: step one foot back, heel on the floor, hands on a wall.\n\n"
        "Hamstrings: put one heel on a low step and lean forward with a straight back.\n\n"
        "Quad Stretch\n\n"
        "Calf Stretch\n\n"
        "Hamstring Stretch\n\n"
        "Remember: all stretches must be held for a minimum of 30 seconds.\n"
    )
    found = routine(article)["stretches"]
    assert [stretch["name"] for stretch in found] == ["Quad", "Calf", "Hamstrings"]
    assert [stretch["hold"] for stretch in found] == ["30 s"] * 3


def test_german_muscle_names_of_a_trainers_page():
    article = (
        "Stretching\n\n"
        "Hüftlendenmuskel\n\n"
        "Machen Sie einen langen Ausfallschritt, das hintere Knie auf dem Boden.\n\n"
        "Zwillingswadenmuskel\n\n"
        "Stellen Sie sich mit einem Ausfallschritt an eine Wand, die Ferse hinten auf dem Boden.\n"
    )
    found = routine(article)["stretches"]
    assert [stretch["target"] for stretch in found] == ["Hüftbeuger", "Waden"]


@pytest.mark.parametrize(
    ("name", "text", "muscles", "entry"),
    [
        (
            "Innenseite",
            "Ihre Ausgangsposition ist der Grätschstand. Verlagern Sie das Gewicht auf eine Seite.",
            ["adductors"],
            "side-lunge",
        ),
        (
            "Rückseite",
            "Aus einem etwa 20 Zentimeter vorgestellten Bein beugen Sie den geraden Oberkörper nach vorn.",
            ["hamstrings"],
            "standing-hamstring",
        ),
        (
            "Hamstrings",
            "Step one foot in front of the other and lift the toes. Bend the back leg and shift your"
            " weight back.",
            ["hamstrings"],
            "standing-hamstring",
        ),
        (
            "Gemelos",
            "De pie frente a una pared, da un paso atrás con una pierna y el talón apoyado en el suelo;"
            " flexiona ligeramente la pierna delantera. Secundarios: sóleo.",
            ["calves"],
            "calf-wall",
        ),
    ],
)
def test_the_description_tells_the_figure(name, text, muscles, entry):
    """Straddling ("Grätschstand") is the side lunge, a leg set forward or the toes lifted in front the
    standing hamstring stretch, and a step back with the heel down the wall calf stretch though the
    soleus is named beside it and the front knee bends."""
    link = link_stretch(name, text, muscles)
    assert link is not None and link.entry == entry, link


def test_toes_up_on_a_surface_is_a_calf_stretch_the_library_has_no_figure_of():
    text = (
        "Stand facing a wall. Balance your foot on its heel and place the toes of the left foot onto a"
        " stable surface."
    )
    assert link_stretch("Calf Stretch", text, ["calves"]) is None
