"""Pose files load, their figures fit the box without stretching, and the highlight sits on its muscle."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import pytest

from handout.content.poses import load_pose
from handout.draw import figures, skeleton
from handout.errors import HandoutError
from handout.model import JOINTS, LIMB_JOINTS, PARTS, Circle, Path2D, Point, Pose, Shape

IMAGES = Path(__file__).resolve().parent.parent / "images"
POSE_FILES = sorted(IMAGES.glob("*.toml"))
BUNDLED = ("standing-quad", "pushup-lunge", "seated-hamstring", "seated-twist")
ACCENT, INK = "#c0392b", "#222222"
BOXES = ((240, 130), (113, 61), (113, 113), (60, 200), (400, 40), (560, 480))
"""Small sheet boxes, thin strips, and a poster's box (hands and feet drawn as shapes)."""


def points(shape: Shape) -> list[Point]:
    if isinstance(shape, Circle):
        return [shape.center]
    return [shape.start, *(point for segment in shape.segments for point in segment)]


def bounds(shapes: tuple[Shape, ...]) -> tuple[float, float, float, float]:
    """Left, top, right, bottom including circle radii and half the stroke width."""
    left = top = math.inf
    right = bottom = -math.inf
    for shape in shapes:
        pad = shape.stroke_width / 2 + (shape.radius if isinstance(shape, Circle) else 0)
        for x, y in points(shape):
            left, top = min(left, x - pad), min(top, y - pad)
            right, bottom = max(right, x + pad), max(bottom, y + pad)
    return left, top, right, bottom


def centroid(shape: Path2D) -> Point:
    xs, ys = zip(*points(shape), strict=True)
    return sum(xs) / len(xs), sum(ys) / len(ys)


def head_of(shapes: tuple[Shape, ...]) -> Circle:
    return max((s for s in shapes if isinstance(s, Circle)), key=lambda circle: circle.radius)


def distance_to_segment(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)))
    return math.dist(p, (a[0] + t * dx, a[1] + t * dy))


@pytest.fixture(scope="module", params=POSE_FILES, ids=lambda path: path.stem)
def pose(request: pytest.FixtureRequest) -> Pose:
    return load_pose(request.param)


def test_the_bundled_poses_are_there() -> None:
    assert set(BUNDLED) <= {path.stem for path in POSE_FILES}


def test_pose_loads_with_its_file_name(pose: Pose) -> None:
    assert pose.name in {path.stem for path in POSE_FILES}
    assert {name for name, _ in pose.joints} == set(JOINTS)
    assert pose.highlight


@pytest.mark.parametrize(("width", "height"), BOXES)
def test_shapes_lie_inside_the_box(pose: Pose, width: float, height: float) -> None:
    left, top, right, bottom = bounds(figures.pose_shapes(pose, width, height, ACCENT, INK))
    assert left >= 0 and top >= 0 and right <= width and bottom <= height
    # Centred, and filling the box in its tighter direction. The scene is measured with outlines that
    # scale with the figure, but drawn with them held between MIN_OUTLINE and MAX_OUTLINE (and lines at
    # least MIN_STROKE): the centring may shift by half the difference.
    scale = figures.placement(pose, width, height).scale
    drawn = min(max(figures.STROKE * scale, figures.MIN_OUTLINE), figures.MAX_OUTLINE)
    drift = max(figures.MIN_STROKE, abs(figures.STROKE * scale - drawn)) / 2
    assert left == pytest.approx(width - right, abs=drift)
    assert top == pytest.approx(height - bottom, abs=drift)
    assert min(left, top) < 0.06 * min(width, height) + 1


def test_aspect_ratio_is_kept(pose: Pose) -> None:
    """Among the boxes that draw the same scene (hands and feet as shapes, or as a dot and a capsule)."""
    ratios: dict[bool, list[float]] = {True: [], False: []}
    for width, height in BOXES:
        left, top, right, bottom = bounds(figures.pose_shapes(pose, width, height, ACCENT, INK))
        ratios[figures.placement(pose, width, height).detailed].append((right - left) / (bottom - top))
    for same_scene in ratios.values():
        # Strokes do not scale below the minimum width, so tiny boxes may differ by a hair.
        assert max(same_scene, default=1) == pytest.approx(min(same_scene, default=1), rel=0.03)


def test_stroke_scales_with_the_figure(pose: Pose) -> None:
    small = figures.pose_shapes(pose, 113, 61, ACCENT, INK)
    large = figures.pose_shapes(pose, 452, 244, ACCENT, INK)
    widest = max(s.stroke_width for s in large)
    assert widest > max(s.stroke_width for s in small)
    assert all(s.stroke_width >= figures.MIN_STROKE for s in small if s.stroke)


def test_figure_prints_light(pose: Pose) -> None:
    fills = {s.fill for s in figures.pose_shapes(pose, 240, 130, ACCENT, INK)}
    assert fills <= {ACCENT, figures.BODY_FILL, figures.FAR_FILL, figures.PROP_FILL, None}


def joint_name(joint: str, prefix: str) -> str:
    return prefix + joint if joint in LIMB_JOINTS else joint


@pytest.mark.parametrize(("width", "height"), [(240, 130), (113, 61)])
def test_highlight_lies_on_its_body_part(pose: Pose, width: float, height: float) -> None:
    shapes = figures.pose_shapes(pose, width, height, ACCENT, INK)
    marks = [s for s in shapes if isinstance(s, Path2D) and s.fill == ACCENT]
    assert len(marks) == len(pose.highlight) == len([s for s in shapes if s.fill == ACCENT])
    assert all(mark.stroke is None for mark in marks)
    fit = figures.placement(pose, width, height)
    for name in pose.highlight:
        region, prefix = skeleton.highlight_region(name, pose.view)
        bone = region.bone
        a = fit.point(pose.joint(joint_name(bone.start, prefix)))
        b = fit.point(pose.joint(joint_name(bone.end, prefix)))
        reach = max(bone.start_radius, bone.end_radius) * fit.scale
        # the stretch of the bone the region covers (a hip-flexor mark starts a little above the hip)
        start, end = min(region.start, 0.0), max(region.end, 1.0)
        span = [(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t) for t in (start, end)]
        assert any(
            distance_to_segment(centroid(mark), a, b) < reach
            and all(distance_to_segment(point, *span) < reach * 1.05 for point in points(mark))
            for mark in marks
        ), name


def test_placement_maps_joints_onto_the_drawing(pose: Pose) -> None:
    shapes = figures.pose_shapes(pose, 240, 130, ACCENT, INK)
    head = head_of(shapes)
    fit = figures.placement(pose, 240, 130)
    assert fit.point(pose.joint("head")) == pytest.approx(head.center)
    assert head.radius == pytest.approx(skeleton.HEAD_RADIUS * fit.scale)


def test_highlight_only_where_asked(pose: Pose) -> None:
    plain = dataclasses.replace(pose, highlight=())
    assert not [s for s in figures.pose_shapes(plain, 240, 130, ACCENT, INK) if s.fill == ACCENT]


def test_facing_left_mirrors_the_figure(pose: Pose) -> None:
    other = "left" if pose.facing == "right" else "right"
    width, height = 240.0, 130.0
    right = figures.pose_shapes(pose, width, height, ACCENT, INK)
    left = figures.pose_shapes(dataclasses.replace(pose, facing=other), width, height, ACCENT, INK)
    assert len(left) == len(right)
    for a, b in zip(right, left, strict=True):
        mirrored = [coordinate for x, y in points(a) for coordinate in (width - x, y)]
        assert mirrored == pytest.approx([coordinate for point in points(b) for coordinate in point])
        assert (a.fill, a.stroke, a.stroke_width) == (b.fill, b.stroke, b.stroke_width)


def test_far_limbs_are_drawn_grey_before_the_body(pose: Pose) -> None:
    """With the default order, every far-side shape comes before the head; near limbs are white."""
    default = dataclasses.replace(pose, order=PARTS)
    shapes = figures.pose_shapes(default, 240, 130, ACCENT, INK)
    fills = [s.fill for s in shapes]
    head = shapes.index(head_of(shapes))
    assert figures.FAR_FILL in fills[:head]
    assert figures.FAR_FILL not in fills[head:]


# --- Bad pose files -----------------------------------------------------------------------------


def good_text() -> str:
    return (IMAGES / "standing-quad.toml").read_text(encoding="utf-8")


def error_for(tmp_path: Path, text: str) -> str:
    path = tmp_path / "my-stretch.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(HandoutError) as caught:
        load_pose(path)
    return str(caught.value)


def test_unknown_key_is_named(tmp_path: Path) -> None:
    message = error_for(tmp_path, "facng = 'left'\n" + good_text())
    assert "my-stretch.toml" in message and '"facng"' in message and '"facing"' in message


def test_unknown_joint_is_named(tmp_path: Path) -> None:
    message = error_for(tmp_path, good_text().replace("far_toe =", "far_toes ="))
    assert "my-stretch.toml" in message and "joints.far_toes" in message and "joints.far_toe:" in message


def test_missing_joint_is_named(tmp_path: Path) -> None:
    text = "\n".join(line for line in good_text().splitlines() if not line.startswith("near_knee"))
    message = error_for(tmp_path, text)
    assert "my-stretch.toml" in message and "joints.near_knee" in message and "missing" in message


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ("near_knee = [6, 51]", 'near_knee = "6, 51"', "joints.near_knee"),
        ("near_knee = [6, 51]", "near_knee = [6, 51, 3, 4]", "joints.near_knee"),
        ("near_knee = [6, 51]", "near_knee = [true, 51]", "joints.near_knee"),
        ('facing = "right"', 'facing = "up"', "facing"),
        ('ground = "floor"', "ground = 3", "ground"),
        ("wall = 60", 'wall = "yes"', "wall"),
        ('highlight = ["near_thigh_front"]', 'highlight = "near_thigh_front"', "highlight"),
        ('highlight = ["near_thigh_front"]', 'highlight = ["near_quads"]', "highlight"),
        ('highlight = ["near_thigh_front"]', 'highlight = ["near_thigh_front"]\norder = ["body"]', "order"),
    ],
)
def test_wrong_value_is_named(tmp_path: Path, old: str, new: str, key: str) -> None:
    assert old in good_text()
    message = error_for(tmp_path, good_text().replace(old, new))
    assert "my-stretch.toml" in message and f"{key}:" in message


def test_missing_table_is_named(tmp_path: Path) -> None:
    message = error_for(tmp_path, 'highlight = ["near_calf"]\n')
    assert "my-stretch.toml" in message and '"joints"' in message


def test_malformed_toml_is_reported(tmp_path: Path) -> None:
    message = error_for(tmp_path, good_text().replace("wall = 60", "wall = [60"))
    assert "my-stretch.toml" in message and "TOML" in message


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = good_text().replace('facing = "right"', 'facing = "up"').replace("near_knee =", "near_kne =")
    with pytest.raises(HandoutError) as caught:
        path = tmp_path / "two.toml"
        path.write_text(text, encoding="utf-8")
        load_pose(path)
    assert len(caught.value.messages) >= 3
    assert all(message.startswith(f"{tmp_path.name}/two.toml: ") for message in caught.value.messages)
