"""The words an exercise's poses may use (exercises.toml, [exercise.poses]), and the check of a pose's angles.

It lives with the content so that validating exercises.toml needs nothing from the layers above it; the
body model (ankle_course.body_model) draws with exactly these joints, views, supports, hands and props.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

SIDES = {"r": -1, "l": 1}  # z of the person's right and left
LIMB_JOINTS = ("hip_flex", "hip_abd", "hip_rot", "knee_flex", "ankle_df", "ankle_inv", "ankle_add",
               "shoulder_flex", "shoulder_abd", "elbow_flex")
JOINTS = ("trunk_lean",) + tuple(f"{s}_{j}" for s in SIDES for j in LIMB_JOINTS)
# beyond these a value is a typo, not a pose (degrees)
JOINT_LIMITS = {"trunk_lean": (-30, 90), "hip_flex": (-40, 130), "hip_abd": (-30, 80), "hip_rot": (-60, 90),
                "knee_flex": (0, 160), "ankle_df": (-60, 40), "ankle_inv": (-40, 45), "ankle_add": (-40, 40),
                "shoulder_flex": (-60, 180), "shoulder_abd": (-10, 180), "elbow_flex": (0, 160)}
VIEWS = {"side": 90.0, "front": 0.0, "rear": 180.0, "front_right": 45.0, "front_left": -45.0}
SUPPORTS = ("chair", "floor", "stand_right", "stand_both")
HANDS = ("sides", "counter", "hover_counter", "band", "floor", "hold_foot", "top_of_foot")
PROPS = ("chair", "counter", "band", "band_anchor", "cushion")
JOINT_WORDS = {"hip_flex": "hip bend", "hip_abd": "hip out to the side", "hip_rot": "hip turned out",
               "knee_flex": "knee bend", "ankle_df": "foot up (+) or down (−)", "ankle_inv": "sole in (+) or out (−)",
               "ankle_add": "toes in (+) or out (−)", "shoulder_flex": "arm forward", "shoulder_abd": "arm out",
               "elbow_flex": "elbow bend", "trunk_lean": "lean forward"}

POINTS = tuple(f"{s}_{p}" for s in ("r", "l") for p in ("hip", "knee", "ankle", "heel", "toe", "ball", "foot_top",
                                                         "hand", "elbow"))


def check_pose(angles: Mapping[str, float]) -> list[str]:
    """Problems with a pose, in words (unknown joint, not a number, outside the body's range); empty if fine."""
    problems = []
    for name, value in angles.items():
        if name not in JOINTS:
            problems.append(f"unknown joint '{name}'; joints are {', '.join(JOINTS)}")
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            problems.append(f"{name} must be a number of degrees (got {value!r})")
            continue
        low, high = JOINT_LIMITS[name.split("_", 1)[1] if name != "trunk_lean" else name]
        if not low <= value <= high:
            problems.append(f"{name} must be from {low} to {high} degrees (got {value})")
    return problems
