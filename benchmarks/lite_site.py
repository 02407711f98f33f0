"""The browser-only site: a course page's open-to-usable time against an empty page's, side by side.

    python benchmarks/lite_site.py                      # build the site first (about a minute), then measure
    python benchmarks/lite_site.py --site build/lite-site --pages 01_anatomy.ipynb,05_exercises.ipynb

A report, not a test: it never fails. Every page opens in a fresh browser context (empty cache and
storage), as a learner's first visit. Measured, from navigation:
  - empty page: the REPL running `print("ready")` — Pyodide's start, the floor for any page;
  - app view (the site's code-free view, ankle_course.lite_app): until the page's first widget is drawn
    ("usable") and until its reference list, the last cell, is drawn ("complete");
  - JupyterLab, for comparison: open the notebook, Restart Kernel and Run All, until its last output.
The goal (issue 16): a page usable within 1.5 times the empty page's time.
"""

from __future__ import annotations

import argparse
import functools
import json
import subprocess
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, urlencode

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests" / "browser")]
from browser_env import CHROMIUM, CHROMIUM_ARGS, VIEWPORT  # noqa: E402

from ankle_course.lite_app import REPL_OPTIONS, app_url  # noqa: E402

TARGET = 1.5
TIMEOUT_MS = 420_000
PAGES = ("00_start_here.ipynb", "01_anatomy.ipynb", "02_causes.ipynb", "03_diagnosis.ipynb", "04_treatment.ipynb",
         "05_exercises.ipynb", "06_case_studies.ipynb", "07_final_assessment.ipynb")
FIRST_WIDGET = ".jp-OutputArea-output .jupyter-widgets:visible"
LAST_CELL = ".ankle-references-list"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def build_site(out: Path) -> None:
    python = REPO / "build" / "lite-venv" / "bin" / "python"
    if not python.exists():
        sys.exit(f"no build environment at {python}: run the lite site test once, or see the README")
    subprocess.run([str(python), str(REPO / "lite" / "build.py"), "--out", str(out.resolve())], check=True,
                   stdout=subprocess.DEVNULL)


def empty_page_url(base: str) -> str:
    return f"{base}/repl/index.html?" + urlencode([*REPL_OPTIONS, ("code", 'print("ready")')], quote_via=quote)


def measure(site: Path, pages: list[str], lab: bool) -> list[tuple[str, str, float | None]]:
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    rows: list[tuple[str, str, float | None]] = []
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)

        def timed(url: str, *selectors: str) -> list[float | None]:
            context = browser.new_context(viewport=VIEWPORT)
            page = context.new_page()
            started = time.monotonic()
            page.goto(url)
            marks: list[float | None] = []
            for selector in selectors:
                try:
                    page.locator(selector).first.wait_for(timeout=TIMEOUT_MS)
                    marks.append(time.monotonic() - started)
                except Exception:  # noqa: BLE001 - a page that never gets there is reported, not raised
                    marks.append(None)
            context.close()
            return marks

        (empty,) = timed(empty_page_url(base), ".jp-OutputArea-output:has-text('ready')")
        rows.append(("empty page (Pyodide start)", "usable", empty))
        for name in pages:
            usable, complete = timed(app_url(f"notebooks/{name}", base), FIRST_WIDGET, LAST_CELL)
            rows += [(f"app view {name}", "usable", usable), (f"app view {name}", "complete", complete)]
            if lab:
                rows.append((f"JupyterLab {name}", "open + run all", _lab_run_all(browser, base, name)))
        browser.close()
    server.shutdown()
    return rows


def _lab_run_all(browser, base: str, name: str) -> float | None:
    from browser_notebook import PROBES_JS, open_notebook, restart_and_run_all, wait_for_run_to_finish

    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.add_init_script(PROBES_JS)  # the browser tests' probes; they need exposeAppInBrowser (see main)
    started = time.monotonic()
    try:
        open_notebook(page, f"{base}/lab/index.html?path=notebooks/{name}", f"notebooks/{name}", TIMEOUT_MS / 1000)
        restart_and_run_all(page, f"notebooks/{name}", TIMEOUT_MS / 1000)
        wait_for_run_to_finish(page, f"notebooks/{name}", TIMEOUT_MS / 1000)
        return time.monotonic() - started
    except Exception:  # noqa: BLE001
        return None
    finally:
        context.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one in build/lite-bench)")
    parser.add_argument("--pages", default=",".join(PAGES), help="comma-separated notebook names")
    parser.add_argument("--lab", action="store_true", help="also time JupyterLab's open + run all of each page")
    args = parser.parse_args(argv)
    site = args.site
    if site is None:
        site = REPO / "build" / "lite-bench"
        build_site(site)
    if args.lab:  # JupyterLab's own option to expose the app, so the browser tests' probes can read it
        config_path = site / "jupyter-lite.json"
        config = json.loads(config_path.read_text())
        config["jupyter-config-data"]["exposeAppInBrowser"] = True
        config_path.write_text(json.dumps(config))
    rows = measure(site, [p for p in args.pages.split(",") if p], args.lab)
    empty = rows[0][2]
    print(f"{'what':44} {'until':15} {'seconds':>8} {'× empty':>8}  target ≤ {TARGET}× for 'usable'")
    for what, until, seconds in rows:
        figure = "timeout" if seconds is None else f"{seconds:8.1f}"
        ratio = "" if seconds is None or not empty else f"{seconds / empty:7.2f}×"
        met = ""
        if until == "usable" and seconds is not None and empty and not what.startswith("empty"):
            met = "  met" if seconds <= TARGET * empty else "  NOT met"
        print(f"{what:44} {until:15} {figure:>8} {ratio:>8}{met}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
