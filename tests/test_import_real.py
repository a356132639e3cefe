"""Real public pages imported as they were stored (tests/data/real_pages/, tests/real_pages.py): the
development part finds what a careful reader finds. The held-out part is scored only by
tests/benchmarks/bench_import.py --held-out, never here, so that it stays a fair measure (the first
held-out part, looked at once, is development now: tests/real_pages.py)."""

from __future__ import annotations

import pytest
from real_pages import real_pages, score_page

PAGES = {page.key: page for page in real_pages(held_out=False)}


def test_the_set_is_real_pages_in_seven_languages_with_a_held_out_part():
    every = real_pages()
    assert len(every) >= 20
    assert {page.lang for page in every} >= {"en", "de", "fr", "es", "it", "pt"}
    assert all(page.url.startswith(("http://", "https://")) for page in every)
    held_out = [page for page in every if page.held_out]
    assert 5 <= len(held_out) < len(every) / 2


@pytest.mark.parametrize("key", PAGES)
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
