"""Open a course notebook in app mode (Voilà, served by the test's Jupyter server as an extension) and read
off what a learner on a phone or a laptop would meet: outputs, widgets, figures, pictures, layout.

A Voilà page runs the notebook in a fresh kernel while it streams the page, then draws the widgets once its
kernel is connected. "Ready" is when the page has finished loading, no widget still says "Loading widget",
and the number of drawn widgets has stopped growing: that is also what benchmarks/app_mode.py times.
"""

from __future__ import annotations

import time
import urllib.parse
from dataclasses import dataclass, field

from playwright.sync_api import Page, Request

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}
MIN_TARGET_PX = 24  # WCAG 2.2, 2.5.8 (minimum); the course's CSS aims for 44
MIN_FONT_PX = 16
STABLE_S = 1.0


def app_url(base_url: str, notebook_path: str, token: str) -> str:
    """The app-mode address of a notebook, as the README and Binder links give it (plus the test token)."""
    return f"{base_url}/voila/render/{urllib.parse.quote(notebook_path)}?token={urllib.parse.quote(token)}"


@dataclass
class AppPage:
    """One notebook open in app mode; the tests read their checks off this."""

    name: str
    page: Page
    base_url: str
    outside_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    problem: str = ""


# Read-only probes, evaluated in the page.
COUNT_JS = """() => ({
  widgets: document.querySelectorAll('#rendered_cells .jupyter-widgets').length,
  // outputs that are widgets, as Voilà streamed them, against those drawn so far (the course template
  // holds widget and plotly outputs back as application/vnd.ankle.cell-output+json until the models are restored)
  expected: [...document.querySelectorAll('script[type="application/vnd.voila.cell-output+json"], ' +
                                          'script[type="application/vnd.ankle.cell-output+json"]')]
              .filter(s => s.textContent.includes('application/vnd.jupyter.widget-view+json')).length,
  drawn: [...document.querySelectorAll('#rendered_cells .jp-OutputArea-output')]
           .filter(o => o.querySelector('.jupyter-widgets')).length,
  loading: [...document.querySelectorAll('#rendered_cells .jp-OutputArea-output')]
             .filter(e => /Loading widget/.test(e.innerText)).length,
  shown: !!document.querySelector('#rendered_cells') &&
         getComputedStyle(document.querySelector('#rendered_cells')).display !== 'none',
  ready: document.readyState,
})"""

OUTPUT_PROBLEMS_JS = r"""() => {
  const found = [];
  for (const e of document.querySelectorAll('#rendered_cells [data-mime-type="application/vnd.jupyter.stderr"], ' +
                                            '#rendered_cells .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]'))
    found.push('error/stderr output: ' + e.innerText.slice(0, 300));
  for (const e of document.querySelectorAll('#rendered_cells .jp-OutputArea-output')) {
    const t = e.innerText;
    if (/There was an error when executing cell|Cell execution timed out|Error displaying widget|Failed to load model class|model not found|No renderer could be found/.test(t))
      found.push('output says: ' + t.slice(0, 300));
  }
  return found;
}"""

FIGURES_JS = """() => [...document.querySelectorAll('#rendered_cells .js-plotly-plot')].map(plot => {
  const svg = plot.querySelector('.main-svg');
  const box = svg ? svg.getBoundingClientRect() : {width: 0, height: 0, left: 0, right: 0};
  return {width: box.width, height: box.height, left: box.left, right: box.right,
          visible: plot.getClientRects().length > 0};
})"""

IMAGES_JS = """() => [...document.querySelectorAll('#rendered_cells img')]
  .filter(img => img.hasAttribute('src') && img.getClientRects().length > 0)
  .map(img => ({src: (img.getAttribute('src') || '').slice(0, 80), ok: img.complete && img.naturalWidth > 0,
                right: img.getBoundingClientRect().right}))"""

# Layout at the current viewport. Only what is displayed counts (a closed accordion's insides are not
# on screen). A label is cut when its text is wider than its box (ipywidgets ends it with "…").
LAYOUT_JS = r"""([minTarget, minFont]) => {
  const vw = document.documentElement.clientWidth;
  const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
  const name = e => (e.innerText || e.getAttribute('aria-label') || e.getAttribute('title') || e.value || e.tagName).trim().slice(0, 50);
  const root = document.querySelector('#rendered_cells');
  const out = {pageWidth: document.documentElement.scrollWidth, viewport: vw, cut: [], small: [], tinyText: []};
  for (const e of root.querySelectorAll('button, .widget-label, .widget-toggle-button, .widget-radio-box label, .widget-checkbox label, .widget-dropdown select')) {
    if (!shown(e)) continue;
    const overflowing = e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible';
    const ellipsis = getComputedStyle(e).textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth + 1;
    if (overflowing || ellipsis) out.cut.push(name(e));
  }
  const targets = root.querySelectorAll('button, select, input[type=radio], input[type=checkbox], input[type=text], input[type=number], textarea, .widget-toggle-button, summary, .lm-AccordionPanel-title, .p-Accordion-title, .jupyter-widget-Collapse-header');
  for (const e of targets) {
    if (!shown(e)) continue;
    // a radio button or checkbox is also operated through its label: the pair is the target
    const label = e.closest('label');
    const box = (label && (e.type === 'radio' || e.type === 'checkbox') ? label : e).getBoundingClientRect();
    if (box.width + 0.5 < minTarget || box.height + 0.5 < minTarget)
      out.small.push(`${name(label || e)} (${Math.round(box.width)}x${Math.round(box.height)})`);
  }
  for (const e of root.querySelectorAll('p, li, td, th, label, button, .widget-label, .widget-html-content, summary, select')) {
    if (!shown(e) || !(e.innerText || '').trim() || e.closest('.js-plotly-plot, small, sub, sup')) continue;
    const size = parseFloat(getComputedStyle(e).fontSize);
    if (size + 0.05 < minFont) out.tinyText.push(`${name(e)} (${size}px)`);
  }
  return out;
}"""


def open_app(page: Page, name: str, url: str, base_url: str, timeout_s: float) -> AppPage:
    """Open `url` and wait until the app is ready (or say why it never was)."""
    app = AppPage(name, page, base_url)
    host = urllib.parse.urlsplit(base_url).netloc

    def on_request(request: Request) -> None:
        parts = urllib.parse.urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != host:
            app.outside_requests.append(request.url)

    page.on("request", on_request)
    page.on("console", lambda m: app.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: app.console_errors.append(f"{exc.name}: {exc.message}"))
    start = time.monotonic()
    try:
        page.goto(url, wait_until="commit", timeout=timeout_s * 1000)
        wait_until_ready(page, start + timeout_s)
    except Exception as exc:  # reported by the tests, each of which can still look at the page
        app.problem = f"{type(exc).__name__}: {str(exc).splitlines()[0]}"
    app.seconds = time.monotonic() - start
    return app


def wait_until_ready(page: Page, deadline: float) -> None:
    """Loaded, shown, no widget still loading, and the count of drawn widgets steady for STABLE_S."""
    last, since = -1, time.monotonic()
    while time.monotonic() < deadline:
        state = page.evaluate(COUNT_JS)
        done = (state["ready"] == "complete" and state["shown"] and not state["loading"]
                and state["widgets"] > 0 and state["drawn"] >= state["expected"])
        if state["widgets"] != last:
            last, since = state["widgets"], time.monotonic()
        elif done and time.monotonic() - since >= STABLE_S:
            return
        page.wait_for_timeout(100)
    raise TimeoutError(f"app not ready: {page.evaluate(COUNT_JS)}")


def layout(page: Page) -> dict:
    return page.evaluate(LAYOUT_JS, [MIN_TARGET_PX, MIN_FONT_PX])
