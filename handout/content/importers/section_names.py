"""What a line of a page says it is: a stretch's name ("Calf Stretch — Stand ..."), a sub-head saying
which field the text under it is for ("Instructions", "Tips", "Benefits"), or a closer ending the
stretches ("Conclusion"); the words that tell a title or a stretch, in the importer's languages. The
vocabulary sections.py cuts a page by.
"""

from __future__ import annotations

import re
from enum import Enum

from handout.content.importers.blocks import Block, BlockKind
from handout.content.importers.holds import find_hold, name_without_hold
from handout.content.importers.targets import NAME_ONLY, lexicon, misspelt_muscles, muscles_in
from handout.content.library import find_entry


class Field(Enum):
    """Which field of a stretch a piece of its text is for."""

    STEPS = "steps"
    TIPS = "tips"
    TARGETS = "targets"


SUBHEADS = {
    Field.STEPS: r"instructions?|steps?|how to(?: do it| perform it| do this stretch)?|directions|method"
    r"|technique|execution|hold|duration|reps|repetitions|anleitung|ausführung|so geht'?s|so wird'?s gemacht"
    r"|schritte|durchführung|haltezeit|dauer|wiederholungen|étapes|comment faire|exécution|réalisation"
    r"|durée|répétitions|instrucciones|pasos|c[oó]mo hacerlo|ejecución|procedimiento|duración|repeticiones"
    r"|exercice|come (?:si )?fa(?:re)?|ecco cosa fare|esecuzione|istruzioni|como fazer|execução|passo a passo"
    r"|uitvoering|zo doe je het|hoe doe je (?:het|dat)"
    r"|übung|exercise|ejercicio|esercizio|exerc[ií]cio|oefening|fai così|fate così|haz esto|faites ceci"
    r"|do this|faça assim|doe dit"
    r"|(?:(?:técnica|technique|technik|tecnica|técnica|techniek)\s+)?(?:paso a paso|step[- ]by[- ]step"
    r"|schritt für schritt|étape par étape|pas à pas|passo (?:dopo|a) passo|stap voor stap)"
    r"|position de départ|starting position|ausgangs(?:stellung|position)|posici[oó]n (?:inicial|de partida)"
    r"|posizione (?:iniziale|di partenza)|posição inicial|startpositie"
    r"|action(?: de contraction| d['’]étirement)?|rythme|répétitions?|respiration"
    r"|(?:to stretch|pour (?:bien )?étirer|para estirar|per allungare|para alongar)\s+[\w'’ -]{2,40}"
    r"|um\s+[\w ]{2,40}\s+zu\s+dehnen|om\s+[\w ]{2,40}\s+te\s+rekken",
    Field.TIPS: r"tips?|modifications?|variations?|progressions?|regressions?|common mistakes"
    r"|mistakes to avoid|make it (?:easier|harder)|cues?|coaching cues|form tips|safety|caution|note"
    r"|tipps?|hinweise?|beachte|zu beachten"
    r"|(?:conseils?|tips?|consejos?|consigli|dicas|hinweise) (?:techniques?|pratiques|de respiration"
    r"|technical|for breathing|técnicos|tecnici|de respiración|per la respirazione|de respiração)"
    r"|breathing(?: tips)?|atmung|respiración"
    r"|respirazione|respiração|ademhaling|(?:medical )?restrictions?(?: médicales)?|contra-?indications?"
    r"|contraindicaciones|controindicazioni|contraindicações|kontraindikationen|precautions?"
    r"|difficulty|level|difficulté|niveau|schwierigkeit(?:sgrad)?|dificultad|nivel|difficoltà|livello"
    r"|dificuldade|nível|moeilijkheid(?:sgraad)?"
    r"|variationen|varianten?|häufige fehler|achtung|conseils?|astuces?|variantes?"
    r"|erreurs (?:fréquentes|à éviter)"
    r"|attention|consejos?|variaci[oó]n(?:es)?|modificaciones|errores comunes|precauci[oó]n"
    r"|consigli?o?|suggeriment[oi]|varianti|attenzione|dicas?(?: adicional| extra)?|variaç(?:ão|ões)|cuidado"
    r"|tips?|let op|por que é importante|perché è importante|waarom"
    r"|(?:common |frequent |typical )?mistakes(?: to avoid| and how to avoid them)?"
    r"|(?:häufige |typische )?fehler"
    r"|erreurs(?: fréquentes| courantes| à éviter)?(?: et comment les éviter)?"
    r"|errores(?: frecuentes| comunes| típicos)?(?: y cómo evitarlos)?"
    r"|errori(?: comuni| frequenti)?(?: da evitare)?"
    r"|erros(?: comuns| frequentes)?(?: a evitar)?|(?:veel ?gemaakte )?fouten"
    r"|(?:variations?|variantes?|varianten?|variationen|varianti|variaç(?:ão|ões)|variaciones)"
    r"\s+(?:and|y|et|und|e|en)\s+(?:progressions?|progresiones|progressionen|progressioni|progressões|progressies)"
    r"|progresiones|progressionen|progressioni|progressões|progressies"
    r"|description(?: générale)?|overview of the stretch|descripci[oó]n(?: general)?|beschreibung"
    r"|descrizione(?: generale)?|descrição(?: geral)?|omschrijving|sensation",
    Field.TARGETS: r"benefits?|muscles?(?: worked| targeted| stretched| used)?|targets?"
    r"|stretch(?:es)?(?=\s*:\s*(?:your|the|both)\b)"
    r"|target(?:ed)? muscles?|target areas?|areas? targeted|what it (?:stretches|targets|works)"
    r"|primary muscles?|vorteile|nutzen"
    r"|zielmuskel\w*|muskeln|beanspruchte muskeln|gedehnte muskeln|muskelgruppen?|bénéfices?|avantages?"
    r"|muscles? (?:ciblés?|travaillés?|étirés?|sollicités?)|zones? ciblées?|beneficios?"
    r"|m[uú]sculos?(?: trabajados| implicados| estirados| involucrados)?|zona trabajada"
    r"|effet|effect|wirkung|efecto|efeito|effetto|benefici|muscoli (?:coinvolti|interessati)"
    r"|m[uú]sculos (?:trabalhados|alongados)|por que é importante|perché è importante|doelspieren|spieren"
    r"|onde (?:sentirá|vai sentir|você sente)|where you(?:'ll| will) feel it|wo du (?:es|sie) spürst"
    r"|où (?:vous )?(?:le |la )?sentirez|dónde (?:lo |la )?sentirás|dove (?:lo |la )?sentirai",
}
SUBHEAD = {kind: re.compile(rf"^\W*(?:{words})\W*$", re.IGNORECASE) for kind, words in SUBHEADS.items()}
INLINE_SUBHEAD = {
    kind: re.compile(rf"^\W*(?:{words})\s*:\s*(?P<rest>.+)$", re.IGNORECASE)
    for kind, words in SUBHEADS.items()
}
SUBHEAD_LABEL = re.compile(rf"(?<!\w)(?:{'|'.join(SUBHEADS.values())})\s*:\s+(?=\S)", re.IGNORECASE)
"""A sub-head's label inside a text ("... Quad Stretch Targets: quads"), where a flattened page keeps it."""
CLOSER = re.compile(
    r"\b(overview|summary|conclusion|bottom line|takeaways?|faqs?|frequently asked|references|sources"
    r"|related|about the author|comments|why (?:stretch|you should|is|are|do)|benefits of|importance"
    r"|importancia|importanza|importância|when to stretch|benefici\s+(?:dello|del|della|di)|beneficios\s+de"
    r"|bienfaits\s+(?:des?|du)|vorteile\s+(?:des|von|der)|benefícios\s+(?:do|da|de)"
    r"|quando\s+(?:eseguire|fare|farlo|fazer|alongar)"
    r"|how (?:often|long)|final thoughts|disclaimer|more from|read next|what is|who should|fazit"
    r"|zusammenfassung|quellen|häufige fragen|warum|wann|en résumé|pourquoi|questions fréquentes|quand"
    r"|conclusión|resumen|fuentes|preguntas frecuentes|por qué|cuándo|más información|plus d'infos)\b"
    r"|\?\s*$",
    re.IGNORECASE,
)
STRETCH_WORD = re.compile(
    r"\b(stretch\w*|pose|lunge|twist|reach|fold|roll|raise|squat|dog|cobra|pigeon|butterfly|cat|cow|child'?s"
    r"|figure[- ](?:four|4)|hug|opener|bridge|kneeling|seated|standing|lying|sitting|supine|übung"
    r"|ausfallschritt|drehung|taube|katze|kind|schmetterling|kobra|étirements?|étirer|posture|fente|torsion|papillon|chat"
    r"|enfant|estiramientos?|estirar|estira|postura|zancada|torsión|mariposa|paloma|gato|niño|allungament[oi]|allunga"
    r"|stretching|alongamentos?|alongar|rekoefening\w*|rekken|strekken)\b|dehn",
    re.IGNORECASE,
)
TITLE_WORD = re.compile(
    r"\b(stretches|stretching|exercises|routine|workout|guide|for|after|before|best|übungen|dehnübungen"
    r"|nach dem|vor dem|étirements|exercices|pour|après|avant|estiramientos|ejercicios|para|después|antes"
    r"|rutina)\b|^\d+\s",
    re.IGNORECASE,
)
"""Words of an article's title, not of one stretch's name ("Stretches for runners", "5 Dehnübungen")."""
GENERIC_HEADING = re.compile(
    r"^\W*(?:the\s+)?(?:(?:cool|warm)(?:ing)?[- ]?(?:down|up)\s*)?(?:stretch(?:es|ing)?|dehnen|dehnübungen"
    r"|étirements?|estiramientos?|allungamenti|alongamentos?|rekoefeningen)?\W*$",
    re.IGNORECASE,
)
"""A heading that names the kind of exercise, not one of them ("STRETCHING", "Cool-down stretches")."""
INLINE_NAME = re.compile(r"^(?P<name>[^:.!?;—–]{2,100}?)\s*(?::|\s[—–-]\s|—|–)\s*(?P<rest>\S.*)$")
MOST_NAME_WORDS = 7
"""Words of a stretch's name, not counting a parenthesis or the muscles it lists (name_words)."""
LONGEST_INLINE_NAME = 60
"""Characters of a name that starts a line, when it has neither a parenthesis nor a list of muscles."""
PARENTHESIS = re.compile(r"\([^()]*\)")
HOLD_AFTER = re.compile(r"^[^()]*\w[^()]*\(\s*\d[^()]*\)\s*$")
FIRST_SENTENCE = re.compile(r"(?<=[.!?])\s+")
NUMBER_PREFIX = re.compile(r"^(?:#\s?)?\d{1,2}\s*[.):–—-]\s*")
INSTRUCTION_START = re.compile(
    r"^(?:bend|bring|cross|face|get|grab|hold|keep|kneel|lean|lie|lift|place|put|raise|reach|sit|stand|start"
    r"|step|take|begin|stell|leg|setz|knie|beug|halte|zieh|geh|nimm|stütz|placez|tenez|allongez|asseyez"
    r"|mettez|pliez|debout|tenez-vous|mets|place|ponte|coloca|siéntate|túmbate|acuéstate|mantén|dobla"
    r"|apoya|lleva|de pie|sdraiati|sdraiatevi|siediti|appoggia|piega|porta|mettiti|in piedi|fique|deite"
    r"|sente|coloque|apoie|dê|segure|ga|zet|leg|sta|begin)\b",
    re.IGNORECASE,
)


def subhead(text: str) -> Field | None:
    return next((kind for kind, pattern in SUBHEAD.items() if pattern.match(text)), None)


def inline_subhead(text: str) -> tuple[Field, str] | None:
    for kind, pattern in INLINE_SUBHEAD.items():
        if match := pattern.match(text):
            return kind, match["rest"]
    return None


def clean_name(text: str) -> str:
    return NUMBER_PREFIX.sub("", text).strip(" :*#").strip()


def is_stretchy(name: str) -> bool:
    """A name that says it is a stretch: a stretch word, a muscle, a library entry or a hold in it (also
    one in parentheses after it: "CORVAS (30 Segundos)")."""
    name = clean_name(name)
    return bool(
        STRETCH_WORD.search(name)
        or muscles_in(name, NAME_ONLY)
        or find_hold(name)
        or (HOLD_AFTER.search(name) and name_without_hold(name)[1] is not None)
        or find_entry(name)
        or misspelt_muscles(name)
    )


def inline_name(block: Block) -> tuple[str, str] | None:
    """A stretch's name that starts a line: "Calf Stretch — Stand..." -> ("Calf Stretch", "Stand...")."""
    if block.kind is BlockKind.HEADING or len(block.text) > 5000:
        return None
    match = INLINE_NAME.match(NUMBER_PREFIX.sub("", block.text))
    if match is None:
        return None
    name = match["name"].strip()
    if name_words(name) > MOST_NAME_WORDS or subhead(name) or not (block.named or is_stretchy(name)):
        return None
    if len(name) > LONGEST_INLINE_NAME and name_words(name) == len(name.split()):
        return None
    return name, match["rest"]


def name_words(name: str) -> int:
    """The words of a name but its parentheses and the muscles it names: "Étirement des mollets (triceps
    sural) et l’arrière de la cuisse (ischio-jambiers)" and "Parte interna de los muslos, isquiotibiales
    y pantorrillas" are names, long only for the muscles they list; a sentence has more words."""
    bare = PARENTHESIS.sub(" ", name)
    return len(lexicon(NAME_ONLY).sub(" ", bare).split())


SENTENCE_ENDS = (".", "!", "?", ",", ";", "…")


def opens_steps(blocks: list[Block], index: int) -> bool:
    """A heading followed by a list, an "Instructions" sub-head or a paragraph that starts instructing."""
    if index + 1 >= len(blocks):
        return False
    following = blocks[index + 1]
    if following.kind is BlockKind.ITEM:
        return True
    if following.kind is BlockKind.HEADING:
        return subhead(following.text) is not None
    return INSTRUCTION_START.match(following.text) is not None or inline_subhead(following.text) is not None
