"""The real server under a hostile load: stalled sockets, slow work, costly images. A normal visitor still
gets a sheet within 2 s, stalled connections are closed, and the server's memory comes back down."""

from __future__ import annotations

import concurrent.futures
import io
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx2 as httpx
import pytest
from PIL import Image
from test_web_http import SHORT, editor_form, routine_with_image
from web_server import running_server, slowed

from handout.web import pages
from handout.web.app import WebSettings
from handout.web.connections import DeadlineProtocol

HEADER_TIMEOUT = 1.0


def one_sheet(address: str) -> tuple[int, float]:
    started = time.monotonic()
    response = httpx.post(address + "/sheet.pdf", data={"routine": SHORT}, timeout=10)
    return response.status_code, time.monotonic() - started


def stalled_sockets(address: str, count: int, request: bytes) -> list[socket.socket]:
    """`count` connections that send the start of `request` and then nothing more."""
    host, port = urlsplit(address).hostname, urlsplit(address).port
    sockets = []
    for _ in range(count):
        stalled = socket.create_connection((host, port), timeout=5)
        stalled.sendall(request)
        sockets.append(stalled)
    return sockets


def closed_by_server(stalled: socket.socket, within: float) -> bool:
    stalled.settimeout(within)
    try:
        while chunk := stalled.recv(65536):  # a 503 or 400 may come before the close
            del chunk
        return True
    except (TimeoutError, ConnectionResetError):
        return False
    finally:
        stalled.close()


@pytest.fixture
def quick_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(DeadlineProtocol, "header_timeout", HEADER_TIMEOUT)


def test_stalled_connections_do_not_lock_out_a_visitor_and_are_closed(quick_deadline: None) -> None:
    with running_server(WebSettings(time_limit=2.0)) as address:
        half_headers = stalled_sockets(address, 120, b"POST /edit HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        silent = stalled_sockets(address, 60, b"")
        half_body = stalled_sockets(
            address,
            20,
            b"POST /sheet.pdf HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\nroutine=",
        )
        status, seconds = one_sheet(address)
        assert status == 200 and seconds < 2
        assert httpx.get(address + "/healthz", timeout=5).status_code == 200
        for stalled in half_headers + silent:
            assert closed_by_server(stalled, within=HEADER_TIMEOUT + 3)
        for stalled in half_body:  # the guard's time limit ends a body that does not come
            assert closed_by_server(stalled, within=2.0 + 3)


def test_slow_work_runs_off_the_event_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    """An import or an opened routine that takes seconds holds up no other visitor."""
    slowed(monkeypatch, pages, "imported", 2)
    with running_server() as address, concurrent.futures.ThreadPoolExecutor(1) as importer:
        article = "Stretches for runners\n\n1. Calf stretch\nFace a wall and put your hands on it.\n"
        pending = importer.submit(
            httpx.post, address + "/edit", data={"action": "import", "article": article}, timeout=10
        )
        time.sleep(0.3)
        started = time.monotonic()
        assert httpx.get(address + "/healthz", timeout=5).status_code == 200
        status, _ = one_sheet(address)
        assert status == 200 and time.monotonic() - started < 1
        assert pending.result().status_code == 200


def png(size: tuple[int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (120, 160, 200)).save(out, "PNG")
    return out.getvalue()


def resident_megabytes(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


@pytest.fixture
def served() -> Iterator[tuple[str, int]]:
    """`handout serve` in a process of its own, as a club runs it: its memory can be read from outside."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "handout", "serve", "--port", str(port), "--no-browser"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    address = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                if httpx.get(address + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        yield address, server.pid
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=10)
        assert b"Traceback" not in errors, errors.decode(errors="replace")[-2000:]


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the server's memory from /proc")
def test_costly_images_and_stalled_sockets_leave_the_server_answering_and_its_memory_down(
    served: tuple[str, int],
) -> None:
    address, pid = served
    for _ in range(3):  # warm: fonts, figures and the first sheets' caches are part of the baseline
        assert one_sheet(address)[0] == 200
        httpx.post(
            address + "/edit",
            data=editor_form(action="refresh"),
            files={"s1-photo": ("w.png", png((900, 600)))},
        )
    baseline = resident_megabytes(pid)
    big = png((5600, 4200))  # 23.5 megapixels, decoded whole: about 70 MB each
    bomb = png((10_000, 7_900))  # 79 megapixels in a few hundred kilobytes: refused from its header
    stalled = stalled_sockets(address, 200, b"POST /edit HTTP/1.1\r\nHost: 127.0.0.1\r\n")

    def costly(index: int) -> int:
        photo = big if index % 2 else bomb
        if index % 3:
            return httpx.post(
                address + "/edit",
                data=editor_form(action="refresh"),
                files={"s1-photo": ("p.png", photo)},
                timeout=60,
            ).status_code
        return httpx.post(
            address + "/sheet.pdf",
            data={"routine": routine_with_image("p.png")},
            files={"p": ("p.png", photo)},
            timeout=60,
        ).status_code

    with concurrent.futures.ThreadPoolExecutor(8) as crowd:
        answers = crowd.map(costly, range(16))
        time.sleep(0.5)
        status, seconds = one_sheet(address)
        assert status == 200 and seconds < 2, seconds
        assert set(answers) <= {200, 422, 503}
    peak = resident_megabytes(pid)
    for socket_ in stalled:
        socket_.close()
    time.sleep(1)
    after = resident_megabytes(pid)
    assert after - baseline < 100, (baseline, peak, after)
