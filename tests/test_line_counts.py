"""The layout's line counts, kept per span of widths, are always the lines `wrap` makes.

The arrangement search asks for a text's height at many sizes and widths; the typesetter breaks each
text a few times and answers the rest from the spans of width it has seen (typesetting.line_count). A
wrong count would be a clipped or overlapping card, so these tests hold every answer against a fresh
`wrap`, including widths that fall exactly on a line's own width, where rounding decides.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handout.content.routine import library_stretches
from handout.content.sheet_words import ENGLISH
from handout.layout.fonts import metrics
from handout.layout.layout_file import load_layout
from handout.layout.typesetting import Typesetter

WORDS = (
    "Lean",
    "into",
    "the",
    "wall",
    "heel",
    "down",
    "Hüftbeuger-Dehnung",
    "IT-band",
    "20-30",
    "s",
    "",  # two spaces in a row
    "Oberschenkelmuskulaturdehnungsübung",  # wider than a narrow line: broken between letters
    "ふくらはぎを伸ばす",
    "小腿拉伸",
)


def fresh_typesetter() -> Typesetter:
    return Typesetter(load_layout("grid"), metrics(), ENGLISH)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=30),
    font=st.sampled_from(("regular", "bold")),
    queries=st.lists(
        st.tuples(st.floats(6, 30), st.floats(20, 500), st.integers(0, 30)), min_size=1, max_size=40
    ),
)
def test_every_count_is_the_count_wrap_gives(words: list[str], font: str, queries: list) -> None:
    text = " ".join(words)
    setter = fresh_typesetter()
    for size, width, prefix in queries:
        if prefix:  # exactly as wide as the text's first words, spaces included: the edge of a span
            width = max(1.0, setter.width(" ".join(words[:prefix]), font, size))  # type: ignore[arg-type]
        assert setter.line_counts.count(text, font, size, width) == len(
            setter.wrap(text, font, size, width)
        ), (  # type: ignore[arg-type]
            text,
            size,
            width,
        )


@pytest.mark.parametrize("lang", ["en", "de", "ja"])
def test_the_library_texts_at_the_sizes_and_widths_a_search_tries(lang: str) -> None:
    """Every key point of the library at a thousand sizes and widths; most answers come from spans."""
    setter = fresh_typesetter()
    texts = [point for _, stretch in library_stretches(lang) for point in stretch.key_points]
    breakings = 0
    original_wrap = setter.wrap

    def counted_wrap(*arguments: object) -> list[tuple[str, float]]:
        nonlocal breakings
        breakings += 1
        return original_wrap(*arguments)  # type: ignore[arg-type]

    setter.wrap = counted_wrap  # type: ignore[method-assign]
    asked = 0
    for text in texts:
        for step in range(100):
            size, width = 8 + (step % 10) * 0.25, 60 + step * 2.5
            expected = len(original_wrap(text, "regular", size, width))
            assert setter.line_counts.count(text, "regular", size, width) == expected, (text, size, width)
            asked += 1
    assert breakings < asked / 4, "the spans answer most of what the search asks"


LIBRARY = {lang: [stretch for _, stretch in library_stretches(lang)] for lang in ("en", "fr", "ja")}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    lang=st.sampled_from(sorted(LIBRARY)),
    layout_name=st.sampled_from(("grid", "list", "poster")),
    pick=st.integers(0, 10**6),
    sizes=st.lists(st.tuples(st.floats(6, 20), st.floats(60, 500)), min_size=1, max_size=20),
)
def test_a_cards_height_is_the_height_of_its_text_set(
    lang: str, layout_name: str, pick: int, sizes: list[tuple[float, float]]
) -> None:
    """The search weighs a card by the height its line counts add up to; the card it prints is set line
    by line. The two are the very same number, at every size and width, asked in any order."""
    setter = Typesetter(load_layout(layout_name), metrics(), ENGLISH)
    stretch = LIBRARY[lang][pick % len(LIBRARY[lang])]
    height = setter.card_heights(stretch, 0)
    for body, width in sizes:
        assert height(body, width) == setter.set_card_text(stretch, 0, body, width).height, (body, width)


@pytest.mark.parametrize("layout_name", ["grid", "poster"])
def test_a_cards_height_holds_over_the_widths_its_line_counts_hold(layout_name: str) -> None:
    """The search asks for a card's height at widths two points apart, beside figures of every scale it
    tries: a height found holds over the whole range of widths at which no text of the card breaks
    differently, so most widths are answered from a range, and every answer is the card as set."""
    setter = Typesetter(load_layout(layout_name), metrics(), ENGLISH)
    worked_out = 0
    original = setter.card_height_range

    def counted(*arguments: object) -> tuple[float, float, float]:
        nonlocal worked_out
        worked_out += 1
        return original(*arguments)  # type: ignore[arg-type]

    setter.card_height_range = counted  # type: ignore[method-assign]
    asked = 0
    for card, stretch in enumerate(LIBRARY["en"]):
        height = setter.card_heights(stretch, card)
        for body in (8.0, 10.5, 16.0):
            for width in range(400, 120, -2):
                expected = setter.set_card_text(stretch, card, body, width).height
                assert height(body, width) == expected, (stretch.name, body, width)
                asked += 1
    assert worked_out < asked / 4, (worked_out, asked)
