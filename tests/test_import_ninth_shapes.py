"""The shapes of the ninth held-out set of real pages (issue 25-j), one test each, each with its own
made-up text: stretches written as paragraphs with no name line (each ending with its hold, or opening
with an ordinal, or one stretch under its sub-heads), a heading that names two stretches, a lead line
before the steps, a title under its picture's label, holds said with a count, an Italian infinitive or
a Spanish pronoun, and body parts that are held, tensed or where a heel goes, not stretched."""

from __future__ import annotations

import tomllib

import pytest

from handout.content.importers import import_article
from handout.content.importers.holds import find_hold
from handout.content.importers.linking import Confidence, described, link_stretch
from handout.content.importers.targets import NAME_ONLY, REGION, find_muscles, muscles_in
from handout.errors import HandoutError


def routine(article: str) -> dict:
    return tomllib.loads(import_article(article, "article.txt").toml)


def hold_of(text: str) -> str | None:
    found = find_hold(text)
    return found[0].text("en") if found else None


def test_holds_said_with_a_count_an_italian_infinitive_or_a_spanish_pronoun():
    """ "while you count to 20" is 20 s; "Rimanere in posizione", "Restare in equilibrio" and
    "Resistere" are Italian ways of holding; "mantenerla (entre 20 y 40 segundos)" keeps the time in
    parentheses after the verb with its pronoun; "per un tempo di 25 secondi" says the time so."""
    assert hold_of("Hold the position while you count to 20, then swap legs.") == "20 s"
    assert hold_of("Rimanere in posizione 25 secondi e poi cambiare.") == "25 s"
    assert hold_of("Restare in equilibrio circa 15 secondi.") == "15 s"
    assert hold_of("Resistere 40 secondi e poi ripetere.") == "40 s"
    assert hold_of("Una vez en tensión, mantenerla (entre 20 y 40 segundos).") == "20–40 s"
    assert hold_of("La posizione va mantenuta per un tempo di 25 secondi.") == "25 s"
    assert hold_of("Count the steps to 10 on the way back.") is None


def test_paragraphs_each_describing_a_stretch_and_ending_with_its_hold_are_the_stretches():
    """A page with no stretch's name: after the intro, each paragraph that says a position and the
    paragraphs after it up to a hold are one stretch, named after the library entry it shows; what
    follows the last hold is the page's ending."""
    page = (
        "Dopo ogni uscita bastano pochi minuti di esercizi per sciogliere le gambe.\n\n"
        "Scegliete quelli che preferite, senza fretta.\n\n"
        "In piedi, con le mani appoggiate al muro, portare indietro la gamba destra tesa con il tallone a"
        " terra.\n\n"
        "Rimanere in posizione 25 secondi e poi cambiare gamba.\n\n"
        "In piedi su una gamba, afferrare il piede dietro di sé e portare il tallone verso il gluteo."
        " Restare in equilibrio circa 20 secondi.\n\n"
        "Buon allenamento a tutti!\n"
    )
    imported = import_article(page, "article.txt")
    stretches = tomllib.loads(imported.toml)["stretches"]
    assert [stretch["hold"] for stretch in stretches] == ["25 s", "20 s"]
    assert [stretch.get("use") for stretch in stretches] == ["calf-wall", "standing-quad"]
    assert [draft.name for draft in imported.stretches] == [
        "Allungamento del polpaccio al muro",
        "Allungamento del quadricipite in piedi",
    ]
    assert any("ending is left out" in notice.message for notice in imported.warnings)


def test_paragraphs_opening_with_an_ordinal_are_the_stretches_with_a_hold_said_for_every_one():
    """ "The first stretch ...", "The second stretch ...": each paragraph is one, and "Hold each
    position for 25 seconds", said in the first, is every stretch's hold; the comments after the last
    are no stretch."""
    page = (
        "Stretching after a run\n\n"
        "A few minutes of stretching help your legs recover.\n\n"
        "The first stretch is done standing, pulling one heel towards your bottom, knees together. Hold each"
        " position for 25 seconds.\n\n"
        "The second stretch is done sitting on the floor with both legs straight, reaching for your toes"
        " until you feel the back of your thighs.\n\n"
        "Leave a comment\n"
    )
    data = routine(page)
    assert data["title"] == "Stretching after a run"
    assert [stretch["hold"] for stretch in data["stretches"]] == ["25 s", "25 s"]
    assert [stretch.get("use") for stretch in data["stretches"]] == ["standing-quad", "seated-hamstring"]


def test_one_stretch_under_its_sub_heads_with_no_name():
    """A page that is one stretch under question sub-heads ("¿Para quién es?", "¿Cómo hacerlo?"): the
    text under the steps' sub-head is the stretch, the sub-heads before it the intro's."""
    page = (
        "¿Para quién es?\n\nPara corredores y ciclistas.\n\n"
        "¿Cómo hacerlo?\n\n"
        "De pie sobre una pierna, sujeta el tobillo de la otra y lleva el talón hacia el glúteo."
        " Mantén la posición 25 segundos.\n"
    )
    imported = import_article(page, "article.txt")
    [stretch] = tomllib.loads(imported.toml)["stretches"]
    assert stretch["hold"] == "25 s"
    assert stretch.get("use") == "standing-quad"
    assert imported.stretches[0].name == "Estiramiento de cuádriceps de pie"


def test_a_heading_naming_two_stretches_with_a_paragraph_each_is_two_stretches():
    """ "L'étirement des mollets et des adducteurs", its text turning to the second muscle in a paragraph
    that opens by naming it ("Quant aux adducteurs, ..."): two stretches, named by the heading's words."""
    page = (
        "Étirements après la course\n\n"
        "L'étirement des mollets et des adducteurs\n\n"
        "Face à un mur, reculez un pied, talon au sol, et penchez-vous vers le mur.\n\n"
        "Quant aux adducteurs, écartez les jambes et fléchissez un genou en basculant de ce côté.\n\n"
        "L'étirement des quadriceps\n\n"
        "Debout, attrapez votre pied et ramenez le talon vers la fesse.\n"
    )
    imported = import_article(page, "article.txt")
    assert [draft.name for draft in imported.stretches] == [
        "L'étirement des mollets",
        "L'étirement des adducteurs",
        "L'étirement des quadriceps",
    ]


def test_a_line_leading_into_the_steps_is_no_stretch():
    """ "Pour étirer vos mollets :" before a stretch's steps, "To stretch your quads:" likewise, say
    what the steps are for: the steps' sub-head, not a stretch of their own."""
    page = (
        "Étirement du mollet\n\nLe mollet travaille beaucoup en course.\n\n"
        "Pour étirer vos mollets :\n\n- Face à un mur, reculez un pied.\n- Gardez le talon au sol.\n\n"
        "Étirement du quadriceps\n\nDebout, attrapez votre pied.\n"
    )
    assert [stretch["name"] for stretch in routine(page)["stretches"]] == [
        "Étirement du mollet",
        "Étirement du quadriceps",
    ]


def test_a_title_under_its_pictures_label_is_the_title_though_it_is_a_question():
    page = (
        "Image Quels étirements faire après la course ?\n\n"
        "Quels étirements faire après la course ?\n\n"
        "Voici deux étirements simples.\n\n"
        "Étirement du mollet\n\nFace à un mur, reculez un pied, talon au sol.\n\n"
        "Étirement du quadriceps\n\nDebout, attrapez votre pied.\n"
    )
    assert routine(page)["title"] == "Quels étirements faire après la course ?"


def test_body_parts_held_tensed_or_where_the_heel_goes_are_no_target():
    """ "pull your foot upward" holds the foot, "apretando el glúteo" tenses the glute, "porta il piede a
    contatto dei glutei" says where the heel goes: none of them is stretched; "parte exterior del muslo"
    is the outer thigh, "triceps suraux" the calves (not the arms' triceps), and "Colócate de espaldas"
    lying on the back."""
    assert [m.key for m in muscles_in("use your hand to pull your foot upward", REGION)] == []
    assert [m.key for m in muscles_in("la espalda recta, apretando el glúteo", REGION)] == []
    assert [
        m.key for m in muscles_in("piega il ginocchio e porta il piede a contatto dei glutei", REGION)
    ] == []
    assert [m.key for m in muscles_in("stretch your glutes", REGION)] == ["glutes"]
    assert [m.key for m in muscles_in("Parte exterior del muslo", NAME_ONLY)] == ["it-band"]
    assert [m.key for m in muscles_in("L'étirement des triceps suraux", NAME_ONLY)] == ["calves"]
    assert described("Colócate de espaldas con las rodillas dobladas.")[0] == ["lying"]


def test_a_heel_put_at_hip_height_is_the_standing_hamstring_stretch():
    """ "Posez votre talon à la même hauteur que votre bassin" puts the heel up on a support."""
    link = link_stretch(
        "Étirement des ischio-jambiers",
        "Posez votre talon à la hauteur de votre bassin, la jambe tendue, puis penchez-vous en avant.",
        ["hamstrings"],
    )
    assert link is not None and link.entry == "standing-hamstring"


def test_a_page_of_paragraphs_that_say_no_stretch_is_still_refused():
    """Paragraphs counted "first" and "second", or a "How to" sub-head, over text that names no stretch,
    muscle or hold are no stretches: the page is refused as before."""
    page = (
        "How to\n\nBuy your shoes in the afternoon, when your feet are largest.\n\n"
        "The first step is choosing a shop.\n\nThe second step is trying them on.\n"
    )
    with pytest.raises(HandoutError, match="no stretch sections found"):
        import_article(page, "article.txt")


def test_a_sentence_on_the_flexibility_it_gives_tells_the_muscles():
    """ "Better flexibility in your calves and Achilles tendons ..." under "Calf Stretch" says it
    stretches both, as "a stretch through the calves and the Achilles tendons" would."""
    sentences = ["More flexibility in your calves and Achilles tendons helps you push off."]
    assert [m.key for m in find_muscles("Calf Stretch", [], sentences)] == ["calves", "achilles"]
    assert [m.key for m in find_muscles("Calf Stretch", [], ["Keep your back flat."])] == ["calves"]


def test_lines_of_steps_after_a_lead_in_saying_one_hold_for_all_are_the_stretches():
    """A paragraph ending "you hold each of these for 20 seconds (both sides!):", then lines each a
    stretch's steps, each moving a limb; a label leading into a line ("hip (he showed it standing,
    ...):") names its stretch; the first line that moves no limb ends them."""
    page = (
        "My coach showed me a few stretches after our run, since my legs were sore all day.\n\n"
        "i asked him to show me again, and apparently you hold each of these for 20 seconds (both"
        " sides!):\n\n"
        "stand tall, grab your foot behind you and pull the heel to your bottom.\n\n"
        "hip (he showed it standing, but sitting is easier for me):\n\n"
        "sit and put an ankle up on a knee, then lean forward.\n\n"
        "That adds only a minute to the run.\n"
    )
    imported = import_article(page, "article.txt")
    assert [draft.hold for draft in imported.stretches] == ["20 s", "20 s"]
    assert imported.stretches[1].name == "hip"
    assert imported.stretches[1].use == "chair-glute"  # "hip" stands for the muscles around it
    assert any("ending is left out" in notice.message for notice in imported.warnings)


def test_a_text_fitting_two_variants_of_one_stretch_alike_gets_the_usual_one_as_likely():
    """ "grab foot with hand and push knee backwards" fits the standing and the side-lying quad stretch
    alike, and says no position or muscle: the usual quad stretch, for the coach to check."""
    link = link_stretch("Stretch", "hold yourself up, grab foot with hand and push knee backwards.", [])
    assert link is not None and link.entry == "standing-quad"
    assert link.confidence is Confidence.LIKELY
