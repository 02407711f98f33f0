"""Figures of the home exercise programme: the pictures of a person doing each exercise, and the learner's
log (sessions per week, pain during and the next morning).

Log: two pain lines are told apart by marker shape, line style and their names in the legend, never by
colour alone (Okabe-Ito colours only reinforce them). The pain-limit line is labelled in words.

Pictures: the body model (ankle_course.body_model) posed by the exercise's poses in exercises.toml. One
function, `exercise_shapes`, lays out every picture; `exercise_svg` writes it as SVG (the stills in
images/, the cards, the handout and the timer's moving demonstration) and `exercise_figure` as a plotly
figure, so the two can never disagree. The start and end pictures of an exercise share one frame, so
the person does not jump between them, and every frame of the demonstration fits in it too.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from html import escape
from typing import Any

from ..body_model import Scene, Shape, blend, bounds, counter_edge, drawing, floor, pose_body, projector
from ..content import Course, course
from ..content.records import Exercise, Point
from ..progression import pain_trend, rule, sessions_per_week
from . import PlotlyFigure
from .theme import figure, hline

BLUE, ORANGE, GREY = "#0072B2", "#E69F00", "#555555"
PICTURE_W, PICTURE_H = 280, 250
ARROW = "#D55E00"


def sessions_per_week_figure(sessions: Sequence[Mapping[str, Any]]) -> PlotlyFigure:
    weeks = sessions_per_week(sessions)
    bars = {"type": "bar", "x": [f"week of {w:%d %b}" for w, _ in weeks], "y": [n for _, n in weeks],
            "text": [str(n) for _, n in weeks], "textposition": "outside",
            "marker": {"color": BLUE, "line": {"color": "#000000", "width": 1}}}
    return figure([bars], title={"text": "Exercise sessions per week"},
                  yaxis={"title": {"text": "sessions"}, "rangemode": "tozero"},
                  height=320, plot_bgcolor="#ffffff", margin={"t": 50, "b": 40})


def pain_trend_figure(sessions: Sequence[Mapping[str, Any]]) -> PlotlyFigure:
    trend = pain_trend(sessions)
    when = [t.isoformat() if hasattr(t, "isoformat") else t for t, _, _ in trend]
    lines = [
        {"type": "scatter", "x": when, "y": [d for _, d, _ in trend], "name": "● pain during the session",
         "mode": "lines+markers", "marker": {"symbol": "circle", "size": 9, "color": BLUE},
         "line": {"dash": "solid", "color": BLUE}},
        {"type": "scatter", "x": when, "y": [m for _, _, m in trend], "name": "▲ pain the next morning",
         "mode": "lines+markers", "marker": {"symbol": "triangle-up", "size": 10, "color": ORANGE},
         "line": {"dash": "dash", "color": ORANGE}},
    ]
    most = rule().pain_during_max
    limit, label = hline(most, f"limit during exercise: {most}/10", dash="dot", color=GREY)
    return figure(lines, shapes=[limit], annotations=[label],
                  title={"text": "Your pain, session by session (0 = none, 10 = worst)"},
                  yaxis={"title": {"text": "pain (0–10)"}, "range": [0, 10.5], "dtick": 1}, height=340,
                  plot_bgcolor="#ffffff", legend={"orientation": "h", "y": -0.2}, margin={"t": 50})


# ---------------------------------------------------------------------------------------------- pictures of a person
# The exercise pictures: the body model (ankle_course.body_model) posed by each exercise's poses in
# exercises.toml, drawn as SVG (stills in images/, the cards, the handout, the timer's demonstration) and as
# plotly figures. One drawing function feeds both, so they cannot disagree.

def _f(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def shapes_svg(shapes: Sequence[Shape], frame: tuple[float, float, float, float], width: int = PICTURE_W,
               height: int = PICTURE_H, top: int = -1) -> str:
    """The shapes as SVG elements (no <svg> wrapper), in a frame (x0, y0, x1, y1) of picture units."""
    k, px = _to_pixels(frame, width, height, top)
    out = []
    for sh in shapes:
        cls = f' class="{escape(sh.role.replace(" ", "-"))}"' if sh.role else ""
        pts = [px(p) for p in sh.points]
        if sh.kind == "capsule":
            (ax, ay), (bx, by) = pts
            w = sh.width * k
            line = f'x1="{_f(ax)}" y1="{_f(ay)}" x2="{_f(bx)}" y2="{_f(by)}" stroke-linecap="round"'
            out.append(f'<g{cls}><line {line} stroke="{sh.stroke}" stroke-width="{_f(w + 3)}"/>'
                       f'<line {line} stroke="{sh.fill}" stroke-width="{_f(w)}"/></g>')
        elif sh.kind == "circle":
            (cx, cy), = pts
            out.append(f'<circle{cls} cx="{_f(cx)}" cy="{_f(cy)}" r="{_f(sh.width * k)}" fill="{sh.fill}" '
                       f'stroke="{sh.stroke}" stroke-width="1.5"/>')
        elif sh.kind == "polygon":
            out.append(f'<polygon{cls} points="{" ".join(f"{_f(x)},{_f(y)}" for x, y in pts)}" fill="{sh.fill}" '
                       f'stroke="{sh.stroke}" stroke-width="1.5" stroke-linejoin="round"/>')
        elif sh.kind == "polyline":
            dash = ' stroke-dasharray="7 4"' if sh.dash else ""
            out.append(f'<polyline{cls} points="{" ".join(f"{_f(x)},{_f(y)}" for x, y in pts)}" fill="none" '
                       f'stroke="{sh.stroke}" stroke-width="{_f(max(1.5, sh.width * k))}"{dash}/>')
    return "".join(out)


def _to_pixels(frame: tuple[float, float, float, float], width: int, height: int,
               top: int = -1) -> tuple[float, Callable[[Point], Point]]:
    x0, y0, x1, y1 = frame
    top = LABEL_BAND_PX if top < 0 else top
    k = min(width / (x1 - x0), (height - top) / (y1 - y0))
    ox, oy = (width - k * (x1 - x0)) / 2, top + (height - top - k * (y1 - y0)) / 2
    return k, lambda p: (ox + (p[0] - x0) * k, oy + (y1 - p[1]) * k)


LABEL_BAND_PX = 24  # room above the person for the stage label and the movement's caption
CLOSE_UP_PX, CLOSE_UP_HALF = 104, 0.12  # the foot's close-up: its size, and how much of the body it shows (H)
FRAME_PAD = 0.04


def exercise_scene(ex: Exercise) -> Scene:
    """Where the props stand for this exercise: fixed by its start pose, so they stay put as the body moves."""
    poses = ex.poses
    assert poses is not None, f"{ex.id} has no poses"
    counter_x = counter_edge(pose_body(poses.start, poses.support)) if "counter" in poses.props else None
    return Scene(view=poses.view, support=poses.support, hands=poses.hands, props=tuple(poses.props),
                 counter_x=counter_x)


def exercise_shapes(ex: Exercise, fraction: float) -> list[Shape]:
    """The person `fraction` of the way from the start (0) to the end (1) position, with the props."""
    assert ex.poses is not None, f"{ex.id} has no poses"
    return drawing(blend(ex.poses.start, ex.poses.end, fraction), exercise_scene(ex))


def picture_frame(ex: Exercise) -> tuple[float, float, float, float]:
    """One frame for every picture of the exercise: around the start, the end and the way between."""
    boxes = [bounds(exercise_shapes(ex, f)) for f in (0.0, 0.5, 1.0)]
    x0, y0 = min(b[0] for b in boxes) - FRAME_PAD, min(min(b[1] for b in boxes), 0.0) - FRAME_PAD
    x1, y1 = max(b[2] for b in boxes) + FRAME_PAD, max(b[3] for b in boxes) + FRAME_PAD
    if ex.poses is not None and ex.poses.close_up:  # room on the right for the close-up of the foot
        k = (PICTURE_H - LABEL_BAND_PX) / (y1 - y0)
        x1 = max(x1 + (CLOSE_UP_PX + 8) / k, x0 + PICTURE_W / k)
    return x0, y0, x1, y1


def _arrow_points(ex: Exercise) -> tuple[tuple[float, float], tuple[float, float]]:
    assert ex.poses is not None
    scene = exercise_scene(ex)
    project = projector(scene.view)
    ends = []
    for stage in (ex.poses.start, ex.poses.end):
        body = pose_body(stage, scene.support, scene.hands, scene.counter_x)
        ends.append(project(body.points[ex.poses.arrow_from])[0])
    return ends[0], ends[1]


def exercise_svg(ex: Exercise, stage: str | float, title: str | None = None, desc: str | None = None) -> str:
    """One picture as a whole SVG document: 'start', 'end' (with the movement's arrow and caption) or a
    fraction of the way between them (a frame of the demonstration). Titled and described for screen readers."""
    assert ex.poses is not None, f"{ex.id} has no poses"
    fraction = {"start": 0.0, "end": 1.0}.get(stage, stage) if isinstance(stage, str) else float(stage)
    if isinstance(fraction, str):
        raise ValueError(f"stage must be 'start', 'end' or a number from 0 to 1, not {stage!r}")
    frame = picture_frame(ex)
    shapes = [floor(frame), *exercise_shapes(ex, fraction)]
    title = title or f"{ex.name}: " + ({"start": "start", "end": "end"}.get(stage, "moving") if isinstance(stage, str)
                                        else "moving")
    desc = desc or (ex.start_position if fraction < 0.5 else ex.end_position) or title
    body = shapes_svg(shapes, frame) + (_close_up(ex, shapes, frame) if ex.poses.close_up else "")
    label = {"start": "Start", "end": "End"}.get(stage, "") if isinstance(stage, str) else ""
    extra = ""
    if stage == "end":
        k, px = _to_pixels(frame, PICTURE_W, PICTURE_H)
        (ax, ay), (bx, by) = (px(p) for p in _arrow_points(ex))
        if math.hypot(bx - ax, by - ay) > 6:
            extra = (f'<defs><marker id="head-{ex.id}" markerWidth="8" markerHeight="8" refX="5" refY="4" '
                     f'orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="{ARROW}"/></marker></defs>'
                     f'<line class="movement-arrow" x1="{_f(ax)}" y1="{_f(ay)}" x2="{_f(bx)}" y2="{_f(by)}" '
                     f'stroke="{ARROW}" stroke-width="3" marker-end="url(#head-{ex.id})"/>')
        extra += (f'<text x="6" y="16" font-size="12" fill="{ARROW}" font-family="sans-serif">'
                  f"→ {escape(ex.poses.caption)}</text>")
    if label:
        extra += (f'<text x="{PICTURE_W - 6}" y="16" font-size="14" font-weight="bold" text-anchor="end" '
                  f'font-family="sans-serif">{label}</text>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {PICTURE_W} {PICTURE_H}" width="{PICTURE_W}" '
            f'height="{PICTURE_H}" role="img" aria-labelledby="t-{ex.id} d-{ex.id}"><title id="t-{ex.id}">'
            f'{escape(title)}</title><desc id="d-{ex.id}">{escape(desc)}</desc>'
            f'<rect width="{PICTURE_W}" height="{PICTURE_H}" fill="#ffffff"/>{body}{extra}</svg>\n')


def _close_up(ex: Exercise, shapes: Sequence[Shape], frame: tuple[float, float, float, float]) -> str:
    """A magnified, framed view of the sore foot in the picture's emptier side, for movements too small to see
    at full-body scale (the crossed-leg stretches). It is centred on the foot in the start pose, so that
    start and end close-ups compare like for like."""
    assert ex.poses is not None, f"{ex.id} has no poses"
    scene = exercise_scene(ex)
    body = pose_body(ex.poses.start, scene.support, scene.hands, scene.counter_x)
    project = projector(scene.view)
    (ax, ay), _ = project(body.points["r_ankle"])
    (tx, ty), _ = project(body.points["r_toe"])
    cx, cy = (ax + tx) / 2, (ay + ty) / 2
    zoom = (cx - CLOSE_UP_HALF, cy - CLOSE_UP_HALF, cx + CLOSE_UP_HALF, cy + CLOSE_UP_HALF)
    x, y = PICTURE_W - CLOSE_UP_PX - 4, LABEL_BAND_PX + 2
    foot_only = [sh for sh in shapes if not sh.role.endswith(("arm", "forearm", "hand")) and sh.role != "floor"]
    inner = shapes_svg(foot_only, zoom, CLOSE_UP_PX, CLOSE_UP_PX, top=0)
    clip = f"close-{ex.id}"
    return (f'<g class="close-up" transform="translate({x},{y})"><defs><clipPath id="{clip}"><rect width="{CLOSE_UP_PX}" '
            f'height="{CLOSE_UP_PX}"/></clipPath></defs><rect width="{CLOSE_UP_PX}" height="{CLOSE_UP_PX}" '
            f'fill="#ffffff" stroke="#000000" stroke-width="1.5"/><g clip-path="url(#{clip})">{inner}</g>'
            f'<text x="4" y="{CLOSE_UP_PX - 5}" font-size="10" font-family="sans-serif">the foot, close up</text></g>')


def exercise_figure(ex: Exercise, stage: str | float = "start") -> PlotlyFigure:
    """The same picture as a plotly figure (for a notebook that wants to zoom or export it)."""
    fraction = {"start": 0.0, "end": 1.0}[stage] if isinstance(stage, str) else float(stage)
    frame = picture_frame(ex)
    k = PICTURE_W / (frame[2] - frame[0])
    data: list[dict[str, Any]] = []
    shapes_out: list[dict[str, Any]] = []
    for sh in [floor(frame), *exercise_shapes(ex, fraction)]:
        xs, ys = [p[0] for p in sh.points], [p[1] for p in sh.points]
        if sh.kind == "capsule":
            for colour, extra in ((sh.stroke, 3), (sh.fill, 0)):
                data.append({"type": "scatter", "x": xs, "y": ys, "mode": "lines", "hoverinfo": "skip",
                             "showlegend": False, "line": {"color": colour, "width": sh.width * k + extra}})
        elif sh.kind == "polygon":
            path = "M " + " L ".join(f"{x:.4f},{y:.4f}" for x, y in sh.points) + " Z"
            shapes_out.append({"type": "path", "path": path, "fillcolor": sh.fill, "line": {"color": sh.stroke,
                                                                                             "width": 1.5}})
            data.append({"type": "scatter", "x": [None], "y": [None], "showlegend": False, "hoverinfo": "skip"})
        elif sh.kind == "circle":
            (cx, cy), r = sh.points[0], sh.width
            shapes_out.append({"type": "circle", "x0": cx - r, "x1": cx + r, "y0": cy - r, "y1": cy + r,
                               "fillcolor": sh.fill, "line": {"color": sh.stroke, "width": 1.5}})
        else:
            data.append({"type": "scatter", "x": xs, "y": ys, "mode": "lines", "hoverinfo": "skip", "showlegend": False,
                         "line": {"color": sh.stroke, "width": max(1.5, sh.width * k),
                                  "dash": "dash" if sh.dash else "solid"}})
    words = ex.start_position if fraction < 0.5 else ex.end_position
    return figure(data, shapes=shapes_out, width=PICTURE_W + 40, height=PICTURE_H + 40, showlegend=False,
                  title={"text": f"{ex.name}: {'start' if fraction < 0.5 else 'end'}", "font": {"size": 12}},
                  xaxis={"visible": False, "range": [frame[0], frame[2]], "fixedrange": True},
                  yaxis={"visible": False, "range": [frame[1], frame[3]], "scaleanchor": "x", "fixedrange": True},
                  plot_bgcolor="#ffffff", margin={"l": 10, "r": 10, "t": 30, "b": 10},
                  meta={"description": words})


def exercise_svgs(content: Course | None = None) -> dict[str, str]:
    """File name -> SVG text for every exercise's start and end picture (what images/ must hold)."""
    content = content or course()
    out = {}
    for ex in content.exercises.values():
        if ex.poses is None:
            continue
        out[f"exercise_{ex.id}_start.svg"] = exercise_svg(ex, "start")
        out[f"exercise_{ex.id}_end.svg"] = exercise_svg(ex, "end")
    return out
