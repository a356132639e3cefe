"""Write a routine's data as a routine file: dict -> TOML text, for the page's Save routine.

The data is what the editor builds (texts, lists of texts and one [details] table), so a few lines
cover it; JSON's string escapes are valid in TOML's basic strings. Whatever the page saves, it opens
again: the characters JSON leaves as they are and TOML refuses are escaped too.
"""

from __future__ import annotations

import json
from typing import Any


def routine_toml(data: dict[str, Any]) -> str:
    lines = ["# A routine made with handout's web page: open it there again, or build it with handout build"]
    lines += [
        f"{key} = {value_toml(value)}" for key, value in data.items() if not isinstance(value, list | dict)
    ]
    details = data.get("details")
    if details:
        lines += ["", "[details]", *(f"{key} = {value_toml(value)}" for key, value in details.items())]
    for stretch in data.get("stretches", []):
        lines += ["", "[[stretches]]", *(f"{key} = {value_toml(value)}" for key, value in stretch.items())]
    return "\n".join(lines) + "\n"


UNWRITABLE = {0x7F: "\\u007F", **{code: "\ufffd" for code in range(0xD800, 0xE000)}}
"""What JSON leaves as it is but a TOML file may not hold: DEL must be escaped, and a lone surrogate
(which no UTF-8 file can hold) becomes the replacement character."""


def value_toml(value: Any) -> str:
    if isinstance(value, list):
        if not value:
            return "[]"
        return "[\n" + "".join(f"  {value_toml(item)},\n" for item in value) + "]"
    return json.dumps(str(value), ensure_ascii=False).translate(UNWRITABLE)
