"""The shared widget pieces: one layout model for many widgets without one hiding them all, and views that
describe themselves in plain words where widgets cannot be drawn."""

from __future__ import annotations

import ipywidgets as w

from ankle_course.widgets.common import Panel, html_widget, set_visible, shared_layout, shared_style


def test_static_text_widgets_share_one_layout_and_style_model():
    a, b = html_widget("a"), html_widget("b")
    assert a.layout is b.layout and a.style is b.style


def test_hiding_a_widget_with_a_shared_layout_hides_only_that_widget_and_keeps_its_look():
    a = w.VBox([], layout=shared_layout(margin="0 0 8px 0"))
    b = w.VBox([], layout=shared_layout(margin="0 0 8px 0"))
    set_visible(a, False)
    assert a.layout.display == "none" and b.layout.display is None
    assert a.layout.margin == "0 0 8px 0", "the copy keeps the shared layout's properties"
    set_visible(a, True)
    assert a.layout.display == "" and b.layout is shared_layout(margin="0 0 8px 0")


def test_showing_a_visible_widget_changes_nothing():
    a = html_widget("a")
    set_visible(a, True)
    assert a.layout is shared_layout()


def test_a_closed_shared_model_is_replaced_not_reused():
    layout = shared_layout(width="12px")
    layout.close()
    assert shared_layout(width="12px") is not layout


def test_styles_are_shared_per_kind_of_widget():
    assert shared_style(w.RadioButtons) is shared_style(w.Dropdown)  # both DescriptionStyle
    assert shared_style(w.Button) is not shared_style(w.HTML)
    assert shared_style(w.Dropdown, description_width="initial").description_width == "initial"


def test_a_panel_describes_itself_in_plain_words_not_as_a_widget_tree():
    panel = Panel([html_widget("<p>hello</p>")], name="Symptom checker")
    text = panel._repr_mimebundle_()["text/plain"]
    assert text.startswith("Symptom checker: interactive.") and "VBox(" not in text and "HTML(" not in text
