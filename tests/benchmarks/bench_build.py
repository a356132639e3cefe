"""Measure what the issues set goals for, and print each figure next to its goal.

Not part of the test run (timings vary with the machine): run it by hand, after installing the project,
with `python tests/benchmarks/bench_build.py`. The cold figure is whole `handout build` processes timed
in turn with reference_sheet.py (hand-written reportlab drawing the very same page, dumped by
page_dump.py), pair by pair, so the ratio holds on a machine whose speed drifts; the package is
byte-compiled first, as an installed one is. The warm figure is many sheets in one process, each with
another runner's name; the batch is a whole `handout batch` process. Each figure is printed beside its
goal and, where the goal is a ratio, the reference measured in the same run.
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw

import handout as handout_package

COLD_RUNS = 21
WARM_SECONDS = 3.0
BENCHMARKS = Path(__file__).resolve().parent


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def cold_against_reference(folder: Path) -> tuple[list[float], list[float], list[float]]:
    """Cold `handout build` and the reference drawing the same page, run in turn: (handout seconds,
    reference seconds, handout/reference of each pair)."""
    from handout.content.routine import load_routine
    from handout.layout.layout_file import load_layout
    from handout.layout.paper import paper_named
    from handout.pipeline import make_page

    sys.path.insert(0, str(BENCHMARKS))
    from page_dump import dump_page

    page_json = folder / "page.json"
    dump_page(make_page(load_routine("after-running"), load_layout("grid"), paper_named("a4"), {}), page_json)
    compileall.compile_dir(
        Path(handout_package.__file__).parent, quiet=1
    )  # as pip installs it: every module already byte-compiled
    handout = [sys.executable, "-m", "handout", "build", "-o", str(folder / "cold.pdf"), "--force"]
    reference = [
        sys.executable,
        str(BENCHMARKS / "reference_sheet.py"),
        str(page_json),
        str(folder / "r.pdf"),
    ]
    timed(handout), timed(reference)  # warm the file cache
    ours, theirs = [], []
    for _ in range(COLD_RUNS):
        ours.append(timed(handout))
        theirs.append(timed(reference))
    return ours, theirs, [a / b for a, b in zip(ours, theirs, strict=True)]


def warm_sheets_per_second() -> float:
    """Sheets per second in one process, the default routine with another runner's name on each."""
    from handout.content.routine import load_routine
    from handout.layout.layout_file import load_layout
    from handout.layout.paper import paper_named
    from handout.pipeline import make_pdf

    routine, layout, paper = load_routine("after-running"), load_layout("grid"), paper_named("a4")
    make_pdf(routine, layout, paper, {"name": "Runner 0"})
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < WARM_SECONDS:
        count += 1
        make_pdf(routine, layout, paper, {"name": f"Runner {count}", "group": "Group A"})
    return count / (time.perf_counter() - start)


def arrangement_search_ms() -> tuple[float, float, float]:
    """The layout engine alone for the 8 wordiest library stretches on the grid, A4: (cold ms, with
    nothing measured yet; the chosen arrangement alone, cold ms: its page set without any search;
    warm ms, the same routine again). Cold minus alone is what the search adds: the two are timed in
    turn and that difference is the median of the pairs' differences."""
    from dataclasses import replace

    from handout.content.routine import library_stretches
    from handout.layout.arrangement import arrangements
    from handout.layout.composition import LAID_OUT, lay_out
    from handout.layout.fonts import metrics
    from handout.layout.layout_file import load_layout
    from handout.layout.paper import paper_named
    from handout.layout.typesetting import typesetter
    from handout.model import Routine
    from handout.pipeline import measured_figure_size

    layout, paper, fonts = load_layout("grid"), paper_named("a4"), metrics()
    stretches = sorted(
        (stretch for _, stretch in library_stretches()), key=lambda s: -sum(map(len, s.key_points))
    )
    routine = Routine(
        title="After the long run",
        subtitle="Hold each stretch on both sides.",
        stretches=tuple(stretches[:8]),
    )
    for stretch in stretches[:8]:
        if stretch.image is not None and hasattr(stretch.image, "pose"):
            measured_figure_size(stretch.image.pose)  # the figures' sizes are measured once per pose

    def cold_ms(chosen_layout: object) -> float:
        typesetter.cache_clear()
        LAID_OUT.clear()
        start = time.perf_counter()
        lay_out(routine, chosen_layout, paper, fonts, figure_size=measured_figure_size)  # type: ignore[arg-type]
        return (time.perf_counter() - start) * 1000

    searched = lay_out(routine, layout, paper, fonts, figure_size=measured_figure_size)
    chosen = next(
        arrangement
        for arrangement in arrangements(layout, paper.landscape, 8, with_images=True)
        if arrangement.describe() == searched.arrangement
    )
    alone = replace(
        layout,
        columns=(chosen.columns,),
        columns_landscape=(chosen.columns,),
        image_positions=(chosen.image,),
        row_heights=(chosen.rows,),
        span=chosen.span,
        body_max=searched.body_size,
        body_min=searched.body_size,
        body_min_by_count=(),
    )
    assert lay_out(routine, alone, paper, fonts, figure_size=measured_figure_size).boxes == searched.boxes
    pairs = [(cold_ms(layout), cold_ms(alone)) for _ in range(21)]  # in turn, as the machine drifts
    cold = statistics.median(full for full, _ in pairs)
    cold_alone = cold - statistics.median(full - alone for full, alone in pairs)
    warms = []
    for _ in range(200):
        start = time.perf_counter()
        lay_out(routine, layout, paper, fonts, figure_size=measured_figure_size)
        warms.append((time.perf_counter() - start) * 1000)
    return cold, cold_alone, statistics.median(warms)


def phone_photo(seed: int) -> Image.Image:
    """A 4000x3000 picture that compresses like a phone photo (about 3 MB as a JPEG): smooth colour,
    shapes and sensor-like noise. Pure noise would be far bigger than any real photo."""
    size = (4000, 3000)
    red = Image.radial_gradient("L").resize(size)
    green = Image.linear_gradient("L").resize(size)
    blue = Image.linear_gradient("L").rotate(90).resize(size)
    photo = Image.merge("RGB", (red, green, blue))
    draw = ImageDraw.Draw(photo)
    for i in range(40):
        x, y = (i * 97 * seed) % 3700, (i * 61 * seed) % 2700
        draw.ellipse((x, y, x + 300, y + 250), fill=((i * 6) % 256, 120, (200 - i * 4) % 200))
    return Image.blend(photo, Image.effect_noise(size, 25).convert("RGB"), 0.2)


def photo_routine(folder: Path) -> Path:
    """A routine of four stretches, each with its own 4000x3000 phone-sized JPEG."""
    lines = ['title = "Photo sheet"']
    for number in range(1, 5):
        phone_photo(number).save(folder / f"photo{number}.jpg", quality=92)
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


PEAK_MEMORY_REPORTER = """
import sys
from handout.cli import main
code = main(sys.argv[1:])
peak = next(line for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(int(peak.split()[1]) // 1024, file=sys.stderr)
sys.exit(code)
"""
"""Runs `handout` and prints its own peak memory (MB). The kernel's per-child figure (wait4) is no use
here: a child forked from this big process would inherit its size as its peak."""


def timed_child(arguments: list[str]) -> tuple[float, int]:
    """Wall time in seconds and peak memory in MB of one `handout` process."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", PEAK_MEMORY_REPORTER, *arguments], check=True, capture_output=True, text=True
    )
    return time.perf_counter() - start, int(done.stderr.split()[-1])


def batch_of_1000(folder: Path) -> float:
    """Seconds for `handout batch` of a 1000-row roster with two workers, as a club would run it."""
    roster = folder / "members.csv"
    lines = ["name,group,date"] + [f"Runner {row},Group {'ABC'[row % 3]},2026-12-05" for row in range(1000)]
    roster.write_text("\n".join(lines) + "\n", encoding="utf-8")
    command = [
        sys.executable,
        "-m",
        "handout",
        "batch",
        str(roster),
        "--jobs",
        "2",
        "-o",
        str(folder / "batch"),
    ]
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        search_cold, search_alone, search_warm = arrangement_search_ms()
        cold, reference, ratios = cold_against_reference(folder)
        size = os.path.getsize(folder / "cold.pdf") / 1024
        warm = warm_sheets_per_second()
        # The photos are drawn in a child process: a child forked from a parent holding them would
        # report the parent's memory as its own peak.
        subprocess.run([sys.executable, __file__, "--make-photos", str(folder)], check=True)
        routine = folder / "photos.toml"
        photo_pdf = folder / "photos.pdf"
        photo_seconds, photo_memory = timed_child(["build", str(routine), "-o", str(photo_pdf)])
        photo_size = os.path.getsize(photo_pdf) / 1024
        batch_seconds = batch_of_1000(folder)
        email = folder / "welcome.eml"
        subprocess.run(
            [sys.executable, "-m", "handout", "email", "--to", "new.member@example.org", "-o", str(email)],
            check=True,
            capture_output=True,
        )
        email_size = os.path.getsize(email) / 1024
    reference_median = statistics.median(reference)
    rows = [
        (
            "cold build / reference (pairs)",
            f"median {statistics.median(ratios):.2f}x (min {min(ratios):.2f})",
            "<= 1.3x",
        ),
        ("  cold handout build", f"median {statistics.median(cold) * 1000:.0f} ms", "(ratio above)"),
        ("  cold reference sheet", f"median {reference_median * 1000:.0f} ms", "(the yardstick)"),
        (
            "warm builds in one process",
            f"{warm:.0f} sheets/s ({1000 / warm:.1f} ms)",
            f">= 250 sheets/s; = {reference_median * warm:.0f} reference runs' time",
        ),
        (
            "layout of 8 stretches, cold",
            f"{search_cold:.1f} ms, again {search_warm:.2f} ms (kept)",
            f"({search_cold / 1000 / reference_median:.0%} of a reference run)",
        ),
        (
            "  added by the arrangement search",
            f"{search_cold - search_alone:.1f} ms (alone {search_alone:.1f} ms)",
            "<= 10 ms (alone: the chosen arrangement's page, no search)",
        ),
        ("default sheet size", f"{size:.1f} KB", "<= 100 KB"),
        ("four 4000x3000 photos: size", f"{photo_size:.0f} KB", "<= 1024 KB"),
        ("four 4000x3000 photos: time", f"{photo_seconds:.2f} s", "<= 1 s"),
        ("four 4000x3000 photos: memory", f"{photo_memory:.0f} MB peak", "<= 150 MB"),
        (
            "batch of 1000 rows, 2 jobs",
            f"{batch_seconds:.1f} s",
            f"<= 4 s; = {batch_seconds / reference_median:.0f} reference runs",
        ),
        ("e-mail of the default sheet", f"{email_size:.0f} KB", "<= 300 KB"),
    ]
    for label, figure, goal in rows:
        print(f"{label:<34}{figure:<32}goal {goal}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--make-photos"]:
        photo_routine(Path(sys.argv[2]))
    else:
        main()
