"""The page's stretch library: library entries -> cards with a small figure (inline SVG) and a search.

The figures are drawn by share/figure_export.py from the same pose files as the sheet, once per process.
"""

from __future__ import annotations

import base64
import threading
from dataclasses import dataclass
from functools import cache

from handout.bundled import bundled_dir
from handout.content.library import LANGUAGES, entry_in, entry_names, library, normalized_name
from handout.content.poses import load_pose
from handout.content.search_words import search_terms
from handout.draw.figures import pose_shapes
from handout.draw.photos import print_sized
from handout.layout.layout_file import load_layout
from handout.share.figure_export import svg_bytes
from handout.web.editor import StretchForm
from handout.web.sheets import bundled
from handout.web.uploads import photo_key

THUMB_WIDTH = 180.0
THUMB_HEIGHT = 120.0


@dataclass(frozen=True)
class LibraryCard:
    entry_id: str
    name: str
    target: str
    svg: str
    """The figure as inline SVG markup, drawn by our own code from a bundled pose (safe to embed)."""


@cache
def figure_svg(entry_id: str) -> str:
    """An entry's figure as inline SVG, hidden from screen readers (the card's name says it all)."""
    image = library()[entry_id].get("image")
    return pose_svg(image) if isinstance(image, str) else ""


def pose_svg(image: str) -> str:
    """A bundled illustration, by its name, as inline SVG hidden from screen readers; "" for no such one.

    The name may be the visitor's text (the page sends it back): only a bundled name is looked up."""
    return bundled_pose_svg(image) if image in bundled("images") else ""


@cache
def bundled_pose_svg(image: str) -> str:
    pose_file = bundled_dir("images") / f"{image}.toml"
    if not pose_file.is_file():
        return ""
    layout = load_layout("grid")
    shapes = pose_shapes(load_pose(pose_file), THUMB_WIDTH, THUMB_HEIGHT, layout.accent, layout.ink)
    svg = svg_bytes(shapes, THUMB_WIDTH, THUMB_HEIGHT).decode()
    return svg.replace(f'width="{THUMB_WIDTH:g}pt" height="{THUMB_HEIGHT:g}pt" ', 'aria-hidden="true" ')


@cache
def library_cards(lang: str = "en") -> tuple[LibraryCard, ...]:
    """Every library entry as a card, named in `lang` (one of the library's languages)."""
    cards = []
    for entry_id in library():
        entry = entry_in(entry_id, lang)
        name, target = str(entry.get("name", entry_id)), str(entry.get("target", ""))
        cards.append(LibraryCard(entry_id, name, target, figure_svg(entry_id)))
    return tuple(cards)


@cache
def search_text(entry_id: str) -> str:
    """What a search looks through: the entry's names, aliases and targets in every library language."""
    targets = [str(entry_in(entry_id, lang).get("target", "")) for lang in LANGUAGES]
    return normalized_name(" ".join([*entry_names(entry_id), *targets]))


def matching_cards(search: str, lang: str = "en") -> list[LibraryCard]:
    """The library entries, named in `lang`, whose names, targets or aliases hold every word searched (or
    a library word it means: "quads" finds the quadriceps, content/search_words.toml)."""
    terms = search_terms(search)
    cards = library_cards(lang)
    return [
        card
        for card in cards
        if all(any(word in search_text(card.entry_id) for word in term) for term in terms)
    ]


@dataclass(frozen=True)
class StretchPicture:
    """What a stretch's card in the editor shows: its photo (a small data: URL) or its drawing (SVG)."""

    photo: str = ""
    svg: str = ""


PHOTO_THUMB_SIDE = 240
"""Pixels of a photo's thumbnail in the editor: sharp at the card's 120 CSS pixels on a phone."""


def stretch_picture(stretch: StretchForm) -> StretchPicture:
    if stretch.photo:
        return StretchPicture(photo=photo_thumbnail(stretch.photo))
    return StretchPicture(svg=pose_svg(stretch.figure)) if stretch.figure else StretchPicture()


THUMBNAILS: dict[str, str] = {}
"""Photo thumbnails made, by the photo's key: a few kilobytes each, not the photos themselves."""
MAX_THUMBNAILS = 256
THUMBNAILS_LOCK = threading.Lock()


def photo_thumbnail(photo: bytes) -> str:
    """A photo the page holds (print-sized, checked on arrival) as a small JPEG or PNG data: URL."""
    key = photo_key(photo)
    with THUMBNAILS_LOCK:  # the builder threads share the dict
        if key in THUMBNAILS:
            return THUMBNAILS[key]
    small = print_sized(photo, PHOTO_THUMB_SIDE)
    kind = "png" if small.startswith(b"\x89PNG") else "jpeg"
    url = f"data:image/{kind};base64," + base64.b64encode(small).decode("ascii")
    with THUMBNAILS_LOCK:
        if len(THUMBNAILS) >= MAX_THUMBNAILS:
            THUMBNAILS.pop(next(iter(THUMBNAILS)))  # the oldest
        THUMBNAILS[key] = url
    return url
