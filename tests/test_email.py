"""`handout email`: a ready-to-send message that parses back, readable without opening anything."""

from __future__ import annotations

import email
import email.policy
import io
import re
import socket
from collections.abc import Iterator
from email.message import EmailMessage
from html.parser import HTMLParser
from pathlib import Path

import pypdf
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session
from conftest import error_mentions, realistic
from PIL import Image

from handout.content.routine import load_routine

DEFAULT_EML = Path("build") / "after-running-grid-a4.eml"
TO = "runners@club.example"


def read_message(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def text_of(message: EmailMessage, subtype: str) -> str:
    part = message.get_body((subtype,))
    assert part is not None, f"no text/{subtype} part"
    content = part.get_content()
    assert isinstance(content, str)
    return content


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def read_html(page: str) -> tuple[set[str], list[str]]:
    """The tags an HTML page uses and its text, one string per element, as a mail client shows them."""
    reader = _Reader()
    reader.feed(page)
    reader.close()
    return reader.tags, [" ".join(text.split()) for text in reader.text if text.strip()]


TEMPLATE_TAGS = {"html", "head", "meta", "title", "body", "div", "h1", "h2", "p", "ol", "li", "img"}


def expected_lines(data: dict) -> list[str]:
    """What both parts must say for each stretch: name, target, hold, and the numbered points."""
    lines = []
    for stretch in data["stretches"]:
        lines += [stretch["name"], f"Target: {stretch['target']}"]
        if stretch.get("hold"):
            lines.append(f"Hold: {stretch['hold']}")
    return lines


def test_email_of_the_bundled_routine(run_cli, tmp_path):
    result = run_cli("email", "--to", TO)
    assert result.code == 0, result.err
    assert result.err == ""
    assert result.out.strip() == str(DEFAULT_EML)
    path = tmp_path / DEFAULT_EML
    assert path.stat().st_size < 300_000
    message = read_message(path)
    assert message["To"] == TO
    assert message["From"] == "handout@localhost"
    assert message["Subject"] == "Stretches after your run"
    assert message["Date"] and message["Message-ID"]
    routine = load_routine("after-running")
    plain = text_of(message, "plain")
    tags, texts = read_html(text_of(message, "html"))
    assert tags == TEMPLATE_TAGS
    for stretch in routine.stretches:
        for line in (stretch.name, f"Target: {stretch.target}", f"Hold: {stretch.hold}"):
            assert line in plain
            assert line in texts
        for number, point in enumerate(stretch.key_points, start=1):
            assert f"{number}. {point}" in plain
            assert point in texts  # in an <ol>, which numbers it


def test_the_html_part_shows_the_inline_preview_and_the_pdf_is_attached(run_cli, tmp_path):
    run_cli("email", "--to", TO, "-o", "message.eml")
    message = read_message(tmp_path / "message.eml")
    page = text_of(message, "html")
    images = [part for part in message.walk() if part.get_content_type() == "image/png"]
    assert len(images) == 1 + len(load_routine("after-running").stretches), "the figures, then the sheet"
    image = images[-1]
    assert image.get_content_disposition() == "inline"
    cid = image["Content-ID"].strip("<>")
    assert re.search(rf'<img src="cid:{re.escape(cid)}" alt="[^"]+"', page)
    with Image.open(io.BytesIO(image.get_content())) as picture:
        assert picture.width == 800
    related = [part for part in message.walk() if part.get_content_type() == "multipart/related"]
    assert len(related) == 1 and image in related[0].iter_parts()
    assert page.index(f"cid:{cid}") > page.index("</ol>"), "the sheet comes after the stretches"

    attachments = list(message.iter_attachments())
    assert [part.get_content_type() for part in attachments] == ["application/pdf"]
    assert attachments[0].get_filename() == "after-running-grid-a4.pdf"
    assert len(pypdf.PdfReader(io.BytesIO(attachments[0].get_content())).pages) == 1


def test_each_stretch_shows_its_figure_inline_beside_its_steps(run_cli, tmp_path):
    """One small PNG a stretch, in the multipart/related part, referenced from that stretch's section of
    the HTML (after its name, before its steps); the figures share one body scale; the whole e-mail of
    the bundled routine stays under 250 KB."""
    run_cli("email", "--to", TO, "-o", "message.eml")
    path = tmp_path / "message.eml"
    assert path.stat().st_size < 250_000
    message = read_message(path)
    page = text_of(message, "html")
    (related,) = [part for part in message.walk() if part.get_content_type() == "multipart/related"]
    inline = {part["Content-ID"].strip("<>"): part for part in related.iter_parts() if part["Content-ID"]}
    stretches = load_routine("after-running").stretches
    sections = page.split("<h2")[1:]
    assert len(sections) == len(stretches)
    heights = []
    for stretch, section in zip(stretches, sections, strict=True):
        (cid,) = re.findall(r'<img src="cid:([^"]+)"', section.split("<ol")[0])
        assert stretch.name in section.split("</h2>")[0]
        assert re.search(rf'<img src="cid:{re.escape(cid)}" alt="[^"]*{re.escape(stretch.name)}"', section)
        part = inline[cid]
        assert part.get_content_type() == "image/png" and part.get_content_disposition() == "inline"
        width, height = (int(value) for value in re.search(r'width="(\d+)" height="(\d+)"', section).groups())
        with Image.open(io.BytesIO(part.get_content())) as picture:
            assert picture.width == 2 * width, "twice the CSS pixels: sharp on a phone"
            assert picture.convert("L").getextrema()[0] < 128, "something is drawn"
        assert len(part.get_content()) < 20_000
        heights.append(height)
    standing, lying = heights[0], heights[1]  # the standing quad and the push-up lunge
    assert standing > 2.5 * lying, "one body scale: a lying runner is as long as a standing one is tall"


def test_the_html_part_is_for_phones_and_self_contained(run_cli, tmp_path):
    run_cli("email", "--to", TO, "-o", "message.eml")
    page = text_of(read_message(tmp_path / "message.eml"), "html")
    assert "max-width: 600px" in page
    sizes = [int(size) for size in re.findall(r"font-size: (\d+)px", page)]
    assert sizes and min(sizes) >= 16
    assert not re.search(r"(src|href)=\"(https?:)?//", page), "an external resource"
    assert "<link" not in page and "<script" not in page and "<style" not in page


def test_user_text_is_escaped_in_html_literal_in_text_and_never_a_template(run_cli, write_routine, tmp_path):
    data = realistic(2)
    data["title"] = "Cool-down <b>&\"'"
    data["stretches"][0]["name"] = "Calf {{ 7 * 7 }} <script>"
    data["stretches"][0]["key_points"][1] = "Step back & press <i>gently</i> {% if x %}"
    write_routine(data)
    result = run_cli("email", "routine.toml", "--to", TO, "-o", "message.eml")
    assert result.code == 0, result.err
    message = read_message(tmp_path / "message.eml")
    assert message["Subject"] == data["title"]
    plain, page = text_of(message, "plain"), text_of(message, "html")
    tags, texts = read_html(page)
    assert tags == TEMPLATE_TAGS, "user text became markup"
    for text in (data["title"], data["stretches"][0]["name"], data["stretches"][0]["key_points"][1]):
        assert text in plain
        assert text in texts
    assert "&lt;b&gt;&amp;" in page
    assert "Calf 49" not in plain and "Calf 49" not in page
    for line in expected_lines(data):
        assert line in plain
        assert line in texts


def test_a_routine_file_gets_its_own_names(run_cli, write_routine, tmp_path):
    write_routine(realistic(3), "cool-down.toml")
    result = run_cli(
        "email", "cool-down.toml", "--paper", "letter", "--to", TO, "--from", "coach@club.example"
    )
    assert result.code == 0, result.err
    assert result.out.strip() == str(Path("build") / "cool-down-grid-letter.eml")
    message = read_message(tmp_path / "build" / "cool-down-grid-letter.eml")
    assert message["From"] == "coach@club.example"
    assert [part.get_filename() for part in message.iter_attachments()] == ["cool-down-grid-letter.pdf"]


BAD_ADDRESSES = [
    "runners",
    "two@at@club.example",
    "runner @club.example",
    "runner@club.example\nBcc: everyone@example.org",
    "runner@club.example\r\nBcc: everyone@example.org",
    "a@b.example, c@d.example",
    "Coach <coach@club.example>",
    "",
]


@pytest.mark.parametrize("option", ["--to", "--from"])
@pytest.mark.parametrize("address", BAD_ADDRESSES)
def test_a_bad_address_is_an_error_and_writes_nothing(run_cli, tmp_path, option, address):
    other = "--from" if option == "--to" else "--to"
    result = run_cli("email", option, address, other, TO, "-o", "message.eml")
    error_mentions(result, option, "address")
    assert result.out == ""
    assert list(tmp_path.iterdir()) == []


def test_to_is_required(run_cli, tmp_path):
    error_mentions(run_cli("email"), "--to")
    assert list(tmp_path.iterdir()) == []


def test_bad_input_is_an_error_like_build(run_cli, tmp_path):
    error_mentions(run_cli("email", "--to", TO, "--paper", "a5"), '"a5"')
    assert list(tmp_path.iterdir()) == []


# --- Sending -------------------------------------------------------------------------------------


class Recorder:
    """An aiosmtpd handler that keeps every message it is given."""

    def __init__(self) -> None:
        self.envelopes: list[Envelope] = []

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def smtp_server() -> Iterator[tuple[str, Recorder]]:
    """A local SMTP server on a free port; yields its HOST:PORT and what it received."""
    recorder = Recorder()
    controller = Controller(recorder, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield f"127.0.0.1:{controller.port}", recorder
    finally:
        controller.stop()


def test_smtp_delivers_the_message(run_cli, tmp_path, smtp_server):
    server, recorder = smtp_server
    result = run_cli("email", "--to", TO, "--from", "coach@club.example", "--smtp", server)
    assert result.code == 0, result.err
    assert result.out.strip() == f"sent to {TO} through {server}"
    assert not (tmp_path / "build").exists(), "without -o, --smtp only sends"
    assert len(recorder.envelopes) == 1
    envelope = recorder.envelopes[0]
    assert envelope.mail_from == "coach@club.example"
    assert envelope.rcpt_tos == [TO]
    assert isinstance(envelope.content, bytes)
    message = email.message_from_bytes(envelope.content, policy=email.policy.default)
    assert message["Subject"] == "Stretches after your run"
    assert len(list(message.iter_attachments())) == 1


def test_smtp_with_output_also_writes_the_file(run_cli, tmp_path, smtp_server):
    server, recorder = smtp_server
    result = run_cli("email", "--to", TO, "--smtp", server, "-o", "message.eml")
    assert result.code == 0, result.err
    assert result.out.splitlines() == ["message.eml", f"sent to {TO} through {server}"]
    assert read_message(tmp_path / "message.eml")["Subject"] == "Stretches after your run"
    assert len(recorder.envelopes) == 1


def test_an_unreachable_server_is_one_error_line(run_cli, tmp_path):
    port = free_port()  # nothing listens on it once the probe is closed
    result = run_cli("email", "--to", TO, "--smtp", f"127.0.0.1:{port}")
    error_mentions(result, f"127.0.0.1:{port}", "--smtp")
    assert len(result.error_lines) == 1
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("server", ["mail.example", "mail.example:smtp", ":25", "mail.example:70000"])
def test_a_malformed_server_is_an_error_before_anything_is_built(run_cli, tmp_path, server):
    error_mentions(run_cli("email", "--to", TO, "--smtp", server), "HOST:PORT")
    assert list(tmp_path.iterdir()) == []
