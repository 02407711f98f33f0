"""A small kinematic model of a person, for the exercise pictures and the timer's moving demonstration.

Why a model and not drawings: a learner copies what the picture shows, so every picture must be a
possible body (a crossed leg really rests on the other knee, hands really reach the counter), and the
start and end of an exercise must differ only in the joints the exercise moves. One model posed by
joint angles gives that, draws any exercise from the side, the front or behind, and makes every
in-between frame of the demonstration by blending two poses.

Proportions are segment lengths as fractions of body height H (Winter, Biomechanics and Motor Control of
Human Movement, 4th ed., 2009, Figure 4.1). Where the table is silent the course chose: the hip joints
sit half a hip width apart, the heel reaches a quarter of a foot length behind the ankle, the trunk is
0.12 H deep. Pure Python (no plotly): `drawing()` returns flat shapes that `figures.exercises` turns into
a plotly figure or an SVG.

Axes: x forward (the way the person faces), y up, z to the person's left; lengths in units of H.
Angles in degrees; a pose maps joint names (`JOINTS`) to angles, missing joints are 0 (standing tall,
arms by the sides, feet at right angles to the shins).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from .content.poses import HANDS, JOINTS, POINTS, PROPS, SIDES, SUPPORTS, VIEWS, check_pose  # noqa: F401

# ---------------------------------------------------------------------------------------------- proportions
# Winter 2009, Figure 4.1 (fractions of height H)
SHOULDER_HEIGHT, HIP_HEIGHT, KNEE_HEIGHT, ANKLE_HEIGHT, CHIN_HEIGHT = 0.818, 0.530, 0.285, 0.039, 0.870
UPPER_ARM, FOREARM, HAND = 0.186, 0.146, 0.108
FOOT_LENGTH, FOOT_WIDTH = 0.152, 0.055
SHOULDER_WIDTH, HIP_WIDTH = 0.259, 0.191
THIGH = HIP_HEIGHT - KNEE_HEIGHT  # 0.245
SHANK = KNEE_HEIGHT - ANKLE_HEIGHT  # 0.246
TRUNK = SHOULDER_HEIGHT - HIP_HEIGHT  # 0.288
NECK = CHIN_HEIGHT - SHOULDER_HEIGHT  # 0.052
HEAD = 1.0 - CHIN_HEIGHT  # 0.130, chin to the top of the head
# course choices where the table is silent
HIP_SPACING = HIP_WIDTH / 2
HEEL_BEHIND_ANKLE = FOOT_LENGTH / 4
TRUNK_DEPTH = 0.12
SEAT_HEIGHT = 0.26  # a dining chair, about 45 cm for a person 1.75 m tall
SITTING_HIP_ABOVE_SEAT = 0.05
COUNTER_HEIGHT = 0.52  # a kitchen counter, about 90 cm

Vec = tuple[float, float, float]
Mat = tuple[Vec, Vec, Vec]


# ---------------------------------------------------------------------------------------------- vectors
def _add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def _sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def _scale(a: Vec, k: float) -> Vec:
    return (a[0] * k, a[1] * k, a[2] * k)


def _dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def _norm(a: Vec) -> float:
    return math.sqrt(_dot(a, a))


def _unit(a: Vec) -> Vec:
    n = _norm(a)
    return _scale(a, 1 / n) if n > 1e-12 else (0.0, -1.0, 0.0)


def _matmul(a: Mat, b: Mat) -> Mat:
    cols = tuple(zip(*b))
    return tuple(tuple(_dot(row, col) for col in cols) for row in a)  # type: ignore[return-value]


def _apply(m: Mat, v: Vec) -> Vec:
    return (_dot(m[0], v), _dot(m[1], v), _dot(m[2], v))


def _rx(deg: float) -> Mat:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((1, 0, 0), (0, c, -s), (0, s, c))


def _ry(deg: float) -> Mat:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((c, 0, s), (0, 1, 0), (-s, 0, c))


def _rz(deg: float) -> Mat:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((c, -s, 0), (s, c, 0), (0, 0, 1))


IDENTITY: Mat = ((1, 0, 0), (0, 1, 0), (0, 0, 1))


# ---------------------------------------------------------------------------------------------- the body
@dataclass(frozen=True)
class Body:
    """Where every joint and the corners of the feet and trunk are, in the world (units of H)."""

    points: Mapping[str, Vec]
    boxes: Mapping[str, tuple[Vec, ...]]  # 8 corners each: trunk, r_foot, l_foot


def _leg(angles: Mapping[str, float], side: str, hip: Vec, trunk: Mat) -> tuple[dict[str, Vec], tuple[Vec, ...]]:
    s = SIDES[side]

    def a(joint: str) -> float:
        return float(angles.get(f"{side}_{joint}", 0.0))

    thigh_m = _matmul(_matmul(_matmul(trunk, _rz(a("hip_flex"))), _rx(-s * a("hip_abd"))), _ry(-s * a("hip_rot")))
    knee = _add(hip, _apply(thigh_m, (0, -THIGH, 0)))
    shank_m = _matmul(thigh_m, _rz(-a("knee_flex")))
    ankle = _add(knee, _apply(shank_m, (0, -SHANK, 0)))
    foot_m = _matmul(_matmul(_matmul(shank_m, _ry(s * a("ankle_add"))), _rz(a("ankle_df"))), _rx(s * a("ankle_inv")))
    heel_x, toe_x, half = -HEEL_BEHIND_ANKLE, FOOT_LENGTH - HEEL_BEHIND_ANKLE, FOOT_WIDTH / 2
    local = lambda x, y, z: _add(ankle, _apply(foot_m, (x, y, z)))  # noqa: E731
    corners = tuple(local(x, y, z) for x in (heel_x, toe_x) for y in (-ANKLE_HEIGHT, -ANKLE_HEIGHT * 0.1)
                    for z in (-half, half))
    points = {f"{side}_hip": hip, f"{side}_knee": knee, f"{side}_ankle": ankle,
              f"{side}_heel": local(heel_x, -ANKLE_HEIGHT, 0), f"{side}_toe": local(toe_x, -ANKLE_HEIGHT, 0),
              f"{side}_ball": local(0.55 * FOOT_LENGTH, -ANKLE_HEIGHT, 0),
              f"{side}_foot_top": local(0.45 * FOOT_LENGTH, 0.0, 0),
              f"{side}_forefoot_outer": local(0.6 * FOOT_LENGTH, -ANKLE_HEIGHT * 0.5, -s * half)}
    return points, corners


def _box(centre_bottom: Vec, m: Mat, height: float, depth: float, width_bottom: float, width_top: float) -> tuple[Vec, ...]:
    out = []
    for x in (-depth / 2, depth / 2):
        for y, w in ((0.0, width_bottom), (height, width_top)):
            for z in (-w / 2, w / 2):
                out.append(_add(centre_bottom, _apply(m, (x, y, z))))
    return tuple(out)


def _arm_to(shoulder: Vec, target: Vec, bend_hint: Vec) -> tuple[Vec, Vec]:
    """Elbow and wrist reaching `target` with the wrist (two-link inverse kinematics); straight if too far."""
    reach = UPPER_ARM + FOREARM
    to = _sub(target, shoulder)
    d = min(_norm(to), reach * 0.999)
    u = _unit(to)
    wrist = _add(shoulder, _scale(u, d))
    along = (UPPER_ARM ** 2 - FOREARM ** 2 + d * d) / (2 * d)
    up = math.sqrt(max(0.0, UPPER_ARM ** 2 - along ** 2))
    hint = _sub(bend_hint, _scale(u, _dot(bend_hint, u)))
    elbow = _add(_add(shoulder, _scale(u, along)), _scale(_unit(hint), up))
    return elbow, wrist


def pose_body(angles: Mapping[str, float], support: str = "stand_both", hands: str = "sides",
              counter_x: float | None = None) -> Body:
    """The body in a pose, placed in the world: on a chair, on the floor, or standing with the feet on it."""
    trunk_m = _rz(-float(angles.get("trunk_lean", 0.0)))
    pelvis = (0.0, 0.0, 0.0)
    points: dict[str, Vec] = {"pelvis": pelvis}
    boxes: dict[str, tuple[Vec, ...]] = {}
    for side, s in SIDES.items():
        leg_points, corners = _leg(angles, side, (0.0, 0.0, s * HIP_SPACING / 2), trunk_m)
        points.update(leg_points)
        boxes[f"{side}_foot"] = corners
    neck_base = _apply(trunk_m, (0, TRUNK, 0))
    points["neck"] = neck_base
    points["head"] = _add(neck_base, _apply(trunk_m, (0.01, NECK + HEAD / 2, 0)))
    boxes["trunk"] = _box((0, -0.03, 0), trunk_m, TRUNK + 0.03, TRUNK_DEPTH, HIP_WIDTH, SHOULDER_WIDTH)
    for side, s in SIDES.items():
        points[f"{side}_shoulder"] = _add(neck_base, _apply(trunk_m, (0, -0.02, s * (SHOULDER_WIDTH / 2 - 0.025))))

    # place the body in the world
    if support == "chair":
        shift = (0.0, SEAT_HEIGHT + SITTING_HIP_ABOVE_SEAT, 0.0)
    elif support == "floor":
        shift = (0.0, SITTING_HIP_ABOVE_SEAT, 0.0)
    else:
        stance = ("r",) if support == "stand_right" else ("r", "l")
        lowest = min(c[1] for side in stance for c in boxes[f"{side}_foot"])
        ball = points["r_ball"]
        shift = (-ball[0], -lowest, 0.0)
    points = {k: _add(v, shift) for k, v in points.items()}
    boxes = {k: tuple(_add(c, shift) for c in v) for k, v in boxes.items()}
    _place_arms(points, angles, hands, trunk_m, counter_x)
    return Body(points=points, boxes=boxes)


def counter_edge(start: Body) -> float:
    """Where the counter's front edge stands: a short reach in front of the shoulders in the start pose,
    so that it stays put while the body moves."""
    return max(start.points["r_shoulder"][0], start.points["l_shoulder"][0]) + 0.16


def _place_arms(points: dict[str, Vec], angles: Mapping[str, float], hands: str, trunk_m: Mat,
                counter_x: float | None) -> None:
    for side, s in SIDES.items():
        shoulder = points[f"{side}_shoulder"]
        target = _hand_target(points, hands, side, counter_x)
        if target is None:  # free arm: posed by its angles
            def a(joint: str, side: str = side) -> float:
                return float(angles.get(f"{side}_{joint}", 0.0))

            upper_m = _matmul(_matmul(trunk_m, _rz(a("shoulder_flex"))), _rx(-s * a("shoulder_abd")))
            elbow = _add(shoulder, _apply(upper_m, (0, -UPPER_ARM, 0)))
            wrist = _add(elbow, _apply(_matmul(upper_m, _rz(a("elbow_flex"))), (0, -FOREARM, 0)))
        else:
            elbow, wrist = _arm_to(shoulder, target, (-0.3, -0.2, s * 0.8))
        direction = _unit(_sub(wrist, elbow))
        points[f"{side}_elbow"], points[f"{side}_wrist"] = elbow, wrist
        points[f"{side}_hand"] = _add(wrist, _scale(direction, HAND * 0.55))


def _hand_target(points: Mapping[str, Vec], hands: str, side: str, counter_x: float | None) -> Vec | None:
    s = SIDES[side]
    shoulder = points[f"{side}_shoulder"]
    if hands == "sides":
        return None
    if hands in ("counter", "hover_counter"):
        x = (counter_x if counter_x is not None else shoulder[0] + 0.16) + 0.03
        y = COUNTER_HEIGHT + (0.04 if hands == "hover_counter" else 0.0) + HAND * 0.3
        return (x, y, s * 0.14)
    if hands == "band":
        return (points["pelvis"][0] + 0.24, points["pelvis"][1] + 0.2, s * 0.09)
    if hands == "floor":
        return (points["pelvis"][0] - 0.04, 0.02 + HAND * 0.5, s * 0.17)
    if hands in ("hold_foot", "top_of_foot"):
        if side == "l":  # the hand on the foot's side holds the crossed (right) foot
            key = "r_foot_top" if hands == "top_of_foot" else "r_ball"
            return _add(points[key], (0.0, 0.03, 0.0))
        knee = points["r_knee"]
        return (knee[0], knee[1] + 0.045, knee[2])  # the other hand rests on the crossed knee
    raise ValueError(f"unknown hands '{hands}'; choose one of: {', '.join(HANDS)}")


# ---------------------------------------------------------------------------------------------- poses in time
def blend(start: Mapping[str, float], end: Mapping[str, float], fraction: float) -> dict[str, float]:
    """The pose `fraction` of the way from start (0) to end (1): each joint angle moves in a straight line."""
    f = min(1.0, max(0.0, fraction))
    return {j: (1 - f) * float(start.get(j, 0.0)) + f * float(end.get(j, 0.0)) for j in set(start) | set(end)}


# ---------------------------------------------------------------------------------------------- drawing
@dataclass(frozen=True)
class Shape:
    """One flat thing to draw, in picture coordinates (x right, y up, units of H); `depth` orders the painting."""

    kind: str  # "capsule" (a thick line with round ends) | "polygon" | "circle" | "polyline" | "text"
    points: tuple[tuple[float, float], ...]
    depth: float
    fill: str = "#ffffff"
    stroke: str = "#000000"
    width: float = 0.0  # capsule thickness or circle radius, in H
    dash: bool = False
    text: str = ""
    role: str = ""  # what it is, for tests and for the SVG's class names


@dataclass(frozen=True)
class Scene:
    view: str
    support: str
    hands: str
    props: tuple[str, ...] = ()
    sore_side: str = "r"
    anchor_z: float = -0.45  # where a band's far end is tied (world z)
    counter_x: float | None = None


SKIN, SORE, FAR, PROP, BAND, OUTLINE = "#F3E3D3", "#56B4E9", "#D9D9D9", "#B0B0B0", "#0072B2", "#000000"


def projector(view: str) -> Callable[[Vec], tuple[tuple[float, float], float]]:
    """Maps a world point to (screen x, y) and its depth for one camera view: shared by the pictures and the
    figures that annotate them, so an arrow or a close-up lands where the drawing put the foot."""
    az = math.radians(VIEWS[view])

    def project(p: Vec) -> tuple[tuple[float, float], float]:
        # the camera circles the person: 0 = in front looking back at them, 90 = at their right side
        sx = p[2] * math.cos(az) + p[0] * math.sin(az)
        depth = -(p[0] * math.cos(az) - p[2] * math.sin(az))
        return (sx, p[1]), depth

    return project


def _hull(points: Iterable[tuple[float, float]]) -> tuple[tuple[float, float], ...]:
    pts = sorted(set((round(x, 6), round(y, 6)) for x, y in points))
    if len(pts) <= 2:
        return tuple(pts)

    def cross(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    upper: list[tuple[float, float]] = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return tuple(lower[:-1] + upper[:-1])


def _box_corners(x0: float, x1: float, y0: float, y1: float, z0: float, z1: float) -> tuple[Vec, ...]:
    return tuple((x, y, z) for x in (x0, x1) for y in (y0, y1) for z in (z0, z1))


def drawing(angles: Mapping[str, float], scene: Scene) -> list[Shape]:
    """Everything in one picture of the pose, far things first: floor, props, body, band."""
    body = pose_body(angles, scene.support, scene.hands, scene.counter_x)
    body_points = body.points
    project = projector(scene.view)
    shapes: list[Shape] = []

    def capsule(a: str, b: str, width: float, side: str, role: str) -> None:
        (pa, da), (pb, db) = project(body_points[a]), project(body_points[b])
        shapes.append(Shape("capsule", (pa, pb), (da + db) / 2, fill=_limb_fill(side, scene),
                            width=width, role=role))

    def box(corners: Sequence[Vec], fill: str, role: str, bias: float = 0.0) -> None:
        projected = [project(c) for c in corners]
        depth = sum(d for _, d in projected) / len(projected) + bias
        shapes.append(Shape("polygon", _hull(p for p, _ in projected), depth, fill=fill, role=role))

    # props
    if "chair" in scene.props:
        seat_y = SEAT_HEIGHT
        box(_box_corners(-0.22, 0.06, seat_y - 0.03, seat_y, -0.16, 0.16), PROP, "chair seat", 0.2)
        box(_box_corners(-0.24, -0.20, seat_y, seat_y + 0.28, -0.16, 0.16), PROP, "chair back", 0.3)
        for x in (-0.21, 0.04):
            for z in (-0.14, 0.14):
                box(_box_corners(x - 0.012, x + 0.012, 0.0, seat_y - 0.03, z - 0.012, z + 0.012), PROP, "chair leg", 0.3)
    if "counter" in scene.props and scene.counter_x is not None:
        box(_box_corners(scene.counter_x, scene.counter_x + 0.35, 0.0, COUNTER_HEIGHT, -0.45, 0.45), PROP, "counter", 0.6)
    if "cushion" in scene.props:
        ball = body_points["r_ball"]
        box(_box_corners(ball[0] - 0.16, ball[0] + 0.06, -0.0, 0.012, -0.12, 0.05), "#E69F00", "cushion", 0.05)
    if "band_anchor" in scene.props:
        foot = body_points["r_forefoot_outer"]
        x = foot[0]
        box(_box_corners(x - 0.02, x + 0.02, 0.0, 0.30, scene.anchor_z - 0.02, scene.anchor_z + 0.02), PROP,
            "band anchor (a heavy table leg)", 0.1)

    # body: trunk, head, legs, arms, feet
    box(body.boxes["trunk"], SKIN, "trunk")
    (neck_a, dn), (neck_b, _) = project(body_points["neck"]), project(body_points["head"])
    shapes.append(Shape("capsule", (neck_a, neck_b), dn, fill=SKIN, width=0.045, role="neck"))
    head_c, head_d = project(body_points["head"])
    shapes.append(Shape("circle", (head_c,), head_d - 0.001, fill=SKIN, width=HEAD * 0.42, role="head"))
    nose, nose_d = project(_add(body_points["head"], _apply(_rz(-float(angles.get("trunk_lean", 0.0))),
                                                                  (HEAD * 0.42, -0.005, 0.0))))
    shapes.append(Shape("circle", (nose,), head_d - 0.002, fill=OUTLINE, width=0.008, role="face (nose)"))
    for side in SIDES:
        capsule(f"{side}_hip", f"{side}_knee", 0.075, side, f"{side} thigh")
        capsule(f"{side}_knee", f"{side}_ankle", 0.055, side, f"{side} shank")
        box(body.boxes[f"{side}_foot"], _limb_fill(side, scene), f"{side} foot", -0.001)
        capsule(f"{side}_shoulder", f"{side}_elbow", 0.05, "arm", f"{side} upper arm")
        capsule(f"{side}_elbow", f"{side}_wrist", 0.042, "arm", f"{side} forearm")
        capsule(f"{side}_wrist", f"{side}_hand", 0.04, "arm", f"{side} hand")

    if "band" in scene.props:
        ball = body_points["r_ball"]
        if "band_anchor" in scene.props:
            foot = body_points["r_forefoot_outer"]
            path = [foot, (foot[0], foot[1], scene.anchor_z), (foot[0], 0.06, scene.anchor_z)]
        else:
            sole = _add(ball, (0.012, -0.01, 0.0))
            path = [body_points["r_hand"], sole, body_points["l_hand"]]
        projected = [project(p) for p in path]
        shapes.append(Shape("polyline", tuple(p for p, _ in projected), min(d for _, d in projected) - 0.5,
                            stroke=BAND, width=0.008, dash=True, role="band"))
    shapes.sort(key=lambda sh: -sh.depth)
    return shapes


def floor(frame: tuple[float, float, float, float]) -> Shape:
    """The floor across the whole picture (drawn first)."""
    return Shape("polyline", ((frame[0], 0.0), (frame[2], 0.0)), 99.0, stroke="#777777", width=0.008, role="floor")


def _limb_fill(side: str, scene: Scene) -> str:
    if side == scene.sore_side:
        return SORE
    return SKIN if side == "arm" else FAR


def bounds(shapes: Sequence[Shape]) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1) around everything drawn, with room for line widths."""
    xs, ys = [], []
    for sh in shapes:
        pad = sh.width if sh.kind in ("capsule", "circle") else 0.0
        for x, y in sh.points:
            xs += [x - pad, x + pad]
            ys += [y - pad, y + pad]
    return min(xs), min(ys), max(xs), max(ys)
