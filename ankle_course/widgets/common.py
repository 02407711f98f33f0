"""Small pieces every course widget shares: escaping, notices, and the course's CSS class names.

Every piece of text that could come from a file (content, an uploaded progress file) goes through
`esc` before it reaches an HTML widget, so nothing in a file is ever rendered as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Any

import ipywidgets as w

from ankle_course.figures import DEFAULT_ALT, PlotlyFigure, mimebundle

# the HTML pieces live in ankle_course.markup (pure, shared with the handout); views import them from here too
from ankle_course.markup import LEVEL_STYLE, esc, notice, table  # noqa: F401  (re-exported)
from ankle_course.widgets.style import style_element

_SHARED: dict[Hashable, w.Widget] = {}


def _shared(key: Hashable, make: Callable[[], w.Widget]) -> Any:
    model = _SHARED.get(key)
    if model is None or getattr(model, "comm", None) is None:  # none yet, or closed by Widget.close_all()
        model = _SHARED[key] = make()
    return model


def shared_layout(**props: str) -> w.Layout:
    """One Layout model with these properties for every widget that never changes its own.

    Each ipywidget otherwise brings a Layout and a style model of its own, and every model is a message
    to the browser: sharing them makes a 30-question quiz about three times quicker to build. Only
    `set_visible` changes a layout after a widget is made, and it first gives the widget its own.
    """
    return _shared(("layout", tuple(sorted(props.items()))), lambda: w.Layout(**props))


def shared_style(widget_class: type[w.DOMWidget], **props: str) -> Any:
    """The shared style model for a kind of widget (each kind has its own style class)."""
    klass = widget_class.class_traits()["style"].klass
    return _shared((klass, tuple(sorted(props.items()))), lambda: klass(**props))


class Panel(w.VBox):
    """A course view's outer box, which names itself in plain text.

    A displayed widget also carries a text version: the one shown where widgets cannot be drawn (GitHub,
    nbviewer, a notebook whose widget state was not saved). ipywidgets makes it by writing out the whole
    widget tree, which took 30 ms for the symptom checker and read "VBox(children=(HTML(value='<p>...".
    A Panel's text says what it is and how to use it instead.
    """

    def __init__(self, children: Iterable[w.Widget] = (), name: str = "This exercise", **kwargs: Any):
        super().__init__(list(children), **kwargs)
        self.name = name

    def _ipython_display_(self) -> None:
        """Show the course's style sheet (widgets/style.py) just before the panel, so that any course view
        on a page makes every widget on it fit a phone; the sheet itself draws nothing."""
        from IPython.display import HTML, display

        display(HTML(style_element()))
        display(self._repr_mimebundle_(), raw=True)

    def __repr__(self) -> str:
        return f"{self.name}: interactive. Open this notebook in JupyterLab (or the course's Binder) and run it to use it."


def html_widget(value: str, css_class: str | None = None) -> w.HTML:
    widget = w.HTML(value, layout=shared_layout(), style=shared_style(w.HTML))
    if css_class:
        widget.add_class(css_class)
    return widget


def set_aside_notice(store: Any) -> str:
    """The store's one-time message that it put an unreadable progress file aside, as a warning box (or "");
    cleared once taken, so the learner hears it once and not from every later save."""
    text, store.notice = store.notice, None
    return notice(text, "warning") if text else ""


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
    display = "" if visible else "none"
    if (widget.layout.display or "") == display:
        return
    if any(widget.layout is model for model in _SHARED.values()):
        # hiding a shared layout would hide every widget that uses it: give this one a copy of its own
        widget.layout = w.Layout(**{k: v for k, v in widget.layout.get_state().items()
                                    if not k.startswith("_") and v is not None})
    widget.layout.display = display


def draw_figures(out: w.Output, *figures: PlotlyFigure, alt: str = DEFAULT_ALT) -> None:
    """Replace what `out` shows with `figures`, by setting its outputs rather than capturing with `with out:`.

    Capturing makes every notebook runner built on nbclient (nbconvert, papermill, Voilà) wait out the whole
    cell timeout when it happens while a cell runs (jupyter/nbclient#312); setting outputs never waits."""
    out.outputs = tuple({"output_type": "display_data", "data": mimebundle(fig, alt), "metadata": {}}
                        for fig in figures)
