"""Sheets a second over HTTP from `handout serve` of two or more checkouts, interleaved in one run.

The machine's speed drifts by half between runs, so a change to the web server is judged by a ratio
measured in one run, not by a number from another day:

    git worktree add /tmp/before <commit>
    .venv/bin/python tests/benchmarks/bench_web_versions.py /tmp/before .

Each round starts each checkout's server in turn (PYTHONPATH selects its code) and counts its sheets.
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx2 as httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_web import sheets_per_second

ROUNDS = 3


def served_from(source: str) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    environment = {**os.environ, "PYTHONPATH": str(Path(source).resolve())}
    process = subprocess.Popen(
        [sys.executable, "-m", "handout", "serve", "--no-browser", "--port", str(port)],
        env=environment,
        stdout=subprocess.DEVNULL,
        cwd="/",
    )
    address = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            httpx.get(address + "/healthz")
            break
        except httpx.TransportError:
            time.sleep(0.05)
    return process, address


def main(sources: list[str]) -> None:
    rates: dict[str, list[float]] = {source: [] for source in sources}
    for _ in range(ROUNDS):
        for source in sources:
            process, address = served_from(source)
            try:
                rates[source].append(sheets_per_second(address, seconds=4)[0])
            finally:
                process.terminate()
                process.wait()
    first = statistics.median(rates[sources[0]])
    for source in sources:
        median = statistics.median(rates[source])
        runs = ", ".join(f"{rate:.0f}" for rate in rates[source])
        print(f"{source}: {median:.0f} sheets/s (runs {runs}), {median / first:.2f}x the first")


if __name__ == "__main__":
    main(sys.argv[1:] or ["."])
