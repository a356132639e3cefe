"""The shapes of the eighth held-out set of real pages (issue 25-h), one test each, each with its own
made-up text: a sure figure only in the position a stretch's text names first (a later one is the next
stretch run on into it), the German and French ways of saying a hold, and the muscles of a runner's
shins and lateral chain."""

from __future__ import annotations

import tomllib

from handout.content.importers import import_article
from handout.content.importers.linking import Confidence, link_stretch
from handout.content.importers.targets import NAME_ONLY, muscles_in


def routine(article: str) -> dict:
    return tomllib.loads(import_article(article, "article.txt").toml)


def test_a_stretch_run_on_into_another_in_a_later_position_gives_it_no_sure_figure():
    """A lying stretch whose text runs on into a seated twist ("Lie on your back ... Now sit up ...
    twist") is not shown as the seated twist for sure: the position a text names first is the
    stretch's, and a sure figure must never show a different stretch."""
    twist = "Sit on the floor with both legs long. Turn your upper body to the left, twisting from the waist."
    text = f"Lie on the floor. Hold one leg behind the thigh. {twist}"
    link = link_stretch("Hip stretch", text, ["glutes"])
    assert link is None or link.confidence is not Confidence.SURE
    sure = link_stretch("Hip stretch", twist, ["glutes"])
    assert sure is not None and sure.entry == "seated-twist"


def test_a_german_hold_said_with_verbleiben_and_a_french_one_in_primes():
    """ "Bleiben Sie" was read, "Verbleiben Sie ca. 25 bis 35 Sekunden" was not; "Tenir entre 20 et 1"
    with the seconds and the minute written as primes is 20 seconds to a minute."""
    german = routine(
        "Dehnen der Waden\n\nStellen Sie sich an eine Wand. Verbleiben Sie ca. 25 bis 35 Sekunden in dieser"
        " Position.\n\nDehnen der Hüfte\n\nKnien Sie sich hin. Verbleiben Sie etwa 40 Sekunden so.\n"
    )
    assert [stretch["hold"] for stretch in german["stretches"]] == ["25–35 s", "40 s"]
    french = routine(
        "Étirement du dos\n\nSe coucher sur le dos. Tenir entre 20’’ et 1’en respirant.\n\n"
        "Étirement des mollets\n\nDebout face au mur. Maintenir 45'' puis changer.\n"
    )
    assert [stretch["hold"] for stretch in french["stretches"]] == ["20–60 s", "45 s"]


def test_the_shin_muscles_in_german_and_the_french_abbreviation_of_the_lateral_chain():
    assert [m.key for m in muscles_in("Dehnen der Schienbeinmuskulatur", NAME_ONLY)] == ["shins"]
    assert [m.key for m in muscles_in("Étirements de la chaîne latérale, dont le TLF", NAME_ONLY)] == [
        "it-band"
    ]


def test_a_label_over_the_list_after_the_lead_paragraph_is_no_title():
    """ "Cool-down Stretches" under a lead paragraph only names the list below it; "Stretches for
    runners" in its place says who they are for and is the title."""
    lead = "Stretching when cold is not advised, so save these for after your run, once you are warm.\n\n"
    body = (
        "Calf stretch:\n\n- Face a wall and step one foot back\n- Hold for 30 seconds\n\n"
        "Quad stretch:\n\n- Pull one heel towards your bottom\n- Hold for 30 seconds\n"
    )
    assert routine(f"{lead}After-run Stretches\n\n{body}")["title"].startswith("TODO")
    assert routine(f"{lead}Stretches for runners\n\n{body}")["title"] == "Stretches for runners"


def test_a_page_run_into_one_line_keeps_its_title_and_its_first_stretch_named_by_its_label():
    """The intro runs on into the first stretch with no name but its labelled line ("... the depth of
    your stretches Stretch: your calves • ..."), and the page's Title Case title opens it before a
    sentence starting "Yesterday I"."""
    page = (
        "After Race Stretch Last week I wrote about warming up. This is how to cool down Hold each stretch "
        "for 25 seconds Breathe slowly through your stretches Stretch: your calves • Face a wall and step "
        "one foot back. • Press the back heel down. STRETCH: YOUR QUADS • Stand tall and pull one heel to "
        "your bottom. • Keep your knees together."
    )
    imported = routine(page)
    assert imported["title"] == "After Race Stretch"
    assert [stretch["name"] for stretch in imported["stretches"]] == [
        "Stretch: your calves",
        "STRETCH: YOUR QUADS",
    ]
    assert [stretch["hold"] for stretch in imported["stretches"]] == ["25 s", "25 s"]


def test_unnamed_bullets_after_a_paragraph_turning_to_other_muscles_are_not_the_stretchs_text():
    """A paragraph ending in a colon that turns to another muscle ("The back works hard too. Try
    this:") opens other stretches written as bullets with no name: their hold is not this stretch's."""
    page = (
        "• Quad stretch\n"
        "Stand on one leg and pull the other heel to your bottom. Hold for about 20 seconds.\n"
        "• Calf stretch\n"
        "Lean on a wall with one leg back and the heel down.\n"
        "Runners forget it, but the back works hard on a run too. Try this:\n"
        "• Lie on your back and hug both knees to your chest. Hold for 40 seconds.\n"
    )
    stretches = routine(page)["stretches"]
    assert [stretch.get("hold") for stretch in stretches] == ["20 s", None]
    assert "hug" not in " ".join(stretches[1]["key_points"])


def test_a_heading_repeating_an_earlier_name_over_another_stretch_is_read_by_its_text():
    """A page's slip: the second "Upright Calf Stretch" is over a quad stretch; its name tells nothing,
    its text ("the front of your thigh", a heel pulled to the bottom) tells what it is."""
    page = (
        "Upright Calf Stretch:\n\n- Face a wall, hands on it\n- Step one leg back, heel down\n\n"
        "Upright Calf Stretch |\n\n- Stand near a wall for balance\n- Pull your heel up to your bottom. "
        "Feel the stretch in the front of your thigh\n"
    )
    first, second = routine(page)["stretches"]
    assert first["target"] == "Calves"
    assert second["target"] == "Quadriceps"


def test_steps_going_on_after_the_hold_in_another_position_are_the_next_stretch():
    """Under "Glute Stretch:", the lying stretch's steps end with its hold, then go on seated with a twist:
    that is a stretch of its own, named by the library entry it is linked to, its muscles the heading's."""
    page = (
        "Calf Stretch:\n\n- Face a wall and step one foot back, heel down\n- Hold for 30 seconds\n\n"
        "Glute Stretch:\n\n- Lie on the floor\n- Hold one leg behind the thigh\n- Hold for 30 seconds\n"
        "- Sit on the floor with both legs long\n"
        "- Turn your upper body to the left, twisting from the waist\n- Hold for 30 seconds\n"
    )
    stretches = routine(page)["stretches"]
    assert [stretch["name"] for stretch in stretches] == ["Calf Stretch", "Glute Stretch", "Seated twist"]
    assert stretches[2]["use"] == "seated-twist"
    assert stretches[2]["target"] == stretches[1]["target"]
    assert "twist" not in " ".join(stretches[1]["key_points"])


def test_a_leg_put_up_on_a_raised_surface_said_formally_in_german_is_the_standing_hamstring():
    """ "Stellen Sie das Bein auf eine Erhöhung" is standing, the heel put up: the standing hamstring."""
    text = "Stellen Sie das Bein auf eine Erhöhung, etwa eine Bank. Beugen Sie sich gerade nach vorn."
    link = link_stretch("Dehnen der Oberschenkelrückseite", text, ["hamstrings"])
    assert link is not None and link.entry == "standing-hamstring"
