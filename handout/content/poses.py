"""Read a pose file: images/NAME.toml -> Pose, checked key by key.

A pose file gives the mannequin's joints in centimetres with y up from the floor, the figure facing right
(`facing = "left"` mirrors it), the muscles to highlight and what it stands or lies on. Drawing the pose
is draw/figures.py's job; this module only reads and checks what the file says.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from handout.content.schema import Checker, closest, file_stamp, read_toml, type_name
from handout.model import HIGHLIGHTS, JOINTS, PARTS, Facing, Ground, Point, Pose

KEYS = ("facing", "ground", "wall", "highlight", "order", "joints")


def load_pose(path: Path) -> Pose:
    """Read and check a pose file; every problem is reported at once, naming the file and the key.

    A pose is read once while its file stays the same: every sheet of a batch draws the same poses.
    """
    return _load_pose(path, file_stamp(path))


@lru_cache(maxsize=256)
def _load_pose(path: Path, stamp: tuple[int, int] | None) -> Pose:
    shown_as = f"{path.parent.name}/{path.name}"
    data = read_toml(path, shown_as, "pose")
    check = Checker(shown_as)
    check.keys(data, KEYS, "")
    for key in ("joints", "highlight"):
        if key not in data:
            check.problem("", f'missing key "{key}": see images/standing-quad.toml for an example')
    joints = _joints(data.get("joints", {}), check)
    highlight = _names(data.get("highlight", []), "highlight", HIGHLIGHTS, check)
    order = _names(data.get("order", list(PARTS)), "order", PARTS, check)
    if order and sorted(order) != sorted(PARTS):
        check.problem("order", f"list each of {', '.join(PARTS)} once, back to front")
    facing = check.choice(data, "facing", "facing", ("right", "left"), "right")
    ground = check.choice(data, "ground", "ground", ("floor", "mat", "none"), "floor")
    wall = check.number(data, "wall", "wall", low=-300, high=300, default=0) if "wall" in data else None
    check.done()
    return Pose(path.stem, joints, highlight, cast(Facing, facing), cast(Ground, ground), wall, order)


def _joints(table: Any, check: Checker) -> tuple[tuple[str, Point], ...]:
    if not isinstance(table, dict):
        check.problem("joints", f"must be a table ([joints]), not {type_name(table)}")
        return ()
    joints = []
    for name in table:
        if name not in JOINTS:
            check.problem(f"joints.{name}", f"unknown joint{closest(name, JOINTS)}")
    for name in JOINTS:
        value = table.get(name)
        if value is None:
            check.problem(
                f"joints.{name}", f"missing: add {name} = [x, y] (centimetres, y up from the floor)"
            )
        elif (
            isinstance(value, list)
            and len(value) == 2
            and all(isinstance(v, int | float) and not isinstance(v, bool) and abs(v) <= 300 for v in value)
        ):
            joints.append((name, (float(value[0]), float(value[1]))))
        else:
            check.problem(
                f"joints.{name}", f"must be two numbers [x, y] in centimetres, like [12, 90], not {value!r}"
            )
    return tuple(joints)


def _names(value: Any, key: str, allowed: tuple[str, ...], check: Checker) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(item, str) for item in value):
        check.problem(key, f'must be a list of names in quotes, like ["{allowed[0]}"], not {value!r}')
        return ()
    for item in value:
        if item not in allowed:
            check.problem(
                key, f'unknown name "{item}"{closest(item, allowed)}; use one of: {", ".join(allowed)}'
            )
    return tuple(value)
