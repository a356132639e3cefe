"""Load and check a routine: a TOML file (or a bundled routine's name) -> Routine.

A stretch may be written out in full or taken from the bundled stretch library (library.toml) with
`use = "ID"`, its fields overriding the library's, in the routine's language; the library is checked
the same way. A stretch written by hand without `image` whose name clearly names a library entry gets
that entry's figure, and the routine notes it for the user; `image = "none"` keeps it without a picture.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from handout.bundled import bundled_dir, bundled_names, find_toml
from handout.content import photo_file, poses
from handout.content.furniture import check_details
from handout.content.library import find_entry, library, stretch_fields
from handout.content.schema import Checker, quoted, read_toml, tidy_text, type_name
from handout.content.sheet_words import ALIASES, translations
from handout.errors import HandoutError
from handout.model import Figure, Illustration, Photo, Routine, Stretch

ROUTINE_KEYS = ("title", "subtitle", "lang", "details", "stretches")
STRETCH_KEYS = ("use", "name", "target", "key_points", "cues", "hold", "image")
MAX_STRETCHES = 8
MAX_KEY_POINTS = 8
MAX_CUES = 4
MAX_CUE_LENGTH = 40
"""A cue is a reminder read from a few steps away ("Heel to bottom"), not an instruction."""


def find_routine(reference: str) -> tuple[Path, str]:
    """A routine file path, or the name of a bundled routine -> (path, name shown in messages)."""
    found = find_toml(reference, "routines")
    if found is None:
        names = ", ".join(bundled_names("routines"))
        raise HandoutError(
            f'no routine file or bundled routine called "{reference}": give a .toml file, or one of: {names}'
        )
    return found


def load_routine(reference: str) -> Routine:
    path, shown_as = find_routine(reference)
    data = read_toml(path, shown_as, "routine")
    return check_routine(data, shown_as, path.parent, name=path.stem)


def check_routine(data: dict[str, Any], shown_as: str, folder: Path, name: str) -> Routine:
    """Turn parsed TOML into a Routine, or raise every problem found in it at once."""
    check = Checker(shown_as)
    check.keys(data, ROUTINE_KEYS, "")
    title = check.text(data, "title", "", required=True, max_length=120)
    subtitle = check.text(data, "subtitle", "", required=False, max_length=400)
    lang = check_lang(data.get("lang"), check)
    details, problems = check_details(check.table(data, "details", ""), f"{shown_as}: [details]")
    check.problems.extend(problems)
    raw_stretches = data.get("stretches")
    stretches: list[Stretch] = []
    notes: list[str] = []
    if raw_stretches is None:
        check.problem(
            "", "no stretches: add at least one [[stretches]] table with name, target and key_points"
        )
    elif not isinstance(raw_stretches, list) or not all(isinstance(s, dict) for s in raw_stretches):
        check.problem("", f'"stretches" must be [[stretches]] tables, not {type_name(raw_stretches)}')
    elif not 1 <= len(raw_stretches) <= MAX_STRETCHES:
        check.problem(
            "",
            f"{len(raw_stretches)} stretches: a sheet holds 1 to {MAX_STRETCHES}; split it into two routines",
        )
    else:
        for number, table in enumerate(raw_stretches, start=1):
            if "use" not in table and "image" not in table:
                table = with_figure_found_by_name(table, number, notes)
            stretch = check_stretch(table, number, folder, check, lang)
            if stretch is not None:
                stretches.append(stretch)
    check.done()
    assert title is not None  # check.done() raised otherwise
    return Routine(
        title=title,
        subtitle=subtitle,
        stretches=tuple(stretches),
        lang=lang,
        details=details,
        name=name,
        source=shown_as,
        notes=tuple(notes),
    )


def check_lang(value: object, check: Checker) -> str | None:
    """The routine's language, one of those whose words the sheet can print (translations.toml)."""
    if value is None:
        return None
    languages = translations()
    if not isinstance(value, str) or (value not in languages and value not in ALIASES):
        codes = ", ".join(f'"{code}"' for code in languages)
        check.problem(
            "",
            f'"lang" is {quoted(value)}: handout prints its own words (Target, Hold, the safety advice) '
            f"in {codes}; use one of them, or add your language to handout/content/translations.toml",
        )
        return None
    return str(value)


def stretch_label(number: int, name: object) -> str:
    """How messages name a stretch: its number, and its name (tidied as printed) when it has a usable one."""
    if isinstance(name, str) and "".join(tidy_text(name).split()):
        return f"stretch {number} {quoted(tidy_text(name))}"
    return f"stretch {number}"


NO_IMAGE = "none"
"""`image = "none"`: this stretch prints without a picture, even if its name is a library entry's."""


def with_figure_found_by_name(table: dict[str, Any], number: int, notes: list[str]) -> dict[str, Any]:
    """The stretch with the figure of the library entry its name clearly names, noted; else as it was."""
    name = table.get("name")
    entry_id = find_entry(name) if isinstance(name, str) else None
    if entry_id is None:
        return table
    figure = library()[entry_id]["image"]
    notes.append(f'{stretch_label(number, name)}: drawn with the library\'s figure "{figure}"')
    return {**table, "image": figure}


def check_stretch(
    table: dict[str, Any], number: int, folder: Path, check: Checker, lang: str | None = None
) -> Stretch | None:
    if "use" in table:
        merged = with_library_entry(table, number, check, lang)
        if merged is None:
            return None
        table = merged
    where = stretch_label(number, table.get("name"))
    check.keys(table, STRETCH_KEYS, where)
    name = check.text(table, "name", where, required=True, max_length=80)
    target = check.text(table, "target", where, required=True, max_length=160)
    hold = check.text(table, "hold", where, required=False, max_length=80)
    key_points = check_points(table, "key_points", where, check, most=MAX_KEY_POINTS, longest=300)
    cues = check_points(table, "cues", where, check, most=MAX_CUES, longest=MAX_CUE_LENGTH, required=False)
    image = None
    image_name = check.text(table, "image", where, required=False)
    if image_name is not None and image_name != NO_IMAGE:
        image = find_illustration(image_name, folder, where, check)
    if name is None or target is None or key_points is None:
        return None
    return Stretch(name=name, target=target, key_points=key_points, cues=cues or (), hold=hold, image=image)


def with_library_entry(
    table: dict[str, Any], number: int, check: Checker, lang: str | None = None
) -> dict[str, Any] | None:
    """The library stretch named by `use` in `lang`, with the fields the routine gives replacing it."""
    entry_id = table["use"]
    entries = library()
    if not isinstance(entry_id, str) or entry_id not in entries:
        import difflib  # here: only a mistyped id pays for it (and for heapq)

        near = difflib.get_close_matches(str(entry_id)[:80], list(entries), n=3, cutoff=0.4)
        hint = f" (closest: {', '.join(near)})" if near else ""
        check.problem(
            stretch_label(number, table.get("name")),
            f'"use" names no stretch in the library: {quoted(entry_id)}{hint}; '
            "list them with: handout stretches",
        )
        return None
    fields = stretch_fields(entry_id, lang)
    return {**fields, **{key: value for key, value in table.items() if key != "use"}}


def library_stretches(lang: str | None = None) -> list[tuple[str, Stretch]]:
    """Every library stretch in `lang`, checked like a routine's, for `handout stretches` and the tests."""
    check = Checker(f"the stretch library ({lang or 'en'})")
    checked = [
        (entry_id, check_stretch(stretch_fields(entry_id, lang), number, bundled_dir("images"), check))
        for number, entry_id in enumerate(library(), start=1)
    ]
    check.done()
    return [(entry_id, stretch) for entry_id, stretch in checked if stretch is not None]


def check_points(
    table: dict[str, Any],
    key: str,
    where: str,
    check: Checker,
    *,
    most: int,
    longest: int,
    required: bool = True,
) -> tuple[str, ...] | None:
    """A list of 1 to `most` texts (key points, or cues) printed numbered; None if absent or wrong."""
    value = table.get(key)
    label = "key point" if key == "key_points" else "cue"
    if value is None:
        if required:
            check.problem(where, f'missing key "{key}": add {key} = ["first step", "second step"]')
        return None
    if not isinstance(value, list):
        check.problem(where, f'"{key}" must be a list of texts in [ ], not {type_name(value)}')
        return None
    if not 1 <= len(value) <= most:
        check.problem(where, f'"{key}" has {len(value)} {label}s: give 1 to {most}')
        return None
    points = [
        check.text_value(point, f"{label} {index}", where, longest) for index, point in enumerate(value, 1)
    ]
    return tuple(point for point in points if point is not None) if None not in points else None


def find_illustration(value: str, folder: Path, where: str, check: Checker) -> Illustration | None:
    """A path relative to the routine file (a photo), or the name of a bundled illustration."""
    photo = folder / value
    if photo.is_file():
        problem = photo_file.photo_problem(photo)
        if problem:
            check.problem(where, f"image {quoted(value)} {problem}")
            return None
        return Photo(photo, owner=f"{check.shown_as}: {where}")
    if photo.exists():  # a folder, a pipe, a device: there, but not a photo
        check.problem(where, f"image {quoted(value)} {photo_file.NOT_A_FILE}")
        return None
    pose_file = bundled_dir("images") / f"{value}.toml"
    if Path(value).name == value and pose_file.is_file():
        try:
            return Figure(value, poses.load_pose(pose_file))
        except HandoutError as error:
            check.problems.extend(error.messages)
            return None
    names = ", ".join(bundled_names("images"))
    check.problem(
        where,
        f"image {quoted(value)} not found: put the file next to the routine file, "
        f"or use a bundled illustration ({names})",
    )
    return None


def routine_texts(routine: Routine) -> Iterator[tuple[str, str]]:
    """Every text the sheet prints from the routine, with where it comes from, for checks and tests."""
    yield "title", routine.title
    if routine.subtitle:
        yield "subtitle", routine.subtitle
    for number, stretch in enumerate(routine.stretches, start=1):
        where = stretch_label(number, stretch.name)
        yield f"{where}: name", stretch.name
        yield f"{where}: target", stretch.target
        if stretch.hold:
            yield f"{where}: hold", stretch.hold
        for index, point in enumerate(stretch.key_points, start=1):
            yield f"{where}: key point {index}", point
        for index, cue in enumerate(stretch.cues, start=1):
            yield f"{where}: cue {index}", cue
