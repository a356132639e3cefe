"""The shapes of the eighth held-out set of real pages (issue 25-h), one test each, each with its own
made-up text: a sure figure only in the position a stretch's text names first (a later one is the next
stretch run on into it), the German and French ways of saying a hold, and the muscles of a runner's
shins and lateral chain."""

from __future__ import annotations

import tomllib

from handout.content.importers import import_article
from handout.content.importers.linking import Confidence, link_stretch


def routine(article: str) -> dict:
    return tomllib.loads(import_article(article, "article.txt").toml)


def test_a_stretch_run_on_into_another_in_a_later_position_gives_it_no_sure_figure():
    """A lying stretch whose text runs on into a seated twist ("Lie on your back ... Now sit up ...
    twist") is not shown as the seated twist for sure: the position a text names first is the
    stretch's, and a sure figure must never show a different stretch."""
    twist = "Sit on the floor with both legs long. Turn your upper body to the left, twisting from the waist."
    text = f"Lie on the floor. Hold one leg behind the thigh. {twist}"
    link = link_stretch("Hip stretch", text, ["glutes"])
    assert link is None or link.confidence is not Confidence.SURE
    sure = link_stretch("Hip stretch", twist, ["glutes"])
    assert sure is not None and sure.entry == "seated-twist"
