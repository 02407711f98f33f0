"""Every learner page readable in a dark theme: JupyterLab Dark, and the app (Voilà) with `?theme=dark`.

Each notebook 00–07 is run in JupyterLab with the dark theme set in the user settings (Restart Kernel and
Run All Cells, as a learner would), and opened in app mode at /voila/render/…?theme=dark. Checked:
- axe-core's `color-contrast` rule finds nothing in the course's own content, at any impact: in JupyterLab
  the outputs (widgets, figures' HTML, citations, notices) and the rendered Markdown cells (the text, the
  PT-depth boxes); in the app the whole page body (#rendered_cells). JupyterLab's own chrome (menus,
  toolbars, side bar, status bar, the "[n]:" prompts) is not audited: the theme is JupyterLab's, the same
  on every page, and no course file can change it.
- every plotly figure is dark, as drawn: a screenshot of it is read pixel by pixel (so the check holds
  whatever way the page makes it dark), its most common colour (the paper) must be dark, and each piece of
  text in it must reach 4.5:1 against the ground right around it.
- in JupyterLab, after switching the same page to the light theme, axe's `color-contrast` again finds
  nothing (the accordion titles were once 4.45:1 there).
The contrast ratios read off (lowest per page) are written to test-artifacts/browser/dark-theme.json.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator

import pytest
from browser_env import ARTIFACTS, NOTEBOOKS_DIR, TIMEOUT_S, VIEWPORT, discover_notebooks, in_ci, missing_axe_reason
from browser_env import missing_browser_reason as _missing_browser

if _missing_browser() and not in_ci():
    pytest.skip(_missing_browser(), allow_module_level=True)

from browser_axe import AXE_JS, describe  # noqa: E402
from playwright.sync_api import Page  # noqa: E402

pytestmark = pytest.mark.browser

LEARNER_NOTEBOOKS = [n for n in discover_notebooks() if "/" not in n]
THEME_PLUGIN = "@jupyterlab/apputils-extension/themes"
DARK, LIGHT = "JupyterLab Dark", "JupyterLab Light"
MIN_TEXT_RATIO = 4.5  # WCAG 2.x 1.4.3 (AA), normal text
MAX_PAPER_LUMINANCE = 0.05  # relative luminance; #3f3f3f is 0.05, JupyterLab Dark's ground #111111 is 0.006
RESULTS = ARTIFACTS / "dark-theme.json"
_RESULTS: dict[str, dict] = {}

# The course's content in JupyterLab: outputs and rendered Markdown of the open notebook, without the prompts.
LAB_CONTENT = {"include": [[".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea"],
                           [".jp-NotebookPanel:not(.lm-mod-hidden) .jp-MarkdownOutput"]],
               "exclude": [[".jp-OutputPrompt"], [".jp-InputPrompt"]]}
APP_CONTENT = {"include": [["#rendered_cells"]]}
# A figure a cell shows is itself the output element (.jp-OutputArea-output.js-plotly-plot); a view's figure
# sits inside its Output widget.
PLOTS = {"lab": ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea .js-plotly-plot",
         "app": "#rendered_cells .js-plotly-plot"}
ACCORDION_TITLES = ".jupyter-widget-Collapse-header, .lm-AccordionPanel-title, .p-Accordion-title"


def _record(key: str, **values: object) -> None:
    _RESULTS.setdefault(key, {}).update(values)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(_RESULTS, indent=1, sort_keys=True))


def _require_axe() -> None:
    reason = missing_axe_reason()
    if reason:
        (pytest.fail if in_ci() else pytest.skip)(reason)


# --- reading the page ----------------------------------------------------------------------------------

def contrast_audit(page: Page, context: dict) -> dict:
    """axe-core's color-contrast rule over `context`: its violations (every impact), and how many text nodes
    it passed and could not decide (a page whose text it never looked at would pass vacuously)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    return page.evaluate("""([context]) => window.axe.run(context, {runOnly: {type: 'rule', values: ['color-contrast']}})
          .then(r => ({violations: r.violations, passed: r.passes.reduce((n, v) => n + v.nodes.length, 0),
                       undecided: r.incomplete.reduce((n, v) => n + v.nodes.length, 0)}))""", [context])


def _audit(key: str, page: Page, context: dict) -> list[dict]:
    found = contrast_audit(page, context)
    violations = found["violations"]
    _record(key, axe_text_nodes_passed=found["passed"], axe_undecided=found["undecided"],
            axe_violations=sum(len(v["nodes"]) for v in violations), accordion_lowest=accordion_lowest(page))
    assert found["passed"] > 0, f"{key}: axe-core checked no text at all: is the page's content there?"
    return violations


# The contrast of each accordion title with the ground it is drawn on (the first opaque background up the tree).
ACCORDION_JS = r"""(selector) => {
  const rgba = s => { const m = s.match(/[\d.]+/g).map(Number); return m.length === 3 ? [...m, 1] : m; };
  const lum = ([r, g, b]) => [r, g, b].map(c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; })
                                      .reduce((s, c, i) => s + c * [0.2126, 0.7152, 0.0722][i], 0);
  const ground = e => {
    for (let n = e; n; n = n.parentElement) {
      const c = rgba(getComputedStyle(n).backgroundColor);
      if (c[3] > 0.99) return c;
    }
    return [255, 255, 255, 1];
  };
  return [...document.querySelectorAll(selector)].filter(e => e.getClientRects().length && e.innerText.trim())
    .map(e => {
      const fg = rgba(getComputedStyle(e).color), bg = ground(e);
      const mix = fg.slice(0, 3).map((c, i) => c * fg[3] + bg[i] * (1 - fg[3]));
      const [hi, lo] = [lum(mix), lum(bg)].sort((a, b) => b - a);
      return {text: e.innerText.trim().slice(0, 40), ratio: Math.round((hi + 0.05) / (lo + 0.05) * 100) / 100};
    });
}"""

# Given a screenshot of one figure (PNG, base64) and the boxes of its text (relative to the figure), read the
# pixels: the figure's most common colour (its paper), and per text box the local ground (most common colour
# around the text) against the pixel that differs from it most (the glyphs' core).
PIXELS_JS = r"""async ([png, boxes]) => {
  const img = new Image();
  img.src = 'data:image/png;base64,' + png;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.width; canvas.height = img.height;
  const ctx = canvas.getContext('2d', {willReadFrequently: true});
  ctx.drawImage(img, 0, 0);
  const lin = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const lum = (r, g, b) => 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  const ratio = (a, b) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  const read = (x, y, w, h) => {
    x = Math.max(0, Math.floor(x)); y = Math.max(0, Math.floor(y));
    w = Math.min(img.width - x, Math.ceil(w)); h = Math.min(img.height - y, Math.ceil(h));
    if (w <= 0 || h <= 0) return null;
    const d = ctx.getImageData(x, y, w, h).data, counts = new Map();
    for (let i = 0; i < d.length; i += 4) {
      const k = (d[i] << 16) | (d[i + 1] << 8) | d[i + 2];
      counts.set(k, (counts.get(k) || 0) + 1);
    }
    let mode = 0, best = -1;
    for (const [k, n] of counts) if (n > best) { best = n; mode = k; }
    const bg = [(mode >> 16) & 255, (mode >> 8) & 255, mode & 255], bgLum = lum(...bg);
    let fgLum = bgLum;
    for (const k of counts.keys()) {
      const l = lum((k >> 16) & 255, (k >> 8) & 255, k & 255);
      if (ratio(l, bgLum) > ratio(fgLum, bgLum)) fgLum = l;
    }
    return {bg, bgLum, fgLum, ratio: ratio(fgLum, bgLum)};
  };
  const whole = read(0, 0, img.width, img.height);
  const texts = boxes.map(b => ({text: b.text, ...read(b.x - 2, b.y - 2, b.w + 4, b.h + 4)})).filter(t => t.bg);
  return {paper: whole.bg, paperLum: whole.bgLum, texts};
}"""

TEXT_BOXES_JS = r"""(plot) => {
  const at = plot.getBoundingClientRect();
  return [...plot.querySelectorAll('svg text')]
    .filter(t => t.textContent.trim() && !t.closest('.hoverlayer') && getComputedStyle(t).visibility !== 'hidden'
                 && parseFloat(getComputedStyle(t).opacity || '1') > 0)
    .map(t => { const r = t.getBoundingClientRect();
                return {text: t.textContent.trim().slice(0, 40), x: r.left - at.left, y: r.top - at.top, w: r.width, h: r.height}; })
    .filter(b => b.w > 1 && b.h > 1);
}"""


def figure_readings(page: Page, selector: str) -> list[dict]:
    """Each visible figure as drawn: its paper colour and luminance, and each text's contrast with its ground.

    A screenshot only holds what is painted, and a figure taller than the window is painted only in part, so
    the window is first made tall enough for the tallest figure (as conftest's failure screenshots do)."""
    plots = page.locator(selector)
    shown = [i for i in range(plots.count()) if plots.nth(i).evaluate(
        "p => p.getClientRects().length > 0 && p.getBoundingClientRect().width > 50")]  # not in a closed box
    if not shown:
        return []
    viewport = page.viewport_size or VIEWPORT
    tallest = max(plots.nth(i).evaluate("p => p.getBoundingClientRect().height") for i in shown)
    if tallest + 100 > viewport["height"]:
        page.set_viewport_size({"width": viewport["width"], "height": min(int(tallest) + 200, 6000)})
        page.wait_for_timeout(800)  # JupyterLab lays the panel out again; responsive figures redraw
    readings = []
    try:
        for index in shown:
            plot = plots.nth(index)
            plot.scroll_into_view_if_needed()
            page.mouse.move(0, 0)  # no hover label or mode bar over the figure
            page.wait_for_timeout(150)
            boxes = plot.evaluate(TEXT_BOXES_JS)
            png = base64.b64encode(plot.screenshot(animations="disabled")).decode("ascii")
            reading = page.evaluate(PIXELS_JS, [png, boxes])
            reading["index"] = index
            readings.append(reading)
    finally:
        page.set_viewport_size(viewport)
    return readings


def figure_problems(readings: list[dict]) -> tuple[list[str], float | None]:
    """What is not dark or not readable in the figures, and the lowest text contrast found."""
    problems, lowest = [], None
    for r in readings:
        if r["paperLum"] > MAX_PAPER_LUMINANCE:
            problems.append(f"figure {r['index']}: its ground is light, rgb{tuple(r['paper'])} "
                            f"(luminance {r['paperLum']:.2f} > {MAX_PAPER_LUMINANCE})")
        for t in r["texts"]:
            lowest = t["ratio"] if lowest is None else min(lowest, t["ratio"])
            if t["ratio"] < MIN_TEXT_RATIO:
                problems.append(f"figure {r['index']}: text {t['text']!r} at {t['ratio']:.2f}:1 on rgb{tuple(t['bg'])}")
    return problems, lowest


def _hexes(readings: list[dict]) -> list[str]:
    return sorted({"#" + "".join(f"{c:02x}" for c in r["paper"]) for r in readings})


def accordion_lowest(page: Page) -> float | None:
    ratios = [a["ratio"] for a in page.evaluate(ACCORDION_JS, ACCORDION_TITLES)]
    return min(ratios) if ratios else None


# --- JupyterLab, dark ----------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def dark_lab_server(tmp_path_factory: pytest.TempPathFactory):
    """A JupyterLab of its own whose user settings choose the dark theme (as a learner would in Settings →
    Theme). Its own, because the theme is a setting of the whole server."""
    from browser_lab import start_lab, stop_lab, write_lab_settings

    scratch = tmp_path_factory.mktemp("dark-lab")
    server = start_lab(NOTEBOOKS_DIR, scratch, ARTIFACTS / "dark-lab-server.log")
    server.config_dir = scratch / "config"  # start_lab's isolated JUPYTER_CONFIG_DIR
    write_lab_settings(server.config_dir, {THEME_PLUGIN: {"theme": DARK}})  # read on each page load
    yield server
    stop_lab(server)


@pytest.fixture(scope="module", params=LEARNER_NOTEBOOKS, ids=str)
def lab_dark(request: pytest.FixtureRequest, dark_lab_server, chromium) -> Iterator:
    from browser_lab import write_lab_settings
    from browser_notebook import run_notebook

    write_lab_settings(dark_lab_server.config_dir, {THEME_PLUGIN: {"theme": DARK}})  # a light test may have switched
    context = chromium.new_context(viewport=VIEWPORT)
    page = context.new_page()
    run = run_notebook(page, dark_lab_server.base_url, dark_lab_server.token, request.param,
                       dark_lab_server.notebooks_path, TIMEOUT_S)
    yield run
    context.close()
    dark_lab_server.shutdown_all_sessions()


def _theme_of(page: Page) -> str:
    return page.evaluate("() => document.body.dataset.jpThemeName || ''")


def test_lab_dark_course_text_has_enough_contrast(lab_dark):
    _require_axe()
    assert not lab_dark.run_problem, f"{lab_dark.name}: the run did not finish ({lab_dark.run_problem})"
    lab_dark.page.wait_for_function("() => document.body.dataset.jpThemeLight === 'false'", timeout=60_000)
    violations = _audit(f"lab-dark {lab_dark.name}", lab_dark.page, LAB_CONTENT)
    assert not violations, f"{lab_dark.name} in {_theme_of(lab_dark.page)}:\n{describe(violations, 10)}"


def test_lab_dark_figures_are_dark_with_readable_text(lab_dark):
    assert not lab_dark.run_problem, f"{lab_dark.name}: the run did not finish ({lab_dark.run_problem})"
    readings = figure_readings(lab_dark.page, PLOTS["lab"])
    problems, lowest = figure_problems(readings)
    _record(f"lab-dark {lab_dark.name}", figures=len(readings), figure_text_lowest=lowest,
            papers=_hexes(readings))
    assert not problems, f"{lab_dark.name} in {_theme_of(lab_dark.page)}:\n" + "\n".join(problems[:20])


def test_lab_light_course_text_has_enough_contrast(lab_dark, dark_lab_server):
    """The same page switched to the light theme (the learner's Settings → Theme), then audited again."""
    _require_axe()
    assert not lab_dark.run_problem, f"{lab_dark.name}: the run did not finish ({lab_dark.run_problem})"
    page = lab_dark.page
    page.evaluate("t => window.jupyterapp.commands.execute('apputils:change-theme', {theme: t})", LIGHT)
    page.wait_for_function("() => document.body.dataset.jpThemeLight === 'true'", timeout=60_000)
    page.wait_for_timeout(1000)  # the theme's style sheet swaps in after the attribute changes
    violations = _audit(f"lab-light {lab_dark.name}", page, LAB_CONTENT)
    assert not violations, f"{lab_dark.name} in {_theme_of(page)}:\n{describe(violations, 10)}"


# --- app mode, dark ------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def dark_app_server(tmp_path_factory: pytest.TempPathFactory):
    """App mode on a server of its own (see test_app_mode.app_server for why not JupyterLab's)."""
    from browser_lab import start_lab, stop_lab

    server = start_lab(NOTEBOOKS_DIR, tmp_path_factory.mktemp("dark-app"), ARTIFACTS / "dark-app-server.log")
    yield server
    stop_lab(server)


@pytest.fixture(scope="module", params=LEARNER_NOTEBOOKS, ids=str)
def app_dark(request: pytest.FixtureRequest, dark_app_server, chromium) -> Iterator:
    from browser_app import LAPTOP, app_url, open_app

    context = chromium.new_context(viewport=LAPTOP)
    page = context.new_page()
    path = f"{dark_app_server.notebooks_path}/{request.param}"
    url = app_url(dark_app_server.base_url, path, dark_app_server.token) + "&theme=dark"
    opened = open_app(page, request.param, url, dark_app_server.base_url, TIMEOUT_S)
    yield opened
    context.close()


def _require_app_ready(app) -> None:
    assert not app.problem, f"{app.name}: the app page never became ready ({app.problem})"
    assert app.page.evaluate("() => document.body.dataset.jpThemeLight") == "false", \
        f"{app.name}: ?theme=dark did not give the dark theme"


def test_app_dark_course_text_has_enough_contrast(app_dark):
    _require_axe()
    _require_app_ready(app_dark)
    violations = _audit(f"app-dark {app_dark.name}", app_dark.page, APP_CONTENT)
    assert not violations, f"{app_dark.name} (app, dark):\n{describe(violations, 10)}"


def test_app_dark_figures_are_dark_with_readable_text(app_dark):
    _require_app_ready(app_dark)
    readings = figure_readings(app_dark.page, PLOTS["app"])
    problems, lowest = figure_problems(readings)
    _record(f"app-dark {app_dark.name}", figures=len(readings), figure_text_lowest=lowest,
            papers=_hexes(readings))
    assert not problems, f"{app_dark.name} (app, dark):\n" + "\n".join(problems[:20])



def test_app_dark_triage_level_borders_take_their_dark_ground_colours(app_dark):
    """The level borders (warning signs, the checker's result) are drawn in markup.LEVEL_COLOUR_DARK, not in
    the light theme's dark reds and browns that all but vanish on a dark page."""
    _require_app_ready(app_dark)
    borders = app_dark.page.evaluate("""() => [...document.querySelectorAll('[style*="--ankle-level-"]')]
        .filter(e => e.offsetParent !== null)
        .map(e => getComputedStyle(e).borderLeftColor)""")
    if not borders:
        pytest.skip(f"{app_dark.name} shows no triage level on opening")

    def luminance(rgb: str) -> float:
        r, g, b = (int(v) / 255 for v in rgb[rgb.index("(") + 1:rgb.index(")")].split(",")[:3])
        return sum(k * (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
                   for k, c in zip((0.2126, 0.7152, 0.0722), (r, g, b)))

    dim = [b for b in borders if luminance(b) < 0.2]
    assert not dim, f"{app_dark.name}: level borders still in their light-theme colours: {sorted(set(dim))}"
