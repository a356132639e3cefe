"""The QR code for the `url` detail: it scans (decoded from the rendered sheet), and layouts control it."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from conftest import error_mentions, normalise, realistic
from test_pdf_readback import page_text

from handout.layout.layout_file import check_layout

URL = "https://example.org/stretch?club=riverside&week=49"


def scanned(path: Path, dpi: int = 150) -> list[str]:
    """What a barcode scanner reads on the sheet, printed at `dpi`: the texts of the QR codes it finds."""
    document = pypdfium2.PdfDocument(path)
    try:
        image = document[0].render(scale=dpi / 72).to_pil()
    finally:
        document.close()
    return [
        code.text for code in zxingcpp.read_barcodes(image) if code.format == zxingcpp.BarcodeFormat.QRCode
    ]


@pytest.mark.parametrize("layout", ["grid", "list", "poster"])
def test_the_qr_code_scans_as_the_url_and_the_url_is_printed(build_pdf, layout):
    data = realistic(2)
    for stretch in data["stretches"]:
        stretch["key_points"] = stretch["key_points"][:2]
    path = build_pdf(data, "--layout", layout, "--set", f"url={URL}")
    assert scanned(path) == [URL]
    assert URL in normalise(page_text(path)).replace(" ", "")


def test_a_small_print_still_scans(build_pdf):
    """At 100 dpi, a cheap printer's or a phone photo's detail, the code still reads."""
    assert scanned(build_pdf(realistic(2), "--set", f"url={URL}"), dpi=100) == [URL]


def test_no_url_no_qr_code(build_pdf):
    assert scanned(build_pdf(realistic(2))) == []


def test_a_layout_without_qr_prints_the_url_only_if_its_footer_says_so(build_pdf, tmp_path):
    (tmp_path / "plain.toml").write_text('[footer]\ntemplate = "See {{ url }}"\n', encoding="utf-8")
    path = build_pdf(realistic(2), "--layout", str(tmp_path / "plain.toml"), "--set", "url=https://x.org")
    assert scanned(path) == []
    assert "See https://x.org" in page_text(path)


def test_qr_settings_are_checked(run_cli, write_routine, tmp_path):
    (tmp_path / "mine.toml").write_text("[qr]\nshow = 1\nsize_mm = 15\nsize = 3\n", encoding="utf-8")
    write_routine(realistic(2))
    result = run_cli("build", "routine.toml", "--layout", "mine.toml")
    error_mentions(result, "mine.toml: [qr]", '"show" must be true or false', '"size_mm" is 15', '"size"')


def test_qr_is_off_unless_the_layout_shows_it():
    assert check_layout({}, "mine.toml", "mine").qr_size == 0
    assert check_layout({"qr": {"show": True}}, "mine.toml", "mine").qr_size > 0
