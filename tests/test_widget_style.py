"""The course's widget style sheet: one definition, shown with every course panel, sized for a phone."""

from __future__ import annotations

import re

import ipywidgets as w

from ankle_course.widgets import style
from ankle_course.widgets.common import Panel


def test_displaying_a_panel_shows_the_style_sheet_first_then_the_widget(monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda *objs, **kw: shown.append((objs, kw)))
    Panel([w.Label("x")], name="Test")._ipython_display_()
    (sheet,), _ = shown[0]
    assert sheet.data == style.style_element()
    (bundle,), kw = shown[1]
    assert kw == {"raw": True} and "application/vnd.jupyter.widget-view+json" in bundle


def test_style_sheet_keeps_targets_and_text_large_enough():
    css = style.COURSE_CSS
    assert style.TARGET_PX >= 44 and style.ROW_PX >= 24
    assert "--jp-widgets-font-size: 16px" in css
    assert re.search(r"\.widget-button.*?text-overflow: clip", css, re.S), "button labels must wrap, never be cut"
    assert "{" in css and "{{" not in css  # the f-string was rendered


def test_style_sheet_applies_to_outputs_only_never_to_jupyterlab_chrome():
    css = re.sub(r"/\*.*?\*/", "", style.COURSE_CSS, flags=re.S)
    for selector in re.findall(r"([^{}]+)\{", css):
        for part in selector.split(","):
            assert re.search(r"jp-OutputArea-output|jp-RenderedHTMLCommon|js-plotly-plot", part), part


def test_dark_theme_turns_figures_a_cell_shows_as_well_as_those_inside_a_view():
    """A figure a cell displays is itself the output element (.jp-OutputArea-output.js-plotly-plot), so a rule
    for figures *inside* an output (the first version's) left it a white box in the dark theme."""
    css = re.sub(r"/\*.*?\*/", "", style.COURSE_CSS, flags=re.S)
    dark = [sel for sel, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css) if "invert(" in body]
    assert dark and all('data-jp-theme-light="false"' in sel for sel in dark)
    assert any(re.search(r"\.jp-OutputArea\s+\.js-plotly-plot", sel) for sel in dark), dark


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_each_triage_level_colour_stands_out_on_its_own_ground_in_both_themes():
    """WCAG 1.4.11 asks 3:1 for graphics that carry meaning: the level borders do (beside their words).
    Grounds: white, and the darkest and lightest layout colours of JupyterLab Dark (#111111, #424242)."""
    from ankle_course.markup import LEVEL_COLOUR, LEVEL_COLOUR_DARK, LEVEL_STYLE, level_colour

    for level, colour in LEVEL_COLOUR.items():
        assert _contrast(colour, "#ffffff") >= 3, level
        assert all(_contrast(LEVEL_COLOUR_DARK[level], ground) >= 3 for ground in ("#111111", "#424242")), level
        assert LEVEL_STYLE[level][2] == level_colour(level)
        assert f"--ankle-level-{level}: {LEVEL_COLOUR_DARK[level]}" in style.COURSE_CSS
