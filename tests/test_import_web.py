"""`handout import https://...` against a local server on 127.0.0.1: a page, a redirect loop, a slow
server, a 50 MB page, and the addresses that are refused (private, loopback, other schemes)."""

from __future__ import annotations

import contextlib
import threading
import time
import tomllib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pypdf
import pytest

from handout.content.importers import web_address
from handout.content.importers.web_address import check_address, fetch_article
from handout.errors import HandoutError

PAGE = """<!doctype html>
<html><head><title>Post-run stretches | Riverside Runners</title></head>
<body>
<nav><a href="/">Home</a> <a href="/club">Club</a></nav>
<div class="cookie">We use cookies. <button>Accept all</button></div>
<main><article>
<h1>Post-run stretches</h1>
<p>Hold each stretch below for 30 seconds, breathing slowly.</p>
<h2>Calf stretch</h2>
<figure><img src="calf.jpg" alt="runner stretching"><figcaption>Calf stretch side view</figcaption></figure>
<p>Face a wall with both hands on it and step one foot back, heel down.</p>
<h2>Butterfly stretch</h2>
<p>Sit tall and bring the soles of your feet together.</p>
</article></main>
<footer>Share this page: Facebook Twitter</footer>
</body></html>
"""
HUGE = 50 * 1024 * 1024
LATIN_PAGE = """<!doctype html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>Étirements</title></head><body><article>
<h1>Étirements après la course</h1>
<h2>Étirement du mollet</h2>
<p>Face à un mur, une jambe tendue derrière vous, le talon au sol. Tenez 30 secondes.</p>
<h2>Étirement des quadriceps</h2>
<p>Debout, attrapez votre pied et tirez le talon vers la fesse.</p>
</article></body></html>
"""


class Handler(BaseHTTPRequestHandler):
    sent: ClassVar[dict[str, int]] = {}
    hosts: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        Handler.hosts.append(self.headers["Host"])
        if self.path == "/post-run-stretches/":
            self.reply(200, PAGE.encode(), "text/html; charset=utf-8")
        elif self.path == "/latin":
            self.reply(200, LATIN_PAGE.encode("windows-1252"), "text/html")  # the charset only in <meta>
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/slow":
            time.sleep(2)
            self.reply(200, PAGE.encode(), "text/html")
        elif self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no length: the client only learns the size by reading
            chunk = b"<p>stretch</p>\n" * 4096
            sent = 0
            try:
                while sent < HUGE:
                    self.wfile.write(chunk)
                    sent += len(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            Handler.sent["huge"] = sent
        elif self.path == "/photo.jpg":
            self.reply(200, b"\xff\xd8\xff", "image/jpeg")
        else:
            self.reply(404, b"not here", "text/plain")

    def reply(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the slow page's client gave up
            self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_a_web_page_imports_to_a_routine_named_after_the_page_that_builds(site, run_cli, tmp_path):
    result = run_cli("import", f"{site}/post-run-stretches/", "--allow-local")
    assert result.code == 0, result.err
    assert result.out.strip() == "post-run-stretches.toml"
    data = tomllib.loads((tmp_path / "post-run-stretches.toml").read_text(encoding="utf-8"))
    assert data["title"] == "Post-run stretches"
    assert [(s["name"], s["hold"], s.get("use")) for s in data["stretches"]] == [
        ("Calf stretch", "30 s", "calf-wall"),
        ("Butterfly stretch", "30 s", "butterfly"),
    ]
    build = run_cli("build", "post-run-stretches.toml", "-o", "sheet.pdf")
    assert build.code == 0, build.err
    text = " ".join(pypdf.PdfReader(tmp_path / "sheet.pdf").pages[0].extract_text().split())
    assert "Calf stretch" in text and "Butterfly stretch" in text  # a name may wrap onto two lines
    assert "cookies" not in text and "Facebook" not in text


def test_the_page_on_this_machine_is_refused_without_allow_local(site, run_cli, tmp_path):
    result = run_cli("import", f"{site}/post-run-stretches/")
    assert result.code == 2
    assert result.error_lines == [
        f"error: {site}/post-run-stretches/: is a local or private address (127.0.0.1): handout imports "
        "only public pages (add --allow-local for a page on your own network)"
    ]
    assert list(tmp_path.iterdir()) == []


def test_a_redirect_loop_is_one_error_line(site, run_cli, tmp_path):
    result = run_cli("import", f"{site}/loop", "--allow-local")
    assert result.code == 2
    assert len(result.error_lines) == 1
    assert "redirect loop" in result.error_lines[0]
    assert result.error_lines[0].startswith(f"error: {site}/loop: ")
    assert list(tmp_path.iterdir()) == []


def test_a_slow_server_times_out(site, run_cli, monkeypatch):
    monkeypatch.setattr(web_address, "READ_SECONDS", 0.3)
    start = time.monotonic()
    result = run_cli("import", f"{site}/slow", "--allow-local")
    assert time.monotonic() - start < 1.8
    assert result.code == 2
    assert result.error_lines == [
        f"error: {site}/slow: the site did not answer in time: try again later, "
        "or save the page and import the file"
    ]


def test_a_50_mb_page_is_refused_at_5_mb_while_it_streams(site, run_cli):
    result = run_cli("import", f"{site}/huge", "--allow-local")
    assert result.code == 2
    assert result.error_lines == [
        f"error: {site}/huge: the page is over 5 MB, too large for an article: save only the article, "
        "or copy its text"
    ]
    for _ in range(50):  # the server notices the closed connection on its next write
        if "huge" in Handler.sent:
            break
        time.sleep(0.05)
    assert Handler.sent["huge"] < 12 * 1024 * 1024  # stopped early, not the 50 MB


def test_a_missing_page_and_a_picture_are_refused_in_a_coachs_words(site):
    with pytest.raises(HandoutError, match="the site answered 404 Not Found: check the address"):
        fetch_article(f"{site}/nothing", allow_local=True)
    with pytest.raises(HandoutError, match="is not a web page but image/jpeg"):
        fetch_article(f"{site}/photo.jpg", allow_local=True)


def test_a_page_whose_charset_is_only_in_a_meta_tag_is_read_in_that_charset(site):
    text, _, kind = fetch_article(f"{site}/latin", allow_local=True)
    assert kind == "html"
    assert "<h1>Étirements après la course</h1>" in text
    assert "\ufffd" not in text


def test_the_connection_goes_to_the_address_the_check_found_under_the_sites_name(site, monkeypatch):
    """DNS rebinding: a name that resolves to a checked address, then to another one when the client
    connects. The lookup is made once, the connection made to its answer; the site's name stays in the
    Host header. ("club.example" has no address in real DNS: a second lookup could not connect.)"""
    port = int(site.rsplit(":", 1)[1])
    answers = iter([["127.0.0.1"]])
    lookups = []

    def rebinding(host: str, port: int) -> list[str]:
        lookups.append(host)
        return next(answers, ["10.9.9.9"])

    monkeypatch.setattr(web_address, "resolve", rebinding)
    Handler.hosts.clear()
    text, _, _ = fetch_article(f"http://club.example:{port}/post-run-stretches/", allow_local=True)
    assert "<h1>Post-run stretches</h1>" in text
    assert lookups == ["club.example"]
    assert Handler.hosts == [f"club.example:{port}"]


@pytest.mark.parametrize(
    "address",
    [
        "http://127.0.0.1/",
        "http://localhost:8000/page",
        "http://10.0.0.7/stretches",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://0.0.0.0/",
    ],
)
def test_private_and_loopback_addresses_are_refused(address):
    with pytest.raises(HandoutError, match="is a local or private address"):
        check_address(address, address, allow_local=False)


@pytest.mark.parametrize("address", ["file:///etc/passwd", "ftp://example.org/a.txt", "gopher://x/"])
def test_only_http_and_https_are_fetched(address, run_cli):
    result = run_cli("import", address)
    assert result.code == 2
    assert result.error_lines == [
        f"error: {address}: only http:// and https:// web addresses can be imported"
    ]
