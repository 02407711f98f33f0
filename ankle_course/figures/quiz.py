"""Mastery per objective as a bar chart; the table beside it carries the same facts in text."""

from __future__ import annotations

from typing import Sequence

import plotly.graph_objects as go

from ..quiz.mastery import STATUS_TEXT, ObjectiveMastery

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


def mastery_figure(rows: Sequence[ObjectiveMastery], title: str = "Mastery per learning objective") -> go.Figure:
    labels = [_wrap(r.label) for r in rows]
    values = [0 if r.mean_score is None else round(100 * r.mean_score) for r in rows]
    texts = [f"{STATUS_TEXT[r.status]} · {v}% ({r.answered}/{r.questions} answered)" for r, v in zip(rows, values)]
    fig = go.Figure(go.Bar(
        x=values, y=labels, orientation="h", text=texts, textposition="auto",
        marker={"color": [STATUS_COLOUR[r.status] for r in rows], "line": {"color": "#222", "width": 1}},
        hovertemplate="%{y}<br>%{text}<extra></extra>"))
    fig.update_layout(title=title, xaxis={"title": "Mean score on answered questions (%)", "range": [0, 100]},
                      yaxis={"autorange": "reversed"}, height=max(300, 60 * len(rows) + 120),
                      margin={"l": 20, "r": 20, "t": 60, "b": 50}, font={"size": 13})
    fig.add_vline(x=80, line_dash="dash", annotation_text="80 % = mastery bar", annotation_position="top")
    return fig
