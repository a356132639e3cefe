"""How long to hold a stretch, read from the article in en, de, fr or es: "hold for 15 seconds" -> "15 s".

The phrase is then taken out of the name and the key points, since the sheet prints the hold on its own
line; a key point that was only the hold is dropped, and "Repeat on the other side" stays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from handout.content.importers.points import NOT_AFTER_ABBREVIATION

WORD_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "un": 1,
    "une": 1,
    "uno": 1,
    "um": 1,
    "uma": 1,
    "una": 1,
    "ein": 1,
    "einer": 1,
    "einen": 1,
    "two": 2,
    "zwei": 2,
    "deux": 2,
    "dos": 2,
    "due": 2,
    "dois": 2,
    "three": 3,
    "drei": 3,
    "trois": 3,
    "tres": 3,
    "tre": 3,
    "três": 3,
    "four": 4,
    "vier": 4,
    "quatre": 4,
    "cuatro": 4,
    "quattro": 4,
    "quatro": 4,
    "five": 5,
    "ten": 10,
    "zehn": 10,
    "dix": 10,
    "diez": 10,
    "dieci": 10,
    "dez": 10,
    "fifteen": 15,
    "fünfzehn": 15,
    "quinze": 15,
    "quince": 15,
    "quindici": 15,
    "twenty": 20,
    "zwanzig": 20,
    "vingt": 20,
    "veinte": 20,
    "venti": 20,
    "vinte": 20,
    "thirty": 30,
    "dreißig": 30,
    "trente": 30,
    "treinta": 30,
    "trenta": 30,
    "trinta": 30,
    "forty-five": 45,
    "forty": 40,
    "sixty": 60,
    "sechzig": 60,
    "soixante": 60,
    "sesenta": 60,
    "sessanta": 60,
    "sessenta": 60,
}
"""Numbers written as words ("thirty seconds", "un minuto", "three sets")."""
WORD_NUMBER = "|".join(sorted((re.escape(word) for word in WORD_NUMBERS), key=len, reverse=True))
COUNT = rf"(?<!\w)(?:\d{{1,3}}|(?:{WORD_NUMBER})(?=[\s-]))"
NUMBER = (
    rf"(?P<low>{COUNT})(?:\s*(?:-|–|—|to|or|bis|à|a|ou|o|y|und|and|e|tot|of)\s*"
    rf"(?P<high>\d{{1,3}}|{WORD_NUMBER}(?=\s)))?"
)
UNIT = (
    r"(?P<unit>seconds?|secs?|sekunden|sek|secondes|secondes?|segundos?|seg|secondi|seconden|s"
    r"|minutes?|mins?|minuten|minutos?|minuti|breaths?|atemzüge[n]?|respirations?|respiraciones?|respiri"
    r"|ademhalingen)(?:['’]s)?(?:\b|(?:(?<=seconds)|(?<=secondes)|(?<=segundos)|(?<=sekunden)|(?<=seconden))"
    r"(?=[a-zäöü]{2}))\.?"
)
"""A unit may run into the next word where a copy lost a space: "Hold for 30 secondsand repeat"."""
EACH_SIDE = (
    r"(?P<side>\s*(?:on\s+|with\s+|for\s+)?(?:each|per|every|either)\s+(?:side|leg)"
    r"|\s*(?:pro|je)\s+(?:seite|bein)|\s*(?:auf|für|mit)\s+jede[rmn]?\s+(?:seite|bein)"
    r"|\s*sur\s+chaque\s+(?:côté|jambe)|\s*con\s+cada\s+(?:lado|pierna)"
    r"|\s*(?:de\s+)?chaque\s+(?:côté|jambe)|\s*(?:(?:de|por|en)\s+)?cada\s+(?:lado|pierna)|\s*por\s+lado"
    r"|\s*per\s+(?:ogni\s+)?(?:lato|gamba)|\s*(?:de|em)\s+cada\s+(?:lado|perna|membro)|\s*per\s+(?:kant|been)"
    r"|\s*aan\s+elke\s+kant)?"
)
ABOUT = r"(?:(?:about|around|approximately|roughly|at least|up to|for|ungefähr|approximativement"
ABOUT += r"|aproximadamente|etwa|ca\.|mindestens|für|pendant|durant|environ|au moins"
ABOUT += r"|durante|por|unos|unas|entre|al menos|aprox\.?|per|almeno|circa|pelo menos|cerca de|voor"
ABOUT += (
    r"|ongeveer|minstens|de|from|(?:a\s+)?minimum\s+of|au\s+minimum|(?:un\s+)?m[ií]nimo\s+de|minimo"
    r"|un\s+tempo\s+di|un\s+tiempo\s+de|une\s+durée\s+de|um\s+tempo\s+de|a\s+time\s+of)\s+)*"
)
HOLD_VERBS = (
    r"(?:hold(?:ing)?|held|stay|remain|maintain|hang|lasting|durando|halte[n]?|halt|verharre[n]?|verbleibe[n]?|bleib(?:e|en)?|tenez|tiens|tenir|maintenez"
    r"|maintiens|maintenir|gardez|garde|restez|reste|mant[ée]n(?:ga|er)?|mantenga|mantente|mantené|sost[ée]n(?:ga|er)?"
    r"|aguanta(?:r)?|quédate|permanece|restate|resta|rimani|rimanete|mantieni|mantenete|tieni|tenete"
    r"|rimanere|restare|resistere|mantenerla|mantenerlo|mantenla|mantenlo|sostenerla|sostenla"
    r"|mantenha|mant[ée]m|manténs|segure|fique|permaneça|houd|blijf|repeat|wiederhole|répétez|repite|ripeti|repita|herhaal"
    r"|mantenere|tenere|mantenut[oaie]|tenut[oaie]|tenendo|mantenendo|manteniendo|mantendo|segurando"
    r"|aguantando)"
)
OBJECT = (
    r"(?:\s+(?:in|a|em|nella|in\s+questa|this\s+movement)?\s*(?:it|this|that|the|each|your|die|diese|sie|la|le"
    r"|les|cette|ce|el|la|esta|este|esa|sie\s+die|a|questa|deze|de|het|der|dieser|jede|ciascuna|ciascun|ogni|l['’]"
    r"|chaque|cada)?"
    r"\s*(?:stretch|position|pose|posture|dehnung|position|étirement|posición|postura|estiramiento|posizione"
    r"|posição|houding|positie|spannung|stellung|haltung|dehnposition|equilibrio|équilibre|balance)\w*"
    r"|\s+(?:it|this|that|the|each|your|die|diese|sie|la|le)"
    r"|\s+(?:here|there|hier|ici|là|aquí|ahí))?"
)
VERB_FIRST = re.compile(
    rf"\b{HOLD_VERBS}{OBJECT}(?:\s+sie)?\s*[:,]?\s*\(?\s*{ABOUT}{NUMBER}\s*{UNIT}{EACH_SIDE}", re.IGNORECASE
)
VERB_LAST = re.compile(
    rf"\b{ABOUT}{NUMBER}\s*{UNIT}{EACH_SIDE}\s+(?:lang\s+)?(?:halten|gehalten|hold|tenir|mantener|verharren"
    rf"|verweilen|bleiben|aushalten)\b",
    re.IGNORECASE,
)
NOUN_FIRST = re.compile(
    rf"\b(?:hold|haltezeit|halten|dauer|durée|tenue|duración|tiempo|duur|durata|duração)\s*:\s*{ABOUT}{NUMBER}\s*{UNIT}{EACH_SIDE}",
    re.IGNORECASE,
)
OF_STRETCHING = re.compile(
    rf"\b{ABOUT}{NUMBER}\s*{UNIT}{EACH_SIDE}\s+(?:of\s+|de\s+|d['’]\s*|di\s+|van\s+)?(?:the\s+)?"
    r"(?:stretch(?:ing)?|étirement|estiramiento|dehnung|allungamento|alongamento|rekken)\b",
    re.IGNORECASE,
)
"""A time of stretching said after it: "15 secondes de contraction, 15 secondes d’étirement"."""
STRETCHING_FOR = re.compile(
    rf"\b(?:do|perform|fais|faites|haz|fai|fate|faça|doe)\s+(?:the|your|these|all|les|vos|tes|tus|los|gli|i|os|de)?\s*"
    r"(?:static\s+|statiques?\s+|estáticos?\s+|statici\s+|estáticos?\s+|statische\s+)?"
    r"(?:stretch(?:ing|es)|étirements?|estiramientos?|stretching|allungamenti|alongamentos?|rekoefeningen)"
    r"(?:\s+(?:statiques?|estáticos?|statici))?\s+"
    rf"{ABOUT}{NUMBER}\s*{UNIT}{EACH_SIDE}",
    re.IGNORECASE,
)
"""The time to do the stretching for, said of all: "Do the static stretching at least 30 to 40 seconds"."""
COUNT_TO = re.compile(
    r"\b(?:(?:while|as)\s+you\s+|and\s+|und\s+|et\s+|y\s+|e\s+)?(?:count(?:ing)?(?:\s+slowly)?\s+to|zähl\w*(?:\s+sie)?(?:\s+langsam)?\s+bis|compte[rz]?(?:\s+lentement)?"
    r"\s+jusqu['’]\s*à|cuenta(?:r)?(?:\s+despacio)?\s+hasta|conta(?:re)?(?:\s+lentamente)?\s+fino\s+a"
    r"|cont(?:e|ar)(?:\s+devagar)?\s+até|tel(?:\s+rustig)?\s+tot)\s+(?P<low>\d{1,3})\b(?P<high>)(?P<unit>)(?P<side>)",
    re.IGNORECASE,
)
"""A hold as a count ("Hold this stretch while you count to 30"): that many seconds."""
ADJECTIVE = re.compile(rf"\b{NUMBER}[- ]second\s+hold\b{EACH_SIDE}", re.IGNORECASE)
VERB_APART = re.compile(
    rf"\b{HOLD_VERBS}\b[^.;:!?]{{1,50}}?(?P<cut>\s(?:for|während|für|pendant|durant|durante|por|per|gedurende)\s+{ABOUT}"
    rf"{NUMBER}\s*{UNIT}{EACH_SIDE})",
    re.IGNORECASE,
)
"""The hold verb apart from its time ("Hold your ankle behind you for 20 seconds"): only the time goes."""
BREATHE_FOR = re.compile(
    rf"\b(?:breathe|atme|atmen|respirez|respire|respira|adem)\b[^.;:!?]{{0,30}}?(?P<cut>\s(?:for|für|pendant"
    rf"|durante|per|por|gedurende)\s+{ABOUT}{NUMBER}\s*(?P<unit>minutes?|mins?|minuten|minutos?|minuti)\b{EACH_SIDE})",
    re.IGNORECASE,
)
"""A stretch held while breathing for minutes: "respira profundo durante 5 minutos" (5 min)."""
SETS = re.compile(
    rf"\b(?P<sets>{COUNT})\s*(?:sets?|times|x|×|series|séries|serie|sätze|mal|keer)\s+(?:of\s+|de\s+|di\s+|à\s+)?"
    rf"{NUMBER}[\s-]*{UNIT}(?:\s+stretch(?:es)?)?{EACH_SIDE}",
    re.IGNORECASE,
)
"""Sets of a hold: "2 x 30 s", "Three sets of twenty-second's stretch for each leg"."""

AFTER = re.compile(
    rf"^\W*(?:after|nach|après|después\s+de|dopo|após|na)\s+{ABOUT}{NUMBER}\s*"
    r"(?P<unit>seconds?|secs?|sekunden|secondes?|segundos?|secondi|seconden)\b"
    rf"{EACH_SIDE}\s*,?",
    re.IGNORECASE,
)
"""A sentence that starts once the hold is over: "Après 20 secondes, ramenez votre pied" (seconds only:
"After 5 minutes of jogging" is no hold)."""
BARE = re.compile(rf"^\W*{ABOUT}{NUMBER}\s*{UNIT}{EACH_SIDE}\W*$", re.IGNORECASE)
"""A sentence that is only the hold: "20–30 Sekunden pro Seite."."""
LAST_CLAUSE = re.compile(rf"(?P<cut>[;,]\s*{ABOUT}{NUMBER}\s*{UNIT}{EACH_SIDE})\W*$", re.IGNORECASE)
PARENTHESIS_HOLD = re.compile(rf"\(\s*{ABOUT}{NUMBER}\s*{UNIT}{EACH_SIDE}\s*\)", re.IGNORECASE)
"""A parenthesis that is only the hold: "10 minutos após a corrida (20 segundos em cada perna)"."""
"""A sentence's last clause that is only the hold: "tallone verso il gluteo, ginocchia vicine; 20-30
secondi per lato." (only the clause goes from the step)."""
REPS = re.compile(
    rf"(?:\b{HOLD_VERBS}{OBJECT}\s+{ABOUT})?\b(?P<sets>{COUNT})\s*,\s*{NUMBER}[\s-]*{UNIT}\s+(?:reps?|repetitions?|wiederholungen|répétitions"
    rf"|repeticiones|ripetizioni|repetições){EACH_SIDE}",
    re.IGNORECASE,
)
"""Repetitions of a short hold: "hold for 10, 5-second reps" (10 × 5 s)."""
PATTERNS = (
    SETS,
    REPS,
    NOUN_FIRST,
    VERB_FIRST,
    VERB_LAST,
    OF_STRETCHING,
    STRETCHING_FOR,
    ADJECTIVE,
    VERB_APART,
    BREATHE_FOR,
    AFTER,
    COUNT_TO,
    BARE,
    LAST_CLAUSE,
    PARENTHESIS_HOLD,
)
NAME_HOLD = re.compile(rf"\s*[(\[]?\s*{ABOUT}{NUMBER}\s*{UNIT}{EACH_SIDE}\s*[)\]]?\s*$", re.IGNORECASE)
"""A hold at the end of a name without a verb: "Calf stretch (30 seconds)"."""

EVERY = re.compile(
    r"\b(each|every|all|below|following|these|jede[nrs]?|alle[ns]?|folgenden|diese|chaque|tous|toutes"
    r"|suivants?|ci-dessous|ces|cada|todos|todas|siguientes|estos|ogni|tutti|tutte|seguenti|questi|seguintes"
    r"|estes|elke?|volgende|deze|ciascun[oa]?|chacun(?:e)?|jeweils)\b",
    re.IGNORECASE,
)
DURATION = re.compile(rf"{ABOUT}{NUMBER}[\s-]*{UNIT}{EACH_SIDE}", re.IGNORECASE)


def find_intro_hold(text: str) -> Hold | None:
    """A hold the intro gives in passing ("Mantenha-se na posição por 20 segundos após chegar ao ponto
    máximo"): a hold phrase in seconds, for a page none of whose stretches gives one of its own."""
    found = find_hold(text)
    return found[0] if found and found[0].unit == "s" else None


def find_page_hold(text: str) -> Hold | None:
    """A hold said once for every stretch ("Hold each stretch for 20-30 seconds", "Exécutez tous les
    exercices pendant 20 à 60 secondes"): a time in seconds in a sentence that says each or all."""
    for sentence in re.split(rf"(?<=[.!?]){NOT_AFTER_ABBREVIATION}\s+", text):
        found = find_hold(sentence)
        hold = found[0] if found else None
        if hold is None and (match := DURATION.search(sentence)):
            hold = hold_of(match)
        if hold is not None and hold.unit == "s" and EVERY.search(sentence):
            return hold
    return None


EVERY_ONE = re.compile(
    r"\b(?:each|every|ogni|jede[nrs]?|chaque|cada|elke|ciascun[ao]?)\s+(?:position|posizione|stellung|posición"
    r"|posição|positie|stretch|allungamento|dehnung|étirement|estiramiento|alongamento|exercise|esercizio"
    r"|übung|exercice|ejercicio|exercício|oefening)\b",
    re.IGNORECASE,
)


def find_every_hold(text: str) -> Hold | None:
    """A hold a stretch's text says for every one ("Ogni posizione va mantenuta per un tempo di 30
    secondi"): a sentence naming each position or stretch, with its time in seconds."""
    for sentence in re.split(rf"(?<=[.!?]){NOT_AFTER_ABBREVIATION}\s+", text):
        if EVERY_ONE.search(sentence) and (found := find_hold(sentence)) and found[0].unit == "s":
            return found[0]
    return None


SHORT_UNITS = {"s": "s", "m": "min", "b": "breaths"}
EACH_SIDE_WORDS = {
    "en": "each side",
    "de": "pro Seite",
    "fr": "de chaque côté",
    "es": "por lado",
    "it": "per lato",
    "pt": "cada lado",
}
BREATHS = {
    "en": "breaths",
    "de": "Atemzüge",
    "fr": "respirations",
    "es": "respiraciones",
    "it": "respiri",
    "pt": "respirações",
}


@dataclass(frozen=True)
class Hold:
    low: int
    high: int | None
    unit: str  # "s", "min" or "breaths"
    each_side: bool
    sets: int | None = None

    def text(self, lang: str) -> str:
        """As the sheet prints it: "20–30 s", "5 breaths each side" (in the article's language)."""
        span = f"{self.low}–{self.high}" if self.high else str(self.low)
        unit = BREATHS.get(lang, "breaths") if self.unit == "breaths" else self.unit
        side = f" {EACH_SIDE_WORDS.get(lang, 'each side')}" if self.each_side else ""
        sets = f"{self.sets} × " if self.sets and self.sets > 1 else ""
        return f"{sets}{span} {unit}{side}"


SIDE_WORDS = re.compile(
    r"\b(?:each|every|either|per)\s+(?:side|leg)|jede[rmns]?\s+(?:seite|bein)|chaque\s+(?:côté|jambe)"
    r"|cada\s+(?:lado|pierna|perna)|ogni\s+(?:lato|gamba)",
    re.IGNORECASE,
)
LEFTOVER = re.compile(
    rf"(?:again,?\s+)?{HOLD_VERBS}(?:\s+(?:each|every|either|this|that|the|your|it))?"
    r"(?:\s+(?:leg|side|stretch|position|pose|movement|one))?\W*",
    re.IGNORECASE,
)
"""What a hold phrase leaves behind that says nothing more: "Hold each leg", "Again, repeat this movement"."""
LEFTOVER_OBJECT = re.compile(
    r"(?:(?:the|this|that|your|each|die|diese|der|jede|la|le|cette|esta|este|questa|ogni|deze|de|het)\s+|l['’])?"
    r"(?:stretch|position|pose|posture|dehnung|spannung|stellung|haltung|dehnposition|étirement|posición"
    r"|postura|estiramiento|posizione|posição|houding|positie|allungament|alongament)\w*\W*",
    re.IGNORECASE,
)
"""The words a hold said verb last leaves: "Die Spannung" of "Die Spannung ca. 20 Sekunden halten"."""


COOL_DOWN_HOLD = re.compile(
    rf"{NUMBER}[\s-]*{UNIT}{EACH_SIDE}\s*(?:circa|ca\.|environ|about|approx\.?|aprox\.?|cerca)?\s*\(\s*"
    r"(?:raffreddamento|defaticamento|cool[- ]?down|cooling[- ]down|abkühlung|abkühlen|cool-down-phase"
    r"|retour au calme|récupération|enfriamiento|vuelta a la calma|desaquecimento|arrefecimento"
    r"|afkoelen|afkoeling)\s*\)",
    re.IGNORECASE,
)
"""A hold said for the cool-down beside one for the warm-up ("da 5 a 10 secondi circa (riscaldamento) o
da 30 a 40 secondi circa (raffreddamento)"): a sheet of stretches after running takes the cool-down's."""


PRIMES_HOLD = re.compile(
    rf"{HOLD_VERBS}\s+(?:entre\s+|between\s+|de\s+|from\s+)?(?P<low>\d{{1,3}})\s*(?:''|’’|″|\")"
    r"(?:\s*(?:et|à|and|to|a|y|e|-|–)\s*(?P<high>\d{1,3})\s*(?P<unit>''|’’|″|\"|'|’|′))?",
    re.IGNORECASE,
)
"""A hold in seconds and minutes written with primes: "Maintenir entre 30’’ et 1’" (30 s to a minute)."""


def primes_hold(text: str) -> tuple[Hold, int, int] | None:
    if not any(prime in text for prime in ("''", "’’", "″", '"')):
        return None  # most texts have none: the verbs are not searched for
    if not (match := PRIMES_HOLD.search(text)):
        return None
    high = int(match["high"]) if match["high"] else None
    if high is not None and match["unit"] in ("'", "’", "′"):
        high *= 60
    return Hold(int(match["low"]), high, "s", False), match.start(), match.end()


OR_TIME = re.compile(
    rf"\b{HOLD_VERBS}\b[^.;!?]{{0,90}}?\s(?:or|o|ou|oder|of)\s+(?:{ABOUT}\s*)?{NUMBER}\s*{UNIT}{EACH_SIDE}",
    re.IGNORECASE,
)
"""A time offered after another measure of a hold ("per almeno 4 cicli respiratori (...) o per almeno 30
secondi"): the time is the hold."""


CLOCK_HOLD = re.compile(
    r"^\W*(?:(?:duration|dauer|durée|duración|durata|duração|duur|hold|time|zeit|temps|tiempo|tempo)\s*:\s*)?"
    r"(?P<min>\d{1,2}):(?P<sec>[0-5]\d)\W*$",
    re.IGNORECASE,
)
"""A stretch card's duration written as a clock, alone on its line: "Duration: 1:00", "0:30"."""


def clock_hold(text: str) -> tuple[Hold, int, int] | None:
    if not (match := CLOCK_HOLD.match(text)):
        return None
    minutes, seconds = int(match["min"]), int(match["sec"])
    if not minutes and not seconds:
        return None
    hold = (
        Hold(minutes, None, "min", False) if not seconds else Hold(60 * minutes + seconds, None, "s", False)
    )
    return hold, match.start(), match.end()


def find_hold(text: str) -> tuple[Hold, int, int] | None:
    """The first hold phrase in `text`, and where the words to take out of the text start and end; a
    hold for the cool-down wins over one for the warm-up said beside it."""
    found = first_hold(text) or primes_hold(text) or clock_hold(text)
    if found is None and (match := OR_TIME.search(text)):
        found = hold_of(match), match.start(), match.end()
    if cool := COOL_DOWN_HOLD.search(text):
        start, end = (min(found[1], cool.start()), max(found[2], cool.end())) if found else cool.span()
        return hold_of(cool), start, end
    return found


def first_hold(text: str) -> tuple[Hold, int, int] | None:
    for pattern in PATTERNS:
        if match := pattern.search(text):
            if "cut" not in pattern.groupindex:
                return hold_of(match), match.start(), match.end()
            hold = hold_of(match)
            if SIDE_WORDS.search(text, match.start(), match.start("cut")):  # "Hold each leg for 20 s"
                hold = replace(hold, each_side=True)
            return hold, match.start("cut"), match.end("cut")
    return None


def hold_of(match: re.Match[str]) -> Hold:
    unit = match["unit"].lower() or "s"  # a count (COUNT_TO) is in seconds
    kind = "b" if unit[0] in "bar" else "m" if unit.startswith("min") else "s"
    high = number(match["high"]) if match["high"] else None
    sets = number(match["sets"]) if "sets" in match.re.groupindex else None
    return Hold(number(match["low"]), high, SHORT_UNITS[kind], bool(match["side"]), sets)


def number(text: str) -> int:
    return int(text) if text.isdigit() else WORD_NUMBERS[text.lower()]


def name_without_hold(name: str) -> tuple[str, Hold | None]:
    """ "Thigh stretch – hold for 15 seconds" -> ("Thigh stretch", 15 s)."""
    found = find_hold(name)
    if found is None:
        match = NAME_HOLD.search(name)
        if match is None:
            return name, None
        found = (hold_of(match), match.start(), match.end())
    hold, start, end = found
    rest = (name[:start] + name[end:]).strip()
    rest = re.sub(r"\s*[(\[]\s*[)\]]", "", rest)
    return rest.strip(" -–—:,;(").strip() or name, hold


def point_without_hold(point: str) -> str:
    """A key point with its hold phrase taken out; "" when the hold was all it said."""
    found = find_hold(point)
    if found is None:
        return point
    _, start, end = found
    before = point[:start].rstrip()
    after = point[end:].lstrip()
    before = re.sub(
        r"(?i)(?:,|\band|\bund|\bet|\by|\bthen|\bdann|\bpuis|\bluego|\bda|\bva|\bvanno)+\s*$", "", before
    ).rstrip(" ,;")  # Italian "da" of "da mantenere per 30 secondi", "va" of "va mantenuto per 30 secondi"
    # "...; l'allungamento" of "...; l'allungamento va mantenuto per 30 secondi":
    before = re.sub(rf"[;,]\s*{LEFTOVER_OBJECT.pattern}$", "", before, flags=re.IGNORECASE)
    after = re.sub(r"(?i)^vast\b", "", after)  # the Dutch verb's particle: "Houd ... 15 seconden vast"
    after = re.sub(r"^[,;.:!]+\s*", "", after)
    if not re.search(r"\w", before) or before.endswith(":"):  # "Durata: mantenere ... 30 secondi e ripetere"
        after = re.sub(r"(?i)^(?:(?:and\s+)?then|dann|puis|luego|und|and|et|y|e\s+poi|poi|e)\s+", "", after)
        if not re.search(r"\w", after):
            return ""  # the label's hold was all it said
        text = f"{before} {after}" if re.search(r"\w", before) else after
    elif re.search(r"\w", after):
        text = f"{before}, {after}" if not before.endswith((".", "!", "?")) else f"{before} {after}"
    else:
        text = before
    text = text.strip(" ,;:")
    if not re.search(r"\w{2}", text) or LEFTOVER.fullmatch(text) or LEFTOVER_OBJECT.fullmatch(text):
        return ""
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?", "…")) else text + "."
