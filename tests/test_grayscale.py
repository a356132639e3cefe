"""--grayscale: no colour anywhere in the file, checked in the layout and in the PDF's own operators."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from conftest import realistic
from PIL import Image, ImageDraw
from pypdf.generic import ContentStream
from test_layouts import ROUTINES, with_figures

from handout.bundled import bundled_names
from handout.layout.layout_file import HIGHLIGHT_MAX_GRAY, STYLE_NAMES, check_layout, grayscale, load_layout

COLOUR_OPERATORS = {b"rg", b"RG", b"k", b"K", b"sc", b"SC", b"scn", b"SCN", b"cs", b"CS"}


def is_gray(color: str) -> bool:
    return color[1:3] == color[3:5] == color[5:7]


@pytest.mark.parametrize("name", bundled_names("layouts"))
def test_every_colour_of_a_grayscale_layout_is_gray(name):
    layout = grayscale(load_layout(name))
    assert layout.grayscale
    colours = [layout.ink, layout.accent, layout.muted, *(getattr(layout, key).color for key in STYLE_NAMES)]
    assert all(is_gray(color) for color in colours), colours


def test_gray_keeps_the_luminance_and_a_light_accent_is_darkened_to_still_show():
    layout = check_layout(
        {"colors": {"ink": "#000000", "accent": "#ffd700", "muted": "#808080"}}, "mine.toml", "mine"
    )
    gray = grayscale(layout)
    assert gray.ink == "#000000" and gray.muted == "#808080"
    assert int(gray.accent[1:3], 16) <= round(HIGHLIGHT_MAX_GRAY * 255)
    assert gray.target.color == gray.accent, "a style using the accent follows it"


def test_a_style_with_its_own_colour_becomes_its_gray():
    layout = check_layout({"styles": {"title": {"color": "#0000ff"}}}, "mine.toml", "mine")
    assert grayscale(layout).title.color == "#121212"  # 0.0722 * 255 = 18


def draw_photos(folder: Path) -> tuple[str, str]:
    """A colourful JPEG and PNG, as a coach's phone photo and screenshot."""
    image = Image.new("RGB", (600, 450), "#88aacc")
    draw = ImageDraw.Draw(image)
    draw.ellipse((150, 75, 450, 375), fill="#cc4422")
    image.save(folder / "photo.jpg", "JPEG", quality=90)
    image.save(folder / "drawing.png", "PNG")
    return "photo.jpg", "drawing.png"


def colour_operations(path: Path) -> tuple[list[tuple[list, bytes]], list[str]]:
    """The page's colour-setting operators with their operands, and its images' colour spaces.

    Form XObjects (two-up draws its page once as a form and places it twice) are looked into, once each.
    """
    reader = pypdf.PdfReader(path)
    page = reader.pages[0]
    colours: list[tuple[list, bytes]] = []
    spaces: list[str] = []

    def walk(content, resources) -> None:
        operations = ContentStream(content, reader).operations
        colours.extend(
            (operands, operator) for operands, operator in operations if operator in COLOUR_OPERATORS
        )
        for xobject in (x.get_object() for x in resources.get("/XObject", {}).values()):
            if xobject["/Subtype"] == "/Image":
                spaces.append(str(xobject["/ColorSpace"]))
            elif xobject["/Subtype"] == "/Form":
                walk(xobject, xobject.get("/Resources", {}))

    walk(page.get_contents(), page["/Resources"])
    return colours, spaces


def build_with_photos(build_pdf, tmp_path: Path, name: str, *args: str) -> Path:
    data = with_figures(ROUTINES[name]())
    jpeg, png = draw_photos(tmp_path)
    data["stretches"][0]["image"] = jpeg
    data["stretches"][1]["image"] = png
    return build_pdf(data, "--layout", name, *args)


@pytest.mark.parametrize("name", bundled_names("layouts"))
def test_a_grayscale_pdf_sets_only_gray_colours_and_embeds_gray_photos(build_pdf, tmp_path, name):
    colours, spaces = colour_operations(build_with_photos(build_pdf, tmp_path, name, "--grayscale"))
    assert colours, "the page sets colours: the check below would pass on nothing"
    for operands, operator in colours:
        assert operator in (b"rg", b"RG"), operator
        red, green, blue = (float(value) for value in operands)
        assert red == green == blue, (operator, operands)
    assert spaces == ["/DeviceGray", "/DeviceGray"]


def test_without_grayscale_the_same_sheet_has_colour(build_pdf, tmp_path):
    """The check above can fail: the colour sheet is caught by it."""
    colours, spaces = colour_operations(build_with_photos(build_pdf, tmp_path, "grid"))
    assert any(len({float(value) for value in operands}) > 1 for operands, _ in colours)
    assert "/DeviceRGB" in spaces


def test_grayscale_sheet_has_its_own_default_name(run_cli, write_routine):
    """Building in gray must not overwrite the colour sheet built with the same options."""
    write_routine(realistic(2), "cool-down.toml")
    result = run_cli("build", "cool-down.toml", "--grayscale")
    assert result.code == 0, result.err
    assert result.out.strip() == str(Path("build") / "cool-down-grid-a4-grayscale.pdf")
