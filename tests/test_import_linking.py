"""An imported stretch gets the figure of the library entry its article describes, and never another's.

The library's own descriptions are the test: each entry's steps, in each of its languages, must find the
entry itself; read without their target line they find it or nothing, never an entry of another muscle.
"""

from __future__ import annotations

import tomllib

import pytest

from handout.content.importers import import_article
from handout.content.importers.linking import Confidence, entry_muscles, link_stretch
from handout.content.importers.targets import find_muscles
from handout.content.library import LANGUAGES, entry_in, library

ENTRIES = [(entry_id, lang) for entry_id in library() for lang in LANGUAGES]


def muscle_keys(name: str, targets: list[str], sentences: list[str]) -> list[str]:
    return [muscle.key for muscle in find_muscles(name, targets, sentences)]


@pytest.mark.parametrize(("entry_id", "lang"), ENTRIES)
def test_each_entry_described_with_its_target_links_to_itself(entry_id, lang):
    entry = entry_in(entry_id, lang)
    muscles = muscle_keys("", [entry["target"]], entry["key_points"])
    link = link_stretch("", " ".join(entry["key_points"]), muscles)
    assert link is not None and link.entry == entry_id, (entry_id, lang, link)


@pytest.mark.parametrize(("entry_id", "lang"), ENTRIES)
def test_each_entry_described_without_its_target_never_links_to_another_muscle(entry_id, lang):
    entry = entry_in(entry_id, lang)
    muscles = muscle_keys("", [], entry["key_points"])
    link = link_stretch("", " ".join(entry["key_points"]), muscles)
    if link is not None:
        assert link.entry == entry_id or entry_muscles()[link.entry] & entry_muscles()[entry_id], link
        assert link.entry == entry_id or link.confidence is Confidence.LIKELY, link


@pytest.mark.parametrize(("entry_id", "lang"), ENTRIES)
def test_each_entry_named_in_each_language_is_sure(entry_id, lang):
    entry = entry_in(entry_id, lang)
    link = link_stretch(entry["name"], "", muscle_keys(entry["name"], [entry["target"]], []))
    assert link is not None and (link.entry, link.confidence) == (entry_id, Confidence.SURE)


def imported(article: str) -> list[dict]:
    return tomllib.loads(import_article(article, "article.txt").toml)["stretches"]


def test_the_issues_descriptions_find_their_figures_by_what_they_say():
    stretches = imported(
        "After the run\n\n"
        "1. Hamstring stretch\n"
        "Lie down with one leg straight up, loop a towel over the foot and pull gently.\n\n"
        "2. Groin stretch\n"
        "Seated, soles of the feet together, let your knees drop towards the floor.\n"
    )
    assert [stretch.get("use") for stretch in stretches] == ["lying-hamstring", "butterfly"]
    # The article's own words are kept: its names, its steps.
    assert [stretch["name"] for stretch in stretches] == ["Hamstring stretch", "Groin stretch"]
    assert "loop a towel over the foot" in stretches[0]["key_points"][0]


def test_a_name_the_description_contradicts_takes_the_described_figure():
    # "Quad stretch" is the standing one's alias; lying on the side it is the side-lying one.
    stretches = imported(
        "Cool-down\n\n"
        "Quad stretch: Lie on your side, bend the top knee and pull the heel to your bottom.\n"
        "Calf stretch: Face a wall, step one foot back and press the heel down.\n"
    )
    assert [stretch.get("use") for stretch in stretches] == ["side-lying-quad", "calf-wall"]


def test_a_likely_figure_says_why_for_the_coach_to_check_and_a_sure_one_does_not():
    toml = import_article(
        "Cool-down\n\nCalf stretch: Stretch your calves gently.\n"
        "Butterfly stretch: Sit and bring the soles of your feet together.\n",
        "article.txt",
    ).toml
    calf, butterfly = toml.split("[[stretches]]")[1:]
    assert 'use = "calf-wall"  # TODO: check the picture, likely this stretch:' in calf
    assert "the usual calves stretch" in calf
    assert 'use = "butterfly"  # from the stretch library' in butterfly
    assert "TODO" not in butterfly


def test_a_position_the_entry_does_not_have_rules_it_out():
    # Seated with a leg over the other: no standing, lying or kneeling entry, whatever the muscle.
    link = link_stretch("Hip flexor stretch", "Sit on the floor, one leg stretched out.", ["hip-flexors"])
    assert link is None
    link = link_stretch("Stretch", "Kneel on one knee and lunge forward.", ["hip-flexors"])
    assert link is not None and link.entry == "hip-flexor-lunge"


def test_one_knee_to_the_chest_is_not_the_library_s_both_knees_stretch():
    for text in (
        "Lie on your back and pull one knee to your chest.",
        "Lege dich auf den Rücken und ziehe ein Knie zur Brust.",
    ):
        link = link_stretch("Glute stretch", text, ["glutes"])
        assert link is None or link.confidence is Confidence.LIKELY, link
    link = link_stretch("Lower back", "Lie on your back and draw both knees to your chest.", ["lower-back"])
    assert link is not None and (link.entry, link.confidence) == ("knees-to-chest", Confidence.SURE)


FOLD_AND_LUNGE = [
    ("Stand with your feet together, bend forward from the hips and reach for your toes.", "forward-fold"),
    (
        "Stelle dich aufrecht hin und beuge den Oberkörper nach vorne, bis die Finger den Boden berühren.",
        "forward-fold",
    ),
    ("In piedi, gambe dritte, piega il busto in avanti fino a toccare il pavimento.", "forward-fold"),
    (
        "Standing tall, take a long step forward into a lunge, back heel up, and push your hips forward.",
        "standing-hip-flexor",
    ),
    ("Debout, en fente, une jambe derrière vous, avancez les hanches.", "standing-hip-flexor"),
    # Another stretch's figure fits better: a seated fold, a heel on a step, lying, or a knee on the floor.
    ("Sit on the floor with your legs straight, bend forward and reach for your toes.", "seated-hamstring"),
    ("Stand and rest your heel on a low step, then hinge forward from the hips.", "standing-hamstring"),
    ("Lie on your back, raise one leg and loop a towel around the foot.", "lying-hamstring"),
    ("From standing, step forward into a lunge and lower your back knee to the floor.", "hip-flexor-lunge"),
    ("Kneel on one knee in a lunge and push your hips forward.", "hip-flexor-lunge"),
    ("Stand, cross one foot in front of the other and fold forward from the hips.", "crossover-hamstring"),
]


@pytest.mark.parametrize(("text", "expected"), FOLD_AND_LUNGE)
def test_a_forward_fold_or_standing_lunge_is_found_but_never_instead_of_a_better_fit(text, expected):
    muscles = ["hip-flexors"] if expected.endswith(("flexor", "lunge")) else ["hamstrings"]
    link = link_stretch("Stretch", text, muscles)
    assert link is not None and link.entry == expected, (text, link)


def test_a_bend_forward_said_with_another_position_is_never_the_standing_fold():
    text = "Sit down, legs long; bend forward from the hips towards your toes. You can also do it standing."
    link = link_stretch("Stretch", text, ["hamstrings"])
    assert link is None or link.entry != "forward-fold"
