"""Put the CLI's error messages next to the field they concern: messages -> {field id: [messages]}.

The messages are the CLI's own words (they name the stretch and the key, like `stretch 2: "target" is
empty`), so the page reads the place out of them instead of keeping a second set of messages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from handout.web.page_words import for_the_page

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


_PRINT_OPTIONS = (
    (
        "layout",
        re.compile(r"^the layout file: |\bthe [\w-]+ layout takes at most\b|\bthe layout's columns\b"),
    ),
    ("email_to", re.compile(r"^--to ")),
    ("email_from", re.compile(r"^--from ")),
)


def field_errors(messages: Iterable[str], default: str = GENERAL) -> dict[str, list[str]]:
    """Each message under the id of the field it names (`s2-target`, `title`, `layout`, ...), or under
    `default`: the field of the button pressed (the routine file for Open), else GENERAL. A message said
    twice (by the button and again by the preview made after it) is shown once."""
    found: dict[str, list[str]] = {}
    for message in messages:
        slot = field_of(message)
        kept = found.setdefault(default if slot == GENERAL else slot, [])
        if message not in kept:
            kept.append(message)
    return found


def shown_errors(pressed: Iterable[str], pressed_slot: str, sheet: Iterable[str]) -> dict[str, list[str]]:
    """The alerts of a page: the button's problems (beside its field when they name none) and the sheet's,
    each worded for the page and each once."""
    shown: dict[str, list[str]] = {}
    for group in (field_errors(pressed, pressed_slot), field_errors(sheet)):
        for slot, messages in group.items():
            kept = shown.setdefault(slot, [])
            kept += [worded for worded in map(for_the_page, messages) if worded not in kept]
    return shown


def field_of(message: str) -> str:
    for name, pattern in _PRINT_OPTIONS:
        if pattern.search(message):
            return name
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
