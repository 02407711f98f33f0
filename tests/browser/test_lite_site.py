"""The browser-only course: built offline as a JupyterLite site, served on 127.0.0.1, run in Chromium.

Every notebook runs top to bottom in Pyodide, its widgets and figures render, its main interaction
works, and not one request leaves the local server: a request to any other host fails the test.
"""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from browser_env import (
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    REPO,
    VIEWPORT,
    discover_notebooks,
    in_ci,
    missing_browser_reason,
)
from browser_interactions import load_interact
from browser_notebook import (
    PROBES_JS,
    NotebookRun,
    collect_console,
    error_outputs,
    open_notebook,
    plot_problems,
    restart_and_run_all,
    wait_for_outputs_to_settle,
    wait_for_run_to_finish,
    widget_problems,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Chromium calls Google services even on a blank page; these send every such call to a closed local port.
NO_GOOGLE = [
    "--gaia-url=http://127.0.0.1:9", "--google-apis-url=http://127.0.0.1:9", "--lso-url=http://127.0.0.1:9",
    "--component-updater=url-source=http://127.0.0.1:9/",
    "--disable-features=NetworkTimeServiceQuerying,OptimizationHints,OptimizationGuideModelDownloading,"
    "OptimizationHintsFetching,OptimizationTargetPrediction,AutofillServerCommunication,MediaRouter,Translate",
]
# Pyodide starts and installs the course from the site's own index before the first cell runs.
LITE_TIMEOUT_S = 420
TIMINGS = ARTIFACTS / "lite-timings.json"


def _missing_build_tools() -> str:
    if shutil.which("npm") is None:
        return "npm is not installed: the build takes Pyodide's core from the npm registry"
    return ""


def _build_python() -> Path:
    """The build tools live in a venv of their own, as the README says: JupyterLite's kernel extension in
    the course's environment would break server JupyterLab. Reused while lite/requirements.txt is unchanged."""
    venv = REPO / "build" / "lite-venv"
    python = venv / "bin" / "python"
    requirements = (REPO / "lite" / "requirements.txt").read_text()
    stamp = venv / "requirements.txt"
    if not (python.exists() and stamp.exists() and stamp.read_text() == requirements):
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "-r", str(REPO / "lite" / "requirements.txt")],
                       check=True, timeout=900)
        stamp.write_text(requirements)
    return python


@pytest.fixture(scope="session")
def lite_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    reason = missing_browser_reason() or _missing_build_tools()
    if reason:
        if in_ci():
            pytest.fail(f"CI must run the JupyterLite test: {reason}")
        pytest.skip(reason)
    site = tmp_path_factory.mktemp("lite") / "site"
    build = subprocess.run([str(_build_python()), str(REPO / "lite" / "build.py"), "--out", str(site)],
                           capture_output=True, text=True, timeout=900)
    assert build.returncode == 0, f"the site did not build:\n{build.stdout[-3000:]}\n{build.stderr[-3000:]}"
    # Only for the test: JupyterLab's own option to expose the app, so the harness's probes can read it.
    config_path = site / "jupyter-lite.json"
    config = json.loads(config_path.read_text())
    config["jupyter-config-data"]["exposeAppInBrowser"] = True
    config_path.write_text(json.dumps(config))
    return site


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def lite_url(lite_site: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(lite_site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def lite_browser(lite_url: str, playwright_driver):
    # conftest's playwright_driver: a second sync_playwright() in the same session would fail.
    browser = playwright_driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS + NO_GOOGLE)
    yield browser
    browser.close()


def _record_timing(name: str, seconds: dict[str, float]) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    timings = json.loads(TIMINGS.read_text()) if TIMINGS.exists() else {}
    timings[name] = seconds
    TIMINGS.write_text(json.dumps(timings, indent=1, sort_keys=True))


@pytest.mark.parametrize("name", discover_notebooks(), ids=str)
def test_notebook_runs_in_the_browser_with_no_server(name: str, lite_url: str, lite_browser) -> None:
    context = lite_browser.new_context(viewport=VIEWPORT)  # fresh browser storage for every notebook
    elsewhere: list[str] = []
    context.on("request", lambda r: None if r.url.startswith((lite_url, "data:", "blob:")) else elsewhere.append(r.url))
    page = context.new_page()
    page.add_init_script(PROBES_JS)
    run = NotebookRun(name=name, path=f"notebooks/{name}", page=page)
    collect_console(page, run.console)
    try:
        started = time.monotonic()
        open_notebook(page, f"{lite_url}/lab/index.html?path=notebooks/{name}", run.path, LITE_TIMEOUT_S)
        opened = time.monotonic()
        restart_and_run_all(page, run.path, LITE_TIMEOUT_S)
        run.run_problem = wait_for_run_to_finish(page, run.path, LITE_TIMEOUT_S)
        outputs = wait_for_outputs_to_settle(run, LITE_TIMEOUT_S)
        usable = time.monotonic()
        assert not run.run_problem, run.run_problem
        assert not error_outputs(outputs), error_outputs(outputs)
        assert not widget_problems(outputs), widget_problems(outputs)
        assert not plot_problems(outputs), plot_problems(outputs)
        interact = load_interact(name)
        if interact is not None:
            interact(page)
        _record_timing(name, {"open_s": round(opened - started, 1), "run_all_s": round(usable - opened, 1),
                              "open_to_usable_s": round(usable - started, 1)})
        assert not elsewhere, f"requests left the local server: {sorted(set(elsewhere))[:10]}"
    except BaseException:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"lite-{name.replace('/', '__')}.png"), full_page=True)
        raise
    finally:
        context.close()


LEARNER_PAGES = [n for n in discover_notebooks() if n[:2].isdigit()]


@pytest.mark.parametrize("name", LEARNER_PAGES, ids=str)
def test_app_view_shows_the_page_ready_with_no_code(name: str, lite_url: str, lite_browser) -> None:
    """The site's code-free view (ankle_course.lite_app, the REPL app run from its URL): the page runs as it
    opens, shows its text, widgets and reference list, no line of code, no error, nothing from elsewhere."""
    from ankle_course.lite_app import app_url

    context = lite_browser.new_context(viewport=VIEWPORT)
    elsewhere: list[str] = []
    context.on("request", lambda r: None if r.url.startswith((lite_url, "data:", "blob:")) else elsewhere.append(r.url))
    page = context.new_page()
    try:
        started = time.monotonic()
        page.goto(app_url(f"notebooks/{name}", lite_url))
        page.locator(".jp-OutputArea-output .jupyter-widgets").first.wait_for(timeout=LITE_TIMEOUT_S * 1000)
        usable = time.monotonic()
        page.locator(".ankle-references-list").first.wait_for(timeout=LITE_TIMEOUT_S * 1000)
        text = page.locator(".jp-CodeConsole-content").inner_text()
        assert "show_page(" not in text, "the page's own call is visible"  # pages may quote commands in prose
        assert page.locator(".jp-CodeConsole-content .jp-InputArea:visible").count() == 0, "a code cell shows its code"
        errors = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
        assert errors.count() == 0, errors.first.inner_text()[:2000]
        assert page.locator(".jp-OutputArea-output h1").count() >= 1  # the page's own title, from its Markdown
        _record_timing(f"app:{name}", {"open_to_usable_s": round(usable - started, 1),
                                       "open_to_complete_s": round(time.monotonic() - started, 1)})
        assert not elsewhere, f"requests left the local server: {sorted(set(elsewhere))[:10]}"
    except BaseException:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"lite-app-{name}.png"), full_page=True)
        raise
    finally:
        context.close()
