"""How long to hold a stretch, read from the article in en, de, fr or es: "hold for 15 seconds" -> "15 s".

The phrase is then taken out of the name and the key points, since the sheet prints the hold on its own
line; a key point that was only the hold is dropped, and "Repeat on the other side" stays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NUMBER = r"(?P<low>\d{1,3})(?:\s*(?:-|–|—|to|or|bis|à|a|ou|o|y|und|and)\s*(?P<high>\d{1,3}))?"
UNIT = (
    r"(?P<unit>seconds?|secs?|sekunden|sek|secondes|secondes?|segundos?|seg|s"
    r"|minutes?|mins?|minuten|minutos?|breaths?|atemzüge[n]?|respirations?|respiraciones?)\b\.?"
)
EACH_SIDE = (
    r"(?P<side>\s*(?:on\s+|with\s+|for\s+)?(?:each|per|every|either)\s+(?:side|leg)"
    r"|\s*(?:pro|je)\s+(?:seite|bein)|\s*(?:auf|für|mit)\s+jede[rmn]?\s+(?:seite|bein)"
    r"|\s*sur\s+chaque\s+(?:côté|jambe)|\s*con\s+cada\s+(?:lado|pierna)"
    r"|\s*(?:de\s+)?chaque\s+(?:côté|jambe)|\s*(?:de|por|en)\s+cada\s+(?:lado|pierna)|\s*por\s+lado)?"
)
ABOUT = r"(?:(?:about|around|at least|up to|for|etwa|ca\.|mindestens|für|pendant|durant|environ|au moins"
ABOUT += r"|durante|por|unos|unas|entre|al menos|aprox\.?)\s+)*"
HOLD_VERBS = (
    r"(?:hold(?:ing)?|stay|remain|halte[n]?|halt|verharre[n]?|bleib(?:e|en)?|tenez|tiens|tenir|maintenez"
    r"|maintiens|maintenir|gardez|garde|restez|reste|mant[ée]n(?:ga|er)?|mantenga|sost[ée]n(?:ga|er)?"
    r"|aguanta(?:r)?|quédate|permanece)"
)
OBJECT = (
    r"(?:\s+(?:it|this|that|the|each|your|die|diese|sie|la|le|les|cette|ce|el|la|esta|este|esa|sie\s+die)"
    r"(?:\s+(?:stretch|position|pose|posture|dehnung|position|étirement|posición|postura|estiramiento)\w*)?"
    r"|\s+(?:stretch|dehnung|position|posture|postura)|\s+(?:here|there|hier|ici|là|aquí|ahí))?"
)
VERB_FIRST = re.compile(
    rf"\b{HOLD_VERBS}{OBJECT}(?:\s+sie)?\s*[:,]?\s*{ABOUT}{NUMBER}\s*{UNIT}{EACH_SIDE}", re.IGNORECASE
)
VERB_LAST = re.compile(
    rf"\b{ABOUT}{NUMBER}\s*{UNIT}{EACH_SIDE}\s+(?:lang\s+)?(?:halten|gehalten|hold|tenir|mantener)\b",
    re.IGNORECASE,
)
NOUN_FIRST = re.compile(
    rf"\b(?:hold|haltezeit|halten|dauer|durée|tenue|duración|tiempo)\s*:\s*{ABOUT}{NUMBER}\s*{UNIT}{EACH_SIDE}",
    re.IGNORECASE,
)
ADJECTIVE = re.compile(rf"\b{NUMBER}[- ]second\s+hold\b{EACH_SIDE}", re.IGNORECASE)
VERB_APART = re.compile(
    rf"\b{HOLD_VERBS}\b[^.;:!?]{{1,50}}?(?P<cut>\s(?:for|während|für|pendant|durant|durante|por)\s+{ABOUT}"
    rf"{NUMBER}\s*{UNIT}{EACH_SIDE})",
    re.IGNORECASE,
)
"""The hold verb apart from its time ("Hold your ankle behind you for 20 seconds"): only the time goes."""
PATTERNS = (NOUN_FIRST, VERB_FIRST, VERB_LAST, ADJECTIVE, VERB_APART)
NAME_HOLD = re.compile(rf"\s*[(\[]?\s*{ABOUT}{NUMBER}\s*{UNIT}{EACH_SIDE}\s*[)\]]?\s*$", re.IGNORECASE)
"""A hold at the end of a name without a verb: "Calf stretch (30 seconds)"."""

SHORT_UNITS = {"s": "s", "m": "min", "b": "breaths"}
EACH_SIDE_WORDS = {"en": "each side", "de": "pro Seite", "fr": "de chaque côté", "es": "por lado"}
BREATHS = {"en": "breaths", "de": "Atemzüge", "fr": "respirations", "es": "respiraciones"}


@dataclass(frozen=True)
class Hold:
    low: int
    high: int | None
    unit: str  # "s", "min" or "breaths"
    each_side: bool

    def text(self, lang: str) -> str:
        """As the sheet prints it: "20–30 s", "5 breaths each side" (in the article's language)."""
        span = f"{self.low}–{self.high}" if self.high else str(self.low)
        unit = BREATHS.get(lang, "breaths") if self.unit == "breaths" else self.unit
        side = f" {EACH_SIDE_WORDS.get(lang, 'each side')}" if self.each_side else ""
        return f"{span} {unit}{side}"


def find_hold(text: str) -> tuple[Hold, int, int] | None:
    """The first hold phrase in `text`, and where the words to take out of the text start and end."""
    for pattern in PATTERNS:
        if match := pattern.search(text):
            cut = "cut" if "cut" in pattern.groupindex else 0
            return hold_of(match), match.start(cut), match.end(cut)
    return None


def hold_of(match: re.Match[str]) -> Hold:
    unit = match["unit"].lower()
    kind = "b" if unit[0] in "bar" else "m" if unit.startswith("min") else "s"
    high = int(match["high"]) if match["high"] else None
    return Hold(int(match["low"]), high, SHORT_UNITS[kind], bool(match["side"]))


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
    before = re.sub(r"(?i)(?:,|\band|\bund|\bet|\by|\bthen|\bdann|\bpuis|\bluego)+\s*$", "", before).rstrip(
        " ,;"
    )
    after = re.sub(r"^[,;.:!]+\s*", "", after)
    if not re.search(r"\w", before):
        text = re.sub(r"(?i)^(?:(?:and\s+)?then|dann|puis|luego|und|and|et|y)\s+", "", after)
    elif re.search(r"\w", after):
        text = f"{before}, {after}" if not before.endswith((".", "!", "?")) else f"{before} {after}"
    else:
        text = before
    text = text.strip(" ,;:")
    if not re.search(r"\w{2}", text):
        return ""
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?", "…")) else text + "."
