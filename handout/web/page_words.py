"""The web page's own wording of a message: the coach never saw the command line nor a routine file.

The stages below speak the CLI's language (`--layout grid`, `"key_points"`, `[[stretches]] table`,
"list them with: handout stretches"), which is right in a terminal. The page shows each message beside
the field it is about, so it names that field as the page labels it, and each fix as a thing to do on
the page. Each rewrite is one rule, tried in order; a message no rule knows stays as it is.
"""

from __future__ import annotations

import re

FIELD_LABELS = {
    "key_points": "Key points",
    "cues": "Cues",
    "name": "Name",
    "target": "Target",
    "hold": "Hold",
    "title": "Title",
    "subtitle": "Subtitle",
    "image": "Photo",
}

REWRITES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"^the routine: ", ""),
        (r"(^|: )stretch (\d+)", r"\1Stretch \2"),
        (r'"(key_points|cues)" has 0 [a-z ]+: give 1 to (\d+)', r"\1: write 1 to \2, one per line"),
        (r'"(key_points|cues)" has (\d+) [a-z ]+: give 1 to (\d+)', r"\1: \2 lines; keep 1 to \3"),
        (r'"(\w+)" is empty: write some text or remove it', r"\1 is empty: write it"),
        (r'"(\w+)" is (\d+) characters long', r"\1 is \2 characters long"),
        (r"\bkey point (\d+) is", r"line \1 of the key points is"),
        (r'"use" names no stretch in the library: "([^"]*)"', r"“\1” is not a stretch of the library"),
        (r"; list them with: handout stretches", ": add it from the library on this page instead"),
        (
            r'"lang" is "([^"]*)": handout prints its own words \(Target, Hold, the safety advice\) in .*',
            r"the language “\1” is not one the sheet prints: choose one in Print options, Language",
        ),
        (
            r"no stretches: add at least one \[\[stretches\]\] table with name, target and key_points",
            "no stretches: add them from the library",
        ),
        (r"unknown key \"([^\"]*)\"", r"“\1” is not something this page knows: it was left out"),
        (
            r"split the routine into two sheets or use (.*)$",
            r"remove some, or choose another layout in Print options: \1",
        ),
        (r"split the routine into two sheets", "remove some to make two sheets"),
        (r"--layout ([\w-]+)", r"\1"),
        (
            r"or use a layout with fewer stretches per page",
            "or choose a layout with fewer stretches in Print options",
        ),
        (r"use a layout with fewer columns", "choose another layout in Print options"),
        (r"give it short cues, like cues = \[.*\]", "shorten its key points"),
        (
            r"^the layout file: not valid TOML: (.*?) \(at line (\d+), column (\d+)\)",
            r"Your own layout file cannot be read (line \2, column \3: \1): "
            "mend it, or choose a bundled layout",
        ),
        (
            r": not valid TOML: (.*?) \(at line (\d+), column (\d+)\)",
            r": is not a routine file this page can read (line \2, column \3: \1)",
        ),
        (
            r'^--to "([^"]*)"(?: \(cut short\))? is not an e-mail address: give one plain address',
            r"“\1” in E-mail to is not an e-mail address: give one address",
        ),
        (
            r'^--from "([^"]*)"(?: \(cut short\))? is not an e-mail address: give one plain address',
            r"“\1” in E-mail from is not an e-mail address: give your own address",
        ),
        (r"^the layout file: ", "Your own layout file: "),
        (r"\(\.toml\)", ""),
    )
)
"""(pattern, replacement) in order: the first ones take the CLI's frame off, the later ones its words."""


def for_the_page(message: str) -> str:
    """A message of the stages below, worded for the web page."""
    for pattern, replacement in REWRITES:
        message = pattern.sub(replacement, message)
    for key, label in FIELD_LABELS.items():
        message = re.sub(rf"(?<![\w“]){key}(?=:| is )", label, message)
    return " ".join(message.split())
