"""The real pages (tests/data/real_pages/) with what a careful reader finds in them, and how an import
is scored against that: stretches found, their muscles, holds, figures and the title.

The held-out part (`held_out = true`) is pages whose truth was written before the importer read them,
scored once at the end. A held-out part that has been looked at is no longer blind and joins the
development part: the first (en-pinoy, de-vitalheld, fr-belbaronn, fr-decathlon, es-ideal, it-starbene,
pt-omaringa5) since issue 25-b, the second (the eight pages from en-greatrun to fr-wanarun) since issue
25-d; the pages that part's importer does not yet read right are tests/test_import_real.py's
NOT_YET_READ. The third (issue 25-c, fr-rtbf of it kept) is development too, the fourth (seven pages
gathered for issue 25-d, from en-stryk to es-runacademy) since issue 25-e, and the fifth (eight pages in
seven languages gathered for issue 25-e, from en-clinichealth to it-sportplus) since issue 25-f, the sixth
(eight pages in five languages gathered for issue 25-f, from en-justrunlah to pt-todaperfeita) since issue
25-g, the seventh (seven pages in five languages gathered for issue 25-g) since issue 25-h, the
eighth (six pages in five languages gathered for issue 25-h) since issue 25-i and the ninth (ten pages in
five languages gathered for issue 25-j, from en-pdx to it-trieste) since issue 25-j. The tenth (ten pages
in six languages gathered for issue 25-k, from en-christinabohane to pt-nutritienda) is development since
issue 25-k. No part is held out now: the next session gathers a fresh one.

A found stretch is the expected one whose name is most like it once case, accents, numbers and
punctuation are put aside (rapidfuzz's token-set ratio, at least 85; between equals the plain ratio,
then the page's order); one named only "Stretch", which the importer found no name for, is none of
them. A target is right when it names the expected muscles (read back from the target it wrote, or from
the library entry's when it wrote none: the lexicon's own labels as their muscle, then the lexicon's
names); a hold is right when its time is the page's ("20-30 s"; the
side and the sets are not scored); a figure is right when it is the expected library entry, wrong when
it is another one, counted apart for the sure figures and the likely ones (those the file asks the coach
to check).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rapidfuzz import fuzz

from handout.content.importers import Imported, import_article
from handout.content.importers.article import NAMELESS
from handout.content.importers.target_labels import LABELS
from handout.content.importers.targets import MUSCLES, NAME_ONLY, muscles_in
from handout.content.importers.writer import PLACEHOLDER_TITLE
from handout.content.library import entry_names, library, normalized_name, stretch_fields
from handout.errors import HandoutError

DATA = Path(__file__).resolve().parent / "data"
PAGES = DATA / "real_pages"
NAME_MATCH = 85


@dataclass(frozen=True)
class Page:
    key: str
    url: str
    lang: str
    title: str | None
    stretches: list[tuple[str, list[str], str, str]]
    held_out: bool
    text: str


def real_pages(held_out: bool | None = None) -> list[Page]:
    """The pages of the set (only the held-out ones, or only the others, when `held_out` says so)."""
    truth = tomllib.loads((DATA / "real_pages.toml").read_text(encoding="utf-8"))
    pages = [
        Page(
            key,
            entry["url"],
            entry["lang"],
            entry.get("title"),
            [tuple(stretch) for stretch in entry["stretches"]],  # type: ignore[misc]
            entry.get("held_out", False),
            (PAGES / f"{key}.txt").read_text(encoding="utf-8"),
        )
        for key, entry in truth.items()
    ]
    return [page for page in pages if held_out is None or page.held_out == held_out]


@dataclass
class Score:
    """One page's import against the truth; `misses` says what went wrong, for `-v`."""

    page: Page
    imported: Imported | None
    found: int = 0
    matched: int = 0
    targets_right: int = 0
    holds_given: int = 0
    holds_right: int = 0
    holds_extra: int = 0
    with_figure: int = 0
    figures_right: int = 0
    figures_sure: int = 0
    sure_wrong: int = 0
    likely_wrong: int = 0
    title_right: bool = False
    misses: list[str] = field(default_factory=list)

    @property
    def count_right(self) -> bool:
        return self.found == len(self.page.stretches) == self.matched


def score_page(page: Page) -> Score:
    try:
        imported = import_article(page.text, f"{page.key}.txt")
    except HandoutError as error:
        return Score(page, None, misses=[f"refused: {error}"])
    score = Score(page, imported, found=len(imported.stretches))
    expected = list(page.stretches)
    for draft in imported.stretches:
        index = best_match(draft.name, [want[0] for want in expected], draft.use)
        if index is None:
            score.misses.append(f"spurious stretch {draft.name!r}")
            continue
        name, muscles, hold, use = expected.pop(index)
        score.matched += 1
        target = draft.target or (str(stretch_fields(draft.use)["target"]) if draft.use else "")
        got = sorted(muscle_keys(target))
        if got == sorted(muscles):
            score.targets_right += 1
        else:
            score.misses.append(f"{name!r}: target {target!r}, expected {muscles}")
        if hold:
            score.holds_given += 1
            if draft.hold and duration(draft.hold) == duration(hold):
                score.holds_right += 1
            else:
                score.misses.append(f"{name!r}: hold {draft.hold!r}, expected {hold!r}")
        elif draft.hold:
            score.holds_extra += 1
            score.misses.append(f"{name!r}: hold {draft.hold!r}, the page gives none")
        if draft.use:
            score.with_figure += 1
            score.figures_sure += draft.likely is None
            if draft.use == use:
                score.figures_right += 1
            else:
                score.sure_wrong += draft.likely is None
                score.likely_wrong += draft.likely is not None
                how = "likely" if draft.likely else "sure"
                score.misses.append(f"{name!r}: {how} figure {draft.use!r}, expected {use or 'none'!r}")
        elif use:
            score.misses.append(f"{name!r}: no figure, expected {use!r}")
    score.misses += [f"missed stretch {want[0]!r}" for want in expected]
    title = re.search(r'^title = "(.*)"', imported.toml, re.MULTILINE)
    written = title[1] if title and title[1] != PLACEHOLDER_TITLE else None
    score.title_right = written == page.title
    if not score.title_right:
        score.misses.append(f"title {written!r}, expected {page.title!r}")
    return score


def best_match(found: str, names: list[str], use: str | None = None) -> int | None:
    """The index of the expected name most like `found` (the first of equals), None when none is like
    it: "Groin and Hamstring stretch" is that name on the page, not "Standing Hamstring stretch" before
    it, though both share the words of "Hamstring stretch". A stretch the importer named after the
    library entry it is linked to ("Wadendehnung an der Wand") is also that entry's English name ("Wall
    calf stretch"), as the truth names a stretch the page leaves unnamed (issue 25-k)."""
    if NAMELESS.match(found):
        return None  # "Stretch": a stretch the importer found no name for names none of the page's
    founds = [bare(found)]
    if use and normalized_name(found) in {normalized_name(name) for name in entry_names(use)}:
        founds.append(bare(str(library()[use]["name"])))
    if not founds[0]:
        return None
    ratios = [
        max((fuzz.token_set_ratio(one, bare(name)), fuzz.ratio(one, bare(name))) for one in founds)
        for name in names
    ]
    best = max(range(len(names)), key=lambda index: ratios[index], default=None)
    return best if best is not None and ratios[best][0] >= NAME_MATCH else None


@cache
def labels() -> list[tuple[str, str]]:
    """Every muscle's printed names in every sheet language, longest first, with the muscle's key."""
    found = {label: entry.key for entry in MUSCLES for label in entry.labels.values()}
    found |= {label: key for table in LABELS.values() for key, label in table.items()}
    return sorted(found.items(), key=lambda item: -len(item[0]))


def muscle_keys(target: str) -> list[str]:
    """The muscles a target names: the lexicon's own labels as their muscle ("Soleus (lower calf)" is the
    soleus, not the calves too), then the lexicon's names in what is left."""
    keys = []
    for label, key in labels():
        if label.casefold() in target.casefold():
            target = re.sub(re.escape(label), " ", target, flags=re.IGNORECASE)
            keys.append(key)
    keys += [muscle.key for muscle in muscles_in(target, NAME_ONLY) if muscle.key not in keys]
    return list(dict.fromkeys(keys))


def bare(name: str) -> str:
    return re.sub(r"^\d+\s*", "", normalized_name(name))


def duration(hold: str) -> str:
    """ "3 x 20-30 s each side" (with the sheet's dashes and times sign) -> "20-30 s": the time alone."""
    found = re.search(r"(\d+)(?:\s*[\u2013-]\s*(\d+))?\s*(s|min)\b", hold.split("\u00d7")[-1])
    return (
        f"{found[1]}-{found[2]} {found[3]}"
        if found and found[2]
        else f"{found[1]} {found[3]}"
        if found
        else ""
    )
