"""Small pieces every course widget shares: escaping, notices, and the course's CSS class names.

Every piece of text that could come from a file (content, an uploaded progress file) goes through
`esc` before it reaches an HTML widget, so nothing in a file is ever rendered as markup.
"""

from __future__ import annotations

import html
from typing import Iterable

import ipywidgets as w

esc = html.escape

LEVEL_STYLE = {
    # text and symbol carry the meaning; colour only reinforces it
    "emergency": ("⛔", "Emergency", "#8b0000"),
    "urgent": ("⚠", "Urgent", "#8a4b00"),
    "routine": ("ℹ", "Routine", "#1f4e79"),
    "self_care": ("✓", "Self-care", "#2f5f2f"),
}


def html_widget(value: str, css_class: str | None = None) -> w.HTML:
    widget = w.HTML(value)
    if css_class:
        widget.add_class(css_class)
    return widget


def notice(text: str, kind: str = "info") -> str:
    """A message box; `kind` picks a symbol so that meaning never rests on colour alone."""
    symbol = {"info": "ℹ", "ok": "✓", "warning": "⚠", "error": "✗"}[kind]
    role = ' role="alert"' if kind in ("warning", "error") else ' role="status"'
    return (f'<div class="ankle-notice ankle-notice-{kind}"{role} style="border-left:4px solid #555;'
            f'padding:4px 10px;margin:4px 0">{symbol} {esc(text)}</div>')


def table(header: Iterable[str], rows: Iterable[Iterable[str]], caption: str) -> str:
    """An accessible HTML table; cells are escaped here, so callers pass plain text."""
    head = "".join(f'<th scope="col" style="text-align:left;padding:2px 8px">{esc(h)}</th>' for h in header)
    body = "".join(
        "<tr>" + "".join(f'<td style="padding:2px 8px">{esc(str(c))}</td>' for c in row) + "</tr>" for row in rows)
    return (f'<table style="border-collapse:collapse"><caption style="text-align:left;font-weight:bold">'
            f"{esc(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def pain_scale(description: str, css_class: str) -> w.ToggleButtons:
    """A 0–10 pain rating as a row of numbered buttons: the familiar numeric rating scale, and usable by
    keyboard and screen reader (ipywidgets' slider handle has no accessible name, which axe flags)."""
    scale = w.ToggleButtons(options=list(range(11)), value=0, description=description,
                            tooltips=["0 = no pain"] + [""] * 9 + ["10 = worst pain imaginable"],
                            style={"description_width": "initial", "button_width": "2.6em"})
    scale.add_class(css_class)
    return scale


def set_visible(widget: w.Widget, visible: bool) -> None:
    """Show or hide a widget. An empty string, not None: JupyterLite does not apply a null `display`,
    so a widget hidden with "none" would stay hidden there."""
    widget.layout.display = "" if visible else "none"
