"""Mastery per objective as a bar chart; the table beside it carries the same facts in text."""

from __future__ import annotations

from collections.abc import Sequence

from ..quiz.mastery import STATUS_TEXT, ObjectiveMastery
from . import PlotlyFigure
from .theme import figure, vline

# Okabe-Ito, colour-blind safe; the status is also written on every bar
STATUS_COLOUR = {"mastered": "#009E73", "learning": "#E69F00", "not_started": "#999999"}


def _wrap(text: str, width: int = 48) -> str:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "<br>".join(lines + [line])


def mastery_figure(rows: Sequence[ObjectiveMastery], title: str = "Mastery per learning objective") -> PlotlyFigure:
    labels = [_wrap(r.label) for r in rows]
    values = [0 if r.mean_score is None else round(100 * r.mean_score) for r in rows]
    texts = [f"{STATUS_TEXT[r.status]} · {v}% ({r.answered}/{r.questions} answered)" for r, v in zip(rows, values)]
    bars = {"type": "bar", "x": values, "y": labels, "orientation": "h", "text": texts, "textposition": "auto",
            "marker": {"color": [STATUS_COLOUR[r.status] for r in rows], "line": {"color": "#222", "width": 1}},
            "hovertemplate": "%{y}<br>%{text}<extra></extra>"}
    bar, label = vline(80, "80 % = mastery bar")
    return figure([bars], shapes=[bar], annotations=[label], title={"text": title},
                  xaxis={"title": {"text": "Mean score on answered questions (%)"}, "range": [0, 100]},
                  yaxis={"autorange": "reversed"}, height=max(300, 60 * len(rows) + 120),
                  margin={"l": 20, "r": 20, "t": 60, "b": 50})
