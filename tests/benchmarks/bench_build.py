"""Measure what the issues set goals for, and print each figure next to its goal.

Not part of the test run (timings vary with the machine): run it by hand, after installing the project,
with `python tests/benchmarks/bench_build.py`. It times whole `handout build` processes for the cold
figure, many builds in one process for the warm figure, and reads the sizes of the files it made.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COLD_RUNS = 15
WARM_SECONDS = 3.0


def cold_build_seconds(folder: Path) -> list[float]:
    command = [sys.executable, "-m", "handout", "build", "-o", str(folder / "cold.pdf")]
    times = []
    for _ in range(COLD_RUNS):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def warm_sheets_per_second() -> float:
    from handout.layouts import load_layout
    from handout.paper import paper_named
    from handout.pipeline import make_pdf
    from handout.routine import load_routine

    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < WARM_SECONDS:
        make_pdf(load_routine("after-running"), load_layout("grid"), paper_named("a4"))
        count += 1
    return count / (time.perf_counter() - start)


def photo_routine(folder: Path) -> Path:
    """Four 4000x3000 phone-sized JPEGs, made with Pillow (noise, so they compress like photos)."""
    from PIL import Image

    lines = ['title = "Photo sheet"']
    for number in range(1, 5):
        photo = Image.effect_noise((4000, 3000), 60 + number).convert("RGB")
        photo.save(folder / f"photo{number}.jpg", quality=92)
        lines += [
            "[[stretches]]",
            f'name = "Stretch {number}"',
            'target = "Calves"',
            'key_points = ["Lean into the wall.", "Keep the back heel down."]',
            f'image = "photo{number}.jpg"',
        ]
    routine = folder / "photos.toml"
    routine.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return routine


def timed_child(command: list[str]) -> tuple[float, float]:
    """Wall time in seconds and peak memory in MB of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


def main() -> None:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        cold = cold_build_seconds(folder)
        size = os.path.getsize(folder / "cold.pdf") / 1024
        warm = warm_sheets_per_second()
        routine = photo_routine(folder)
        photo_pdf = folder / "photos.pdf"
        photo_seconds, photo_memory = timed_child(
            [sys.executable, "-m", "handout", "build", str(routine), "-o", str(photo_pdf)]
        )
        photo_size = os.path.getsize(photo_pdf) / 1024
    rows = [
        (
            "cold build, default sheet",
            f"median {statistics.median(cold):.3f} s (min {min(cold):.3f})",
            "<= 0.09 s",
        ),
        ("warm builds in one process", f"{warm:.0f} sheets/s", ">= 250 sheets/s"),
        ("default sheet size", f"{size:.1f} KB", "<= 100 KB"),
        ("four 4000x3000 photos: size", f"{photo_size:.0f} KB", "<= 1024 KB"),
        ("four 4000x3000 photos: time", f"{photo_seconds:.2f} s", "<= 1 s"),
        ("four 4000x3000 photos: memory", f"{photo_memory:.0f} MB peak", "<= 150 MB"),
    ]
    for label, figure, goal in rows:
        print(f"{label:<32}{figure:<30}goal {goal}")


if __name__ == "__main__":
    main()
