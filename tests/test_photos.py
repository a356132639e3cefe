"""Users' photos: turned upright, flattened onto white, shrunk to print size, and refused clearly when broken.

Every photo here is drawn by Pillow inside the test; nothing binary is committed.
"""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image
from pypdf import PdfReader

from handout.cli import main
from handout.content.photo_file import photo_problem
from handout.draw.photos import PRINT_DPI, prepare_photo
from handout.errors import HandoutError
from handout.model import MM, Rect

BOX = Rect(0, 0, 80 * MM, 45 * MM)
RED = (255, 0, 0)


def decoded(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image.convert("RGB")


def is_red(pixel: tuple[int, ...]) -> bool:
    return pixel[0] > 200 and pixel[1] < 60 and pixel[2] < 60


def exif_rotated_photo(path: Path) -> None:
    """Stored 400x200 with its top-left corner red, and EXIF orientation 6 ("rotate 90° clockwise").

    A viewer shows it 200 wide and 400 tall, with the red corner at the top right.
    """
    image = Image.new("RGB", (400, 200), (40, 90, 200))
    image.paste(RED, (0, 0, 60, 60))
    exif = Image.Exif()
    exif[0x0112] = 6
    image.save(path, "JPEG", exif=exif, quality=95)


def routine_with_photo(folder: Path, image_name: str) -> Path:
    routine = folder / "photo-routine.toml"
    routine.write_text(
        'title = "Photo test"\n'
        "[[stretches]]\n"
        'name = "Wall calf stretch"\n'
        'target = "Calves"\n'
        'key_points = ["Lean into the wall.", "Keep the back heel down."]\n'
        f'image = "{image_name}"\n',
        encoding="utf-8",
    )
    return routine


def build(folder: Path, routine: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["build", str(routine), "-o", str(folder / "out.pdf")])
    return code, capsys.readouterr().err


def test_exif_rotated_photo_ends_upright(tmp_path: Path) -> None:
    exif_rotated_photo(tmp_path / "phone.jpg")
    prepared = prepare_photo(tmp_path / "phone.jpg", BOX, "contain", "stretch 1")
    image = decoded(prepared.data)
    assert image.height > image.width
    assert is_red(image.getpixel((image.width - 5, 5)))
    assert not is_red(image.getpixel((5, 5)))
    assert prepared.placed.height == pytest.approx(BOX.height)
    assert prepared.placed.width == pytest.approx(BOX.height / 2, rel=0.02)


def test_contain_keeps_proportions_and_centres(tmp_path: Path) -> None:
    Image.new("RGB", (300, 300), "white").save(tmp_path / "square.png")
    prepared = prepare_photo(tmp_path / "square.png", BOX, "contain", "stretch 1")
    assert prepared.placed.width == pytest.approx(prepared.placed.height)
    assert prepared.placed.x + prepared.placed.width / 2 == pytest.approx(BOX.width / 2)


def test_cover_fills_the_box_and_crops(tmp_path: Path) -> None:
    Image.new("RGB", (300, 300), "white").save(tmp_path / "square.png")
    prepared = prepare_photo(tmp_path / "square.png", BOX, "cover", "stretch 1")
    assert prepared.placed == BOX
    assert prepared.pixel_width / prepared.pixel_height == pytest.approx(BOX.width / BOX.height, rel=0.02)


def test_transparent_png_prints_on_white(tmp_path: Path) -> None:
    image = Image.new("RGBA", (200, 200), (0, 0, 0, 0))
    image.paste((0, 0, 0, 255), (80, 80, 120, 120))
    image.save(tmp_path / "cutout.png")
    flat = decoded(prepare_photo(tmp_path / "cutout.png", BOX, "contain", "stretch 1").data)
    assert flat.getpixel((2, 2)) == (255, 255, 255)
    assert flat.getpixel((100, 100)) == (0, 0, 0)


def test_webp_photo_is_read(tmp_path: Path) -> None:
    Image.new("RGB", (400, 300), RED).save(tmp_path / "photo.webp", "WEBP")
    assert photo_problem(tmp_path / "photo.webp") is None
    image = decoded(prepare_photo(tmp_path / "photo.webp", BOX, "contain", "stretch 1").data)
    assert image.size == (400, 300)
    assert is_red(image.getpixel((200, 150)))


@pytest.mark.parametrize(
    ("mode", "expected"),
    [("CMYK", {"RGB"}), ("I;16", {"L"}), ("P", {"RGB", "P"}), ("LA", {"RGB"})],
)
def test_unusual_modes_become_printable(tmp_path: Path, mode: str, expected: set[str]) -> None:
    path = tmp_path / ("photo.jpg" if mode == "CMYK" else "photo.png")
    Image.new(mode, (120, 80)).save(path)
    image = Image.open(io.BytesIO(prepare_photo(path, BOX, "contain", "stretch 1").data))
    assert image.mode in expected


def test_big_phone_photo_is_embedded_at_most_300_dpi(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Image.effect_noise((4000, 3000), 40).convert("RGB").save(tmp_path / "big.jpg", quality=90)
    code, err = build(tmp_path, routine_with_photo(tmp_path, "big.jpg"), capsys)
    assert (code, err) == (0, "")
    with pdfplumber.open(tmp_path / "out.pdf") as pdf:
        (placed,) = pdf.pages[0].images
    pixels_wide, pixels_high = placed["srcsize"]
    assert pixels_wide < 4000
    assert pixels_wide / (placed["width"] / 72) <= PRINT_DPI + 1
    assert pixels_high / (placed["height"] / 72) <= PRINT_DPI + 1
    assert pixels_wide / pixels_high == pytest.approx(4 / 3, rel=0.01)
    assert (tmp_path / "out.pdf").stat().st_size < (tmp_path / "big.jpg").stat().st_size / 4


def test_photo_in_pdf_is_upright_and_has_no_alpha(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    exif_rotated_photo(tmp_path / "phone.jpg")
    code, err = build(tmp_path, routine_with_photo(tmp_path, "phone.jpg"), capsys)
    assert (code, err) == (0, "")
    with pdfplumber.open(tmp_path / "out.pdf") as pdf:
        (placed,) = pdf.pages[0].images
    assert placed["height"] > placed["width"]
    xobjects = PdfReader(tmp_path / "out.pdf").pages[0]["/Resources"]["/XObject"]
    (image,) = [xobject.get_object() for xobject in xobjects.values()]
    assert "/SMask" not in image


def test_text_file_named_jpg_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "x.jpg").write_text("not a photo", encoding="utf-8")
    code, err = build(tmp_path, routine_with_photo(tmp_path, "x.jpg"), capsys)
    assert code == 2
    assert err == (
        f'error: {tmp_path / "photo-routine.toml"}: stretch 1 "Wall calf stretch": '
        'image "x.jpg" is not a readable image: use a JPEG, PNG or WebP file\n'
    )
    assert not (tmp_path / "out.pdf").exists()


def test_truncated_jpeg_is_refused_without_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    buffer = io.BytesIO()
    Image.effect_noise((800, 600), 40).convert("RGB").save(buffer, "JPEG")
    (tmp_path / "cut.jpg").write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])
    code, err = build(tmp_path, routine_with_photo(tmp_path, "cut.jpg"), capsys)
    assert code == 2
    routine = tmp_path / "photo-routine.toml"
    assert err.startswith(
        f'error: {routine}: stretch 1 "Wall calf stretch": image "cut.jpg" is not a readable'
    )
    assert err.count("\n") == 1
    assert not (tmp_path / "out.pdf").exists()


def png_claiming_size(width: int, height: int) -> bytes:
    """A valid little PNG whose header claims another size: what a decompression bomb looks like."""
    buffer = io.BytesIO()
    Image.new("L", (8, 8)).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    header = struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:29] = header
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + header))
    return bytes(data)


@pytest.mark.parametrize("side", [10_000, 20_000])
def test_decompression_bomb_is_refused(tmp_path: Path, side: int) -> None:
    path = tmp_path / "bomb.png"
    path.write_bytes(png_claiming_size(side, side))
    assert photo_problem(path) is not None
    assert "too large" in str(photo_problem(path))
    with pytest.raises(HandoutError, match="too large"):
        prepare_photo(path, BOX, "contain", "stretch 1")


def test_a_photo_is_prepared_once_per_box_until_its_file_changes(tmp_path: Path) -> None:
    """A batch places the same photo on every sheet: it is decoded once, and again after an edit."""
    path = tmp_path / "photo.png"
    Image.new("RGB", (300, 200), RED).save(path)
    first = prepare_photo(path, BOX, "contain", "stretch 1")
    assert prepare_photo(path, BOX, "contain", "stretch 2") is first
    Image.new("RGB", (200, 300), "white").save(path)
    second = prepare_photo(path, BOX, "contain", "stretch 1")
    assert second is not first
    assert decoded(second.data).getpixel((5, 5)) == (255, 255, 255)


def test_a_photo_is_prepared_once_by_its_content_wherever_its_file_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The web page writes a coach's photo to a new file for every preview: the same bytes elsewhere are
    not decoded again, and new bytes at the same path are (never a stale photo)."""
    from handout.draw import photos

    decoded: list[int] = []
    real = photos._prepared

    def counted(content: bytes, *args: object) -> object:
        decoded.append(len(content))
        return real(content, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(photos, "_prepared", counted)
    box = Rect(0, 0, 40 * MM, 30 * MM)
    first, second = tmp_path / "request-1" / "photo-1", tmp_path / "request-2" / "photo-1"
    for path in (first, second):
        path.parent.mkdir()
        Image.new("RGB", (900, 600), (200, 90, 40)).save(path, "JPEG")
    assert (
        prepare_photo(first, box, "contain", "stretch 1").data
        == prepare_photo(second, box, "contain", "s").data
    )
    assert len(decoded) == 1
    Image.new("RGB", (900, 600), (20, 90, 240)).save(first, "JPEG")  # another photo, same name
    again = prepare_photo(first, box, "contain", "stretch 1")
    assert len(decoded) == 2
    with Image.open(io.BytesIO(again.data)) as image:
        assert image.getpixel((10, 10))[2] > 200  # the blue one
