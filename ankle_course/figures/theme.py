"""The look every course figure shares, and the few plotly conveniences the figures use, as plain dicts.

Graph objects would bring plotly's default template; a figure dict brings none, so the course sets its own:
white ground, dark text (contrast well above WCAG AA) and the Okabe-Ito palette, which stays distinct
with the common kinds of colour blindness. Figures still never rely on colour alone.
"""

from __future__ import annotations

from typing import Any

OKABE_ITO_ORDER = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
TEXT = "#222222"
GRID = "#E0E0E0"

_AXIS = {"gridcolor": GRID, "linecolor": "#444444", "zerolinecolor": "#BDBDBD", "automargin": True,
         "title": {"standoff": 10}}
TEMPLATE: dict[str, Any] = {"layout": {
    "font": {"family": "Arial, 'Helvetica Neue', Helvetica, sans-serif", "size": 13, "color": TEXT},
    "paper_bgcolor": "#FFFFFF", "plot_bgcolor": "#FFFFFF", "colorway": list(OKABE_ITO_ORDER),
    "xaxis": _AXIS, "yaxis": _AXIS, "hoverlabel": {"align": "left"}, "title": {"x": 0.02},
}}


def figure(data: list[dict[str, Any]], **layout: Any) -> dict[str, Any]:
    """A figure dict in the course's look; `layout` keys are plotly layout properties."""
    return {"data": data, "layout": {"template": TEMPLATE, **layout}}


def hline(y: float, text: str = "", dash: str = "dash", color: str = "#555555",
          position: str = "top left") -> tuple[dict[str, Any], dict[str, Any] | None]:
    """A horizontal line across the plot and its label: (shape, annotation or None)."""
    shape = {"type": "line", "xref": "paper", "x0": 0, "x1": 1, "yref": "y", "y0": y, "y1": y,
             "line": {"dash": dash, "color": color, "width": 1.5}}
    if not text:
        return shape, None
    vertical, horizontal = position.split()
    return shape, {"xref": "paper", "x": 0 if horizontal == "left" else 1, "yref": "y", "y": y, "text": text,
                   "showarrow": False, "xanchor": horizontal, "yanchor": "bottom" if vertical == "top" else "top"}


def vline(x: float, text: str = "", dash: str = "dash", color: str = "#555555") -> tuple[dict[str, Any], dict[str, Any] | None]:
    """A vertical line up the plot and its label above it: (shape, annotation or None)."""
    shape = {"type": "line", "yref": "paper", "y0": 0, "y1": 1, "xref": "x", "x0": x, "x1": x,
             "line": {"dash": dash, "color": color, "width": 1.5}}
    if not text:
        return shape, None
    return shape, {"yref": "paper", "y": 1, "xref": "x", "x": x, "text": text, "showarrow": False,
                   "yanchor": "bottom"}
