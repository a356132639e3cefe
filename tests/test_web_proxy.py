"""The README's proxy example, run: docs/nginx-handout.conf in front of `handout serve --allowed-host`.

Skipped without nginx on a developer's machine; CI installs it (.ci/run), so there it always runs.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx2 as httpx
import pytest
from test_web_http import SHORT

NGINX = shutil.which("nginx") or (os.path.exists("/usr/sbin/nginx") and "/usr/sbin/nginx") or None
EXAMPLE = Path(__file__).parent.parent / "docs" / "nginx-handout.conf"
NAME = "stretch.club.example"
if NGINX is None and os.environ.get("CI") != "true":
    pytest.skip(
        "nginx is not installed (apt-get install nginx-light): proxy test skipped", allow_module_level=True
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(url: str, **options: object) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            httpx.get(url, timeout=1, **options)  # type: ignore[arg-type]
            return
        except httpx.TransportError:
            time.sleep(0.1)
    pytest.fail(f"{url} did not answer")


@pytest.fixture
def proxied(tmp_path: Path) -> Iterator[str]:
    """handout as the README runs it, behind the example's nginx on free ports; yields nginx's address."""
    assert NGINX is not None, "CI needs nginx: .ci/run installs it"
    handout_port, proxy_port = free_port(), free_port()
    (tmp_path / "handout.htpasswd").write_text("coach:{PLAIN}stretch-well\n")
    site = (
        EXAMPLE.read_text()
        .replace("listen 80;", f"listen 127.0.0.1:{proxy_port};")
        .replace("/etc/nginx/handout.htpasswd", str(tmp_path / "handout.htpasswd"))
        .replace("127.0.0.1:8000", f"127.0.0.1:{handout_port}")
    )
    (tmp_path / "nginx.conf").write_text(
        # as root (CI), nginx's workers would otherwise run as nobody, who cannot read pytest's folder
        ("user root;\n" if os.geteuid() == 0 else "")
        + f"daemon off;\npid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\n"
        "events {}\n"
        f"http {{\naccess_log off;\nclient_body_temp_path {tmp_path};\nproxy_temp_path {tmp_path};\n"
        f"{site}\n}}\n"
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "handout", "serve", "--no-browser", "--port", str(handout_port),
         "--allowed-host", NAME],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    proxy = subprocess.Popen([NGINX, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")])
    try:
        wait_for(f"http://127.0.0.1:{handout_port}/healthz")
        wait_for(f"http://127.0.0.1:{proxy_port}/healthz", headers={"host": NAME})
        yield f"http://127.0.0.1:{proxy_port}"
    finally:
        proxy.terminate()
        server.terminate()
        proxy.wait(10)
        _, errors = server.communicate(timeout=10)
        assert b"Traceback" not in errors


def test_the_readme_proxy_asks_for_the_password_and_then_makes_sheets(proxied: str) -> None:
    host = {"host": NAME}
    assert httpx.get(proxied + "/", headers=host).status_code == 401
    assert httpx.get(proxied + "/", headers=host, auth=("coach", "wrong")).status_code == 401
    page = httpx.get(proxied + "/", headers=host, auth=("coach", "stretch-well"))
    assert page.status_code == 200 and "handout" in page.text
    sheet = httpx.post(
        proxied + "/sheet.pdf",
        data={"routine": SHORT},
        headers={**host, "origin": f"https://{NAME}", "sec-fetch-site": "same-origin"},
        auth=("coach", "stretch-well"),
        timeout=30,
    )
    assert sheet.status_code == 200 and sheet.content.startswith(b"%PDF")
    other = httpx.get(
        proxied + "/", headers={"host": "rebound.attacker.example"}, auth=("coach", "stretch-well")
    )
    assert other.status_code == 400
