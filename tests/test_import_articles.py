"""Real-page shapes -> routines that build unedited: the test articles (tests/articles/) imported and built.

Each article (and each Markdown one again as a web page with a site's chrome around it) is imported with
`handout import`; its stretches, targets, holds, title and language are those a careful reader finds
(tests/articles/expected.toml), and the file it wrote builds as it is, the PDF printing them.
"""

from __future__ import annotations

import tomllib

import pypdf
import pytest
from article_pages import cases
from conftest import assert_in_order

from handout.content.library import stretch_fields

CASES = {case.name: case for case in cases()}
CHROME = ("Skip to main content", "Popular searches", "cookies", "Share", "side view", "Copyright", "Related")


def expected_target(target: str, use: str | None) -> str:
    return str(stretch_fields(use)["target"]) if target == "@library" and use else target


@pytest.mark.parametrize("name", CASES)
def test_an_article_imports_to_the_routine_a_reader_finds_and_it_builds(name, run_cli, tmp_path):
    case = CASES[name]
    (tmp_path / name).write_text(case.text, encoding="utf-8")
    result = run_cli("import", name, "-o", "routine.toml")
    assert result.code == 0, result.err
    assert result.out.strip() == "routine.toml"
    assert all(line.startswith("warning: line ") for line in result.error_lines), result.err
    data = tomllib.loads((tmp_path / "routine.toml").read_text(encoding="utf-8"))
    assert data["title"] == case.expected["title"]
    assert data["lang"] == case.expected["lang"]
    found = [
        (s["name"], s.get("target") or expected_target("@library", s.get("use")), s.get("hold", ""))
        for s in data["stretches"]
    ]
    expected = [
        (stretch, expected_target(target, entry.get("use")), hold)
        for (stretch, target, hold), entry in zip(case.expected["stretches"], data["stretches"], strict=False)
    ]
    assert found == expected
    for stretch in data["stretches"]:
        for point in stretch.get("key_points", []):
            assert "TODO" not in point
            assert not any(word in point for word in CHROME), point

    build = run_cli("build", "routine.toml", "-o", "sheet.pdf")
    assert build.code == 0, build.err
    pages = pypdf.PdfReader(tmp_path / "sheet.pdf").pages
    assert len(pages) == 1
    printed = [data["title"]]
    for name_, target, hold in found:
        printed += [name_, target] + ([hold] if hold else [])
    # Compared without spaces: a long name beside a figure may be broken inside a word by the layout
    # ("Wadendehnun|g" in a narrow card, the layout's choice and not the import's), read back with a space.
    assert_in_order("".join(pages[0].extract_text().split()), ["".join(text.split()) for text in printed])
