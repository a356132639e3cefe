"""Drafted stretches -> the routine file's TOML, with a `# TODO` comment on each field to check.

Every field `handout build` requires is filled: with the article's words, the library's, or a marked
placeholder that prints ("TODO: ..."), so the file builds as it is and the coach sees what to fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PLACEHOLDER_TITLE = "TODO: the title of this sheet"
PLACEHOLDER_TARGET = "TODO: the target muscle"
PLACEHOLDER_POINT = "TODO: write the steps of this stretch (the article gives none)."


@dataclass(frozen=True)
class Draft:
    """A stretch ready to write: the library entry it uses (if any) fills what the article does not say."""

    name: str
    target: str | None  # None: the library's, or the placeholder
    key_points: tuple[str, ...]  # empty: the library's, or the placeholder
    hold: str | None
    use: str | None
    line: int
    likely: str | None = None
    """Why the library entry is only likely the article's stretch (None: sure, or no entry)."""


def routine_toml(title: str | None, subtitle: str | None, lang: str | None, drafts: list[Draft]) -> str:
    """The routine file, filled so that it builds, with a TODO comment on each placeholder."""
    lines = [
        "# Imported from an article by `handout import`: check every field, fix each TODO,",
        "# then make the sheet with `handout build THIS-FILE.toml`.",
        f"title = {toml_string(title or PLACEHOLDER_TITLE)}"
        + ("" if title else "  # TODO: the article has no title line"),
    ]
    if subtitle:
        lines.append(f"subtitle = {toml_string(subtitle)}")
    if lang:
        lines.append(f"lang = {toml_string(lang)}")
    for draft in drafts:
        lines += ["", f"# From line {draft.line} of the article.", "[[stretches]]"]
        if draft.use and draft.likely:
            lines.append(f"use = {toml_string(draft.use)}  # TODO: check the picture, likely this stretch:")
            lines.append(f"# {draft.likely} (other figures: `handout stretches`)")
        elif draft.use:
            lines.append(f"use = {toml_string(draft.use)}  # from the stretch library: its picture, and what")
            lines.append("# the article does not say (list them with `handout stretches`)")
        lines.append(f"name = {toml_string(draft.name)}")
        if draft.target:
            lines.append(f"target = {toml_string(draft.target)}")
        elif not draft.use:
            lines.append(f"target = {toml_string(PLACEHOLDER_TARGET)}  # TODO: the article names no muscle")
        if draft.hold:
            lines.append(f"hold = {toml_string(draft.hold)}")
        if draft.key_points:
            lines.append("key_points = [")
            lines += [f"  {toml_string(point)}," for point in draft.key_points]
            lines.append("]")
        elif not draft.use:
            lines.append(f"key_points = [{toml_string(PLACEHOLDER_POINT)}]  # TODO: write 1 to 8 steps")
    return "\n".join(lines) + "\n"


ESCAPED = re.compile(r'["\\\x00-\x1f\x7f]')
TOML_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def toml_string(value: str) -> str:
    """A TOML basic string: quotes and backslashes escaped, control characters as \\uXXXX."""
    escaped = ESCAPED.sub(lambda match: TOML_ESCAPES.get(match[0]) or f"\\u{ord(match[0]):04X}", value)
    return f'"{escaped}"'
