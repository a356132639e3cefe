"""Read a pose file: images/NAME.toml -> Pose, checked key by key.

A pose file gives the mannequin's joints in centimetres with y up from the floor, the figure facing right
(`facing = "left"` mirrors it), the muscles to highlight and what it stands, lies or sits on. Joints are
[x, y] in the picture's plane, or [x, y, z] in 3D (x forward, y up, z towards the figure's near side):
3D joints are projected here to the pose's `view` ("side" looks along z, "front" along x), seen from
`tilt` degrees above if the file says (a figure lying on its back, seen from the side and above, shows
its near and far side spread apart on the mat), and the limbs are then ordered back to front by their
depth unless the file gives `order`. Drawing the pose is
draw/figures.py's job; this module only reads, checks and projects what the file says.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from handout.content.schema import Checker, closest, file_stamp, quoted, read_toml, type_name
from handout.model import (
    HIGHLIGHTS,
    JOINTS,
    PARTS,
    Facing,
    Ground,
    Point,
    Pose,
    Prop,
    PropKind,
    View,
)

KEYS = ("facing", "ground", "wall", "highlight", "order", "joints", "view", "tilt", "step", "chair")
PROP_KEYS: tuple[PropKind, ...] = ("step", "chair")
Joint3D = tuple[float, float, float | None]


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
    view = cast(View, check.choice(data, "view", "view", ("side", "front"), "side"))
    joints3d = _joints(data.get("joints", {}), check)
    tilt = check.number(data, "tilt", "tilt", low=0, high=90, default=0)
    if tilt and any(z is None for _, (_, _, z) in joints3d):
        check.problem("tilt", "a view seen from above needs every joint in 3D, [x, y, z]")
    highlight = _names(data.get("highlight", []), "highlight", HIGHLIGHTS, check)
    order = _names(data.get("order", list(PARTS)), "order", PARTS, check)
    if order and sorted(order) != sorted(PARTS):
        check.problem("order", f"list each of {', '.join(PARTS)} once, back to front")
    facing = check.choice(data, "facing", "facing", ("right", "left"), "right")
    ground = check.choice(data, "ground", "ground", ("floor", "mat", "mat_above", "none"), "floor")
    wall = check.number(data, "wall", "wall", low=-300, high=300, default=0) if "wall" in data else None
    props = tuple(
        prop for kind in PROP_KEYS if kind in data for prop in [_prop(data[kind], kind, check)] if prop
    )
    check.done()
    if "order" not in data and all(z is not None for _, (_, _, z) in joints3d):
        order = depth_order(joints3d, view, tilt)
    joints = project(joints3d, view, tilt)
    return Pose(
        path.stem, joints, highlight, cast(Facing, facing), cast(Ground, ground), wall, order, view, props
    )


def project(
    joints: tuple[tuple[str, Joint3D], ...], view: View, tilt: float = 0.0
) -> tuple[tuple[str, Point], ...]:
    """Joints in the picture's plane: a side view keeps (x, y), a front view shows (z, y).

    Seen from `tilt` degrees above, a joint nearer the viewer (z in a side view, x in a front view) is
    lower in the picture: the floor under a figure lying on its back opens up like a mat seen from above.
    """
    if not tilt:
        if view == "side":
            return tuple((name, (x, y)) for name, (x, y, _) in joints)
        return tuple((name, (z if z is not None else x, y)) for name, (x, y, z) in joints)
    up, towards = math.cos(math.radians(tilt)), math.sin(math.radians(tilt))
    return tuple(
        (name, (x, y * up - (z or 0.0) * towards) if view == "side" else (z or 0.0, y * up - x * towards))
        for name, (x, y, z) in joints
    )


def depth_order(joints: tuple[tuple[str, Joint3D], ...], view: View, tilt: float = 0.0) -> tuple[str, ...]:
    """The parts back to front by the mean depth of their joints (z in a side view, x in a front view;
    seen from above, the higher a joint the nearer)."""
    up, towards = math.cos(math.radians(tilt)), math.sin(math.radians(tilt))

    def depth(part: str) -> float:
        prefix = "" if part == "body" else part.split("_")[0] + "_"
        chosen = [
            ((z if view == "side" else x) or 0.0) * up + y * towards
            for name, (x, y, z) in joints
            if (name.startswith(prefix) if prefix else "_" not in name)
        ]
        return sum(chosen) / len(chosen)

    return tuple(sorted(PARTS, key=depth))


def _prop(value: Any, kind: PropKind, check: Checker) -> Prop | None:
    if (
        isinstance(value, list)
        and len(value) == 3
        and all(isinstance(v, int | float) and not isinstance(v, bool) and abs(v) <= 300 for v in value)
        and value[0] < value[1]
        and 0 < value[2] <= 150
    ):
        return Prop(kind, float(value[0]), float(value[1]), float(value[2]))
    check.problem(
        kind,
        "must be three numbers [from x, to x, height] in centimetres, like [-20, 20, 18], "
        f"not {quoted(value)}",
    )
    return None


def _joints(table: Any, check: Checker) -> tuple[tuple[str, Joint3D], ...]:
    if not isinstance(table, dict):
        check.problem("joints", f"must be a table ([joints]), not {type_name(table)}")
        return ()
    joints: list[tuple[str, Joint3D]] = []
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
            and len(value) in (2, 3)
            and all(isinstance(v, int | float) and not isinstance(v, bool) and abs(v) <= 300 for v in value)
        ):
            depth = float(value[2]) if len(value) == 3 else None
            joints.append((name, (float(value[0]), float(value[1]), depth)))
        else:
            check.problem(
                f"joints.{name}",
                "must be two numbers [x, y] or three [x, y, z] in centimetres, like [12, 90], "
                f"not {quoted(value)}",
            )
    return tuple(joints)


def _names(value: Any, key: str, allowed: tuple[str, ...], check: Checker) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(item, str) for item in value):
        check.problem(key, f'must be a list of names in quotes, like ["{allowed[0]}"], not {quoted(value)}')
        return ()
    for item in value:
        if item not in allowed:
            check.problem(
                key, f'unknown name "{item}"{closest(item, allowed)}; use one of: {", ".join(allowed)}'
            )
    return tuple(value)
