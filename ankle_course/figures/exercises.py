"""Figures of the learner's exercise log: sessions per week, and pain during and the next morning.

Two pain lines are told apart by marker shape, line style and their names in the legend, never by
colour alone (Okabe-Ito colours only reinforce them). The pain-limit line is labelled in words.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from ..progression import PAIN_DURING_LIMIT, pain_trend, sessions_per_week
from . import PlotlyFigure
from .theme import figure, hline

BLUE, ORANGE, GREY = "#0072B2", "#E69F00", "#555555"


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
    limit, label = hline(PAIN_DURING_LIMIT, f"limit during exercise: {PAIN_DURING_LIMIT}/10", dash="dot", color=GREY)
    return figure(lines, shapes=[limit], annotations=[label],
                  title={"text": "Your pain, session by session (0 = none, 10 = worst)"},
                  yaxis={"title": {"text": "pain (0–10)"}, "range": [0, 10.5], "dtick": 1}, height=340,
                  plot_bgcolor="#ffffff", legend={"orientation": "h", "y": -0.2}, margin={"t": 50})
