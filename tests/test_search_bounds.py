"""The arrangement search gives up on a fit as soon as its figures cannot get their share: the same sheets
as weighing every fit to the end, for a fraction of the work."""

from __future__ import annotations

import pytest
from test_capacity import routine_of, wordiest

from handout.layout import composition, weighing
from handout.layout.arrangement import Grid
from handout.layout.layout_file import load_layout
from handout.layout.paper import oriented, paper_named
from handout.pipeline import make_page

CASES = [
    (name, paper, orientation, count)
    for name in ("grid", "list", "poster", "two-up")
    for paper, orientation in (("a4", "portrait"), ("letter", "landscape"))
    for count in (1, 3, 6, 8)
    if count <= load_layout(name).max_stretches
]


def laid_out(name: str, paper: str, orientation: str, count: int):
    composition.LAID_OUT.clear()
    routine = routine_of(wordiest(name)[:count])
    return make_page(routine, load_layout(name), oriented(paper_named(paper), orientation), {})


def card_sets(monkeypatch, name: str, paper: str, orientation: str, count: int, bound: bool):
    """The page, and how many card sets (an arrangement at a size and scale) the search weighed for it."""
    calls = 0
    cards = Grid.cards

    def counted(self, *arguments):
        nonlocal calls
        calls += 1
        return cards(self, *arguments)

    with monkeypatch.context() as patch:
        patch.setattr(Grid, "cards", counted)
        if not bound:
            patch.setattr(composition, "could_meet", lambda *arguments: True)
        page = laid_out(name, paper, orientation, count)
    return page, calls


@pytest.mark.parametrize(("name", "paper", "orientation", "count"), CASES)
def test_giving_up_early_changes_no_sheet(monkeypatch, name, paper, orientation, count):
    """The same page with the bound as weighing every fit to the end, never with more work."""
    quick, quick_calls = card_sets(monkeypatch, name, paper, orientation, count, bound=True)
    thorough, calls = card_sets(monkeypatch, name, paper, orientation, count, bound=False)
    assert quick == thorough
    assert quick_calls <= calls


def test_the_bound_spares_a_quarter_of_the_work_for_eight_stretches(monkeypatch):
    _, quick_calls = card_sets(monkeypatch, "grid", "a4", "portrait", 8, bound=True)
    _, calls = card_sets(monkeypatch, "grid", "a4", "portrait", 8, bound=False)
    assert quick_calls < 0.75 * calls, (quick_calls, calls)


def test_the_bound_never_rules_out_a_fit_that_is_met(monkeypatch):
    """Every met fit the search weighs to the end, bounded at its own scale with its own cards, could
    meet: the bound is never below the share it bounds."""
    find_fit = composition._Composer.find_fit
    checked = 0

    def checking(self, order, body, give_up):
        nonlocal checked
        fit = find_fit(self, order, body, give_up=False)
        if isinstance(fit, weighing.Fit) and fit.met and fit.scale is not None:
            assert weighing.could_meet(fit.grid, fit.cards, fit.scale, self.figure_sizes, self.layout)
            checked += 1
        return fit

    monkeypatch.setattr(composition._Composer, "find_fit", checking)
    for name, paper, orientation, count in CASES[::3]:
        laid_out(name, paper, orientation, count)
    assert checked > 50


def test_a_fit_that_meets_its_share_outranks_every_one_that_misses_it() -> None:
    """When no arrangement meets its share at the smallest size, every arrangement is weighed at every
    whole point size, and one of those may meet it after all (a short routine's larger text filling its
    cards): that one is printed, however large the text or figures of one that only comes close."""
    met = weighing.Fit(0, 9.0, None, None, [], 1.0, 0.2, True, 1.0, 0.0, 1.0)  # type: ignore[arg-type]
    close = met._replace(order=1, body=12.0, met=False, closeness=0.99, size=2.0, empty=-1.0)
    assert max([close, met], key=weighing.Fit.rank) is met
    assert max([met, close], key=weighing.Fit.rank) is met
