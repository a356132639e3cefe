"""Robustness: full routines, missing files, unwritable folders, racing builds and the text files editors
really save (a BOM, Windows line endings, Latin-1), each giving a sheet or one clear `error:` line."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pypdf
import pytest
from conftest import assert_in_order, error_mentions, expected_sequence, realistic, to_toml

import handout

SENTENCE = "Keep the movement slow and controlled and breathe out as you ease further into the stretch"


def body_size(path: Path) -> float:
    """The smallest text size on the page: the body size the layout settled on."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return min(round(char["size"], 2) for char in pdf.pages[0].chars)


def test_eight_stretches_with_long_points_shrink_to_fit(build_pdf):
    four, eight = realistic(4), realistic(8)
    for stretch in eight["stretches"]:
        stretch["key_points"] = [*stretch["key_points"], f"{SENTENCE}."]
    small, large = build_pdf(eight), build_pdf(four)
    assert 8 <= body_size(small) < body_size(large)
    assert_in_order(pypdf.PdfReader(small).pages[0].extract_text(), expected_sequence(eight))


def test_eight_stretches_with_too_much_text_name_the_stretch_that_does_not_fit(run_cli, write_routine):
    data = realistic(8)
    for stretch in data["stretches"]:
        stretch["key_points"] = [f"{SENTENCE}, step {n}; {SENTENCE}." for n in range(1, 9)]
    write_routine(data)
    result = run_cli("build", "routine.toml", "-o", "sheet.pdf")
    error_mentions(
        result,
        'stretch 1 "Standing calf stretch" needs the most room',
        "does not fit",
        "8 pt",
        "shorten its key points",
    )
    assert len(result.error_lines) == 1


def test_every_missing_image_is_listed_in_one_run(run_cli, write_routine, tmp_path):
    data = realistic(4)
    for number, stretch in enumerate(data["stretches"][:3], start=1):
        stretch["image"] = f"photo-{number}.jpg"
    write_routine(data)
    result = run_cli("build", "routine.toml", "-o", "sheet.pdf")
    error_mentions(result, "photo-1.jpg", "photo-2.jpg", "photo-3.jpg")
    assert len(result.error_lines) == 3
    for line, stretch in zip(result.error_lines, data["stretches"], strict=False):
        assert f'"{stretch["name"]}"' in line and "not found" in line
    assert not (tmp_path / "sheet.pdf").exists()


def test_a_read_only_output_folder_is_a_clear_error(run_cli, write_routine, tmp_path):
    write_routine(realistic(1))
    folder = tmp_path / "sheets"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):  # root writes anywhere: make the folder unwritable another way
            (tmp_path / "notes.txt").write_text("a file, not a folder")
            folder, expected = tmp_path / "notes.txt" / "sub", "notes.txt is a file, not a folder"
        else:
            expected = "Permission denied"
        result = run_cli("build", "routine.toml", "-o", folder / "sheet.pdf")
        error_mentions(result, "cannot write", expected, "choose another place with -o")
        assert len(result.error_lines) == 1
    finally:
        (tmp_path / "sheets").chmod(0o755)
    assert list((tmp_path / "sheets").iterdir()) == []


def test_two_builds_writing_the_same_file_at_once_leave_a_valid_pdf(write_routine, tmp_path):
    write_routine(realistic(4))
    source_root = Path(handout.__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(source_root)}
    command = [sys.executable, "-m", "handout", "build", "routine.toml", "-o", "same.pdf"]

    def build() -> subprocess.CompletedProcess[str]:
        return subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120)

    with ThreadPoolExecutor(max_workers=2) as pool:
        for _ in range(3):
            results = list(pool.map(lambda _: build(), range(2)))
            assert [result.returncode for result in results] == [0, 0], [r.stderr for r in results]
            assert len(pypdf.PdfReader(tmp_path / "same.pdf").pages) == 1
    assert sorted(path.name for path in tmp_path.iterdir()) == ["routine.toml", "same.pdf"]


def test_a_routine_saved_with_a_bom_and_windows_line_endings_reads_fine(build_pdf):
    data = realistic(2)
    data["title"] = "Dehnen nach dem Laufen: Größe"
    text = "\ufeff" + to_toml(data).replace("\n", "\r\n")
    path = build_pdf(text)
    assert_in_order(pypdf.PdfReader(path).pages[0].extract_text(), expected_sequence(data))


def test_a_latin_1_routine_is_refused_as_not_utf_8(run_cli, write_routine):
    data = realistic(1)
    data["title"] = "Dehnen für Große"
    data["stretches"][0]["hold"] = "20 s"  # Latin-1 has no en dash
    write_routine(to_toml(data).encode("latin-1"), "alt.toml")
    result = run_cli("build", "alt.toml", "-o", "sheet.pdf")
    error_mentions(result, "alt.toml: is not UTF-8 text", "save it as UTF-8")
    assert len(result.error_lines) == 1


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ('title = "Stretches"\n\n[[stretches]\nname = "Calf"\n', 3, 12),
        ('title = "Stretches\n', 1, 19),
        ('title = "Stretches"\nsubtitle = \n', 2, 12),
    ],
)
def test_a_toml_syntax_error_gives_line_and_column(run_cli, write_routine, text, line, column):
    write_routine(text)
    result = run_cli("build", "routine.toml")
    error_mentions(result, "routine.toml: not valid TOML", f"line {line}, column {column}")
    assert len(result.error_lines) == 1
