"""A stretch the article describes -> the library entry whose figure shows it, and how sure that is.

A name is often too plain to pick a figure ("Calf stretch", "Les adducteurs", "Isquiotibiales"), so the
description decides: the body position it says (standing, seated, lying, on the side, face down,
kneeling, on hands and knees) and what it uses or does (a wall, a step, a towel, a chair, the soles of
the feet together, an ankle over the other knee, both knees to the chest...), read in English, German,
French, Spanish, Italian, Portuguese and Dutch. Only entries that stretch the muscle the article names
are candidates, and an entry whose position the article contradicts is never one: a figure of another
stretch is worse than none.

- sure: the name is the entry's (or one of its aliases), or the description fits it alone;
- likely: it fits this entry best, or the article names the muscle but describes nothing and the entry is
  the usual stretch for it; the routine file says why, for the coach to check the picture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import cache

from handout.content.importers.targets import NAME_ONLY, muscles_in
from handout.content.library import find_entry, library, normalized_name


class Confidence(Enum):
    SURE = "sure"
    LIKELY = "likely"


@dataclass(frozen=True)
class Link:
    """The entry a stretch's figure comes from, how sure that is, and the words that say why."""

    entry: str
    confidence: Confidence
    why: str


def signs(*patterns: str) -> re.Pattern[str]:
    """Words matched on normalized text (lower case, no accents or punctuation: "a genoux", "ruckenlage")."""
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b")


POSTURES = {
    "standing": signs(
        r"stand\w*", r"upright on one leg", r"stehe?n?d?\w*", r"im stehen", r"stell\w* dich", r"debout",
        r"tenez vous droit", r"de pie", r"ponte de pie", r"in piedi", r"em pe", r"de pe", r"staand\w*",
        r"sta rechtop",
    ),
    "seated": signs(
        r"sit", r"sits", r"sitting", r"seated", r"setz\w* dich", r"sitz\w*", r"im sitzen", r"assis\w*",
        r"asseyez", r"sientate", r"sentad\w*", r"sedut\w*", r"siediti", r"sente se", r"zit\w*",
        r"sitting on the ground",
    ),
    "lying": signs(
        r"lie", r"lying", r"lay", r"supine", r"on your back", r"face ?up", r"ruckenlage", r"auf dem rucken",
        r"auf den rucken", r"lege dich", r"liegen", r"allonge\w*", r"couche\w*", r"sur le dos", r"tumba\w*",
        r"acuesta\w*", r"boca arriba", r"sdraia\w*", r"supin\w*", r"a pancia in su", r"deit\w*",
        r"de costas", r"op je rug",
    ),
    "side": signs(
        r"on (?:your|the) side", r"side ?lying", r"seitenlage", r"auf der seite", r"sur le cote",
        r"(?:tumbate|acuestate|tumbado|tumbada|deitado|deitada) de lado", r"di fianco", r"sul fianco",
        r"op je zij",
    ),
    "prone": signs(
        r"face down", r"on your (?:stomach|belly)", r"bauchlage", r"auf dem bauch", r"sur le ventre",
        r"(?:tumbate|acuestate) boca abajo", r"a pancia in giu", r"de brucos", r"op je buik",
    ),
    "kneeling": signs(
        r"kneel\w*", r"on one knee", r"im knien", r"kniend\w*", r"auf ein knie", r"knien",
        r"hintere knie auf den boden", r"a genoux?", r"genou au sol", r"arrodilla\w*", r"de rodillas",
        r"rodilla en el suelo", r"in ginocchio", r"ginocchio a terra", r"ajoelh\w*", r"joelho no chao",
        r"kniel\w*", r"knee on the floor", r"rear \w+ knee on the floor",
    ),
    "all-fours": signs(
        r"hands and knees", r"all fours", r"vierfussler\w*", r"quatre pattes", r"cuatro patas", r"carponi",
        r"quattro zampe", r"quatro apoios", r"handen en knieen", r"push ?up position", r"press ?up position",
        r"liegestutz\w*", r"position de pompe", r"posicion de flexion", r"hands and feet on the (?:ground|floor)",
    ),
}
FEATURES = {
    "wall": signs(r"walls?", r"wand", r"murs?", r"pared", r"parete", r"muretto", r"muro", r"parede", r"muur"),
    "step edge": signs(
        r"(?:on|off|edge of|below) (?:a |the )?(?:step|stair)\w*", r"balls of (?:your|the) feet",
        r"kante einer stufe", r"unter die stufe", r"bord d une marche", r"sous la marche", r"escalon",
        r"gradino", r"rialzo", r"degrau", r"bloquinho", r"traptrede", r"heel drops?",
    ),
    "heel up": signs(
        r"heel on (?:a|the) (?:low )?(?:step|bench|chair|box|ledge|table|support|rail)",
        r"ferse auf eine", r"erhohte flache", r"talon sur (?:un|une) (?:marche|banc|support)",
        r"talon de la jambe a etirer sur", r"sur un support", r"apoyando el pie en una altura",
        r"apoya un talon", r"heel on a", r"bench",
    ),
    "towel": signs(
        r"towel", r"strap", r"belt", r"rope", r"handtuch", r"gurt", r"serviette", r"sangle", r"toalla",
        r"cinta", r"asciugamano", r"banda elastica", r"elastico", r"toalha", r"handdoek",
    ),
    "chair": signs(r"chair", r"stuhl", r"chaise", r"silla", r"sedia", r"cadeira", r"stoel"),
    "lunge": signs(
        r"lunges?", r"ausfallschritt\w*", r"lungendehnung", r"fente", r"zancada", r"affondo", r"afundo",
        r"uitvalspas",
    ),
    "soles together": signs(
        r"soles? (?:of (?:your|the) feet )?together", r"feet together and knees", r"fusssohlen aneinander\w*",
        r"plantes? des pieds joint\w*", r"semelles \w+ \w+ chaussures jointes", r"plantas de los pies",
        r"piante dei piedi", r"solas dos pes", r"voetzolen", r"foot soles? touch\w*",
        r"each foot sole touches", r"schmetterling\w*", r"butterfly", r"papillon", r"mariposa", r"farfalla",
        r"borboleta", r"vlinder", r"tailleur",
    ),
    "ankle over knee": signs(
        r"ankle (?:just )?(?:over|on|across|above) (?:the |your )?(?:other |opposite |left |right )?knee",
        r"cross (?:one|your \w+) ankle", r"figure[ -]?(?:four|4)", r"knochel (?:uber|auf) das \w+ knie",
        r"cheville sur (?:l autre|le) genou", r"genou \w+ (?:au dessus|par dessus) (?:du|votre)", r"tobillo sobre la \w+ rodilla",
        r"caviglia sul", r"tornozelo sobre", r"enkel op", r"foot over (?:your |the )?(?:left|right|other) knee",
        r"figura cuatro", r"vierer", r"en quatre",
    ),
    "knees to chest": signs(
        r"knees (?:in )?(?:to|towards?) (?:your |the )?chest", r"both knees (?:\w+ ){0,2}chest",
        r"beide knie zur brust", r"knie zur brust", r"genoux (?:vers|a) (?:votre |la )?poitrine",
        r"rodillas (?:hacia |al )(?:el )?pecho", r"ginocchia al petto", r"joelhos \w+ peito",
        r"knieen naar je borst", r"knee hug",
    ),
    "hands and feet": signs(
        r"downward", r"down dog", r"upside down v", r"umgedrehtes v", r"herabschauend\w*",
        r"chien tete en bas", r"v renverse", r"perro boca abajo", r"v invertida", r"cane a testa in giu",
        r"walk your hands (?:in )?toward your feet",
    ),
    "heel to bottom": signs(
        r"(?:heel|foot|ankle) (?:\w+ ){0,3}(?:to|towards?|toward) (?:your |the )?(?:bottom|butt|buttocks?|glutes?|backside)",
        r"foot (?:up )?behind you", r"ankle behind you", r"grab (?:your )?(?:\w+ )?foot", r"foot backwards",
        r"fuss von hinten", r"ferse (?:sanft )?(?:zum|ans|an den) (?:po|gesass)", r"fuss zum gesass",
        r"talon vers (?:la|votre) fess\w*", r"saisissez votre pied", r"attrape[zr]? (?:votre |le )pied",
        r"talon al gluteo", r"hacia el gluteo", r"a tocar el culo", r"a la altura del gluteo",
        r"tallone (?:al gluteo|verso i glutei)", r"afferra\w* il piede", r"em direcao a[os]s? glute\w*",
        r"hiel\w* naar je bil\w*",
    ),
    "twist": signs(
        r"twist\w*", r"drehsitz", r"drehung", r"torsion", r"torsione", r"torcao", r"draai\w*",
        r"turn your chest",
    ),
    "knees to one side": signs(
        r"knees (?:slowly )?to one side", r"lower both knees", r"knie langsam zu einer seite",
        r"genoux d un cote", r"rodillas hacia un lado",
    ),
    "feet crossed": signs(
        r"cross one foot in front", r"einen fuss vor den anderen", r"croisez un pied devant",
        r"cruza un pie por delante", r"cross(?:ed)? legs? (?:toe touch|forward)",
    ),
    "leg behind, side lean": signs(
        r"(?:leg|foot) (?:\w+ ){0,4}behind the (?:other|left|right)", r"hinter dem anderen kreuzen",
        r"derriere l autre", r"por detras de la otra", r"side lean", r"arm (?:up and )?over (?:your |the )?head",
        r"uber den kopf", r"au dessus de la tete",
    ),
    "feet wide": signs(
        r"feet (?:wide|spread) apart", r"breitbeinig", r"gratsche", r"pieds (?:tres )?ecartes",
        r"pies (?:bien )?separados", r"gambe divaricate", r"pernas afastadas", r"side lunge",
        r"lateral lunge", r"seitlicher ausfallschritt", r"fente laterale", r"zancada lateral",
    ),
    "hands behind the back": signs(
        r"hands? (?:\w+ ){0,2}behind (?:your|the) back", r"clasp your hands", r"small of your back",
        r"hande hinter dem rucken", r"mains derriere le dos", r"manos detras de la espalda",
        r"mani dietro la schiena", r"maos atras das costas", r"handen achter je rug",
    ),
    "sole on the thigh": signs(
        r"sole against the inside", r"fusssohle innen an", r"plante du pied contre l interieur",
        r"planta contra el interior", r"pie \w+ contra la parte interna del muslo",
    ),
    "foot over, elbow": signs(
        r"cross the other foot over", r"den anderen fuss daruber", r"bein uber das andere",
        r"mit dem gegenuberliegenden arm", r"opposite (?:arm|elbow)", r"croisez l autre pied par dessus",
        r"cruza el otro pie por encima", r"elbow (?:\w+ ){0,3}outside", r"ellbogen aussen",
    ),
    "leg raised": signs(
        r"raise the other leg", r"leg (?:straight )?up", r"legs? in the air", r"hold behind the thigh",
        r"back of (?:your )?(?:leg|thigh) with both hands", r"das andere bein heben", r"levez l autre jambe",
        r"levanta la otra pierna", r"solleva una gamba", r"pull (?:your )?(?:\w+ )?leg (?:up|towards you)",
        r"lleva hacia ti la pierna", r"gamba \w+ verso di voi", r"parte posteriore della gamba",
    ),
    "press up": signs(
        r"press(?:es)? up", r"hochdrucken", r"poussez lentement vers le haut", r"empuja despacio hacia arriba",
        r"cobra", r"kobra",
    ),
    "hips to heels": signs(
        r"(?:hips|bottom) back (?:towards|to|on) (?:your )?heels", r"zu den fersen", r"vers les talons",
        r"hacia los talones", r"forehead", r"stirn", r"le front", r"la frente", r"child\w*", r"kindhaltung",
    ),
    "shin across": signs(
        r"shin across", r"schienbein quer", r"tibia en travers", r"espinilla cruzada", r"pigeon", r"taube",
        r"paloma", r"piccione", r"pombo",
    ),
    "forearms down": signs(r"forearms", r"unterarme", r"avant bras", r"antebrazos", r"lizard", r"eidechse"),
    "both knees bent": signs(
        r"bend both knees", r"both knees bent", r"bent knee", r"beide knie beugen", r"gebeugtem knie",
        r"pliez les deux genoux", r"genou flechi", r"dobla las dos rodillas", r"rodilla doblada",
        r"soleus", r"soleo", r"soleaire", r"schollenmuskel",
    ),
    "foot back, heel down": signs(
        r"step (?:one|your \w+) (?:foot|leg) (?:well )?back", r"step back", r"one leg (?:extended )?back",
        r"leg (?:extended )?behind you", r"fuss weit nach hinten", r"bein nach hinten", r"reculez un pied",
        r"jambe tendue derriere", r"un pied bien atras", r"pierna hacia atras", r"gamba tesa",
        r"perna para tras", r"ferse am boden", r"talon au sol", r"talon en el suelo", r"calcanhar no chao",
        r"pressing the heel", r"heel (?:on the floor|down)", r"foot a metre behind", r"fuss etwa einen meter",
        r"tallone (?:\w+ ){0,3}a terra", r"plante du pied arriere au sol", r"calcanhar no chao",
    ),
}
SIGNATURES = {
    "standing-quad": ("standing", {"heel to bottom"}),
    "pushup-lunge": ("all-fours", {"lunge", "forearms down"}),
    "seated-hamstring": ("seated", {"sole on the thigh"}),
    "seated-twist": ("seated", {"twist", "foot over, elbow"}),
    "calf-wall": ("standing", {"wall", "foot back, heel down"}),
    "soleus-wall": ("standing", {"wall", "both knees bent"}),
    "hip-flexor-lunge": ("kneeling", {"lunge"}),
    "standing-hamstring": ("standing", {"heel up"}),
    "lying-hamstring": ("lying", {"leg raised", "towel"}),
    "downward-dog": ("all-fours", {"hands and feet"}),
    "knees-to-chest": ("lying", {"knees to chest"}),
    "child-pose": ("kneeling", {"hips to heels"}),
    "cobra": ("prone", {"press up"}),
    "it-band-lean": ("standing", {"leg behind, side lean"}),
    "butterfly": ("seated", {"soles together"}),
    "figure-four": ("lying", {"ankle over knee"}),
    "pigeon": ("all-fours", {"shin across"}),
    "calf-step": ("standing", {"step edge"}),
    "chair-glute": ("seated", {"chair", "ankle over knee"}),
    "side-lying-quad": ("side", {"heel to bottom"}),
    "lying-twist": ("lying", {"twist", "knees to one side"}),
    "crossover-hamstring": ("standing", {"feet crossed"}),
    "side-lunge": ("standing", {"feet wide"}),
    "chest-opener": ("standing", {"hands behind the back"}),
}
"""Each entry's body position and what its description shows that the others' do not."""
SUPPORTS = {"standing-quad": {"wall", "chair"}, "calf-step": {"wall"}, "it-band-lean": {"wall"}}
"""What an entry may hold on to without that making it another stretch ("hold a rail or wall")."""
USUAL = {
    "calves": "calf-wall",
    "quadriceps": "standing-quad",
    "adductors": "butterfly",
    "hip-flexors": "hip-flexor-lunge",
    "chest": "chest-opener",
    "it-band": "it-band-lean",
    "piriformis": "figure-four",
    "lower-back": "knees-to-chest",
}
"""The stretch a running sheet usually means by "a calf stretch": taken, as likely, when the article
names the muscle and describes nothing that says otherwise."""
FAMILIES = {"back": {"back", "lower-back", "upper-back", "lats"}}
"""A muscle named vaguely ("the back") stands for the more precise ones of the library's targets."""
SURE_MARGIN = 2


@cache
def entry_muscles() -> dict[str, frozenset[str]]:
    """Each entry's muscles, read from its target with the importer's lexicon."""
    return {
        entry_id: frozenset(muscle.key for muscle in muscles_in(str(entry["target"]), NAME_ONLY))
        for entry_id, entry in library().items()
    }


def described(text: str) -> tuple[set[str], set[str]]:
    """The body positions and the features a stretch's text names."""
    plain = normalized_name(text)
    postures = {name for name, pattern in POSTURES.items() if pattern.search(plain)}
    if postures & {"side", "prone"}:
        postures.discard("lying")  # "lie on your side" is not lying on the back
    features = {name for name, pattern in FEATURES.items() if pattern.search(plain)}
    return postures, features


def link_stretch(name: str, text: str, muscles: list[str]) -> Link | None:
    """The entry whose figure shows the stretch named `name`, described by `text`, for `muscles` (the
    lexicon's keys, most certain first); None when no entry fits well enough."""
    postures, features = described(f"{name}. {text}")
    known = entry_muscles()
    wanted = FAMILIES.get(muscles[0], {muscles[0]}) if muscles else set()
    candidates = [
        entry_id
        for entry_id, (posture, _) in SIGNATURES.items()
        if (not wanted or wanted & known.get(entry_id, frozenset())) and (not postures or posture in postures)
    ]
    by_name = find_entry(name)
    if by_name in candidates:
        return Link(by_name, Confidence.SURE, "its name")
    usual = USUAL.get(muscles[0]) if muscles else None
    scores = {}
    for entry_id in candidates:
        posture, own = SIGNATURES[entry_id]
        # What the text shows of any other stretch, of this muscle or not, counts against this one.
        others = set().union(*(SIGNATURES[other][1] for other in SIGNATURES if other != entry_id))
        hits = own & features
        conflicts = (features & others) - own - SUPPORTS.get(entry_id, set())
        told = [*sorted(hits), *([posture] if posture in postures else [])]
        scores[entry_id] = (2 * len(hits) - len(conflicts) + (posture in postures), told, conflicts, hits)
    # Best first; between equals, the usual stretch for the muscle.
    ranked = sorted(scores, key=lambda entry_id: (-scores[entry_id][0], entry_id != usual))
    if not ranked:
        return None
    best = ranked[0]
    score, told, conflicts, hits = scores[best]
    runner_up = scores[ranked[1]][0] if len(ranked) > 1 else -99
    if told and score > 0:
        words = ", ".join(told)
        posture = SIGNATURES[best][0]
        sure = hits and not conflicts and posture in postures
        if muscles and sure and score - runner_up >= SURE_MARGIN:
            return Link(best, Confidence.SURE, f"the article describes it: {words}")
        if score > runner_up or best == usual:
            return Link(best, Confidence.LIKELY, f"the article's description fits it best ({words})")
        return None
    if usual in candidates and not features:
        return Link(usual, Confidence.LIKELY, f"the usual {muscles[0]} stretch; the article does not say more")
    return None
