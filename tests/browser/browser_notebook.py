"""Drive one notebook in JupyterLab: open it, Restart Kernel and Run All Cells, wait, and inventory outputs.

JupyterLab is driven through its own command registry (`window.jupyterapp.commands`, exposed by
`--LabApp.expose_app_in_browser`), the same commands its menus and palette call, so the tests do not
depend on menu labels or layout. What the learner *sees* is then read from the DOM.
"""

from __future__ import annotations

import re
import time
import urllib.parse
import uuid
from dataclasses import dataclass, field

from playwright.sync_api import ConsoleMessage, Page
from playwright.sync_api import Error as PlaywrightError

# Installed on every page before JupyterLab loads: small read-only probes of the notebook panel, and
# `runAll`, where restart_and_run_all keeps what became of its Run All.
PROBES_JS = r"""
window.__ankle = {
  runAll: null,
  panel(path) {
    const app = window.jupyterapp;
    if (!app || !app.shell) return null;
    for (const w of app.shell.widgets('main')) {
      if (w.context && w.context.path === path && w.content && w.sessionContext) return w;
    }
    return null;
  },
  runState(path) {
    const panel = this.panel(path);
    const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
    const cells = [];
    panel.content.widgets.forEach((cell, index) => {
      if (cell.model.type !== 'code' || !cell.model.sharedModel.getSource().trim()) return;
      // A cell with its input hidden (metadata jupyter.source_hidden) draws no input prompt; JupyterLab
      // derives the prompt from the model by the same rule, so read the model there.
      const prompt = cell.node.querySelector('.jp-InputArea:not(.lm-mod-hidden) .jp-InputPrompt');
      const model = cell.model;
      const fromModel = `[${model.executionState === 'running' ? '*' : (model.executionCount || ' ')}]:`;
      cells.push({index, prompt: prompt && prompt.textContent.trim() ? prompt.textContent.trim() : fromModel});
    });
    return {kernel: kernel ? kernel.status : 'none', cells, runAll: this.runAll};
  },
  images(path) {
    // Every picture on the page of the notebook: markdown cells (../images/...) and outputs alike.
    // An <img> with no src that is not displayed (plotly keeps one for image export) loads nothing.
    return [...this.panel(path).content.node.querySelectorAll('img')]
      .filter(img => img.hasAttribute('src') || img.getClientRects().length > 0).map(img => ({
      src: img.getAttribute('src') || '', done: img.complete, ok: img.complete && img.naturalWidth > 0,
    }));
  },
  outputs(path) {
    const panel = this.panel(path);
    const rendermime = panel.content.rendermime;
    const found = [];
    panel.content.widgets.forEach((cell, cellIndex) => {
      if (cell.model.type !== 'code') return;
      const models = cell.model.outputs;
      const views = cell.outputArea.widgets;
      for (let i = 0; i < models.length; i++) {
        const model = models.get(i);
        const node = views[i] ? views[i].node : null;
        const plots = node ? [...node.querySelectorAll('.js-plotly-plot')].map(plot => {
          const svg = plot.querySelector('.main-svg');
          const box = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
          const traces = plot.querySelectorAll(
            '.trace, .hm, .contour, .imagelayer image, .pielayer .slice, .sankey, .gl-container canvas').length;
          return {width: box.width, height: box.height, traces};
        }) : [];
        found.push({
          cell: cellIndex,
          type: model.type,
          name: model.type === 'stream' ? model.toJSON().name : '',
          mimeTypes: Object.keys(model.data || {}),
          renderable: model.type === 'stream' || model.type === 'error' ||
            rendermime.preferredMimeType(model.data || {}, 'any') !== undefined,
          error: model.type === 'error' ? model.toJSON() : null,
          text: node ? node.innerText : '',
          widgetViews: node ? node.querySelectorAll('.jupyter-widgets').length : 0,
          plots,
        });
      }
    });
    return found;
  },
};
"""

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
PLOTLY_MIME = "application/vnd.plotly.v1+json"
WIDGET_ERROR_TEXTS = ("Error displaying widget", "model not found", "Failed to load model class")
WIDGET_LOADING_TEXT = "Loading widget..."
# A widget (or a box of them) shown as its Python repr: the lab extension did not render it.
WIDGET_AS_TEXT = re.compile(r"^\s*(?:[A-Z][A-Za-z]+\((?:children|layout|value|description|options)=|Output\(\))",
                            re.MULTILINE)
NO_RENDERER_TEXT = "No renderer could be found"
SETTLE_S = 1.0


@dataclass
class ConsoleEntry:
    """One error-level message from the page: a console.error call or an uncaught exception."""

    kind: str
    text: str
    location: str = ""

    def __str__(self) -> str:
        where = f" ({self.location})" if self.location else ""
        return f"[{self.kind}] {self.text}{where}"


@dataclass
class NotebookRun:
    """What happened when one notebook was run in the browser; tests read their checks off this."""

    name: str  # relative to notebooks/: what tests report and INTERACTIONS is keyed by
    path: str  # relative to the server's root ("notebooks/<name>"): what JupyterLab calls it
    page: Page
    console: list[ConsoleEntry] = field(default_factory=list)
    run_problem: str = ""
    seconds: float = 0.0
    outputs: list[dict] = field(default_factory=list)

    def refresh_outputs(self) -> list[dict]:
        self.outputs = self.page.evaluate("path => window.__ankle.outputs(path)", self.path)
        return self.outputs


def notebook_url(base_url: str, path: str, token: str) -> str:
    """A fresh, uniquely named workspace per notebook, reset on load, so no earlier layout is restored."""
    workspace = f"ankle-{uuid.uuid4().hex[:12]}"
    return (f"{base_url}/lab/workspaces/{workspace}/tree/{urllib.parse.quote(path)}"
            f"?reset&token={urllib.parse.quote(token)}")


def collect_console(page: Page, into: list[ConsoleEntry]) -> None:
    """Record console errors and uncaught page exceptions for the whole life of the page."""

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            loc = message.location or {}
            into.append(ConsoleEntry("console.error", message.text, loc.get("url", "")))

    page.on("console", on_console)
    page.on("pageerror", lambda exc: into.append(ConsoleEntry("pageerror", f"{exc.name}: {exc.message}")))


def open_notebook(page: Page, url: str, path: str, timeout_s: float) -> None:
    """Load JupyterLab at `url` and wait until the notebook's document and kernel are ready and idle."""
    page.goto(url, wait_until="domcontentloaded", timeout=timeout_s * 1000)
    page.wait_for_function("path => window.__ankle.panel(path) !== null", arg=path, timeout=timeout_s * 1000)
    page.evaluate("""async path => {
        const panel = window.__ankle.panel(path);
        await panel.context.ready;
        await panel.sessionContext.ready;
    }""", path)
    page.wait_for_function("path => window.__ankle.runState(path).kernel === 'idle'", arg=path,
                           timeout=timeout_s * 1000)


# The command's promise settles once the dialog below is answered *and* every cell has run (JupyterLab
# 4.x returns NotebookActions.runCells: true when all ran, false when one raised), so it is not awaited
# here but kept in window.__ankle.runAll for wait_for_run_to_finish.
START_RESTART_RUN_ALL_JS = """() => {
    const record = window.__ankle.runAll = {settled: false, ok: null, error: ''};
    window.jupyterapp.commands.execute('notebook:restart-run-all').then(
        ok => { record.settled = true; record.ok = ok === undefined ? null : ok; },
        err => { record.settled = true; record.error = String(err); });
}"""


def restart_and_run_all(page: Page, path: str, timeout_s: float = 120.0) -> None:
    """Clear outputs, then Kernel > Restart Kernel and Run All Cells, confirming JupyterLab's dialog.

    Clearing first resets every prompt to `[ ]`, so a number in a prompt afterwards can only come
    from this run. `timeout_s` bounds each wait for the dialog: on a loaded machine JupyterLab can take
    far longer than usual to draw it, and the wait ends as soon as it is there.
    """
    page.evaluate("path => { window.jupyterapp.shell.activateById(window.__ankle.panel(path).id); }", path)
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
    page.evaluate(START_RESTART_RUN_ALL_JS)
    dialog = page.locator(".jp-Dialog", has_text="Restart Kernel?")
    dialog.wait_for(state="visible", timeout=timeout_s * 1000)
    dialog.locator("button.jp-mod-accept", has_text="Restart").click(timeout=timeout_s * 1000)
    dialog.wait_for(state="detached", timeout=timeout_s * 1000)


def _all_numbered(state: dict) -> bool:
    return all(re.fullmatch(r"\[\d+\]:?", cell["prompt"]) for cell in state["cells"])


def _any_running(state: dict) -> bool:
    return any("*" in cell["prompt"] for cell in state["cells"])


def _run_all_failed(state: dict) -> str:
    """Why Run All ended without running every cell, or "" while it runs or when it ran them all."""
    record = state.get("runAll") or {}
    if not record.get("settled"):
        return ""
    if record.get("error"):
        return f"Run All failed: {record['error']}"
    return "the run stopped before these cells ran" if record.get("ok") is False else ""


def wait_for_run_to_finish(page: Page, path: str, timeout_s: float) -> str:
    """Wait until every non-empty code cell shows an execution number and the kernel is idle.

    An idle kernel alone is not enough (it is idle between queued cells, and right after a restart),
    so the prompts are read too. A run that stopped early (an exception halts Run All) is told by Run
    All itself (its promise settles false, see START_RESTART_RUN_ALL_JS), not by how long the kernel
    has been idle: on a loaded machine JupyterLab can sit idle for seconds between the restart and the
    first cell. Returns "" when the run completed, else a description of what did not run.
    """
    deadline = time.monotonic() + timeout_s
    state: dict = {}
    while time.monotonic() < deadline:
        state = page.evaluate("path => window.__ankle.runState(path)", path)
        if state["kernel"] == "idle" and not _any_running(state):
            if _all_numbered(state):
                return ""
            failed = _run_all_failed(state)
            if failed:
                return _describe_unfinished(state, failed)
        time.sleep(0.25)
    return _describe_unfinished(state, f"not finished after {timeout_s:.0f}s (kernel {state.get('kernel')})")


def _describe_unfinished(state: dict, why: str) -> str:
    pending = [f"cell #{c['index']} {c['prompt'] or '(no prompt)'}" for c in state.get("cells", [])
               if not re.fullmatch(r"\[\d+\]:?", c["prompt"])]
    return f"{why}: {', '.join(pending)}"


def _pending_rendering(outputs: list[dict]) -> bool:
    """True while a widget says 'Loading widget...' or a plotly output has no SVG yet."""
    for out in outputs:
        if WIDGET_MIME in out["mimeTypes"] and not any(t in out["text"] for t in WIDGET_ERROR_TEXTS):
            if WIDGET_LOADING_TEXT in out["text"] or not out["widgetViews"]:
                return True
        if PLOTLY_MIME in out["mimeTypes"] and not any(p["width"] for p in out["plots"]):
            return True
    return False


def wait_for_outputs_to_settle(run: NotebookRun, timeout_s: float = 120.0) -> list[dict]:
    """Widgets and plots render asynchronously after the kernel is done: wait until they have.

    Returns as soon as nothing is pending and two inventories SETTLE_S apart agree; `timeout_s` is only
    the bound for a page that never settles (its outputs are then returned as they are, and the checks
    report what is still missing), so it is generous: a loaded machine renders slowly.
    """
    deadline = time.monotonic() + timeout_s
    previous = None
    while time.monotonic() < deadline:
        outputs = run.refresh_outputs()
        if outputs == previous and not _pending_rendering(outputs):
            return outputs
        previous = outputs
        time.sleep(SETTLE_S)
    return run.refresh_outputs()


def run_notebook(page: Page, base_url: str, token: str, name: str, folder: str, timeout_s: float) -> NotebookRun:
    """Open `folder/name`, restart-and-run-all, and wait for the kernel and the rendering to finish."""
    run = NotebookRun(name=name, path=f"{folder}/{name}", page=page)
    collect_console(page, run.console)
    page.add_init_script(PROBES_JS)
    started = time.monotonic()
    try:
        open_notebook(page, notebook_url(base_url, run.path, token), run.path, timeout_s)
        restart_and_run_all(page, run.path, timeout_s)
        run.run_problem = wait_for_run_to_finish(page, run.path, timeout_s)
        wait_for_outputs_to_settle(run, timeout_s)
    except PlaywrightError as exc:
        run.run_problem = f"could not drive JupyterLab: {exc.message.splitlines()[0]}"
    run.seconds = time.monotonic() - started
    return run


def error_outputs(outputs: list[dict]) -> list[str]:
    """Every exception a cell raised, as 'cell #N: Name: value'."""
    found = []
    for out in outputs:
        if out["type"] == "error":
            err = out["error"] or {}
            found.append(f"cell #{out['cell']}: {err.get('ename')}: {err.get('evalue')}")
    return found


def stderr_outputs(outputs: list[dict]) -> list[str]:
    """Everything written to stderr, per cell, as the learner sees it (warnings show up here too)."""
    return [f"cell #{o['cell']}: {o['text'].strip()}" for o in outputs if o["type"] == "stream" and o["name"] == "stderr"]


def broken_images(page: Page, path: str, timeout_s: float = 60.0) -> list[str]:
    """Images that did not load (a wrong relative path, a file missing from the repo), once all are done
    (`timeout_s` only bounds an image that never finishes, which is then reported as still loading)."""
    deadline = time.monotonic() + timeout_s
    images = page.evaluate("path => window.__ankle.images(path)", path)
    while not all(i["done"] for i in images) and time.monotonic() < deadline:
        time.sleep(0.25)
        images = page.evaluate("path => window.__ankle.images(path)", path)
    return [f"{i['src'] or '(no src)'}" + ("" if i["done"] else " (still loading)") for i in images if not i["ok"]]


def unrenderable_outputs(outputs: list[dict]) -> list[str]:
    """Outputs JupyterLab has no renderer for (it then shows nothing, or "No renderer could be found")."""
    return [f"cell #{o['cell']}: JupyterLab cannot display an output with MIME types {o['mimeTypes']}"
            for o in outputs if not o["renderable"] or NO_RENDERER_TEXT in o["text"]]


def widget_problems(outputs: list[dict]) -> list[str]:
    """Widgets that show an error, never rendered, or appear as Python text instead of a control."""
    problems = []
    for out in outputs:
        where = f"cell #{out['cell']}"
        text = out["text"]
        if WIDGET_MIME in out["mimeTypes"]:
            bad = [t for t in (*WIDGET_ERROR_TEXTS, WIDGET_LOADING_TEXT) if t in text]
            if bad or not out["widgetViews"]:
                problems.append(f"{where}: widget not rendered ({', '.join(bad) or 'no widget DOM'}): {text[:200]!r}")
        elif WIDGET_AS_TEXT.search(text):
            problems.append(f"{where}: a widget is shown as text, not as a control: {text[:200]!r}")
    return problems


def plot_problems(outputs: list[dict]) -> list[str]:
    """Plotly outputs that were not drawn: no plot element, an empty SVG, or no trace in it."""
    problems = []
    for out in outputs:
        where = f"cell #{out['cell']}"
        if PLOTLY_MIME in out["mimeTypes"] and not out["plots"]:
            problems.append(f"{where}: plotly output was not drawn (no .js-plotly-plot)")
        for plot in out["plots"]:
            if not (plot["width"] > 0 and plot["height"] > 0):
                problems.append(f"{where}: plotly figure has an empty SVG ({plot['width']}x{plot['height']})")
            if plot["traces"] == 0:
                problems.append(f"{where}: plotly figure drew no trace")
    return problems
