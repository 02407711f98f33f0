"""App mode against JupyterLab, per learner notebook, side by side in one run. A report, not a test.

    python benchmarks/app_mode.py                 # every learner notebook, 1 run each
    python benchmarks/app_mode.py --repeat 3 --only 02_causes.ipynb,05_exercises.ipynb

For each notebook (two Jupyter servers, as the browser tests start them, each on a copy of the course: one
for app mode, one for JupyterLab, since jupyter_server's file cache mixes up their extension folders):
- app: open `/voila/render/notebooks/<name>` in Chromium at phone size, until the first widget is drawn
  (the learner can start using the page) and until every widget is drawn (ready, as the app-mode tests
  wait for it), and how many of its outputs show an error instead (a page with outputs not drawn is
  ready sooner, so a time is only worth comparing with 0 there);
- lab: open the notebook in JupyterLab, Restart Kernel and Run All Cells, until the run has finished and
  the outputs have settled (what a learner has to do today before anything works).
Figures are medians over --repeat runs. On a shared 2-core machine they are noisy: compare the ratios of
one run, not figures across runs. Needs Debian's chromium and requirements-test.txt.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "browser"))

from browser_app import COUNT_JS, OUTPUT_PROBLEMS_JS, PHONE, app_url, wait_until_ready  # noqa: E402
from browser_env import CHROMIUM, CHROMIUM_ARGS, NOTEBOOKS_DIR, VIEWPORT, discover_notebooks  # noqa: E402
from browser_lab import start_lab, stop_lab  # noqa: E402

TIMEOUT_S = 150.0


def time_app(browser, server, name: str) -> tuple[float, float, int]:
    """(seconds to the first drawn widget, seconds to ready, outputs not drawn) for one fresh app-mode page.

    Outputs not drawn (an error, "model not found") are counted because such a page is ready sooner: it has
    less to draw. Voilà's race of issue 16 made module 3 look faster than it was."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        start = time.monotonic()
        page.goto(app_url(server.base_url, f"{server.notebooks_path}/{name}", server.token), wait_until="commit",
                  timeout=TIMEOUT_S * 1000)
        first = float("nan")
        deadline = start + TIMEOUT_S
        while time.monotonic() < deadline:
            if page.evaluate(COUNT_JS)["widgets"] > 0:
                first = time.monotonic() - start
                break
            page.wait_for_timeout(50)
        try:
            wait_until_ready(page, deadline)
            ready = time.monotonic() - start
        except TimeoutError as exc:  # reported as n/a
            print(f"  (app page {name} never became ready: {exc})", file=sys.stderr)
            ready = float("nan")
        not_drawn = len(page.evaluate(OUTPUT_PROBLEMS_JS))
    finally:
        context.close()
        server.shutdown_all_sessions()
    return first, ready, not_drawn


def time_lab(browser, server, name: str) -> float:
    """Seconds for JupyterLab's open + Restart Kernel and Run All Cells + rendering, as the browser tests do it."""
    from browser_notebook import run_notebook

    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    try:
        run = run_notebook(page, server.base_url, server.token, name, server.notebooks_path, TIMEOUT_S)
        if run.run_problem:
            print(f"  (lab run of {name} did not finish cleanly: {run.run_problem})", file=sys.stderr)
        return run.seconds
    finally:
        context.close()
        server.shutdown_all_sessions()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs per notebook and mode (median reported)")
    parser.add_argument("--only", default="", help="comma-separated notebook names")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        print("--repeat must be at least 1", file=sys.stderr)
        return 1
    names = [n for n in discover_notebooks() if "/" not in n]
    if args.only:
        wanted = {n.strip() for n in args.only.split(",") if n.strip()}
        unknown = wanted - set(names)
        if unknown:
            print(f"not a learner notebook: {', '.join(sorted(unknown))}", file=sys.stderr)
            return 1
        names = [n for n in names if n in wanted]
    if not CHROMIUM.exists():
        print(f"Chromium not found at {CHROMIUM}", file=sys.stderr)
        return 1

    from playwright.sync_api import sync_playwright

    scratch = Path(tempfile.mkdtemp(prefix="ankle-app-bench-"))
    server = start_lab(NOTEBOOKS_DIR, scratch / "app", scratch / "app-server.log")
    lab = start_lab(NOTEBOOKS_DIR, scratch / "lab", scratch / "lab-server.log")
    rows = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            for name in names:
                firsts, readies, labs, not_drawn = [], [], [], 0
                for _ in range(args.repeat):  # alternate the modes, so load drifts hit both alike
                    first, ready, missing = time_app(browser, server, name)
                    not_drawn += missing
                    firsts.append(first)
                    readies.append(ready)
                    labs.append(time_lab(browser, lab, name))
                row = (name, statistics.median(firsts), statistics.median(readies), statistics.median(labs), not_drawn)
                rows.append(row)
                print(f"  measured {name}", file=sys.stderr)
            browser.close()
    finally:
        stop_lab(server)
        stop_lab(lab)

    print(f"App mode (Voilà) against JupyterLab, seconds, median of {args.repeat} run(s) each; noisy under load.")
    print("'not drawn': app-mode outputs showing an error, summed over the runs (0 expected).")
    print(f"{'notebook':<26} {'app: 1st widget':>15} {'app: ready':>11} {'lab: run all':>13} {'ready/lab':>10} {'not drawn':>10}")
    for name, first, ready, lab, missing in rows:
        print(f"{name:<26} {first:>15.1f} {ready:>11.1f} {lab:>13.1f} {ready / lab:>10.2f} {missing:>10}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
