"""Read a TOML file written by a user and check its tables field by field, collecting every problem.

Routine and layout files are written by hand by coaches, so a file is checked whole and all its problems
are reported together, each naming the file, the place in it and the key, with a hint where one helps.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Collection
from pathlib import Path
from typing import Any

from handout.errors import HandoutError


def read_text(path: Path, shown_as: str, what: str) -> str:
    """A user's text file as a string; `shown_as` is the name the user knows it by, `what` its kind."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise HandoutError(f"{shown_as}: no such {what} file: check the name and folder") from None
    except IsADirectoryError:
        raise HandoutError(f"{shown_as}: is a folder, not {_article(what)} {what} file") from None
    except OSError as error:
        raise HandoutError(f"{shown_as}: cannot read it ({error.strerror})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise HandoutError(
            f"{shown_as}: is not UTF-8 text (byte {error.start + 1}): save it as UTF-8 in your editor"
        ) from None


def file_stamp(path: Path) -> tuple[int, int] | None:
    """When a file last changed and its size, to reuse what was read from it while it stays the same;
    None when it cannot be read (the reader then reports why)."""
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


def read_toml(path: Path, shown_as: str, what: str) -> dict[str, Any]:
    """Parse a user's TOML file, with the line and column of a syntax error in the message."""
    text = read_text(path, shown_as, what)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise HandoutError(f"{shown_as}: not valid TOML: {error}") from None


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def closest(word: str, choices: Collection[str]) -> str:
    """A ` (did you mean "x"?)` hint, or nothing when no choice is close."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f' (did you mean "{matches[0]}"?)' if matches else ""


class Checker:
    """Collects the problems of one file; `done()` raises them all at once."""

    def __init__(self, shown_as: str) -> None:
        self.shown_as = shown_as
        self.problems: list[str] = []

    def problem(self, where: str, message: str) -> None:
        place = f"{self.shown_as}: {where}: " if where else f"{self.shown_as}: "
        self.problems.append(place + message)

    def done(self) -> None:
        if self.problems:
            raise HandoutError(*self.problems)

    def keys(self, table: dict[str, Any], allowed: Collection[str], where: str) -> None:
        """Report keys the table may not have, with the closest allowed key as a hint."""
        for key in table:
            if key not in allowed:
                self.problem(where, f'unknown key "{key}"{closest(key, allowed)}')

    def text(
        self, table: dict[str, Any], key: str, where: str, *, required: bool, max_length: int = 500
    ) -> str | None:
        """A non-empty string with its whitespace tidied, or None (and a problem if it was required)."""
        value = table.get(key)
        if value is None:
            if required:
                self.problem(where, f'missing key "{key}": add {key} = "..."')
            return None
        return self.text_value(value, f'"{key}"', where, max_length)

    def text_value(self, value: object, label: str, where: str, max_length: int) -> str | None:
        if not isinstance(value, str):
            self.problem(where, f"{label} must be text in quotes, not {type_name(value)}")
            return None
        tidy = tidy_text(value)
        if not tidy.split():  # nothing, or only no-break spaces, which print nothing either
            self.problem(where, f"{label} is empty: write some text or remove it")
            return None
        if len(tidy) > max_length:
            self.problem(where, f"{label} is {len(tidy)} characters long: keep it under {max_length}")
            return None
        return tidy

    def number(
        self, table: dict[str, Any], key: str, where: str, *, low: float, high: float, default: float
    ) -> float:
        value = table.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problem(where, f'"{key}" must be a number, not {type_name(value)}')
            return default
        if not low <= value <= high:
            self.problem(where, f'"{key}" is {value}: it must be between {low:g} and {high:g}')
            return default
        return float(value)

    def choice(
        self, table: dict[str, Any], key: str, where: str, choices: tuple[str, ...], default: str
    ) -> str:
        value = table.get(key, default)
        if value not in choices:
            options = ", ".join(f'"{choice}"' for choice in choices)
            self.problem(where, f'"{key}" is {value!r}: use one of {options}')
            return default
        return str(value)

    def flag(self, table: dict[str, Any], key: str, where: str, default: bool) -> bool:
        value = table.get(key, default)
        if not isinstance(value, bool):
            self.problem(where, f'"{key}" must be true or false, not {value!r}')
            return default
        return value

    def table(self, parent: dict[str, Any], key: str, where: str) -> dict[str, Any]:
        value = parent.get(key, {})
        if not isinstance(value, dict):
            self.problem(where, f'"{key}" must be a table ([{key}]), not {type_name(value)}')
            return {}
        return value


def tidy_text(value: str) -> str:
    """Join the lines of a multi-line TOML string and drop control characters: a sheet has no tabs.

    No-break spaces (U+00A0) stay, so a coach can keep a number and its unit together on one line.
    """
    if not value.isprintable():
        value = "".join(c if c.isprintable() or c == "\u00a0" else " " for c in value)
    return " ".join(word for word in value.split(" ") if word)


def type_name(value: object) -> str:
    names = {
        str: "text",
        int: "a number",
        float: "a number",
        bool: "true/false",
        list: "a list",
        dict: "a table",
    }
    return names.get(type(value), type(value).__name__)
