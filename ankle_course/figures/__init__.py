"""Figures as functions that return plotly figures (graph_objects only: it also runs in Pyodide).

The course shows every figure through `show` / `mimebundle`, which hand JupyterLab (and JupyterLite)
plotly's own mime type. plotly.js ships inside the plotly package's lab extension, so figures draw with
no CDN and no network at all. Going through plotly's renderer machinery instead would import nbformat,
jsonschema and rfc3987-syntax (about a second before the first figure of every notebook).

`PLOTLY_RENDERER` makes the same offline renderer plotly's default for any figure a learner makes
themselves, without importing that machinery now.
"""

from __future__ import annotations

import json
import os
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio

OFFLINE_RENDERER = "plotly_mimetype"
PLOTLY_MIME = "application/vnd.plotly.v1+json"
os.environ.setdefault("PLOTLY_RENDERER", OFFLINE_RENDERER)


def mimebundle(fig: go.Figure, alt: str = "A figure; its data are in the table beside it.") -> dict[str, Any]:
    """The display data JupyterLab's plotly renderer draws, plus a plain-text alternative."""
    spec = json.loads(pio.to_json(fig, validate=False, remove_uids=False))
    return {PLOTLY_MIME: spec, "text/plain": alt}


def show(fig: go.Figure, alt: str = "A figure; its data are in the table beside it.") -> None:
    """Display `fig` in the current output (a cell, or an ipywidgets Output inside `with out:`)."""
    from IPython.display import display

    display(mimebundle(fig, alt), raw=True)
