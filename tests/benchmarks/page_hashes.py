"""Hashes of many laid-out pages and PDFs, to prove that a speed-up changed no sheet.

Run it before and after a change and compare the two outputs:

    .venv/bin/python tests/benchmarks/page_hashes.py > before.txt
    ... change ...
    .venv/bin/python tests/benchmarks/page_hashes.py | cmp - before.txt

Every layout, both papers and orientations, for the bundled routine and library routines of 1 to 8
stretches in four languages: each page's boxes (its repr) and, for the bundled routine and the first
library routine of each length, the PDF's bytes. A routine a layout refuses gives its message instead.
Not part of the test run: about half a minute.
"""

from __future__ import annotations

import hashlib

from handout.content.routine import library_stretches, load_routine
from handout.errors import HandoutError
from handout.layout.layout_file import load_layout
from handout.layout.paper import oriented, paper_named
from handout.model import Routine
from handout.pipeline import make_page, make_pdf

LANGUAGES = ("en", "fr", "de", "es")
LENGTHS = (1, 2, 3, 5, 6, 7, 8)
LAYOUTS = ("grid", "list", "poster", "two-up")


def routines() -> dict[str, Routine]:
    found = {"after-running": load_routine("after-running")}
    for lang in LANGUAGES:
        stretches = [stretch for _, stretch in library_stretches(lang)]
        for length in LENGTHS:
            for start in range(0, len(stretches) - length + 1, 5):
                found[f"{lang}-{length}-{start}"] = Routine(
                    title="After the run",
                    subtitle="Hold each stretch on both sides.",
                    stretches=tuple(stretches[start : start + length]),
                    lang=lang,
                )
    return found


def main() -> None:
    for name, routine in routines().items():
        with_pdf = name == "after-running" or name.endswith("-0")
        for layout_name in LAYOUTS:
            layout = load_layout(layout_name)
            for paper_name in ("a4", "letter"):
                for orientation in ("portrait", "landscape"):
                    paper = oriented(paper_named(paper_name), orientation)
                    try:
                        digest = hashlib.md5(repr(make_page(routine, layout, paper, {})).encode()).hexdigest()
                        if with_pdf:
                            digest += " " + hashlib.md5(make_pdf(routine, layout, paper, {})).hexdigest()
                    except HandoutError as error:
                        digest = f"error: {error}"
                    print(name, layout_name, paper_name, orientation, digest)


if __name__ == "__main__":
    main()
