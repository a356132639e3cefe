"""Header and footer templates: details from the routine and --set, the sandbox, and what a coach is told."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import error_mentions, normalise, realistic, to_toml, toml_value
from test_pdf_readback import page_text as raw_page_text

from handout import bundled


def page_text(path: Path) -> str:
    """The sheet's text with wrapped lines joined, so a phrase is found wherever the line broke."""
    return normalise(raw_page_text(path))


SAFETY = "Stretch to a mild pull, never to pain"


def layout_with(tmp_path: Path, header: str | None = None, footer: str | None = None) -> Path:
    """The grid layout with its header and/or footer template replaced, saved as tmp_path/club.toml."""
    text = (bundled.bundled_dir("layouts") / "grid.toml").read_text(encoding="utf-8")
    lines = text.splitlines()
    replaced = {"[header]": header, "[footer]": footer}
    section = None
    for index, line in enumerate(lines):
        if line.startswith("["):
            section = line.split()[0]
        elif line.startswith("template = ") and replaced.get(section) is not None:
            lines[index] = f"template = {toml_value(replaced[section])}"
    path = tmp_path / "club.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def routine_with_details(details: str) -> str:
    """The realistic routine (two stretches) with a [details] table written as TOML text."""
    return to_toml(realistic(2)).replace("\n[[stretches]]", f"\n[details]\n{details}\n\n[[stretches]]", 1)


# --- Filled in from the details -------------------------------------------------------------------


def test_the_bundled_grid_prints_the_safety_line_and_no_header_without_details(build_pdf):
    text = page_text(build_pdf(realistic(2)))
    assert SAFETY in text
    assert "Questions" not in text
    assert text.startswith("Cool-down after football training")


def test_set_fills_header_and_footer(build_pdf):
    settings = ["club=Riverside Runners", "date=2026-12-05", "contact=c@x.org"]
    path = build_pdf(realistic(2), *(argument for value in settings for argument in ("--set", value)))
    text = page_text(path)
    assert text.startswith("Riverside Runners · 5 December 2026")
    assert "Questions: c@x.org" in text
    assert SAFETY in text


def test_details_come_from_the_routine_and_set_overrides_them(build_pdf):
    routine = routine_with_details('club = "Riverside Runners"\ndate = "Saturday"')
    text = page_text(build_pdf(routine, "--set", "date=Sunday 5 December"))
    assert text.startswith("Riverside Runners · Sunday 5 December")
    assert "Saturday" not in text


def test_a_template_can_print_the_title(build_pdf, tmp_path):
    layout = layout_with(tmp_path, header="Sheet: {{ title }}")
    text = page_text(build_pdf(realistic(2), "--layout", str(layout)))
    assert "Sheet: Cool-down after football training" in text


def test_a_value_that_looks_like_a_template_prints_as_it_is(build_pdf):
    text = page_text(build_pdf(realistic(2), "--set", "club={{ 7 * 7 }} {% if x %}"))
    assert "{{ 7 * 7 }} {% if x %}" in text
    assert "49" not in text


# --- Mistakes: one error line each, exit 2 --------------------------------------------------------


def test_an_unset_variable_is_an_error_naming_it(run_cli, write_routine, tmp_path):
    layout = layout_with(tmp_path, footer="{{ club }}: stretch gently")
    write_routine(realistic(2))
    result = run_cli("build", "routine.toml", "--layout", layout, "-o", "sheet.pdf")
    error_mentions(result, "club.toml: [footer] template", '"club"', "not set", "--set club=", "[details]")
    assert len(result.error_lines) == 1
    assert not (tmp_path / "sheet.pdf").exists()


@pytest.mark.parametrize(
    "template",
    [
        "{{ ''.__class__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ club.__init__.__globals__ }}",
        "{{ title.__class__.__name__ }}",
    ],
)
def test_the_sandbox_blocks_attribute_access(run_cli, write_routine, tmp_path, template):
    layout = layout_with(tmp_path, header=template)
    write_routine(realistic(2))
    result = run_cli("build", "routine.toml", "--layout", layout, "--set", "club=Riverside", "-o", "s.pdf")
    error_mentions(result, "club.toml: [header] template", "not allowed")
    assert "<class" not in result.err
    assert not (tmp_path / "s.pdf").exists()


def test_a_template_cannot_change_a_value(run_cli, write_routine, tmp_path):
    layout = layout_with(tmp_path, header="{% set x = [] %}{{ x.append(1) }}{{ x }}")
    write_routine(realistic(2))
    error_mentions(run_cli("build", "routine.toml", "--layout", layout), "[header] template", "not allowed")


def test_a_template_syntax_error_names_file_part_and_line(run_cli, write_routine, tmp_path):
    layout = layout_with(tmp_path, footer="Stretch gently.\n{% if club %}{{ club }}")
    write_routine(realistic(2))
    result = run_cli("build", "routine.toml", "--layout", layout)
    error_mentions(result, "club.toml: [footer]", "mistake on line 2", "endif")


def test_the_old_footer_text_key_says_to_rename_it(run_cli, write_routine, tmp_path):
    (tmp_path / "old.toml").write_text('[footer]\ntext = "Stretch gently."\n', encoding="utf-8")
    write_routine(realistic(2))
    error_mentions(run_cli("build", "routine.toml", "--layout", "old.toml"), "old.toml", '"template"')


@pytest.mark.parametrize(
    ("setting", "fragment"),
    [
        ("club", '--set "club" is not name=value'),
        ("=Riverside", "is not name=value"),
        ("my club=Riverside", '"my club" cannot be a detail name'),
        ("title=Other", "title comes from the routine"),
    ],
)
def test_a_malformed_set_is_an_error(run_cli, write_routine, tmp_path, setting, fragment):
    write_routine(realistic(2))
    result = run_cli("build", "routine.toml", "--set", setting)
    error_mentions(result, fragment)
    assert not (tmp_path / "build").exists()


@pytest.mark.parametrize(
    ("details", "fragment"),
    [
        ("club = 42", '"club" must be text'),
        ('club = ["a", "b"]', '"club" must be text'),
        ("date = 2026-12-05", '"date" must be text'),
        ("[details.club]\nname = 'x'", '"club" must be text'),
    ],
)
def test_details_must_be_text(run_cli, write_routine, details, fragment):
    write_routine(routine_with_details(details))
    error_mentions(run_cli("build", "routine.toml"), "routine.toml: [details]", fragment)


def test_details_must_be_a_table(run_cli, write_routine):
    data = realistic(2)
    write_routine({"details": "Riverside", **data})
    error_mentions(run_cli("build", "routine.toml"), "routine.toml", '"details" must be a table')


def test_an_unprintable_character_in_a_setting_names_the_setting(run_cli, write_routine):
    write_routine(realistic(2))
    ethiopic = "\u1200"  # no bundled font draws Ethiopic
    result = run_cli("build", "routine.toml", "--set", f"club=Club {ethiopic}")
    error_mentions(result, "--set club", f'"{ethiopic}"')
    assert len(result.error_lines) == 1


def test_a_detail_no_template_prints_is_fine(build_pdf):
    assert SAFETY in page_text(build_pdf(realistic(2), "--set", "shoe_size=44"))
