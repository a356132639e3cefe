"""Build a sheet from what a visitor sent: routine data + uploaded photos + choices -> SheetRequest -> PDF.

A visitor's routine arrives as data, not as a file on the server, so it is checked by the same
`check_routine` as a routine file, with its photos written to a temporary folder of this request alone,
under names the server makes: the same checks apply, and nothing stays behind for the next visitor. A
routine sent to the server may name only the photos sent with it and the bundled illustrations, never a
path on the server.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from handout.bundled import bundled_names
from handout.content.furniture import check_details
from handout.content.routine import check_routine
from handout.content.schema import Checker, parse_toml
from handout.errors import HandoutError
from handout.layout.layout_file import check_layout, grayscale, load_layout
from handout.layout.paper import orientation_named, oriented, paper_named
from handout.model import Layout
from handout.pipeline import SheetRequest, make_pdf


@dataclass(frozen=True)
class Choices:
    """How the visitor wants the sheet: a bundled layout's name (or their own layout file's text)."""

    layout: str = "grid"
    paper: str = "a4"
    orientation: str = "portrait"
    grayscale: bool = False
    lang: str = ""
    layout_text: str | None = None
    """The TOML text of a layout file the visitor uploaded with this request, instead of a bundled one."""


def build_pdf(
    data: Mapping[str, Any],
    photos: Mapping[str, bytes],
    choices: Choices,
    details: Mapping[str, str],
    shown_as: str,
) -> tuple[SheetRequest, bytes]:
    """The sheet of a routine sent to the server; every problem with it as a HandoutError, like the CLI.

    `photos` are the uploaded files by the name the routine gives them; `details` the form's own
    details (club, url, ...), which override the routine's [details] as --set does.
    """
    layout = chosen_layout(choices)
    orientation = orientation_named(choices.orientation)
    paper = oriented(paper_named(choices.paper), orientation)
    settings, problems = check_details(details, "the details")
    if problems:
        raise HandoutError(*problems)
    routine_data = dict(data)
    if choices.lang:
        routine_data["lang"] = choices.lang
    check_images(routine_data, photos, shown_as)
    with photo_folder(routine_data, photos) as (folder, server_data):
        routine = check_routine(server_data, shown_as, folder, name="routine")
        pdf = make_pdf(routine, layout, paper, settings)  # photos are read while the folder exists
    name = f"{safe_stem(str(routine_data.get('title', '')))}-{layout.name}-{choices.paper.lower()}"
    return SheetRequest(routine, layout, paper, settings, name), pdf


@contextmanager
def photo_folder(
    data: Mapping[str, Any], photos: Mapping[str, bytes]
) -> Iterator[tuple[Path, dict[str, Any]]]:
    """A folder of this request alone holding the photos its stretches use, and the routine's data with
    each `image` that names a photo replaced by the file the server wrote it as.

    The names the routine and the visitor use are only keys here: the files are named by the server
    (photo-1, photo-2, ...), so no text a visitor sends is ever a path on the server.
    """
    found = data.get("stretches")
    stretches: list[Any] = found if isinstance(found, list) else []
    tables = [table for table in stretches if isinstance(table, dict)]
    used = [name for name in photos if any(table.get("image") == name for table in tables)]
    if not used:  # no folder to make and remove: a tenth of a short sheet's time
        yield Path(empty_directory().name), dict(data)
        return
    files = {name: f"photo-{index}" for index, name in enumerate(used, start=1)}
    renamed = [
        {**table, "image": files[table["image"]]}
        if isinstance(table, dict) and isinstance(table.get("image"), str) and table["image"] in files
        else table
        for table in stretches
    ]
    with tempfile.TemporaryDirectory(prefix="handout-web-") as folder:
        for name, file_name in files.items():
            with (Path(folder) / file_name).open("xb") as file:  # "x": a new file, never one replaced
                file.write(photos[name])
        yield Path(folder), {**data, "stretches": renamed}


@cache
def bundled(kind: str) -> tuple[str, ...]:
    """The bundled layouts' or illustrations' names, read once: they do not change while serving."""
    return tuple(bundled_names(kind))


@cache
def bundled_layout(name: str) -> Layout:
    return load_layout(name)


@cache
def empty_directory() -> tempfile.TemporaryDirectory[str]:
    """A private folder of this process that stays empty: where a routine without photos has none.

    Kept as a TemporaryDirectory so that it is removed when the server stops, not left in /tmp."""
    return tempfile.TemporaryDirectory(prefix="handout-web-empty-")


def chosen_layout(choices: Choices) -> Layout:
    """A bundled layout by name, or the visitor's own layout file; never another file on the server."""
    if choices.layout_text is not None:
        data = parse_toml(choices.layout_text, "the layout file")
        layout = check_layout(data, "the layout file", name="own-layout")
    elif choices.layout in bundled("layouts"):
        layout = bundled_layout(choices.layout)
    else:
        names = ", ".join(bundled("layouts"))
        raise HandoutError(
            f'unknown layout "{choices.layout[:60]}": use one of {names}, or upload your own layout file'
        )
    return grayscale(layout) if choices.grayscale else layout


def check_images(data: Mapping[str, Any], photos: Mapping[str, bytes], shown_as: str) -> None:
    """Refuse an `image` that is neither a photo sent with the routine nor a bundled illustration.

    On the command line an image is a path next to the routine file; on a server that would let a
    visitor print any file the server can read ("/etc/hostname", "../x"), so only names are taken.
    """
    stretches = data.get("stretches")
    if not isinstance(stretches, list):
        return  # check_routine says what is wrong with it
    figures = bundled("images")
    check = Checker(shown_as)
    for number, table in enumerate(stretches, start=1):
        image = table.get("image") if isinstance(table, dict) else None
        if isinstance(image, str) and image not in photos and image not in figures:
            sent = ", ".join(f'"{name}"' for name in photos) or "none"
            check.problem(
                f"stretch {number}",
                f'image "{image[:60]}" is not a photo sent with the routine (sent: {sent}) nor a bundled '
                f"illustration ({', '.join(figures)}): upload the photo and name it by its file name",
            )
    check.done()


def safe_stem(title: str) -> str:
    """A file name stem from the routine's title: what the coach will find in their downloads."""
    words = "".join(char.lower() if char.isalnum() else " " for char in title).split()
    return "-".join(words)[:60] or "routine"
