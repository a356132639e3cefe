"""How fast the web page answers, over real HTTP to one uvicorn worker (`handout serve`).

Run: .venv/bin/python tests/benchmarks/bench_web.py

Goals (issue 15): at least 150 sheets per second for a short routine, warm; the preview PNG of the
default routine within 60 ms of server time; 8 coaches editing at once without an error. Issue 23:
`--workers 2` makes at least 1.7 times the sheets a second of one worker, for 8 clients at once
(measured as a ratio within one run: the machine is shared).

The sheets-a-second figures come from wrk (`apt-get install wrk`) when it is on PATH: a load generator
in C, it takes a few percent of a core, so on a 2-core machine the server gets nearly both. Without it,
Python threads send the requests, and they take about a core of their own: two workers then share one
core, which caps their ratio near 1x whatever the server does.
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx2 as httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from handout.bundled import bundled_dir
from handout.content.library import library
from handout.web.editor import EditorState, stretch_from_library
from handout.web.pages import preview_image

SHORT = 'title = "Calves"\n\n[[stretches]]\nuse = "calf-wall"\n'


def sheets_per_second(
    address: str,
    seconds: float = 5.0,
    clients: int = 2,
    path: str = "/sheet.pdf",
    form: dict[str, str] | None = None,
    cookie: str = "",
    keep_alive: bool = True,
) -> tuple[float, int]:
    """Sheets a second from a server, with two keep-alive clients so it never waits for one (or
    `clients` of them); each posts `form` (the short routine by default) to `path`. Without
    `keep_alive`, each request comes on a new connection, as from a proxy that keeps none open.

    The clients use http.client, which costs the shared CPU less than httpx does.
    """
    body = urllib.parse.urlencode(form or {"routine": SHORT})
    headers = {"Content-Type": "application/x-www-form-urlencoded", **({"Cookie": cookie} if cookie else {})}
    host, port = urllib.parse.urlsplit(address).hostname, urllib.parse.urlsplit(address).port
    counts = [0] * clients
    totals = [0] * clients
    stop = time.perf_counter() + 1.0 + seconds

    def client(index: int) -> None:
        connection = http.client.HTTPConnection(host, port)
        warm_until = time.perf_counter() + 1.0
        while (now := time.perf_counter()) < stop:
            if not keep_alive:
                connection.close()
                connection = http.client.HTTPConnection(host, port)
            connection.request("POST", path, body, headers)
            response = connection.getresponse()
            assert response.status == 200 and response.read().startswith(b"%PDF")
            counts[index] += now >= warm_until
            totals[index] += 1
        connection.close()

    threads = [threading.Thread(target=client, args=(index,)) for index in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / seconds, sum(totals)


def wrk_sheets_per_second(
    address: str, seconds: float = 5.0, clients: int = 2, keep_alive: bool = True
) -> tuple[float, int]:
    """`sheets_per_second` of the short routine measured by wrk, one second of warm-up first (its
    sheets counted in the total, as the server's CPU counts them); any answer but 200 stops the
    benchmark. Without `keep_alive` each request asks to close its connection (wrk then opens a new
    one). wrk counts whole seconds."""
    body = urllib.parse.urlencode({"routine": SHORT})
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if not keep_alive:
        headers["Connection"] = "close"
    # urlencode leaves no quote nor backslash, so the body goes between Lua's quotes as it is.
    lines = ['wrk.method = "POST"', f'wrk.body = "{body}"']
    lines += [f'wrk.headers["{name}"] = "{value}"' for name, value in headers.items()]
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as lua:
        lua.write("\n".join(lines) + "\n")
        lua.flush()

        def run(duration: int) -> tuple[float, int]:
            command = ["wrk", "-t1", f"-c{clients}", f"-d{duration}s", "-s", lua.name, address + "/sheet.pdf"]
            report = subprocess.run(command, capture_output=True, text=True, check=True).stdout
            assert "Non-2xx" not in report and "Socket errors" not in report, report
            count = int(re.search(r"(\d+) requests in", report).group(1))  # type: ignore[union-attr]
            return count / duration, count

        warm_sheets = run(1)[1]
        rate, sheets = run(round(seconds))
        return rate, warm_sheets + sheets


def load_sheets_per_second(
    address: str, seconds: float, clients: int, keep_alive: bool = True
) -> tuple[float, int]:
    """Sheets a second of the short routine from `clients` at once: by wrk when it is installed (it
    leaves the server the machine's cores), else by Python threads."""
    if shutil.which("wrk"):
        return wrk_sheets_per_second(address, seconds, clients, keep_alive)
    return sheets_per_second(address, seconds, clients, keep_alive=keep_alive)


def photo_sheets_per_second(address: str, seconds: float = 4.0) -> float:
    """The editor's Download PDF of a one-stretch sheet with a photo, over one connection: the photo
    uploaded once, then sent back as the page sends it (its reference, or before issue 23 the photo)."""
    import io
    import random
    import re

    from PIL import Image

    out = io.BytesIO()
    Image.frombytes("RGB", (1200, 900), random.Random(1).randbytes(1200 * 900 * 3)).save(out, "JPEG")
    entry = library()["calf-wall"]
    form = {
        "title": "With a photo",
        "s1-name": entry["name"],
        "s1-target": entry["target"],
        "s1-points": "\n".join(entry["key_points"]),
        "action": "pdf",
    }
    with httpx.Client(base_url=address) as client:
        page = client.post("/edit", data=form, files={"s1-photo": ("p.jpg", out.getvalue())}).text
        cookie = "; ".join(f"{name}={value}" for name, value in client.cookies.items())
    for field in re.finditer(r'name="(s1-photo_(?:ref|data|name))" value="([^"]*)"', page):
        form[field.group(1)] = field.group(2)
    return sheets_per_second(address, seconds, clients=1, path="/download", form=form, cookie=cookie)[0]


def workers_speedup(
    rounds: int = 5, seconds: float = 3.0, clients: int = 8, keep_alive: bool = True
) -> tuple[dict[int, tuple[list[float], float]], list[float]]:
    """Sheets a second of `handout serve` with 1 and with 2 workers, `clients` at once, with the
    milliseconds of CPU a sheet cost all the server's processes (the median round's); and each round's
    ratio of the two. The rounds run one configuration right after the other, the first in turn, so a
    ratio compares two moments of the same load on the shared machine."""
    rates: dict[int, list[float]] = {1: [], 2: []}
    costs: dict[int, list[float]] = {1: [], 2: []}
    for round_number in range(rounds):
        for workers in (1, 2) if round_number % 2 == 0 else (2, 1):
            with server_process(workers=workers) as (address, pid):
                before = tree_cpu_seconds(pid)
                rate, sheets = load_sheets_per_second(address, seconds, clients, keep_alive)
                rates[workers].append(rate)
                costs[workers].append(1000 * (tree_cpu_seconds(pid) - before) / sheets)
    ratios = [two / one for one, two in zip(rates[1], rates[2], strict=True)]
    return {workers: (rates[workers], statistics.median(costs[workers])) for workers in rates}, ratios


def tree_cpu_seconds(pid: int) -> float:
    """The CPU time of a process and of every process under it (the workers of `--workers`)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError):
            continue
    tree, grew = {pid}, True
    while grew:
        below = {child for child, parent in parents.items() if parent in tree} - tree
        tree |= below
        grew = bool(below)
    total = 0.0
    for member in tree:
        try:
            total += cpu_seconds(member)
        except OSError:  # ended meanwhile
            continue
    return total


def preview_ms() -> tuple[float, float]:
    """Server time of the live preview of the default routine: its sheet built and drawn as a PNG."""
    import tomllib

    data = tomllib.loads((bundled_dir("routines") / "after-running.toml").read_text())
    state = EditorState(
        title=data["title"], stretches=tuple(stretch_from_library(s["use"]) for s in data["stretches"])
    )
    for _ in range(5):
        preview_image(state, 700)
    times, cpu = [], []
    for _ in range(30):
        start, cpu_start = time.perf_counter(), time.process_time()
        image, problems = preview_image(state, 700)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - cpu_start) * 1000)
        assert image and not problems
    return statistics.median(times), statistics.median(cpu)


def coaches_at_once(address: str, coaches: int = 8, edits: int = 15) -> tuple[int, int, float]:
    """Each coach adds stretches and types, as the page does (POST /edit, POST /preview)."""
    ids = list(library())
    errors: list[str] = []
    latencies: list[float] = []

    def coach(number: int) -> None:
        with httpx.Client(base_url=address, timeout=30) as client:
            form = {"title": f"Coach {number}", "club": f"Club {number}"}
            for edit in range(edits):
                entry = library()[ids[(number + edit) % len(ids)]]
                slot = edit % 6 + 1
                form.update(
                    {
                        f"s{slot}-name": entry["name"],
                        f"s{slot}-target": entry["target"],
                        f"s{slot}-points": "\n".join(entry["key_points"]),
                        f"s{slot}-figure": entry["image"],
                    }
                )
                start = time.perf_counter()
                response = client.post("/preview", data=form, headers={"HX-Request": "true"})
                latencies.append(time.perf_counter() - start)
                if response.status_code != 200 or 'alt="Preview of the sheet"' not in response.text:
                    errors.append(f"coach {number} edit {edit}: {response.status_code}")

    threads = [threading.Thread(target=coach, args=(number,)) for number in range(coaches)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(latencies), len(errors), statistics.quantiles(latencies, n=20)[-1] * 1000


@contextmanager
def server_process(source: str | None = None, workers: int = 1) -> Iterator[tuple[str, int]]:
    """`handout serve` in its own process, as a club runs it: the clients here do not share its GIL.

    With `source`, the server runs that checkout's code (on PYTHONPATH), to compare two versions; with
    `workers`, that many worker processes (`--workers`)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handout = Path(sys.executable).with_name("handout")
    environment = {**os.environ, "PYTHONPATH": str(Path(source).resolve())} if source else None
    process = subprocess.Popen(
        [
            str(handout),
            "serve",
            "--no-browser",
            "--port",
            str(port),
            *(["--workers", str(workers)] if workers > 1 else []),
        ],
        stdout=subprocess.PIPE,
        env=environment,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline().decode()
        assert first.startswith("handout is running at"), first
        address = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                httpx.get(address + "/healthz")
                break
            except httpx.TransportError:
                time.sleep(0.05)
        yield address, process.pid
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(10)


def cpu_seconds(pid: int) -> float:
    """The CPU time a process has used (user + system): what its work costs, whatever else runs."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    wall, cpu = preview_ms()
    print(f"preview PNG of the default routine: {wall:.0f} ms server time, {cpu:.0f} ms of CPU (goal: 60 ms)")
    with server_process() as (address, pid):
        cpu_before = cpu_seconds(pid)
        rate, sheets = load_sheets_per_second(address, 5.0, 1)
        cpu = cpu_seconds(pid) - cpu_before
        client = "by wrk" if shutil.which("wrk") else "by Python threads: install wrk for a lighter client"
        print(
            f"short routine over HTTP, one worker, one connection: {rate:.0f} sheets/s (goal: 150; {client})"
        )
        print(
            f"  its server used {1000 * cpu / sheets:.1f} ms of CPU a sheet: {sheets / cpu:.0f} sheets/s "
            "on a core of its own (the machine is shared: load average "
            f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
        )
        requests, errors, p95 = coaches_at_once(address)
        print(
            f"8 coaches editing at once: {requests} previews, {errors} errors, 95th percentile {p95:.0f} ms"
        )
        photo_rate = photo_sheets_per_second(address)
        print(f"Download PDF of a sheet with a photo, one connection: {photo_rate:.0f} sheets/s")
    for keep_alive, connections in ((True, "kept-alive connections"), (False, "a new connection a sheet")):
        load = os.getloadavg()[0]
        speeds, ratios = workers_speedup(keep_alive=keep_alive)
        for workers, (rates, cost) in speeds.items():
            runs = ", ".join(f"{rate:.0f}" for rate in rates)
            print(
                f"8 clients at once, {connections}, {workers} worker(s): {statistics.median(rates):.0f} "
                f"sheets/s (runs {runs}), {cost:.1f} ms of server CPU a sheet"
            )
        print(
            f"  2 workers: {statistics.median(ratios):.2f}x one, the median of the rounds' "
            f"{', '.join(f'{ratio:.2f}' for ratio in ratios)} (goal: 1.7x; load average {load:.1f} before, "
            f"{os.getloadavg()[0]:.1f} after, on {os.cpu_count()} cores)"
        )


if __name__ == "__main__":
    main()
