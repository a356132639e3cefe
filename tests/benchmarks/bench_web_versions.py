"""Sheets a second over HTTP from `handout serve` of two or more checkouts, interleaved in one run.

The machine's speed drifts by half between runs, so a change to the web server is judged by a ratio
measured in one run, not by a number from another day:

    git worktree add /tmp/before <commit>
    .venv/bin/python tests/benchmarks/bench_web_versions.py /tmp/before .

Each round starts each checkout's server in turn (PYTHONPATH selects its code) and counts its sheets:
the short routine from /sheet.pdf over two connections and over one, and the editor's Download PDF
of a sheet with a photo over one connection.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_web import photo_sheets_per_second, server_process, sheets_per_second

ROUNDS = 3


def main(sources: list[str]) -> None:
    kinds = ("two connections", "one connection", "with a photo, one connection")
    rates: dict[tuple[str, str], list[float]] = {(source, kind): [] for source in sources for kind in kinds}
    for _ in range(ROUNDS):
        for source in sources:
            with server_process(source) as (address, _):
                rates[source, kinds[0]].append(sheets_per_second(address, seconds=4)[0])
                rates[source, kinds[1]].append(sheets_per_second(address, seconds=4, clients=1)[0])
                rates[source, kinds[2]].append(photo_sheets_per_second(address))
    for kind in kinds:
        first = statistics.median(rates[sources[0], kind])
        for source in sources:
            median = statistics.median(rates[source, kind])
            runs = ", ".join(f"{rate:.0f}" for rate in rates[source, kind])
            print(f"{kind}: {source}: {median:.0f} sheets/s (runs {runs}), {median / first:.2f}x the first")


if __name__ == "__main__":
    main(sys.argv[1:] or ["."])
