"""Behaviour: `handout` as a user runs it: exit codes, messages, files written or left alone."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest
from conftest import DEFAULT_PDF, PAPER_SIZES, error_mentions, realistic, to_toml
from PIL import Image

import handout

# --- What a successful build writes --------------------------------------------------------------


def pdf_size(path: Path) -> tuple[float, float]:
    box = pypdf.PdfReader(path).pages[0].mediabox
    return float(box.width), float(box.height)


def test_build_without_arguments_writes_the_bundled_routine_on_a4(run_cli, tmp_path):
    result = run_cli("build")
    assert result.code == 0, result.err
    assert result.err == ""
    assert result.out.strip() == str(DEFAULT_PDF)
    path = tmp_path / DEFAULT_PDF
    assert path.read_bytes().startswith(b"%PDF-")
    assert pdf_size(path) == pytest.approx(PAPER_SIZES["a4"], abs=0.01)


def test_paper_letter_changes_the_default_name_and_the_size(run_cli, tmp_path):
    result = run_cli("build", "--paper", "letter")
    assert result.code == 0, result.err
    expected = Path("build") / "after-running-grid-letter.pdf"
    assert result.out.strip() == str(expected)
    assert pdf_size(tmp_path / expected) == pytest.approx(PAPER_SIZES["letter"], abs=0.01)
    assert not (tmp_path / DEFAULT_PDF).exists()


def test_a_routine_file_is_named_after_its_stem(run_cli, write_routine, tmp_path):
    write_routine(realistic(), "cool-down.toml")
    result = run_cli("build", "cool-down.toml")
    assert result.code == 0, result.err
    assert result.out.strip() == str(Path("build") / "cool-down-grid-a4.pdf")
    assert (tmp_path / "build" / "cool-down-grid-a4.pdf").is_file()


def test_a_layout_file_is_named_after_its_stem(run_cli, write_routine, tmp_path):
    shutil.copy(handout.bundled.bundled_dir("layouts") / "grid.toml", tmp_path / "club.toml")
    write_routine(realistic(2), "mine.toml")
    result = run_cli("build", "mine.toml", "--layout", "club.toml", "--paper", "letter")
    assert result.code == 0, result.err
    assert result.out.strip() == str(Path("build") / "mine-club-letter.pdf")


def test_output_option_writes_there_and_creates_folders(run_cli, write_routine, tmp_path):
    write_routine(realistic())
    result = run_cli("build", "routine.toml", "-o", "out/nested/deeper/sheet.pdf")
    assert result.code == 0, result.err
    assert result.out.strip() == str(Path("out/nested/deeper/sheet.pdf"))
    assert (tmp_path / "out/nested/deeper/sheet.pdf").read_bytes().startswith(b"%PDF-")
    assert not (tmp_path / "build").exists()
    assert list((tmp_path / "out/nested/deeper").iterdir()) == [tmp_path / "out/nested/deeper/sheet.pdf"]


@pytest.mark.parametrize("folder", ["sheets/", "existing"])
def test_output_option_naming_a_folder_puts_the_default_name_inside(run_cli, write_routine, tmp_path, folder):
    (tmp_path / "existing").mkdir()
    write_routine(realistic(), "cool-down.toml")
    result = run_cli("build", "cool-down.toml", "-o", folder)
    assert result.code == 0, result.err
    written = tmp_path / folder / "cool-down-grid-a4.pdf"
    assert result.out.strip() == str(Path(folder) / "cool-down-grid-a4.pdf")
    assert written.read_bytes().startswith(b"%PDF-")


def test_output_option_replaces_an_existing_file(run_cli, write_routine, tmp_path):
    write_routine(realistic())
    (tmp_path / "sheet.pdf").write_bytes(b"%PDF-1.4 yesterday's sheet")
    result = run_cli("build", "routine.toml", "--output", "sheet.pdf")
    assert result.code == 0, result.err
    assert (tmp_path / "sheet.pdf").read_bytes().startswith(b"%PDF-") and b"yesterday" not in (
        tmp_path / "sheet.pdf"
    ).read_bytes()


def test_version(run_cli):
    result = run_cli("--version")
    assert result.code == 0
    assert result.out.strip() == f"handout {handout.__version__}"


@pytest.mark.parametrize("argv", [["--help"], ["build", "--help"]])
def test_help(run_cli, argv):
    result = run_cli(*argv)
    assert result.code == 0
    assert "usage: handout" in result.out
    assert result.err == ""


def test_build_help_lists_the_options(run_cli):
    out = run_cli("build", "--help").out
    for option in ("ROUTINE", "--paper", "--orientation", "--layout", "--set", "--grayscale", "-o"):
        assert option in out


COMMANDS = ("build", "preview", "email", "layouts", "stretches", "figures", "batch", "import", "serve")


def test_help_and_a_mistyped_command_name_every_command(run_cli):
    """The parser is built for the named command alone; without one, every command is still listed."""
    listed = run_cli("--help").out
    assert all(f"    {command} " in listed for command in COMMANDS)
    mistyped = run_cli("buidl")
    assert mistyped.code == 2
    assert mistyped.err.startswith("error: argument command: invalid choice: 'buidl'")
    assert all(f"'{command}'" in mistyped.err for command in COMMANDS)


def test_a_plain_build_loads_only_what_it_uses(tmp_path):
    """Nothing the default sheet does not need is imported: the other commands' modules, the preview's
    rasterising, the photo handling and the spelling hints each wait until they are used."""
    script = (
        "import sys\nfrom handout.cli import main\n"
        f"assert main(['build', '-o', {str(tmp_path / 'sheet.pdf')!r}]) == 0\n"
        "print(sorted(name for name in sys.modules if name in {"
        "'handout.cli.batch', 'handout.cli.listings', 'handout.cli.importing', 'handout.cli.serving', "
        "'handout.share.batch', 'handout.share.preview', 'handout.draw.photos', 'difflib'}))"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "[]"


# --- Bad input: exit 2, `error:` lines, no traceback, no file written ------------------------------

Setup = Callable[[Path, Callable[..., Path]], list[str]]


def routine_case(data_or_text, name: str = "routine.toml") -> Setup:
    def setup(tmp_path: Path, write_routine: Callable[..., Path]) -> list[str]:
        write_routine(data_or_text, name)
        return [name]

    return setup


def with_stretch(index: int = 0, **changes) -> dict:
    """The realistic routine with one stretch's keys changed; a value of None removes the key."""
    data = realistic()
    stretch = data["stretches"][index]
    for key, value in changes.items():
        if value is None:
            stretch.pop(key, None)
        else:
            stretch[key] = value
    return data


def without(key: str) -> dict:
    data = realistic()
    del data[key]
    return data


def image_case(content: bytes, name: str = "x.jpg") -> Setup:
    def setup(tmp_path: Path, write_routine: Callable[..., Path]) -> list[str]:
        (tmp_path / name).write_bytes(content)
        write_routine(with_stretch(1, image=name))
        return ["routine.toml"]

    return setup


def truncated_jpeg() -> bytes:
    """A JPEG with a whole header but picture data that stops half-way, like an interrupted copy."""
    buffer = io.BytesIO()
    Image.effect_noise((800, 600), 60).convert("RGB").save(buffer, "JPEG", quality=95)
    data = buffer.getvalue()
    return data[: len(data) // 2]


def layout_case(text: str) -> Setup:
    def setup(tmp_path: Path, write_routine: Callable[..., Path]) -> list[str]:
        (tmp_path / "my-layout.toml").write_text(text, encoding="utf-8")
        write_routine(realistic())
        return ["routine.toml", "--layout", "my-layout.toml"]

    return setup


def args_case(*args: str) -> Setup:
    def setup(tmp_path: Path, write_routine: Callable[..., Path]) -> list[str]:
        write_routine(realistic())
        return ["routine.toml", *args]

    return setup


def too_much_text() -> dict:
    data = realistic(8)
    for stretch in data["stretches"]:
        stretch["key_points"] = stretch["key_points"][:2]
    sentence = "Keep the movement slow and controlled and breathe out as you ease further into the stretch"
    data["stretches"][3]["name"] = "Long lunge"
    data["stretches"][3]["key_points"] = [
        f"{sentence}, step {n}; {sentence}; {sentence}." for n in range(1, 9)
    ]
    return data


NINE = realistic(8)
NINE["stretches"].append({"name": "Ninth", "target": "Neck", "key_points": ["Turn slowly."]})

BAD_INPUTS: dict[str, tuple[Setup, tuple[str, ...]]] = {
    "malformed-toml": (
        routine_case('title = "Stretches"\n\n[[stretches]\nname = "Calf"\n'),
        ("routine.toml", "TOML", "line 3"),
    ),
    "missing-title": (routine_case(without("title")), ("routine.toml", '"title"', "missing")),
    "missing-name": (routine_case(with_stretch(1, name=None)), ("routine.toml", "stretch 2", '"name"')),
    "missing-target": (
        routine_case(with_stretch(1, target=None)),
        ("routine.toml", 'stretch 2 "Kneeling hip flexor stretch"', '"target"'),
    ),
    "missing-key-points": (
        routine_case(with_stretch(2, key_points=None)),
        ("routine.toml", 'stretch 3 "Butterfly stretch"', '"key_points"'),
    ),
    "unknown-key": (
        routine_case(with_stretch(0, key_points=None, keypoints=["Stand tall."])),
        ("routine.toml", 'stretch 1 "Standing calf stretch"', '"keypoints"', 'did you mean "key_points"'),
    ),
    "unknown-top-level-key": (
        routine_case({**realistic(), "titel": "Oops"}),
        ("routine.toml", '"titel"', 'did you mean "title"'),
    ),
    "key-points-a-string": (
        routine_case(with_stretch(3, key_points="Lie on your back.")),
        ("routine.toml", 'stretch 4 "Lying glute stretch"', '"key_points"'),
    ),
    "name-a-number": (routine_case(with_stretch(1, name=42)), ("routine.toml", "stretch 2", '"name"')),
    "hold-a-number": (
        routine_case(with_stretch(0, hold=30)),
        ("routine.toml", 'stretch 1 "Standing calf stretch"', '"hold"'),
    ),
    "title-a-list": (routine_case({**realistic(), "title": ["a"]}), ("routine.toml", '"title"')),
    "no-stretches": (routine_case({"title": "Empty"}), ("routine.toml", "stretches")),
    "empty-stretches-list": (
        routine_case('title = "Empty"\nstretches = []\n'),
        ("routine.toml", "stretches"),
    ),
    "nine-stretches": (routine_case(NINE), ("routine.toml", "9 stretches", "1 to 8")),
    "empty-key-points": (
        routine_case(with_stretch(0, key_points=[])),
        ("routine.toml", 'stretch 1 "Standing calf stretch"', '"key_points"'),
    ),
    "nine-key-points": (
        routine_case(with_stretch(0, key_points=[f"Point {n}." for n in range(1, 10)])),
        ("routine.toml", 'stretch 1 "Standing calf stretch"', '"key_points"', "1 to 8"),
    ),
    "empty-string-point": (
        routine_case(with_stretch(1, key_points=["Kneel.", "  "])),
        ("routine.toml", 'stretch 2 "Kneeling hip flexor stretch"', "key point 2", "empty"),
    ),
    "blank-looking-strings": (  # found by the adversarial property: no-break spaces print nothing
        routine_case({**with_stretch(1, target="\u00a0\u00a0"), "title": "\u200b \u00a0"}),
        ('routine.toml: "title" is empty', 'stretch 2 "Kneeling hip flexor stretch": "target" is empty'),
    ),
    "missing-image-file": (
        routine_case(with_stretch(2, image="nowhere.jpg")),
        ("routine.toml", 'stretch 3 "Butterfly stretch"', "nowhere.jpg", "not found"),
    ),
    "text-file-as-image": (
        image_case(b"this is not a picture\n"),
        ('stretch 2 "Kneeling hip flexor stretch"', "x.jpg", "not a readable image"),
    ),
    "truncated-jpeg": (
        image_case(truncated_jpeg()),
        ('stretch 2 "Kneeling hip flexor stretch"', "x.jpg", "not a readable image"),
    ),
    "too-much-text": (
        routine_case(too_much_text()),
        (
            'stretch 4 "Long lunge" needs the most room, and the routine does not fit on one A4 page at 8 pt '
            "by about",
            "lines: shorten its key points or use a layout with fewer stretches per page",
        ),
    ),
    "unknown-paper": (args_case("--paper", "a5"), ('"a5"', "a4", "letter")),
    "unknown-layout-name": (args_case("--layout", "fancy"), ('"fancy"', "grid")),
    "missing-layout-file": (args_case("--layout", "nowhere.toml"), ("nowhere.toml",)),
    "layout-unknown-key": (
        layout_case("[grid]\ncolumn = 3\n"),
        ("my-layout.toml", '"column"', 'did you mean "columns"'),
    ),
    "layout-margin-under-12-mm": (
        layout_case("[page]\nmargin_mm = 10\n"),
        ("my-layout.toml", "margin_mm", "12"),
    ),
    "layout-body-under-8-pt": (
        layout_case("[text]\nbody_min_pt = 6\n"),
        ("my-layout.toml", "body_min_pt", "8"),
    ),
    "missing-routine-file": (lambda tmp_path, write: ["missing.toml"], ("missing.toml",)),
    "unknown-bundled-routine": (lambda tmp_path, write: ["no-such-routine"], ('"no-such-routine"',)),
    "routine-is-a-folder": (
        lambda tmp_path, write: [str((tmp_path / "folder.toml").mkdir() or "folder.toml")],
        ("folder.toml",),
    ),
    "not-utf8": (
        routine_case(
            'title = "Dehnen f\u00fcr Gro\u00dfe"\n[[stretches]]\nname = "Wade"\ntarget = "Wade"\n'
            'key_points = ["F\u00fc\u00dfe parallel."]\n'.encode("latin-1")
        ),
        ("routine.toml", "UTF-8"),
    ),
    "tibetan-character": (
        routine_case(with_stretch(0, key_points=["Stand tall.", "Breathe \u0f40"])),
        ('stretch 1 "Standing calf stretch"', "key point 2", '"\u0f40"', "U+0F40"),
    ),
    "emoji": (
        routine_case({**realistic(), "title": "Stretch \U0001f600"}),
        ("title", "\U0001f600", "U+1F600"),
    ),
    "unknown-option": (args_case("--colour", "red"), ("--colour",)),
}


def run_bad(case: str, run_cli, write_routine, tmp_path: Path, *output: str):
    setup, fragments = BAD_INPUTS[case]
    argv = setup(tmp_path, write_routine)
    result = run_cli("build", *argv, *output)
    error_mentions(result, *fragments)
    return result


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_exits_2_with_error_lines_and_writes_nothing(case, run_cli, write_routine, tmp_path):
    before = {path for path in tmp_path.rglob("*")}
    result = run_bad(case, run_cli, write_routine, tmp_path)
    assert result.out == ""
    written = {path for path in tmp_path.rglob("*")} - before
    created_by_setup = {p for p in written if p.suffix != ".pdf" and "build" not in p.parts}
    assert written - created_by_setup == set(), "a failed build wrote files"
    assert not (tmp_path / "build").exists()


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_leaves_an_existing_output_file_unchanged(case, run_cli, write_routine, tmp_path):
    existing = tmp_path / "sheet.pdf"
    existing.write_bytes(b"%PDF-1.4 the coach's previous sheet")
    run_bad(case, run_cli, write_routine, tmp_path, "-o", "sheet.pdf")
    assert existing.read_bytes() == b"%PDF-1.4 the coach's previous sheet"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".sheet.pdf")] == []


def test_bad_input_leaves_the_existing_default_output_unchanged(run_cli, tmp_path):
    default = tmp_path / DEFAULT_PDF
    default.parent.mkdir()
    default.write_bytes(b"previous")
    result = run_cli("build", "--paper", "a5")
    error_mentions(result, '"a5"')
    assert default.read_bytes() == b"previous"
    assert sorted(p.name for p in default.parent.iterdir()) == [DEFAULT_PDF.name]


def test_several_problems_in_one_file_are_reported_together(run_cli, write_routine):
    data = with_stretch(0, keypoints=["x"], key_points=None)
    data["stretches"][2]["target"] = 7
    write_routine(data)
    result = run_cli("build", "routine.toml")
    error_mentions(result, '"keypoints"', '"key_points"', 'stretch 3 "Butterfly stretch"', '"target"')
    assert len(result.error_lines) >= 3
    assert all(line.startswith("error: routine.toml: ") for line in result.error_lines)


@pytest.mark.parametrize("case", ["tibetan-character", "emoji"])
def test_an_unprintable_character_message_names_the_routine_file(case, run_cli, write_routine, tmp_path):
    """Like every other problem in a routine file, it says which file (the coach may have several)."""
    result = run_bad(case, run_cli, write_routine, tmp_path)
    assert all(line.startswith("error: routine.toml: ") for line in result.error_lines), result.err


def test_a_layout_footer_with_a_character_the_font_lacks_is_refused(run_cli, write_routine, tmp_path):
    grid = (handout.bundled.bundled_dir("layouts") / "grid.toml").read_text(encoding="utf-8")
    assert "{{ safety }}" in grid
    (tmp_path / "club.toml").write_text(grid.replace("{{ safety }}", "\u1200 {{ safety }}"))
    write_routine(realistic(2))
    result = run_cli("build", "routine.toml", "--layout", "club.toml", "-o", "sheet.pdf")
    error_mentions(result, "club.toml", '"\u1200"', "U+1200")  # Ethiopic
    assert not (tmp_path / "sheet.pdf").exists()


def test_an_output_folder_that_cannot_be_made_is_an_error(run_cli, write_routine, tmp_path):
    write_routine(realistic(1))
    (tmp_path / "taken").write_text("a file, not a folder")
    result = run_cli("build", "routine.toml", "-o", "taken/sheet.pdf")
    error_mentions(result, "taken", "-o")
    assert (tmp_path / "taken").read_text() == "a file, not a folder"


def test_python_m_handout_runs_the_command(tmp_path):
    """`python -m handout --version` works from any folder, as the console script does."""
    source_root = Path(handout.__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(source_root), os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run(
        [sys.executable, "-m", "handout", "--version"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"handout {handout.__version__}"


def installed_script() -> str | None:
    beside = Path(sys.executable).parent / "handout"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    return shutil.which("handout")


@pytest.mark.skipif(
    installed_script() is None,
    reason="no `handout` console script installed (pip install -e . or pip install . makes one)",
)
def test_installed_console_script_builds_the_bundled_routine(tmp_path):
    script = installed_script()
    assert script is not None
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    result = subprocess.run(
        [script, "build"], cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(DEFAULT_PDF)
    path = tmp_path / DEFAULT_PDF
    assert path.read_bytes().startswith(b"%PDF-")
    assert len(pypdf.PdfReader(path).pages) == 1


def test_a_line_break_in_a_stretch_name_does_not_split_the_error_line(run_cli, write_routine):
    """Found by the adversarial property: messages quote the name, and each problem is one line."""
    write_routine(with_stretch(0, name="Calf\r\nstretch", key_points=[""]))
    result = run_cli("build", "routine.toml")
    error_mentions(result, 'stretch 1 "Calf stretch": key point 1 is empty')
    assert len(result.error_lines) == 1


def test_a_line_break_in_an_unknown_key_does_not_split_the_error_line(run_cli, write_routine):
    write_routine(to_toml(realistic(1)).replace("[[stretches]]", '"ti\\ntle" = "x"\n\n[[stretches]]'))
    result = run_cli("build", "routine.toml")
    error_mentions(result, 'unknown key "ti tle"')
    assert len(result.error_lines) == 1
