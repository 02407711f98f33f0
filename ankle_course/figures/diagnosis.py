"""Figures for the diagnosis module: the Ottawa points diagram and a Fagan nomogram.

Both return plotly figure dicts. Meaning is carried by text and marker shape as well as by
colour (Okabe-Ito palette), and each figure has a `*_rows` function giving the same content as a table,
which the widgets show as the figure's text alternative.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from ..accuracy import post_test_probability
from ..ottawa import TENDER_POINTS
from . import PlotlyFigure
from .theme import figure

# Okabe-Ito colour-blind-safe palette
VERMILLION, BLUE, ORANGE, SKY, GREY = "#D55E00", "#0072B2", "#E69F00", "#56B4E9", "#555555"

# ---------------------------------------------------------------------------------------- Ottawa diagram
# Schematic side views of a right foot: outer side on the left panel (toes pointing right), inner side on
# the right panel (mirrored, toes pointing left). Units are arbitrary; roughly 1 unit = 2.5 cm.
_FOOT = [(1.6, 8.2), (1.6, 4.6), (0.8, 2.3), (0.7, 1.0), (1.2, 0.2), (6.0, 0.2), (9.0, 0.3), (9.8, 0.8),
         (9.3, 1.4), (6.0, 2.3), (4.4, 3.4), (3.8, 4.6), (3.8, 8.2)]
_MIRROR = 22.0
_PANEL = {"outer": lambda x: x, "inner": lambda x: _MIRROR - x}
# where each point sits in its panel, before mirroring; the malleolar "back edge or tip" is a strip
_POINT_XY = {"lateral_malleolus": (2.15, 3.5), "medial_malleolus": (2.15, 3.9),
             "fifth_metatarsal_base": (5.9, 0.75), "navicular": (5.0, 2.25)}
_BACK_EDGE = [(1.85, 6.6), (1.85, 4.2), (2.15, 3.3)]  # posterior edge and tip of the distal 6 cm of a malleolus
_ZONES = {"Malleolar zone": (0.6, 2.6, 4.3, 5.6), "Midfoot zone": (4.4, 0.1, 7.2, 3.2)}
_ZONE_LABEL_Y = {"Malleolar zone": 5.85, "Midfoot zone": 2.95}
# where each point's label sits (before mirroring), in empty space, with an arrow to the point
_LABEL_XY = {"lateral_malleolus": (6.6, 6.2), "medial_malleolus": (6.6, 6.2),
             "fifth_metatarsal_base": (8.3, -0.45), "navicular": (8.0, 4.2)}
_BUMP = {"outer": (2.45, 3.75), "inner": (2.45, 4.1)}  # the malleolus itself, drawn as a bump


def ottawa_rows(tender: Iterable[str]) -> list[tuple[str, str, str, str]]:
    """The diagram as a table: point, where, zone, tender or not."""
    tender = set(tender)
    return [(p.label, p.anatomical, "ankle (malleolar zone)" if p.zone == "ankle" else "midfoot zone",
             "✱ TENDER" if p.id in tender else "○ not tender") for p in TENDER_POINTS.values()]


def ottawa_diagram(tender: Iterable[str] = (), show_status: bool = True) -> PlotlyFigure:
    """Both sides of the foot with the four Ottawa points; tender points are starred and labelled.

    `show_status=False` labels the points by name only: the symptom checker shows the drawing to say where
    to press, before anything is known about tenderness."""
    tender = set(tender)
    traces: list[dict[str, Any]] = []
    shapes: list[dict[str, Any]] = []
    notes: list[dict[str, Any]] = []
    for side, title in (("outer", "Outer side of the right foot"), ("inner", "Inner side of the right foot")):
        tx = _PANEL[side]
        for name, (x0, y0, x1, y1) in _ZONES.items():
            shapes.append(dict(type="rect", x0=tx(x0), x1=tx(x1), y0=y0, y1=y1, line={"color": SKY, "dash": "dot"},
                               fillcolor="rgba(86,180,233,0.12)", layer="below"))
            notes.append(dict(x=tx((x0 + x1) / 2), y=_ZONE_LABEL_Y[name], text=name, showarrow=False,
                              font={"size": 11, "color": GREY}))
        bx, by = _BUMP[side]
        shapes.append(dict(type="circle", x0=tx(bx - 0.55), x1=tx(bx + 0.55), y0=by - 0.55, y1=by + 0.55,
                           line={"color": GREY, "width": 1.5}))
        traces.append(dict(type="scatter", x=[tx(x) for x, _ in _FOOT], y=[y for _, y in _FOOT], mode="lines",
                           line={"color": "#000000", "width": 2}, hoverinfo="skip", showlegend=False))
        traces.append(dict(type="scatter", x=[tx(x) for x, _ in _BACK_EDGE], y=[y for _, y in _BACK_EDGE],
                           mode="lines", line={"color": ORANGE, "width": 6}, hoverinfo="skip", showlegend=False))
        notes.append(dict(x=tx(1.6), y=7.2, text="back edge,<br>lower 6 cm", showarrow=False,
                          xanchor="right" if side == "outer" else "left", font={"size": 10, "color": GREY}))
        notes.append(dict(x=tx(4.5), y=8.9, text=f"<b>{title}</b>", showarrow=False, font={"size": 13}))
    for point in TENDER_POINTS.values():
        x, y = _POINT_XY[point.id]
        is_tender = point.id in tender
        short = point.label.split(":")[0].split(" (")[0]
        tx = _PANEL[point.side]
        traces.append(dict(
            type="scatter", x=[tx(x)], y=[y], mode="markers",
            marker={"symbol": "star" if is_tender else "circle-open", "size": 22 if is_tender else 16,
                    "color": VERMILLION if is_tender else BLUE, "line": {"width": 2, "color": "#000000"}},
            hovertext=point.anatomical, hoverinfo="text", name=point.label, showlegend=False))
        lx, ly = _LABEL_XY[point.id]
        notes.append(dict(x=tx(x), y=y, ax=tx(lx), ay=ly, axref="x", ayref="y", showarrow=True, arrowhead=2,
                          arrowcolor=GREY, text=(f"<b>{'✱ TENDER' if is_tender else '○ not tender'}</b><br>{short}"
                                                if show_status else f"<b>{short}</b>"),
                          font={"size": 11}, bgcolor="rgba(255,255,255,0.85)"))
    return figure(traces, shapes=shapes, annotations=notes,
                  xaxis={"visible": False, "range": [-0.5, _MIRROR + 0.5]},
                  yaxis={"visible": False, "range": [-0.8, 9.4], "scaleanchor": "x", "scaleratio": 1},
                  height=330, margin={"l": 10, "r": 10, "t": 10, "b": 10}, plot_bgcolor="white",
                  paper_bgcolor="white", dragmode=False)


# ---------------------------------------------------------------------------------------- Fagan nomogram
PROBABILITY_TICKS = (0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95,
                     0.98, 0.99, 0.995, 0.999)
LR_TICKS = (0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 1000)
_LIMIT = 0.999


def _logit(p: float) -> float:
    p = min(max(p, 1 - _LIMIT), _LIMIT)
    return math.log10(p / (1 - p))


def _pct(p: float) -> str:
    return f"{p * 100:.3g} %" if p < 0.01 or p > 0.99 else f"{p * 100:.1f} %"


def fagan_rows(pre_test: float, lr: float, result: str) -> list[tuple[str, str]]:
    """The nomogram as a table: the three values a straight line joins."""
    post = post_test_probability(pre_test, lr)
    return [("Pre-test probability", _pct(pre_test)), (f"Likelihood ratio ({result} result)", f"{lr:g}"),
            ("Post-test probability", _pct(post))]


def fagan_nomogram(pre_test: float, lr: float, result: str = "positive") -> PlotlyFigure:
    """A Fagan nomogram: a straight line from the pre-test probability through the LR to the post-test one.

    Left axis: -logit(pre); middle: log(LR)/2; right: logit(post). The line is straight because
    logit(post) = logit(pre) + log(LR) (Bayes' theorem in odds form).
    """
    post = post_test_probability(pre_test, lr)
    traces: list[dict[str, Any]] = []
    shapes: list[dict[str, Any]] = []
    notes: list[dict[str, Any]] = []
    axes = ((0, "Pre-test<br>probability", [(-_logit(p), _pct(p)) for p in PROBABILITY_TICKS]),
            (1, "Likelihood<br>ratio", [(math.log10(v) / 2, f"{v:g}") for v in LR_TICKS]),
            (2, "Post-test<br>probability", [(_logit(p), _pct(p)) for p in PROBABILITY_TICKS]))
    for x, title, ticks in axes:
        traces.append(dict(type="scatter", x=[x, x], y=[-3.05, 3.05], mode="lines",
                           line={"color": "#000000", "width": 1.5}, hoverinfo="skip", showlegend=False))
        for y, label in ticks:
            shapes.append(dict(type="line", x0=x - 0.03, x1=x + 0.03, y0=y, y1=y,
                               line={"color": "#000000", "width": 1}))
            notes.append(dict(x=x, y=y, text=label, showarrow=False, xanchor="right" if x < 2 else "left",
                              xshift=-8 if x < 2 else 8, font={"size": 10}))
        notes.append(dict(x=x, y=3.45, text=f"<b>{title}</b>", showarrow=False, font={"size": 12}))
    colour, dash, symbol = (VERMILLION, "solid", "triangle-up") if result == "positive" else \
        (BLUE, "dash", "triangle-down")
    y0, y2 = -_logit(pre_test), _logit(post)
    traces.append(dict(
        type="scatter", x=[0, 1, 2], y=[y0, (y0 + y2) / 2, y2], mode="lines+markers", name=f"{result} result",
        line={"color": colour, "width": 3, "dash": dash}, marker={"symbol": symbol, "size": 12, "color": colour},
        hovertext=[f"pre-test {_pct(pre_test)}", f"LR {lr:g}", f"post-test {_pct(post)}"], hoverinfo="text",
        showlegend=False))
    notes.append(dict(x=2, y=y2, text=f"<b>{'▲' if result == 'positive' else '▼'} {result}: {_pct(post)}</b>",
                      showarrow=True, ax=75, ay=-30 if result == "positive" else 30, arrowcolor=colour,
                      font={"color": "#000000"}, bgcolor="white", bordercolor=colour, xanchor="left"))
    notes.append(dict(x=0, y=y0, text=f"<b>before: {_pct(pre_test)}</b>", showarrow=True, ax=-70, ay=0,
                      arrowcolor=colour, font={"color": "#000000"}, bgcolor="white", bordercolor=colour))
    return figure(traces, shapes=shapes, annotations=notes,
                  xaxis={"visible": False, "range": [-0.9, 3.1]}, yaxis={"visible": False, "range": [-3.3, 3.7]},
                  height=480, margin={"l": 10, "r": 10, "t": 10, "b": 10}, plot_bgcolor="white",
                  paper_bgcolor="white", dragmode=False)


OTTAWA_POINTS_ALT = ("Drawing of the outer and the inner side of the right foot. Press: the back edge and tip of the "
                     "outer ankle bone and of the inner ankle bone, over their lower 6 cm; the bump in the middle of "
                     "the inner edge of the foot (navicular); the bump in the middle of the outer edge of the foot "
                     "(base of the fifth metatarsal).")
