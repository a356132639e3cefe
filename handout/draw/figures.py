"""Turn a pose into vector shapes: Pose -> the mannequin's outlined limbs and highlighted muscle in a box.

Every bundled illustration is the same mannequin (a 175 cm adult, seen from the side or from the front)
placed in a pose, so adding a stretch means writing down where its joints are (content/poses.py reads
them), not drawing. Parts are drawn back to front in the pose's order, all as thick outlined capsules
with white fill so the sheet prints light; limbs behind the body (the far side's, or any drawn before the
trunk in a front view) are grey. A floor line or mat (edge-on, or from above under a figure lying seen from
above), a wall, a step or a chair is drawn behind it all.
The stretched muscle is a lens filled with the accent colour inside its limb, darker than the white fill
and lighter than the outline, so it still reads in grayscale.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import NamedTuple

from handout.draw.skeleton import (
    ARM,
    BELLY,
    CHEST,
    CHEST_DROP,
    FOOT,
    FRONT_BELLY,
    FRONT_CHEST,
    FRONT_CHEST_DROP,
    HAND_RADIUS,
    HEAD_RADIUS,
    HIP,
    LATERAL,
    LEG,
    NECK,
    Bone,
    Region,
    highlight_region,
)
from handout.model import LIMB_JOINTS, Circle, Color, Path2D, Point, Pose, Prop, Shape

FAR_FILL = "#d9d9d9"
"""Far-side limbs are light grey so they read as behind the body."""
BODY_FILL = "#ffffff"
PROP_FILL = "#f0f0f0"
"""A step or chair is lighter than the far limbs, so the figure stays in front of it."""
STROKE = 1.1
"""Outline width in centimetres of the mannequin: it scales with the figure, within MIN_OUTLINE and
MAX_OUTLINE on paper; a prop's thinner or thicker lines keep their ratio to it."""
MAT_MARGIN = 6.0
"""Centimetres of mat around a figure lying on it, seen from above."""
MIN_STROKE = 0.5
"""Thinnest line in points (a wall's hatching at 2 cm): thinner lines vanish on an office printer."""
MIN_OUTLINE = 0.6
MAX_OUTLINE = 1.0
"""The mannequin's outline in points on paper: a 2 cm figure's does not fade to a hairline (it would be
0.3 pt), a 7 cm or page-sized one's does not thicken into a heavy cartoon (1.1 to 2 pt)."""
MIN_HIGHLIGHT = 7.0
"""The highlighted muscle's width in points (2.5 mm), as far as its limb allows (a small figure's muscle
fills the limb across): seen from 1.5 m a mark needs about 5 arc-minutes, 2.2 mm, so the poster's
muscle reads from across the room."""
DETAIL_SCALE = 0.8
"""Points per centimetre (a body about 5 cm tall) from which hands and feet are drawn as shapes, a
mitten with its thumb and a foot with heel and toes; smaller, a dot and a capsule read better."""
# --- Drawing ------------------------------------------------------------------------------------


class Placement(NamedTuple):
    """Where pose space (centimetres, y up, facing right) lands in a box: scaled, centred, maybe mirrored."""

    scale: float
    """Points per centimetre."""
    left: float
    top: float
    """The pose-space x and y (y up) that land at the figure's left and top edge."""
    x0: float
    y0: float
    width: float
    mirrored: bool
    detailed: bool
    """Hands and feet drawn as shapes (a mitten, a heel and toes): the figure is large enough to show them."""

    def point(self, point: Point) -> Point:
        """A point in pose space -> the same point in the box (origin top-left, y down, points)."""
        x = self.x0 + (point[0] - self.left) * self.scale
        return (self.width - x if self.mirrored else x), self.y0 + (self.top - point[1]) * self.scale


def figure_size(pose: Pose) -> tuple[float, float]:
    """The whole scene's width and height in centimetres (figure, ground, wall, strokes).

    The layout engine is handed this (through the pipeline) to draw every figure of a sheet at one body
    scale: it picks the scale, in points per centimetre, that the most demanding figure allows.
    """
    left, top, right, bottom = _scene_bounds(pose, True)
    return right - left, bottom - top


def placement(pose: Pose, width: float, height: float, scale: float | None = None) -> Placement:
    """Fit the whole scene (figure, ground, wall, strokes) into the box with a small inset, aspect kept.

    With `scale` (points per centimetre, the sheet's one body scale) the figure is drawn at that size,
    centred, unless the box is too small for it, when it is fitted as without. The scale is fitted to
    the scene with hands and feet as shapes (the larger); the scene drawn at that scale is the one centred.
    """
    left, top, right, bottom = _scene_bounds(pose, True)
    inset = max(1.0, 0.03 * min(width, height))
    fitted = min((width - 2 * inset) / (right - left), (height - 2 * inset) / (bottom - top))
    scale = fitted if scale is None else min(scale, fitted)
    detailed = scale >= DETAIL_SCALE
    left, top, right, bottom = _scene_bounds(pose, detailed)
    x0 = (width - (right - left) * scale) / 2
    y0 = (height - (bottom - top) * scale) / 2
    return Placement(scale, left, -top, x0, y0, width, pose.facing == "left", detailed)


@lru_cache(maxsize=128)
def pose_shapes(
    pose: Pose, width: float, height: float, accent: Color, ink: Color, scale: float | None = None
) -> tuple[Shape, ...]:
    """The mannequin in its pose, centred in a width x height box: fitted to it, or at `scale`.

    Highlighted muscles are the shapes filled with `accent`, without outline; nothing else uses that fill.
    Cached: every sheet of a batch draws the same figures in the same boxes.
    """
    fit = placement(pose, width, height, scale)
    scene = _scene(pose, accent, ink, _Detail(fit.detailed, MIN_HIGHLIGHT / fit.scale))
    return tuple(_transformed(shape, fit) for shape in scene)


def _transformed(shape: Shape, fit: Placement) -> Shape:
    """A shape of the scene (pose space with y turned down) placed in the box."""

    def place(point: Point) -> Point:
        return fit.point((point[0], -point[1]))

    outline = min(max(STROKE * fit.scale, MIN_OUTLINE), MAX_OUTLINE)
    stroke_width = max(shape.stroke_width / STROKE * outline, MIN_STROKE) if shape.stroke else 0.0
    if isinstance(shape, Circle):
        return Circle(place(shape.center), shape.radius * fit.scale, shape.stroke, stroke_width, shape.fill)
    segments = tuple(tuple(place(point) for point in segment) for segment in shape.segments)
    return Path2D(place(shape.start), segments, shape.closed, shape.stroke, stroke_width, shape.fill)


@lru_cache(maxsize=256)
def _scene_bounds(pose: Pose, detailed: bool) -> tuple[float, float, float, float]:
    """The scene's bounds, whatever its colours, with hands and feet as shapes or not: measured once per
    pose, as the layout weighs the figure (with them, the larger) and the renderer places it."""
    return _bounds(_scene(pose, BODY_FILL, BODY_FILL, _Detail(detailed, 0.0)))


def _bounds(shapes: tuple[Shape, ...]) -> tuple[float, float, float, float]:
    """Left, top, right, bottom of the shapes with their strokes (Bézier control points included)."""
    boxes = []
    for shape in shapes:
        pad = shape.stroke_width / 2
        if isinstance(shape, Circle):
            pad += shape.radius
            points: list[Point] = [shape.center]
        else:
            points = [shape.start, *(point for segment in shape.segments for point in segment)]
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        boxes.append((min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad))
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


class _Detail(NamedTuple):
    """What the figure's size on paper asks of the drawing."""

    hands_and_feet: bool
    """Hands and feet as shapes: the figure is large enough for them to read."""
    min_highlight: float
    """Centimetres of pose space that make MIN_HIGHLIGHT points on paper."""


def _scene(pose: Pose, accent: Color, ink: Color, detail: _Detail) -> tuple[Shape, ...]:
    """All shapes in pose space turned y-down (centimetres, facing right), back to front."""
    joints = {name: (x, -y) for name, (x, y) in pose.joints}
    paint = _Paint(pose.view, pose.highlight, accent, ink, joints["pelvis"][0], detail)
    figure: list[Shape] = []
    behind_body = True
    for part in pose.order:
        if part == "body":
            figure += _body(joints, paint)
            behind_body = False
        else:
            side, _, kind = part.partition("_")
            grey = behind_body and (side == "far" or pose.view == "front")
            figure += _limb(
                joints, side, ARM if kind == "arm" else LEG, FAR_FILL if grey else BODY_FILL, paint
            )
    left, top, right, bottom = _bounds(tuple(figure))
    if pose.ground == "mat_above":
        return (_mat_above(left, top, right, bottom, ink), *figure)
    return (*_surroundings(pose, left, right, joints, ink), *figure)


class _Paint(NamedTuple):
    """What every part of one figure is drawn with: its view, highlighted muscles and colours."""

    view: str
    highlight: tuple[str, ...]
    accent: Color
    ink: Color
    midline: float
    """x of the pelvis: seen from the front, a limb's outside is away from it."""
    detail: _Detail


def _limb(
    joints: dict[str, Point], side: str, bones: tuple[Bone, ...], fill: Color, paint: _Paint
) -> list[Shape]:
    shapes = _highlights(joints, HIP, f"{side}_", paint) if bones is LEG else []
    for bone in bones:
        if bone is FOOT and paint.detail.hands_and_feet:
            shapes.append(_foot(joints, f"{side}_", fill, paint.ink))
        else:
            shapes.append(_capsule(joints, bone, f"{side}_", fill, paint.ink))
        shapes += _highlights(joints, bone, f"{side}_", paint)
    if bones is ARM and paint.detail.hands_and_feet:
        shapes += _hand(joints, f"{side}_", fill, paint.ink)
    elif bones is ARM:
        shapes.append(Circle(joints[f"{side}_hand"], HAND_RADIUS, paint.ink, STROKE, fill))
    return shapes


def _foot(joints: dict[str, Point], prefix: str, fill: Color, ink: Color) -> Path2D:
    """A foot seen from the side: the heel behind the ankle, the sole, the toes rounded at the toe joint,
    the instep rising to the ankle; its top is the side of the knee, whichever way the foot points."""
    ankle, toe, knee = joints[prefix + "ankle"], joints[prefix + "toe"], joints[prefix + "knee"]
    along = _unit(_sub(toe, ankle))
    up = (-along[1], along[0])
    if (knee[0] - ankle[0]) * up[0] + (knee[1] - ankle[1]) * up[1] < 0:
        up = (-up[0], -up[1])
    length = math.dist(ankle, toe)
    outline = [
        (1.8, 3.8), (-2.0, 3.6), (-4.6, 0.6), (-4.4, -2.6), (-2.2, -4.0), (length * 0.7, -2.6),
        (length + 1.2, -2.2), (length + 2.4, -0.6), (length + 1.6, 1.2), (length * 0.6, 2.6),
    ]  # fmt: skip
    at = [(ankle[0] + along[0] * u + up[0] * v, ankle[1] + along[1] * u + up[1] * v) for u, v in outline]
    return Path2D(at[0], tuple((point,) for point in at[1:]), True, ink, STROKE, fill)


def _hand(joints: dict[str, Point], prefix: str, fill: Color, ink: Color) -> list[Shape]:
    """A mitten at the end of the forearm: the palm and fingers as one rounded block, a thumb beside it."""
    hand, elbow = joints[prefix + "hand"], joints[prefix + "elbow"]
    along = _unit(_sub(hand, elbow))
    side = (along[1], -along[0])

    def at(u: float, v: float) -> Point:
        return hand[0] + along[0] * u + side[0] * v, hand[1] + along[1] * u + side[1] * v

    thumb = _tube(at(-1.5, 1.8), at(1.6, 4.0), 1.5, 1.2, fill, ink, STROKE)
    palm = _tube(at(-2.2, 0.0), at(2.6, 0.3), 3.4, 2.6, fill, ink, STROKE)
    return [thumb, palm]


def _body(joints: dict[str, Point], paint: _Paint) -> list[Shape]:
    """Neck, then the belly and the chest over it (a mannequin's two torso blocks), then the head."""
    front = paint.view == "front"
    chest, belly = (FRONT_CHEST, FRONT_BELLY) if front else (CHEST, BELLY)
    neck, waist = joints["neck"], joints["waist"]
    down = _unit(_sub(waist, neck))
    drop = FRONT_CHEST_DROP if front else CHEST_DROP
    chest_joints = {**joints, "neck": (neck[0] + down[0] * drop, neck[1] + down[1] * drop)}
    return [
        _capsule(joints, NECK, "", BODY_FILL, paint.ink),
        _capsule(joints, belly, "", BODY_FILL, paint.ink),
        *_highlights(joints, belly, "", paint),
        _capsule(chest_joints, chest, "", BODY_FILL, paint.ink),
        *_highlights(chest_joints, chest, "", paint),
        Circle(joints["head"], HEAD_RADIUS, paint.ink, STROKE, BODY_FILL),
    ]


def _surroundings(pose: Pose, left: float, right: float, joints: dict[str, Point], ink: Color) -> list[Shape]:
    """The floor line or exercise mat under the figure, the step or chair it uses, the wall it leans on."""
    shapes: list[Shape] = []
    for prop in pose.props:
        shapes += _step(prop, ink) if prop.kind == "step" else _chair(prop, ink)
        left, right = min(left, prop.start), max(right, prop.end)
    if pose.wall is not None:
        top = min(y for _, y in joints.values()) - HEAD_RADIUS - 8
        side = 1 if pose.wall > (left + right) / 2 else -1
        shapes.append(_line((pose.wall, 0), (pose.wall, top), ink, STROKE))
        for index in range(int(-top) // 12):
            y = -6 - 12 * index
            shapes.append(_line((pose.wall, y), (pose.wall + 5 * side, y - 5), ink, STROKE * 0.6))
        left, right = min(left, pose.wall), max(right, pose.wall)
    if pose.ground == "mat":
        shapes.insert(0, _tube((left - 6, 1.5), (right + 6, 1.5), 1.3, 1.3, BODY_FILL, ink, STROKE * 0.8))
    elif pose.ground == "floor":
        shapes.insert(0, _line((left - 8, 0.4), (right + 8, 0.4), ink, STROKE))
    return shapes


def _mat_above(left: float, top: float, right: float, bottom: float, ink: Color) -> Path2D:
    """An exercise mat seen from above, under a figure lying on it: a light rectangle a little larger
    than the figure, so "lie on a mat" shows in a view from above too."""
    left, top, right, bottom = left - MAT_MARGIN, top - MAT_MARGIN, right + MAT_MARGIN, bottom + MAT_MARGIN
    corners = ((right, top), (right, bottom), (left, bottom))
    return Path2D((left, top), tuple((corner,) for corner in corners), True, ink, STROKE * 0.8, PROP_FILL)


def _step(prop: Prop, ink: Color) -> list[Shape]:
    """A box-shaped step, outlined, with a light fill so the feet on it stand out."""
    corners = ((prop.start, -prop.height), (prop.end, -prop.height), (prop.end, 0.0), (prop.start, 0.0))
    return [Path2D(corners[0], tuple((c,) for c in corners[1:]), True, ink, STROKE, PROP_FILL)]


def _chair(prop: Prop, ink: Color) -> list[Shape]:
    """A plain chair seen from the side: seat, back rising at `start`, one leg at each end."""
    seat = -prop.height
    back_top = seat - 45
    return [
        _line((prop.start + 2, 0), (prop.start + 2, back_top), ink, STROKE * 1.6),
        _line((prop.end - 2, 0), (prop.end - 2, seat), ink, STROKE * 1.6),
        _tube((prop.start, seat - 1.5), (prop.end, seat - 1.5), 2.0, 2.0, PROP_FILL, ink, STROKE),
    ]


def _line(start: Point, end: Point, ink: Color, width: float) -> Path2D:
    return Path2D(start, ((end,),), stroke=ink, stroke_width=width)


# --- Geometry -----------------------------------------------------------------------------------


def _capsule(joints: dict[str, Point], bone: Bone, prefix: str, fill: Color, ink: Color) -> Path2D:
    a, b = _ends(joints, bone, prefix)
    return _tube(a, b, bone.start_radius, bone.end_radius, fill, ink, STROKE)


def _tube(a: Point, b: Point, ra: float, rb: float, fill: Color, ink: Color, width: float) -> Path2D:
    """A closed outline around two circles and their two outer tangents: a capsule, maybe tapered."""
    length = math.dist(a, b)
    if length <= abs(ra - rb) + 0.01:  # one end swallows the other: the bigger circle alone
        center, radius = (a, ra) if ra >= rb else (b, rb)
        start = _polar(center, radius, 0)
        segments = _arc(center, radius, 0, 2 * math.pi)
        return Path2D(start, tuple(segments), closed=True, stroke=ink, stroke_width=width, fill=fill)
    direction = math.atan2(b[1] - a[1], b[0] - a[0])
    side = math.acos((ra - rb) / length)  # from the bone's direction to the points where the tangents touch
    start = _polar(a, ra, direction + side)
    segments = [(_polar(b, rb, direction + side),)]
    segments += _arc(b, rb, direction + side, direction - side)
    segments.append((_polar(a, ra, direction - side),))
    segments += _arc(a, ra, direction - side, direction + side - 2 * math.pi)
    return Path2D(start, tuple(segments), closed=True, stroke=ink, stroke_width=width, fill=fill)


def _arc(center: Point, radius: float, start: float, end: float) -> list[tuple[Point, ...]]:
    """Cubic Bézier segments along a circle from angle `start` to `end` (radians, either way round)."""
    count = max(1, math.ceil(abs(end - start) / (math.pi / 2)))
    step = (end - start) / count
    handle = 4 / 3 * math.tan(step / 4) * radius
    segments: list[tuple[Point, ...]] = []
    for index in range(count):
        a0, a1 = start + index * step, start + (index + 1) * step
        p0, p1 = _polar(center, radius, a0), _polar(center, radius, a1)
        c0 = (p0[0] - handle * math.sin(a0), p0[1] + handle * math.cos(a0))
        c1 = (p1[0] + handle * math.sin(a1), p1[1] - handle * math.cos(a1))
        segments.append((c0, c1, p1))
    return segments


def _highlights(joints: dict[str, Point], bone: Bone, prefix: str, paint: _Paint) -> list[Shape]:
    shapes: list[Shape] = []
    for name in paint.highlight:
        region, side = highlight_region(name, paint.view)
        if region.bone == bone and side == prefix:
            a, b = _ends(joints, bone, prefix)
            if paint.view == "front" and name.partition("_")[2] in LATERAL:
                region = _facing_midline(region, a, b, paint.midline)
            shapes.append(_lens(a, b, region, paint.accent, paint.detail.min_highlight))
    return shapes


def _facing_midline(region: Region, a: Point, b: Point, midline: float) -> Region:
    """A side muscle seen from the front: edge +1 (inside) or -1 (outside) turned into front or back.

    `_lens` puts edge +1 on the bone's "front" turn; here that turn is checked against the way to the
    body's midline, so an inner-thigh lens hugs the inside of the thigh on either leg. A limb lying
    across the picture (knees fallen open) shows that side to the viewer: the lens runs along its middle.
    """
    dx, dy = _sub(b, a)
    length = math.hypot(dx, dy) or 1.0
    turn_x = dy / length
    if abs(turn_x) < 0.5:  # a limb lying across the picture shows its inner and outer side to the viewer
        return Region(region.bone, 0, region.start, region.end, region.depth * 0.7, region.peak)
    towards_midline = midline - (a[0] + b[0]) / 2 or -turn_x
    edge = region.edge if turn_x * towards_midline > 0 else -region.edge
    return Region(region.bone, 1 if edge > 0 else -1, region.start, region.end, region.depth, region.peak)


def _lens(a: Point, b: Point, region: Region, accent: Color, min_width: float) -> Path2D:
    """The muscle: a pointed lens inside the capsule a-b, on the side of the bone the region names.

    The front of every bone is the same turn away from the direction that runs from trunk to hand or
    foot (and from neck to pelvis): in a side view facing right, a hanging leg's front is to the right and
    a thigh lifted forward has its front up, whatever the pose. A lens narrower than `min_width` at its
    widest is widened to it, as far as the limb leaves room (up to its whole inside, clear of the outline).
    """
    bone = region.bone
    dx, dy = _sub(b, a)
    length = math.hypot(dx, dy)
    front = (dy / length, -dx / length) if length else (1.0, 0.0)  # y down: this turn points to the front
    inner = 0.08 * bone.start_radius + STROKE / 2  # keep clear of the outline
    sharpness = math.log(0.5) / math.log(region.peak)
    steps = 16
    spans = []  # (where along the bone, the limb's radius there, the lens's width there)
    for index in range(steps + 1):
        u = index / steps
        t = region.start + (region.end - region.start) * u
        radius = bone.start_radius + (bone.end_radius - bone.start_radius) * min(max(t, 0.0), 1.0)
        spans.append((t, radius, region.depth * radius * math.sin(math.pi * u**sharpness)))
    room = max(2 * (radius - inner) for _, radius, _ in spans)
    widen = max(1.0, min(min_width, room) / max(width for _, _, width in spans))
    outer_edge, inner_edge = [], []
    for t, radius, width in spans:
        width = min(widen * width, 2 * (radius - inner))
        if region.edge:
            high = region.edge * (radius - inner)
            low = high - region.edge * width
        else:
            high, low = width / 2, -width / 2
        centre = (a[0] + dx * t, a[1] + dy * t)
        outer_edge.append((centre[0] + front[0] * high, centre[1] + front[1] * high))
        inner_edge.append((centre[0] + front[0] * low, centre[1] + front[1] * low))
    points = outer_edge + inner_edge[::-1][1:-1]
    return Path2D(points[0], tuple((p,) for p in points[1:]), closed=True, fill=accent)


def _ends(joints: dict[str, Point], bone: Bone, prefix: str) -> tuple[Point, Point]:
    """The two joints of a bone; `prefix` ("near_", "far_" or "") picks the side of limb joints."""
    return joints[_side(bone.start, prefix)], joints[_side(bone.end, prefix)]


def _side(joint: str, prefix: str) -> str:
    return prefix + joint if joint in LIMB_JOINTS else joint


def _polar(center: Point, radius: float, angle: float) -> Point:
    return center[0] + radius * math.cos(angle), center[1] + radius * math.sin(angle)


def _sub(a: Point, b: Point) -> Point:
    return a[0] - b[0], a[1] - b[1]


def _unit(vector: Point) -> Point:
    length = math.hypot(*vector) or 1.0
    return vector[0] / length, vector[1] / length
