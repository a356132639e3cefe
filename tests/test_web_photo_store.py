"""The server's store of the visitors' photos: kept per browser session, named by the server, expired,
capped, shared by the worker processes of `handout serve --workers N`, and never another coach's."""

from __future__ import annotations

import contextlib
import http.client
import io
import os
import re
import signal
import socket
import stat
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import httpx2 as httpx
import pytest
from PIL import Image
from pypdf import PdfReader
from starlette.testclient import TestClient
from test_web_http import editor_form

from handout.web.app import WebSettings, create_app
from handout.web.photo_store import KEY_FILE, PhotoStore
from handout.web.sessions import COOKIE
from handout.web.uploads import photo_key
from handout.web.worker_sockets import SPREADS_CONNECTIONS

LOCAL = "http://127.0.0.1"
LOST = 'the server no longer has "{}": choose the photo again'


def noise_photo(seed: int, size: tuple[int, int] = (500, 400)) -> bytes:
    """A JPEG of noise, different for every seed: it does not compress away."""
    out = io.BytesIO()
    Image.frombytes("RGB", size, seeded(seed, size)).save(out, "JPEG", quality=90)
    return out.getvalue()


def seeded(seed: int, size: tuple[int, int]) -> bytes:
    import random

    return random.Random(seed).randbytes(size[0] * size[1] * 3)


def upload(client: TestClient, content: bytes, name: str = "wall.jpg", **fields: str) -> str:
    page = client.post(
        "/edit", data=editor_form(action="refresh", **fields), files={"s1-photo": (name, content)}
    )
    assert page.status_code == 200
    found = re.search(r'name="s1-photo_ref" value="(photo-[0-9a-f]{20})"', page.text)
    assert found, page.text[:500]
    return found.group(1)


def with_photo(reference: str, name: str = "wall.jpg", **fields: str) -> dict[str, str]:
    return editor_form(**{"s1-photo_name": name, "s1-photo_ref": reference, **fields})


def images_in(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages[0].images)


def photo_alert(page: str) -> str:
    import html

    found = re.search(r'<div class="alert" id="err-s1-photo" role="alert"[^>]*>(.*?)</div>', page, re.S)
    assert found, "no alert beside stretch 1's photo"
    return html.unescape(found.group(1))


@pytest.fixture
def app() -> object:
    return create_app()


def test_a_photo_is_sent_once_and_the_sheet_is_made_from_its_reference(app: object) -> None:
    client = TestClient(app, base_url=LOCAL)  # type: ignore[arg-type]
    sent = noise_photo(1)
    reference = upload(client, sent)
    cookie = client.cookies[COOKIE]
    answer = client.post("/download", data=with_photo(reference, action="pdf"))
    assert answer.headers["content-type"] == "application/pdf" and images_in(answer.content) == 1
    assert len(answer.request.content) < 5000 < len(sent)  # the form alone, not the photo
    assert client.cookies[COOKIE] == cookie  # the same session all along


def test_the_session_cookie_is_httponly_strict_and_only_made_for_a_photo(app: object) -> None:
    client = TestClient(app, base_url=LOCAL)  # type: ignore[arg-type]
    for answer in (client.get("/"), client.post("/edit", data=editor_form()), client.get("/healthz")):
        assert "set-cookie" not in answer.headers  # no photo, no session: a plain visit leaves nothing
    page = client.post("/edit", data=editor_form(), files={"s1-photo": ("w.jpg", noise_photo(2))})
    cookie = page.headers["set-cookie"]
    assert re.fullmatch(
        rf"{COOKIE}=[A-Za-z0-9_-]{{32}}; Max-Age=43200; Path=/; HttpOnly; SameSite=Strict", cookie
    ), cookie


def test_another_browser_cannot_use_a_reference_it_did_not_upload(app: object) -> None:
    coach = TestClient(app, base_url=LOCAL)  # type: ignore[arg-type]
    reference = upload(coach, noise_photo(3))
    other = TestClient(app, base_url=LOCAL)  # type: ignore[arg-type]
    cookie = coach.cookies[COOKIE]
    one_off = cookie[:-1] + ("y" if cookie.endswith("x") else "x")  # never the coach's own (1 in 64 was)
    forged_cookies = [None, "A" * 32, one_off, "../../" + "a" * 26, "a" * 33]
    for forged in forged_cookies:
        other.cookies.clear()
        if forged:
            other.cookies.set(COOKIE, forged)
        answer = other.post("/download", data=with_photo(reference, action="pdf"))
        assert answer.status_code == 422 and answer.headers["content-type"].startswith("text/html"), forged
        assert LOST.format("wall.jpg") in photo_alert(answer.text)
    flipped = reference[:-1] + ("1" if reference[-1] == "0" else "0")
    for forged_reference in (photo_key(b"another photo"), flipped):
        answer = coach.post("/download", data=with_photo(forged_reference, action="pdf"))
        assert answer.status_code == 422, forged_reference
    for not_a_reference in (reference.upper(), reference + "0", "../" + reference, KEY_FILE):
        answer = coach.post("/download", data=with_photo(not_a_reference, action="pdf"))
        assert images_in(answer.content) == 0, not_a_reference  # no photo named at all: the drawing
    assert images_in(coach.post("/download", data=with_photo(reference, action="pdf")).content) == 1


def test_an_expired_photo_says_choose_it_again_and_the_rest_of_the_sheet_works(app: object) -> None:
    client = TestClient(app, base_url=LOCAL)  # type: ignore[arg-type]
    reference = upload(client, noise_photo(4), "Calf at the wall.jpg")
    store: PhotoStore = app.state.photos  # type: ignore[attr-defined]
    stored = store.file_for(client.cookies[COOKIE], reference)
    assert stored is not None and stored.is_file()
    long_ago = time.time() - 13 * 3600  # the store keeps a photo 12 hours after its last use
    os.utime(stored, (long_ago, long_ago))
    form = with_photo(reference, "Calf at the wall.jpg", action="add:lying-hamstring")
    page = client.post("/edit", data=form)
    assert page.status_code == 200
    assert photo_alert(page.text) == f"<p>Stretch 1: photo: {LOST.format('Calf at the wall.jpg')}</p>"
    assert "<legend>Stretch 2</legend>" in page.text  # the Add was done
    assert 'alt="Preview of the sheet"' in page.text  # and the sheet is drawn, with the stretch's drawing
    preview = client.post("/preview", data=form, headers={"HX-Request": "true"})
    assert preview.status_code == 200 and 'alt="Preview of the sheet"' in preview.text
    assert LOST.format("Calf at the wall.jpg") in photo_alert(preview.text)
    download = client.post("/download", data={**form, "action": "pdf"})
    assert download.status_code == 422 and LOST.format("Calf at the wall.jpg") in photo_alert(download.text)
    assert not stored.exists()  # removed once found expired
    again = upload(client, noise_photo(4), "Calf at the wall.jpg")  # chosen again: all is well
    assert images_in(client.post("/download", data=with_photo(again, action="pdf")).content) == 1
    unphoto = client.post("/edit", data=with_photo(reference, action="unphoto:1"))
    assert "choose the photo again" not in unphoto.text and 'name="s1-photo_ref" value=""' in unphoto.text


def test_the_store_keeps_under_its_size_cap_by_removing_the_photos_used_longest_ago(tmp_path: Path) -> None:
    photos = [
        seeded(index, (100, 1000)) for index in range(4)
    ]  # 300 kB each (bytes as the server keeps them)
    store = PhotoStore(tmp_path, b"k" * 32, max_age=3600, max_bytes=3 * 300_000 + 100)
    session = "S" * 32
    references = []
    for index, photo in enumerate(photos[:3]):
        references.append(store.put(session, photo))
        path = store.file_for(session, references[-1])
        assert path is not None
        os.utime(path, (time.time() - 100 + index, time.time() - 100 + index))
    assert store.get(session, references[0]) == photos[0]  # used now: the newest
    references.append(store.put(session, photos[3]))  # over the cap: the one used longest ago goes
    assert [store.get(session, reference) is not None for reference in references] == [
        True,
        False,
        True,
        True,
    ]
    assert sum(path.stat().st_size for path in tmp_path.rglob("*") if path.is_file()) <= store.max_bytes


def test_one_visitor_pushes_out_only_their_own_photos(tmp_path: Path) -> None:
    """The store is shared by every coach: a visitor who uploads past their own share loses their own
    photos used longest ago, never another coach's, however the whole store stands."""
    photos = [seeded(index, (100, 1000)) for index in range(5)]  # 300 kB each
    store = PhotoStore(
        tmp_path, b"k" * 32, max_age=3600, max_bytes=10_000_000, session_bytes=3 * 300_000 + 100
    )
    coach, crowd = "C" * 32, "D" * 32
    kept = store.put(coach, photos[0])
    path = store.file_for(coach, kept)
    assert path is not None
    os.utime(path, (time.time() - 1000, time.time() - 1000))  # the oldest photo in the whole store
    flood = []
    for index, photo in enumerate(photos[1:], start=1):
        flood.append(store.put(crowd, photo))
        flooded = store.file_for(crowd, flood[-1])
        assert flooded is not None
        os.utime(flooded, (time.time() - 100 + index, time.time() - 100 + index))
    assert store.get(coach, kept) == photos[0]
    assert [store.get(crowd, reference) is not None for reference in flood] == [False, True, True, True]


def test_the_store_names_every_file_itself_and_keeps_them_private(app: object) -> None:
    client = TestClient(app, base_url=LOCAL)  # type: ignore[arg-type]
    for name in ("../../victim.jpg", "/etc/passwd", "a\x00b.jpg", "x" * 300 + ".jpg"):
        upload(client, noise_photo(20 + len(name)), name)
    client.post("/edit", data=with_photo("../../../etc/passwd"))
    client.post("/edit", data=with_photo("photo-" + "0" * 20, **{"s1-photo_name": "../x"}))
    store: PhotoStore = app.state.photos  # type: ignore[attr-defined]
    names = sorted(path.name for path in store.folder.iterdir())
    assert names[-1] == KEY_FILE and len(names) == 2  # the key and this browser's session folder
    (session,) = (path for path in store.folder.iterdir() if path.is_dir())
    files = sorted(path.name for path in session.iterdir())
    assert len(files) == 4
    assert all(re.fullmatch(r"[0-9a-f]{64}", name) for name in [*names[:-1], *files])
    assert {stat.S_IMODE(path.stat().st_mode) for path in (store.folder, session)} == {0o700}
    assert {stat.S_IMODE(path.stat().st_mode) for path in [store.folder / KEY_FILE, *session.iterdir()]} == {
        0o600
    }


def test_two_apps_on_one_folder_share_the_photos_as_workers_do(tmp_path: Path) -> None:
    folder = PhotoStore.make_folder()
    try:
        first, second = (create_app(WebSettings(photo_store=folder)) for _ in range(2))
        client = TestClient(first, base_url=LOCAL)
        reference = upload(client, noise_photo(30))
        other_worker = TestClient(second, base_url=LOCAL, cookies=dict(client.cookies))
        answer = other_worker.post("/download", data=with_photo(reference, action="pdf"))
        assert answer.headers["content-type"] == "application/pdf" and images_in(answer.content) == 1
    finally:
        import shutil

        shutil.rmtree(folder)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def processes_below(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(entry.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry.parent.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the processes from /proc")
def test_serve_with_two_workers_shares_the_photos_and_stops_whole_on_ctrl_c(tmp_path: Path) -> None:
    process, address = start_serving(tmp_path, "--workers", "2")
    port = int(address.rsplit(":", 1)[1])
    try:
        workers = {
            pid
            for pid in processes_below(process.pid)
            if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()
        }
        assert len(workers) == 2
        [folder] = list(tmp_path.iterdir())
        with httpx.Client(base_url=address) as coach:
            page = coach.post("/edit", data=editor_form(), files={"s1-photo": ("w.jpg", noise_photo(40))})
            reference = re.search(r'name="s1-photo_ref" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
            cookies = dict(coach.cookies)
        body = urllib.parse.urlencode(with_photo(reference, action="pdf"))
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"{COOKIE}={cookies[COOKIE]}",
        }
        answered = set()
        for _ in range(60):  # each on a new connection, which the kernel hands to either worker
            connection = http.client.HTTPConnection("127.0.0.1", port)
            connection.request("POST", "/download", body, headers)
            answer = connection.getresponse()
            pdf = answer.read()
            assert answer.getheader("content-type") == "application/pdf", pdf[:300]
            assert images_in(pdf) == 1
            answered.add(worker_holding(connection.sock.getsockname()[1], port, workers))
            connection.close()
            if answered == workers:
                break
        assert answered == workers  # each worker made the sheet with the photo uploaded through one
        for _ in range(4):  # and each worker knows only the server's own names (TrustedHost)
            foreign = httpx.get(address + "/healthz", headers={"host": "evil.example"})
            assert foreign.status_code == 400
        assert folder.is_dir()
    finally:
        os.killpg(process.pid, signal.SIGINT)  # Ctrl-C in the terminal reaches every process of the group
        _, errors = process.communicate(timeout=15)
    assert process.returncode == 0
    assert b"Traceback" not in errors, errors.decode()[-2000:]
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers)
    assert list(tmp_path.iterdir()) == []  # the photos' folder is removed with the server


@pytest.mark.skipif(not SPREADS_CONNECTIONS, reason="Linux spreads connections over SO_REUSEPORT sockets")
def test_each_worker_listens_on_its_own_socket_so_kept_open_connections_reach_both(tmp_path: Path) -> None:
    """On one shared socket the worker that woke first took every waiting connection: 8 coaches' kept-open
    connections could all land on one worker. Here each worker holds a listening socket of its own, and
    16 kept-open connections (all on one of two sockets: a chance of 2 in 65,536) reach both."""
    process, address = start_serving(tmp_path, "--workers", "2")
    port = int(address.rsplit(":", 1)[1])
    connections = []
    try:
        workers = {
            pid
            for pid in processes_below(process.pid)
            if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()
        }
        for _ in range(200):  # the second worker may still be starting
            listening = {pid: listening_sockets_of(pid, port) for pid in workers}
            if all(listening.values()):
                break
            time.sleep(0.05)
        assert all(len(held) == 1 for held in listening.values()), listening
        assert len(set().union(*listening.values())) == 2  # two sockets, one for each worker
        for _ in range(16):
            connection = http.client.HTTPConnection("127.0.0.1", port)
            connection.request("GET", "/healthz")
            assert connection.getresponse().read() and connection.sock is not None
            connections.append(connection)
        answered = {worker_holding(c.sock.getsockname()[1], port, workers) for c in connections}
        assert answered == workers
        for connection in connections:  # each connection stays with its worker, request after request
            connection.request("GET", "/healthz")
            assert connection.getresponse().status == 200
    finally:
        for connection in connections:
            connection.close()
        os.killpg(process.pid, signal.SIGINT)
        _, errors = process.communicate(timeout=15)
    assert b"Traceback" not in errors, errors.decode()[-2000:]


def listening_sockets_of(pid: int, port: int) -> set[str]:
    """The inodes of the listening sockets on `port` that process `pid` holds (/proc/net/tcp, state 0A)."""
    listening = {
        fields[9]
        for fields in (line.split() for line in Path("/proc/net/tcp").read_text().splitlines()[1:])
        if fields[1].endswith(f":{port:04X}") and fields[3] == "0A"
    }
    held = set()
    for descriptor in Path(f"/proc/{pid}/fd").iterdir():
        with contextlib.suppress(OSError):
            held.add(os.readlink(descriptor))
    return {inode for inode in listening if f"socket:[{inode}]" in held}


def start_serving(tmp_path: Path, *options: str) -> tuple[subprocess.Popen[bytes], str]:
    """`handout serve` in a process group of its own, its photos' folder made under `tmp_path`."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "handout", "serve", "--no-browser", "--port", str(port), *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "TMPDIR": str(tmp_path)},
        start_new_session=True,
    )
    address = f"http://127.0.0.1:{port}"
    try:
        assert process.stdout is not None
        assert process.stdout.readline().decode() == f"handout is running at {address}/\n"
        for _ in range(200):
            try:
                if httpx.get(address + "/healthz").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.05)
    except BaseException:
        os.killpg(process.pid, signal.SIGKILL)
        raise
    return process, address


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_server_stopped_by_sigterm_removes_the_photos_folder(tmp_path: Path, workers: str) -> None:
    """systemd stops a service with SIGTERM: uvicorn ends on it, and the folder must not stay behind."""
    process, address = start_serving(tmp_path, "--workers", workers)
    with httpx.Client(base_url=address) as coach:
        coach.post("/edit", data=editor_form(), files={"s1-photo": ("w.jpg", noise_photo(50))})
    [folder] = list(tmp_path.iterdir())
    assert len(list(folder.iterdir())) == 2  # the key and the photo
    process.send_signal(signal.SIGTERM)  # to the server alone, as `kill PID` does
    _, errors = process.communicate(timeout=15)
    assert b"Traceback" not in errors, errors.decode()[-2000:]
    assert list(tmp_path.iterdir()) == []


def test_the_workers_get_the_servers_connection_limits() -> None:
    """Each worker process is started from a pickled copy of uvicorn's config (multiprocessing's spawn):
    the deadline for headers, the connection cap and the quiet log go with it, and its app is made by
    worker_app from the settings serve put in the environment."""
    import pickle

    from handout.web.connections import DeadlineProtocol
    from handout.web.server import MAX_CONNECTIONS, server_config

    config = pickle.loads(pickle.dumps(server_config("handout.web.server:worker_app", "127.0.0.1", 1, 2)))
    assert config.http is DeadlineProtocol and config.workers == 2 and config.factory
    assert config.limit_concurrency == MAX_CONNECTIONS and config.timeout_keep_alive == 5
    assert not config.server_header


def worker_holding(client_port: int, server_port: int, workers: set[int]) -> int | None:
    """The worker process holding the server's end of the connection from `client_port` (/proc/net/tcp)."""
    inode = ""
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[1].endswith(f":{server_port:04X}") and fields[2].endswith(f":{client_port:04X}"):
            inode = fields[9]
    for pid in workers:
        for descriptor in Path(f"/proc/{pid}/fd").iterdir():
            try:
                if os.readlink(descriptor) == f"socket:[{inode}]":
                    return pid
            except OSError:
                continue
    return None


@pytest.mark.parametrize("workers", ["0", "33", "-1"])
def test_a_wrong_number_of_workers_is_one_error_line(run_cli: object, workers: str) -> None:
    result = run_cli("serve", "--no-browser", "--workers", workers)  # type: ignore[operator]
    assert result.code == 2 and result.err.startswith(f"error: --workers {workers}: give from 1 to 32")
    assert len(result.err.splitlines()) == 1
