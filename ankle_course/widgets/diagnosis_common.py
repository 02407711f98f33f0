"""Helpers the diagnosis module's widgets share: show a figure in an Output, and list sources."""

from __future__ import annotations

from collections.abc import Iterable

import ipywidgets as w

from ..citations import current_page
from ..content import Course
from ..figures import PlotlyFigure
from ..markup import sources
from .common import draw_figures
from .references import references


def show_figure(out: w.Output, fig: PlotlyFigure, alt: str) -> None:
    """Replace what `out` shows with `fig` (offline renderer), without needing a running kernel.

    Setting `outputs` directly (rather than `with out: display(...)`) works the same in JupyterLab and in
    pytest, so tests can check what the learner sees. `alt` is the plain-text fallback.
    """
    draw_figures(out, fig, alt=alt)


def sources_html(ref_ids: Iterable[str], content: Course | None = None) -> str:
    """Numbered citations of the sources behind a claim, linking to the page's reference list."""
    return sources(ref_ids, content)


def sources_list(ref_ids: Iterable[str] = (), content: Course | None = None) -> w.HTML:
    """The page's reference list, with `ref_ids` cited on it too (kept for notebooks that call it)."""
    page = current_page(content)
    for ident in ref_ids:
        page.number(ident)
    widget = references()
    widget.add_class("ankle-diagnosis-sources")
    return widget
