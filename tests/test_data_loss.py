"""Nothing a coach owns is lost: -o never replaces an input, a device, a pipe, a read-only file, or (without
--force) a file of another kind. Every case checks the victim's bytes afterwards, not only the message."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

import pytest
from conftest import error_mentions, realistic, to_toml
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from PIL import Image

from handout.cli import main
from handout.content.library import library

ROSTER = "name,group\nAna,A\nBen,B\n"


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    """A routine with a photo, a copy of a layout, a roster and a few things of the coach's."""
    Image.new("RGB", (60, 40), "teal").save(tmp_path / "photo.jpg")
    routine = realistic(2)
    routine["stretches"][0]["image"] = "photo.jpg"
    (tmp_path / "routine.toml").write_text(to_toml(routine), encoding="utf-8")
    (tmp_path / "layout.toml").write_text('description = "Mine"\n[grid]\ncolumns = 2\n', encoding="utf-8")
    (tmp_path / "roster.csv").write_text(ROSTER, encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04 the coach's notes")
    (tmp_path / "notes.txt").write_text("season plan", encoding="utf-8")
    return {path.name: path for path in tmp_path.iterdir()}


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        path.name: path.read_bytes() for path in folder.iterdir() if path.is_file() and not path.is_symlink()
    }


COMMANDS = {
    "build": ["build", "routine.toml", "--layout", "layout.toml"],
    "preview": ["preview", "routine.toml", "--layout", "layout.toml", "--width", "200"],
    "email": ["email", "routine.toml", "--layout", "layout.toml", "--to", "runner@example.org"],
    "batch --merge": [
        "batch",
        "roster.csv",
        "routine.toml",
        "--layout",
        "layout.toml",
        "--merge",
        "--jobs",
        "1",
    ],
}
INPUTS = ["routine.toml", "layout.toml", "photo.jpg", "roster.csv"]


@pytest.mark.parametrize(
    ("command", "victim"),
    [
        (command, victim)
        for command in COMMANDS
        for victim in INPUTS
        if command.startswith("batch") or victim != "roster.csv"  # only the batch reads the roster
    ],
)
def test_an_input_is_never_the_output(run_cli, files, tmp_path, command, victim):
    before = snapshot(tmp_path)
    result = run_cli(*COMMANDS[command], "-o", victim, "--force")
    error_mentions(result, victim, "which this command reads", "-o")
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("link", ["hard", "symbolic"])
@pytest.mark.parametrize("victim", ["routine.toml", "photo.jpg"])
def test_a_link_to_an_input_does_not_slip_through(run_cli, files, tmp_path, link, victim):
    alias = tmp_path / "sub" / f"alias{Path(victim).suffix}"
    alias.parent.mkdir()
    if link == "hard":
        os.link(tmp_path / victim, alias)
    else:
        alias.symlink_to(tmp_path / victim)
    before = snapshot(tmp_path)
    error_mentions(run_cli(*COMMANDS["build"], "-o", alias, "--force"), "the same file under another name")
    assert snapshot(tmp_path) == before
    assert (alias.is_symlink()) == (link == "symbolic")


@pytest.mark.parametrize(
    ("command", "victim", "kind"),
    [
        ("build", "notes.docx", "a PDF"),
        ("build", "notes.txt", "a PDF"),
        ("preview", "notes.txt", "a PNG"),
        ("preview", "notes.docx", "a PNG"),
        ("email", "notes.txt", "an e-mail"),
        ("batch --merge", "notes.docx", "a PDF"),
    ],
)
def test_a_file_of_another_kind_is_replaced_only_with_force(run_cli, files, tmp_path, command, victim, kind):
    before = (tmp_path / victim).read_bytes()
    error_mentions(run_cli(*COMMANDS[command], "-o", victim), victim, f"is not {kind}", "--force")
    assert (tmp_path / victim).read_bytes() == before
    result = run_cli(*COMMANDS[command], "-o", victim, "--force")
    assert result.code == 0, result.err
    assert (tmp_path / victim).read_bytes() != before


def test_yesterdays_sheet_and_an_empty_file_are_simply_replaced(run_cli, files, tmp_path):
    (tmp_path / "old.pdf").write_bytes(b"%PDF-1.4 yesterday")
    (tmp_path / "empty.pdf").write_bytes(b"")
    for name in ("old.pdf", "empty.pdf"):
        result = run_cli(*COMMANDS["build"], "-o", name)
        assert result.code == 0, result.err
        assert (tmp_path / name).read_bytes().startswith(b"%PDF-") and b"yesterday" not in (
            tmp_path / name
        ).read_bytes()


def test_a_read_only_file_is_refused_even_with_force(run_cli, files, tmp_path):
    sheet = tmp_path / "printed.pdf"
    sheet.write_bytes(b"%PDF-1.4 the printed version")
    sheet.chmod(0o444)
    error_mentions(run_cli(*COMMANDS["build"], "-o", sheet, "--force"), "printed.pdf", "read-only")
    assert sheet.read_bytes() == b"%PDF-1.4 the printed version"
    assert stat.S_IMODE(sheet.stat().st_mode) == 0o444


def test_a_named_pipe_as_output_is_refused_without_hanging(run_cli, files, tmp_path):
    os.mkfifo(tmp_path / "pipe.pdf")
    error_mentions(run_cli(*COMMANDS["build"], "-o", "pipe.pdf", "--force"), "pipe.pdf", "named pipe")
    assert stat.S_ISFIFO((tmp_path / "pipe.pdf").stat().st_mode)


def test_a_device_is_never_replaced_by_a_file(run_cli, files, tmp_path):
    """As root, os.replace would put a regular file where /dev/null was: the system's, not only ours."""
    link = tmp_path / "null.pdf"
    link.symlink_to("/dev/null")
    for target in ("/dev/null", link):
        error_mentions(run_cli(*COMMANDS["build"], "-o", target, "--force"), "is a device")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert link.is_symlink()


def test_a_batch_folder_that_is_the_roster_is_one_error(run_cli, files, tmp_path):
    before = snapshot(tmp_path)
    result = run_cli("batch", "roster.csv", "routine.toml", "-o", "roster.csv")
    error_mentions(result, "roster.csv", "is a file, not a folder")
    assert len(result.error_lines) == 1
    assert snapshot(tmp_path) == before


def test_a_batch_never_replaces_a_file_of_another_kind_in_its_folder(run_cli, files, tmp_path):
    folder = tmp_path / "sheets"
    folder.mkdir()
    (folder / "ana.pdf").write_bytes(b"Ana's medical note")
    result = run_cli("batch", "roster.csv", "routine.toml", "-o", folder)
    error_mentions(result, "ana.pdf", "is not a PDF", "--force")
    assert (folder / "ana.pdf").read_bytes() == b"Ana's medical note"
    assert sorted(path.name for path in folder.iterdir()) == ["ana.pdf"], "nothing is built before the check"


def test_the_bundled_layout_is_an_input_too(run_cli, files, tmp_path):
    from handout.layout.layout_file import find_layout

    grid, _ = find_layout("grid")
    before = grid.read_bytes()
    error_mentions(run_cli("build", "routine.toml", "-o", grid, "--force"), "the layout file")
    assert grid.read_bytes() == before


LIBRARY = sorted(library())
INPUT_NAMES = ("routine.toml", "layout.toml", "photo.png", "roster.csv", "hard-link.toml", "sym-link.png")


@settings(max_examples=30, deadline=None)
@given(
    stretches=st.lists(st.sampled_from(LIBRARY), min_size=1, max_size=4, unique=True),
    photo_on=st.integers(0, 3),
    command=st.sampled_from(sorted(COMMANDS)),
    target=st.sampled_from(INPUT_NAMES),
    force=st.booleans(),
)
def test_no_input_ever_changes_whatever_o_names(stretches, photo_on, command, target, force):
    """Random routines from the library, with a photo and links to the inputs: whichever input -o names,
    with or without --force, every input keeps every byte."""
    assume(command.startswith("batch") or target != "roster.csv")  # the roster is only the batch's input
    with tempfile.TemporaryDirectory() as folder, contextlib.chdir(folder):
        here = Path(folder)
        Image.new("RGB", (30, 30), "orange").save(here / "photo.png")
        tables = [{"use": entry} for entry in stretches]
        tables[photo_on % len(tables)]["image"] = "photo.png"
        (here / "routine.toml").write_text(
            to_toml({"title": "Random", "stretches": tables}), encoding="utf-8"
        )
        (here / "layout.toml").write_text("[grid]\ncolumns = 2\n", encoding="utf-8")
        (here / "roster.csv").write_text(ROSTER, encoding="utf-8")
        os.link(here / "routine.toml", here / "hard-link.toml")
        (here / "sym-link.png").symlink_to(here / "photo.png")
        before = snapshot(here)
        code = main([*COMMANDS[command], "-o", target, *(["--force"] if force else [])])
        assert code == 2
        assert snapshot(here) == before
        assert (here / "sym-link.png").is_symlink()


def test_an_interrupted_write_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    from handout.share import atomic

    target = tmp_path / "sheet.pdf"
    target.write_bytes(b"%PDF-1.4 yesterday")

    def interrupted(source: str, destination: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_atomic(target, b"%PDF-1.7 today")
    assert target.read_bytes() == b"%PDF-1.4 yesterday"
    assert [path.name for path in tmp_path.iterdir()] == ["sheet.pdf"]


def test_exported_figures_never_replace_a_coachs_own_file_without_force(run_cli, tmp_path: Path) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "calf-wall.png").write_text("my own notes, not a picture", encoding="utf-8")
    (folder / "cobra.svg").write_bytes(b"PK\x03\x04 a zip")
    before = snapshot(folder)
    refused = run_cli("figures", "-o", folder)
    assert refused.code == 2
    assert "calf-wall.png" in refused.err and "cobra.svg" in refused.err and "--force" in refused.err
    assert snapshot(folder) == before  # nothing written at all, not even the other figures
    forced = run_cli("figures", "-o", folder, "--force")
    assert forced.code == 0
    assert (folder / "calf-wall.png").read_bytes().startswith(b"\x89PNG")
    assert (folder / "cobra.svg").read_bytes().startswith(b"<svg")
    again = run_cli("figures", "-o", folder)  # its own earlier export is simply replaced
    assert again.code == 0, again.err


def test_the_contact_sheet_never_replaces_another_kind_of_file(run_cli, files: dict[str, Path]) -> None:
    before = files["notes.docx"].read_bytes()
    refused = run_cli("figures", "--sheet", files["notes.docx"])
    assert refused.code == 2 and "is not a PNG picture" in refused.err
    assert files["notes.docx"].read_bytes() == before
    assert run_cli("figures", "--sheet", "/dev/null").code == 2
    assert run_cli("figures", "-o", files["notes.txt"]).code == 2  # a file, not a folder
    assert files["notes.txt"].read_text(encoding="utf-8") == "season plan"
