"""The shapes of the eleventh held-out set of real pages (issue 25-l), one test each, each with its own
made-up text: a hold said once for all as the time to do the stretching for, headings on a stretch's
benefits or when to stretch over bullets, a joint whose mobility a stretch improves, a wide stance given
in feet."""

from __future__ import annotations

import tomllib

from handout.content.importers import import_article
from handout.content.importers.holds import find_hold, point_without_hold
from handout.content.importers.linking import described
from handout.content.importers.targets import NAME_ONLY, muscles_in


def routine(article: str) -> dict:
    return tomllib.loads(import_article(article, "article.txt").toml)


def keys(text: str) -> list[str]:
    return [muscle.key for muscle in muscles_in(text, NAME_ONLY)]


def test_the_time_to_do_the_stretching_for_said_in_the_intro_is_every_stretch_s_hold():
    """ "Do the static stretching at least 30 to 40 seconds" in the intro is the hold of stretches that
    give none; a time of stretching in all ("stretch at least 10 minutes") is none."""
    page = (
        "Stretches after a run\n\n"
        "After a run, stretch at least 10 minutes. Do the static stretching at least 20 to 25 seconds.\n\n"
        "Exercise 1: Calf stretch\nFace a wall, hands on it, one leg back with the heel down.\n\n"
        "Exercise 2: Quad stretch\nStand on one leg and pull the other heel to your bottom.\n"
    )
    assert [stretch["hold"] for stretch in routine(page)["stretches"]] == ["20–25 s", "20–25 s"]
    assert find_hold("After a run, stretch at least 10 minutes.") is None
    found = find_hold("Haz los estiramientos durante 30 segundos por lado.")
    assert found is not None and (found[0].low, found[0].each_side) == (30, True)


def test_headings_on_benefits_or_when_to_stretch_over_bullets_are_no_stretches():
    """ "Benefici dello stretching per le gambe" and "Quando eseguire lo stretching", each over "-"
    bullets, are the intro's, not stretches; the numbered stretches after them are read."""
    page = (
        "Lo stretching è una parte importante di ogni allenamento di corsa.\n\n"
        "Benefici dello stretching per le gambe\n"
        "- Flessibilità: muscoli più elastici;\n- Recupero: meno rigidità dopo la corsa.\n\n"
        "Quando eseguire lo stretching\n"
        "- Dopo la corsa: stretching statico;\n- La sera: per rilassarsi.\n\n"
        "1. Stretching dei polpacci\n- Posizione: mani al muro, una gamba indietro, tallone a terra;\n"
        "- Durata: mantenere per 20 secondi e cambiare gamba.\n"
        "2. Stretching dei quadricipiti\n- Posizione: in piedi, tallone al gluteo;\n"
        "- Durata: mantenere per 20 secondi.\n"
    )
    data = routine(page)
    assert [stretch["name"] for stretch in data["stretches"]] == [
        "Stretching dei polpacci",
        "Stretching dei quadricipiti",
    ]
    assert data["stretches"][0]["key_points"][-1] == "Durata: cambiare gamba."
    assert "Durata." not in data["stretches"][1]["key_points"]


def test_a_joint_whose_mobility_a_stretch_improves_is_no_target():
    """ "migliora la mobilità dell'anca" after the muscle stretched: the hip is no target."""
    assert keys("Allunga i muscoli posteriori della coscia e migliora la mobilità dell'anca.") == [
        "hamstrings"
    ]
    assert keys("Stretches the quads and improves the mobility of the hips.") == ["quadriceps"]
    assert keys("Schiebe die Hüfte nach vorn.") == ["hips"]


def test_a_label_s_hold_taken_out_keeps_the_label_and_the_rest_of_its_sentence():
    """ "Durata: mantenere per 30 secondi e ripetere con l'altra gamba." keeps the label and what follows
    the hold, without the stray comma and conjunction."""
    point = point_without_hold("Durata: mantenere la posizione per 30 secondi e ripetere con l'altra gamba.")
    assert point == "Durata: ripetere con l'altra gamba."
    assert point_without_hold("Durata: mantenere per 30 secondi.") == ""


def test_a_wide_stance_given_in_feet_with_one_knee_bent_is_the_side_lunge():
    """ "Stand with your feet about 4 feet apart ... Bend your left knee" is the side lunge (as likely)."""
    postures, features = described(
        "Stand with your feet about 4 feet apart and toes facing forward. Bend your left knee over the"
        " ankle to stretch the right inner thigh."
    )
    assert postures[0] == "standing" and "feet wide" in features
    assert "feet wide" not in described("Stand with your feet hip-width apart and bend one knee.")[1]
    page = (
        "Cool-down stretches\n\n"
        "1. Inner thigh stretch\n\nStand with your feet about 4 feet apart and toes facing forward. Bend"
        " your left knee over the ankle until you feel a stretch in the right inner thigh. Hold 20 seconds.\n"
    )
    assert routine(page)["stretches"][0]["use"] == "side-lunge"


def test_bullets_with_no_name_under_a_heading_that_counts_them_are_a_stretch_each():
    """ "2 exercises for the calves" over "-" bullets that each describe a stretch, with no name: a
    stretch each, named by its library entry, the heading's muscle its target where it names none; a
    bullet cut off that says nothing of stretching is none."""
    page = (
        "Stretching your calves after a run is easy. Here is how.\n\n"
        "2 exercises for the calves\n"
        "- Find a step and stand on it with the balls of your feet, heels hanging off. Let the heels sink"
        " slowly below the step.\n"
        "- Face a wall and put your hands on it. Step one foot back, knee straight, the heel down, and lean"
        " in. Hold 30 seconds on each leg.\n"
        "- Stand in fr\n"
    )
    stretches = routine(page)["stretches"]
    assert [stretch.get("use") for stretch in stretches] == ["calf-step", "calf-wall"]
    assert stretches[0]["target"] == "Calves"
    assert stretches[1]["hold"] == "30 s each side"


def test_one_paragraph_opening_with_the_imperative_to_stretch_is_the_page_s_one_stretch():
    """ "Étirez-vous : bras contre un mur, ..." with its hold, under sub-heads of other matters, is the
    page's one stretch (named by its library entry); "jambe ... tendue à l'arrière" and the heel pushed to
    the floor are the wall calf stretch's foot back, also where the bent knee is said after it."""
    page = (
        "Le bon geste contre le mollet dur\n\n"
        "Quelques conseils simples pour les coureurs.\n\n"
        "Avant la course\n\n"
        "Échauffez-vous 15 minutes.\n\n"
        "Après la course\n\n"
        "Étirez-vous : mains contre un mur, la jambe avant fléchie, l'autre jambe bien tendue à l'arrière,"
        " poussez le talon vers le sol. Fléchissez ensuite le genou arrière. Maintenez 30 s.\n\n"
        "À la maison : massez doucement le mollet.\n"
    )
    stretches = routine(page)["stretches"]
    assert len(stretches) == 1
    assert (stretches[0]["use"], stretches[0]["hold"]) == ("calf-wall", "30 s")


def test_prose_sentences_each_opening_with_the_stretch_and_where_it_is_done_are_a_stretch_each():
    """ "No alongamento realizado em escada, ...", "O procedimento na coxa anterior ...", "Já o
    alongamento da coxa posterior ...": a stretch each, on a page of prose that names none, their hold
    said before them in a parenthesis; the foot held near the glutes makes them no target."""
    page = (
        "Alongar depois de correr\n\n"
        "Os corredores devem alongar 5 minutos após a corrida (30 segundos em cada perna).\n\n"
        "A treinadora explica as técnicas. No alongamento realizado em escada, o antepé é apoiado no"
        " degrau e o calcanhar desce. O procedimento na coxa anterior é feito segurando o pé mais próximo"
        " aos glúteos. Já o alongamento da coxa posterior acontece com a flexão anterior do quadril.\n\n"
        "Beba água depois.\n"
    )
    stretches = routine(page)["stretches"]
    assert [stretch.get("use") for stretch in stretches] == ["calf-step", "standing-quad", None]
    assert [stretch.get("hold") for stretch in stretches] == ["30 s cada lado"] * 3
    assert keys("O procedimento na coxa anterior é feito segurando o pé mais próximo aos glúteos.") == [
        "quadriceps"
    ]
    assert keys("Já o alongamento da coxa posterior acontece com a flexão anterior do quadril.") == [
        "hamstrings"
    ]
    one = "O alongamento faz bem. No alongamento realizado em escada, o antepé é apoiado no degrau.\n"
    try:
        assert len(routine(one)["stretches"]) == 1
    except Exception as error:  # one such sentence is no page of them
        assert "no stretch sections found" in str(error)


def test_prose_instructing_a_position_and_its_hold_and_offering_another_stretch_is_two():
    """One paragraph of prose that instructs a body position ("Setzen Sie sich ...") and says its hold
    is a stretch with no name, from the clause after a colon ("Dr. Meier empfiehlt: ..."); a sentence
    after it offering another by its name ("Ergänzend dazu kann ein Knie-Stretch ... helfen") is that
    stretch."""
    page = (
        "Viele Läufer haben verkürzte Muskeln. Dr. Meier empfiehlt: Setzen Sie sich auf den Boden, die Beine"
        " gestreckt, und beugen Sie sich nach vorn. Halten Sie die Position etwa 20 Sekunden. Ergänzend dazu"
        " kann ein Knie-Stretch (ein Bein vor Ihnen, das andere im Knien) helfen.\n\n"
        "Fazit: Regelmäßig dehnen hilft.\n"
    )
    imported = import_article(page, "article.txt")
    assert [draft.name for draft in imported.stretches][1] == "Knie-Stretch"
    first = tomllib.loads(imported.toml)["stretches"][0]
    assert first["hold"] == "20 s"
    assert first["key_points"][0].startswith("Setzen Sie sich auf den Boden")
