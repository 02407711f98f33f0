"""The page's reference list as a widget, and the one-line call that starts a page's numbering.

The list is an HTML widget rather than a cell's output so that it can grow: a widget that cites a new
source after the page has run (the anatomy explorer, a case's next stage) adds it here at once.
"""

from __future__ import annotations

import ipywidgets as w

from ..citations import current_page, new_page
from .common import html_widget


def cited_on_this_page(key: str, *ref_ids: str) -> None:
    """Number this page's Markdown citations first, in the order its text cites them."""
    new_page(key, ref_ids)


def references() -> w.HTML:
    """Every source the page cites, numbered as cited; citations in the text link here."""
    page = current_page()
    widget = html_widget(page.references_html(), "ankle-references-list")

    def redraw() -> None:
        widget.value = page.references_html()

    page.on_change(redraw)
    return widget
