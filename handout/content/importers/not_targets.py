"""The words around a body part that make it no muscle stretched: where a limb, the trunk or the hands
go ("knee to chest", "Richtung Gesäß", "Hände oberhalb der Sprunggelenke"), what a hand holds ("pull your
foot upward"), the glutes a heel is brought to, a muscle tensed ("squeeze your glutes") and body parts put
together ("Fußsohlen aneinanderlegen"). targets.py's muscles_in leaves these out.
"""

from __future__ import annotations

import re

DESTINATION = re.compile(
    r"\b(?:to|towards?|across|over|behind|against|into|onto|on|zur|zum|zu|an|auf|gegen|vers|contre|sur|al|hacia"
    r"|sobre|contra|a)\s+(?:the\s+|your\s+|die\s+|den\s+|der\s+|la\s+|le\s+|les\s+|tu\s+|el\s+|los\s+|las\s+)?$",
    re.IGNORECASE,
)
"""Words before a body part that make it where a limb goes ("knee to chest"), not the muscle stretched."""
HANDLE = re.compile(
    r"\b(?:pull|grab|hold|take|catch|clasp|grasp|fass\w*|greif\w*|umfass\w*|attrap\w*|saisi\w*|agarr\w*"
    r"|sujet\w*|coge|afferr\w*|prendi|segur\w*|pux\w*)\s+(?:(?:the|your|one|die|den|das|deine[nm]?|votre|vos"
    r"|le|la|les|tu|tus|el|il|lo|o|a|seu|sua)\s+)?(?:(?:left|right|other|linke[nr]?|rechte[nr]?|gauche|droite?"
    r"|izquierd[oa]|derech[oa]|sinistr[oa]|destr[oa])\s+)?$",
    re.IGNORECASE,
)
"""Words before a body part that make it what a hand holds ("pull your foot upward"), not the muscle."""
HEEL_TO = re.compile(
    r"\b(?:heel|foot|ferse|fuß|talon|pied|talón|pie|tallone|piede|piedi|calcanhar|pé|hiel|voet)\b[^.;:!?]{0,40}?"
    r"\b(?:to(?:wards?)?|touch(?:es|ing)?|ans?|zum|vers|contre|al|hacia|a\s+tocar|al|verso|a\s+contatto\s+(?:dei|del|con)"
    r"|em\s+direção\s+a[os]?|(?:mais\s+)?próximo\s+(?:aos?|às?|a)|naar|tegen)\s+(?:(?:the|your|the|dem|den|das|la|le|les|votre|vos|el|los|tu|tus|il|i|os|as"
    r"|je)\s+)?$",
    re.IGNORECASE,
)
"""A heel or foot brought to the glutes ("porta il piede a contatto dei glutei", "lo llevamos al glúteo"):
the glutes are where it goes, also when named by a muscle's own word (a quadriceps stretch)."""
CONTRACTED = re.compile(
    r"\b(?:squeez\w*|tighten\w*|contract\w*|clench\w*|anspann\w*|serr(?:ez|ant|er)|contray\w*|apret\w*"
    r"|stringe\w*|contra(?:i|endo|ete)|apert(?:e|ando))\s+(?:(?:the|your|les|vos|los|tus|el|la|il|i|gli|le|den|die"
    r"|das|deine[nm]?|o|os|a|as|seu|seus)\s+)?(?:muscles?\s+|muscoli\s+|músculos\s+|muskeln\s+)?$",
    re.IGNORECASE,
)
"""Words before a muscle that make it one tensed, not stretched ("apretando el glúteo", "squeeze your
glutes" in a hip flexor stretch)."""
TOWARD = re.compile(r"\b(?:in\s+)?richtung\s+(?:de[nmrs]\s+|ihre[nms]?\s+|deine[nms]?\s+)?$", re.IGNORECASE)
"""German "Richtung" before a body part makes it where a limb or the trunk goes ("Oberkörper ... Richtung
vorderen Oberschenkel bewegen", "Ferse ... Richtung Gesäß führen"), also when named by a muscle's own word."""
PUT_TOGETHER = re.compile(
    r"\W*(?:\w+\s+){0,1}(?:aneinander\w*|together|zusammen\w*|jointe?s?|juntas?|juntos|unit[ei]|unid[ao]s)\b",
    re.IGNORECASE,
)
"""Words after a body part that make it one put against the other ("Fußsohlen aneinanderlegen", "soles
together"), not the muscle stretched."""
HANDS_AT = re.compile(
    r"\b(?:hände|hands|mains|manos|mani|mãos)\s+(?:\w+\s+){0,2}(?:oberhalb|unterhalb|above|below|au-dessus|sous"
    r"|encima|debajo|sopra|sotto|acima|abaixo)\s+(?:de[nmrs]?\s+|the\s+|your\s+|des?\s+|du\s+|la\s+|vos\s+"
    r"|tus\s+|los\s+|las\s+|del\s+|dei\s+|delle\s+|degli\s+|das?\s+|dos\s+)?$",
    re.IGNORECASE,
)
"""Words before a body part that make it where the hands are put ("Hände oberhalb der Sprunggelenke")."""
MOBILITY_OF = re.compile(
    r"\b(?:mobility|range\s+of\s+motion|movement|beweglichkeit|mobilität|mobilité|amplitude|movilidad"
    r"|mobilità|mobilidade|mobiliteit|flexão(?:\s+anterior)?|flexión|flessione)\s+(?:of\s+|in\s+)?(?:the\s+|your\s+|der\s+|des\s+|de\s+(?:la\s+|l['’]\s*)?"
    r"|du\s+|del\s+|de\s+los\s+|dell['’]\s*|della\s+|delle\s+|dei\s+|do\s+|da\s+|dos\s+|van\s+(?:de\s+|je\s+)?)?$",
    re.IGNORECASE,
)
"""Words before a joint that make it one whose mobility a stretch improves ("migliora la mobilità
dell'anca" in a hamstring stretch's benefits), not the muscle stretched."""
