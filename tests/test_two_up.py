"""two-up: two identical half-size copies on one sheet, a dashed line between them to cut along."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MIN_MARGIN, PAPER_SIZES, error_mentions, normalise, realistic
from test_pdf_readback import page_text
from test_qr import scanned

MM = 72 / 25.4


def cut_lines(page) -> list[dict]:
    """The page's straight lines that run from one edge of the sheet to the other."""
    return [
        line
        for line in page.lines
        if (line["x0"] == line["x1"] and line["top"] <= 1 and line["bottom"] >= page.height - 1)
        or (line["top"] == line["bottom"] and line["x0"] <= 1 and line["x1"] >= page.width - 1)
    ]


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_bundled_routine_cuts_into_two_copies(run_cli, open_pdf, tmp_path, paper):
    """`handout build --layout two-up --paper letter`: portrait copies side by side, a cut line between."""
    result = run_cli("build", "--layout", "two-up", "--paper", paper)
    assert result.code == 0, result.err
    path = tmp_path / "build" / f"after-running-two-up-{paper}.pdf"
    assert result.out.strip() == str(Path("build") / path.name)
    page = open_pdf(path).pages[0]
    width, height = PAPER_SIZES[paper]
    assert (page.width, page.height) == pytest.approx((height, width), abs=0.01)
    (cut,) = cut_lines(page)
    assert cut["x0"] == pytest.approx(page.width / 2, abs=0.01)
    assert cut["dash"] is not None and cut["dash"][0]
    text = normalise(page_text(path))
    assert text.count("Stretches after your run") == 2
    assert text.count("Stretch to a mild pull, never to pain") == 2
    first, second = text[: len(text) // 2].strip(), text[len(text) // 2 :].strip()
    assert first == second, "the two copies must carry the same full text"
    for char in page.chars:
        assert min(abs(char["x0"] - cut["x0"]), abs(char["x1"] - cut["x0"])) >= MIN_MARGIN - 1, char


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_landscape_copies_stack_on_a_portrait_sheet(build_pdf, open_pdf, paper):
    data = realistic(4)
    for stretch in data["stretches"]:
        stretch["key_points"] = stretch["key_points"][:2]
    path = build_pdf(data, "--layout", "two-up", "--paper", paper, "--orientation", "landscape")
    page = open_pdf(path).pages[0]
    assert (page.width, page.height) == pytest.approx(PAPER_SIZES[paper], abs=0.01)
    (cut,) = cut_lines(page)
    assert cut["top"] == pytest.approx(page.height / 2, abs=0.01)
    for char in page.chars:
        assert min(abs(char["top"] - cut["top"]), abs(char["bottom"] - cut["top"])) >= MIN_MARGIN - 1, char
    assert normalise(page_text(path)).count(data["title"]) == 2


def test_each_copy_has_a_qr_code_that_scans(build_pdf):
    url = "https://example.org/stretch"
    data = realistic(4)
    for stretch in data["stretches"]:
        stretch["key_points"] = stretch["key_points"][:2]
    path = build_pdf(data, "--layout", "two-up", "--set", f"url={url}", "--set", "club=Riverside Runners")
    assert scanned(path, dpi=200) == [url, url]


def test_the_copy_is_drawn_once_so_the_file_stays_small(build_pdf):
    """Both copies place the same form: two-up costs little more than the one-copy grid."""
    data = realistic(4)
    for stretch in data["stretches"]:
        stretch["key_points"] = stretch["key_points"][:2]
    single = build_pdf(data).stat().st_size
    double = build_pdf(data, "--layout", "two-up").stat().st_size
    assert double < 1.2 * single


@pytest.mark.parametrize("copies", [0, 3, 1.5])
def test_copies_are_1_or_2(run_cli, write_routine, tmp_path, copies):
    (tmp_path / "mine.toml").write_text(f"[sheet]\ncopies = {copies}\n", encoding="utf-8")
    write_routine(realistic(2))
    error_mentions(run_cli("build", "routine.toml", "--layout", "mine.toml"), "mine.toml: [sheet]", "copies")


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_bundled_routine_fits_landscape_copies_too(run_cli, paper):
    """Landscape copies take the same routines as portrait ones: the engine rearranges the cards."""
    for orientation in ("portrait", "landscape"):
        result = run_cli("build", "--layout", "two-up", "--paper", paper, "--orientation", orientation)
        assert result.code == 0, result.err


def test_too_long_a_routine_for_half_a_sheet_names_the_half_sheet(run_cli, write_routine):
    data = realistic(4)
    sentence = "Keep the movement slow and controlled and breathe out as you ease further into the stretch"
    data["stretches"][1]["key_points"] = [f"{sentence}, step {n}; {sentence}." for n in range(1, 9)]
    write_routine(data)
    result = run_cli(
        "build", "routine.toml", "--layout", "two-up", "--paper", "letter", "--orientation", "landscape"
    )
    error_mentions(
        result,
        f'stretch 2 "{data["stretches"][1]["name"]}" needs the most room',
        "does not fit on one landscape half-letter page at 7 pt by about",
    )


def test_five_stretches_are_refused_naming_the_layouts_that_take_them(run_cli, write_routine):
    write_routine(realistic(5))
    result = run_cli("build", "routine.toml", "--layout", "two-up")
    error_mentions(
        result,
        "routine.toml: 5 stretches: the two-up layout takes at most 4; "
        "split the routine into two sheets or use "
        "--layout grid (up to 8), --layout list (up to 8), --layout poster (up to 6)",
    )
