"""The page's stretch library: library entries -> cards with a small figure (inline SVG) and a search.

The figures are drawn by share/figure_export.py from the same pose files as the sheet, once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from handout.bundled import bundled_dir
from handout.content.library import library, normalized_name
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
def library_cards() -> tuple[LibraryCard, ...]:
    layout = load_layout("grid")
    cards = []
    for entry_id, entry in library().items():
        image = entry.get("image")
        pose_file = bundled_dir("images") / f"{image}.toml"
        svg = ""
        if isinstance(image, str) and pose_file.is_file():
            shapes = pose_shapes(load_pose(pose_file), THUMB_WIDTH, THUMB_HEIGHT, layout.accent, layout.ink)
            svg = svg_bytes(shapes, THUMB_WIDTH, THUMB_HEIGHT).decode()
            svg = svg.replace(
                f'width="{THUMB_WIDTH:g}pt" height="{THUMB_HEIGHT:g}pt" ', 'aria-hidden="true" '
            )
        cards.append(
            LibraryCard(entry_id, str(entry.get("name", entry_id)), str(entry.get("target", "")), svg)
        )
    return tuple(cards)


def matching_cards(search: str) -> list[LibraryCard]:
    """The library entries whose name, target or aliases contain every word searched for."""
    words = normalized_name(search).split()
    if not words:
        return list(library_cards())
    found = []
    for card in library_cards():
        aliases = library()[card.entry_id].get("aliases", [])
        haystack = normalized_name(" ".join([card.name, card.target, *map(str, aliases)]))
        if all(word in haystack for word in words):
            found.append(card)
    return found
