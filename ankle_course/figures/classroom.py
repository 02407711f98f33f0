"""Class-results figures: item difficulty vs discrimination, and mastery per objective across a class.
Each has a table alternative in the classroom view; labels carry the meaning, colour only repeats it."""

from __future__ import annotations

from collections.abc import Sequence

from ..classroom import ItemStats, ObjectiveSummary
from . import PlotlyFigure
from .theme import figure, hline

OKABE_ITO = {"ok": "#0072B2", "review this question": "#D55E00"}
SYMBOL = {"ok": "circle", "review this question": "x"}


def item_figure(items: Sequence[ItemStats]) -> PlotlyFigure:
    """Scatter of difficulty (x) against discrimination (y) for questions with enough answers."""
    usable = [(i, d, r) for i in items if (d := i.difficulty) is not None and (r := i.discrimination) is not None]
    traces = []
    for flag in ("ok", "review this question"):
        group = [(i, d, r) for i, d, r in usable if i.flag == flag]
        traces.append({
            "type": "scatter", "x": [round(100 * d) for _, d, _ in group],
            "y": [round(r, 2) for _, _, r in group], "mode": "markers+text",
            "text": [i.question_id for i, _, _ in group], "textposition": "top center",
            "marker": {"color": OKABE_ITO[flag], "symbol": SYMBOL[flag], "size": 11}, "name": flag.capitalize(),
            "hovertemplate": "%{text}<br>difficulty %{x}%<br>discrimination %{y}<extra></extra>"})
    line, label = hline(0.2, "below 0.2: review", position="top right")
    return figure(traces, shapes=[line], annotations=[label],
                  title={"text": "Questions: difficulty (mean score) and discrimination (corrected point-biserial)"},
                  xaxis={"title": {"text": "Difficulty: mean score (%) — higher is easier"}, "range": [-5, 105]},
                  yaxis={"title": {"text": "Discrimination (r)"}, "range": [-1.05, 1.05]}, height=480)


def class_mastery_figure(rows: Sequence[ObjectiveSummary], learners: int) -> PlotlyFigure:
    labels = [r.label if len(r.label) < 70 else r.label[:67] + "…" for r in rows]
    mastered = [r.learners_mastered for r in rows]
    on_way = [r.learners_started - r.learners_mastered for r in rows]
    bars = [
        {"type": "bar", "y": labels, "x": mastered, "orientation": "h", "name": "✓ Mastered",
         "marker": {"color": "#009E73"}, "text": [f"✓ {m}" for m in mastered], "textposition": "inside"},
        {"type": "bar", "y": labels, "x": on_way, "orientation": "h", "name": "◐ On the way",
         "marker": {"color": "#E69F00", "pattern": {"shape": "/"}}, "text": [f"◐ {m}" for m in on_way],
         "textposition": "inside"},
    ]
    return figure(bars, barmode="stack", title={"text": f"Learners per objective (class of {learners})"},
                  xaxis={"title": {"text": "Number of learners"}, "range": [0, max(learners, 1)]},
                  yaxis={"autorange": "reversed"}, height=max(320, 40 * len(rows) + 140))
