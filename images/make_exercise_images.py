"""Draw the start and end pictures of every exercise as small SVG files (run: python images/make_exercise_images.py [FOLDER]).

Simple line drawings of a lower leg and foot, so they print well and stay readable at any size. Each SVG
carries a <title> and <desc> (its alt text, taken from exercises.toml), an arrow for the movement on the
end picture, and words, not colour, for anything that matters. Colours are from the Okabe-Ito palette.
"""

from __future__ import annotations

import math
import tomllib
from html import escape
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXERCISES = HERE.parent / "ankle_course" / "content" / "data" / "exercises.toml"
LEG, BAND, ARROW, FLOOR = "#000000", "#0072B2", "#D55E00", "#999999"
W, H = 260, 210


def _rot(x: float, y: float, cx: float, cy: float, deg: float) -> tuple[float, float]:
    a = math.radians(deg)
    dx, dy = x - cx, y - cy
    return cx + dx * math.cos(a) - dy * math.sin(a), cy + dx * math.sin(a) + dy * math.cos(a)


def _poly(points, **attrs) -> str:
    pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    extra = " ".join(f'{k.replace("_", "-")}="{v}"' for k, v in attrs.items())
    return f'<polygon points="{pts}" {extra}/>'


def side_leg(foot_deg: float, band: bool, heel_lift: float = 0.0, standing: bool = False) -> str:
    """Lower leg from the side, shin upright; the foot turns about the ankle by `foot_deg` (+ = points down)."""
    ankle = (110.0, 120.0)
    parts = []
    if standing:
        parts.append(f'<line x1="20" y1="172" x2="240" y2="172" stroke="{FLOOR}" stroke-width="3"/>')
        # whole foot pivots on the toes when the heel lifts
        toe = (190.0, 170.0)
        foot = [(95, 150), (190, 158), (198, 170), (92, 170)]
        foot = [_rot(x, y, *toe, heel_lift) for x, y in foot]
        ankle = _rot(110, 140, *toe, heel_lift)
        shin_top = (ankle[0], ankle[1] - 120)
    else:
        foot = [(98, 112), (180, 118), (186, 132), (100, 140)]
        foot = [_rot(x, y, *ankle, foot_deg) for x, y in foot]
        shin_top = (ankle[0] - 70, ankle[1] - 90)
    parts.append(f'<line x1="{shin_top[0]:.1f}" y1="{shin_top[1]:.1f}" x2="{ankle[0]:.1f}" y2="{ankle[1]:.1f}" '
                 f'stroke="{LEG}" stroke-width="26" stroke-linecap="round"/>')
    parts.append(_poly(foot, fill="#ffffff", stroke=LEG, stroke_width="4", stroke_linejoin="round"))
    if band:
        ball = ((foot[1][0] + foot[2][0]) / 2, (foot[1][1] + foot[2][1]) / 2)
        parts.append(f'<path d="M{ball[0]:.1f},{ball[1]:.1f} Q{ball[0] + 30:.1f},{ball[1] - 40:.1f} 40,40" '
                     f'fill="none" stroke="{BAND}" stroke-width="4" stroke-dasharray="8 4"/>')
        parts.append(f'<text x="34" y="34" font-size="12" fill="{BAND}">band</text>')
    return "".join(parts)


def front_foot(tilt_deg: float, band_side: bool) -> str:
    """Foot seen from the front: the sole tilts in (+, inversion) or out (-, eversion)."""
    ankle = (130.0, 95.0)
    parts = [f'<line x1="130" y1="10" x2="130" y2="95" stroke="{LEG}" stroke-width="26" stroke-linecap="round"/>']
    foot = [(100, 95), (160, 95), (168, 150), (92, 150)]
    foot = [_rot(x, y, *ankle, tilt_deg) for x, y in foot]
    parts.append(_poly(foot, fill="#ffffff", stroke=LEG, stroke_width="4", stroke_linejoin="round"))
    sole = [foot[3], foot[2]]
    parts.append(f'<line x1="{sole[0][0]:.1f}" y1="{sole[0][1]:.1f}" x2="{sole[1][0]:.1f}" y2="{sole[1][1]:.1f}" '
                 f'stroke="{LEG}" stroke-width="8"/>')
    parts.append('<text x="8" y="200" font-size="11">inner side ←</text>'
                 '<text x="185" y="200" font-size="11">→ outer side</text>')
    if band_side:
        parts.append(f'<path d="M{foot[2][0]:.1f},{foot[2][1]:.1f} L250,140" stroke="{BAND}" stroke-width="4" '
                     'stroke-dasharray="8 4"/>'
                     f'<text x="212" y="130" font-size="12" fill="{BAND}">band</text>')
    return "".join(parts)


def arrow(x1: float, y1: float, x2: float, y2: float) -> str:
    return (f'<defs><marker id="head" markerWidth="8" markerHeight="8" refX="6" refY="4" orient="auto">'
            f'<path d="M0,0 L8,4 L0,8 z" fill="{ARROW}"/></marker></defs>'
            f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{ARROW}" stroke-width="4" marker-end="url(#head)"/>')


# id -> (drawing at the start, drawing at the end, arrow on the end picture, caption of the motion)
DRAWINGS = {
    "banded_plantarflexion": (side_leg(-20, True), side_leg(30, True), arrow(205, 95, 200, 150), "foot points down"),
    "banded_inversion": (front_foot(0, True), front_foot(25, True), arrow(200, 175, 90, 175), "foot turns in"),
    "calf_raise_double": (side_leg(0, False, 0, True), side_leg(0, False, 18, True), arrow(60, 150, 60, 100),
                          "heels lift"),
    "calf_raise_single": (side_leg(0, False, 0, True), side_leg(0, False, 18, True), arrow(60, 150, 60, 100),
                          "one heel lifts"),
    "rom_dorsiflexion": (side_leg(0, False), side_leg(-25, False), arrow(205, 140, 195, 85), "foot up, toward the shin"),
    "rom_plantarflexion": (side_leg(0, False), side_leg(30, False), arrow(205, 95, 200, 150), "foot points down"),
    "rom_inversion": (front_foot(0, False), front_foot(25, False), arrow(200, 175, 90, 175), "sole turns in"),
    "rom_eversion": (front_foot(0, False), front_foot(-20, False), arrow(60, 175, 170, 175), "sole turns out"),
}


def svg(title: str, desc: str, body: str, stage: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="{W}" height="{H}" role="img" '
            f'aria-labelledby="t d"><title id="t">{escape(title)}</title><desc id="d">{escape(desc)}</desc>'
            f'<rect width="{W}" height="{H}" fill="#ffffff"/>{body}'
            f'<text x="{W - 8}" y="18" font-size="15" font-weight="bold" text-anchor="end">{stage}</text></svg>\n')


def main(out: Path = HERE) -> None:
    exercises = {e["id"]: e for e in tomllib.loads(EXERCISES.read_text(encoding="utf-8"))["exercise"]}
    for ident, (start, end, move, caption) in DRAWINGS.items():
        ex = exercises[ident]
        (out / f"exercise_{ident}_start.svg").write_text(
            svg(f"{ex['name']}: start", ex["start_position"], start, "Start"), encoding="utf-8")
        end_body = end + move + f'<text x="8" y="18" font-size="12" fill="{ARROW}">→ {escape(caption)}</text>'
        (out / f"exercise_{ident}_end.svg").write_text(
            svg(f"{ex['name']}: end", ex["end_position"], end_body, "End"), encoding="utf-8")
    print(f"wrote {2 * len(DRAWINGS)} pictures to {out}")


if __name__ == "__main__":
    import sys

    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
