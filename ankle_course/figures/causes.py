"""Figures for module 2: the symptom-by-condition comparison grid and the symptom checker's bar chart.

Both are built from the course data (conditions.toml `typical_findings`, symptom_questions.toml labels)
and carry their meaning in text (✓ in cells, percentages on bars), never in colour alone. The
Okabe–Ito palette keeps them readable with colour-blindness. Each figure has a `*_rows` twin that
returns the same information as table rows, the text alternative shown beside the figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..content import Course, course
from . import PlotlyFigure
from .theme import figure

OKABE_BLUE = "#0072B2"
OKABE_ORANGE = "#E69F00"
EMPTY_CELL = "#F2F2F2"
TYPICAL_MARK = "✓"


@dataclass(frozen=True)
class Grid:
    rows: tuple[str, ...]  # finding keys ("swelling", "onset=gradual")
    row_labels: tuple[str, ...]
    columns: tuple[str, ...]  # condition ids
    column_labels: tuple[str, ...]
    typical: tuple[tuple[bool, ...], ...]  # typical[row][column]


def _finding_label(key: str, content: Course) -> str:
    finding, _, choice = key.partition("=")
    q = content.symptom_questions[finding]
    if not choice:
        return q.short
    return f"{q.short}: {q.choice_labels[q.choices.index(choice)].lower()}"


def comparison_grid_data(content: Course | None = None, condition_ids: Sequence[str] | None = None) -> Grid:
    """Which findings are typical of which condition; rows in the checker's asking order."""
    content = content or course()
    ids = tuple(condition_ids or content.conditions)
    conds = [content.conditions[c] for c in ids]
    used = {f for c in conds for f in c.typical_findings}
    order = []
    for q in content.symptom_questions.values():
        for key in (q.id, *(f"{q.id}={c}" for c in q.choices)):
            if key in used:
                order.append(key)
    typical = tuple(tuple(key in c.typical_findings for c in conds) for key in order)
    return Grid(tuple(order), tuple(_finding_label(k, content) for k in order), ids,
                tuple(c.short_name or c.name for c in conds), typical)


def comparison_grid_rows(grid: Grid | None = None) -> list[tuple[str, str]]:
    """Text alternative: for each finding, the conditions it is typical of."""
    grid = grid or comparison_grid_data()
    return [(label, ", ".join(col for col, hit in zip(grid.column_labels, row) if hit))
            for label, row in zip(grid.row_labels, grid.typical)]


def comparison_grid(grid: Grid | None = None) -> PlotlyFigure:
    """A heatmap-like grid: a ✓ in a filled cell marks a finding typical of a condition."""
    grid = grid or comparison_grid_data()
    z = [[1 if hit else 0 for hit in row] for row in grid.typical]
    text = [[TYPICAL_MARK if hit else "" for hit in row] for row in grid.typical]
    hover = [[f"{label} — {'typical of' if hit else 'not typical of'} {col}"
              for col, hit in zip(grid.column_labels, row)] for label, row in zip(grid.row_labels, grid.typical)]
    heatmap = {
        "type": "heatmap", "z": z, "x": list(grid.column_labels), "y": list(grid.row_labels), "text": text,
        "texttemplate": "%{text}", "textfont": {"size": 14, "color": "white"}, "customdata": hover,
        "hovertemplate": "%{customdata}<extra></extra>", "colorscale": [[0, EMPTY_CELL], [1, OKABE_BLUE]],
        "zmin": 0, "zmax": 1, "showscale": False, "xgap": 2, "ygap": 2}
    return figure(
        [heatmap], title={"text": "Which findings are typical of which cause (✓ = typical)"},
        height=180 + 24 * len(grid.rows), margin={"l": 10, "r": 10, "t": 60, "b": 10},
        xaxis={"side": "top", "tickangle": -45, "showgrid": False},
        yaxis={"autorange": "reversed", "showgrid": False}, plot_bgcolor="white")


def differential_rows(likely: Sequence[tuple[str, float]]) -> list[tuple[str, str]]:
    """Text alternative for the bar chart: (condition, percentage) in the engine's order."""
    return [(name, f"{round(p * 100)}%") for name, p in likely]


def differential_bars(likely: Sequence[tuple[str, float]]) -> PlotlyFigure:
    """The checker's most likely conditions as horizontal bars, best at the top, labelled in %."""
    names = [n for n, _ in likely]
    percents = [round(p * 100, 1) for _, p in likely]
    bars = {"type": "bar", "x": percents, "y": names, "orientation": "h", "marker": {"color": OKABE_BLUE},
            "text": [f"{round(p)}%" for p in percents], "textposition": "outside", "cliponaxis": False,
            "hovertemplate": "%{y}: %{x:.0f}%<extra></extra>"}
    return figure(
        [bars], title={"text": "Fit with your answers"},
        height=120 + 40 * max(len(names), 1), margin={"l": 10, "r": 40, "t": 50, "b": 30},
        xaxis={"title": {"text": "fit (%)"}, "range": [0, 105]}, yaxis={"autorange": "reversed"},
        plot_bgcolor="white")
