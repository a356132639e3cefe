"""Write a routine's data as a routine file: dict -> TOML text, for the page's Save routine.

The data is what the editor builds (texts, lists of texts and one [details] table), so a few lines
cover it; JSON's string escapes are valid in TOML's basic strings.
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


def value_toml(value: Any) -> str:
    if isinstance(value, list):
        if not value:
            return "[]"
        return "[\n" + "".join(f"  {value_toml(item)},\n" for item in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)
