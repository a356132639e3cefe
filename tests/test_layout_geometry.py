"""Geometry: the layout's boxes for the grid layout on A4 and letter, no PDF involved."""

from __future__ import annotations

import dataclasses
import itertools
import re
from pathlib import Path

import pytest
from conftest import MIN_MARGIN, PAPER_SIZES, reading_order, realistic

from handout.errors import HandoutError
from handout.layout.composition import BODY_TOLERANCE, SIZE_STEP, lay_out
from handout.layout.fonts import metrics
from handout.layout.layout_file import load_layout
from handout.layout.paper import paper_named
from handout.model import FrameBox, ImageBox, Page, Photo, Rect, Routine, Stretch, TextBox

COUNTS = range(1, 9)
PAPERS = ("a4", "letter")


def trimmed(count: int) -> dict:
    """The realistic routine with `count` stretches, as a dict.

    Seven or eight realistic stretches only fit with fewer key points each, so larger routines are trimmed.
    """
    data = realistic(count)
    keep = 2 if count >= 7 else 3 if count >= 5 else 8
    for stretch in data["stretches"]:
        stretch["key_points"] = stretch["key_points"][:keep]
    return data


def routine_from(data: dict, *, images: bool = False) -> Routine:
    """A Routine from a routine dict; with `images`, each stretch has a photo (the layout never opens it)."""
    return Routine(
        title=data["title"],
        subtitle=data.get("subtitle"),
        stretches=tuple(
            Stretch(
                name=raw["name"],
                target=raw["target"],
                key_points=tuple(raw["key_points"]),
                hold=raw.get("hold"),
                image=Photo(Path(f"photo-{index}.jpg"), owner=f"test.toml: stretch {index + 1}")
                if images
                else None,
            )
            for index, raw in enumerate(data["stretches"])
        ),
        name="test",
    )


def make_routine(count: int, *, images: bool = False) -> Routine:
    return routine_from(trimmed(count), images=images)


def page_for(routine: Routine, paper: str = "a4", layout_name: str = "grid") -> Page:
    return lay_out(routine, load_layout(layout_name), paper_named(paper), metrics())


def text_boxes(page: Page) -> list[TextBox]:
    return [box for box in page.boxes if isinstance(box, TextBox)]


CASES = [
    pytest.param(paper, count, images, id=f"{paper}-{count}-{'images' if images else 'text'}")
    for paper in PAPERS
    for count in COUNTS
    for images in (False, True)
]


@pytest.fixture(scope="module")
def grid():
    return load_layout("grid")


@pytest.mark.parametrize(("paper", "count", "images"), CASES)
def test_page_has_the_exact_paper_size(paper, count, images):
    page = page_for(make_routine(count, images=images), paper)
    width, height = PAPER_SIZES[paper]
    assert page.width == pytest.approx(width, abs=0.01)
    assert page.height == pytest.approx(height, abs=0.01)


@pytest.mark.parametrize(("paper", "count", "images"), CASES)
def test_every_box_is_inside_the_margins(paper, count, images, grid):
    page = page_for(make_routine(count, images=images), paper)
    assert grid.margin >= MIN_MARGIN - 0.01
    content = Rect(grid.margin, grid.margin, page.width - 2 * grid.margin, page.height - 2 * grid.margin)
    for box in page.boxes:
        assert content.contains(box.rect), box


@pytest.mark.parametrize(("paper", "count", "images"), CASES)
def test_one_frame_per_stretch_and_its_text_and_image_inside_it(paper, count, images):
    page = page_for(make_routine(count, images=images), paper)
    frames = {box.card: box for box in page.boxes if isinstance(box, FrameBox)}
    assert sorted(frames) == list(range(count))
    card_boxes = [box for box in page.boxes if not isinstance(box, FrameBox) and box.card is not None]
    for box in card_boxes:
        assert frames[box.card].rect.contains(box.rect), box
    image_cards = sorted(box.card for box in page.boxes if isinstance(box, ImageBox))
    assert image_cards == (list(range(count)) if images else [])
    for box in page.boxes:
        if isinstance(box, ImageBox):
            assert box.rect.width > 20 and box.rect.height > 20, box


@pytest.mark.parametrize(("paper", "count", "images"), CASES)
def test_cards_do_not_overlap_each_other(paper, count, images):
    page = page_for(make_routine(count, images=images), paper)
    frames = [box for box in page.boxes if isinstance(box, FrameBox)]
    for first, second in itertools.combinations(frames, 2):
        assert not first.rect.overlaps(second.rect), (first.card, second.card)


@pytest.mark.parametrize(("paper", "count", "images"), CASES)
def test_no_two_text_lines_overlap_and_images_keep_clear_of_text(paper, count, images):
    page = page_for(make_routine(count, images=images), paper)
    texts = text_boxes(page)
    for first, second in itertools.combinations(texts, 2):
        assert not first.rect.overlaps(second.rect), (first.text, second.text)
    for image in (box for box in page.boxes if isinstance(box, ImageBox)):
        for text in texts:
            assert not image.rect.overlaps(text.rect), (image.label, text.text)


@pytest.mark.parametrize(("paper", "count", "images"), CASES)
def test_text_sizes_stay_within_the_layouts_range(paper, count, images, grid):
    page = page_for(make_routine(count, images=images), paper)
    assert grid.body_min <= page.body_size <= grid.body_max
    assert (page.body_size - grid.body_min) % 0.25 == pytest.approx(0)
    sizes = {box.size for box in text_boxes(page)}
    assert min(sizes) >= 8
    point_sizes = {box.size for box in text_boxes(page) if box.role in ("point", "number", "target", "hold")}
    assert point_sizes == {page.body_size}, "one body size for the whole page"


@pytest.mark.parametrize(("paper", "count", "images"), CASES)
def test_with_no_share_to_meet_the_text_is_the_largest_that_fits(paper, count, images, grid):
    """A layout that asks no share of a card for its illustrations gets its text within BODY_TOLERANCE
    of the largest body size at which an arrangement fits (fits that close compete on their figures)."""
    routine = make_routine(count, images=images)
    shareless = dataclasses.replace(grid, figure_share_by_count=())
    page = lay_out(routine, shareless, paper_named(paper), metrics())
    smallest_refused = page.body_size + BODY_TOLERANCE + SIZE_STEP
    if smallest_refused > grid.body_max:
        return
    larger = dataclasses.replace(shareless, body_min=smallest_refused, body_min_by_count=())
    with pytest.raises(HandoutError):
        lay_out(routine, larger, paper_named(paper), metrics())


def test_without_images_the_text_is_the_largest_that_fits(grid):
    """With no figures to weigh, the largest body size wins outright."""
    for count in COUNTS:
        routine = make_routine(count)
        page = lay_out(routine, grid, paper_named("a4"), metrics())
        if page.body_size < grid.body_max:
            larger = dataclasses.replace(grid, body_min=page.body_size + SIZE_STEP, body_min_by_count=())
            with pytest.raises(HandoutError):
                lay_out(routine, larger, paper_named("a4"), metrics())


def test_few_stretches_get_the_largest_size_and_many_get_less(grid):
    assert page_for(make_routine(1)).body_size == grid.body_max
    assert page_for(make_routine(8, images=True)).body_size < grid.body_max


@pytest.mark.parametrize(("paper", "count", "images"), CASES)
def test_text_boxes_come_in_reading_order(paper, count, images):
    routine = make_routine(count, images=images)
    page = page_for(routine, paper)
    texts = text_boxes(page)
    assert texts[0].role == "title"
    # Consecutive lines of the same role (a wrapped paragraph) join with a space.
    paragraphs: list[tuple[str, int | None, str]] = []
    for box in texts:
        last = paragraphs[-1] if paragraphs else None
        if last and last[0] == box.role and last[1] == box.card and box.role not in ("number",):
            paragraphs[-1] = (box.role, box.card, f"{last[2]} {box.text}")
        else:
            paragraphs.append((box.role, box.card, box.text))
    expected = [("title", None, routine.title), ("subtitle", None, routine.subtitle)]
    for index, stretch in enumerate(routine.stretches):
        expected += [("name", index, stretch.name), ("target", index, f"Target: {stretch.target}")]
        if stretch.hold:
            expected.append(("hold", index, f"Hold: {stretch.hold}"))
        for number, point in enumerate(stretch.key_points, start=1):
            expected += [("number", index, f"{number}."), ("point", index, point)]
    footer = [paragraph for paragraph in paragraphs if paragraph[0] == "footer"]
    assert paragraphs[: len(paragraphs) - len(footer)] == expected
    assert all(paragraph[0] == "footer" for paragraph in paragraphs[len(expected) :])


@pytest.mark.parametrize("paper", PAPERS)
def test_lines_run_top_to_bottom_within_each_card(paper):
    page = page_for(make_routine(4), paper)
    for card in range(4):
        tops = [box.rect.y for box in text_boxes(page) if box.card == card and box.role != "number"]
        assert tops == sorted(tops)
        numbers = [box for box in text_boxes(page) if box.card == card and box.role == "number"]
        points = [box for box in text_boxes(page) if box.card == card and box.role == "point"]
        # Each number sits on the baseline of its point's first line, to the left of it.
        assert all(any(n.baseline == p.baseline and n.rect.right < p.rect.x for p in points) for n in numbers)


@pytest.mark.parametrize("count", [4, 6, 7])
@pytest.mark.parametrize("images", [True, False])
def test_cards_are_placed_in_reading_order(count, images):
    """Row by row, left to right, or column by column, top to bottom (cards flowing down the columns):
    either way the routine's order is the order a reader takes them in."""
    page = page_for(make_routine(count, images=images))
    frames = sorted((box for box in page.boxes if isinstance(box, FrameBox)), key=lambda box: box.card)
    order = reading_order([frame.rect for frame in frames])
    assert (order == "columns") == ("flowing" in page.arrangement), page.arrangement


def test_title_is_the_first_and_topmost_text():
    page = page_for(make_routine(3))
    texts = text_boxes(page)
    assert texts[0].role == "title"
    assert texts[0].rect.y == min(box.rect.y for box in texts)


def long_stretch(name: str) -> dict:
    """A stretch no arrangement fits on one page with seven others: eight points of some 400 characters."""
    sentence = (
        "Keep the movement slow and controlled and breathe out as you ease further into the stretch, "
        "never bouncing, and let the muscle lengthen a little more with every breath you take"
    )
    return {
        "name": name,
        "target": "Everything",
        "hold": "30 s",
        "key_points": [f"{sentence}, step {n}; {sentence}, then hold it there." for n in range(1, 9)],
    }


@pytest.mark.parametrize("paper", PAPERS)
def test_too_much_text_names_the_stretch_that_does_not_fit(paper):
    data = trimmed(8)
    data["stretches"][2] = long_stretch("Overlong twist")
    with pytest.raises(HandoutError) as raised:
        lay_out(routine_from(data), load_layout("grid"), paper_named(paper), metrics())
    message = str(raised.value)
    assert message.startswith('stretch 3 "Overlong twist" needs the most room, and the routine does not fit')
    assert "at 8 pt by about" in message
    assert "shorten its key points or use a layout with fewer stretches per page" in message


def test_too_much_text_message_is_exactly_as_specified_on_a4():
    data = trimmed(8)
    data["stretches"][4] = long_stretch("Deep squat")
    with pytest.raises(HandoutError) as raised:
        lay_out(routine_from(data), load_layout("grid"), paper_named("a4"), metrics())
    lines = int(re.search(r"by about (\d+) lines", str(raised.value)).group(1))
    assert str(raised.value) == (
        'stretch 5 "Deep squat" needs the most room, and the routine does not fit on one A4 page at 8 pt '
        f"by about {lines} lines: shorten its key points or use a layout with fewer stretches per page"
    )
    # The count is what is missing: that many lines fewer of the long stretch and the routine fits.
    data["stretches"][4]["key_points"] = shortened(data["stretches"][4]["key_points"], lines + 2)
    lay_out(routine_from(data), load_layout("grid"), paper_named("a4"), metrics())


def shortened(points: list[str], lines: int) -> list[str]:
    """The key points with about `lines` lines of 8 pt text taken off the end (some 60 characters a line
    in the narrowest card a grid uses at 8 pt, with margin to spare)."""
    text = " ".join(points)
    cut = max(0, len(text) - 60 * lines)
    return [text[:cut]] if cut else ["Hold it."]


def test_a_long_word_breaks_after_its_own_hyphen_not_between_letters(grid):
    from handout.content.sheet_words import ENGLISH
    from handout.layout.typesetting import typesetter

    setter = typesetter(grid, metrics(), ENGLISH)
    whole = setter.fonts.width("Hüftbeuger-Dehnung", "bold", 10)
    lines = [line for line, _ in setter.wrap("Hüftbeuger-Dehnung im Knien", "bold", 10, whole * 0.8)]
    assert lines == ["Hüftbeuger-", "Dehnung im", "Knien"]
    numbers = [line for line, _ in setter.wrap("Hold 20-30 s", "regular", 10, 1000)]
    assert numbers == ["Hold 20-30 s"]
    narrow = setter.fonts.width("Hold 20-3", "regular", 10)
    assert "20-30" in [
        word for line, _ in setter.wrap("Hold 20-30 s", "regular", 10, narrow) for word in line.split()
    ]


def test_a_card_without_a_picture_starts_its_text_at_the_top_of_its_card():
    with_photos = make_routine(2, images=True)
    first = dataclasses.replace(with_photos.stretches[0], image=None)
    page = page_for(dataclasses.replace(with_photos, stretches=(first, with_photos.stretches[1])))
    frames = {box.card: box.rect for box in page.boxes if isinstance(box, FrameBox)}
    images = [box for box in page.boxes if isinstance(box, ImageBox)]
    assert [box.card for box in images] == [1]
    names = {box.card: box.rect for box in text_boxes(page) if box.role == "name"}
    picture_top = images[0].rect.y - frames[1].y
    assert names[0].y - frames[0].y <= picture_top + 0.5  # not under a blank where a picture would be
    assert names[0].y - frames[0].y < 12 * 2.835  # within about 12 mm of the card's top
