"""The mannequin every figure is drawn with: its bones (capsules between joints) and its muscles.

A bone is a capsule between two named joints; a muscle (a highlight name of model.HIGHLIGHTS) is a lens
on one bone, hugging its front or back or running along its middle. Seen from the front the trunk is
wider and the muscles on the side of a limb hug its inside or outside: `highlight_region` gives the
region for the pose's view. draw/figures.py turns these into shapes.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

HEAD_RADIUS = 11.5
"""A 23 cm head: 1/7.5 of the 175 cm figure."""
HAND_RADIUS = 4.3


class Bone(NamedTuple):
    """A capsule between two joints, wider at the joint nearer the trunk."""

    start: str
    end: str
    start_radius: float
    end_radius: float


ARM = (Bone("shoulder", "elbow", 5.0, 4.0), Bone("elbow", "hand", 4.0, 3.0))
LEG = (Bone("knee", "ankle", 5.6, 3.8), Bone("ankle", "toe", 4.0, 2.4), Bone("hip", "knee", 8.5, 5.8))
"""Shin and foot first, then the thigh over them: a folded knee then reads as the shin tucked behind."""
FOOT = LEG[1]
NECK = Bone("neck", "head", 4.8, 4.8)
CHEST = Bone("neck", "waist", 11.0, 9.5)
BELLY = Bone("waist", "pelvis", 9.0, 11.5)
CHEST_DROP = 7.0
"""The chest capsule starts this far below the neck joint, so the shoulders are not higher than the chin."""
FRONT_CHEST = Bone("neck", "waist", 15.0, 12.0)
FRONT_BELLY = Bone("waist", "pelvis", 12.0, 14.5)
FRONT_CHEST_DROP = 13.0
"""Seen from the front the trunk is wider than deep: 30 cm at the shoulders, 29 cm at the hips."""
LATERAL = ("thigh_inner", "thigh_outer", "hip_outer")
"""Muscles on the side of a limb: seen from the front, they hug its inner or outer outline."""


class Region(NamedTuple):
    """Where a muscle lies on a bone: a lens from `start` to `end` (fractions of the bone's length).

    `edge` is +1 for the front of the bone, -1 for the back (both hug the outline) and 0 for a lens along
    the middle (a muscle on the side of the limb that faces the viewer). `depth` is the lens's greatest
    width as a fraction of the bone's radius; `peak` is where along the lens it is widest.
    """

    bone: Bone
    edge: Literal[-1, 0, 1]
    start: float
    end: float
    depth: float
    peak: float = 0.5


SHIN, THIGH = LEG[0], LEG[2]
HIP = Bone("waist", "hip", BELLY.start_radius, BELLY.end_radius)
"""The side of the pelvis, from the waist down to one hip joint: where the glutes lie."""
LIMB_REGIONS = {
    "thigh_front": Region(THIGH, 1, 0.1, 0.88, 0.95),  # quadriceps
    "thigh_back": Region(THIGH, -1, 0.1, 0.88, 0.95),  # hamstrings
    "thigh_inner": Region(THIGH, 0, 0.0, 0.7, 1.0, peak=0.35),  # adductors
    "thigh_outer": Region(THIGH, 0, 0.05, 0.92, 0.55),  # iliotibial band
    "hip_front": Region(THIGH, 1, -0.3, 0.3, 0.9),  # hip flexors
    "hip_outer": Region(HIP, -1, 0.35, 1.2, 1.1, peak=0.6),  # glutes
    "calf": Region(SHIN, -1, 0.05, 0.65, 0.95, peak=0.35),  # gastrocnemius
    "calf_lower": Region(SHIN, -1, 0.3, 0.9, 0.9, peak=0.45),  # soleus
}
FRONT_HIP_OUTER = Region(THIGH, -1, -0.2, 0.4, 1.0)
"""Seen from the front, the glutes show as the outside of the hip, where the thigh meets the pelvis."""
BODY_REGIONS = {
    "chest": Region(CHEST, 1, 0.02, 0.8, 1.15, peak=0.4),  # pectorals: large enough to see from afar
    "upper_back": Region(CHEST, -1, 0.0, 0.8, 0.8),
    "abdomen": Region(BELLY, 1, 0.0, 0.75, 0.8),
    "lower_back": Region(BELLY, -1, -0.1, 0.7, 0.8),
}


def highlight_region(name: str, view: str = "side") -> tuple[Region, str]:
    """The region of a highlight name and the side prefix of its joints ("near_", "far_" or "").

    Seen from the front, the trunk's regions and a limb's front and back lie along its middle (they face
    the viewer); muscles on the side of a limb keep the edge that `_lens` turns to the inside or outside.
    """
    if name in BODY_REGIONS:
        region, prefix = BODY_REGIONS[name], ""
        if view == "front":
            bone = FRONT_CHEST if region.bone is CHEST else FRONT_BELLY
            region = Region(bone, 0, region.start, region.end, region.depth * 0.8, region.peak)
        return region, prefix
    side, _, muscle = name.partition("_")
    region = LIMB_REGIONS[muscle]
    if view == "front" and region.edge and muscle not in LATERAL:
        region = Region(region.bone, 0, region.start, region.end, region.depth * 0.8, region.peak)
    elif view == "front" and muscle == "hip_outer":  # the outside of the hip, above the thigh
        region = FRONT_HIP_OUTER
    elif view == "front" and muscle in LATERAL:
        region = Region(region.bone, 1 if muscle == "thigh_inner" else -1, *_span(region))
    return region, f"{side}_"


def _span(region: Region) -> tuple[float, float, float, float]:
    return region.start, region.end, region.depth * (0.7 if region.edge == 0 else 1.0), region.peak
