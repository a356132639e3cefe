"""The pose model: every figure is one person whose limbs stay attached, seen from the side or the front,
3D joints projected to the view, parts ordered by depth, and a step or chair drawn under the figure."""

from __future__ import annotations

import dataclasses
import io
import math
from pathlib import Path

import pytest
from PIL import Image

from handout.content.poses import load_pose
from handout.draw import figures, skeleton
from handout.errors import HandoutError
from handout.layout.layout_file import grayscale, load_layout
from handout.model import MM, SIDES, Circle, Path2D, Pose
from handout.share.figure_export import png_bytes

IMAGES = Path(__file__).resolve().parent.parent / "images"
POSE_FILES = sorted(IMAGES.glob("*.toml"))
ACCENT, INK = "#c0392b", "#222222"
BONES = {
    ("neck", "head"): 16,
    ("neck", "waist"): 32,
    ("waist", "pelvis"): 17,
    ("hip", "knee"): 43,
    ("knee", "ankle"): 43,
    ("shoulder", "elbow"): 28,
    ("elbow", "hand"): 27,
}
"""The mannequin's bones in centimetres: a pose may foreshorten one (seen end-on), never stretch it."""


@pytest.fixture(scope="module", params=POSE_FILES, ids=lambda path: path.stem)
def pose(request: pytest.FixtureRequest) -> Pose:
    return load_pose(request.param)


def joint(pose: Pose, name: str, side: str) -> tuple[float, float]:
    joints = dict(pose.joints)
    return joints.get(name) or joints[f"{side}_{name}"]


def distance_to_segment(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy or 1.0)))
    return math.dist(p, (a[0] + t * dx, a[1] + t * dy))


def test_no_bone_is_longer_than_the_mannequins(pose: Pose) -> None:
    """One person in every figure: a bone may look shorter (pointing at the viewer), never longer."""
    for (start, end), length in BONES.items():
        for side in SIDES:
            measured = math.dist(joint(pose, start, side), joint(pose, end, side))
            assert measured <= length * 1.12, (start, end, side, round(measured))


def test_every_limb_is_attached_to_the_trunk(pose: Pose) -> None:
    """Shoulders lie inside the chest's outline and hips inside the belly's, widened by the limb's own
    radius: no arm or leg floats beside the body."""
    front = pose.view == "front"
    chest = skeleton.FRONT_CHEST if front else skeleton.CHEST
    belly = skeleton.FRONT_BELLY if front else skeleton.BELLY
    neck, waist, pelvis = (pose.joint(name) for name in ("neck", "waist", "pelvis"))
    for side in SIDES:
        shoulder = pose.joint(f"{side}_shoulder")
        hip = pose.joint(f"{side}_hip")
        arm, thigh = skeleton.ARM[0], skeleton.LEG[2]
        assert distance_to_segment(shoulder, neck, waist) <= chest.start_radius + arm.start_radius, side
        assert distance_to_segment(hip, waist, pelvis) <= belly.end_radius + thigh.start_radius, side
    assert math.dist(pose.joint("head"), neck) <= skeleton.HEAD_RADIUS + skeleton.NECK.end_radius + 8


def test_each_bone_is_one_closed_outline_joining_its_joints(pose: Pose) -> None:
    """Every limb capsule is drawn, closed, and the next bone starts where the last one ended (drawn small
    enough for the hands to be dots and the feet capsules)."""
    scale = 0.9 * figures.DETAIL_SCALE
    shapes = figures.pose_shapes(pose, 240, 160, ACCENT, INK, scale)
    outlines = [s for s in shapes if isinstance(s, Path2D) and s.closed and s.stroke == INK]
    circles = sorted((s for s in shapes if isinstance(s, Circle)), key=lambda circle: circle.radius)
    assert len(circles) == 3  # two hands and the head
    # 2 arms x 2 bones + 2 legs x 3 bones + neck, belly, chest (+ a step or a chair's seat)
    assert len(outlines) >= 13
    fit = figures.placement(pose, 240, 160, scale)
    for side in SIDES:
        for start, end in (("shoulder", "elbow"), ("elbow", "hand"), ("hip", "knee"), ("knee", "ankle")):
            a, b = fit.point(pose.joint(f"{side}_{start}")), fit.point(pose.joint(f"{side}_{end}"))
            assert any(
                min(math.dist(a, p) for p in outline_points(s)) < 12 * fit.scale
                and min(math.dist(b, p) for p in outline_points(s)) < 12 * fit.scale
                for s in outlines
            ), (side, start, end)


def outline_points(shape: Path2D) -> list[tuple[float, float]]:
    return [shape.start, *(segment[-1] for segment in shape.segments)]


STANDING_3D = """
highlight = ["near_thigh_outer"]
view = "{view}"
[joints]
head = [0, 162, 0]
neck = [0, 146, 0]
waist = [0, 114, 0]
pelvis = [0, 97, 0]
near_hip = [0, 94, 9]
near_knee = [0, 51, 10]
near_ankle = [0, 8, 10]
near_toe = [15, 3, 11]
far_hip = [0, 94, -9]
far_knee = [0, 51, -10]
far_ankle = [0, 8, -10]
far_toe = [15, 3, -11]
near_shoulder = [0, 142, 17]
near_elbow = [0, 115, 24]
near_hand = [0, 88, 26]
far_shoulder = [0, 142, -17]
far_elbow = [0, 115, -24]
far_hand = [0, 88, -26]
"""


def standing(tmp_path: Path, view: str) -> Pose:
    path = tmp_path / f"standing-{view}.toml"
    path.write_text(STANDING_3D.format(view=view), encoding="utf-8")
    return load_pose(path)


def test_front_and_side_views_of_one_3d_pose_have_the_same_limb_lengths(tmp_path: Path) -> None:
    side, front = standing(tmp_path, "side"), standing(tmp_path, "front")
    scale = 2.0
    side_fit = figures.placement(side, 400, 400, scale)
    front_fit = figures.placement(front, 400, 400, scale)
    for limb in ("near", "far"):
        for start, end in (("hip", "knee"), ("knee", "ankle")):
            name_a, name_b = f"{limb}_{start}", f"{limb}_{end}"
            seen_side = math.dist(side_fit.point(side.joint(name_a)), side_fit.point(side.joint(name_b)))
            seen_front = math.dist(front_fit.point(front.joint(name_a)), front_fit.point(front.joint(name_b)))
            assert seen_side == pytest.approx(seen_front, abs=0.5)
            assert seen_side == pytest.approx(43 * scale, rel=0.03)
    side_size, front_size = figures.figure_size(side), figures.figure_size(front)
    assert side_size[1] == pytest.approx(front_size[1], abs=1)  # the same height: the same person
    assert front_size[0] > side_size[0]  # shoulders and hips are wider than the body is deep


def test_a_3d_pose_is_drawn_back_to_front_by_depth(tmp_path: Path) -> None:
    side, front = standing(tmp_path, "side"), standing(tmp_path, "front")
    assert side.order.index("far_arm") < side.order.index("body") < side.order.index("near_arm")
    assert front.joint("near_shoulder")[0] == 17 and side.joint("near_shoulder")[0] == 0
    assert front.view == "front" and side.view == "side"


def test_a_front_view_outer_thigh_mark_hugs_the_outside_of_the_leg(tmp_path: Path) -> None:
    front = standing(tmp_path, "front")
    shapes = figures.pose_shapes(front, 300, 300, ACCENT, INK)
    (mark,) = [s for s in shapes if s.fill == ACCENT]
    fit = figures.placement(front, 300, 300)
    xs = [p[0] for p in [mark.start, *(seg[-1] for seg in mark.segments)]]  # type: ignore[union-attr]
    outer_x = fit.point(front.joint("near_knee"))[0]
    assert min(xs) > outer_x - 1  # the near leg is on the right: its outside is further right


def test_a_side_view_from_above_spreads_near_and_far_apart(tmp_path: Path) -> None:
    """Seen from `tilt` degrees above, a joint nearer the viewer is lower in the picture and a raised one
    shortened: the lying twist's near arm reaches down the mat, its far arm up it."""
    path = tmp_path / "tilted.toml"
    path.write_text(STANDING_3D.format(view="side").replace('view = "side"', "tilt = 60"), "utf-8")
    tilted, side = load_pose(path), standing(tmp_path, "side")
    assert tilted.joint("near_hand") == pytest.approx((0, 88 * 0.5 - 26 * math.sin(math.radians(60))))
    assert tilted.joint("far_hand")[1] > tilted.joint("near_hand")[1] + 40
    assert tilted.joint("head")[1] == pytest.approx(side.joint("head")[1] / 2)
    assert tilted.order.index("far_arm") < tilted.order.index("near_arm")
    assert tilted.order[-1] == "body"  # seen from above, a standing figure's head and trunk are nearest


def test_a_view_from_above_needs_3d_joints(tmp_path: Path) -> None:
    path = tmp_path / "flat.toml"
    path.write_text("tilt = 30\n" + (IMAGES / "standing-quad.toml").read_text(encoding="utf-8"), "utf-8")
    with pytest.raises(HandoutError, match=r"flat.toml: tilt: a view seen from above needs every joint"):
        load_pose(path)


def test_the_lying_twist_shows_its_knees_crossing_the_body_to_the_far_side() -> None:
    """Issue 22: the lying twist seen from the side and above, not from straight above: the head at one
    end, the arms out wide across the mat, both knees on the far side, the near one on top, crossing the
    body, and both feet beyond the hips."""
    pose = load_pose(IMAGES / "lying-twist.toml")
    assert pose.view == "side" and pose.ground == "mat_above"
    pelvis, head = pose.joint("pelvis"), pose.joint("head")
    assert head[0] < pose.joint("neck")[0] < pelvis[0]
    assert pose.joint("near_hand")[1] < pelvis[1] - 30 < pelvis[1] + 30 < pose.joint("far_hand")[1]
    for side in SIDES:
        assert pose.joint(f"{side}_knee")[1] > pelvis[1] + 15, side  # lowered to the far side
        assert pose.joint(f"{side}_toe")[0] > pelvis[0] + 40, side
    assert pose.order.index("body") < pose.order.index("near_leg")  # on top of the body, crossing it
    assert pose.order.index("far_leg") < pose.order.index("body")  # under it, grey


@pytest.mark.parametrize(
    ("line", "key"),
    [("step = [40, 0, 18]", "step"), ('chair = "yes"', "chair"), ("step = [0, 40, 0]", "step")],
)
def test_a_bad_prop_is_named(tmp_path: Path, line: str, key: str) -> None:
    path = tmp_path / "prop.toml"
    path.write_text(line + "\n" + (IMAGES / "standing-quad.toml").read_text(encoding="utf-8"), "utf-8")
    with pytest.raises(HandoutError) as caught:
        load_pose(path)
    assert f"prop.toml: {key}: must be three numbers [from x, to x, height]" in str(caught.value)


def test_a_step_is_drawn_under_the_feet() -> None:
    pose = load_pose(IMAGES / "calf-step.toml")
    (step,) = pose.props
    assert step.kind == "step"
    assert pose.joint("near_toe")[1] >= step.height  # the toes stand on it
    assert pose.joint("near_ankle")[1] < step.height  # the heel hangs below its edge
    shapes = figures.pose_shapes(pose, 240, 240, ACCENT, INK)
    assert [s for s in shapes if s.fill == figures.PROP_FILL]


def test_the_highlight_shows_in_grayscale_at_4_cm(pose: Pose) -> None:
    """Printed in black and white, 4 cm wide: the muscle mark is at least 1 mm² of its own gray, beyond
    the few pixels of that gray the outlines' edges make without it."""
    layout = grayscale(load_layout("grid"))
    width, height = 40 * MM, 30 * MM

    def accent_area(shown: Pose) -> float:
        """Square millimetres of the accent's gray in the figure drawn 4 x 3 cm."""
        shapes = figures.pose_shapes(shown, width, height, layout.accent, layout.ink)
        with Image.open(io.BytesIO(png_bytes(shapes, width, height))) as png:
            gray = png.convert("L")
            pixels_per_mm = gray.width / 40
            target = int(layout.accent[1:3], 16)
            pixels = sum(count for value, count in enumerate(gray.histogram()) if abs(value - target) <= 6)
            return pixels / pixels_per_mm**2

    plain = dataclasses.replace(pose, highlight=())
    assert accent_area(pose) - accent_area(plain) >= 1.0, pose.name
