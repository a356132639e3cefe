"""Read-back: build real PDFs through the CLI and read them with pypdf and pdfplumber."""

from __future__ import annotations

import itertools
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
from conftest import MIN_MARGIN, PAPER_SIZES, assert_in_order, expected_sequence, normalise, realistic
from PIL import Image, ImageDraw

PAPERS = ("a4", "letter")

INTERNATIONAL = {
    "title": "Dehnen nach dem Laufen – Größe „Zitat“",  # noqa: RUF001
    "subtitle": "Rozciąganie: łżśęąćńó ŁŻŚĘĄĆŃÓ, ß äöü ÄÖÜ, 20° — <fast> & easy > slow",
    "stretches": [
        {
            "name": "Oberschenkel & Wade <vorn>",
            "target": "Quadrizeps (Vorderseite des Oberschenkels) – mięsień czworogłowy",  # noqa: RUF001
            "hold": "20–30 s, 90° Knie",  # noqa: RUF001
            "key_points": [
                "Gerade stehen, „nicht“ ins Hohlkreuz fallen; Fuß zur Hüfte.",
                "Zegnij kolano, żeby pięta dotknęła pośladka — ręka na ścianie.",
                "If a < b & b > c: keep <going> & breathe.",
            ],
        },
        {
            "name": "Wądołek & Süß",
            "target": "Łydka (calf)",
            "key_points": ["Źdźbło: ćma, gęś, ńa, óśmy, Straße."],
        },
    ],
}


def page_text(path: Path) -> str:
    return pypdf.PdfReader(path).pages[0].extract_text()


def text_lines(page) -> list[dict]:
    """pdfplumber's chars grouped into lines: same baseline (within 1 pt) and horizontally contiguous.

    By baseline, not top: a CJK or Devanagari glyph's box reaches higher than a Latin one's on its line."""
    lines: list[dict] = []
    for char in sorted(page.chars, key=lambda c: (-round(c["matrix"][5]), c["x0"])):
        for line in lines:
            same_row = abs(line["baseline"] - char["matrix"][5]) < 1
            if same_row and -1 < char["x0"] - line["x1"] < 1.5 * char["size"]:
                line.update(
                    x1=max(line["x1"], char["x1"]),
                    top=min(line["top"], char["top"]),
                    bottom=max(line["bottom"], char["bottom"]),
                )
                line["text"] += char["text"]
                break
        else:
            lines.append(
                {**{k: char[k] for k in ("x0", "x1", "top", "bottom", "text")}, "baseline": char["matrix"][5]}
            )
    return lines


def overlap(first: dict, second: dict, tolerance: float = 0.01) -> bool:
    return (
        first["x0"] < second["x1"] - tolerance
        and second["x0"] < first["x1"] - tolerance
        and first["top"] < second["bottom"] - tolerance
        and second["top"] < first["bottom"] - tolerance
    )


@pytest.fixture(scope="module")
def photo_path(tmp_path_factory) -> Path:
    """A 1200 x 900 phone-like JPEG photo drawn by Pillow."""
    folder = tmp_path_factory.mktemp("photo")
    image = Image.new("RGB", (1200, 900), "#88aacc")
    draw = ImageDraw.Draw(image)
    draw.ellipse((300, 150, 900, 750), fill="#cc4422")
    draw.rectangle((0, 700, 1200, 900), fill="#336633")
    path = folder / "photo.jpg"
    image.save(path, "JPEG", quality=90)
    return path


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
@pytest.mark.parametrize("paper", PAPERS)
def test_one_page_of_the_exact_paper_size(build_pdf, paper, orientation):
    reader = pypdf.PdfReader(build_pdf(realistic(), "--paper", paper, "--orientation", orientation))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    width, height = PAPER_SIZES[paper]
    if orientation == "landscape":
        width, height = height, width
    assert float(box.left) == pytest.approx(0, abs=0.01)
    assert float(box.bottom) == pytest.approx(0, abs=0.01)
    assert float(box.width) == pytest.approx(width, abs=0.01)
    assert float(box.height) == pytest.approx(height, abs=0.01)


@pytest.mark.parametrize("count", [1, 4, 8])
def test_every_text_prints_in_reading_order_with_numbered_points(build_pdf, count):
    data = realistic(count)
    if count == 8:
        for stretch in data["stretches"]:
            stretch["key_points"] = stretch["key_points"][:2]
    assert_in_order(page_text(build_pdf(data)), expected_sequence(data))


def test_reading_order_puts_title_first_and_each_stretch_before_the_next(build_pdf):
    data = realistic(4)
    text = normalise(page_text(build_pdf(data)))
    assert text.startswith(data["title"])
    starts = [text.index(stretch["name"]) for stretch in data["stretches"]]
    assert starts == sorted(starts)
    # The last key point of each stretch comes before the next stretch's name.
    for stretch, next_start in zip(data["stretches"], [*starts[1:], len(text)], strict=True):
        assert text.index(normalise(stretch["key_points"][-1])) < next_start


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("count", [2, 4, 8])
def test_text_stays_inside_the_margins_and_lines_do_not_overlap(build_pdf, open_pdf, paper, count):
    data = realistic(count)
    if count == 8:
        for stretch in data["stretches"]:
            stretch["key_points"] = stretch["key_points"][:2]
    page = open_pdf(build_pdf(data, "--paper", paper)).pages[0]
    width, height = PAPER_SIZES[paper]
    assert page.chars
    for char in page.chars:
        assert char["x0"] >= MIN_MARGIN - 1, char
        assert char["x1"] <= width - MIN_MARGIN + 1, char
        assert char["top"] >= MIN_MARGIN - 1, char
        assert char["bottom"] <= height - MIN_MARGIN + 1, char
        assert char["size"] >= 8 - 0.01, char
    lines = text_lines(page)
    assert len(lines) > 4 * count
    for first, second in itertools.combinations(lines, 2):
        assert not overlap(first, second), (first["text"], second["text"])


def test_the_page_uses_one_body_size(build_pdf, open_pdf):
    data = realistic(4)
    page = open_pdf(build_pdf(data)).pages[0]
    sizes = set()
    for stretch in data["stretches"]:
        for point in stretch["key_points"]:
            first_words = " ".join(point.split()[:3])
            (match,) = page.search(first_words, regex=False)
            sizes |= {round(char["size"], 2) for char in match["chars"]}
    assert len(sizes) == 1, sizes
    (body,) = sizes
    assert 8 <= body <= 13
    assert body * 4 == pytest.approx(round(body * 4), abs=0.01), "sizes go in quarter points"


def test_every_font_is_an_embedded_truetype_font(build_pdf):
    reader = pypdf.PdfReader(build_pdf(INTERNATIONAL))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    assert len(fonts) >= 2  # regular and bold
    for name, reference in fonts.items():
        font = reference.get_object()
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, f"font {name} ({font.get('/BaseFont')}) is not embedded"


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler's pdffonts is not installed")
def test_pdffonts_sees_every_font_embedded(build_pdf):
    listing = subprocess.run(
        ["pdffonts", str(build_pdf(INTERNATIONAL))], capture_output=True, text=True, check=True
    ).stdout
    rows = listing.splitlines()[2:]
    assert rows
    for row in rows:
        fields = row.split()
        assert "TrueType" in row, row
        assert fields[-5] == "yes", f"not embedded: {row}"


def test_german_polish_and_markup_characters_print_exactly(build_pdf):
    text = page_text(build_pdf(INTERNATIONAL))
    assert_in_order(text, expected_sequence(INTERNATIONAL))
    for char in "äöüßÄÖÜ„“łżśęąćńóŁŻŚĘĄĆŃÓ°–—<&>":  # noqa: RUF001
        assert char in text, char
    assert "&amp;" not in text and "&lt;" not in text


def test_pdfplumber_reads_the_same_characters(build_pdf, open_pdf):
    page = open_pdf(build_pdf(INTERNATIONAL)).pages[0]
    printed = {char["text"] for char in page.chars}
    assert set("äöüßÄÖÜ„“łżśęąćńóŁŻŚĘĄĆŃÓ°–—<&>") <= printed  # noqa: RUF001
    assert page.search("Wądołek & Süß", regex=False)
    assert page.search("Źdźbło: ćma, gęś, ńa, óśmy,", regex=False)


def test_metadata_names_the_routine_and_the_tool(build_pdf):
    data = realistic(2)
    reader = pypdf.PdfReader(build_pdf(data))
    info = reader.metadata
    assert info.title == data["title"]
    assert info.subject == "Stretches: " + ", ".join(s["name"] for s in data["stretches"])
    assert info.creator.startswith("handout ")
    import handout

    assert handout.__version__ in info.creator
    assert str(reader.trailer["/Root"]["/Lang"]) == "en"


def test_metadata_keeps_special_characters(build_pdf):
    info = pypdf.PdfReader(build_pdf(INTERNATIONAL)).metadata
    assert info.title == INTERNATIONAL["title"]
    assert "Oberschenkel & Wade <vorn>" in info.subject


def test_two_builds_of_the_same_input_are_byte_identical(build_pdf):
    first = build_pdf(INTERNATIONAL).read_bytes()
    second = build_pdf(INTERNATIONAL).read_bytes()
    assert first == second


def test_two_builds_with_a_photo_are_byte_identical(build_pdf, photo_path, tmp_path):
    shutil.copy(photo_path, tmp_path / "photo.jpg")
    data = realistic(2)
    data["stretches"][0]["image"] = "photo.jpg"
    assert build_pdf(data).read_bytes() == build_pdf(data).read_bytes()


def test_the_users_photo_is_embedded_inside_its_card(build_pdf, open_pdf, photo_path, tmp_path):
    shutil.copy(photo_path, tmp_path / "photo.jpg")
    data = realistic(4)
    data["stretches"][1]["image"] = "photo.jpg"
    path = build_pdf(data)
    page = open_pdf(path).pages[0]
    assert len(page.images) == 1
    image = page.images[0]
    # Shown whole (contain): the photo's 4:3 proportions are kept.
    shown_ratio = (image["x1"] - image["x0"]) / (image["bottom"] - image["top"])
    assert shown_ratio == pytest.approx(1200 / 900, rel=0.02)
    assert image["x0"] >= MIN_MARGIN - 1 and image["x1"] <= PAPER_SIZES["a4"][0] - MIN_MARGIN + 1
    # It sits in the second card, above that card's name or on its left, however the cards are arranged.
    name = page.search("Kneeling hip flexor")[0]  # the name may wrap beside a photo
    above = image["bottom"] <= name["top"] and image["x0"] - 1 <= name["x0"] < image["x1"]
    below = [hit["top"] for hit in page.search("Butterfly stretch") if hit["top"] > name["top"]]
    card_bottom = min(below, default=float(page.height))
    beside = image["x1"] <= name["x0"] and name["top"] - 10 <= image["top"] and image["bottom"] <= card_bottom
    assert above or beside, (image, name)
    xobjects = pypdf.PdfReader(path).pages[0]["/Resources"]["/XObject"]
    images = [x.get_object() for x in xobjects.values() if x.get_object()["/Subtype"] == "/Image"]
    assert len(images) == 1
    # Downsampled for print, never upsampled: at most the photo's own pixels.
    assert 0 < images[0]["/Width"] <= 1200 and 0 < images[0]["/Height"] <= 900


def test_a_photo_in_a_subfolder_next_to_the_routine_is_found(build_pdf, photo_path, tmp_path):
    (tmp_path / "pictures").mkdir()
    shutil.copy(photo_path, tmp_path / "pictures" / "calf.jpg")
    data = realistic(1)
    data["stretches"][0]["image"] = "pictures/calf.jpg"
    reader = pypdf.PdfReader(build_pdf(data))
    xobjects = reader.pages[0]["/Resources"]["/XObject"]
    assert sum(x.get_object()["/Subtype"] == "/Image" for x in xobjects.values()) == 1


def test_a_phone_photo_rotated_by_exif_prints_upright(build_pdf, open_pdf, tmp_path):
    image = Image.new("RGB", (1200, 900), "#88aacc")
    exif = image.getexif()
    exif[0x0112] = 6  # stored sideways: the camera was held upright
    image.save(tmp_path / "upright.jpg", exif=exif.tobytes())
    data = realistic(2)
    data["stretches"][0]["image"] = "upright.jpg"
    (shown,) = open_pdf(build_pdf(data)).pages[0].images
    assert (shown["x1"] - shown["x0"]) / (shown["bottom"] - shown["top"]) == pytest.approx(
        900 / 1200, rel=0.02
    )
    assert shown["srcsize"][0] < shown["srcsize"][1]


def test_a_png_with_transparency_is_embedded(build_pdf, tmp_path):
    image = Image.new("RGBA", (400, 600), (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse((50, 50, 350, 550), fill=(200, 30, 30, 255))
    image.save(tmp_path / "drawing.png")
    data = realistic(2)
    data["stretches"][1]["image"] = "drawing.png"
    reader = pypdf.PdfReader(build_pdf(data))
    xobjects = reader.pages[0]["/Resources"]["/XObject"]
    assert sum(x.get_object()["/Subtype"] == "/Image" for x in xobjects.values()) == 1


def test_the_bundled_routine_prints_all_its_text(run_cli, tmp_path):
    from handout.content.routine import load_routine

    routine = load_routine("after-running")
    data = {
        "title": routine.title,
        "subtitle": routine.subtitle,
        "stretches": [
            {"name": s.name, "target": s.target, "hold": s.hold, "key_points": list(s.key_points)}
            for s in routine.stretches
        ],
    }
    result = run_cli("build")
    assert result.code == 0, result.err
    reader = pypdf.PdfReader(tmp_path / "build" / "after-running-grid-a4.pdf")
    assert len(reader.pages) == 1
    assert len(data["stretches"]) == 4
    assert_in_order(reader.pages[0].extract_text(), expected_sequence(data))
