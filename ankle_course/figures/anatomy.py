"""Plotly figures of the inner ankle, drawn from the geometry in anatomy_shapes.toml.

One trace per structure (so hovering anything names it and says why it matters), grouped by layer;
the highlighted structure keeps full strength and a thick outline while everything else fades, so a
highlight never depends on colour alone.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Sequence
from typing import Any

from ..anatomy.describe import facts, label_text, wrap
from ..anatomy.geometry import bounds, outlines, rotate
from ..anatomy.layers import VIEWS, Drawn, drawn_in, short_name
from ..content import Course, course
from ..content.records import Point, Structure
from . import PlotlyFigure
from .anatomy_style import FADED_OPACITY, HIGHLIGHT_LINE, style_of
from .theme import figure

MIRRORED_VIEWS = ("medial", "section")  # drawn with forward to the left: the inside of a right foot
VIEW_NOTES = {
    "medial": "Toes to the left, heel to the right: the inside of a right foot.",
    "section": "Front of the ankle to the left, back to the right; skin side up.",
    "rear": "Inner side to the left, outer side to the right: the right ankle from behind.",
}


def hover_text(drawn: Drawn) -> str:
    return _hover_text(drawn.structure)


@functools.lru_cache(maxsize=256)
def _hover_text(s: Structure) -> str:
    """Cached: a motion redraws the same structures for every frame, and wrapping text is the slow part."""
    lines = [f"<b>{html.escape(s.name)}</b>"]
    for heading, text in facts(s):
        body = wrap(f"{heading}: {text}", 64)
        lines.extend(html.escape(line) for line in body)
    return "<br>".join(lines)


def _xy(polylines: Sequence[Sequence[Point]]) -> tuple[list[float | None], list[float | None]]:
    xs: list[float | None] = []
    ys: list[float | None] = []
    for line in polylines:
        if xs:
            xs.append(None)
            ys.append(None)
        xs.extend(round(x, 2) for x, _ in line)
        ys.extend(round(y, 2) for _, y in line)
    return xs, ys


def structure_trace(drawn: Drawn, polylines: Sequence[Sequence[Point]], highlight: str | None = None) -> dict[str, Any]:
    style = style_of(drawn.structure, drawn.shape)
    is_highlight = highlight == drawn.structure.id
    faded = highlight is not None and not is_highlight
    xs, ys = _xy(polylines)
    filled = style.fill is not None
    line = dict(color=HIGHLIGHT_LINE if is_highlight else style.line,
                width=style.line_width + (2.5 if is_highlight else 0), dash=style.dash)
    trace = dict(
        type="scatter", x=xs, y=ys, mode="lines", name=short_name(drawn.structure, drawn.shape),
        legendgroup=drawn.layer, meta=drawn.structure.id, line=line, text=hover_text(drawn), hoverinfo="text",
        opacity=FADED_OPACITY if faded else style.opacity, showlegend=False,
        hoverlabel=dict(bgcolor="white", font=dict(color="black", size=12), align="left"),
    )
    if filled:
        trace.update(fill="toself", fillcolor=style.fill, hoveron="fills+points")
        if style.pattern:
            trace.update(fillpattern=dict(shape=style.pattern, fgcolor=style.line, solidity=0.25, size=6))
    return trace


def _label(drawn: Drawn, text: str, highlight: str | None) -> dict | None:
    shape = drawn.shape
    if shape.label is None:
        return None
    strong = highlight == drawn.structure.id
    base = dict(text=f"<b>▶ {html.escape(text)}</b>" if strong else html.escape(text),
                font=dict(size=12 if strong else 10, color="black"), bgcolor="rgba(255,255,255,0.75)")
    if shape.pin is None:
        return dict(x=shape.label[0], y=shape.label[1], showarrow=False, **base)
    return dict(x=shape.pin[0], y=shape.pin[1], ax=shape.label[0], ay=shape.label[1], axref="x", ayref="y",
                showarrow=True, arrowhead=0, arrowwidth=1, arrowcolor="#333333", standoff=0, **base)


def anatomy_figure(view: str = "medial", layers: tuple[str, ...] | None = None, highlight: str | None = None,
                   labels: bool = True, content: Course | None = None, motion_pose: dict | None = None,
                   height: int = 620) -> PlotlyFigure:
    """One view of the ankle. `layers` limits what is drawn (default: all); `highlight` is a structure id;
    `labels=False` hides names (for the drill); `motion_pose` maps structure id -> (pivot, degrees)."""
    content = content or course()
    items = drawn_in(content, view, layers)
    traces = []
    all_lines: list[Sequence[Point]] = []
    annotations = []
    for drawn in items:
        polylines: Sequence[Sequence[Point]] = outlines(drawn.shape)
        if motion_pose and drawn.structure.id in motion_pose:
            pivot, degrees = motion_pose[drawn.structure.id]
            polylines = [rotate(line, pivot, degrees) for line in polylines]
        all_lines.extend(polylines)
        traces.append(structure_trace(drawn, polylines, highlight))
        if labels and not motion_pose:
            label = _label(drawn, label_text(drawn, view), highlight)
            if label and drawn.shape.label is not None:  # _label gives one exactly when the shape has a label
                annotations.append(label)
                all_lines.append([drawn.shape.label])
    if not all_lines:
        all_lines = [[(0.0, 0.0), (100.0, 100.0)]]
    x0, y0, x1, y1 = bounds(all_lines)
    pad = 14
    xr = [x1 + pad, x0 - pad] if view in MIRRORED_VIEWS else [x0 - pad, x1 + pad]
    return figure(
        traces,
        title=dict(text=f"{VIEWS[view]}<br><sup>{VIEW_NOTES[view]}</sup>", x=0.02),
        height=height, margin=dict(l=10, r=10, t=70, b=10), plot_bgcolor="white", paper_bgcolor="white",
        annotations=annotations, hovermode="closest", dragmode="pan",
        xaxis=dict(range=xr, visible=False, scaleanchor="y", scaleratio=1, constrain="domain"),
        yaxis=dict(range=[y0 - pad, y1 + pad], visible=False),
    )


def tunnel_section_figure(content: Course | None = None, highlight: str | None = None) -> PlotlyFigure:
    """The cut across the tarsal tunnel, contents numbered front to back with the memory aid."""
    return anatomy_figure("section", highlight=highlight, content=content, height=460)


def motion_figure(motion_id: str, steps: int = 10, content: Course | None = None) -> PlotlyFigure:
    """One ankle motion as an animation: play it, or drag the slider through the range."""
    content = content or course()
    motion = content.motions[motion_id]
    angles = [round(motion.degrees * k / steps, 3) for k in range(steps + 1)]
    layers = ("bones", "tendons") if motion.view == "rear" else ("bones",)

    def pose(angle: float) -> dict:
        return {ident: (motion.pivot, angle) for ident in motion.moving}

    fig = anatomy_figure(motion.view, layers=layers, content=content, motion_pose=pose(0), height=520)
    moving_index = [i for i, t in enumerate(fig["data"]) if t["meta"] in motion.moving]
    frames = []
    for angle in angles:
        posed = anatomy_figure(motion.view, layers=layers, content=content, motion_pose=pose(angle))
        # a frame only moves its traces: x and y are all plotly.js needs to merge into them
        frames.append(dict(name=f"{abs(angle):g}°", traces=moving_index,
                           data=[{"type": "scatter", "x": posed["data"][i]["x"], "y": posed["data"][i]["y"]}
                                 for i in moving_index]))
    fig["frames"] = frames
    _fit_all_poses(fig, motion.view)
    names = [f["name"] for f in frames]
    play = dict(frame=dict(duration=120, redraw=False), transition=dict(duration=0), fromcurrent=False,
                mode="immediate")
    fig["layout"].update(
        title=dict(text=f"{motion.name} — {content.structures[motion.joint].name}<br><sup>"
                        f"{VIEW_NOTES[motion.view]} Press Play, or drag the slider.</sup>"),
        updatemenus=[dict(type="buttons", direction="left", x=0.0, y=-0.02, xanchor="left", yanchor="top",
                          buttons=[dict(label="▶ Play", method="animate", args=[names + names[::-1], play]),
                                   dict(label="Pause", method="animate",
                                        args=[[None], dict(mode="immediate", frame=dict(duration=0))])])],
        sliders=[dict(active=0, x=0.2, len=0.78, y=-0.02, currentvalue=dict(prefix=f"{motion.name}: "),
                      steps=[dict(label=n, method="animate",
                                  args=[[n], dict(mode="immediate", frame=dict(duration=0, redraw=False))])
                             for n in names])],
        margin=dict(l=10, r=10, t=70, b=80),
    )
    return fig


SIDE_WORDS = {"medial": ("◀ toes", "heel ▶"), "rear": ("◀ inner side", "outer side ▶")}


def _fit_all_poses(fig: PlotlyFigure, view: str) -> None:
    """Set the axes to hold the foot at every step of the motion, and say which way is which."""
    traces = list(fig["data"]) + [t for frame in fig["frames"] for t in frame["data"]]
    xs = [x for t in traces for x in t["x"] if x is not None]
    ys = [y for t in traces for y in t["y"] if y is not None]
    pad = 12
    x0, x1 = min(xs) - pad, max(xs) + pad
    layout = fig["layout"]
    layout["xaxis"] = {**layout["xaxis"], "range": [x1, x0] if view in MIRRORED_VIEWS else [x0, x1]}
    layout["yaxis"] = {**layout["yaxis"], "range": [min(ys) - pad, max(ys) + pad]}
    left, right = SIDE_WORDS[view]
    layout["annotations"] = [
        *layout.get("annotations", ()),
        dict(x=0.0, y=1.0, xref="paper", yref="paper", text=left, showarrow=False, xanchor="left"),
        dict(x=1.0, y=1.0, xref="paper", yref="paper", text=right, showarrow=False, xanchor="right"),
    ]
