"""Real public pages imported as they were stored (tests/data/real_pages/, tests/real_pages.py): the
development part finds what a careful reader finds. A held-out part is scored only by
tests/benchmarks/bench_import.py --held-out, never here, so that it stays a fair measure (a held-out
part, once looked at, is development: tests/real_pages.py; none is held out now, the eleventh development
since issue 25-l). NOT_YET_READ are the
development pages the importer does not yet read right, each a strict expected failure: one that starts
passing says so."""

from __future__ import annotations

import pytest
from real_pages import best_match, muscle_keys, real_pages, score_page

PAGES = {page.key: page for page in real_pages(held_out=False)}
NOT_YET_READ: set[str] = {
    "it-bosch",
    "en-bekee",
    "de-abendzeitung",
    "fr-parissportifs",
    "it-ilfitness",
    "it-trieste",
    "en-christinabohane",
    "en-sportsfitness",
    "es-ruidose",
    "it-velvetbody",
    "de-nostretch",
    "es-vikika",
    "pt-diariodonordeste",
}
"""Development pages still read wrong (those of the second held-out part, after its one blind look, were
es-movidasana, it-gazzetta, en-stayfit and pt-sportlife: all four are read right since issue 25-d; the
fourth part's seven pages are all read right since issue 25-e, the fifth part's eight since issue 25-f, the
sixth part's eight since issue 25-g, the seventh part's seven since issue 25-h). Of the eighth part's six,
it-bosch, whose last two stretches are bullets with no name of their own after a paragraph turning to the
back. Of the ninth part's ten (issue 25-j), after its one look: en-bekee, whose five stretches are bare lines
of steps; de-abendzeitung, whose four run in prose, two in one paragraph; fr-parissportifs, whose calf
stretch is under a heading naming it and the quadriceps over a paragraph of other matters; it-ilfitness and
it-trieste, read as stretches now, whose names are the library's, not those written for them here. Of the
tenth part's ten (issue 25-k), after its one look, all but es-assegur; de-sparkasse,
en-stretchingworkout, fr-fitmetrics, pt-nutritienda and it-runnersworld are read right since. Of the
eleventh part's eight (issue 25-l), after its one look: de-nostretch (read as its two stretches
now, the seated hamstring one, with no target, "Stretch"), fr-pressreader, es-vikika (read
as its stretches now, but its title) and pt-diariodonordeste (read as its three stretches now, the
hamstring one, which no figure shows, "Stretch"); en-goodhealthtalk, it-buddyfit and
fr-pressreader are read right since."""


def test_the_set_is_real_pages_in_seven_languages_and_none_is_held_out_now():
    """No part is held out now (the tenth is development since issue 25-k; the next session gathers a
    fresh one): a held-out part, when there is one again, is fewer than half the pages and at least 5."""
    every = real_pages()
    assert len(every) >= 20
    assert {page.lang for page in every} >= {"en", "de", "fr", "es", "it", "pt"}
    assert all(page.url.startswith(("http://", "https://")) for page in every)
    held_out = [page for page in every if page.held_out]
    assert not held_out or 5 <= len(held_out) < len(every) / 2, "a held-out part is at least 5 pages"
    assert PAGES.keys() >= NOT_YET_READ


@pytest.mark.parametrize(
    "key",
    [
        pytest.param(key, marks=pytest.mark.xfail(strict=True, reason="not yet read right"))
        if key in NOT_YET_READ
        else key
        for key in PAGES
    ],
)
def test_a_real_page_imports_to_what_a_reader_finds_in_it(key):
    score = score_page(PAGES[key])
    assert score.count_right, score.misses
    assert score.holds_right == score.holds_given, score.misses
    assert score.holds_extra == 0, score.misses
    assert score.title_right, score.misses
    assert score.sure_wrong == 0, score.misses


def test_the_real_pages_targets_and_figures_meet_the_goals():
    scores = [score_page(page) for page in PAGES.values()]
    matched = sum(score.matched for score in scores)
    assert sum(score.targets_right for score in scores) >= 0.9 * matched
    assert sum(score.with_figure for score in scores) >= 0.75 * sum(score.found for score in scores)


def test_a_found_stretch_is_scored_against_the_page_name_most_like_it():
    """ "Groin and Hamstring stretch" shares the words of "Hamstring stretch" with "Standing Hamstring
    stretch" before it on the page, and is the page's own name (the scorer took the first before)."""
    names = ["Standing Hamstring stretch", "Groin and Hamstring stretch"]
    assert best_match("Groin and Hamstring stretch", names) == 1
    assert best_match("Standing hamstring stretch", names) == 0
    assert best_match("Calf Stretch", ["Calf Stretch (Wall or Step)", "Quad Stretch"]) == 0
    assert best_match("Shoulder stretch", names) is None
    assert best_match("Stretch", names) is None  # a stretch the importer found no name for (issue 25-j)


def test_a_target_is_read_back_with_the_lexicons_own_labels():
    """ "Soleus (lower calf)" is the soleus alone, though "calf" is in it; "Ischiocrurali (parte posteriore
    della coscia)" the hamstrings alone."""
    assert muscle_keys("Soleus (lower calf)") == ["soleus"]
    assert muscle_keys("Ischiocrurali (parte posteriore della coscia)") == ["hamstrings"]
    assert muscle_keys("Waden und Schollenmuskel (untere Wade)") == ["soleus", "calves"]
