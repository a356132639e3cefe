"""The stretch library: `use = "id"` in a routine, overrides, `handout stretches`, `handout figures`."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from handout.bundled import bundled_names
from handout.cli import main
from handout.content.library import LANGUAGES, WORDS, entry_names, find_entry, library, translated
from handout.content.routine import library_stretches, load_routine
from handout.layout.layout_file import load_layout
from handout.layout.paper import paper_named
from handout.model import Figure, ImageBox
from handout.pipeline import make_page


def write_routine(folder: Path, stretches: str) -> Path:
    path = folder / "club.toml"
    path.write_text(f'title = "Club routine"\n{stretches}', encoding="utf-8")
    return path


def test_library_has_26_valid_stretches_each_with_its_figure() -> None:
    entries = library_stretches()
    assert len(entries) >= 26
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


RUNNERS_STRETCHES = (
    "it-band-lean",
    "figure-four",
    "butterfly",
    "pigeon",
    "calf-step",
    "chair-glute",
    "seated-twist",
    "side-lying-quad",
    "lying-twist",
    "crossover-hamstring",
    "forward-fold",
    "standing-hip-flexor",
)


def test_the_common_running_stretches_are_in_the_library() -> None:
    assert set(RUNNERS_STRETCHES) <= set(library())
    assert set(library()) == set(bundled_names("images"))


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_each_language_gives_every_entry_all_its_words_in_its_own_wording(lang: str) -> None:
    words = translated(lang)
    assert list(words) == list(library())
    for entry_id, entry in words.items():
        english = library()[entry_id]
        assert set(entry) == set(WORDS), entry_id
        assert len(entry["key_points"]) == len(english["key_points"]), entry_id
        assert len(entry["cues"]) == len(english["cues"]), entry_id
        assert not set(entry["key_points"]) & set(english["key_points"]), entry_id


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_entry_checks_in_every_language(lang: str) -> None:
    entries = library_stretches(lang)
    assert [entry_id for entry_id, _ in entries] == list(library())
    for entry_id, stretch in entries:
        words = translated(lang)[entry_id] if lang != "en" else library()[entry_id]
        assert stretch.name == words["name"] and stretch.key_points == tuple(words["key_points"])
        assert isinstance(stretch.image, Figure) and stretch.image.name == library()[entry_id]["image"]


def compact(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_entry_prints_in_every_language_with_no_text_missing(tmp_path: Path, lang: str) -> None:
    ids = list(library())
    for start in range(0, len(ids), 4):  # four full stretches a sheet: every key point printed
        chunk = ids[start : start + 4]
        uses = "".join(f'[[stretches]]\nuse = "{entry_id}"\n' for entry_id in chunk)
        routine = tmp_path / f"{lang}-{start}.toml"
        routine.write_text(f'title = "Library {lang}"\nlang = "{lang}"\n{uses}', encoding="utf-8")
        output = tmp_path / f"{lang}-{start}.pdf"
        assert main(["build", str(routine), "-o", str(output)]) == 0
        text = compact(PdfReader(output).pages[0].extract_text())
        for entry_id, stretch in library_stretches(lang):
            if entry_id in chunk:
                for printed in (stretch.name, stretch.target, stretch.hold or "", *stretch.key_points):
                    assert compact(printed) in text, (lang, entry_id, printed)


def test_lang_fr_with_library_ids_prints_french(tmp_path: Path) -> None:
    routine = write_routine(
        tmp_path, 'lang = "fr"\n[[stretches]]\nuse = "calf-wall"\n[[stretches]]\nuse = "pigeon"\n'
    )
    assert main(["build", str(routine), "-o", str(tmp_path / "out.pdf")]) == 0
    text = " ".join(PdfReader(tmp_path / "out.pdf").pages[0].extract_text().split())
    assert "Étirement du mollet au mur" in text and "Pigeon" in text
    assert "Mollet (gastrocnémien)" in text
    assert "Wall calf stretch" not in text


@pytest.mark.parametrize(
    ("lang", "name", "target"),
    [
        ("it", "Allungamento del polpaccio al muro", "Muscoli: Polpaccio (gastrocnemio)"),
        ("pt", "Alongamento de panturrilha na parede", "Músculo: Panturrilha (gastrocnêmio)"),
    ],
)
def test_lang_it_and_pt_with_library_ids_print_the_library_in_the_language(
    tmp_path: Path, lang: str, name: str, target: str
) -> None:
    routine = write_routine(tmp_path, f'lang = "{lang}"\n[[stretches]]\nuse = "calf-wall"\n')
    assert main(["build", str(routine), "-o", str(tmp_path / "out.pdf")]) == 0
    text = " ".join(PdfReader(tmp_path / "out.pdf").pages[0].extract_text().split())
    assert name in text and target in text
    assert "Wall calf stretch" not in text


def test_a_routine_field_still_overrides_the_translated_entry(tmp_path: Path) -> None:
    routine = load_routine(
        str(write_routine(tmp_path, 'lang = "de"\n[[stretches]]\nuse = "calf-wall"\nhold = "45 s"\n'))
    )
    (calf,) = routine.stretches
    assert (calf.name, calf.hold) == ("Wadendehnung an der Wand", "45 s")


def test_every_alias_in_every_language_finds_its_entry() -> None:
    for entry_id in library():
        names = entry_names(entry_id)
        assert len(names) >= 2 * len(LANGUAGES), entry_id  # a name and at least one alias in each
        for name in names:
            assert find_entry(name) == entry_id, (entry_id, name)


NEAR_MISSES = (
    "Calf stretch",  # wall or step? two entries are as close
    "Hamstring stretch",
    "Quad",
    "Glute stretch",
    "Hip stretch",
    "Twist",
    "Lunge",
    "Wall stretch",
    "Seated stretch",
    "Lying stretch",
    "Standing stretch",
    "Groin stretch",
    "Back stretch",
    "Shoulder stretch",
    "Neck stretch",
    "Triceps stretch",
    "Wrist stretch",
    "Ankle circles",
    "Hip circles",
    "Leg swings",
    "Jumping jacks",
    "High knees",
    "Foam rolling",
    "Plank",
    "Squat",
    "Burpees",
    "Dehnung",
    "Étirement",
    "Estiramiento",
    "Calf raise",
    "Glute bridge",
    "Bicep curl",
)


@pytest.mark.parametrize("name", NEAR_MISSES)
def test_a_near_miss_or_unrelated_name_finds_nothing(name: str) -> None:
    assert find_entry(name) is None


def test_the_hand_written_cool_down_prints_five_figures_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    names = (
        "Wall calf stretch",
        "Figure-four glute stretch",
        "Kneeling hip-flexor stretch",
        "Standing IT-band lean",
        "Seated butterfly",
    )
    stretches = "".join(
        f'[[stretches]]\nname = "{name}"\ntarget = "Muscles"\nkey_points = ["Hold it gently."]\n'
        for name in names
    )
    routine = write_routine(tmp_path, stretches)
    assert main(["build", str(routine), "-o", str(tmp_path / "out.pdf")]) == 0
    figures = ("calf-wall", "figure-four", "hip-flexor-lunge", "it-band-lean", "butterfly")
    assert capsys.readouterr().err.splitlines() == [
        f'stretch {number} "{name}": drawn with the library\'s figure "{figure}"'
        for number, (name, figure) in enumerate(zip(names, figures, strict=True), start=1)
    ]
    page = make_page(load_routine(str(routine)), load_layout("grid"), paper_named("A4"), {})
    drawn = [box.image for box in page.boxes if isinstance(box, ImageBox)]
    assert [image.name for image in drawn if isinstance(image, Figure)] == list(figures)


def test_image_none_or_an_unknown_name_gets_no_figure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stretches = (
        '[[stretches]]\nname = "Wall calf stretch"\nimage = "none"\ntarget = "Calf"\nkey_points = ["Lean."]\n'
        '[[stretches]]\nname = "Hamstring stretch"\ntarget = "Hamstrings"\nkey_points = ["Reach."]\n'
    )
    routine = write_routine(tmp_path, stretches)
    assert [stretch.image for stretch in load_routine(str(routine)).stretches] == [None, None]
    assert main(["build", str(routine), "-o", str(tmp_path / "out.pdf")]) == 0
    assert capsys.readouterr().err == ""


def test_stretches_lists_in_a_language_and_filters_by_muscle(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stretches", "--lang", "de"]) == 0
    german = capsys.readouterr().out
    assert "calf-wall" in german and "Wadendehnung an der Wand" in german and "Wall calf" not in german
    assert main(["stretches", "--muscle", "hamstrings"]) == 0
    listed = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert {"seated-hamstring", "standing-hamstring", "lying-hamstring", "crossover-hamstring"} <= set(listed)
    assert "calf-wall" not in listed and "butterfly" not in listed
    assert main(["stretches", "--muscle", "Wade"]) == 0  # German: calf
    assert {"calf-wall", "soleus-wall", "calf-step"} <= {
        line.split()[0] for line in capsys.readouterr().out.splitlines()
    }
    assert main(["stretches", "--muscle", "elbows"]) == 2
    assert capsys.readouterr().err.startswith('error: no stretch in the library targets "elbows"')


def test_figures_sheet_writes_one_png_of_every_figure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "contact.png"
    assert main(["figures", "--sheet", str(sheet)]) == 0
    assert capsys.readouterr().out.strip() == f"{len(bundled_names('images'))} figures on {sheet}"
    with Image.open(sheet) as png:
        width, height = png.size
        rows = -(-len(bundled_names("images")) // 5)
        assert width == pytest.approx(5 * 4 / 2.54 * 150, rel=0.05)  # five figures 4 cm wide at 150 dpi
        assert height > rows * 3 / 2.54 * 150
        assert png.convert("L").getextrema()[0] < 100  # ink on it


def test_a_name_written_with_or_without_hyphens_finds_its_entry() -> None:
    assert find_entry("Hüftbeuger-Dehnung") == find_entry("Hüftbeugerdehnung") == "hip-flexor-lunge"
    assert find_entry("IT band stretch") == find_entry("IT-band stretch")
