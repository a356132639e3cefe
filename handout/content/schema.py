"""Read a TOML file written by a user and check its tables field by field, collecting every problem.

Routine and layout files are written by hand by coaches, so a file is checked whole and all its problems
are reported together, each naming the file, the place in it and the key, with a hint where one helps.
"""

from __future__ import annotations

import datetime
import re
import reprlib
import unicodedata
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import Any

import tomli

from handout.content.input_file import read_user_file
from handout.errors import HandoutError

MAX_DEPTH = 16
"""Tables and lists inside each other: a routine needs 4 levels, a layout 3; deeper is not a routine."""
QUOTE_LENGTH = 60
"""Characters of a user's value quoted in a message: enough to recognise it, never a screenful."""
GROUP_FROM = 3
"""The same problem this many times or more is one grouped line, not one line each."""


def read_text(path: Path, shown_as: str, what: str) -> str:
    """A user's text file as a string; `shown_as` is the name the user knows it by, `what` its kind.

    Only a regular file of at most its kind's size is read (content/input_file.py), so a folder, a
    pipe, a device or a huge file is refused in one line instead of hanging or filling the memory.
    """
    data = read_user_file(path, shown_as, what)
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
    return parse_toml(read_text(path, shown_as, what), shown_as)


def parse_toml(text: str, shown_as: str) -> dict[str, Any]:
    """A user's TOML text (a file's, or one the web page was sent) -> its data, with the line and column
    of a syntax error in the message; tables and lists nested deeper than MAX_DEPTH are refused.

    tomli, not the standard library's tomllib: tomllib is tomli's pure-Python copy, and tomli's compiled
    wheel parses the stretch library three times as fast (a cold `handout build` reads eight TOML files).
    """
    try:
        data = tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        raise HandoutError(f"{shown_as}: not valid TOML: {error}") from None
    except RecursionError:
        raise HandoutError(too_deep(shown_as)) from None
    if nesting_depth(data) > MAX_DEPTH:
        raise HandoutError(too_deep(shown_as))
    return data


def nesting_depth(value: object) -> int:
    """How many tables and lists deep a parsed TOML value goes, counted without recursion."""
    deepest, stack = 0, [(value, 0)]
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        if depth > MAX_DEPTH:
            break
        if isinstance(item, dict):
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)
    return deepest


def too_deep(shown_as: str) -> str:
    return (
        f"{shown_as}: tables or lists are nested more than {MAX_DEPTH} levels deep "
        "(many [ or { inside each other, or a key with many dots): this is not a routine or layout file"
    )


def cut(text: str, limit: int = QUOTE_LENGTH) -> str:
    """A text for a message, one line, cut to `limit` characters (for a library's own words about a
    user's value, which may quote it whole)."""
    text = " ".join("".join(c if c.isprintable() else " " for c in text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quoted(value: object) -> str:
    """A user's value as a message quotes it: text in double quotes, anything cut to about 60 characters."""
    if isinstance(value, str):
        text = "".join(c if c.isprintable() else " " for c in value)
        return f'"{text}"' if len(text) <= QUOTE_LENGTH else f'"{text[: QUOTE_LENGTH - 1]}…" (cut short)'
    shown = _short_repr.repr(value)
    return shown if len(shown) <= QUOTE_LENGTH else shown[: QUOTE_LENGTH - 1] + "…"


def _make_short_repr() -> reprlib.Repr:
    shortened = reprlib.Repr()
    shortened.maxlevel, shortened.maxstring, shortened.maxother = 2, QUOTE_LENGTH, QUOTE_LENGTH
    shortened.maxlist = shortened.maxdict = 4
    return shortened


_short_repr = _make_short_repr()


def closest(word: str, choices: Collection[str]) -> str:
    """A ` (did you mean "x"?)` hint, or nothing when no choice is close."""
    import difflib  # here: only a mistyped name pays for it (and for heapq)

    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f' (did you mean "{matches[0]}"?)' if matches else ""


class Checker:
    """Collects the problems of one file; `done()` raises them all at once."""

    def __init__(self, shown_as: str) -> None:
        self.shown_as = shown_as
        self.problems: list[str] = []
        self.repeated: dict[tuple[str, str], list[tuple[str, str]]] = {}
        """Problems of one kind that may come many times: (summary, fix) -> [(where, message)]."""

    def problem(self, where: str, message: str) -> None:
        place = f"{self.shown_as}: {where}: " if where else f"{self.shown_as}: "
        self.problems.append(place + message)

    def repeatable(self, where: str, message: str, *, summary: str, fix: str) -> None:
        """A problem that can come once per stretch or key point: reported as it is when it comes once
        or twice, as one line ("64 key points are over 300 characters (stretches 1-8): ...") when more."""
        self.repeated.setdefault((summary, fix), []).append((where, message))

    def all_problems(self) -> list[str]:
        """Every problem found, the repeated ones grouped, each line once, in the order found."""
        grouped: list[str] = []
        for (summary, fix), found in self.repeated.items():
            if len(found) < GROUP_FROM:
                place = [
                    f"{self.shown_as}: {where}: " if where else f"{self.shown_as}: " for where, _ in found
                ]
                grouped += [start + message for start, (_, message) in zip(place, found, strict=True)]
            else:
                where = places(where for where, _ in found)
                grouped.append(f"{self.shown_as}: {len(found)} {summary} ({where}): {fix}")
        return list(dict.fromkeys([*self.problems, *grouped]))

    def done(self) -> None:
        problems = self.all_problems()
        if problems:
            raise HandoutError(*problems)

    def keys(self, table: dict[str, Any], allowed: Collection[str], where: str) -> None:
        """Report keys the table may not have, with the closest allowed key as a hint."""
        for key in table:
            if key not in allowed:
                self.problem(where, f"unknown key {quoted(key)}{closest(key[:80], allowed)}")

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
            self.repeatable(
                where,
                f"{label} is empty: write some text or remove it",
                summary=f"{plural(label)} are empty",
                fix="write some text in each or remove them",
            )
            return None
        if len(tidy) > max_length:
            self.repeatable(
                where,
                f"{label} is {len(tidy)} characters long: keep it under {max_length}",
                summary=f"{plural(label)} are over {max_length} characters",
                fix=f"keep each under {max_length}",
            )
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
            self.problem(where, f'"{key}" is {quoted(value)}: it must be between {low:g} and {high:g}')
            return default
        return float(value)

    def integer(
        self, table: dict[str, Any], key: str, where: str, *, low: int, high: int, default: int
    ) -> int:
        """A whole number (2, or 2.0) between `low` and `high`: a count like columns = 1.5 is refused, not
        cut to 1."""
        value = table.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problem(where, f'"{key}" must be a whole number, not {type_name(value)}')
            return default
        if not low <= value <= high or value != int(value):
            self.problem(where, f'"{key}" is {quoted(value)}: it must be a whole number from {low} to {high}')
            return default
        return int(value)

    def choice(
        self, table: dict[str, Any], key: str, where: str, choices: tuple[str, ...], default: str
    ) -> str:
        value = table.get(key, default)
        if value not in choices:
            options = ", ".join(f'"{choice}"' for choice in choices)
            self.problem(where, f'"{key}" is {quoted(value)}: use one of {options}')
            return default
        return str(value)

    def flag(self, table: dict[str, Any], key: str, where: str, default: bool) -> bool:
        value = table.get(key, default)
        if not isinstance(value, bool):
            self.problem(where, f'"{key}" must be true or false, not {quoted(value)}')
            return default
        return value

    def table(self, parent: dict[str, Any], key: str, where: str) -> dict[str, Any]:
        value = parent.get(key, {})
        if not isinstance(value, dict):
            self.problem(where, f'"{key}" must be a table ([{key}]), not {type_name(value)}')
            return {}
        return value


def plural(label: str) -> str:
    """ "key point 3" -> "key points", '"name"' -> '"name" values': how a grouped message counts them."""
    noun = re.sub(r"\s*\d+$", "", label)
    return f"{noun} values" if noun.startswith('"') else f"{noun}s"


def places(wheres: Iterable[str]) -> str:
    """Where a repeated problem is: "stretches 1-3, 5" when each place is a stretch, else the first few."""
    distinct = list(dict.fromkeys(wheres))
    numbers = [re.match(r"stretch (\d+)", where) for where in distinct]
    if distinct and all(numbers):
        return "stretches " + number_ranges(int(match[1]) for match in numbers if match)
    shown = ", ".join(distinct[:3])
    return shown + (f" and {len(distinct) - 3} more" if len(distinct) > 3 else "")


def number_ranges(numbers: Iterable[int]) -> str:
    """2, 3, 4, 7 -> "2-4, 7"."""
    spans: list[list[int]] = []
    for number in sorted(set(numbers)):
        if spans and number == spans[-1][1] + 1:
            spans[-1][1] = number
        else:
            spans.append([number, number])
    return ", ".join(str(low) if low == high else f"{low}-{high}" for low, high in spans)


INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad\u180e"))
"""Zero-width space, word joiner, byte-order mark, soft hyphen, Mongolian vowel separator: they print
nothing a sheet needs (or a gap), and copy and paste brings them in unseen."""
JOINERS = "\u200c\u200d"
"""Zero-width non-joiner and joiner shape some scripts (Persian, Indic, emoji); between Latin, Greek,
Cyrillic or CJK letters, or beside anything else, they only print as gaps."""
DIRECTION_MARKS = "\u200e\u200f"
"""The left-to-right and right-to-left marks: they order a right-to-left line and print nothing (the
layout's fonts leave them out once the line is ordered)."""
KEPT_FORMAT = "\u00a0" + DIRECTION_MARKS
"""Kept though not printable: the no-break space, and in a text with right-to-left letters the left-to-right
and right-to-left marks, which put a number or a Latin word on its side of the line (the drawing leaves
them out once the line is in order)."""
_PLAIN_SCRIPTS = ("LATIN", "GREEK", "CYRILLIC", "CJK", "HIRAGANA", "KATAKANA", "HANGUL", "DIGIT")


def tidy_text(value: str) -> str:
    """Normalise a user's text as it is printed: composed accents (NFC: "e" + U+0301 -> "é"), invisible
    characters dropped, the lines of a multi-line TOML string joined and control characters gone (a
    sheet has no tabs).

    No-break spaces (U+00A0) stay, so a coach can keep a number and its unit together on one line, and so
    do the direction marks (KEPT_FORMAT).
    """
    if not value.isascii():
        value = unicodedata.normalize("NFC", value).translate(INVISIBLE)
        if any(joiner in value for joiner in JOINERS):
            value = _drop_stray_joiners(value)
    if not value.isprintable():
        kept = KEPT_FORMAT if any(unicodedata.bidirectional(c) in ("R", "AL") for c in value) else "\u00a0"
        value = "".join(c if c.isprintable() or c in kept else " " for c in value)
    return " ".join(word for word in value.split(" ") if word)


def _drop_stray_joiners(value: str) -> str:
    """Keep a joiner only between two letters of a script that uses joiners."""

    def shapes(char: str) -> bool:
        return char.isalpha() and not unicodedata.name(char, "").startswith(_PLAIN_SCRIPTS)

    kept = []
    for index, char in enumerate(value):
        if char in JOINERS:
            before, after = value[index - 1 : index], value[index + 1 : index + 2]
            if not (before and after and shapes(before) and shapes(after)):
                continue
        kept.append(char)
    return "".join(kept)


def type_name(value: object) -> str:
    if isinstance(value, datetime.date | datetime.time):
        return "a date or time (put it in quotes to print it as text)"
    names = {
        str: "text",
        int: "a number",
        float: "a number",
        bool: "true/false",
        list: "a list",
        dict: "a table",
    }
    return names.get(type(value), type(value).__name__)
