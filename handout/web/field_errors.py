"""Put the CLI's error messages next to the field they concern: messages -> {field id: [messages]}.

The messages are the CLI's own words (they name the stretch and the key, like `stretch 2: "target" is
empty`), so the page reads the place out of them instead of keeping a second set of messages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from handout.errors import first_problems
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


def shown_errors(pressed: Iterable[str], pressed_slot: str, sheet: Iterable[str]) -> dict[str, list[str]]:
    """The alerts of a page, by the id of the field each message names (`s2-target`, `title`, `layout`,
    ...): the pressed button's problems beside its own field (`pressed_slot`: the routine file for Open)
    when they name none, the sheet's under GENERAL; each worded for the page, each once (a button's
    problem is often said again by the preview made after it), and at most MAX_ALERTS to a field."""
    shown: dict[str, list[str]] = {}
    for default, messages in ((pressed_slot, pressed), (GENERAL, sheet)):
        for message in messages:
            slot = field_of(message)
            kept = shown.setdefault(default if slot == GENERAL else slot, [])
            worded = for_the_page(message)
            if worded not in kept:
                kept.append(worded)
    return {slot: first_problems(messages, MAX_ALERTS) for slot, messages in shown.items()}


MAX_ALERTS = 8
"""Messages one field's alert shows at most: a file with 300 unknown keys is said in 8 lines and a count."""


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
