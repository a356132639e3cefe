"""Put the CLI's error messages next to the field they concern: messages -> {field id: [messages]}.

The messages are the CLI's own words (they name the stretch and the key, like `stretch 2: "target" is
empty`), so the page reads the place out of them instead of keeping a second set of messages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

GENERAL = "general"
_STRETCH = re.compile(r"\bstretch (\d+)\b")
_STRETCH_FIELDS = (
    ("photo", re.compile(r'\bphoto\b|"image"|\bimage "')),
    ("name", re.compile(r'"name"')),
    ("target", re.compile(r'"target"')),
    ("hold", re.compile(r'"hold"')),
    ("points", re.compile(r'"key_points"|\bkey points?\b|\bcues?\b')),
)
_ROUTINE_FIELDS = (
    ("title", re.compile(r'"title"|: title\b')),
    ("subtitle", re.compile(r'"subtitle"|: subtitle\b')),
    ("club", re.compile(r"\b(club)\b")),
    ("date", re.compile(r"\bdate\b")),
    ("url", re.compile(r"\burl\b")),
    ("contact", re.compile(r"\bcontact\b")),
)


def field_errors(messages: Iterable[str]) -> dict[str, list[str]]:
    """Each message under the id of the field it names (`s2-target`, `title`, ...), or under GENERAL."""
    found: dict[str, list[str]] = {}
    for message in messages:
        found.setdefault(field_of(message), []).append(message)
    return found


def field_of(message: str) -> str:
    stretch = _STRETCH.search(message)
    if stretch:
        for name, pattern in _STRETCH_FIELDS:
            if pattern.search(message):
                return f"s{stretch.group(1)}-{name}"
        return GENERAL
    if "[details]" in message or "the details" in message:
        for name, pattern in _ROUTINE_FIELDS[2:]:
            if pattern.search(message):
                return name
        return GENERAL
    for name, pattern in _ROUTINE_FIELDS[:2]:
        if pattern.search(message):
            return name
    return GENERAL
