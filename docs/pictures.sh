#!/bin/sh
# Make the README's pictures again from the current code: the default sheet, the bundled poster, a
# poster of six (docs/poster-of-6.toml), the figures' contact sheet and the web page at desktop and
# phone width (written to build/ by the browser tests, copied here). Run from the repository's top
# folder; PYTHON is the Python that has handout's dependencies (default .venv/bin/python).
set -e
PYTHON=${PYTHON:-.venv/bin/python}
"$PYTHON" -m handout preview --width 620 -o docs/sheet-a4.png --force
"$PYTHON" -m handout preview --layout poster --width 620 -o docs/poster-a4.png --force
"$PYTHON" -m handout preview docs/poster-of-6.toml --layout poster --width 620 -o docs/poster-of-6-a4.png --force
"$PYTHON" -m handout figures --sheet docs/figures.png --force
"$PYTHON" -m pytest -q -p no:cacheprovider -n 0 "tests/test_web_browser.py::test_screenshots_for_the_readme"
cp build/web-desktop.png build/web-phone.png docs/
