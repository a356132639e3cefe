"""The web page as a hostile visitor tries it: names that are paths, hosts that are not ours, odd actions,
costly images, broken forms. Each test here failed on the server before its fix."""

from __future__ import annotations

import hashlib
import io
import logging
import os
import re
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfReader
from starlette.testclient import TestClient
from test_web_http import SHORT, editor_form, photo, routine_with_image
from web_server import slowed

from handout.web import pages
from handout.web.app import WebSettings, create_app
from handout.web.response_headers import CONTENT_SECURITY_POLICY
from handout.web.sheets import empty_directory
from handout.web.uploads import PRINT_SIDE, photo_key

LOCAL = "http://127.0.0.1"


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(), base_url=LOCAL)


def tree(folder: Path) -> dict[str, str]:
    """Every file and folder under `folder`, with each file's hash: what a visitor must not change."""
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        relative = str(path.relative_to(folder))
        found[relative] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "folder"
    return found


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder standing for the server's disk: the requests' temporary folders are made inside it (in
    tmp/), beside victim files and a folder, so that any name that escapes its folder lands here."""
    empty_directory()  # the server's one shared folder (which stays empty) is made before the test
    (tmp_path / "tmp").mkdir()
    (tmp_path / "home" / "coach").mkdir(parents=True)
    (tmp_path / "home" / "coach" / ".bashrc").write_text("export PATH=/usr/bin\n")
    (tmp_path / "victim.txt").write_text("the club's own file\n")
    (tmp_path / "tmp" / "calf-wall").write_text("not a figure\n")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    yield tmp_path


def hostile_names(sandbox: Path) -> list[str]:
    return [
        str(sandbox / "home" / "coach" / ".bashrc"),
        str(sandbox / "victim.txt"),
        "../victim.txt",
        "../../victim.txt",
        "../tmp/calf-wall",
        "calf-wall",
        "a\x00b.jpg",
        "x" * 300 + ".jpg",
        str(sandbox / "home"),
        str(sandbox / "nowhere" / "x.jpg"),
        ".",
        "..",
        "",
    ]


def uploaded(client: TestClient, content: bytes, name: str = "p.png") -> str:
    """The reference the page gives a photo once it is uploaded (its hidden field s1-photo_ref)."""
    page = client.post("/edit", data=editor_form(action="refresh"), files={"s1-photo": (name, content)}).text
    return re.search(r'name="s1-photo_ref" value="(photo-[0-9a-f]{20})"', page).group(1)  # type: ignore[union-attr]


def test_no_photo_name_a_visitor_sends_writes_a_file_outside_its_request(
    client: TestClient, sandbox: Path
) -> None:
    before = tree(sandbox)
    sent = photo("PNG")
    reference = uploaded(client, sent)
    for name in hostile_names(sandbox):
        for hidden in ({"s1-photo_name": name, "s1-photo_ref": reference}, {"s1-photo_ref": name}):
            for route in ("/preview", "/edit", "/download"):
                response = client.post(route, data=editor_form(action="pdf", **hidden))
                assert response.status_code == 200, (route, name, response.text[:300])
        upload = client.post("/edit", data=editor_form(action="refresh"), files={"s1-photo": (name, sent)})
        assert upload.status_code == 200
        api = client.post("/sheet.pdf", data={"routine": routine_with_image(name)}, files={"p": (name, sent)})
        assert api.status_code in (200, 422), (name, api.text)
    assert tree(sandbox) == before


def test_a_photo_sent_back_under_a_path_still_prints_as_the_photo(client: TestClient, sandbox: Path) -> None:
    hidden = {"s1-photo_name": "../../victim.txt", "s1-photo_ref": uploaded(client, photo("PNG"))}
    response = client.post("/download", data=editor_form(action="pdf", **hidden))
    assert response.headers["content-type"] == "application/pdf"
    assert len(PdfReader(io.BytesIO(response.content)).pages[0].images) == 1


def test_the_answer_does_not_tell_whether_a_folder_exists(client: TestClient, sandbox: Path) -> None:
    answers = []
    reference = uploaded(client, photo("PNG"))
    for name in (str(sandbox / "home"), str(sandbox / "nowhere"), "/etc", "/no/such/folder"):
        hidden = {"s1-photo_name": name, "s1-photo_ref": reference}
        page = client.post("/edit", data=editor_form(action="refresh", **hidden)).text
        answers.append(re.sub(r'value="[^"]*"|“[^”]*”', "", page))
    assert len(set(answers)) == 1


def test_the_page_keeps_the_visitors_spelling_only_to_show_it(client: TestClient) -> None:
    import zipfile

    page = client.post(
        "/edit", data=editor_form(action="refresh"), files={"s1-photo": ("../Mollet étiré.png", photo("PNG"))}
    ).text
    assert 'name="s1-photo_name" value="Mollet étiré.png"' in page
    sent = re.search(r'name="s1-photo_ref" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    saved = client.post(
        "/download",
        data=editor_form(action="toml", **{"s1-photo_name": "../../Mollet étiré.png", "s1-photo_ref": sent}),
    )
    with zipfile.ZipFile(io.BytesIO(saved.content)) as archive:  # the coach's own file, to unpack anywhere
        assert sorted(archive.namelist()) == ["Mollet étiré.png", "routine.toml"]
        assert 'image = "Mollet étiré.png"' in archive.read("routine.toml").decode()


@pytest.mark.parametrize(
    "host", ["evil.example", "127.0.0.1.evil.example", "attacker.test:8000", "localhost.evil", "10.0.0.1"]
)
def test_a_request_for_another_host_name_is_refused(host: str) -> None:
    client = TestClient(create_app(), base_url=LOCAL)
    for method, path in (("GET", "/"), ("POST", "/sheet.pdf"), ("GET", "/static"), ("GET", "/healthz")):
        response = client.request(
            method,
            path,
            data={"routine": SHORT} if method == "POST" else None,
            headers={"host": host},
            follow_redirects=False,
        )
        assert response.status_code == 400, (host, path)
        assert host not in response.headers.get("location", "")


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.1:8000", "localhost", "localhost:8000"])
def test_the_local_names_are_accepted(host: str) -> None:
    response = TestClient(create_app(), base_url=LOCAL).get("/healthz", headers={"host": host})
    assert response.status_code == 200


def test_a_name_given_with_allowed_host_is_accepted() -> None:
    app = create_app(WebSettings(allowed_hosts=("127.0.0.1", "localhost", "stretch.club.example")))
    client = TestClient(app, base_url="http://stretch.club.example")
    headers = {"origin": "http://stretch.club.example", "sec-fetch-site": "same-origin"}
    assert client.post("/sheet.pdf", data={"routine": SHORT}, headers=headers).status_code == 200
    assert client.get("/", headers={"host": "other.club.example"}).status_code == 400


@pytest.mark.parametrize(
    "title",
    ["ランニング後のストレッチ", "Растяжка после бега", "Étirements d’après-course", "Διατάσεις μετά"],  # noqa: RUF001
)
def test_a_title_in_any_script_downloads_under_its_own_name(client: TestClient, title: str) -> None:
    for action in ("pdf", "png", "toml"):
        response = client.post("/download", data=editor_form(action=action, title=title))
        assert response.status_code == 200, response.text[:200]
        disposition = response.headers["content-disposition"]
        assert disposition.isascii()
        assert re.search(r'filename="[A-Za-z0-9._-]+"', disposition)
        encoded = re.search(r"filename\*=UTF-8''(\S+)", disposition)
        assert encoded and unquote(encoded.group(1)).endswith("." + action)


def test_a_search_that_matches_nothing_keeps_every_button_working(client: TestClient) -> None:
    for route, action in (("/edit", "refresh"), ("/edit", "add:calf-wall"), ("/download", "pdf")):
        response = client.post(route, data=editor_form(action=action, q="zzzz no such stretch"))
        assert response.status_code == 200, response.text[:300]
    page = client.post("/edit", data=editor_form(action="refresh", q="zzzz")).text
    assert "No stretch matches “zzzz”" in page


@pytest.mark.parametrize(
    "action", ["up:" + "9" * 5000, "remove:²", "down:①", "up:-1", "remove:0", "unphoto:٣", "down:1e3", "add:"]
)
def test_an_odd_action_changes_nothing(client: TestClient, action: str) -> None:
    response = client.post("/edit", data=editor_form(action=action))
    assert response.status_code == 200
    assert "<legend>Stretch 1</legend>" in response.text and "<legend>Stretch 2</legend>" not in response.text


def test_a_broken_form_body_is_a_400(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    broken = [
        (b"garbage", "multipart/form-data; boundary=xyz"),
        (b"--xyzX\r\n", "multipart/form-data; boundary=xyz"),
        (b'--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--xyz--', "multipart/form-data"),
        (b"--xyz\r\nContent-Disposition: form-data\r\n\r\nb\r\n--xyz--", "multipart/form-data; boundary=xyz"),
    ]
    for route in ("/edit", "/preview", "/download", "/sheet.pdf"):
        for body, kind in broken:
            response = client.post(route, content=body, headers={"content-type": kind})
            assert response.status_code == 400, (route, body, response.status_code)
            assert len(response.text.splitlines()) == 1
    assert not any(record.exc_info for record in caplog.records)


def test_an_unexpected_fault_is_logged_once_and_shown_as_the_pages_own_error(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("a bug of ours")

    monkeypatch.setattr(pages, "apply_action", broken)
    client = TestClient(create_app(), base_url=LOCAL, raise_server_exceptions=False)
    with caplog.at_level(logging.ERROR):
        response = client.post("/edit", data=editor_form(action="up:1"))
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.text and "Traceback" not in response.text
    assert "RuntimeError" not in response.text
    assert (
        sum(
            "a bug of ours" in record.getMessage() or record.exc_info is not None for record in caplog.records
        )
        == 1
    )


def test_every_answer_carries_the_security_headers(client: TestClient) -> None:
    answers = [
        client.get("/"),
        client.get("/static/style.css"),
        client.post("/sheet.pdf", data={"routine": SHORT}),
        client.post("/sheet.pdf", data={"routine": "title = 1"}),
        client.post("/sheet.pdf", data={"routine": SHORT}, headers={"sec-fetch-site": "cross-site"}),
        TestClient(create_app(WebSettings(max_body=10)), base_url=LOCAL).post("/edit", data={"a": "b" * 100}),
    ]
    for response in answers:
        assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["x-content-type-options"] == "nosniff"


def big_image(size: tuple[int, int], kind: str) -> bytes:
    out = io.BytesIO()
    Image.new("L" if kind == "WEBP" else "RGB", size, 255).save(out, kind)
    return out.getvalue()


def test_an_image_of_too_many_pixels_is_refused_from_its_header(client: TestClient) -> None:
    bomb = big_image((10_000, 7_900), "PNG")  # 79 megapixels of white: a few hundred kilobytes
    started = time.process_time()
    for route in ("/edit", "/preview"):
        response = client.post(route, data=editor_form(action="refresh"), files={"s1-photo": ("w.png", bomb)})
        assert "is too large (79 megapixels): use a photo under 24 megapixels" in html_text(response.text)
    hidden = {
        "s1-photo_name": "w.png",
        "s1-photo_ref": photo_key(bomb),
    }  # never kept: refused uploads are not
    sent_back = html_text(client.post("/edit", data=editor_form(**hidden)).text)
    assert 'the server no longer has "w.png": choose the photo again' in sent_back
    api = client.post(
        "/sheet.pdf", data={"routine": routine_with_image("w.png")}, files={"p": ("w.png", bomb)}
    )
    assert api.status_code == 422 and "too large (79 megapixels)" in api.text
    assert time.process_time() - started < 3  # decoding one of them would take seconds and gigabytes


def test_a_phone_sized_photo_is_brought_down_to_print_size_on_arrival(client: TestClient) -> None:
    out = io.BytesIO()
    Image.new("RGB", (4000, 3000), (90, 120, 200)).save(out, "JPEG", quality=95)
    reference = uploaded(client, out.getvalue(), "phone.jpg")
    sent_back = client.app.state.photos.get(client.cookies["handout_session"], reference)  # type: ignore[attr-defined]
    with Image.open(io.BytesIO(sent_back)) as image:
        assert max(image.size) == PRINT_SIDE and image.size == (1600, 1200)
    assert len(sent_back) < len(out.getvalue()) / 2


def test_a_rotated_phone_photo_arrives_upright() -> None:
    from handout.draw.photos import print_sized

    out = io.BytesIO()
    exif = Image.Exif()
    exif[0x0112] = 6  # the camera was held on its side: shown turned a quarter
    Image.new("RGB", (2000, 1000), (90, 120, 200)).save(out, "JPEG", exif=exif)
    with Image.open(io.BytesIO(print_sized(out.getvalue(), 1600))) as image:
        assert image.size == (800, 1600)


def html_text(page: str) -> str:
    import html

    return html.unescape(page)


def test_an_article_over_the_clis_cap_is_refused(client: TestClient) -> None:
    article = "Calf stretch\n" + "Face a wall. " * 420_000  # 5.5 MB
    response = client.post("/edit", data=editor_form(action="import", article=article))
    assert response.status_code == 422 and "is over 5 MB, too large for an article" in html_text(
        response.text
    )
    routine = client.post("/sheet.pdf", data={"routine": SHORT + "#" * 1_100_000})
    assert routine.status_code == 422 and "is over 1 MB, too large for a routine" in routine.text


def test_a_layout_cannot_ask_for_thousands_of_tries(client: TestClient) -> None:
    columns = ", ".join(str(1 + index % 4) for index in range(12_000))
    images = ", ".join(['"top"'] * 12_000)
    for layout, key in (
        (f"[grid]\ncolumns = [{columns}]\n", "columns"),
        (f"[card]\nimage = [{images}]\n", "image"),
    ):
        started = time.monotonic()
        response = client.post(
            "/sheet.pdf", data={"routine": SHORT}, files={"layout": ("many.toml", layout.encode())}
        )
        assert response.status_code == 422
        assert f'"{key}"' in response.text and (
            "12000 values: give at most 8" in response.text or "or a list of them" in response.text
        )
        assert time.monotonic() - started < 5


def test_a_request_queued_past_the_time_limit_never_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    """A crowd of requests waits for the builders; those whose time is up are dropped before they start."""
    started: list[float] = []
    slowed(monkeypatch, pages, "edited", 0.3, starts=started)
    import concurrent.futures

    app = create_app(WebSettings(time_limit=0.5))
    client = TestClient(app, base_url=LOCAL)
    with concurrent.futures.ThreadPoolExecutor(12) as crowd:
        answers = list(crowd.map(lambda _: client.post("/edit", data=editor_form()).status_code, range(12)))
    assert answers.count(503) >= 4 and set(answers) <= {200, 503}
    time.sleep(0.5)
    assert len(started) < 12  # the builders (4) ran a few; the rest were never started
    assert len(started) <= 4 * 2


def test_the_round_trip_of_a_title_with_control_characters() -> None:
    from handout.content.schema import parse_toml
    from handout.web.editor import EditorState, state_from_routine
    from handout.web.routine_toml import routine_toml

    for title in ("Stretch\x7f", "a\x00b", "tab\there", "\x1b[31mred", "line\u2028sep", "bad\ud800half"):
        saved = routine_toml(EditorState(title=title).routine_data())
        opened = state_from_routine(parse_toml(saved, "saved"), EditorState())
        assert opened.title == title.replace("\ud800", "\ufffd")


def test_the_guard_files_are_not_left_behind(client: TestClient, sandbox: Path) -> None:
    client.post("/download", data=editor_form(action="pdf"), files={"s1-photo": ("p.png", photo("PNG"))})
    assert os.listdir(sandbox / "tmp") == ["calf-wall"]


FIELD_NAMES = [
    "title", "subtitle", "club", "date", "url", "contact", "q", "lang", "layout", "paper", "orientation",
    "grayscale", "layout_text", "article", "email_to", "routine", "s1-name", "s1-target", "s1-hold",
    "s1-points", "s1-cues", "s1-figure", "s1-photo_name", "s1-photo_ref", "s1-entry", "s1-words_lang",
    "s2-name", "s2-photo_name", "s9-name",
]  # fmt: skip
ACTIONS = [
    "add:calf-wall",
    "up:1",
    "down:1",
    "remove:1",
    "unphoto:1",
    "open",
    "import",
    "pdf",
    "png",
    "eml",
    "toml",
]
FILE_FIELDS = [
    "s1-photo",
    "s2-photo",
    "routine_file",
    "article_file",
    "layout_file",
    "routine",
    "layout",
    "photo",
]


@st.composite
def visitor_forms(draw: st.DrawFn) -> tuple[str, dict[str, str], dict[str, tuple[str, bytes]]]:
    """Whatever a visitor can post: known and unknown fields, any text, paths as names, any bytes."""
    route = draw(st.sampled_from(["/edit", "/preview", "/download", "/sheet.pdf", "/sheet.png"]))
    words = st.one_of(
        st.text(max_size=40),
        st.sampled_from(["../../victim.txt", "/etc/passwd", "calf-wall", "a\x00b", "²", "x" * 300, "", "."]),
    )
    fields = draw(
        st.dictionaries(st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=10)), words, max_size=8)
    )
    if draw(st.booleans()):
        fields["action"] = draw(st.one_of(st.sampled_from(ACTIONS), words))
    if draw(st.booleans()):
        fields["routine"] = draw(st.sampled_from([SHORT, routine_with_image("../x.jpg"), "title = [", ""]))
    contents = st.one_of(st.binary(max_size=64), st.just(photo("PNG", (40, 30))), st.just(SHORT.encode()))
    files = draw(st.dictionaries(st.sampled_from(FILE_FIELDS), st.tuples(words, contents), max_size=3))
    return route, fields, files


@settings(
    max_examples=examples(80), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(form=visitor_forms())
def test_whatever_a_visitor_posts_is_never_a_500_nor_a_file_touched(
    client: TestClient, sandbox: Path, caplog: pytest.LogCaptureFixture, form: tuple[str, dict, dict]
) -> None:
    route, fields, files = form
    before = tree(sandbox)
    quiet = TestClient(client.app, base_url=LOCAL, raise_server_exceptions=False)
    response = quiet.post(route, data=fields, files={key: value for key, value in files.items() if value[0]})
    assert response.status_code < 500, (route, fields, response.text[:300])
    assert "Traceback" not in response.text
    assert not [record for record in caplog.records if record.exc_info], "an exception was logged"
    assert tree(sandbox) == before


def test_serving_to_the_whole_network_says_so_on_start(tmp_path: Path) -> None:
    import signal
    import socket
    import subprocess
    import sys

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "handout", "serve", "--host", "0.0.0.0", "--port", str(port), "--no-browser"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(4)]
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=10)
    assert lines[0] == f"handout is running at http://127.0.0.1:{port}/\n"
    assert lines[1].startswith(
        "warning: --host 0.0.0.0 opens the page to every computer that can reach this one"
    )
    assert "with no login" in lines[1] and '"Running it for a club"' in lines[1]
    assert lines[2].startswith("warning: only http://127.0.0.1 and http://localhost are accepted")
    assert lines[3] == "press Ctrl-C to stop it\n"


@pytest.mark.parametrize(
    "name", ["http://club.example", "club.example:8000", "club example", "club.example/x", ""]
)
def test_a_malformed_allowed_host_is_one_error_line(run_cli: object, name: str) -> None:
    result = run_cli("serve", "--no-browser", "--allowed-host", name)  # type: ignore[operator]
    assert result.code == 2 and result.err.startswith("error: --allowed-host")
    assert len(result.err.splitlines()) == 1


@pytest.mark.parametrize(
    "address",
    ["http://127.0.0.1:8000/healthz", "http://localhost/", "http://169.254.169.254/latest/meta-data/",
     "http://10.0.0.1/", "http://[::1]/", "file:///etc/passwd", "gopher://example.org/"],
)  # fmt: skip
def test_the_web_address_import_never_reaches_the_servers_own_network(
    client: TestClient, address: str
) -> None:
    page = client.post("/edit", data=editor_form(action="import", article_url=address))
    assert page.status_code == 422
    said = html_text(page.text)
    assert "handout imports only public pages" in said or "only http:// and https://" in said
    assert "--allow-local" not in said  # the command line's words, not the page's


def test_an_article_from_a_web_address_fills_the_sheet(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from handout.content.importers import web_address

    page_html = (
        "<html><head><title>Cool-down</title></head><body><article><h1>Three stretches after a run</h1>"
        "<h2>1. Calf stretch</h2><p>Face a wall and press your back heel down. Hold for 30 seconds.</p>"
        "<h2>2. Quad stretch</h2><p>Stand tall and hold your ankle behind you.</p></article></body></html>"
    )
    asked: list[str] = []

    def fetched(url: str, allow_local: bool = False) -> tuple[str, str, str | None]:
        asked.append(url)
        assert not allow_local  # the server never fetches from its own network
        return page_html, url, "html"

    monkeypatch.setattr(web_address, "fetch_article", fetched)
    page = html_text(
        client.post(
            "/edit",
            data={**editor_form(action="import", article_url=" https://club.example/cool "), "club": "RR"},
        ).text
    )
    assert asked == ["https://club.example/cool"]
    assert 'value="Three stretches after a run"' in page and "<legend>Stretch 2</legend>" in page
    assert 'value="RR"' in page  # the club's details stay


def children_of(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the processes from /proc")
def test_an_import_that_runs_too_long_is_stopped_not_left_running(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from handout.web import isolated

    assert isolated.run_isolated(os.getpid) != os.getpid()  # the work runs in a process of its own
    monkeypatch.setattr(isolated, "TIME_LIMIT", 1.0)
    paragraph = "<p>Stand tall and hold the ankle behind you, knees together, and breathe slowly.</p>"
    page = "<html><body><article><h1>Stretches</h1>" + "".join(
        f"<h2>{number}. Quad stretch</h2>{paragraph}" for number in range(9000)
    ) + "</article></body></html>"  # fmt: skip
    started = time.monotonic()
    answer = client.post("/edit", data=editor_form(action="import", article=page))
    assert answer.status_code == 422 and "took over 1 s to read and was stopped" in html_text(answer.text)
    assert time.monotonic() - started < 5
    servers = [
        pid for pid in children_of(os.getpid()) if b"forkserver" in Path(f"/proc/{pid}/cmdline").read_bytes()
    ]
    assert servers and all(children_of(server) == [] for server in servers)  # the import's process is gone
    monkeypatch.setattr(isolated, "TIME_LIMIT", 15.0)
    article = "Stretches for runners\n\n1. Calf stretch\nFace a wall and put your hands on it.\n"
    assert (
        "<legend>Stretch 1</legend>"
        in client.post("/edit", data=editor_form(action="import", article=article)).text
    )
