"""Fixtures for the browser tests: one JupyterLab server and one Chromium per session, one browser
context per notebook, and a full-notebook screenshot in test-artifacts/browser/ when a test fails."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from browser_env import (
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    NOTEBOOKS_DIR,
    TIMEOUT_S,
    VIEWPORT,
    discover_notebooks,
    in_ci,
    missing_browser_reason,
)

if TYPE_CHECKING:
    from browser_lab import LabServer
    from browser_notebook import NotebookRun
    from playwright.sync_api import Browser, Playwright

RUN_SECONDS: dict[str, float] = {}
SCREENSHOT_PREFIX = "lab-"  # test_lite_site.py writes lite-*.png beside these


def _require_browser() -> None:
    reason = missing_browser_reason()
    if reason:
        (pytest.fail if in_ci() else pytest.skip)(reason)


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LabServer]:
    """JupyterLab serving a temporary copy of notebooks/, with isolated config and course home."""
    _require_browser()
    from browser_lab import start_lab, stop_lab

    for stale in ARTIFACTS.glob(f"{SCREENSHOT_PREFIX}*.png"):  # screenshots of an earlier run would mislead
        stale.unlink()
    server = start_lab(NOTEBOOKS_DIR, tmp_path_factory.mktemp("jupyterlab"), ARTIFACTS / "jupyterlab-server.log")
    yield server
    stop_lab(server)


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Playwright]:
    """The one Playwright of the session: the sync API allows only one at a time in a process, so every
    browser fixture (here and in test_lite_site.py) launches from this one."""
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def chromium(playwright_driver) -> Iterator[Browser]:
    """Debian's Chromium, headless, driven by Playwright (never a browser downloaded by Playwright)."""
    browser = playwright_driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture(scope="module", params=discover_notebooks(), ids=str)
def notebook_run(request: pytest.FixtureRequest, lab_server, chromium) -> Iterator[NotebookRun]:
    """One notebook, opened in its own browser context, after Restart Kernel and Run All Cells.

    Module scope with one param per notebook: pytest runs every test of one notebook against the same
    run, then closes it (and stops its kernel) before the next notebook starts.
    """
    from browser_notebook import run_notebook

    context = chromium.new_context(viewport=VIEWPORT)
    page = context.new_page()
    run = run_notebook(page, lab_server.base_url, lab_server.token, request.param, lab_server.notebooks_path,
                       TIMEOUT_S)
    RUN_SECONDS[request.param] = run.seconds
    yield run
    context.close()
    lab_server.shutdown_all_sessions()


def save_screenshot(run: NotebookRun) -> str:
    """Screenshot the whole notebook (the viewport is stretched to its height): one file per notebook,
    overwritten by each failing test, so it shows the page as the last failure left it."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / (SCREENSHOT_PREFIX + re.sub(r"[^A-Za-z0-9_.-]+", "_", run.name) + ".png")
    page = run.page
    try:
        height = page.evaluate("""() => {
            const outer = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer');
            return outer ? outer.scrollHeight : 0;
        }""")
        page.set_viewport_size({"width": VIEWPORT["width"], "height": max(VIEWPORT["height"], min(height + 200, 16000))})
        page.screenshot(path=str(path), full_page=True)
        page.set_viewport_size(VIEWPORT)
    except Exception as exc:  # a screenshot must never hide the real failure
        return f"(screenshot failed: {exc})"
    return str(path)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    run = getattr(item, "funcargs", {}).get("notebook_run")
    if report.when == "call" and report.failed and run is not None:
        report.sections.append(("screenshot", save_screenshot(run)))
    return report


def pytest_terminal_summary(terminalreporter) -> None:
    if RUN_SECONDS:
        terminalreporter.section("browser: seconds per notebook (open + restart + run all + render)")
        for name, seconds in RUN_SECONDS.items():
            terminalreporter.write_line(f"{seconds:7.1f}  {name}")
