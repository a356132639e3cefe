"""Adversarial input, as properties: whatever text a coach (or a copy and paste) puts in any field of a
routine, the build either prints all of it, readable from the PDF, or refuses it with `error:` lines and
writes nothing. Never a traceback, never a half-written file, never user text evaluated as a template."""

from __future__ import annotations

import contextlib
import io
import tempfile
import tomllib
from pathlib import Path
from typing import Any

import pypdf
import pytest
from conftest import actual_texts, examples
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from handout.cli import main
from handout.content.routine import check_routine
from handout.errors import HandoutError
from handout.layout.composition import lay_out
from handout.layout.fonts import sheet_metrics
from handout.layout.layout_file import load_layout
from handout.layout.paper import paper_named
from handout.model import FrameBox, TextBox

SCRIPTS = (
    "abcxyzABCXYZ0123456789 .,;:!?-–()'/"  # noqa: RUF001
    "äöüßéèçñøåłżśęąćńŁŻ"
    "αβγδεζηθλμπσωΑΒΓΔΩάέή"
    "абвгдежзийклмнопрстуфхцчшщыэюяЖЩЯ"
    "小腿拉伸跑步后的肌肉保持呼吸。，、（）「」"  # noqa: RUF001
    "ふくらはぎストレッチ"
    "종아리스트레칭"
)
MARKUP = ["<", ">", "&", '"', "'", "\\", "{", "}", "%", "<b>", "&amp;", "</p>", "%s", "%(x)s", "\\n"]
TEMPLATES = ["{{ x }}", "{{ 7*7 }}", "{% raw %}", "{% endraw %}", "{# c #}", "${x}", "{0}"]
EMPTY_LOOKING = [
    "",
    " ",
    "   ",
    "\u200b",
    "\u200b\u200b",
    "\u00a0",
    "\u00a0 \u00a0",
    "\u2003",
    "\u3000",
    "\t",
    "\n",
]
BEYOND = ["\U0001f600", "\u0f40", "\u1200", "\u0627", "\u05d0", "\u0e01", "\U00020000", "\u0301", "\ufffd"]


def mostly(common: st.SearchStrategy[str], rare: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """`rare` one time in five (st.one_of would give each strategy the same chance)."""
    return st.integers(0, 4).flatmap(lambda n: rare if n == 0 else common)


words = st.text(alphabet=SCRIPTS.replace(" ", ""), min_size=1, max_size=12)
printable_chunk = mostly(words, st.sampled_from(MARKUP + TEMPLATES + EMPTY_LOOKING))
any_chunk = st.one_of(
    printable_chunk,
    st.sampled_from(BEYOND),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=4),  # any character
)
LONG_WORD = st.text(alphabet=SCRIPTS.replace(" ", ""), min_size=200, max_size=200)
"""200 characters without a space: only key points (300 characters at most) are that long."""


def toml_string(text: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped, everything else as is."""
    escaped = []
    for char in text:
        if char in '"\\':
            escaped.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            escaped.append(f"\\u{ord(char):04X}")
        else:
            escaped.append(char)
    return '"' + "".join(escaped) + '"'


def routine_toml(routine: dict[str, Any]) -> str:
    lines = [f"title = {toml_string(routine['title'])}"]
    if "subtitle" in routine:
        lines.append(f"subtitle = {toml_string(routine['subtitle'])}")
    for stretch in routine["stretches"]:
        lines += ["", "[[stretches]]"]
        for key in ("name", "target", "hold"):
            if key in stretch:
                lines.append(f"{key} = {toml_string(stretch[key])}")
        points = ", ".join(toml_string(point) for point in stretch["key_points"])
        lines.append(f"key_points = [{points}]")
    return "\n".join(lines) + "\n"


def routines(chunk: st.SearchStrategy[str]) -> st.SearchStrategy[dict[str, Any]]:
    """Routines of one or two stretches, every field made of one to four chunks."""
    spaced = st.tuples(chunk, st.sampled_from(["", " "])).map("".join)
    text = st.lists(spaced, min_size=1, max_size=4).map("".join)
    empty_looking = st.lists(st.sampled_from(EMPTY_LOOKING), min_size=1, max_size=3).map("".join)
    field = st.integers(0, 59).flatmap(lambda n: empty_looking if n == 0 else text)  # refused when drawn
    point = st.one_of(field, st.tuples(text, LONG_WORD, text).map(" ".join))
    stretch = st.fixed_dictionaries(
        {"name": field, "target": field, "key_points": st.lists(point, min_size=1, max_size=3)},
        optional={"hold": field},
    )
    return st.fixed_dictionaries(
        {"title": field, "stretches": st.lists(stretch, min_size=1, max_size=2)},
        optional={"subtitle": field},
    )


def fields(routine: dict[str, Any]) -> list[str]:
    values = [routine["title"], routine.get("subtitle")]
    for stretch in routine["stretches"]:
        values += [stretch["name"], stretch["target"], stretch.get("hold"), *stretch["key_points"]]
    return [value for value in values if value is not None]


def visible(text: str) -> str:
    """What should read back: control and format characters count as spaces, and whitespace is dropped
    (wrapped lines, and CJK or long words broken between characters, read back with line breaks)."""
    return "".join("".join(c if c.isprintable() else " " for c in text).split())


def refusals(err: str) -> list[str]:
    """The kinds of problem in an error output, for hypothesis's statistics."""
    kinds = ("is empty", "characters long", "cannot be printed", "does not fit", "leave no room")
    return [kind for line in err.splitlines() for kind in kinds if kind in line] or [err[:60]]


def build(routine_text: str, folder: Path) -> tuple[int, str, Path]:
    """Run `handout build` in-process on a routine file written in `folder`; exit code, stderr, output."""
    (folder / "routine.toml").write_text(routine_text, encoding="utf-8")
    output = folder / "out" / "sheet.pdf"
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["build", str(folder / "routine.toml"), "-o", str(output)])
    return code, err.getvalue(), output


PROPERTY = settings(
    deadline=None,
    derandomize=True,  # the same examples on every run, so CI is stable
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@settings(PROPERTY, max_examples=examples(150))
@given(routines(printable_chunk))
def test_text_in_the_supported_scripts_prints_whole_or_is_refused_cleanly(routine: dict[str, Any]) -> None:
    """Markup, template syntax, long words and empty-looking strings in Latin, Greek, Cyrillic and CJK."""
    with tempfile.TemporaryDirectory(prefix="handout-adversarial-") as name:
        check_build(routine, Path(name))


@settings(PROPERTY, max_examples=examples(100))
@given(routines(any_chunk))
def test_any_text_prints_whole_or_is_refused_cleanly(routine: dict[str, Any]) -> None:
    """Any character at all: emoji, scripts no font has, control and format characters."""
    with tempfile.TemporaryDirectory(prefix="handout-adversarial-") as name:
        check_build(routine, Path(name))


def check_build(routine: dict[str, Any], folder: Path) -> None:
    code, err, output = build(routine_toml(routine), folder)
    event("built" if code == 0 else "refused: " + " / ".join(sorted(set(refusals(err)))))
    if code == 0:
        assert err == ""
        # shaped scripts (Arabic, Devanagari, ...) read back through each line's ActualText
        drawn = [pypdf.PdfReader(output).pages[0].extract_text(), *actual_texts(output)]
        text = "".join("\n".join(drawn).split())
        for value in fields(routine):
            assert visible(value), f"an empty-looking field was printed: {value!r}"
            assert visible(value) in text, f"{value!r} not read back from {text!r}"
    else:
        assert code == 2, err
        assert err and all(line.startswith("error: ") for line in err.splitlines()), err
        assert "Traceback" not in err
        assert not output.parent.exists() or list(output.parent.iterdir()) == []
    assert sorted(path.name for path in folder.iterdir()) == sorted(["routine.toml"] + ["out"] * (code == 0))


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=30))
def test_toml_string_escaper_round_trips(text: str) -> None:
    """The properties above are only as good as the routine files they write."""
    assert tomllib.loads(f"x = {toml_string(text)}")["x"] == text


@pytest.mark.parametrize(
    "word", ["x" * 200, "Überdehnungsschutz" * 11 + "xx", "小腿" * 100], ids=["latin", "german", "chinese"]
)
@pytest.mark.parametrize("layout_name", ["grid", "list"])
def test_a_200_character_word_is_broken_inside_its_card(word: str, layout_name: str) -> None:
    data = {
        "title": "Long words",
        "stretches": [
            {"name": "Calf", "target": "Calves", "key_points": ["Stand tall.", word]},
            {"name": "Hamstring", "target": "Back of the thigh", "key_points": ["Sit."]},
        ],
    }
    routine = check_routine(data, "routine.toml", Path("."), name="long")
    page = lay_out(routine, load_layout(layout_name), paper_named("a4"), sheet_metrics([word]))
    cards = {box.card: box.rect for box in page.boxes if isinstance(box, FrameBox)}
    lines = [box for box in page.boxes if isinstance(box, TextBox) and box.card == 0 and box.role == "point"]
    assert len(lines) >= 3
    assert "".join(box.text for box in lines[1:]) == word
    assert all(cards[0].contains(box.rect) for box in lines)


@settings(PROPERTY, max_examples=examples(150))
@given(routines(printable_chunk), st.sampled_from(["grid", "list"]))
def test_whatever_is_laid_out_stays_inside_its_card_and_margins(routine: dict[str, Any], layout_name: str):
    """Geometry, no PDF: every line of a sheet that fits lies inside its card and the page's margins, and
    no two lines overlap."""
    try:
        checked = check_routine(routine, "routine.toml", Path("."), name="r")
        fonts = sheet_metrics(fields(routine))
        page = lay_out(checked, load_layout(layout_name), paper_named("a4"), fonts)
    except HandoutError:
        event("refused")
        return
    event("laid out")
    cards = {box.card: box.rect for box in page.boxes if isinstance(box, FrameBox)}
    margin = load_layout(layout_name).margin
    for box in page.boxes:
        if isinstance(box, TextBox):
            assert box.rect.x >= margin - 0.01 and box.rect.right <= page.width - margin + 0.01, box.text
            if box.card is not None:
                assert cards[box.card].contains(box.rect), box.text
    lines = [box for box in page.boxes if isinstance(box, TextBox)]
    for index, first in enumerate(lines):
        for second in lines[index + 1 :]:
            assert not first.rect.overlaps(second.rect), (first.text, second.text)
