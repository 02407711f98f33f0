"""The browser-only site: a course page's open-to-usable time against an empty page's, side by side.

    python benchmarks/lite_site.py                      # build the site first (about a minute), then measure
    python benchmarks/lite_site.py --site build/lite-site --pages 01_anatomy.ipynb,05_exercises.ipynb
    python benchmarks/lite_site.py --site build/lite-new --compare build/lite-old --pages 01_anatomy.ipynb --rounds 2

A report, not a test: it never fails. Every page opens in a fresh browser context (empty cache and
storage), as a learner's first visit. Measured, from navigation:
  - empty page: the REPL running `print("ready")` — Pyodide's start, the floor for any page;
  - app view (the site's code-free view, ankle_course.lite_app): until the page's first widget is drawn
    ("usable") and until its reference list, the last cell, is drawn ("complete");
  - JupyterLab, for comparison: open the notebook, Restart Kernel and Run All, until its last output.
The goal (issue 16): a page usable within 1.5 times the empty page's time.

Each app view is opened at the address the site's own front door (app/index.html) links to, so a site built
from an older checkout is measured as that checkout made it. `--compare` measures a second site in the same
run (before/after a change), the two taking turns page by page, so that both meet the same load on the
machine; `--rounds` repeats everything and reports medians. Compare the ratios, not the seconds, on a
machine that is busy with other work.
"""

from __future__ import annotations

import argparse
import functools
import html
import json
import re
import statistics
import subprocess
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, urlencode, urljoin

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests" / "browser")]
from browser_env import CHROMIUM, CHROMIUM_ARGS, VIEWPORT  # noqa: E402

from ankle_course.lite_app import REPL_OPTIONS  # noqa: E402

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


def app_links(site: Path) -> dict[str, str]:
    """Each page's app-view address as the site's front door links to it, relative to the site's root."""
    front = (site / "app" / "index.html").read_text(encoding="utf-8")
    links = {}
    for href in re.findall(r'href="([^"]+)"', front):
        href = html.unescape(href)
        page = re.search(r"notebooks%2F([A-Za-z0-9_.-]+\.ipynb)", href)
        if page and "/repl/" in href:
            links[page.group(1)] = urljoin("http://site/app/", href).removeprefix("http://site/")
    return links


class _Site:
    """One built site, served on 127.0.0.1 while it is measured."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.links = app_links(folder)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"


def measure(sites: list[Path], pages: list[str], lab: bool, rounds: int = 1) -> list[tuple[str, str, list]]:
    """Rows of (what, until, [seconds per site, the median of `rounds`, None where it never got there])."""
    from playwright.sync_api import sync_playwright

    served = [_Site(folder) for folder in sites]
    samples: dict[tuple[str, str], list[list[float | None]]] = {}

    def note(what: str, until: str, index: int, seconds: float | None) -> None:
        samples.setdefault((what, until), [[] for _ in served])[index].append(seconds)

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

        for _ in range(rounds):
            for i, site in enumerate(served):
                (empty,) = timed(empty_page_url(site.base), ".jp-OutputArea-output:has-text('ready')")
                note("empty page (Pyodide start)", "usable", i, empty)
            for name in pages:
                for i, site in enumerate(served):
                    if name not in site.links:
                        note(f"app view {name}", "usable", i, None)
                        continue
                    usable, complete = timed(f"{site.base}/{site.links[name]}", FIRST_WIDGET, LAST_CELL)
                    note(f"app view {name}", "usable", i, usable)
                    note(f"app view {name}", "complete", i, complete)
                    if lab:
                        note(f"JupyterLab {name}", "open + run all", i, _lab_run_all(browser, site.base, name))
        browser.close()
    for site in served:
        site.server.shutdown()
    return [(what, until, [_median(s) for s in per_site]) for (what, until), per_site in samples.items()]


def _median(values: list[float | None]) -> float | None:
    got = [v for v in values if v is not None]
    return statistics.median(got) if len(got) == len(values) and got else None


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
    parser.add_argument("--compare", type=Path, help="a second built site (say, of the previous commit), measured "
                                                     "in the same run and shown beside the first")
    parser.add_argument("--pages", default=",".join(PAGES), help="comma-separated notebook names")
    parser.add_argument("--rounds", type=int, default=1, help="repeat the measurements and report medians")
    parser.add_argument("--lab", action="store_true", help="also time JupyterLab's open + run all of each page")
    args = parser.parse_args(argv)
    site = args.site
    if site is None:
        site = REPO / "build" / "lite-bench"
        build_site(site)
    sites = [site] + ([args.compare] if args.compare else [])
    if args.lab:  # JupyterLab's own option to expose the app, so the browser tests' probes can read it
        for folder in sites:
            config_path = folder / "jupyter-lite.json"
            config = json.loads(config_path.read_text())
            config["jupyter-config-data"]["exposeAppInBrowser"] = True
            config_path.write_text(json.dumps(config))
    rows = measure(sites, [p for p in args.pages.split(",") if p], args.lab, max(1, args.rounds))
    empties = rows[0][2]
    names = [str(folder) for folder in sites]
    print(f"sites: {' | '.join(f'[{i + 1}] {n}' for i, n in enumerate(names))}; target ≤ {TARGET}× empty for 'usable'"
          + (f"; medians of {args.rounds} rounds" if args.rounds > 1 else ""))
    head = "".join(f" {f'[{i + 1}] s':>8} {'× empty':>8} {'':8}" for i in range(len(sites)))
    # the two sites' times for the same page, measured turn about: the before/after figure least moved by the
    # machine's load, which also moves each site's own empty-page time
    head += f" {'[1] / [2]':>9}" if len(sites) == 2 else ""
    print(f"{'what':44} {'until':15}{head}")
    for what, until, per_site in rows:
        cells = ""
        for seconds, empty in zip(per_site, empties):
            figure = "timeout" if seconds is None else f"{seconds:.1f}"
            ratio = "" if seconds is None or not empty else f"{seconds / empty:.2f}×"
            met = ""
            if until == "usable" and seconds is not None and empty and not what.startswith("empty"):
                met = "met" if seconds <= TARGET * empty else "NOT met"
            cells += f" {figure:>8} {ratio:>8} {met:8}"
        if len(per_site) == 2 and None not in per_site and per_site[1]:
            cells += f" {per_site[0] / per_site[1]:8.2f}×"
        print(f"{what:44} {until:15}{cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
