"""The page's Save routine and Open routine: the editor's state <-> a file the coach keeps, and back.

What the page saves, it opens to the same sheet. A sheet without photos is a routine file (.toml) that
`handout build` reads as it is; the page's own choices (layout, paper, orientation, grayscale) ride in
a comment line the build ignores and the page reads back. A sheet with photos is a .zip of that routine
file and its photos beside it, under the names the routine gives them: unzipped, it builds with the CLI
too. An opened .zip is untrusted like any upload: a few files, each capped, read into memory only (its
names are keys, never paths), and each photo checked as if it were uploaded anew.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from handout.content.input_file import SIZE_LIMITS
from handout.content.routine import MAX_STRETCHES, check_routine
from handout.content.schema import parse_toml
from handout.errors import HandoutError
from handout.layout.layout_file import bundled_layouts
from handout.layout.paper import ORIENTATIONS, PAPERS
from handout.web.editor import EditorState, as_list, state_from_routine
from handout.web.field_errors import GENERAL, field_of
from handout.web.form_data import check_size
from handout.web.photo_store import SessionPhotos
from handout.web.routine_toml import routine_toml
from handout.web.sheets import Choices
from handout.web.uploads import received_photo, shown_name

ROUTINE_IN_ZIP = "routine.toml"
CHOICES_LINE = re.compile(r"^# handout page: (.*)$", re.MULTILINE)
"""The comment that carries the page's choices: `# handout page: layout=poster paper=letter ...`."""
MAX_ZIP_FILES = 17
"""The routine file and at most 16 photos, the most the editor holds."""
MAX_PHOTO_BYTES = 20_000_000
"""Bytes of one photo in a saved sheet once unpacked: a zip may claim a small size and unpack to gigabytes."""
MAX_UNPACKED = 40_000_000
"""Bytes of a whole saved sheet once unpacked: its photos were saved at print size, a few hundred kB each."""


def saved_file(state: EditorState) -> tuple[bytes, str, str]:
    """The file Save routine gives: (content, media type, suffix)."""
    data = state.routine_data()
    if state.choices.lang:
        data = {"title": data.pop("title"), "lang": state.choices.lang, **data}
    photos = photo_files(state)
    for table, stretch in zip(data.get("stretches", []), state.stretches, strict=True):
        if stretch.photo:
            table["image"] = photos[id(stretch)][0]
    text = routine_toml(data).replace("\n", f"\n{choices_line(state)}\n", 1)
    if not photos:
        return text.encode(), "application/toml", "toml"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(ROUTINE_IN_ZIP, text)
        for name, content in photos.values():
            archive.writestr(name, content, compress_type=zipfile.ZIP_STORED)  # photos are compressed already
    return out.getvalue(), "application/zip", "zip"


def choices_line(state: EditorState) -> str:
    choices = state.choices
    layout = choices.layout if choices.layout in {layout.name for layout in bundled_layouts()} else "grid"
    return (
        f"# handout page: layout={layout} paper={choices.paper} orientation={choices.orientation} "
        f"grayscale={'on' if choices.grayscale else 'off'}"
    )


def photo_files(state: EditorState) -> dict[int, tuple[str, bytes]]:
    """Each stretch's photo as a file of the zip, by the stretch: a file name of the visitor's photo name,
    made unique and safe on every computer it is unpacked on."""
    files: dict[int, tuple[str, bytes]] = {}
    taken: set[str] = {ROUTINE_IN_ZIP}
    for number, stretch in enumerate(state.stretches, start=1):
        if not stretch.photo:
            continue
        stem = re.sub(r"[^\w .-]+", "-", stretch.photo_name.rsplit(".", 1)[0]).strip("-. ")[:60] or "photo"
        suffix = "png" if stretch.photo.startswith(b"\x89PNG") else "jpg"
        name = f"{stem}.{suffix}"
        if name.lower() in taken:
            name = f"{stem}-{number}.{suffix}"
        taken.add(name.lower())
        files[id(stretch)] = (name, stretch.photo)
    return files


def opened_file(
    filename: str, content: bytes, keep: EditorState, kept: SessionPhotos
) -> tuple[EditorState, list[str]]:
    """A saved routine (.toml) or saved sheet (.zip) -> the editor, with its choices and photos (kept in
    the session's photos, as uploads are: the page goes on with their references), and what the file has
    that the editor cannot take. A file without a stretch leaves the sheet as it was."""
    shown_as = shown_name(filename)[:60]
    if len(content) > MAX_UNPACKED:  # a saved sheet's photos are stored as they are: never larger packed
        raise HandoutError(f"{shown_as}: is too large to open: choose the routine or sheet you saved")
    photos: dict[str, bytes] = {}
    if content.startswith(b"PK"):
        content, photos = unpacked(content, shown_as)
    check_size(content, "routine", shown_as)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise HandoutError(f"{shown_as}: is not a routine file (.toml) nor a saved sheet (.zip)") from None
    data = parse_toml(text, shown_as)
    problems = opening_problems(data, shown_as)
    if not any(isinstance(table, dict) for table in as_list(data.get("stretches"))):
        raise HandoutError(*problems)
    state = state_from_routine(data, replace(keep, choices=with_choices(keep, text)))
    return with_photos(state, data, photos, shown_as, kept), problems


def opening_problems(data: Mapping[str, Any], shown_as: str) -> list[str]:
    """The CLI's check of an opened routine, for what the editor would otherwise drop without a word: an
    unknown key, a `use` the library lacks, a language the sheet cannot print, no stretches. A field's
    own problem (an empty target) is left out here: the sheet's check shows it beside that field."""
    tables = [table for table in as_list(data.get("stretches")) if isinstance(table, dict)]
    checked = dict(data)
    if tables:  # photos are checked as uploads; more stretches than a sheet holds are kept and said so
        checked["stretches"] = [
            {key: value for key, value in table.items() if key != "image"} for table in tables[:MAX_STRETCHES]
        ]
    try:
        check_routine(checked, shown_as, Path(), name="opened")
    except HandoutError as error:
        return [message for message in error.messages if field_of(message) == GENERAL]
    return []


def unpacked(content: bytes, shown_as: str) -> tuple[bytes, dict[str, bytes]]:
    """A saved sheet's routine file and its photos by name, within the caps."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = [member for member in archive.infolist() if not member.is_dir()]
            if len(members) > MAX_ZIP_FILES or ROUTINE_IN_ZIP not in archive.namelist():
                raise HandoutError(
                    f"{shown_as}: is not a sheet saved by this page (it should hold {ROUTINE_IN_ZIP} "
                    "and the photos): open the .zip that Save routine gave you"
                )
            files = {}
            unpacked_bytes = 0
            for member in members:
                cap = SIZE_LIMITS["routine"] if member.filename == ROUTINE_IN_ZIP else MAX_PHOTO_BYTES
                with archive.open(member) as file:
                    data = file.read(cap + 1)  # never more, whatever the zip claims
                unpacked_bytes += len(data)
                if len(data) > cap or unpacked_bytes > MAX_UNPACKED:
                    raise HandoutError(f"{shown_as}: {shown_name(member.filename)} is too large to open")
                files[member.filename] = data
            return files.pop(ROUTINE_IN_ZIP), files
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, EOFError, OSError):
        raise HandoutError(f"{shown_as}: is a damaged .zip file: save the sheet again") from None


def with_choices(keep: EditorState, text: str) -> Choices:
    """The page's choices from a saved routine's comment line; each one unknown keeps what the page has."""
    found = CHOICES_LINE.search(text)
    if found is None:
        return keep.choices
    said = dict(pair.partition("=")[::2] for pair in found.group(1).split())
    layouts = {layout.name for layout in bundled_layouts()}
    choices = keep.choices
    if said.get("layout") in layouts:
        choices = replace(choices, layout=said["layout"], layout_text=None)
    if said.get("paper") in PAPERS:
        choices = replace(choices, paper=said["paper"])
    if said.get("orientation") in ORIENTATIONS:
        choices = replace(choices, orientation=said["orientation"])
    if said.get("grayscale") in ("on", "off"):
        choices = replace(choices, grayscale=said["grayscale"] == "on")
    return choices


def with_photos(
    state: EditorState,
    data: Mapping[str, Any],
    photos: Mapping[str, bytes],
    shown_as: str,
    kept: SessionPhotos,
) -> EditorState:
    """The opened stretches with the photos their `image` names (checked as new uploads are)."""
    tables = [table for table in data.get("stretches", []) if isinstance(table, dict)]
    stretches = list(state.stretches)
    for index, table in enumerate(tables[: len(stretches)]):
        image = table.get("image")
        if isinstance(image, str) and image in photos:
            photo = received_photo(photos[image], shown_name(image), f"{shown_as}: stretch {index + 1}")
            stretches[index] = replace(
                stretches[index],
                photo=photo,
                photo_ref=kept.put(photo),
                photo_name=shown_name(image),
                figure="",
            )
    return replace(state, stretches=tuple(stretches))
