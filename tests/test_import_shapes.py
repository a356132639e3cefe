"""The shapes real pages have, one test each: what is a stretch, a caption, a byline or a banner; where the
hold and the target are said; pages whose line breaks were lost (issue 25, tests/data/real_pages/)."""

from __future__ import annotations

import tomllib

from handout.content.importers import import_article
from handout.content.importers.holds import find_hold, find_page_hold, point_without_hold


def routine(article: str, name: str = "article.txt") -> dict:
    return tomllib.loads(import_article(article, name).toml)


def names(article: str) -> list[str]:
    return [stretch["name"] for stretch in routine(article)["stretches"]]


def test_a_caption_under_a_heading_is_not_a_stretch():
    article = (
        "Stretches after a run\n\n"
        "Hip flexor stretch\nHip flexor stretch starting position\n"
        "Kneel on one knee and push your hips forward.\n\n"
        "Thigh stretch\nThigh stretch side view\n"
        "Stand on one leg and pull your heel to your bottom.\n"
    )
    assert names(article) == ["Hip flexor stretch", "Thigh stretch"]


def test_an_image_heading_repeated_as_a_numbered_caption_is_one_stretch():
    article = (
        "Five post-run stretches\n\n"
        "Quad Stretch\n\n1. Quad Stretch\n\nGrab your right foot and pull it towards your back.\n\n"
        "Calf Stretch\n\n2. Calf Stretch\n\nPlace both hands on a wall, one leg extended back.\n"
    )
    assert names(article) == ["Quad Stretch", "Calf Stretch"]


def test_an_alt_text_or_banner_is_not_the_title_and_the_listicles_heading_is_not_a_stretch():
    data = routine(
        "hero image\n\nwoman stretching after a run\n\n"
        "Seven simple stretches for runners\n\n"
        "Calf stretch\nFace a wall and step one foot back.\n\n"
        "Quad stretch\nStand on one leg and pull your heel to your bottom.\n"
    )
    assert data["title"] == "Seven simple stretches for runners"
    assert [stretch["name"] for stretch in data["stretches"]] == ["Calf stretch", "Quad stretch"]


def test_bylines_cookie_notices_share_buttons_and_related_links_are_left_out():
    article = (
        "Stretching after running\n\n"
        "By Jane Doe, physiotherapist\n"
        "We use cookies to improve your experience. Accept all\n"
        "Share: Facebook Twitter WhatsApp\n\n"
        "Calf stretch\nFace a wall and step one foot back. Hold for 30 seconds.\n"
        "> Read also: Ten tips for your first marathon\n\n"
        "Quad stretch\nStand on one leg and pull your heel to your bottom. Hold for 30 seconds.\n\n"
        "Related articles\nHow to choose running shoes\n"
    )
    data = routine(article)
    assert [stretch["name"] for stretch in data["stretches"]] == ["Calf stretch", "Quad stretch"]
    points = " ".join(point for stretch in data["stretches"] for point in stretch["key_points"])
    for chrome in ("Jane Doe", "cookies", "Facebook", "marathon", "running shoes"):
        assert chrome not in points


def test_numbered_headings_without_a_name_take_the_library_name_of_the_stretch_they_describe():
    data = routine(
        "Cool-down\n\n"
        "Exercise 1\nSit tall and bring the soles of your feet together, knees towards the floor.\n\n"
        "Exercise 2\nLie on your back and draw both knees towards your chest.\n"
    )
    assert [(s["name"], s["use"]) for s in data["stretches"]] == [
        ("Seated butterfly stretch", "butterfly"),
        ("Knees to chest", "knees-to-chest"),
    ]


def test_numbered_steps_under_numbered_headings_are_steps_of_one_stretch():
    data = routine(
        "Il post-corsa è un ottimo momento per fare stretching.\n\n"
        "1.Allungamento quadricipiti\n\nEcco cosa fare:\n\n"
        "1. State dritti in piedi e afferrate il piede con la mano destra.\n\n"
        "2. Tirate delicatamente il tallone verso i glutei.\n\n"
        "3. Mantenete la posizione per 15-30 secondi.\n\n"
        "2.Allungamento del polpaccio\n\nAppoggia le mani a una parete, una gamba tesa indietro.\n"
    )
    assert [s["name"] for s in data["stretches"]] == [
        "Allungamento quadricipiti",
        "Allungamento del polpaccio",
    ]
    quad = data["stretches"][0]
    assert quad["hold"] == "15–30 s"
    assert len(quad["key_points"]) == 2


def test_a_hold_said_once_for_the_whole_page_goes_to_each_stretch_without_one():
    data = routine(
        "Stretches after running\n\n"
        "Hold each of the stretches below for 20-30 seconds, breathing slowly.\n\n"
        "Calf stretch\nFace a wall and step one foot back.\n\n"
        "Quad stretch\nStand on one leg and pull your heel to your bottom. Hold for 45 seconds.\n"
    )
    assert [stretch["hold"] for stretch in data["stretches"]] == ["20–30 s", "45 s"]


def test_holds_per_side_in_sets_in_words_and_alone():
    said = {
        "Hold for 30 seconds on each leg.": "30 s each side",
        "Do 2 x 30 s per side.": "2 × 30 s each side",
        "Three sets of twenty-second's stretch for each leg.": "3 × 20 s each side",
        "20–30 Sekunden pro Seite.": "20–30 s each side",
        "Mantén por un minuto.": "1 min",
        "Segure por 20 segundos e alterne.": "20 s",
        "Rimani in questa posizione per 30 secondi.": "30 s",
    }
    for sentence, hold in said.items():
        found = find_hold(sentence)
        assert found is not None and found[0].text("en") == hold, sentence
    assert find_hold("Alongamento do Psoas") is None  # "a" + "s" is no hold
    # The side said before the time counts; what is left of the sentence says nothing more.
    assert find_hold("Hold each leg for 20-30 seconds.")[0].text("en") == "20–30 s each side"
    assert point_without_hold("Hold each leg for 20-30 seconds.") == ""
    assert point_without_hold("Again, repeat this movement for 20-30 seconds on each leg.") == ""
    assert point_without_hold("Mantén la pierna recta durante 20 segundos.") == "Mantén la pierna recta."
    page = find_page_hold("Exécutez tous les exercices pendant 20 à 60 secondes. Respirez.")
    assert page is not None and page.text("fr") == "20–60 s"
    assert find_page_hold("Take 10 minutes to stretch after your run.") is None
    page = find_page_hold("For the stretches below, hold for 30 seconds and breathe slowly.")
    assert page is not None and page.text("en") == "30 s"


def test_a_sentence_that_names_the_target_gives_it_wherever_it_is():
    data = routine(
        "Post-run stretches\n\n"
        "Figure four\n"
        "You will feel the stretch in your glutes.\n"
        "1. Lie on your back.\n2. Cross one ankle over the other knee.\n\n"
        "Lunge\n"
        "Kneel on one knee and shift your weight forward. You should feel it in the front of your hip.\n"
    )
    figure_four, lunge = data["stretches"]
    assert figure_four["target"] == "Glutes"
    assert figure_four["key_points"] == ["Lie on your back.", "Cross one ankle over the other knee."]
    assert lunge["target"] == "Hip flexors"


def test_a_paragraph_that_runs_numbered_stretches_together_is_split():
    data = routine(
        "Hier sind einige effektive Dehnübungen: 1. **Waden-Dehnung (Stehend):** Stelle dich mit den Händen "
        "gegen eine Wand, ein Bein nach hinten gestreckt. 20–30 Sekunden pro Seite. 2. **Adduktoren-Dehnung "
        "(Schmetterlingssitz):** Im Sitzen die Fußsohlen aneinanderlegen. 20–30 Sekunden halten.\n",
        "article.md",
    )
    assert [(s["name"], s["hold"], s.get("use")) for s in data["stretches"]] == [
        ("Waden-Dehnung (Stehend)", "20–30 s pro Seite", "calf-wall"),
        ("Adduktoren-Dehnung (Schmetterlingssitz)", "20–30 s", "butterfly"),
    ]


def test_headings_that_lost_their_line_break_are_found_again():
    data = routine(
        "Publiée en 2019 Comment s’étirer après avoir couru ? 1. S’étirer les mollets Parmi les exercices, "
        "l’étirement des mollets : prendre appui sur un mur. À lire aussi : Quelles solutions contre les "
        "courbatures ? 2. S’étirer l’avant de la cuisse, les quadriceps Pour vous étirer, restez debout.\n"
    )
    assert [s["name"] for s in data["stretches"]] == [
        "S’étirer les mollets",
        "S’étirer l’avant de la cuisse, les quadriceps",
    ]
    assert "lire aussi" not in " ".join(data["stretches"][0]["key_points"])


def test_an_intro_that_runs_on_into_named_stretches_and_names_written_as_sentences():
    assert names(
        "Here are two stretches I recommend after running. Hamstring stretch: Straighten one leg out in "
        "front of you. Hold for 15 seconds.\nCalf stretch: Step back with one foot. Hold for 15 seconds.\n"
    ) == ["Hamstring stretch", "Calf stretch"]
    assert names(
        "Pantorrilla. Estiramiento medio de la pantorrilla. Mantén 30 segundos.\n"
        "Cuadriceps. Acuéstate de lado y estira tu pierna. Mantén 30 segundos.\n"
    ) == ["Pantorrilla", "Cuadriceps"]


def test_a_cool_down_step_that_stretches_nothing_is_left_out_and_said():
    imported = import_article(
        "Cool-down\n\n1) Walk it out\nWalk for a minute or two to let your heart rate settle.\n"
        "2) Quadriceps stretch\nStand upright and hold one foot to your buttock.\n"
        "3) Hamstring stretch\nLie on your back and pull your straight leg up.\n",
        "article.txt",
    )
    assert [draft.name for draft in imported.stretches] == ["Quadriceps stretch", "Hamstring stretch"]
    assert any('"1) Walk it out"' in str(w) or '"Walk it out"' in str(w) for w in imported.warnings)


def test_muscles_and_exercise_words_of_italian_portuguese_and_dutch_pages():
    data = routine(
        "Alongamentos\n\n1. Alongamento de Panturrilha na Parede\nComo fazer:\n"
        "- Fique de frente para uma parede, apoie as mãos nela.\n- Mantenha por 20 a 30 segundos.\n"
        "2. Alongamento de Quadríceps\nComo fazer:\n- Fique em pé e segure o tornozelo.\n"
        "- Segure por 20 segundos e troque de lado.\n"
    )
    assert [(s["name"], s["target"], s["hold"]) for s in data["stretches"]] == [
        ("Alongamento de Panturrilha na Parede", "Panturrilhas", "20–30 s"),
        ("Alongamento de Quadríceps", "Quadríceps", "20 s"),
    ]  # a Portuguese page: lang = "pt", its targets in Portuguese
