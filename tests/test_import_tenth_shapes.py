"""The shapes of the tenth held-out set of real pages (issue 25-k), one test each, each with its own
made-up text: stretches with no name whose paragraphs are labelled with their starting position, the
exercise and what to mind ("Ausgangsstellung:", "Übung:", "Beachte:"), and the body parts such a text
names that are not stretched: where the trunk or a heel goes ("Richtung Gesäß"), soles put together,
where the hands are put."""

from __future__ import annotations

import tomllib

from handout.content.importers import import_article
from handout.content.importers.holds import find_hold
from handout.content.importers.linking import described, link_stretch
from handout.content.importers.targets import NAME_ONLY, muscles_in


def routine(article: str) -> dict:
    return tomllib.loads(import_article(article, "article.txt").toml)


def keys(text: str) -> list[str]:
    return [muscle.key for muscle in muscles_in(text, NAME_ONLY)]


def test_paragraphs_labelled_with_a_starting_position_are_stretches_with_no_name():
    """Each "Ausgangsstellung: ..." paragraph opens a stretch, the "Übung: ..." and "Beachte: ..." ones
    after it are its steps and tips, not stretches named "Übung"; each is named after the library entry
    its text shows."""
    page = (
        "Dehnen für Läufer\n\n"
        "Die wichtigsten Dehnübungen nach dem Laufen, in Ruhe ausgeführt.\n\n"
        "Ausgangsstellung: Schrittstellung, die Hände an der Wand, hinteres Bein gestreckt.\n\n"
        "Übung: Becken nach vorn schieben, die Fersen bleiben am Boden.\n\n"
        "Beachte: Die Füße zeigen nach vorn!\n\n"
        "Ausgangsstellung: Einbeinstand, mit einer Hand an einem Baum.\n\n"
        "Übung: Die Ferse des anderen Beines mit der Hand Richtung Gesäß führen.\n\n"
        "Ausgangsstellung: mit angewinkelten Beinen sitzen, Fußsohlen aneinanderlegen.\n\n"
        "Übung: Die Knie langsam nach unten sinken lassen.\n"
    )
    imported = import_article(page, "article.txt")
    data = tomllib.loads(imported.toml)
    assert [stretch.get("use") for stretch in data["stretches"]] == [
        "calf-wall",
        "standing-quad",
        "butterfly",
    ]
    assert "Übung" not in [draft.name for draft in imported.stretches]
    assert not any(point.startswith("Übung") for point in data["stretches"][0]["key_points"])


def test_starting_positions_of_a_page_not_about_stretching_are_no_stretches():
    """Labelled starting positions on a page that says nothing of stretching are not read as stretches."""
    page = (
        "Kraft für Läufer\n\n"
        "Drei Übungen für starke Beine.\n\n"
        "Ausgangsstellung: Einbeinstand.\n\nÜbung: Langsam in die Knie gehen.\n\n"
        "Ausgangsstellung: Rückenlage.\n\nÜbung: Das Becken heben.\n"
    )
    try:
        data = routine(page)
    except Exception:  # refused: no stretch sections found
        return
    assert all(stretch.get("use") is None for stretch in data["stretches"])


def test_german_positions_and_props_of_the_library_stretches():
    """ "Einbeinstand", "beidbeiniger Stand", "Schrittstellung" are standing; "mit ... Beinen sitzen" is
    seated; the rear knee on the ground kneeling; "Vorfußaufsatz" or a stair step the heel drop; a leg
    stretched out on a raised surface the standing hamstring; the rear leg straight with the heels down
    the wall calf stretch."""
    assert described("Einbeinstand.")[0] == ["standing"]
    assert described("Schrittstellung, Hände an der Wand.")[0] == ["standing"]
    assert described("Mit gekreuzten Beinen sitzen.")[0] == ["seated"]
    assert described("Ausfallschritt, Knie des hinteren Beines am Boden.")[0] == ["kneeling"]
    assert "step edge" in described("Stand auf einer Treppe, ein Bein mit Vorfußaufsatz.")[1]
    assert "heel up" in described("Ein Bein gestreckt auf Erhöhung (Bank).")[1]
    assert "foot back, heel down" in described("Hinteres Bein gestreckt, die Fersen bleiben am Boden.")[1]


def test_body_parts_where_a_limb_or_the_hands_go_or_put_together_are_no_targets():
    """ "Richtung Gesäß" and "Richtung vorderen Oberschenkel" say where a heel or the trunk goes; soles
    put together ("Fußsohlen aneinanderlegen", "soles together") and the ankles the hands are put above
    are no muscles stretched; the muscle a text does stretch is still read."""
    assert keys("Die Ferse Richtung Gesäß führen.") == []
    assert keys("Den Oberkörper gestreckt Richtung vorderen Oberschenkel bewegen.") == []
    assert keys("Fußsohlen aneinanderlegen, Hände oberhalb der Sprunggelenke.") == []
    assert keys("Sit with the soles of your feet together.") == []
    assert keys("Die Oberschenkelrückseite dehnen, Hände oberhalb der Knie.") == ["hamstrings"]


def test_a_stretch_card_s_labels_and_sub_heads_are_no_stretches_and_its_clock_duration_a_hold():
    """ "Difficulty: Beginner" on a stretch card, the sub-heads "Conseils techniques", "Conseils de
    respiration" and "Restrictions médicales" are the stretch's text, not stretches; "Duration: 1:00" is
    a hold of a minute; a media label ("Vidéos") and an "About this ..." heading are no title; a
    nameless stretch whose text says what it is ("L'étirement ... est un exercice") takes that name."""
    card = (
        "About This Routine\n\nStretches for after a run.\n\n"
        "Standing Quad\nDuration: 0:45\nStand tall and pull your heel toward your glute.\n"
        "Difficulty: Beginner\nInstructions\n- Stand with feet together.\n- Grasp the ankle.\n"
    )
    data = routine(card)
    assert data["title"].startswith("TODO")
    [stretch] = data["stretches"]
    assert (stretch["name"], stretch["hold"]) == ("Standing Quad", "45 s")
    assert hold_of("Duration: 1:00") == "1 min" and hold_of("The race starts at 9:30 today.") is None
    page = (
        "Vidéos\n\nInstructions\n\n- Placez-vous face à un mur, les mains posées sur le mur.\n"
        "- Reculez une jambe en gardant le talon au sol.\n- Maintenez la position 25 secondes.\n\n"
        "Conseils techniques\n\n- Gardez le talon au sol.\n\n"
        "Conseils de respiration\n\n- Expirez lentement.\n\n"
        "Restrictions médicales\n\n- Blessures récentes au mollet\n\n"
        "Description\n\nL'étirement du mollet au mur est un exercice simple pour les coureurs.\n"
    )
    imported = import_article(page, "article.txt")
    data = tomllib.loads(imported.toml)
    assert data["title"].startswith("TODO")
    [stretch] = data["stretches"]
    assert (imported.stretches[0].name, stretch["hold"], stretch.get("use")) == (
        "Étirement du mollet au mur",
        "25 s",
        "calf-wall",
    )


def hold_of(text: str) -> str | None:
    found = find_hold(text)
    return found[0].text("en") if found else None


def test_symbol_bullets_without_a_space_name_their_stretches_under_a_lead_line():
    """ "► Gémeos: ..." and "►Isquiotibiais: ..." (no space after the mark) are list items that start
    with their stretch's name, under a lead line ending in a colon ("Rotina de alongamentos ...:"), which
    is no title and no stretch; "Gémeos" is the calves; "um ou dois segundos" a hold of 1 to 2 s; the
    toes lifted toward the shin is a calf stretch no library figure shows."""
    page = (
        "Depois de correr, alongar ajuda a recuperar.\n\n"
        "Rotina de alongamentos para corredores:\n"
        "► Gémeos: músculos da barriga da perna.\n"
        "○ Como alongar? De pé, eleva os dedos do pé direito em direção ao tornozelo. Mantém esta posição"
        " durante um ou dois segundos.\n"
        "►Quadríceps: a parte da frente da coxa.\n"
        "○ Como alongar? De pé, segura o tornozelo e puxa o calcanhar em direção aos glúteos.\n"
    )
    imported = import_article(page, "article.txt")
    data = tomllib.loads(imported.toml)
    assert data["title"].startswith("TODO")
    assert [draft.name for draft in imported.stretches] == ["Gémeos", "Quadríceps"]
    assert data["stretches"][0]["hold"] == "1–2 s"
    assert [stretch.get("use") for stretch in data["stretches"]] == [None, "standing-quad"]
    assert keys("Gémeos") == ["calves"]
    assert hold_of("Hold for one or two seconds.") == "1–2 s"


def test_a_paragraph_giving_stretches_in_turn_each_opening_with_its_muscle_is_a_stretch_each():
    """ "Per i femorali ... Per allungare gli adduttori ... Per i quadricipiti ...": one paragraph, three
    stretches, each with no name; the hold said before them for each position is given to all."""
    page = (
        "Stretching dopo la corsa\n\n"
        "Allungamenti per le gambe\n\n"
        "Ecco alcuni esercizi (si consiglia di tenere ogni posizione per circa 25 secondi). Per i"
        " polpacci si parte in piedi con le mani al muro, portando indietro la gamba tesa con il tallone a"
        " terra. Per allungare gli adduttori ci si può sedere a terra, con le piante dei piedi unite. Per i"
        " quadricipiti, in piedi, si afferra il piede e si porta il tallone al gluteo.\n"
    )
    data = routine(page)
    assert [stretch.get("use") for stretch in data["stretches"]] == [
        "calf-wall",
        "butterfly",
        "standing-quad",
    ]
    assert [stretch["hold"] for stretch in data["stretches"]] == ["25 s"] * 3


def test_one_stretch_under_a_steps_sub_head_with_words_after_its_colon_and_a_time_offered_after_breaths():
    """ "Fai così: piedi uniti e mani in appoggio" is the sub-head of the one stretch's steps (no title),
    and "per almeno 4 cicli respiratori o per almeno 30 secondi" holds it 30 s."""
    page = (
        "I polpacci lavorano molto nella corsa.\n\n"
        "Fai così: mani in appoggio\n\n"
        "In piedi davanti a una parete, porta indietro la gamba sinistra tesa e spingi il tallone a"
        " terra.\n\n"
        "Mantieni la posizione per almeno 4 cicli respiratori o per almeno 30 secondi.\n"
    )
    data = routine(page)
    assert data["title"].startswith("TODO")
    [stretch] = data["stretches"]
    assert (stretch.get("use"), stretch["hold"]) == ("calf-wall", "30 s")
    assert hold_of("Hold the stretch for five slow breaths or 20 seconds.") == "20 s"


def test_hands_on_the_bent_knee_is_the_standing_hamstring_stretch_and_both_legs_down_kneeling():
    """Hands put on the bent knee, the other leg straight, is the standing hamstring stretch (as likely);
    "ambas piernas ... apoyadas en el suelo" in a lunge is kneeling, the kneeling hip flexor stretch."""
    link = link_stretch(
        "Hamstrings",
        "Reach for your toes, or put both hands on to the bent knee, not the leg you stretch.",
        ["hamstrings"],
    )
    assert link is not None and link.entry == "standing-hamstring"
    assert "kneeling" in described("Ambas piernas tienen que estar apoyadas en el suelo.")[0]
    link = link_stretch("Caderas", "Una pierna delante, ambas piernas apoyadas en el suelo.", ["hips"])
    assert link is not None and link.entry == "hip-flexor-lunge"


def test_paragraphs_opening_with_which_stretch_comes_now_are_the_stretches():
    """ "Empieza estirando las pantorrillas ...", "A continuación estira los cuádriceps ...": with no
    stretch's name on the page, each such paragraph is a stretch, named after its library entry."""
    page = (
        "Después de correr conviene estirar las piernas unos minutos.\n\n"
        "Empieza estirando las pantorrillas. Colócate de pie frente a una pared y lleva una pierna atrás,"
        " con el talón en el suelo.\n\n"
        "A continuación estira los cuádriceps de pie, sujetando el pie y llevando el talón hacia el"
        " glúteo.\n"
    )
    data = routine(page)
    assert [stretch.get("use") for stretch in data["stretches"]] == ["calf-wall", "standing-quad"]
