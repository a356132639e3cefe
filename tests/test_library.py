"""The stretch library: `use = "id"` in a routine, overrides, `handout stretches`, `handout figures`."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from handout.bundled import bundled_names
from handout.cli import main
from handout.content.library import find_entry, library
from handout.content.routine import library_stretches, load_routine
from handout.model import Figure


def write_routine(folder: Path, stretches: str) -> Path:
    path = folder / "club.toml"
    path.write_text(f'title = "Club routine"\n{stretches}', encoding="utf-8")
    return path


def test_library_has_a_dozen_valid_stretches_each_with_its_figure() -> None:
    entries = library_stretches()
    assert len(entries) >= 12
    assert [entry_id for entry_id, _ in entries] == list(library())
    for _, stretch in entries:
        assert isinstance(stretch.image, Figure)
        assert 1 <= len(stretch.key_points) <= 8


def test_every_bundled_pose_is_in_the_library() -> None:
    assert set(bundled_names("images")) <= set(library())


def test_use_takes_the_library_stretch_and_overrides_fields(tmp_path: Path) -> None:
    routine = load_routine(
        str(
            write_routine(
                tmp_path,
                '[[stretches]]\nuse = "calf-wall"\nhold = "45 s each leg"\n'
                '[[stretches]]\nuse = "seated-twist"\nkey_points = ["Sit tall.", "Turn gently."]\n',
            )
        )
    )
    calf, twist = routine.stretches
    assert calf.name == "Wall calf stretch"
    assert calf.hold == "45 s each leg"
    assert calf.key_points == tuple(library()["calf-wall"]["key_points"])
    assert twist.key_points == ("Sit tall.", "Turn gently.")
    assert twist.target == library()["seated-twist"]["target"]


def test_unknown_library_id_lists_the_closest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    routine = write_routine(tmp_path, '[[stretches]]\nuse = "calf-wal"\n')
    assert main(["build", str(routine), "-o", str(tmp_path / "out.pdf")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith(f'error: {routine}: stretch 1: "use" names no stretch in the library: "calf-wal"')
    assert "closest: calf-wall" in err
    assert "handout stretches" in err
    assert not (tmp_path / "out.pdf").exists()


def test_routine_of_library_stretches_prints_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stretches = '[[stretches]]\nuse = "calf-wall"\n[[stretches]]\nuse = "hip-flexor-lunge"\n'
    routine = write_routine(tmp_path, stretches)
    assert main(["build", str(routine), "-o", str(tmp_path / "out.pdf")]) == 0
    text = " ".join(PdfReader(tmp_path / "out.pdf").pages[0].extract_text().split())
    assert text.index("Wall calf stretch") < text.index("Kneeling hip flexor stretch")
    assert "Target: Calf (gastrocnemius)" in text


def test_stretches_command_lists_id_name_and_target(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stretches"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(library())
    first_id, first = next(iter(library().items()))
    assert lines[0].split()[0] == first_id
    assert first["name"] in lines[0] and first["target"] in lines[0]


def test_figures_command_writes_svg_and_png_for_every_pose(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["figures", "-o", str(tmp_path / "figs")]) == 0
    poses = bundled_names("images")
    assert sorted(path.name for path in (tmp_path / "figs").iterdir()) == sorted(
        [f"{pose}.png" for pose in poses] + [f"{pose}.svg" for pose in poses]
    )
    svg = ElementTree.parse(tmp_path / "figs" / f"{poses[0]}.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    assert len(svg.findall(".//{http://www.w3.org/2000/svg}path")) > 5
    with Image.open(tmp_path / "figs" / f"{poses[0]}.png") as png:
        assert png.size == (1080, 720)
        colours = png.convert("RGB").getcolors(maxcolors=1 << 20)
        assert colours is not None and len(colours) > 10


def test_every_entry_is_found_by_its_own_name() -> None:
    for entry_id, entry in library().items():
        assert find_entry(entry["name"]) == entry_id
        assert find_entry(entry["name"].upper() + "!") == entry_id


def test_an_unrelated_or_empty_name_finds_no_entry() -> None:
    for name in ("Jumping jacks", "Plank", "", "   ", "Stretch", "Bicep curl"):
        assert find_entry(name) is None
