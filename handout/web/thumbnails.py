"""The page's stretch library: library entries -> cards with a small figure (inline SVG) and a search.

The figures are drawn by share/figure_export.py from the same pose files as the sheet, once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from handout.bundled import bundled_dir
from handout.content.library import LANGUAGES, entry_in, entry_names, library, normalized_name
from handout.content.poses import load_pose
from handout.draw.figures import pose_shapes
from handout.layout.layout_file import load_layout
from handout.share.figure_export import svg_bytes

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
    pose_file = bundled_dir("images") / f"{image}.toml"
    if not isinstance(image, str) or not pose_file.is_file():
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
    """The library entries, named in `lang`, whose names, targets or aliases hold every word searched."""
    words = normalized_name(search).split()
    cards = library_cards(lang)
    return [card for card in cards if all(word in search_text(card.entry_id) for word in words)]
