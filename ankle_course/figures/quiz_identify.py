"""Adapter to the anatomy figure for identify-the-structure questions.

The anatomy module owns the drawing. This adapter imports it lazily and expects
`ankle_course.figures.anatomy.anatomy_figure(highlight=<structure id>, labels=False) -> plotly figure dict`
(names hidden, and hover text removed here, so the figure does not give the answer away); if that
module or function is missing, or does not know the structure, the question falls back to text only
(its prompt describes where the structure is, so it can still be answered).
"""

from __future__ import annotations

import importlib
from typing import Any

EXPECTED_MODULE = "ankle_course.figures.anatomy"
EXPECTED_FUNCTION = "anatomy_figure"


def identify_figure(structure_id: str) -> Any | None:
    """A figure with `structure_id` highlighted, or None for the text-only fallback."""
    try:
        module = importlib.import_module(EXPECTED_MODULE)
        draw = getattr(module, EXPECTED_FUNCTION)
        figure = draw(highlight=structure_id, labels=False)
    except (ImportError, AttributeError, KeyError, ValueError, TypeError):
        return None
    return without_answer(figure)


def without_answer(figure: dict[str, Any]) -> dict[str, Any]:
    """The figure with no hover text, and no structure names or ids left anywhere in what the page receives."""
    for trace in figure["data"]:
        trace["hoverinfo"] = "skip"
        for giveaway in ("hovertemplate", "text", "name", "meta", "legendgroup"):
            trace.pop(giveaway, None)
    return figure
