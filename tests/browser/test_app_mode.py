"""Every learner notebook in app mode (Voilà), the way the README's first command and the Binder link open
it, on a phone (390 × 844) and on a laptop (1280 × 800).

One Jupyter server for the session, of its own (Voilà runs in it as a server extension, as on Binder), and
one page per notebook: opened at phone size, where the module's main interaction
is replayed, then resized to laptop size for the layout checks. Checked: nothing but the local server is
ever asked for anything; no error output and no error in the console; widgets, figures and pictures
drawn; axe-core finds nothing serious; no sideways page scroll, no cut-off label, tap targets of 24 × 24 px
or more, text of 16 px or more, figures within the width; links from the start page open the modules in
app mode.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_env import TIMEOUT_S, discover_notebooks, in_ci, missing_axe_reason, missing_browser_reason

if missing_browser_reason() and not in_ci():
    pytest.skip(missing_browser_reason(), allow_module_level=True)

from browser_app import FIGURES_JS, IMAGES_JS, LAPTOP, OUTPUT_PROBLEMS_JS, PHONE, AppPage, app_url, layout, open_app  # noqa: E402  # noqa: E402
from browser_axe import describe, serious_violations  # noqa: E402
from browser_interactions import InteractionContext, interaction_failures, interactions_for  # noqa: E402

pytestmark = pytest.mark.browser

LEARNER_NOTEBOOKS = [n for n in discover_notebooks() if "/" not in n]
VIEWPORTS = {"phone": PHONE, "laptop": LAPTOP}
# The app page as a whole is the course's: audit all of it (the markdown text too, not only outputs).
AXE_CONTEXT = {"include": [["#rendered_cells"]]}


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory):
    """A Jupyter server for app mode only, on its own copy of the course.

    Not conftest's `lab_server`: jupyter_server's static-file handler caches where it found each file by the
    requested path alone, for every handler at once. Voilà serves the lab extensions from share/jupyter and
    the test JupyterLab from a folder of links to them, so once Voilà has served a file, JupyterLab's
    handler is handed Voilà's path for it, outside its own folder, and answers 403.
    """
    from browser_env import ARTIFACTS, NOTEBOOKS_DIR
    from browser_lab import start_lab, stop_lab

    server = start_lab(NOTEBOOKS_DIR, tmp_path_factory.mktemp("app-mode"), ARTIFACTS / "app-mode-server.log")
    yield server
    stop_lab(server)


@pytest.fixture(scope="module", params=LEARNER_NOTEBOOKS, ids=str)
def app(request: pytest.FixtureRequest, app_server, chromium) -> Iterator[AppPage]:
    """One notebook in app mode at phone size, in its own browser context; its kernel is stopped after."""
    context = chromium.new_context(viewport=PHONE)
    page = context.new_page()
    path = f"{app_server.notebooks_path}/{request.param}"
    opened = open_app(page, request.param, app_url(app_server.base_url, path, app_server.token),
                      app_server.base_url, TIMEOUT_S)
    yield opened
    context.close()


def _require_ready(app: AppPage) -> None:
    # No view captures into an Output widget while a cell runs (tests/test_no_output_capture.py), so no page
    # waits out nbclient's cell timeout (jupyter/nbclient#312) any more: a page that never gets ready is a failure.
    assert not app.problem, f"{app.name}: the app page never became ready ({app.problem})"


def test_app_page_becomes_ready_without_error_output(app):
    _require_ready(app)
    problems = app.page.evaluate(OUTPUT_PROBLEMS_JS)
    assert not problems, f"{app.name}:\n" + "\n".join(problems)


def test_app_page_logs_no_error_in_the_console(app):
    """An error in the page's console is a part of the page that did not work, even when nothing shows it
    (module 2 once threw "r.setData is not a function" from plotly's renderer, under a figure that looked fine)."""
    _require_ready(app)
    assert not app.console_errors, f"{app.name} logged errors:\n" + "\n".join(e[:500] for e in app.console_errors)


def test_app_page_asks_nothing_of_any_other_host(app):
    _require_ready(app)
    assert not app.outside_requests, f"{app.name} asked other hosts for: {sorted(set(app.outside_requests))}"


def test_app_page_draws_its_widgets_figures_and_pictures(app):
    _require_ready(app)
    widgets = app.page.locator("#rendered_cells .jupyter-widgets").count()
    assert widgets > 0, f"{app.name}: no widget was drawn"
    flat = [f for f in app.page.evaluate(FIGURES_JS) if f["visible"] and (f["width"] < 50 or f["height"] < 50)]
    assert not flat, f"{app.name}: figures drawn with no size: {flat}"
    broken = [i["src"] for i in app.page.evaluate(IMAGES_JS) if not i["ok"]]
    assert not broken, f"{app.name}: pictures that did not load: {broken}"


def test_app_page_has_no_serious_accessibility_violations(app):
    reason = missing_axe_reason()
    if reason:
        (pytest.fail if in_ci() else pytest.skip)(reason)
    _require_ready(app)
    from browser_axe import AXE_JS, AXE_OPTIONS

    if not app.page.evaluate("() => typeof window.axe !== 'undefined'"):
        app.page.add_script_tag(path=str(AXE_JS))
    violations = app.page.evaluate("([c, o]) => window.axe.run(c, o).then(r => r.violations)",
                                   [AXE_CONTEXT, AXE_OPTIONS])
    serious = serious_violations(violations)
    assert not serious, f"{app.name}: axe-core found serious/critical problems:\n{describe(serious)}"


def test_main_interactions_work_in_app_mode_on_a_phone(app, app_server):
    _require_ready(app)
    interactions = interactions_for(app.name)
    if not interactions:
        pytest.skip(f"no interactions for {app.name}")
    app.page.set_viewport_size(PHONE)
    ctx = InteractionContext(app.page, app_server.base_url, app_server.course_home, app_server.root_dir)
    failures = interaction_failures(interactions, ctx)
    assert not failures, f"{app.name}:\n" + "\n".join(failures)


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=str)
def test_app_page_fits_the_screen(app, viewport):
    """No sideways scroll, no cut label, targets ≥ 24 px, text ≥ 16 px, figures and pictures within the width."""
    _require_ready(app)
    app.page.set_viewport_size(VIEWPORTS[viewport])
    app.page.wait_for_timeout(500)  # plotly redraws responsive figures on resize
    found = layout(app.page)
    problems = []
    if found["pageWidth"] > found["viewport"] + 1:
        problems.append(f"the page scrolls sideways: {found['pageWidth']} px wide in a {found['viewport']} px screen")
    for key, what in (("cut", "cut-off labels"), ("small", "tap targets under 24 px"), ("tinyText", "text under 16 px")):
        if found[key]:
            problems.append(f"{what}: {sorted(set(found[key]))[:15]}")
    wide = [f for f in app.page.evaluate(FIGURES_JS) if f["visible"] and f["right"] > found["viewport"] + 1]
    wide += [i for i in app.page.evaluate(IMAGES_JS) if i["right"] > found["viewport"] + 1]
    if wide:
        problems.append(f"figures or pictures wider than the screen: {wide[:5]}")
    assert not problems, f"{app.name} at {viewport}:\n" + "\n".join(problems)


def test_start_page_links_open_the_modules_in_app_mode(app):
    """Every module link on the start page points at that module in app mode (relative links, so the
    same page works in JupyterLab, where they open the notebook)."""
    if app.name != "00_start_here.ipynb":
        pytest.skip("only the start page links to every module")
    _require_ready(app)
    hrefs = app.page.evaluate("""() => [...document.querySelectorAll('#rendered_cells a[href$=".ipynb"]')]
                                 .map(a => a.href)""")
    modules = {Path(h).name for h in hrefs}
    expected = set(LEARNER_NOTEBOOKS) - {"00_start_here.ipynb"}
    assert expected <= modules, f"the start page does not link to {sorted(expected - modules)}"
    leaving = [h for h in hrefs if "/voila/render/" not in h]
    assert not leaving, f"links that leave app mode: {leaving}"
