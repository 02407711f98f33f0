"""Figures as functions that return plotly figures in plotly's own JSON form: a dict of data, layout, frames.

Why dicts rather than graph objects: plotly checks every property of a graph object as it is set, which
cost 0.05–0.5 s per figure here (the Fagan nomogram's 120 tick marks took half a second on every slider
move, and each figure of the anatomy quiz 0.15 s). A figure dict skips that check, which is what plotly's
maintainers advise when speed matters (plotly/dash-core-components#257; plotly/plotly.py#1812 asks for a
switch and is still open). The check still happens, once, where it belongs: the test suite turns every
figure function's output into a `plotly.graph_objects.Figure`, so a misspelt property fails CI instead
of a learner's notebook. `figure_object(fig)` gives that object to anyone who wants plotly's methods.

Display: `show` / `mimebundle` hand JupyterLab (and JupyterLite) plotly's own mime type. plotly.js ships
inside the plotly package's lab extension, so figures draw with no CDN and no network. Going through
plotly's renderer machinery instead would import nbformat, jsonschema and rfc3987-syntax (about a second
before the first figure of every notebook). `PLOTLY_RENDERER` makes the same offline renderer plotly's
default for any figure a learner makes themselves, without importing that machinery now.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import plotly.graph_objects as go

PlotlyFigure = dict[str, Any]  # {"data": [trace dicts], "layout": {...}, "frames": [...]}, as plotly.js takes it
OFFLINE_RENDERER = "plotly_mimetype"
PLOTLY_MIME = "application/vnd.plotly.v1+json"
DEFAULT_ALT = "A figure; its data are in the table beside it."
os.environ.setdefault("PLOTLY_RENDERER", OFFLINE_RENDERER)


def figure_object(fig: PlotlyFigure) -> go.Figure:
    """`fig` as a plotly graph object, every property checked (raises ValueError naming a bad one)."""
    import plotly.graph_objects as go

    return go.Figure(fig)


def mimebundle(fig: PlotlyFigure | go.Figure, alt: str = DEFAULT_ALT) -> dict[str, Any]:
    """The display data JupyterLab's plotly renderer draws, plus a plain-text alternative.

    Takes a figure dict as it is; a graph object (say, one a learner made) goes through plotly's JSON."""
    if not isinstance(fig, dict):
        import json

        import plotly.io as pio

        fig = json.loads(pio.to_json(fig, validate=False, remove_uids=False))
    return {PLOTLY_MIME: fig, "text/plain": alt}


def show(fig: PlotlyFigure | go.Figure, alt: str = DEFAULT_ALT) -> None:
    """Display `fig` in the current output (a cell, or an ipywidgets Output inside `with out:`)."""
    from IPython.display import display

    display(mimebundle(fig, alt), raw=True)
