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

from handout.content.importers.link_words import FEATURES, FOREIGN, POSTURES
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


ALTERNATIVE = re.compile(r"^\s+(?:or|oder|ou|o|oppure|of)\s+(?:\w+\s+){0,4}$")
"""Words between two things a text offers as a choice: "a wall or drop your heel off a step"."""
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
    "forward-fold": ("standing", {"forward fold"}),
    "standing-hip-flexor": ("standing", {"lunge", "split stance"}),
}
"""Each entry's body position and what its description shows that the others' do not."""
GENERAL = frozenset({"forward fold", "split stance"})
"""What many stretches do on the way (bend forward from the hips, step one foot forward): it tells for
the entry whose signature it is and never against another; an entry told only by these is never sure,
and is taken only when nothing of another stretch is said (its conflicts count double)."""
ONLY_POSTURE = frozenset({"forward-fold", "standing-hip-flexor"})
"""Entries never taken when the text names another position too: a bend forward or a step forward from
standing opens many seated, kneeling and lying stretches ("From standing, lower the back knee ...")."""
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
    "soleus": "soleus-wall",
}
"""The stretch a running sheet usually means by "a calf stretch": taken, as likely, when the article
names the muscle and describes nothing that says otherwise."""
FAMILIES = {
    "back": {"back", "lower-back", "upper-back", "lats"},
    "hips": {"hips", "hip-flexors", "glutes", "piriformis", "adductors", "it-band"},
}
"""A muscle named vaguely ("the back", "hip") stands for the more precise ones of the library's targets."""
SURE_MARGIN = 2


def usual_variant(tied: list[str]) -> str | None:
    """Of stretches a text fits alike that stretch the same muscles ("grab foot with hand": the standing
    and the side-lying quad stretch), with no position or muscle said, the usual one of that muscle."""
    muscles = {entry_muscles().get(entry_id, frozenset()) for entry_id in tied}
    if len(muscles) != 1:
        return None
    return next((USUAL[key] for key in sorted(next(iter(muscles))) if USUAL.get(key) in tied), None)


@cache
def entry_muscles() -> dict[str, frozenset[str]]:
    """Each entry's muscles, read from its target with the importer's lexicon."""
    return {
        entry_id: frozenset(muscle.key for muscle in muscles_in(str(entry["target"]), NAME_ONLY))
        for entry_id, entry in library().items()
    }


def described(text: str) -> tuple[list[str], set[str]]:
    """The body positions a stretch's text names, in the order it names them (the first is the
    stretch's, a later one often a variant: "siéntate ... También se puede realizar de pie"), and the
    features it names."""
    plain = normalized_name(text)
    found = {name: match.start() for name, pattern in POSTURES.items() if (match := pattern.search(plain))}
    if found.keys() & {"side", "prone"}:
        found.pop("lying", None)  # "lie on your side" is not lying on the back
    features = {name for name, pattern in FEATURES.items() if pattern.search(plain)}
    return sorted(found, key=found.__getitem__), features


def foreign(plain: str, muscles: list[str]) -> bool:
    """Whether the text (normalized_name's) describes a stretch of these muscles that the library has no
    figure of."""
    return any(
        pattern.search(plain) and (not only or only & set(muscles[:1])) for pattern, only in FOREIGN.values()
    )


def offered_together(plain: str) -> set[frozenset[str]]:
    """The pairs of features the text (normalized_name's) offers as a choice ("Lean against a wall or drop
    your heel off a step"): one of them is then no longer only something to hold on to for a stretch of
    the other."""
    spans = [
        (match.start(), match.end(), name)
        for name, pattern in FEATURES.items()
        for match in pattern.finditer(plain)
    ]
    return {
        frozenset({name, other})
        for start, end, name in spans
        for other_start, _, other in spans
        if other != name and other_start > end and ALTERNATIVE.match(plain[end:other_start])
    }


@cache
def others_features(entry_id: str) -> frozenset[str]:
    """The features the other entries' figures show (GENERAL ones aside: they say no other stretch)."""
    return frozenset().union(*(SIGNATURES[other][1] for other in SIGNATURES if other != entry_id)) - GENERAL


def shown_by_others(entry_id: str) -> frozenset[str]:
    """The features only other entries show: a text naming one of them describes another stretch."""
    return others_features(entry_id) - SIGNATURES[entry_id][1] - SUPPORTS.get(entry_id, set())


def link_stretch(name: str, text: str, muscles: list[str]) -> Link | None:
    """The entry whose figure shows the stretch named `name`, described by `text`, for `muscles` (the
    lexicon's keys, most certain first); None when no entry fits well enough."""
    whole = f"{name}. {text}"
    postures, features = described(whole)
    known = entry_muscles()
    wanted = set().union(*(FAMILIES.get(muscle, {muscle}) for muscle in muscles))
    candidates = [
        entry_id
        for entry_id, (posture, _) in SIGNATURES.items()
        if (not wanted or wanted & known.get(entry_id, frozenset()))
        and (not postures or posture in postures)
        and (entry_id not in ONLY_POSTURE or set(postures) <= {posture})
    ]
    by_name = find_entry(name)
    if by_name in candidates and not (features - described(name)[1]) & shown_by_others(by_name):
        return Link(by_name, Confidence.SURE, "its name")  # the name's, and the text says no other
    plain = normalized_name(whole)
    if foreign(plain, muscles):
        return None
    together = offered_together(plain)
    usual = USUAL.get(muscles[0]) if muscles else None
    scores = {}
    for entry_id in candidates:
        posture, own = SIGNATURES[entry_id]
        # What the text shows of any other stretch, of this muscle or not, counts against this one.
        others = others_features(entry_id)
        hits = own & features
        excused = {
            support
            for support in SUPPORTS.get(entry_id, set())
            if not any(frozenset({support, feature}) in together for feature in own)
        }
        conflicts = (features & others) - own - excused
        told = [*sorted(hits), *([posture] if posture in postures else [])]
        weight = 2 if hits and hits <= GENERAL else 1
        score = 2 * len(hits) - weight * len(conflicts) + (posture in postures)
        scores[entry_id] = (score, told, conflicts, hits)
    # Best first; between equals, the one in the position named first, then the usual stretch.
    first = postures[0] if postures else None
    ranked = sorted(
        scores,
        key=lambda entry_id: (-scores[entry_id][0], SIGNATURES[entry_id][0] != first, entry_id != usual),
    )
    if not ranked:
        return None
    best = ranked[0]
    score, told, conflicts, hits = scores[best]
    runner_up = scores[ranked[1]][0] if len(ranked) > 1 else -99
    if told and score > 0:
        words = ", ".join(told)
        posture = SIGNATURES[best][0]
        # Sure only in the position the text names first: a later one is a variant or the next
        # stretch run on into this one's text ("Lie on the floor ... Sit on the floor ... twisting").
        sure = hits and not conflicts and posture == first and not hits <= GENERAL
        if muscles and sure and score - runner_up >= SURE_MARGIN:
            return Link(best, Confidence.SURE, f"the article describes it: {words}")
        if score > runner_up or best == usual:
            return Link(best, Confidence.LIKELY, f"the article's description fits it best ({words})")
        if not hits and SIGNATURES[best][0] == first and SIGNATURES[ranked[1]][0] != first:
            # Only the position tells them apart: the one the article names first is the stretch's.
            return Link(best, Confidence.LIKELY, f"the position the article names first ({words})")
        if not muscles and (variant := usual_variant([e for e in ranked if scores[e][0] == score])):
            return Link(variant, Confidence.LIKELY, f"the usual of the stretches it fits ({words})")
        return None
    if usual in candidates and not any(scores[entry_id][3] for entry_id in candidates):
        return Link(
            usual,
            Confidence.LIKELY,
            f"the usual {muscles[0]} stretch; the article describes no other stretch of it",
        )
    return None
