"""The course's one style sheet for its widgets: a phone is a first-class screen.

ipywidgets sizes its controls for a desktop notebook: 13 px text, buttons 148 px wide that cut their
label short with "…", 300 px radio and checkbox rows whose labels are cut too, 20 px tall rows to tap.
These rules let every label wrap instead, make text 16 px, and make each button, radio button and
checkbox a target of 32–44 px. They apply inside notebook outputs only (never to JupyterLab's own
interface), in JupyterLab, in app mode (Voilà) and in JupyterLite alike. `common.Panel` carries the sheet,
so any course view on a page brings it; one <style> element styles the whole page.
"""

from __future__ import annotations

from ..markup import LEVEL_COLOUR_DARK

_DARK_LEVELS = "; ".join(f"--ankle-level-{level}: {colour}" for level, colour in LEVEL_COLOUR_DARK.items())
TARGET_PX = 44  # WCAG 2.2 2.5.5 (enhanced); 2.5.8 asks for 24 at least
ROW_PX = 32  # a radio or checkbox row: its label is part of the target

COURSE_CSS = f"""
.jp-OutputArea-output .jupyter-widgets {{ --jp-widgets-font-size: 16px; max-width: 100%; }}
.jp-OutputArea-output .widget-hbox {{ flex-wrap: wrap; gap: 4px; }}
.jp-OutputArea-output .widget-button, .jp-OutputArea-output .widget-toggle-button {{
  width: auto !important; max-width: 100%; min-width: {TARGET_PX}px; height: auto; min-height: {TARGET_PX}px;
  white-space: normal; overflow: visible; text-overflow: clip; line-height: 1.25; padding: 4px 12px;
}}
.jp-OutputArea-output .widget-toggle-buttons {{ flex-wrap: wrap; height: auto; gap: 2px; }}
.jp-OutputArea-output .widget-label, .jp-OutputArea-output .widget-label-basic {{
  white-space: normal; overflow: visible; text-overflow: clip; height: auto; line-height: 1.3;
}}
.jp-OutputArea-output .widget-radio, .jp-OutputArea-output .widget-checkbox,
.jp-OutputArea-output .widget-radio-box {{ width: auto; max-width: 100%; height: auto; }}
.jp-OutputArea-output .widget-radio-box label, .jp-OutputArea-output .widget-checkbox label {{
  display: flex; align-items: center; gap: 8px; min-height: {ROW_PX}px; height: auto; line-height: 1.3;
  white-space: normal; overflow: visible; text-overflow: clip; font-size: 16px;
}}
.jp-OutputArea-output .widget-radio-box input, .jp-OutputArea-output .widget-checkbox input {{
  width: 24px; height: 24px; flex: none; margin: 0 4px 0 0;
}}
.jp-OutputArea-output .widget-dropdown select, .jp-OutputArea-output .widget-text input {{
  min-height: {TARGET_PX}px; font-size: 16px; max-width: 100%;
}}
.jp-OutputArea-output .widget-inline-hbox {{ max-width: 100%; height: auto; flex-wrap: wrap; }}
.jp-OutputArea-output .jupyter-widget-Collapse-header {{
  min-height: {TARGET_PX}px; display: flex; align-items: center; color: var(--jp-ui-font-color0);
  font-size: 16px;
}}
.jp-OutputArea-output .widget-html-content {{ font-size: 16px; line-height: 1.45; }}
.jp-OutputArea-output summary {{ min-height: {TARGET_PX}px; padding: 10px 0; box-sizing: border-box; }}
.jp-OutputArea-output .widget-html-content img, .jp-OutputArea-output .widget-html-content svg {{ max-width: 100%; height: auto; }}
/* Secondary text (sources, captions, notes) is written a little smaller in some views; not under 16 px. */
.jp-OutputArea-output [style*="font-size:smaller"], .jp-OutputArea-output [style*="font-size:0.9em"],
.jp-OutputArea-output [style*="font-size:0.8em"], .jp-OutputArea-output [style*="font-size:95%"],
.jp-OutputArea-output [style*="font-size:90%"] {{
  font-size: 16px !important;
}}
/* Tables and long words wrap to the screen instead of scrolling it sideways. */
.jp-OutputArea-output table, .jp-RenderedHTMLCommon table {{ max-width: 100%; }}
.jp-OutputArea-output td, .jp-OutputArea-output th, .jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th,
.jp-RenderedHTMLCommon code {{
  overflow-wrap: anywhere;
}}
.jp-RenderedHTMLCommon pre, .jp-RenderedHTMLCommon pre code {{ white-space: pre-wrap; }}
/* The page's text too (the sheet applies to the whole page): links are underlined, so they never rest on
   colour alone, and a folded box (details / summary) opens from a full-size target. */
.jp-RenderedHTMLCommon a, .jp-RenderedHTMLCommon a:link, .jp-RenderedHTMLCommon a:visited {{
  text-decoration: underline;
}}
.jp-RenderedHTMLCommon summary {{ min-height: {TARGET_PX}px; padding: 10px 0; box-sizing: border-box; cursor: pointer; }}
.js-plotly-plot .modebar-btn {{
  min-width: 28px !important; min-height: 28px !important; height: 28px !important; padding: 4px 6px !important;
}}
/* JupyterLab's dark theme (and Voila's): plotly draws every figure on the white ground of figures/theme.py,
   a white box on a dark page. Inverting lightness and turning the hue back round keeps each colour's hue
   (so the Okabe-Ito palette stays told apart) and gives light text on a dark ground. plotly writes its
   colours into the SVG itself, where no theme variable reaches, so the figure is turned as a whole. A
   figure shown by a cell is itself the output (.jp-OutputArea-output.js-plotly-plot), one drawn by a view
   sits inside its Output widget: both are inside an output area. */
body[data-jp-theme-light="false"] .jp-OutputArea .js-plotly-plot {{
  filter: invert(0.92) hue-rotate(180deg);
}}
/* The triage levels' borders in their dark-ground colours (markup.level_colour reads these). */
body[data-jp-theme-light="false"] .jp-OutputArea-output, body[data-jp-theme-light="false"] .jp-RenderedHTMLCommon {{
  {_DARK_LEVELS};
}}
"""


def style_element() -> str:
    """The sheet as the markup an HTML widget carries."""
    return f"<style>{COURSE_CSS}</style>"
