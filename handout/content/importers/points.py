"""A section's text -> short key points: sentences, long ones cut at their clause breaks, filler dropped."""

from __future__ import annotations

import re

SHORT_POINT = 80
"""A key point longer than this (characters) is split at clause boundaries, when it has any."""
LONGEST_POINT = 300
"""What a routine takes for one key point: a longer sentence is cut at a word, with "…"."""
NOT_AFTER_ABBREVIATION = "".join(
    rf"(?<!\b{re.escape(word)})"
    for word in ("ca.", "bzw.", "ggf.", "evtl.", "z.B.", "z. B.", "approx.", "env.", "aprox.")
)
"""No sentence ends after an abbreviation: "Halte die Dehnung ca. 20 bis 30 Sekunden"."""
SENTENCE_END = re.compile(
    rf"(?<=[.!?]){NOT_AFTER_ABBREVIATION}[\"\u201d\u2019»)]*\s+(?=[\"\u201c«(¿¡]*[A-ZÀ-ÖØ-Þ0-9])"
)
# A capitalised word that starts a new sentence where the article lost its full stop ("the thigh When").
LOST_FULL_STOP = re.compile(
    r"(?<=[a-z])\s+(?=(?:When|If|Then|Hold|Keep|Repeat|Now|Slowly|Make|Try|Stay|Once|After|Before|You)\b)"
)
FILLER = re.compile(
    r"^(let[\u2019']s (take a look|get started|begin|go|see|start)|read on|here[\u2019']s how|here is how"
    r"|key points?( of the (action|movement|exercise|stretch))?\s*:?\s*$|how to do it\s*:?\s*$"
    r"|instructions\s*:?\s*$|so geht'?s\s*:?$|comment faire\s*:?$|c[oó]mo hacerlo\s*:?$)",
    re.IGNORECASE,
)
LEADING_FILLER = re.compile(
    r"^(key points?( of the (action|movement|exercise|stretch))?|how to do it|instructions|so geht'?s"
    r"|anleitung|ausführung|comment faire|exécution|c[oó]mo hacerlo|ejecución)\s*:\s*",
    re.IGNORECASE,
)
ACTIONS = (
    "(?:bend|breathe|bring|cross|drop|extend|face|grab|hold|keep|kneel|lean|let|lie|lift|lower|place|press"
    "|pull|push|put|raise|reach|relax|repeat|rest|roll|shift|sit|slide|squeeze|stand|step|straighten"
    "|support|switch|take|tuck|turn|twist|use)"
)
"""Verbs that start an instruction: a long sentence may split before one of them."""
# Where a long instruction splits into two, best first: each pattern's match is the cut.
CLAUSE_BREAKS = [
    re.compile(r";\s+"),
    re.compile(r",?\s+and then\s+|,\s+then\s+"),
    re.compile(r",\s+and\s+"),
    re.compile(rf"(?:,|\s+and)\s+(?={ACTIONS}\b)"),
]


def sentences_of(text: str) -> tuple[list[str], list[str]]:
    """The sentences of one paragraph, filler left out; and those that seem cut off in the article
    ("and let the thigh When you feel..."), which are ended with "…" where the next one starts."""
    sentences = []
    cut_off = []
    for piece in SENTENCE_END.split(text):
        parts = LOST_FULL_STOP.split(piece)
        cut_off += parts[:-1]
        for index, part in enumerate(parts):
            part = LEADING_FILLER.sub("", part.strip(" ,;"))
            if part and not FILLER.match(part):
                sentences.append(part.rstrip(" ,;") + ("…" if index < len(parts) - 1 else ""))
    return sentences, cut_off


def instructions(sentence: str) -> list[str]:
    """One sentence -> short instructions: a long one is cut at its clause breaks, best break first."""
    if len(sentence) <= SHORT_POINT:
        return [finished(sentence)]
    for pattern in CLAUSE_BREAKS:
        parts = [part for part in pattern.split(sentence) if part.strip()]
        if len(parts) > 1:
            return [point for part in parts for point in instructions(part)]
    return [finished(sentence)]


def finished(text: str) -> str:
    """An instruction as a sheet prints it: capitalised, ending with a full stop, at most LONGEST_POINT."""
    text = capitalised(text.strip(" ,;:"))
    if len(text) > LONGEST_POINT:
        text = text[: LONGEST_POINT - 1].rsplit(" ", 1)[0] + "…"
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
