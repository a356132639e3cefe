"""Every bundled layout on every paper and orientation: geometry, PDF read-back and the command line."""

from __future__ import annotations

import copy
import itertools
from pathlib import Path
from typing import Any

import pypdf
import pytest
from conftest import MIN_MARGIN, PAPER_SIZES, assert_in_order, error_mentions, expected_sequence, realistic
from test_layout_geometry import routine_from
from test_pdf_readback import overlap, page_text, text_lines

import handout.bundled
from handout.bundled import bundled_names
from handout.content.furniture import page_furniture
from handout.errors import HandoutError
from handout.layout.composition import lay_out
from handout.layout.fonts import metrics
from handout.layout.imposition import copy_paper
from handout.layout.layout_file import check_layout, load_layout
from handout.layout.paper import orientation_named, oriented, paper_named
from handout.model import MM, FrameBox, ImageBox, Page, QrBox, Rect, TextBox

PAPERS = ("a4", "letter")
ORIENTATIONS = ("portrait", "landscape")
FIGURES = (
    "standing-quad",
    "pushup-lunge",
    "seated-hamstring",
    "seated-twist",
    "calf-wall",
    "hip-flexor-lunge",
)


def with_figures(data: dict[str, Any]) -> dict[str, Any]:
    """The routine with a bundled illustration on every stretch, as a coach's sheet has."""
    for index, stretch in enumerate(data["stretches"]):
        stretch["image"] = FIGURES[index % len(FIGURES)]
    return data


def grid_routine() -> dict[str, Any]:
    return realistic(4)


def list_routine() -> dict[str, Any]:
    """Six stretches of three key points: the list layout is for the longer routines."""
    data = realistic(6)
    for stretch in data["stretches"]:
        stretch["key_points"] = stretch["key_points"][:3]
    return data


SHORT = {
    "title": "Stretch after your run",
    "subtitle": "Hold each stretch 30 s on both sides.",
    "stretches": [
        {
            "name": "Quad stretch",
            "target": "Front of the thigh",
            "key_points": ["Stand tall on one leg.", "Pull your heel to your bottom."],
        },
        {
            "name": "Calf stretch",
            "target": "Calf",
            "key_points": ["Hands on the wall.", "Press the back heel down."],
        },
        {
            "name": "Hamstring stretch",
            "target": "Back of the thigh",
            "key_points": ["Sit with one leg straight.", "Lean forward from the hips."],
        },
        {
            "name": "Hip flexor stretch",
            "target": "Front of the hip",
            "key_points": ["Kneel on one knee.", "Shift your weight forward."],
        },
    ],
}


def poster_routine() -> dict[str, Any]:
    """Four stretches of two short key points: what a poster at the track holds."""
    return copy.deepcopy(SHORT)


def two_up_routine() -> dict[str, Any]:
    """Four stretches of three key points: half a sheet holds a routine of moderate length."""
    data = realistic(4)
    for stretch in data["stretches"]:
        stretch["key_points"] = stretch["key_points"][:3]
    return data


ROUTINES = {"grid": grid_routine, "list": list_routine, "poster": poster_routine, "two-up": two_up_routine}
"""A routine that fits each bundled layout: a layout added without one here fails the test below."""


def test_every_bundled_layout_has_a_test_routine():
    assert sorted(ROUTINES) == bundled_names("layouts")


CASES = [
    pytest.param(name, paper, orientation, id=f"{name}-{paper}-{orientation}")
    for name in sorted(ROUTINES)
    for paper in PAPERS
    for orientation in ORIENTATIONS
]


DETAILS = {
    "club": "Riverside Runners",
    "date": "2026-12-05",
    "contact": "coach@example.org",
    "url": "https://example.org/stretch",
}
"""What a club fills in: every bundled layout's header and footer print them, and show the QR code."""
SET_DETAILS = [argument for name, value in DETAILS.items() for argument in ("--set", f"{name}={value}")]


def page_for(name: str, paper: str, orientation: str, *, images: bool = True) -> Page:
    """One copy of the page as the layout engine makes it (half the sheet for two-up)."""
    sheet = oriented(paper_named(paper), orientation_named(orientation))
    routine, layout = routine_from(ROUTINES[name](), images=images), load_layout(name)
    furniture = page_furniture(routine, layout, DETAILS)
    return lay_out(routine, layout, copy_paper(sheet, layout.copies), metrics(), furniture)


def sheet_size(paper: str, orientation: str) -> tuple[float, float]:
    width, height = PAPER_SIZES[paper]
    return (height, width) if orientation == "landscape" else (width, height)


def page_size(name: str, paper: str, orientation: str) -> tuple[float, float]:
    """The size of one copy: the sheet, or for two-up its half, turned the way --orientation says."""
    width, height = sheet_size(paper, orientation)
    if load_layout(name).copies == 1:
        return width, height
    return (height, width / 2) if orientation == "landscape" else (height / 2, width)


def printed_size(name: str, paper: str, orientation: str) -> tuple[float, float]:
    """The PDF's sheet: two-up turns it, so that two copies of the asked orientation fit side by side."""
    width, height = sheet_size(paper, orientation)
    return (height, width) if load_layout(name).copies == 2 else (width, height)


def copy_regions(name: str, paper: str, orientation: str) -> list[tuple[float, float, float, float]]:
    """(x0, top, x1, bottom) of each copy on the printed sheet: the text of each keeps inside its own."""
    width, height = page_size(name, paper, orientation)
    if load_layout(name).copies == 1:
        return [(0, 0, width, height)]
    if orientation == "landscape":
        return [(0, 0, width, height), (0, height, width, 2 * height)]
    return [(0, 0, width, height), (width, 0, 2 * width, height)]


# --- Geometry ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "paper", "orientation"), CASES)
def test_layout_geometry_on_every_sheet(name, paper, orientation):
    """Right size, inside the margins, cards apart, lines apart, images clear of text, sizes in range."""
    layout = load_layout(name)
    page = page_for(name, paper, orientation)
    assert (page.width, page.height) == pytest.approx(page_size(name, paper, orientation), abs=0.01)
    content = Rect(
        layout.margin, layout.margin, page.width - 2 * layout.margin, page.height - 2 * layout.margin
    )
    assert layout.margin >= MIN_MARGIN - 0.01
    for box in page.boxes:
        assert content.contains(box.rect), box
    frames = [box for box in page.boxes if isinstance(box, FrameBox)]
    for first, second in itertools.combinations(frames, 2):
        assert not first.rect.overlaps(second.rect), (first.card, second.card)
    texts = [box for box in page.boxes if isinstance(box, TextBox)]
    for first, second in itertools.combinations(texts, 2):
        assert not first.rect.overlaps(second.rect), (first.text, second.text)
    for image in (box for box in page.boxes if isinstance(box, ImageBox)):
        for text in texts:
            assert not image.rect.overlaps(text.rect), text.text
    (qr,) = (box for box in page.boxes if isinstance(box, QrBox))
    assert qr.value == DETAILS["url"]
    assert qr.rect.width == qr.rect.height >= 20 * MM
    quiet = Rect(qr.rect.x - 4 * MM, qr.rect.y - 4 * MM, qr.rect.width + 8 * MM, qr.rect.height + 8 * MM)
    for other in page.boxes:
        assert other is qr or not quiet.overlaps(other.rect), other
    assert min(box.size for box in texts) >= layout.body_min - 0.01
    assert layout.body_min <= page.body_size <= layout.body_max


@pytest.mark.parametrize("paper", PAPERS)
def test_landscape_uses_the_layouts_landscape_columns(paper):
    grid = load_layout("grid")
    page = page_for("grid", paper, "landscape")
    frames = [box.rect for box in page.boxes if isinstance(box, FrameBox)]
    allowed = {min(columns, len(frames)) for columns in grid.columns_landscape}
    assert len({round(frame.x) for frame in frames}) in allowed
    portrait = page_for("grid", paper, "portrait")
    frames = [box.rect for box in portrait.boxes if isinstance(box, FrameBox)]
    assert len({round(frame.x) for frame in frames}) in {
        min(columns, len(frames)) for columns in grid.columns
    }


@pytest.mark.parametrize("orientation", ORIENTATIONS)
@pytest.mark.parametrize("count", [6, 8])
def test_list_puts_a_sizeable_illustration_left_of_each_stretchs_text(count, orientation):
    data = realistic(count)
    for stretch in data["stretches"]:
        stretch["key_points"] = stretch["key_points"][:3]
    sheet = oriented(paper_named("a4"), orientation_named(orientation))
    layout = load_layout("list")
    page = lay_out(routine_from(data, images=True), layout, sheet, metrics())
    frames = {box.card: box.rect for box in page.boxes if isinstance(box, FrameBox)}
    columns = layout.columns if orientation == "portrait" else layout.columns_landscape
    first_row = [frame for frame in frames.values() if abs(frame.y - frames[0].y) < 0.5]
    assert len(first_row) in columns
    for image in (box for box in page.boxes if isinstance(box, ImageBox)):
        card = frames[image.card]
        texts = [box for box in page.boxes if isinstance(box, TextBox) and box.card == image.card]
        assert all(image.rect.right < text.rect.x for text in texts)
        share = image.rect.width * image.rect.height / (card.width * card.height)
        assert share >= layout.figure_share_for(count) - 1e-6, "the layout's own least share of a card"
        assert image.rect.height >= 15 * MM, "an illustration a runner can still read at arm's length"


def luminance(color: str) -> float:
    red, green, blue = (int(color[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def test_poster_prints_big_and_in_high_contrast():
    poster = load_layout("poster")
    assert poster.body_min_for(4) >= 16 and poster.body_min_for(6) >= 14
    assert poster.title.scale * poster.body_min >= 40
    assert poster.max_stretches == 6
    assert poster.muted == poster.ink
    assert luminance(poster.ink) < 0.05
    assert luminance(poster.accent) < 0.25, "the accent must stay dark on a black-and-white printer"
    styles = (poster.title, poster.subtitle, poster.heading, poster.target, poster.hold, poster.point)
    assert all(luminance(style.color) < 0.25 for style in (*styles, poster.footer))


@pytest.mark.parametrize("orientation", ORIENTATIONS)
@pytest.mark.parametrize("paper", PAPERS)
def test_poster_text_wraps_but_never_shrinks_below_16_pt(paper, orientation):
    page = page_for("poster", paper, orientation)
    texts = [box for box in page.boxes if isinstance(box, TextBox)]
    assert min(box.size for box in texts) >= 16
    assert min(box.size for box in texts if box.role == "title") >= 40


def test_more_stretches_than_the_layout_takes_is_an_error_naming_layout_and_count(run_cli, write_routine):
    data = poster_routine()
    for number in range(3):
        data["stretches"].append({"name": f"Neck turn {number}", "target": "Neck", "key_points": ["Turn."]})
    write_routine(data)
    result = run_cli("build", "routine.toml", "--layout", "poster")
    error_mentions(
        result,
        "routine.toml: 7 stretches: the poster layout takes at most 6; "
        "split the routine into two sheets or use "
        "--layout grid (up to 8), --layout list (up to 8)",
    )


def test_the_bundled_routine_fits_the_poster_in_its_short_cues(run_cli, open_pdf, tmp_path):
    """The done-when of the layouts issue: the default routine as a poster, club and QR code included."""
    result = run_cli(
        "build", "--layout", "poster", "--set", "club=Riverside Runners", "--set", "url=https://example.org"
    )
    assert result.code == 0, result.err
    text = " ".join(pypdf.PdfReader(tmp_path / result.out.strip()).pages[0].extract_text().split())
    assert_in_order(
        text,
        [
            "Riverside Runners",
            "Stretches after your run",
            "Standing quad stretch",
            "1. Heel to bottom",
            "Seated twist",
            "3. Sit tall and turn",
        ],
    )
    assert "Hold:" not in text and "Stand tall on one leg" not in text
    sizes = {round(char["size"], 2) for char in open_pdf(tmp_path / result.out.strip()).pages[0].chars}
    assert min(sizes) >= 16


def test_a_long_stretch_without_cues_does_not_fit_the_poster_and_says_how_to_fix_it(
    run_cli, write_routine, tmp_path
):
    data = realistic(4)
    for stretch in data["stretches"]:
        stretch["cues"] = ["Stand tall", "Breathe"]
    del data["stretches"][2]["cues"]
    data["stretches"][2]["key_points"] = [
        "Sit down on the mat and straighten one leg out in front of you, toes up, then lean forward from "
        "the hips with a long back until you feel the stretch along the back of the thigh."
    ] * 8
    write_routine(data)
    result = run_cli("build", "routine.toml", "--layout", "poster")
    error_mentions(result, f'stretch 3 "{data["stretches"][2]["name"]}"', "does not fit", "16 pt", "cues = [")
    assert not (tmp_path / "build").exists()


@pytest.mark.parametrize("value", [0, 9, "four"])
def test_max_stretches_is_checked(run_cli, write_routine, tmp_path, value):
    text = f"[grid]\nmax_stretches = {value!r}\n".replace("'", '"')
    (tmp_path / "mine.toml").write_text(text, encoding="utf-8")
    write_routine(realistic(2))
    error_mentions(run_cli("build", "routine.toml", "--layout", "mine.toml"), "mine.toml", "max_stretches")


def test_landscape_columns_default_to_the_portrait_columns():
    layout = check_layout({"grid": {"columns": 3}}, "mine.toml", "mine")
    assert layout.columns_landscape == (3,)
    layout = check_layout({"grid": {"columns": [3, 2]}}, "mine.toml", "mine")
    assert layout.columns == layout.columns_landscape == (3, 2)


def test_landscape_swaps_width_and_height_and_keeps_the_name():
    a4 = paper_named("a4")
    turned = oriented(a4, "landscape")
    assert (turned.width, turned.height, turned.name) == (a4.height, a4.width, "A4")
    assert oriented(turned, "landscape") == turned
    assert oriented(turned, "portrait") == a4


def test_an_unknown_orientation_is_refused():
    with pytest.raises(HandoutError, match=r"unknown orientation \"sideways\".*landscape"):
        orientation_named("sideways")


# --- Read-back --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "paper", "orientation"), CASES)
def test_layout_pdf_on_every_sheet(build_pdf, open_pdf, name, paper, orientation):
    """One page of the sheet's size, all text in order, inside the margins, no overlaps, no small text."""
    data = with_figures(ROUTINES[name]())
    path = build_pdf(data, "--layout", name, "--paper", paper, "--orientation", orientation, *SET_DETAILS)
    reader = pypdf.PdfReader(path)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(
        printed_size(name, paper, orientation), abs=0.01
    )
    one_copy = [
        "Riverside Runners · 5 December 2026",  # the ISO date in the sheet's form
        *expected_sequence(data, name),
        "coach@example.org",
        DETAILS["url"],
    ]
    assert_in_order(page_text(path), one_copy * load_layout(name).copies)
    page = open_pdf(path).pages[0]
    body_min = load_layout(name).body_min
    regions = copy_regions(name, paper, orientation)
    for char in page.chars:
        (x0, top, x1, bottom), *_ = (
            r for r in regions if r[0] <= char["x0"] < r[2] and r[1] <= char["top"] < r[3]
        )
        assert char["x0"] >= x0 + MIN_MARGIN - 1 and char["x1"] <= x1 - MIN_MARGIN + 1, char
        assert char["top"] >= top + MIN_MARGIN - 1 and char["bottom"] <= bottom - MIN_MARGIN + 1, char
        assert char["size"] >= body_min - 0.01, char
    for first, second in itertools.combinations(text_lines(page), 2):
        assert not overlap(first, second), (first["text"], second["text"])


# --- Command line -----------------------------------------------------------------------------------


def test_landscape_default_name_and_size(run_cli, write_routine, tmp_path):
    write_routine(realistic(4), "cool-down.toml")
    result = run_cli("build", "cool-down.toml", "--paper", "letter", "--orientation", "landscape")
    assert result.code == 0, result.err
    expected = Path("build") / "cool-down-grid-letter-landscape.pdf"
    assert result.out.strip() == str(expected)
    box = pypdf.PdfReader(tmp_path / expected).pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((792, 612), abs=0.01)


def test_portrait_is_the_default_and_keeps_its_name(run_cli, write_routine):
    write_routine(realistic(2), "cool-down.toml")
    result = run_cli("build", "cool-down.toml", "--orientation", "portrait")
    assert result.out.strip() == str(Path("build") / "cool-down-grid-a4.pdf")


def test_unknown_orientation_exits_2_and_writes_nothing(run_cli, write_routine, tmp_path):
    write_routine(realistic(2))
    result = run_cli("build", "routine.toml", "--orientation", "sideways")
    error_mentions(result, '"sideways"', "portrait", "landscape")
    assert not (tmp_path / "build").exists()


def test_landscape_columns_are_checked_like_other_keys(run_cli, write_routine, tmp_path):
    (tmp_path / "mine.toml").write_text("[grid]\ncolumns_landscape = 9\n", encoding="utf-8")
    write_routine(realistic(2))
    error_mentions(
        run_cli("build", "routine.toml", "--layout", "mine.toml"), "mine.toml", "columns_landscape"
    )


def test_layouts_command_lists_each_bundled_layout_with_its_description(run_cli):
    result = run_cli("layouts")
    assert result.code == 0, result.err
    assert result.err == ""
    lines = result.out.splitlines()
    assert [line.split()[0] for line in lines] == bundled_names("layouts")
    for line, name in zip(lines, bundled_names("layouts"), strict=True):
        assert line.endswith(load_layout(name).description)
    for line, name in zip(lines, bundled_names("layouts"), strict=True):
        assert f"up to {load_layout(name).max_stretches} stretches" in line


@pytest.mark.parametrize(
    "cues",
    ['"Heel up"', '["a", "b", "c", "d", "e"]', '["' + "x" * 41 + '"]', '[""]', "[3]"],
)
def test_bad_cues_are_errors_naming_the_stretch_and_key(run_cli, write_routine, cues):
    stretch = 'name = "Calf"\ntarget = "Calf"\nkey_points = ["Lean in."]'
    write_routine(f'title = "T"\n[[stretches]]\n{stretch}\ncues = {cues}\n')
    error_mentions(run_cli("build", "routine.toml"), "routine.toml", 'stretch 1 "Calf"', "cue")


def grid_with(tmp_path, *changes: tuple[str, str]) -> str:
    """A copy of the grid layout with some of its lines changed, as a coach would edit it."""
    grid = (handout.bundled.bundled_dir("layouts") / "grid.toml").read_text(encoding="utf-8")
    for old, new in changes:
        assert old in grid
        grid = grid.replace(old, new)
    (tmp_path / "mine.toml").write_text(grid, encoding="utf-8")
    return "mine.toml"


GRID_FIELDS = 'fields = ["name", "target", "hold", "points"]'


def test_card_fields_choose_what_shows_and_in_which_order(run_cli, write_routine, tmp_path):
    layout = grid_with(
        tmp_path,
        (GRID_FIELDS, 'fields = ["name", "points", "target"]'),
        ("subtitle = true ", "subtitle = false "),
    )
    data = realistic(2)
    write_routine(data)
    result = run_cli("build", "routine.toml", "--layout", layout, "-o", "sheet.pdf")
    assert result.code == 0, result.err
    text = " ".join(pypdf.PdfReader(tmp_path / "sheet.pdf").pages[0].extract_text().split())
    first = data["stretches"][0]
    assert_in_order(text, [first["name"], f"1. {first['key_points'][0]}", f"Target: {first['target']}"])
    assert "Hold:" not in text
    assert data["subtitle"] not in text


@pytest.mark.parametrize(
    "fields", ['["name", "name"]', '["target", "points"]', '["name", "photo"]', '"name"']
)
def test_bad_card_fields_are_an_error_naming_the_key(run_cli, write_routine, tmp_path, fields):
    layout = grid_with(tmp_path, (GRID_FIELDS, f"fields = {fields}"))
    write_routine(realistic(2))
    error_mentions(run_cli("build", "routine.toml", "--layout", layout), "mine.toml", "[card]", '"fields"')


def test_a_layout_file_changed_on_disk_is_read_again(tmp_path):
    """Layouts are kept between sheets of a batch, but a coach's edit shows on the next build."""
    path = tmp_path / grid_with(tmp_path, ("columns = [2, 3, 1]", "columns = 2"))
    first = load_layout(str(tmp_path / path))
    text = (tmp_path / path).read_text(encoding="utf-8").replace("columns = 2", "columns = 3")
    (tmp_path / path).write_text(text + "\n", encoding="utf-8")
    assert first.columns == (2,)
    assert load_layout(str(tmp_path / path)).columns == (3,)
    assert load_layout(str(tmp_path / path)) is load_layout(str(tmp_path / path))


@pytest.mark.parametrize("value", ['["#000000"]', '{ name = "ink" }'])
def test_a_style_colour_that_is_a_list_or_table_is_an_error_not_a_crash(
    run_cli, write_routine, tmp_path, value
):
    (tmp_path / "mine.toml").write_text(f"[styles.title]\ncolor = {value}\n", encoding="utf-8")
    write_routine(realistic(2))
    error_mentions(
        run_cli("build", "routine.toml", "--layout", "mine.toml"), "mine.toml", "[styles] title", '"color"'
    )


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("[grid]\ncolumns = [2, 5]\n", '"columns" is 5'),
        ("[grid]\ncolumns = []\n", '"columns" is an empty list'),
        ('[grid]\nrows = ["equal", "tall"]\n', '"rows"'),
        ('[grid]\nspan = "yes"\n', '"span"'),
        ('[card]\nimage = ["top", "right"]\n', '"image"'),
        ("[card]\nfigure_share = 0.9\n", '"figure_share" is 0.9'),
        ("[card]\nimage_share = [0.3, 0.2]\n", '"image_share" is gone'),
        ("[text]\nbody_min_pt = { four = 16, 8 = 10 }\n", '"body_min_pt" has "four"'),
        ("[text]\nbody_min_pt = { 4 = 16 }\n", '"body_min_pt" gives no value for 5 to 8 stretches'),
        ("[text]\nbody_min_pt = 7\n", '"body_min_pt" is 7'),
    ],
)
def test_arrangement_choices_are_checked_like_other_keys(run_cli, write_routine, tmp_path, text, key):
    (tmp_path / "mine.toml").write_text(text, encoding="utf-8")
    write_routine(realistic(2))
    error_mentions(run_cli("build", "routine.toml", "--layout", "mine.toml"), "mine.toml", key)


def test_a_layout_lists_the_arrangements_it_allows():
    layout = check_layout(
        {
            "grid": {"columns": [3, 2], "rows": "fitted", "span": True, "max_stretches": 6},
            "card": {"image": ["left", "top"], "figure_share": {"4": 0.2, "6": 0.1}},
            "text": {"body_min_pt": {"4": 12, "6": 9}},
        },
        "mine.toml",
        "mine",
    )
    assert (layout.columns, layout.row_heights, layout.span) == ((3, 2), ("fitted",), True)
    assert layout.image_positions == ("left", "top")
    assert [layout.figure_share_for(count) for count in (1, 4, 5, 6)] == [0.2, 0.2, 0.1, 0.1]
    assert [layout.body_min_for(count) for count in (1, 4, 5, 6)] == [12, 12, 9, 9]
    assert layout.body_min == 9


def test_a_half_sheet_may_go_down_to_7_pt():
    layout = check_layout({"sheet": {"copies": 2}, "text": {"body_min_pt": 7}}, "mine.toml", "mine")
    assert layout.body_min_for(4) == 7


def test_the_search_is_deterministic_and_its_choice_is_reported():
    routine = routine_from(ROUTINES["grid"](), images=True)
    first = lay_out(routine, load_layout("grid"), paper_named("a4"), metrics())
    again = lay_out(routine, load_layout("grid"), paper_named("a4"), metrics())
    assert first == again
    assert "columns" in first.arrangement
