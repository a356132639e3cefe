"""Behaviour of `handout import`: articles of several shapes -> routine files that load, and clear errors."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pypdf
import pytest
from conftest import assert_in_order, error_mentions

from handout.content.importers import import_article
from handout.content.importers.writer import toml_string
from handout.content.routine import load_routine

SEED = Path(__file__).resolve().parent.parent.parent / "shared" / "seed" / "stretching-after-running.txt"

NUMBERED_DOT = """\
Three stretches after an easy run

Walk for two minutes first. Then hold each stretch on both sides. Let's take a look together!

1. Standing calf stretch

Targets: calves. Face a wall with both hands on it. Step one foot back and press the heel down. \
Hold for 30 seconds.

2. Kneeling hip flexor stretch

This stretches the hip flexors at the front of the hip. Kneel on one knee with the other foot in \
front of you, tuck your pelvis under and keep your chest upright, and then shift your weight forward \
slowly until you feel a stretch at the front of the back hip.

3. Seated hamstring reach

Mainly stretches the hamstring muscles. Sit with both legs straight. Reach for your toes.
"""

NUMBERED_PAREN = """\
Quick cool-down

1) Wall calf stretch
You will feel the stretch in your left calf. Put both hands on a wall. Step the left foot back.

2) Side lunge
Mainly stretches the thigh adductor muscles. Stand with your feet wide apart. Bend one knee.
"""

MARKDOWN_STEPS = """\
# Stretches for trail runners

A short routine for after a hilly run.

## Lying glute stretch

Targets: glutes

1. Lie on your back with both knees bent.
2. Cross one ankle over the other knee.
3. Pull the lower thigh towards your chest.

## **Butterfly**

You will feel the stretch in your inner thighs.

1) Sit tall with the soles of your feet together.
2) Let your knees sink towards the floor.
"""

HASH_HEADINGS_AND_BULLETS = """\
# Desk break

# Calf raise stretch

Targets: calves

- Face a wall.
- Press one heel down.

# Chest opener

Mainly stretches the chest muscles.

* Clasp your hands behind your back.
"""

STEP_STYLE = """\
Morning mobility

Step 1: Cat-cow
This loosens the lower back. Kneel on all fours. Arch your back, then round it slowly.

Step 2: Child's pose
Mainly stretches the lats. Sit back on your heels and reach your arms forward.
"""

HEADINGS_AND_PARAGRAPHS = """\
Hips and legs after a long run

Standing quad stretch
This action mainly stretches the quadriceps muscles on the front of the thigh. Stand on one leg. \
Hold the other ankle behind you and keep your knees together.

Pigeon stretch
Seated side pull exercises the calf muscles. Sit on a mat with one leg straight. \
Pull the toes of that foot towards you.
"""

BOILERPLATE = """\
# Stretching after a long run

★ Posted on 12-15,2024

March 3, 2025

Stretching exercise.jpg

![a runner stretching](runner.png)

Image: a runner holding her ankle after a race.

## Standing quad stretch

Targets: quadriceps

1. Stand on one leg.
2. Hold the other ankle behind you.

photo-2.JPG

Caption: keep the knees together.

## Wall calf stretch

Mainly stretches the calf muscles. Face a wall. Step one foot back.

---

❋ Tags: running, stretching, cool-down
"""

NO_TARGET = """\
Stretching after a long run

1. Standing quad stretch

This action mainly stretches the quadriceps muscles. Stand on one leg. Hold the other ankle.

2. Gentle twist

Turn slowly from side to side. Breathe out slowly.
"""

# name, target (the lexicon's words), number of key points; holds and library entries are tested below.
# A sentence that only says where the stretch is felt ("You will feel the stretch in your left calf.")
# gives the target and is no key point.
SHAPES = {
    "numbered-dot": (
        NUMBERED_DOT,
        "Three stretches after an easy run",
        [
            ("Standing calf stretch", "Calves", 2),
            ("Kneeling hip flexor stretch", "Hip flexors", 5),
            ("Seated hamstring reach", "Hamstrings", 3),
        ],
    ),
    "numbered-paren": (
        NUMBERED_PAREN,
        "Quick cool-down",
        [("Wall calf stretch", "Calves", 2), ("Side lunge", "Adductors (inner thigh)", 3)],
    ),
    "markdown-steps": (
        MARKDOWN_STEPS,
        "Stretches for trail runners",
        [("Lying glute stretch", "Glutes", 3), ("Butterfly", "Adductors (inner thigh)", 2)],
    ),
    "hash-headings-and-bullets": (
        HASH_HEADINGS_AND_BULLETS,
        "Desk break",
        [("Calf raise stretch", "Calves", 2), ("Chest opener", "Chest", 2)],
    ),
    "step-style": (
        STEP_STYLE,
        "Morning mobility",
        [("Cat-cow", "Lower back", 3), ("Child's pose", "Lats (sides of the back)", 2)],
    ),
    "headings-and-paragraphs": (
        HEADINGS_AND_PARAGRAPHS,
        "Hips and legs after a long run",
        [("Standing quad stretch", "Quadriceps", 3), ("Pigeon stretch", "Calves", 3)],
    ),
    "boilerplate": (
        BOILERPLATE,
        "Stretching after a long run",
        [("Standing quad stretch", "Quadriceps", 2), ("Wall calf stretch", "Calves", 3)],
    ),
}


def check_points(points: tuple[str, ...]) -> None:
    assert 1 <= len(points) <= 8
    for point in points:
        assert len(point) < 160, point
        assert point[0].isupper() and point.endswith((".", "!", "?", "…")), point


@pytest.mark.parametrize("shape", SHAPES)
def test_each_article_shape_imports_to_a_routine_that_loads(shape, run_cli, tmp_path):
    text, title, expected = SHAPES[shape]
    (tmp_path / "article.md").write_text(text, encoding="utf-8")
    result = run_cli("import", "article.md")
    assert result.code == 0, result.err
    assert all(line.startswith("warning: line ") for line in result.error_lines), result.err
    assert "no title" not in result.err
    assert result.out.strip() == "article.toml"
    routine = load_routine(str(tmp_path / "article.toml"))
    assert routine.title == title
    assert [(s.name, s.target, len(s.key_points)) for s in routine.stretches] == expected
    for stretch in routine.stretches:
        check_points(stretch.key_points)


def test_a_paragraph_becomes_short_instructions_keeping_the_target_sentence_without_the_hold():
    imported = import_article(NUMBERED_DOT, "article.txt")
    calf, hip, _ = imported.stretches
    assert calf.hold == "30 s"
    assert calf.key_points == (
        "Face a wall with both hands on it.",
        "Step one foot back and press the heel down.",
    )
    assert hip.key_points == (
        "This stretches the hip flexors at the front of the hip.",
        "Kneel on one knee with the other foot in front of you.",
        "Tuck your pelvis under.",
        "Keep your chest upright.",
        "Shift your weight forward slowly until you feel a stretch at the front of the back hip.",
    )
    assert hip.use == "hip-flexor-lunge"


def test_a_markdown_sections_own_steps_are_its_key_points():
    stretch = import_article(MARKDOWN_STEPS, "article.md").stretches[0]
    assert stretch.key_points == (
        "Lie on your back with both knees bent.",
        "Cross one ankle over the other knee.",
        "Pull the lower thigh towards your chest.",
    )


def test_the_intro_becomes_a_short_subtitle_without_filler():
    data = tomllib.loads(import_article(NUMBERED_DOT, "article.txt").toml)
    assert data["subtitle"] == "Walk for two minutes first. Then hold each stretch on both sides."


def test_boilerplate_is_left_out():
    toml = import_article(BOILERPLATE, "article.md").toml
    for dropped in ("Posted", "2024", "2025", ".jpg", ".JPG", "runner.png", "Image:", "Caption", "Tags", "★"):
        assert dropped not in toml
    assert "subtitle" not in tomllib.loads(toml)


def test_a_section_without_a_target_gets_a_marked_placeholder_that_builds(run_cli, tmp_path):
    (tmp_path / "article.txt").write_text(NO_TARGET, encoding="utf-8")
    result = run_cli("import", "article.txt")
    assert result.code == 0
    assert result.out.strip() == "article.toml"
    assert result.error_lines == [
        'warning: line 7: "Gentle twist": the article names no muscle: write the target'
    ]
    toml = (tmp_path / "article.toml").read_text(encoding="utf-8")
    assert 'target = "TODO: the target muscle"  # TODO: the article names no muscle' in toml
    routine = load_routine(str(tmp_path / "article.toml"))
    assert [s.target for s in routine.stretches] == ["Quadriceps", "TODO: the target muscle"]
    assert routine.stretches[1].key_points == ("Turn slowly from side to side.", "Breathe out slowly.")
    build = run_cli("build", "article.toml", "-o", "sheet.pdf")
    assert build.code == 0, build.err
    text = pypdf.PdfReader(tmp_path / "sheet.pdf").pages[0].extract_text()
    assert_in_order(text, ["Gentle twist", "TODO: the target muscle"])


def test_more_than_eight_instructions_keep_the_first_eight_with_a_warning():
    steps = "\n".join(f"{n}. Do step {n}." for n in range(1, 11))
    imported = import_article(f"# Long lunges\n\n## Lunge\n\nTargets: hip flexors\n\n{steps}\n", "a.md")
    assert imported.stretches[0].key_points == tuple(f"Do step {n}." for n in range(1, 9))
    assert [str(w) for w in imported.warnings if "language" not in w.message] == [
        'line 3: "Lunge": 10 instructions, a stretch has at most 8: kept the first 8, '
        "check the article for the rest"
    ]


def test_a_cut_off_sentence_is_ended_and_reported():
    text = "Lunges\n\n1. Lunge\n\nTargets: hips. Lean forward and let the thigh When you feel it, hold.\n"
    imported = import_article(text, "a.txt")
    assert imported.stretches[0].key_points == ("Lean forward and let the thigh…", "When you feel it, hold.")
    cut = [w for w in imported.warnings if "cut off" in w.message]
    assert [(w.line, w.message) for w in cut] == [
        (5, '"Lunge": a sentence seems cut off ("...forward and let the thigh"): check it')
    ]


@pytest.mark.parametrize(
    "value",
    [
        'say "hi"',
        "back\\slash",
        "tab\there",
        "new\nline",
        "bell\x07 del\x7f esc\x1b",
        "Ü ß \u2013 \u201cx\u201d …",
        "",
    ],
)
def test_toml_strings_round_trip(value):
    assert tomllib.loads(f"key = {toml_string(value)}")["key"] == value


def test_awkward_characters_in_an_article_round_trip_through_the_toml():
    text = '# Say "stretch"\n\n## Back\\slash\tlunge\n\nTargets: hip "flexors"\n\n1. Lean \\ forward.\n'
    data = tomllib.loads(import_article(text, "a.md").toml)
    assert data["title"] == 'Say "stretch"'
    assert data["stretches"][0]["name"] == "Back\\slash lunge"
    assert data["stretches"][0]["target"] == "Hips"
    assert data["stretches"][0]["key_points"] == ["Lean \\ forward."]


def test_output_option_and_default_path_in_the_current_folder(run_cli, tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "cool-down.txt").write_text(NUMBERED_PAREN, encoding="utf-8")
    result = run_cli("import", "articles/cool-down.txt")
    assert result.code == 0, result.err
    assert result.out.strip() == "cool-down.toml"
    assert (tmp_path / "cool-down.toml").is_file()
    result = run_cli("import", "articles/cool-down.txt", "-o", "routines/mine.toml")
    assert result.code == 0, result.err
    assert result.out.strip() == str(Path("routines/mine.toml"))
    assert load_routine(str(tmp_path / "routines" / "mine.toml")).stretches[1].name == "Side lunge"


BAD_ARTICLES = {
    "missing": (None, ("article.txt", "no such article file")),
    "folder": ("folder", ("article.txt", "folder")),
    "not-utf8": ("Dehnübungen\n\n1. Wade\n\nDehnt die Wade.\n".encode("latin-1"), ("article.txt", "UTF-8")),
    "no-sections": (
        b"Stretching is good for you. Do it after every run.\n\nYour muscles will thank you.\n",
        ("article.txt", "no stretch sections found"),
    ),
    "empty": (b"", ("article.txt", "no stretch sections found")),
}


@pytest.mark.parametrize("case", BAD_ARTICLES)
def test_a_bad_article_exits_2_with_one_error_line_and_writes_nothing(case, run_cli, tmp_path):
    content, fragments = BAD_ARTICLES[case]
    if content == "folder":
        (tmp_path / "article.txt").mkdir()
    elif content is not None:
        (tmp_path / "article.txt").write_bytes(content)
    before = set(tmp_path.rglob("*"))
    result = run_cli("import", "article.txt", "-o", "out/routine.toml")
    error_mentions(result, *fragments)
    assert len(result.error_lines) == 1
    assert result.out == ""
    assert set(tmp_path.rglob("*")) == before


def test_importing_onto_the_article_itself_is_refused(run_cli, tmp_path):
    (tmp_path / "article.toml").write_text(NUMBERED_PAREN, encoding="utf-8")
    result = run_cli("import", "article.toml")
    error_mentions(result, "article.toml", "-o")
    assert (tmp_path / "article.toml").read_text(encoding="utf-8") == NUMBERED_PAREN


@pytest.mark.skipif(not SEED.is_file(), reason=f"the seed article is not at {SEED} (CI has it there)")
def test_the_seed_article_imports_and_builds(run_cli, tmp_path):
    result = run_cli("import", SEED, "-o", "seed.toml")
    assert result.code == 0, result.err
    assert result.out.strip() == "seed.toml"
    assert result.error_lines == [
        "warning: line 3: left out as the page's menus, banners, captions or links: lines 3, 7, 25",
        'warning: line 15: "Push-up leg stretch": a sentence seems cut off '
        '("...ground, and let the thigh"): check it',
    ]
    routine = load_routine(str(tmp_path / "seed.toml"))
    assert routine.title == "Illustration of stretching exercises after running"
    expected = [
        ("Support your feet after standing", "Quadriceps", 6),
        ("Push-up leg stretch", "Adductors (inner thigh)", 8),
        ("Sitting Stretch", "Hamstrings", 5),
        ("Seated side pull", "Calves", 6),
    ]
    assert [(s.name, s.target, len(s.key_points)) for s in routine.stretches] == expected
    assert routine.stretches[1].key_points[4:6] == ("Support the elbow on the ground.", "Let the thigh…")
    for stretch in routine.stretches:
        check_points(stretch.key_points)
    build = run_cli("build", "seed.toml", "-o", "seed.pdf")
    assert build.code == 0, build.err
    printed = [routine.title, routine.subtitle]
    for stretch in routine.stretches:
        printed += [stretch.name, f"Target: {stretch.target}"]
        printed += [f"{number}. {point}" for number, point in enumerate(stretch.key_points, start=1)]
    assert_in_order(pypdf.PdfReader(tmp_path / "seed.pdf").pages[0].extract_text(), printed)
