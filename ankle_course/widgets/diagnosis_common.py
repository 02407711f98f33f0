"""Helpers the diagnosis module's widgets share: show a figure in an Output, and list sources."""

from __future__ import annotations

from typing import Iterable

import ipywidgets as w

from ..content import Course, course
from ..figures import PlotlyFigure, mimebundle
from .common import esc


def show_figure(out: w.Output, fig: PlotlyFigure, alt: str) -> None:
    """Replace what `out` shows with `fig` (offline renderer), without needing a running kernel.

    Setting `outputs` directly (rather than `with out: display(...)`) works the same in JupyterLab and in
    pytest, so tests can check what the learner sees. `alt` is the plain-text fallback.
    """
    out.outputs = ({"output_type": "display_data", "data": mimebundle(fig, alt), "metadata": {}},)


def sources_html(ref_ids: Iterable[str], content: Course | None = None) -> str:
    """The cited references as a small list, so every clinical claim shows where it comes from."""
    content = content or course()
    items = "".join(f"<li>{esc(r.citation)}</li>" for r in content.cite(dict.fromkeys(ref_ids)))
    return f'<div class="ankle-sources" style="font-size:90%"><strong>Sources</strong><ul>{items}</ul></div>'


def sources_list(ref_ids: Iterable[str], content: Course | None = None) -> w.HTML:
    """The notebook's reference list: the id used in the text, then the full citation (with link if any)."""
    content = content or course()
    rows = []
    for ref in content.cite(dict.fromkeys(ref_ids)):
        link = f' <a href="{esc(ref.url)}" target="_blank" rel="noopener">{esc(ref.url)}</a>' if ref.url else ""
        rows.append(f"<li><code>{esc(ref.id)}</code>: {esc(ref.citation)}{link}</li>")
    widget = w.HTML(f"<ul>{''.join(rows)}</ul>")
    widget.add_class("ankle-diagnosis-sources")
    return widget
