"""`handout import` as a coach runs it: standard input, files it must not overwrite or read, size, --split."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from conftest import error_mentions, examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handout.content.importers import MAX_ARTICLE_BYTES, import_article
from handout.content.routine import check_routine, load_routine
from handout.errors import HandoutError

ARTICLE = """\
# Three stretches after a run

## Wall calf stretch

Face a wall and step one foot back. Hold for 30 seconds.

## Standing quad stretch

Hold your ankle behind you. Hold for 30 seconds.
"""


def many_stretches(count: int) -> str:
    names = ["calf", "quad", "hamstring", "glute", "hip flexor", "groin", "chest", "neck", "shoulder", "lat"]
    sections = [
        f"## {number}. {names[number - 1].capitalize()} stretch\n\nStretch slowly. Hold for 20 seconds.\n"
        for number in range(1, count + 1)
    ]
    return "# Ten stretches after a run\n\n" + "\n".join(sections)


def test_an_article_pasted_on_standard_input(run_cli, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8"))))
    result = run_cli("import", "-")
    assert result.code == 0, result.err
    assert result.out.strip() == "imported.toml"
    routine = load_routine(str(tmp_path / "imported.toml"))
    assert [(s.name, s.hold) for s in routine.stretches] == [
        ("Wall calf stretch", "30 s"),
        ("Standing quad stretch", "30 s"),
    ]


def test_an_existing_routine_is_not_overwritten_without_force(run_cli, tmp_path):
    (tmp_path / "article.md").write_text(ARTICLE, encoding="utf-8")
    edited = '# my edits\ntitle = "Mine"\n'
    (tmp_path / "article.toml").write_text(edited, encoding="utf-8")
    result = run_cli("import", "article.md")
    error_mentions(result, "article.toml", "already exists", "--force")
    assert len(result.error_lines) == 1
    assert (tmp_path / "article.toml").read_text(encoding="utf-8") == edited
    result = run_cli("import", "article.md", "--force")
    assert result.code == 0, result.err
    assert load_routine(str(tmp_path / "article.toml")).title == "Three stretches after a run"


def test_the_article_itself_is_never_the_output_even_with_force(run_cli, tmp_path):
    (tmp_path / "article.md").write_text(ARTICLE, encoding="utf-8")
    result = run_cli("import", "article.md", "-o", "article.md", "--force")
    error_mentions(result, "article.md", "is the article itself")
    assert (tmp_path / "article.md").read_text(encoding="utf-8") == ARTICLE


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_is_refused_at_once(run_cli, tmp_path):
    os.mkfifo(tmp_path / "pipe")
    result = run_cli("import", "pipe", "-o", "out.toml")
    error_mentions(result, "pipe", "is a named pipe (FIFO), not an article file")
    assert len(result.error_lines) == 1
    assert not (tmp_path / "out.toml").exists()


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_a_device_is_refused_at_once(run_cli, tmp_path):
    result = run_cli("import", "/dev/zero", "-o", "out.toml")
    error_mentions(result, "/dev/zero", "is a device, not an article file")
    assert not (tmp_path / "out.toml").exists()


def test_an_article_over_the_size_limit_is_refused(run_cli, tmp_path):
    (tmp_path / "huge.txt").write_bytes(b"a" * (MAX_ARTICLE_BYTES + 1))
    result = run_cli("import", "huge.txt", "-o", "out.toml")
    error_mentions(result, "huge.txt", "5 MB")
    assert not (tmp_path / "out.toml").exists()


def test_too_much_on_standard_input_is_refused(run_cli, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * (MAX_ARTICLE_BYTES + 10))))
    result = run_cli("import", "-")
    error_mentions(result, "standard input", "5 MB")
    assert not (tmp_path / "imported.toml").exists()


def test_more_than_eight_stretches_keep_the_first_eight_with_a_warning(run_cli, tmp_path):
    (tmp_path / "ten.md").write_text(many_stretches(10), encoding="utf-8")
    result = run_cli("import", "ten.md")
    assert result.code == 0, result.err
    assert "10 stretches, a sheet holds 8: kept the first 8; use --split" in result.err
    routine = load_routine(str(tmp_path / "ten.toml"))
    assert len(routine.stretches) == 8
    assert routine.stretches[-1].name == "Neck stretch"
    assert run_cli("build", "ten.toml", "-o", "ten.pdf").code == 0


def test_split_writes_every_stretch_in_routines_of_eight_at_most(run_cli, tmp_path):
    (tmp_path / "ten.md").write_text(many_stretches(10), encoding="utf-8")
    result = run_cli("import", "ten.md", "--split")
    assert result.code == 0, result.err
    assert result.out.split() == ["ten-1.toml", "ten-2.toml"]
    first, second = (load_routine(str(tmp_path / name)) for name in ("ten-1.toml", "ten-2.toml"))
    assert (len(first.stretches), len(second.stretches)) == (8, 2)
    assert second.title == "Ten stretches after a run (2/2)"
    assert [s.name for s in second.stretches] == ["Shoulder stretch", "Lat stretch"]


def test_a_markdown_table_is_a_warning_not_key_points():
    text = ARTICLE + "\n| Stretch | Time |\n|---|---|\n| Quad | 30 s |\n"
    imported = import_article(text, "a.md")
    assert [str(w) for w in imported.warnings] == [
        "line 11: a table is left out: copy what you need from it into the key points"
    ]
    data = tomllib.loads(imported.toml)
    assert all(
        "|" not in point and "Time" not in point for s in data["stretches"] for point in s["key_points"]
    )


def test_the_import_api_gives_the_toml_and_its_warnings():
    imported = import_article(ARTICLE, "web form", kind="markdown")
    assert tomllib.loads(imported.toml)["lang"] == "en"
    assert imported.parts == (imported.toml,)
    assert imported.warnings == ()


LINES = st.one_of(
    st.sampled_from(
        [
            "# Stretches after a run",
            "## 1. Calf stretch",
            "Hamstring stretch – hold for 15 seconds",
            "Instructions",
            "Tips",
            "Benefits: Calves, feet, ankles",
            "- Quad Stretch — Stand on one leg. Hold for 30 seconds each side.",
            "1. Waden-Dehnung: Stell dich vor eine Wand. Halte 30 Sekunden.",
            "Quad: For the front of the thigh; hold your ankle.",
            "Skip to main content",
            "| a | b |",
            "",
            "**Pigeon pose**",
            "Why stretch?",
        ]
    ),
    st.text(min_size=1, max_size=400),
)


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINES, min_size=1, max_size=25), st.sampled_from([None, "markdown", "text", "html"]))
def test_any_article_is_refused_in_one_message_or_gives_a_routine_that_builds(lines, kind):
    try:
        imported = import_article("\n".join(lines), "article", kind)
    except HandoutError as error:
        assert len(error.messages) == 1
        return
    for toml in imported.parts:
        data = tomllib.loads(toml)
        routine = check_routine(data, "article.toml", Path("."), name="article")
        assert 1 <= len(routine.stretches) <= 8
    assert all("\n" not in str(warning) for warning in imported.warnings)


def test_a_web_page_pasted_on_standard_input_is_read_as_html(run_cli, tmp_path, monkeypatch):
    page = (
        "<html><body><nav>Home Popular searches</nav><main><h1>Two stretches</h1>"
        "<h2>Wall calf stretch</h2><p>Face a wall and step one foot back. Hold for 30 seconds.</p>"
        "<h2>Standing quad stretch</h2><p>Hold your ankle behind you. Hold for 30 seconds.</p>"
        "</main><footer>Share this page</footer></body></html>"
    )
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(page.encode("utf-8"))))
    result = run_cli("import", "-", "-o", "page.toml")
    assert result.code == 0, result.err
    routine = load_routine(str(tmp_path / "page.toml"))
    assert routine.title == "Two stretches"
    assert [s.name for s in routine.stretches] == ["Wall calf stretch", "Standing quad stretch"]


def test_a_text_import_does_not_load_the_web_page_extractor(tmp_path):
    (tmp_path / "article.txt").write_text(ARTICLE.replace("#", ""), encoding="utf-8")
    code = (
        "import sys; from handout.cli import main; "
        "assert main(['import', 'article.txt']) == 0; "
        "assert 'trafilatura' not in sys.modules, 'a text import loaded trafilatura'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
