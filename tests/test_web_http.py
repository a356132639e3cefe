"""The web app through Starlette's test client: the HTTP interface, its refusals, and the editor's forms."""

from __future__ import annotations

import base64
import html
import io
import re
from pathlib import Path

import pytest
from conftest import PAGE_LABELS, STRETCH_LABELS, library_stretch_fields
from PIL import Image
from pypdf import PdfReader
from starlette.testclient import TestClient

from handout.content.library import library
from handout.web.app import WebSettings, create_app

SHORT = 'title = "After the track session"\n\n[[stretches]]\nuse = "calf-wall"\n'
A4_POINTS = (595.28, 841.89)


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(base_url="http://127.0.0.1", app=create_app())


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def photo(kind: str = "JPEG", size: tuple[int, int] = (400, 300)) -> bytes:
    image = Image.new("RGB", size, (200, 90, 40))
    out = io.BytesIO()
    image.save(out, kind)
    return out.getvalue()


def routine_with_image(image: str) -> str:
    return SHORT + f'image = "{image}"\n'


def test_healthz(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200 and response.text.strip() == "ok"


def test_a_short_routine_as_text_makes_its_pdf_with_the_details(client: TestClient) -> None:
    response = client.post("/sheet.pdf", data={"routine": SHORT, "club": "Riverside Runners"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "After the track session" in text and "Riverside Runners" in text
    assert library()["calf-wall"]["name"] in text


def test_a_routine_file_upload_on_letter_landscape(client: TestClient) -> None:
    response = client.post(
        "/sheet.pdf",
        files={"routine": ("track.toml", SHORT.encode())},
        data={"paper": "letter", "orientation": "landscape", "layout": "list"},
    )
    assert response.status_code == 200
    box = PdfReader(io.BytesIO(response.content)).pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((792, 612), abs=0.5)


def test_the_png_is_the_sheet_at_1240_pixels(client: TestClient) -> None:
    response = client.post("/sheet.png", data={"routine": SHORT, "grayscale": "true"})
    assert response.status_code == 200 and response.headers["content-type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    assert image.width == 1240 and image.height == round(1240 * A4_POINTS[1] / A4_POINTS[0])


def test_an_uploaded_photo_named_by_the_routine_is_printed(client: TestClient) -> None:
    response = client.post(
        "/sheet.pdf",
        data={"routine": routine_with_image("wall.jpg")},
        files={"photo1": ("wall.jpg", photo())},
    )
    assert response.status_code == 200
    page = PdfReader(io.BytesIO(response.content)).pages[0]
    assert len(page.images) == 1


def test_an_uploaded_layout_file_is_used(client: TestClient) -> None:
    from handout.bundled import bundled_dir

    layout = (bundled_dir("layouts") / "list.toml").read_bytes()
    response = client.post("/sheet.pdf", data={"routine": SHORT}, files={"layout": ("mine.toml", layout)})
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("data", "files", "expected"),
    [
        ({}, {}, 'no routine: send its TOML as the form field "routine"'),
        ({"routine": "title = "}, {}, "routine: not valid TOML"),
        ({"routine": "x = " + "[" * 5000 + "]" * 5000}, {}, "routine: tables or lists are nested more than"),
        (
            {"routine": SHORT},
            {"layout": ("deep.toml", b"x = " + b"[" * 5000 + b"]" * 5000)},
            "the layout file: tables or lists are nested more than",
        ),
        ({"routine": 'title = "x"'}, {}, "routine: no stretches"),
        ({"routine": SHORT.replace("calf-wall", "calf-wal")}, {}, '"use" names no stretch in the library'),
        ({"routine": SHORT, "paper": "a3"}, {}, 'unknown paper "a3"'),
        ({"routine": SHORT, "orientation": "sideways"}, {}, 'unknown orientation "sideways"'),
        ({"routine": SHORT, "lang": "xx"}, {}, '"lang" is "xx"'),
        ({"routine": SHORT, "layout": "../layouts/grid"}, {}, 'unknown layout "../layouts/grid"'),
        ({"routine": SHORT, "layout": "/etc/passwd"}, {}, 'unknown layout "/etc/passwd"'),
        ({"routine": SHORT, "club": "x" * 400}, {}, '"club" is 400 characters long'),
        ({"routine": SHORT, "bad name": "x"}, {}, "cannot be a detail name"),
        ({}, {"routine": ("r.toml", b"\xff\xfe title")}, "r.toml: is not UTF-8 text"),
        ({}, {"layout": ("l.toml", b"[page]\nmargin_mm = 2\n")}, "no routine"),
    ],
)
def test_bad_input_is_a_422_with_the_cli_error_lines(
    client: TestClient, data: dict[str, str], files: dict[str, tuple[str, bytes]], expected: str
) -> None:
    response = client.post("/sheet.pdf", data=data, files=files or None)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/plain")
    lines = response.text.splitlines()
    assert lines and all(line.startswith("error: ") for line in lines)
    assert expected in response.text


def test_a_bad_uploaded_layout_is_reported(client: TestClient) -> None:
    response = client.post(
        "/sheet.pdf", data={"routine": SHORT}, files={"layout": ("mine.toml", b"[page]\nmargin_mm = 2\n")}
    )
    assert response.status_code == 422 and "the layout file" in response.text


@pytest.mark.parametrize(
    "image", ["/etc/hostname", "../x", "../../etc/passwd", "images/calf-wall", "~/.ssh/id_rsa"]
)
def test_a_server_path_is_refused(client: TestClient, image: str) -> None:
    response = client.post("/sheet.pdf", data={"routine": routine_with_image(image)})
    assert response.status_code == 422
    assert f'image "{image}" is not a photo sent with the routine' in response.text


@pytest.mark.parametrize(
    ("filename", "content", "expected"),
    [
        ("wall.jpg", b"GIF89a not a photo at all", "is not a JPEG, PNG or WebP image"),
        ("wall.jpg", photo("GIF"), "is not a JPEG, PNG or WebP image"),
        ("wall.jpg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "is not a JPEG, PNG or WebP image"),
        ("../../wall.jpg", photo(), None),  # the folders are dropped: it is the file "wall.jpg"
        (".hidden.jpg", photo(), "is not a photo sent with the routine"),  # a label: never a file to look for
    ],
)
def test_photos_are_judged_by_content_and_name(
    client: TestClient, filename: str, content: bytes, expected: str | None
) -> None:
    response = client.post(
        "/sheet.pdf", data={"routine": routine_with_image("wall.jpg")}, files={"photo": (filename, content)}
    )
    if expected is None:
        assert response.status_code == 200
    else:
        assert response.status_code == 422 and expected in response.text


def test_webp_and_png_photos_are_taken(client: TestClient) -> None:
    for kind, name in (("PNG", "a.png"), ("WEBP", "a.webp")):
        response = client.post(
            "/sheet.pdf", data={"routine": routine_with_image(name)}, files={"p": (name, photo(kind))}
        )
        assert response.status_code == 200, response.text


def test_a_body_over_the_cap_is_a_413() -> None:
    small = TestClient(base_url="http://127.0.0.1", app=create_app(WebSettings(max_body=200_000)))
    response = small.post("/sheet.pdf", data={"routine": SHORT}, files={"p": ("big.jpg", b"x" * 300_000)})
    assert response.status_code == 413
    assert response.text.startswith("error: the request is over")


def test_the_real_cap_is_20_mb(client: TestClient) -> None:
    response = client.post("/sheet.pdf", data={"routine": SHORT}, files={"p": ("big.jpg", b"x" * 20_000_001)})
    assert response.status_code == 413


def test_a_chunked_body_over_the_cap_is_a_413_too() -> None:
    small = TestClient(base_url="http://127.0.0.1", app=create_app(WebSettings(max_body=100_000)))

    def chunks():
        for _ in range(20):
            yield b"routine=" + b"x" * 10_000

    response = small.post(
        "/sheet.pdf", content=chunks(), headers={"content-type": "application/x-www-form-urlencoded"}
    )
    assert response.status_code == 413


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "https://evil.example"},
        {"origin": "null"},
        {"sec-fetch-site": "cross-site"},
        {"sec-fetch-site": "same-site", "origin": "http://127.0.0.1"},
    ],
)
def test_a_cross_site_post_is_refused(client: TestClient, headers: dict[str, str]) -> None:
    for path in ("/sheet.pdf", "/edit", "/download", "/preview"):
        response = client.post(path, data={"routine": SHORT}, headers=headers)
        assert response.status_code == 403, path
        assert "sent from another website" in response.text


def test_the_page_own_origin_may_post(client: TestClient) -> None:
    headers = {"origin": "http://127.0.0.1", "sec-fetch-site": "same-origin"}
    response = client.post("/sheet.pdf", data={"routine": SHORT}, headers=headers)
    assert response.status_code == 200


def test_a_slow_request_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    """A sheet that takes longer than the limit is a 503, whatever the machine's speed: the build is
    made slow on purpose (a fast build could finish inside any small limit)."""
    import time

    import handout.web.sheets

    real_make_pdf = handout.web.sheets.make_pdf

    def slow_make_pdf(*args: object, **kwargs: object) -> bytes:
        time.sleep(0.5)
        return real_make_pdf(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(handout.web.sheets, "make_pdf", slow_make_pdf)
    hurried = TestClient(base_url="http://127.0.0.1", app=create_app(WebSettings(time_limit=0.1)))
    response = hurried.post("/sheet.pdf", data={"routine": SHORT})
    assert response.status_code == 503
    assert "took over 0.1 s" in response.text


# --- The editor page's forms, as a browser without JavaScript posts them --------------------------------


def editor_form(**extra: str) -> dict[str, str]:
    return {
        "title": "Post-run",
        "club": "Riverside Runners",
        **library_stretch_fields(1, "calf-wall"),
        "layout": "grid",
        "paper": "a4",
        "orientation": "portrait",
        **extra,
    }


def test_the_page_labels_every_field(client: TestClient) -> None:
    page = client.post("/edit", data=editor_form(action="refresh")).text
    ids = set(re.findall(r'<(?:input|textarea|select)[^>]*\sid="([^"]+)"', page))
    labelled = set(re.findall(r'<label for="([^"]+)"', page))
    assert ids and ids <= labelled
    for label in (*PAGE_LABELS, *STRETCH_LABELS):
        assert f">{label}</label>" in page
    assert "<legend>Stretch 1</legend>" in page and 'alt="Preview of the sheet"' in page


def test_add_move_and_remove(client: TestClient) -> None:
    page = client.post("/edit", data=editor_form(action="add:standing-quad")).text
    quad = library()["standing-quad"]["name"]
    assert f'name="s2-name" value="{quad}"' in page
    page = client.post(
        "/edit", data={**editor_form(action="up:2"), "s2-name": quad, "s2-target": "x", "s2-points": "a"}
    ).text
    assert f'name="s1-name" value="{quad}"' in page
    page = client.post("/edit", data=editor_form(action="remove:1")).text
    assert 'name="s1-name"' not in page


def test_library_stretches_follow_the_language(client: TestClient) -> None:
    from handout.content.library import translated

    german, french = translated("de")["calf-wall"], translated("fr")["calf-wall"]
    english = library()["calf-wall"]
    sent = editor_form(action="refresh", lang="de", **{"s1-entry": "calf-wall", "s1-words_lang": "en"})
    sent["s1-points"] = "\r\n".join(english["key_points"])  # as a browser sends a textarea
    page = html.unescape(client.post("/edit", data=sent).text)
    assert f'name="s1-name" value="{german["name"]}"' in page and german["key_points"][0] in page
    assert (
        f'name="s1-target" value="{german["target"]}"' in page and 'name="s1-words_lang" value="de"' in page
    )
    pdf = client.post("/download", data={**sent, "action": "pdf"})
    assert german["name"] in " ".join(pdf_text(pdf.content).split())
    page = html.unescape(client.post("/edit", data=editor_form(action="add:calf-wall", lang="fr")).text)
    assert f'name="s2-name" value="{french["name"]}"' in page
    assert f"Add {french['name']}" in page  # the library's cards are named in the sheet's language


def test_the_starting_title_follows_the_language_and_a_typed_one_stays(client: TestClient) -> None:
    from handout.content.sheet_words import translations

    def title_after(sent: dict[str, str]) -> str:
        page = html.unescape(client.post("/edit", data=sent).text)
        found = re.search(r'id="title" name="title" value="([^"]*)"', page)
        assert found, "the page has its title field"
        return found.group(1)

    german = translations()["de"].title
    assert german == "Dehnen nach dem Laufen"
    assert title_after(editor_form(action="refresh", title="Stretches after your run", lang="de")) == german
    assert title_after(editor_form(action="refresh", title=german, lang="ja")) == translations()["ja"].title
    assert title_after(editor_form(action="refresh", title=german, lang="")) == german  # Automatic keeps it
    typed = "Stretches after the Saturday run"
    assert title_after(editor_form(action="refresh", title=typed, lang="de")) == typed
    pdf = client.post("/download", data=editor_form(action="pdf", title=german, lang="fr"))
    assert "Étirements après la course" in " ".join(pdf_text(pdf.content).split())


def test_a_cleared_name_is_an_alert_beside_it(client: TestClient) -> None:
    page = client.post("/edit", data=editor_form(action="refresh", **{"s1-name": ""})).text
    alert = re.search(r'id="err-s1-name" role="alert">(.*?)</div>', page)
    assert alert and "Stretch 1: Name is empty: write it" in alert.group(1)


def test_the_downloads(client: TestClient) -> None:
    pdf = client.post("/download", data=editor_form(action="pdf", paper="letter"))
    assert pdf.status_code == 200 and "attachment" in pdf.headers["content-disposition"]
    assert "Riverside Runners" in pdf_text(pdf.content)
    assert float(PdfReader(io.BytesIO(pdf.content)).pages[0].mediabox.width) == pytest.approx(612)
    png = client.post("/download", data=editor_form(action="png"))
    assert Image.open(io.BytesIO(png.content)).width == 1240
    eml = client.post("/download", data=editor_form(action="eml", email_to="team@club.example"))
    assert b"To: team@club.example" in eml.content and b"application/pdf" in eml.content
    toml = client.post("/download", data=editor_form(action="toml"))
    import tomllib

    saved = tomllib.loads(toml.text)
    assert saved["details"]["club"] == "Riverside Runners" and saved["stretches"][0]["image"] == "calf-wall"


def test_a_saved_routine_opens_again(client: TestClient) -> None:
    toml = client.post("/download", data=editor_form(action="toml")).content
    page = client.post("/edit", data={"action": "open"}, files={"routine_file": ("mine.toml", toml)}).text
    assert 'value="Riverside Runners"' in page and 'name="s1-figure" value="calf-wall"' in page


def test_an_article_is_imported(client: TestClient) -> None:
    article = "Stretches for runners\n\n1. Calf stretch\nFace a wall and put your hands on it.\n"
    page = client.post("/edit", data={"action": "import", "article": article, "title": ""}).text
    assert 'value="Stretches for runners"' in page and "<legend>Stretch 1</legend>" in page


def test_the_photo_travels_once_then_the_form_carries_its_reference(client: TestClient) -> None:
    sent = photo("PNG")
    page = client.post("/edit", data=editor_form(action="refresh"), files={"s1-photo": ("me.png", sent)}).text
    reference = re.search(r'name="s1-photo_ref" value="(photo-[0-9a-f]{20})"', page)
    assert reference and 'name="s1-photo_name" value="me.png"' in page
    assert base64.b64encode(sent)[:40].decode() not in page  # the photo itself does not come back
    form = editor_form(action="pdf", **{"s1-photo_name": "me.png", "s1-photo_ref": reference.group(1)})
    pdf = client.post("/download", data=form)
    assert len(PdfReader(io.BytesIO(pdf.content)).pages[0].images) == 1
    refused = client.post(
        "/edit", data=editor_form(action="refresh"), files={"s1-photo": ("a.jpg", b"nope")}
    ).text
    assert re.search(
        r'id="err-s1-photo" role="alert"><p>Stretch 1: photo: &#34;a.jpg&#34; is not a JPEG', refused
    )


def test_the_library_search(client: TestClient) -> None:
    grid = client.get("/library", params={"q": "calf"}).text
    names = re.findall(r'aria-label="Add ([^"]+)"', grid)
    assert names and all(
        "calf" in (name + library()[key]["target"]).lower()
        for key, name in ((k, e["name"]) for k, e in library().items() if e["name"] in names)
    )
    assert len(names) < len(library())


def test_handout_serve_prints_its_address_first_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    """It also leaves nothing behind in the temporary folder once it has made a sheet and stopped."""
    import os
    import signal
    import socket
    import subprocess
    import sys
    import time

    import httpx2 as httpx

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handout = Path(sys.executable).with_name("handout")
    process = subprocess.Popen(
        [str(handout), "serve", "--no-browser", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "TMPDIR": str(tmp_path)},
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().decode() == f"handout is running at http://127.0.0.1:{port}/\n"
        for _ in range(100):
            try:
                assert httpx.get(f"http://127.0.0.1:{port}/healthz").text == "ok\n"
                break
            except httpx.TransportError:
                time.sleep(0.05)
        else:
            pytest.fail("the server did not answer")
        preview = httpx.post(f"http://127.0.0.1:{port}/preview", data=editor_form(), timeout=30)
        assert 'alt="Preview of the sheet"' in preview.text
    finally:
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=10)
    assert process.returncode == 0 and b"Traceback" not in stderr
    assert list(tmp_path.iterdir()) == []


def test_the_page_takes_the_visitor_own_layout_file(client: TestClient) -> None:
    from handout.bundled import bundled_dir

    own = (bundled_dir("layouts") / "list.toml").read_text().replace("#", "# ", 1)
    page = client.post(
        "/edit", data=editor_form(action="refresh"), files={"layout_file": ("mine.toml", own.encode())}
    ).text
    assert '<option value="own" selected>Your own layout file</option>' in page
    assert 'alt="Preview of the sheet"' in page
    bad = client.post(
        "/edit",
        data=editor_form(action="refresh"),
        files={"layout_file": ("mine.toml", b"[page]\nmargin_mm = 2\n")},
    ).text
    assert re.search(r'id="err-layout" role="alert"><p>Your own layout file: ', bad)


def test_a_photo_can_be_taken_back(client: TestClient) -> None:
    page = client.post("/edit", data=editor_form(), files={"s1-photo": ("me.png", photo("PNG"))}).text
    reference = re.search(r'name="s1-photo_ref" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    form = editor_form(action="unphoto:1", **{"s1-photo_name": "me.png", "s1-photo_ref": reference})
    page = client.post("/edit", data=form).text
    assert 'name="s1-photo_name" value=""' in page and 'name="s1-figure" value="calf-wall"' in page
    assert 'name="s1-photo_ref" value=""' in page


def test_the_cli_loads_the_web_app_only_for_serve() -> None:
    import subprocess
    import sys

    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, handout.cli; print(sorted(m for m in sys.modules if "
            "m.startswith(('handout.web', 'starlette', 'uvicorn'))))",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert loaded == "[]"


def test_the_live_preview_answers_its_picture_or_keeps_the_last(client: TestClient) -> None:
    headers = {"HX-Request": "true"}
    good = client.post("/preview", data=editor_form(), headers=headers)
    assert 'alt="Preview of the sheet"' in good.text and "HX-Reswap" not in good.headers
    assert 'id="err-s1-name" role="alert" hx-swap-oob="true" hidden' in good.text  # clears an old alert
    bad = client.post("/preview", data=editor_form(**{"s1-target": ""}), headers=headers)
    assert bad.headers["HX-Reswap"] == "none" and 'id="preview"' not in bad.text
    assert re.search(r'id="err-s1-target" role="alert" hx-swap-oob="true"><p>Stretch 1 ', bad.text)


def test_the_library_cues_travel_with_the_form_to_the_poster(client: TestClient) -> None:
    page = client.post("/edit", data={"title": "Poster", "action": "add:standing-quad"}).text
    cues = re.search(r'name="s1-cues" value="([^"]*)"', page)
    assert cues
    import html

    form = {
        key: html.unescape(value) for key, value in re.findall(r'name="(s1-[a-z_]+)" value="([^"]*)"', page)
    }
    form["s1-points"] = "\n".join(library()["standing-quad"]["key_points"])
    pdf = client.post("/download", data={"title": "Poster", "layout": "poster", "action": "pdf", **form})
    assert pdf.status_code == 200
    assert library()["standing-quad"]["cues"][0] in pdf_text(pdf.content)


def test_a_routine_of_nine_opens_with_every_stretch_and_says_what_would_fit(client: TestClient) -> None:
    ids = list(library())[:9]
    toml = ('title = "Long cool-down"\n' + "".join(f'\n[[stretches]]\nuse = "{i}"\n' for i in ids)).encode()
    page = html.unescape(
        client.post("/edit", data={"action": "open"}, files={"routine_file": ("long.toml", toml)}).text
    )
    assert "<legend>Stretch 9</legend>" in page
    assert "9 stretches: a sheet holds 1 to 8" in page
    names = re.findall(r'name="(s\d+-name)" value="([^"]*)"', page)
    form = {key: value for key, value in re.findall(r'name="(s\d+-[a-z_]+)" value="([^"]*)"', page)}
    form.update({f"s{n}-points": "Hold it gently." for n in range(1, 10)})
    assert len(names) == 9
    refused = client.post("/download", data={**form, "title": "Long cool-down", "action": "pdf"})
    assert refused.status_code == 422
    removed = client.post("/edit", data={**form, "title": "Long cool-down", "action": "remove:9"}).text
    assert "<legend>Stretch 9</legend>" not in removed and "a sheet holds 1 to 8" not in html.unescape(
        removed
    )


def saved_then_opened(client: TestClient, form: dict[str, str]) -> tuple[bytes, str]:
    saved = client.post("/download", data={**form, "action": "toml"})
    assert saved.status_code == 200
    name = re.search(r'filename="([^"]+)"', saved.headers["content-disposition"]).group(1)  # type: ignore[union-attr]
    opened = client.post("/edit", data={"action": "open"}, files={"routine_file": (name, saved.content)})
    assert opened.status_code == 200, opened.text[:300]
    return saved.content, opened.text


def form_of(page: str) -> dict[str, str]:
    """The fields a page would send back: its inputs' values, its textareas, its selected options."""
    fields = {
        name: html.unescape(value)
        for name, value in re.findall(
            r'<input type="[a-z]+" (?:id="[^"]*" )?name="([^"]+)" value="([^"]*)"', page
        )
    }
    fields.update(
        {
            name: html.unescape(value)
            for name, value in re.findall(
                r'<textarea id="[^"]*" name="([^"]+)"[^>]*>([^<]*)</textarea>', page, re.S
            )
        }
    )
    for name, options in re.findall(r'<select id="[^"]*" name="([^"]+)"[^>]*>(.*?)</select>', page, re.S):
        chosen = re.search(r'<option value="([^"]*)" selected>', options)
        if chosen:
            fields[name] = chosen.group(1)
    if 'name="grayscale" value="on" checked' in page:
        fields["grayscale"] = "on"
    return fields


def test_what_the_page_saves_it_opens_to_the_same_sheet(client: TestClient) -> None:
    import zipfile

    page = client.post(
        "/edit",
        data=editor_form(
            action="add:lying-hamstring",
            layout="poster",
            paper="letter",
            orientation="landscape",
            grayscale="on",
            lang="de",
        ),
        files={"s1-photo": ("wall calf.png", photo("PNG", (500, 400)))},
    ).text  # fmt: skip
    before = form_of(page)
    assert before["layout"] == "poster" and before["s1-photo_name"] == "wall calf.png"
    content, opened = saved_then_opened(client, before)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert sorted(archive.namelist()) == ["routine.toml", "wall calf.png"]
        assert (
            "# handout page: layout=poster paper=letter orientation=landscape grayscale=on"
            in archive.read("routine.toml").decode()
        )
    after = form_of(opened)
    for key in ("layout", "paper", "orientation", "grayscale", "lang", "title", "club", "s1-name", "s2-name",
                "s1-photo_name", "s1-photo_ref", "s2-figure", "s1-points", "s2-points"):  # fmt: skip
        assert after.get(key) == before.get(key), key
    sheets = [
        client.post("/download", data={**fields, "action": "pdf"}).content for fields in (before, after)
    ]
    assert pdf_text(sheets[0]) == pdf_text(sheets[1])
    assert all(len(PdfReader(io.BytesIO(sheet)).pages[0].images) == 1 for sheet in sheets)


def test_a_saved_routine_without_photos_is_a_routine_file_the_cli_builds(
    client: TestClient, tmp_path: Path
) -> None:
    from handout.cli import main

    saved = client.post("/download", data=editor_form(action="toml", paper="letter"))
    assert saved.headers["content-type"].startswith("application/toml")
    (tmp_path / "saved.toml").write_bytes(saved.content)
    assert (
        main(
            [str(tmp_path / "saved.toml"), "-o", str(tmp_path / "out.pdf")][:0]
            or ["build", str(tmp_path / "saved.toml"), "-o", str(tmp_path / "out.pdf")]
        )
        == 0
    )
    _, opened = saved_then_opened(client, editor_form(paper="letter"))
    assert form_of(opened)["paper"] == "letter"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"PK\x03\x04 not really a zip", "is a damaged .zip file"),
        ("zip-bomb", "is too large to open"),
        ("many", "is not a sheet saved by this page"),
        (b"\xff\xfe\x00not text", "is not a routine file nor a saved sheet (.zip)"),
    ],
)
def test_a_bad_saved_sheet_is_one_line(client: TestClient, content: bytes | str, expected: str) -> None:
    import zipfile

    if isinstance(content, str):
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("routine.toml", SHORT)
            if content == "zip-bomb":
                archive.writestr("calf.png", b"\0" * 300_000_000)  # 300 MB that pack into 300 kB
            else:
                for index in range(40):
                    archive.writestr(f"{index}.png", b"x")
        content = out.getvalue()
    page = html.unescape(
        client.post("/edit", data={"action": "open"}, files={"routine_file": ("s.zip", content)}).text
    )
    assert expected in page


def test_the_page_offers_every_language_by_its_own_name_and_takes_right_to_left_text(
    client: TestClient,
) -> None:
    from handout.content.sheet_words import translations

    page = client.get("/").text
    menu = re.search(r'<select id="lang".*?</select>', page, re.S).group(0)  # type: ignore[union-attr]
    offered = re.findall(r'<option value="([A-Za-z-]+)"[^>]*>([^<]+)</option>', menu)
    assert len(offered) == len(translations()) >= 16
    assert all(label != code for code, label in offered), offered  # "العربية", not "ar"
    assert 'id="title" name="title" value="Stretches after your run" autocomplete="off" dir="auto"' in page
    arabic = editor_form(
        action="pdf",
        lang="ar",
        title="تمارين الإطالة بعد الجري",
        **{"s1-name": "إطالة الساق", "s1-target": "عضلة الساق", "s1-points": "قف أمام الحائط.\nاضغط الكعب."},  # noqa: RUF001
    )
    sheet = client.post("/download", data=arabic)
    assert sheet.status_code == 200 and sheet.headers["content-type"] == "application/pdf"


def test_a_language_switch_asks_before_it_changes_a_stretch_the_coach_wrote_in(client: TestClient) -> None:
    from handout.content.library import translated

    calf = library()["calf-wall"]
    german_calf, german_quad = translated("de")["calf-wall"], translated("de")["standing-quad"]
    sent = editor_form(
        action="refresh",
        lang="de",
        **{"s1-entry": "calf-wall", "s1-words_lang": "en", "s1-hold": "45 s each leg"},  # typed by the coach
        **library_stretch_fields(2, "standing-quad"),
        **{"s2-entry": "standing-quad", "s2-words_lang": "en"},
    )
    page = html.unescape(client.post("/edit", data=sent).text)
    assert f'name="s2-name" value="{german_quad["name"]}"' in page  # not edited: in German at once
    assert f'name="s1-name" value="{calf["name"]}"' in page  # edited: kept whole, in English
    assert calf["key_points"][0] in page and 'name="s1-hold" value="45 s each leg"' in page
    assert f"Stretch 1 “{calf['name']}” has your own words, so it stayed in English." in page
    assert 'value="relang:1"' in page and 'value="relang:2"' not in page
    changed = html.unescape(client.post("/edit", data={**form_of(page), "action": "relang:1"}).text)
    assert (
        f'name="s1-name" value="{german_calf["name"]}"' in changed and german_calf["key_points"][0] in changed
    )
    assert "has your own words" not in changed


def test_the_email_is_from_the_coach_and_carries_the_club_date_and_link(client: TestClient) -> None:
    import email
    import email.policy

    sent = editor_form(
        action="eml",
        date="2026-12-05",
        url="https://riverside.example/stretches",
        email_from="coach@riverside.example",
        email_to="runners@riverside.example",
    )
    response = client.post("/download", data=sent)
    assert response.status_code == 200
    message = email.message_from_bytes(response.content, policy=email.policy.default)
    assert message["From"] == "coach@riverside.example" and message["To"] == "runners@riverside.example"
    text = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    page = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    for part in (text, page):
        assert "Riverside Runners" in part and "https://riverside.example/stretches" in part
    assert text.index("Riverside Runners") < text.index("Post-run")  # the header line first, as on the sheet
    assert '<a href="https://riverside.example/stretches"' in page
    refused = client.post("/download", data={**sent, "email_from": "coach at riverside"})
    assert refused.status_code == 422
    assert "“coach at riverside” in E-mail from is not an e-mail address" in html.unescape(refused.text)
