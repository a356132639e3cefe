"""The muscle a stretch works, from a lexicon of muscles and their everyday names in en, de, fr and es.

Each muscle has specific names ("hamstrings", "ischio-jambiers"), found anywhere in a section; body
regions ("back of the thigh", "chest"), found only in the stretch's name, a "Targets:" or "Benefits:"
line, or a sentence about the stretch ("you will feel it in the back of the thigh"); and words too vague
for any sentence ("thigh", "Rücken"), found only in the name and in a targets line. The target is
written with the lexicon's words in the article's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from handout.content.importers.not_targets import (
    CONTRACTED,
    DESTINATION,
    HANDLE,
    HANDS_AT,
    HEEL_TO,
    MOBILITY_OF,
    PUT_TOGETHER,
    TOWARD,
)
from handout.content.importers.target_labels import LABELS

STRONG, REGION, NAME_ONLY = 0, 1, 2
MOST_TARGETS = 3
"""Muscles a target names at most ("Calves, feet and ankles")."""


@dataclass(frozen=True)
class Muscle:
    key: str
    labels: dict[str, str]  # lang -> printed name
    names: tuple[str, str, str]  # regex alternations: specific names, body regions, vague words


def muscle(
    key: str, en: str, de: str, fr: str, es: str, strong: str, region: str = "", vague: str = ""
) -> Muscle:
    return Muscle(key, {"en": en, "de": de, "fr": fr, "es": es}, (strong, region, vague))


# Specific before general: at one place in a text, the first muscle whose names match wins.
MUSCLES = (
    muscle(
        "hamstrings",
        "Hamstrings",
        "Beinbeuger",
        "Ischio-jambiers",
        "Isquiotibiales",
        r"hamstrings?|ischio-?\s?jambiers?|ischios|isquiotibiales?|isquios|beinbeuger\w*|biceps femoris"
        r"|oberschenkel-?rückseite|hintere[nrs]?\s+oberschenkel\w*|rückseite\s+des\s+oberschenkels"
        r"|ischiocrurali|muscoli\s+posteriori\s+(?:della\s+coscia|delle\s+cosce|della\s+gamba|delle\s+gambe)"
        r"|tendin[ei]\s+del\s+ginocchio|bicipit[ei]\s+femoral[ei]|parte\s+posteriore\s+(?:della|delle)\s+cosci?[aei]"
        r"|cosci[ae]\s*,?\s+(?:parte\s+)?posterior[ei]|isquiotibiais|(?:tendones\s+de\s+las\s+)?corvas|flexores\s+de\s+(?:la\s+)?(?:pierna|rodilla)s?",
        r"back\s+of\s+(?:the\s+|your\s+)?(?:thighs?|legs?|upper\s+legs?)|arrière\s+de\s+la\s+cuisse"
        r"|behind\s+the\s+(?:thigh|leg|back\s+leg)|detrás\s+del\s+muslo|hinten\s+am\s+hinteren\s+bein"
        r"|derrière\s+de\s+la\s+cuisse|face\s+postérieure\s+de\s+la\s+cuisse|atr[aá]s\s+da\s+coxa|dietro\s+(?:la|alla)\s+coscia"
        r"|parte\s+(?:posterior|trasera)\s+(?:del\s+muslo|de\s+los\s+muslos)|femorales?|femorali"
        r"|parte\s+posteriore\s+(?:della|delle)\s+(?:cosci?[aei]|gamb[ae])"
        r"|posteriores?\s+da\s+coxa|achterkant\s+van\s+je\s+bovenbeen"
        r"|parte\s+de\s+trás\s+das?\s+(?:pernas?|coxas?)|coxas?\s+posteriore?s?",
    ),
    muscle(
        "adductors",
        "Adductors (inner thigh)",
        "Adduktoren (Oberschenkelinnenseite)",
        "Adducteurs (intérieur de la cuisse)",
        "Aductores (cara interna del muslo)",
        r"adductors?|adduktoren\w*|adducteurs?|aductor(?:es)?|oberschenkelinnenseite"
        r"|innenseite\s+des\s+oberschenkels|innere[nrs]?\s+oberschenkel\w*|adduttori|adutores|adductoren"
        r"|intern[oae]\s+(?:della\s+|delle\s+)?cosci[ae]|cosci[ae]\s+intern[ae]"
        r"|oberschenkel-innenseite",
        r"inner\s+thighs?|groin|leiste\w*|intérieur\s+(?:de\s+la|des)\s+cuisses?|face\s+interne\s+de\s+la\s+cuisse"
        r"|aine|ingle|(?:cara|parte)\s+interna\s+(?:del\s+muslo|de\s+los\s+muslos)",
    ),
    muscle(
        "it-band",
        "IT band (outer thigh)",
        "Tractus iliotibialis (Oberschenkelaußenseite)",
        "Bandelette ilio-tibiale (extérieur de la cuisse)",
        "Cintilla iliotibial (parte externa del muslo)",
        r"it[- ]band|iliotibial\w*|tractus\s+iliotibialis|bandelette\s+ilio-?\s?tibiale|tfl|tlf"
        r"|cintilla\s+iliotibial|oberschenkel-?außenseite|itb|banda\s+iliotibial|bandelletta\s+ileotibiale",
        r"outer\s+thighs?|äußere[nrs]?\s+oberschenkel\w*|extérieur\s+de\s+la\s+cuisse"
        r"|parte\s+externa\s+del\s+muslo|parte\s+exterior\s+del\s+muslo|cara\s+externa\s+del\s+muslo",
    ),
    muscle(
        "quadriceps",
        "Quadriceps",
        "Quadrizeps",
        "Quadriceps",
        "Cuádriceps",
        r"quad(?:s|riceps)?|quadrizeps|oberschenkelstrecker|cu[aá]driceps|quadr[ií]ceps|quadricipit[ei]"
        r"|oberschenkel-?vorderseite"
        r"|vorderseite\s+des\s+oberschenkels|vordere[nrs]?\s+oberschenkel\w*"
        r"|cosci[ae]\s*,?\s+(?:parte\s+)?anterior[ei]|coxas?\s+anteriore?s?",
        r"front\s+of\s+(?:the\s+|your\s+)?thighs?|oberschenkel\s+vorne|avant\s+de\s+la\s+cuisse"
        r"|devant\s+de\s+la\s+cuisse|face\s+antérieure\s+de\s+la\s+cuisse"
        r"|parte\s+(?:delantera|anterior|frontal)\s+del\s+muslo|muslo\s+anterior",
        r"thighs?|oberschenkel\w*|cuisses?|muslos?|cosci[ae]|coxas?",
    ),
    muscle(
        "soleus",
        "Soleus (lower calf)",
        "Schollenmuskel (untere Wade)",
        "Soléaire (bas du mollet)",
        "Sóleo (parte baja de la pantorrilla)",
        r"soleus|soléaire|s[oó]leos?|schollenmuskel|untere[nrs]?\s+wade\w*|bas\s+du\s+mollet",
    ),
    muscle(
        "shins",
        "Shins (front of the lower leg)",
        "Schienbeinmuskel",
        "Jambier antérieur (devant de la jambe)",
        "Tibiales (espinilla)",
        r"tibialis\s+anterior|tibiales?\s+anteriores?|tibiales|jambiers?\s+antérieurs?|schienbeinmusk\w*"
        r"|espinillas?|tibiale\s+anteriore",
        r"front\s+of\s+(?:the\s+|your\s+)?lower\s+legs?|(?:zona|cara|parte)\s+anterior\s+de\s+la\s+pantorrilla"
        r"|vorderseite\s+des\s+unterschenkels|devant\s+de\s+la\s+jambe",
    ),
    muscle(
        "calves",
        "Calves",
        "Waden",
        "Mollets",
        "Gemelos",
        r"calf|calves|gastrocnemius|gastrocnémiens?|gastrocnemios?|gastrocn[êe]mios?|gemelos?|wade\w*|mollets?"
        r"|pantorrillas?|triceps\s+sur(?:al|aux)|polpacci?o?|panturrilhas?|g[êeé]meos|kuit\w*|zwillingswade\w*",
        r"lower\s+legs?|unterschenkel\w*",
    ),
    muscle(
        "achilles",
        "Achilles tendon",
        "Achillessehne",
        "Tendon d'Achille",
        "Tendón de Aquiles",
        r"achilles(?:\s+tendons?)?|achillessehne\w*|tendons?\s+d['’]achille|tend[oó]n\s+de\s+aquiles"
        r"|tendine\s+d['’]achille|tend[aã]o\s+de\s+aquiles|achillespees|talons?\s+d['’]achille",
    ),
    muscle(
        "hip-flexors",
        "Hip flexors",
        "Hüftbeuger",
        "Fléchisseurs de la hanche",
        "Flexores de la cadera",
        r"hip\s+flexors?|iliopsoas|psoas(?:-iliaque)?|hüftbeuge\w*|fléchisseurs?\s+de\s+(?:la\s+)?hanche"
        r"|flexor(?:es)?\s+de\s+(?:la\s+)?cadera|flessor[ei]\s+dell['’]anca|ileo-?\s?psoas|flexores\s+do\s+quadril"
        r"|heupbuiger\w*|hüftlendenmuskel\w*",
        r"front\s+of\s+(?:the\s+|your\s+)?hips?|vorderseite\s+der\s+hüfte|avant\s+de\s+la\s+hanche"
        r"|parte\s+delantera\s+de\s+la\s+cadera",
    ),
    muscle(
        "piriformis",
        "Piriformis",
        "Piriformis",
        "Piriforme",
        "Piriforme",
        r"piriformis|birnenmuskel|pyramidal|piriforme|piramidal",
    ),
    muscle(
        "glutes",
        "Glutes",
        "Gesäßmuskeln",
        "Fessiers",
        "Glúteos",
        r"glutes?|gluteal|gluteus|gesäß\w*|po-?muskel\w*|fessiers?|gl[uú]teos?|glute[io]|bilspier\w*",
        r"buttocks?|fesses?|nalgas?",
    ),
    muscle(
        "lower-back",
        "Lower back",
        "Unterer Rücken",
        "Bas du dos",
        "Zona lumbar",
        r"lower\s+back|lumbar|unteren?\s+rücken\w*|lendenwirbel\w*|bas\s+du\s+dos|lombaires?|zona\s+lumbar"
        r"|espalda\s+baja|parte\s+baja\s+de\s+la\s+espalda|lumbares?|lower-back|lombar|lombare|onderrug",
    ),
    muscle(
        "upper-back",
        "Upper back",
        "Oberer Rücken",
        "Haut du dos",
        "Parte alta de la espalda",
        r"upper\s+back|oberen?\s+rücken\w*|haut\s+du\s+dos|espalda\s+alta|parte\s+alta\s+de\s+la\s+espalda"
        r"|rhomboids?|trapezius|trapèzes?|trapecios?",
    ),
    muscle(
        "lats",
        "Lats (sides of the back)",
        "Breiter Rückenmuskel",
        "Grand dorsal",
        "Dorsal ancho",
        r"lats|latissimus(?:\s+dorsi)?|breite[nr]?\s+rückenmuskel\w*|grands?\s+dorsal|dorsal\s+ancho",
        r"side\s+body|sides?\s+of\s+(?:the\s+|your\s+)?(?:body|torso|trunk)|flanks?|körperseite\w*",
    ),
    muscle(
        "chest",
        "Chest",
        "Brustmuskeln",
        "Pectoraux",
        "Pectorales",
        r"pecs?|pectorals?|pectoraux|pectorales|brustmuskel\w*",
        r"chest|brust|poitrine|pecho|petto|peito|borst",
    ),
    muscle(
        "shoulders",
        "Shoulders",
        "Schultern",
        "Épaules",
        "Hombros",
        r"deltoids?|deltoïdes?|deltoides|deltamuskel\w*",
        r"shoulders?|schultern?|épaules?|hombros?|spall[ae]|ombros?|schouders?",
    ),
    muscle("triceps", "Triceps", "Trizeps", "Triceps", "Tríceps", r"triceps|trizeps|tr[ií]ceps"),
    muscle("neck", "Neck", "Nacken", "Cou", "Cuello", r"", r"neck|nacken|hals|cou|nuque|cuello"),
    muscle(
        "abdominals",
        "Abdominals",
        "Bauchmuskeln",
        "Abdominaux",
        "Abdominales",
        r"abdominals?|abs|bauchmuskel\w*|abdominaux|abdominales",
        r"stomach|belly|bauch|ventre|abdomen",
    ),
    muscle(
        "feet",
        "Feet",
        "Füße",
        "Pieds",
        "Pies",
        r"plantar\s+fascia|fascia\s+plantaire|fascia\s+plantar|fußsohlen?",
        r"feet|foot|füße|fuß|pieds?|pies?|plante\s+du\s+pied|planta\s+del\s+pie",
    ),
    muscle(
        "ankles",
        "Ankles",
        "Sprunggelenke",
        "Chevilles",
        "Tobillos",
        r"",
        r"ankles?|knöchel|sprunggelenk\w*|chevilles?|tobillos?",
    ),
    muscle(
        "hips",
        "Hips",
        "Hüften",
        "Hanches",
        "Caderas",
        r"",
        r"hips?|hüften?|hanches?|caderas?|anca|anche(?!\s+(?:i|il|la|le|lo|gli|per|se|a|in|con|di|un|una)\b)|quadril|heup",
    ),
    muscle(
        "back", "Back", "Rücken", "Dos", "Espalda", r"", r"", r"back|rücken\w*|dos|espalda|schiena|costas|rug"
    ),
)
ABOUT_STRETCH = re.compile(
    r"\b(feel|feeling|felt|stretch\w*|target\w*|works?|lengthen\w*|loosen\w*|spür\w*|fühl\w*|dehn\w*"
    r"|sent\w*|sens\w*|étir\w*|cible\w*|travaill\w*|sient\w*|estira\w*|trabaja\w*|muscles?|muskel\w*"
    r"|músculos?|allung\w*|along\w*|senti\w*|tir(?:a|are|ano|e)|rek\w*|voel\w*|flexibility|souplesse"
    r"|flexibilidad|flessibilità|beweglichkeit|flexibilidade|lenigheid)\b",
    re.IGNORECASE,
)
AND = {"en": "and", "de": "und", "fr": "et", "es": "y", "it": "e", "pt": "e"}


@cache
def lexicon(tier: int) -> re.Pattern[str]:
    """One pattern of every muscle's names up to `tier`, each muscle in a group named by its index."""
    alternatives = []
    for index, entry in enumerate(MUSCLES):
        names = "|".join(name for name in entry.names[: tier + 1] if name)
        if names:
            alternatives.append(f"(?P<m{index}>{names})")
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?!\w)", re.IGNORECASE)


def muscles_in(text: str, tier: int) -> list[Muscle]:
    """The muscles `text` names, in order, each once, with names up to `tier` (STRONG, REGION, NAME_ONLY)."""
    found: list[Muscle] = []
    for match in lexicon(tier).finditer(text):
        entry = MUSCLES[int(str(match.lastgroup)[1:])]
        specific = lexicon(STRONG).fullmatch(match[0]) is not None
        if not specific and (
            DESTINATION.search(text, max(0, match.start() - 20), match.start())
            or HANDLE.search(text, max(0, match.start() - 30), match.start())
        ):
            continue
        if entry.key == "glutes" and HEEL_TO.search(text, max(0, match.start() - 60), match.start()):
            continue
        if TOWARD.search(text, max(0, match.start() - 30), match.start()):
            continue
        if PUT_TOGETHER.match(text, match.end()) or HANDS_AT.search(
            text, max(0, match.start() - 40), match.start()
        ):
            continue
        if CONTRACTED.search(text, max(0, match.start() - 30), match.start()):
            continue
        if MOBILITY_OF.search(text, max(0, match.start() - 30), match.start()):
            continue
        if entry not in found:
            found.append(entry)
    return found


def find_muscles(name: str, targets: list[str], sentences: list[str]) -> list[Muscle]:
    """The muscles a section names, most certain first: a targets line; a muscle's own name in the
    stretch's name; what a sentence about the stretch names ("mainly stretches the quadriceps"); a body
    region in the name ("Thigh stretch"); a muscle named anywhere in the section."""
    for text in targets:
        if found := muscles_in(text, NAME_ONLY):
            if {entry.key for entry in found} <= VAGUE and (precise := muscles_in(name, STRONG)):
                return precise[:MOST_TARGETS]  # "Hip Flexor Stretch", "Targets: Hips"
            return found[:MOST_TARGETS]
    about_stretch: list[Muscle] = []
    joined: list[Muscle] = []
    far: tuple[list[Muscle], list[Muscle]] | None = None
    for sentence in sentences:
        about = ABOUT_STRETCH.search(sentence)
        if about and (found := muscles_in(sentence[about.start() :], REGION)):
            close = muscles_in(sentence[about.start() : about.end() + CLOSE_AFTER], REGION)
            if close or not FAR_PART.search(sentence):
                about_stretch, joined = found[:2], joined_muscles(sentence[about.start() :])
                break
            far = far or (found[:2], joined_muscles(sentence[about.start() :]))
    else:
        if far:
            about_stretch, joined = far
    if len(listed := listed_muscles(name)) > 1:
        return listed[:MOST_TARGETS]  # "Parte interna de los muslos, isquiotibiales y pantorrillas"
    if named := muscles_in(name, STRONG) or misspelt_muscles(name):
        if [entry.key for entry in named] == ["achilles"] and (calves := calves_in(sentences)):
            return [calves, named[0]]  # "Tendine d'Achille": "... senti tirare il polpaccio"
        if len(named) > 1 and SECOND_STRETCH.search(name):
            return named[:2]  # "Gesäßmuskel-Dehnung (Piriformis-Dehnung)"
        if joined[:1] == named[:1]:
            return joined  # "Hamstring stretch": "... a stretch through the hamstring and into the glute"
        return named[:1]
    if about_stretch:
        return about_stretch
    if found := muscles_in(name, NAME_ONLY):
        return found[:1]
    for sentence in sentences:
        if found := muscles_in(sentence, STRONG):
            return found[:1]
    return []


CLOSE_AFTER = 30
"""Characters after a word of stretching where the muscle it stretches is named ("étirerez votre mollet")."""
FAR_PART = re.compile(
    r"^.{0,25}\b(?:étirement|stretch|dehnung|estiramiento|allungamento|alongamento)\b", re.IGNORECASE
)
"""A sentence that opens by naming the stretch ("Pour cet étirement, il vous faudra ... tendre le pied"):
a body part far after it is where the body goes; a later sentence saying what is stretched is the target."""


VAGUE = frozenset({"hips", "back"})
"""Body parts a targets line may name for a muscle in them ("Targets: Hips" of a hip flexor stretch): the
muscle the stretch's name gives is then its target."""


def calves_in(sentences: list[str]) -> Muscle | None:
    """The calves, when the text of a stretch named for the Achilles tendon names them: the tendon is
    stretched through the calf, and such a stretch is a calf stretch."""
    for sentence in sentences:
        for entry in muscles_in(sentence, REGION):
            if entry.key == "calves":
                return entry
    return None


MISSPELT_MATCH = 80
"""rapidfuzz's ratio a word of a name needs to be taken for a muscle's name ("Pyramide": pyramidal)."""
SHORTEST_MISSPELT = 6


@cache
def muscle_words() -> dict[str, Muscle]:
    """The one-word names of every muscle (the lexicon's plain alternatives: "pyramidal", "adductors")."""
    words: dict[str, Muscle] = {}
    for entry in MUSCLES:
        for alternative in entry.names[STRONG].split("|"):
            if re.fullmatch(r"[^\W\d_]+", alternative) and len(alternative) >= SHORTEST_MISSPELT:
                words.setdefault(alternative.casefold(), entry)
    return words


def misspelt_muscles(name: str) -> list[Muscle]:
    """The muscles a name's words almost spell ("Pyramide" for the pyramidal, "Quadrizeps"), for a
    heading that is only a muscle's name, misspelt; a word the lexicon knows is not looked at."""
    from rapidfuzz import fuzz, process  # imported here: only a name the lexicon missed needs it

    found: list[Muscle] = []
    for word in re.findall(r"[^\W\d_]+", lexicon(NAME_ONLY).sub(" ", name)):
        if len(word) < SHORTEST_MISSPELT:
            continue
        match = process.extractOne(
            word.casefold(), list(muscle_words()), scorer=fuzz.ratio, score_cutoff=MISSPELT_MATCH
        )
        if match and (entry := muscle_words()[match[0]]) not in found:
            found.append(entry)
    return found


SECOND_STRETCH = re.compile(r"\(\s*\S+[- ](?:dehnung|stretch|étirement|estiramiento)\s*\)", re.IGNORECASE)
"""A name that names the stretch again by another muscle: "Gesäßmuskel-Dehnung (Piriformis-Dehnung)"."""
JOINING = re.compile(
    r"^\s*(?:,|and|and into|into|und|bis in|et|jusque dans|y|hasta|e|en)\s+"
    r"(?:the\s+|your\s+|den\s+|die\s+|le\s+|la\s+|les\s+|el\s+|los\s+|il\s+|o\s+)?$",
    re.IGNORECASE,
)


LIST_JOINER = re.compile(
    r"^[\s,()]*(?:and|und|et|y|e|en|&)?[\s,()]*"
    r"(?:the\s+|your\s+|die\s+|den\s+|der\s+|l['’]\s*|les\s+|la\s+|le\s+|des\s+|du\s+|los\s+|las\s+|el\s+"
    r"|os\s+|as\s+|dos\s+|das\s+|dei\s+|degli\s+|delle\s+)?$",
    re.IGNORECASE,
)


def listed_muscles(name: str) -> list[Muscle]:
    """The muscles a name lists, each joined to the one before by a comma or "and", a parenthesis
    naming the same muscle again ("Étirement des mollets (triceps sural) et l’arrière de la cuisse
    (ischio-jambiers)"): all of them, in order; one muscle alone, or muscles said in passing, give [].
    Body regions count too ("l’arrière de la cuisse") unless that breaks the list ("des hanches (pelvi
    trochantériens et psoas) et les fessiers" lists the psoas and the glutes)."""
    for tier in (REGION, STRONG):
        matches = list(lexicon(tier).finditer(name))
        found: list[Muscle] = []
        for index, match in enumerate(matches):
            entry = MUSCLES[int(str(match.lastgroup)[1:])]
            glossed = found[-1:] == [entry]  # "des fesses (grands fessiers)": the same muscle again
            between = name[matches[index - 1].end() : match.start()] if index else ""
            if index and not glossed and not LIST_JOINER.match(between):
                break
            if entry not in found:
                found.append(entry)
        else:
            if len(found) > 1:
                return found
    return []


def joined_muscles(text: str) -> list[Muscle]:
    """The first muscle of `text` and one joined to it by "and" or "into" ("the hamstring and into the
    glute"): a muscle further on is about something else ("the calf, keep your shoulders relaxed")."""
    matches = list(lexicon(REGION).finditer(text))
    if not matches:
        return []
    found = [MUSCLES[int(str(matches[0].lastgroup)[1:])]]
    if len(matches) > 1 and JOINING.match(text[matches[0].end() : matches[1].start()]):
        second = MUSCLES[int(str(matches[1].lastgroup)[1:])]
        if second not in found:
            found.append(second)
    return found


def target_text(muscles: list[Muscle], lang: str) -> str:
    """ "Calves, feet and ankles": the muscles' names in `lang`, the first capitalised."""
    labels = [
        entry.labels.get(lang) or LABELS.get(lang, {}).get(entry.key, entry.labels["en"]) for entry in muscles
    ]
    labels = [labels[0]] + [
        label if lang == "de" or label[:2].isupper() else label[:1].lower() + label[1:]
        for label in labels[1:]
    ]
    if len(labels) == 1:
        return labels[0]
    return f"{', '.join(labels[:-1])} {AND.get(lang, 'and')} {labels[-1]}"
