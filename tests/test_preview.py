"""`handout preview`: a PNG of the sheet, rasterised from its PDF, the right size and not blank."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PAPER_SIZES, error_mentions, realistic
from PIL import Image

from handout.share.preview import check_width, render_png

DEFAULT_PNG = Path("build") / "after-running-grid-a4.png"


def open_png(path: Path) -> Image.Image:
    with Image.open(path) as image:
        assert image.format == "PNG"
        image.load()
        return image


def assert_page_shaped(image: Image.Image, width: int, paper: str) -> None:
    page_width, page_height = PAPER_SIZES[paper]
    assert image.width == width
    assert image.height == pytest.approx(width * page_height / page_width, abs=1)


def test_preview_without_arguments_writes_the_bundled_routine_1240_px_wide(run_cli, tmp_path):
    result = run_cli("preview")
    assert result.code == 0, result.err
    assert result.err == ""
    assert result.out.strip() == str(DEFAULT_PNG)
    image = open_png(tmp_path / DEFAULT_PNG)
    assert_page_shaped(image, 1240, "a4")
    assert image.mode == "P", "a palette PNG: a quarter of the size of a full-colour one"
    assert (tmp_path / DEFAULT_PNG).stat().st_size < 250_000


def test_the_preview_shows_the_sheet(run_cli, tmp_path):
    """Not a blank page: white margins, dark title text near the top, and the accent colour."""
    run_cli("preview", "--width", "600")
    image = open_png(tmp_path / DEFAULT_PNG).convert("RGB")
    grey = image.convert("L")
    assert grey.getpixel((2, 2)) == 255, "the page is white"
    title_band = grey.crop((0, 0, image.width, image.height // 10))
    darkest, _ = title_band.getextrema()
    assert darkest < 60, "no dark title text near the top"
    dark_pixels = sum(count for count, value in title_band.getcolors() if value < 128)
    assert dark_pixels > 500
    colours = image.getcolors(maxcolors=256)
    assert colours is not None
    assert any(red > 150 and green < 90 and blue < 90 for _, (red, green, blue) in colours), "no accent red"


def test_paper_width_and_output_options(run_cli, write_routine, tmp_path):
    write_routine(realistic(3), "cool-down.toml")
    result = run_cli(
        "preview", "cool-down.toml", "--paper", "letter", "--width", "600", "-o", "out/sheet.png"
    )
    assert result.code == 0, result.err
    assert result.out.strip() == str(Path("out/sheet.png"))
    assert_page_shaped(open_png(tmp_path / "out/sheet.png"), 600, "letter")


def test_an_output_folder_gets_the_default_name(run_cli, tmp_path):
    (tmp_path / "site").mkdir()
    result = run_cli("preview", "--paper", "letter", "-o", "site")
    assert result.code == 0, result.err
    assert result.out.strip() == str(Path("site") / "after-running-grid-letter.png")


def test_the_width_limits_are_allowed(run_cli, tmp_path):
    assert run_cli("preview", "--width", "100", "-o", "sheet.png").code == 0
    assert open_png(tmp_path / "sheet.png").width == 100
    check_width(4000)  # not rendered: a 4000-pixel page takes seconds


@pytest.mark.parametrize(
    ("width", "fragments"),
    [
        ("99", ("--width 99", "100 to 4000")),
        ("4001", ("--width 4001", "100 to 4000")),
        ("0", ("--width 0",)),
        ("wide", ("--width", "'wide'")),
    ],
)
def test_a_bad_width_is_an_error_and_writes_nothing(run_cli, tmp_path, width, fragments):
    result = run_cli("preview", "--width", width)
    error_mentions(result, *fragments)
    assert result.out == ""
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("argv", "fragments"),
    [
        (["--paper", "a5"], ('"a5"',)),
        (["--layout", "fancy"], ('"fancy"',)),
        (["missing.toml"], ("missing.toml",)),
    ],
)
def test_bad_input_is_an_error_like_build(run_cli, tmp_path, argv, fragments):
    result = run_cli("preview", *argv)
    error_mentions(result, *fragments)
    assert not (tmp_path / "build").exists()


def test_rendering_is_deterministic(run_cli, tmp_path):
    run_cli("build", "-o", "sheet.pdf")
    pdf = (tmp_path / "sheet.pdf").read_bytes()
    assert render_png(pdf, 300) == render_png(pdf, 300)


def test_preview_help_lists_the_options(run_cli):
    out = run_cli("preview", "--help").out
    for option in ("ROUTINE", "--paper", "--layout", "-o", "--width"):
        assert option in out


def test_build_does_not_load_pdfium_or_the_mail_modules(tmp_path):
    """Rasterising and e-mail are only for previews and e-mails: a plain build does not pay for them."""
    code = (
        "import sys; from handout.cli import main; "
        "assert main(['build', '-o', 'sheet.pdf']) == 0; "
        "loaded = {'pypdfium2', 'smtplib', 'handout.share.mail', 'handout.content.importers', "
        "'trafilatura', 'langdetect', 'markdown_it'} "
        "& set(sys.modules); "
        "assert not loaded, f'build imported {loaded}'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
