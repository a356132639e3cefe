"""Say what others may do with the code and the figures: the licence files, pyproject's licence, the
installed package's metadata, the README's list with the fonts' own licences, the exported SVGs."""

from __future__ import annotations

import tomllib
from importlib.metadata import metadata
from pathlib import Path

from handout.layout.layout_file import load_layout
from handout.share.figure_export import export_figures

ROOT = Path(__file__).resolve().parents[1]


def test_the_code_is_mit_and_the_figures_cc_by_4():
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    figures = (ROOT / "LICENSE-figures.txt").read_text(encoding="utf-8")
    assert "images/" in figures.split("\n\n")[0], "it names what it covers"
    assert "Creative Commons Attribution 4.0 International Public License" in figures
    assert "Section 3 -- License Conditions." in figures, "the full legal code, not only a link"


def test_pyproject_and_the_installed_package_state_both_licences():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT AND CC-BY-4.0"
    for name in project["license-files"]:
        assert (ROOT / name).is_file(), name
    assert metadata("handout")["License-Expression"] == "MIT AND CC-BY-4.0"


def test_the_readme_lists_the_licences_with_the_fonts_own():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Licences", 1)[1].split("\n## ", 1)[0]
    for words in ("MIT", "CC BY 4.0", "DejaVu", "Bitstream Vera", "htmx", "Asian fonts"):
        assert words in section, words


def test_every_exported_svg_carries_its_licence(tmp_path):
    export_figures(tmp_path / "figures", load_layout("grid"))
    svgs = list((tmp_path / "figures").glob("*.svg"))
    assert len(svgs) == 26
    for svg in svgs:
        text = svg.read_text(encoding="utf-8")
        assert text.startswith("<svg") and "CC BY 4.0" in text, svg.name
