"""Figures that show what the words say: every prop a library entry's key points name is in its pose.

The key points in every library language (English, German, French, Spanish) are read for the props
they name (a step or bench, a wall, a chair, a mat, a towel), the English ones also for the contacts (a
heel or both feet on the step), and the entry's pose is checked for each one. A prop in a
clause that says "if you ..." (a wall "if you want support") or that offers an alternative ("..., or loop
a towel around the foot") is optional: the figure may show the other way.
"""

from __future__ import annotations

import re

import pytest

from handout.content.routine import library_stretches
from handout.model import Figure, Pose

PROPS = {
    "en": {
        "step": r"\b(?:on|onto|below|off) (?:a|the) (?:low )?(?:step|bench|stair)s?\b",
        "wall": r"\b(?:a|the|or) wall\b",
        "chair": r"\b(?:a|the) (?:sturdy )?chair\b",
        "mat": r"\b(?:a|the) mat\b",
        "towel": r"\b(?:a|the) (?:towel|strap|belt)\b",
    },
    "de": {
        "step": r"\b(?:stufe|bank|treppe)\b",
        "wall": r"\bwand\b",
        "chair": r"\bstuhl",
        "mat": r"\bmatte\b",
        "towel": r"\b(?:handtuch|gurt)\b",
    },
    "fr": {
        "step": r"\b(?:marche|banc)\b",
        "wall": r"\bmur\b",
        "chair": r"\bchaise\b",
        "mat": r"\btapis\b",
        "towel": r"\b(?:serviette|sangle)\b",
    },
    "es": {
        "step": r"\b(?:escalón|banco)\b",
        "wall": r"\bpared\b",
        "chair": r"\bsilla\b",
        "mat": r"\b(?:esterilla|colchoneta)\b",
        "towel": r"\b(?:toalla|cinta)\b",
    },
}
"""The props each library language's key points may name, by the words that name them."""
OPTIONAL = {
    "en": r"\bif you\b|^or ",
    "de": r"\bbei bedarf\b|\bwenn\b|^oder ",
    "fr": r"\bsi (?:besoin|vous)\b|^ou ",
    "es": r"\bsi (?:lo necesitas|quieres)\b|^o ",
}
"""A clause that makes its prop optional: "if you want support", or an alternative after a comma."""
ALTERNATIVE = {"de": r"\boder (?:ein|eine|einen)\b.*"}
"""German offers an alternative without a comma ("fassen oder ein Handtuch um den Fuß legen")."""
ONE_FOOT_ON_STEP = r"\b(?:heel|foot) on (?:a|the) (?:low )?(?:step|bench)"
BOTH_FEET_ON_STEP = r"\bstand on (?:a|the) step"
FOOT_ON_TOP = 9.0
"""A foot rests on a step when its ankle or toe is within this many centimetres above the step's top."""


def named_props(points: tuple[str, ...], lang: str = "en") -> set[str]:
    """The props the key points ask the figure to show (optional ones left out)."""
    named = set()
    for point in points:
        for clause in re.split(r"[;,]", point):
            clause = clause.strip().lower()
            if lang in ALTERNATIVE:
                clause = re.sub(ALTERNATIVE[lang], "", clause)
            if re.search(OPTIONAL[lang], clause):
                continue
            named |= {prop for prop, pattern in PROPS[lang].items() if re.search(pattern, clause)}
    return named


def shown_props(pose: Pose) -> set[str]:
    shown = {prop.kind for prop in pose.props}
    if pose.wall is not None:
        shown.add("wall")
    if pose.ground in ("mat", "mat_above"):
        shown.add("mat")
    return shown


def feet_on_step(pose: Pose) -> int:
    """How many of the figure's feet rest on a step's top."""
    joints = dict(pose.joints)
    on = 0
    for side in ("near", "far"):
        for step in (prop for prop in pose.props if prop.kind == "step"):
            foot = [joints[f"{side}_ankle"], joints[f"{side}_toe"]]
            if any(step.start <= x <= step.end and 0 <= y - step.height <= FOOT_ON_TOP for x, y in foot):
                on += 1
                break
    return on


LANGUAGES = tuple(PROPS)
ENTRIES = [
    pytest.param(stretch, lang, id=f"{lang}-{entry}")
    for lang in LANGUAGES
    for entry, stretch in library_stretches(lang)
    if isinstance(stretch.image, Figure)
]


def test_the_props_reader_reads_what_the_issue_names():
    assert named_props(("Rest one heel on a low step or bench, leg straight.",)) == {"step"}
    assert named_props(("Stand tall, side-on to a wall if you want support.",)) == set()
    assert named_props(("Hold behind the thigh, or loop a towel around the foot.",)) == set()
    assert named_props(("Loop a towel around the foot.", "Lie on a mat.")) == {"towel", "mat"}
    assert named_props(("Face a wall with your hands on it, one foot a short step behind.",)) == {"wall"}
    assert named_props(("Stand on a step; hold a rail or wall.",)) == {"step", "wall"}


def test_the_props_reader_reads_the_other_library_languages():
    assert named_props(("Eine Ferse auf eine niedrige Stufe oder Bank legen.",), "de") == {"step"}
    assert named_props(("Hinter dem Oberschenkel fassen oder ein Handtuch um den Fuß legen.",), "de") == set()
    assert named_props(("An Geländer oder Wand festhalten.", "Auf einer Matte sitzen."), "de") == {
        "wall",
        "mat",
    }
    assert named_props(("Appuyez-vous à un mur si besoin.",), "fr") == set()
    assert named_props(("Tenez la cuisse, ou passez une serviette autour du pied.",), "fr") == set()
    assert named_props(("Tenez une rampe ou un mur.", "Sur une chaise."), "fr") == {"wall", "chair"}
    assert named_props(("Apóyate en una pared si lo necesitas.",), "es") == set()
    assert named_props(("Apoya un talón en un escalón bajo.", "Pasa una toalla por el pie."), "es") == {
        "step",
        "towel",
    }
    every_word = {prop for lang in LANGUAGES[1:] for prop in PROPS[lang]}
    assert every_word == set(PROPS["en"]), "every language names every prop"


@pytest.mark.parametrize(("stretch", "lang"), ENTRIES)
def test_the_figure_has_every_prop_its_key_points_name(stretch, lang):
    assert isinstance(stretch.image, Figure)
    pose = stretch.image.pose
    missing = named_props(stretch.key_points, lang) - shown_props(pose)
    assert not missing, f"{stretch.name}: the key points name {sorted(missing)}, the figure has none"
    text = " ".join(stretch.key_points).lower()
    if re.search(BOTH_FEET_ON_STEP, text):
        assert feet_on_step(pose) == 2, f"{stretch.name}: both feet on the step"
    elif re.search(ONE_FOOT_ON_STEP, text):
        assert feet_on_step(pose) >= 1, f"{stretch.name}: a foot on the step"
