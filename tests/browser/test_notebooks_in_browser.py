"""Every course notebook, run the way a learner runs it: JupyterLab in Chromium, Restart Kernel and Run
All Cells, then what is on the screen is checked (errors, widgets, plots, console, accessibility) and
the main interactions are replayed.

Needs Debian's chromium at /usr/bin/chromium and, for the audit, `npm ci --prefix tests/browser`.
Run: python -m pytest tests/browser -p no:nbval -o addopts="" -m browser -v
"""

from __future__ import annotations

import re
import warnings

import pytest
from browser_env import in_ci, missing_axe_reason, missing_browser_reason

if missing_browser_reason() and not in_ci():
    pytest.skip(missing_browser_reason(), allow_module_level=True)

from browser_axe import describe, run_axe, serious_violations  # noqa: E402
from browser_interactions import InteractionContext, interaction_failures, interactions_for  # noqa: E402
from browser_notebook import (  # noqa: E402
    broken_images,
    error_outputs,
    plot_problems,
    stderr_outputs,
    unrenderable_outputs,
    widget_problems,
)

pytestmark = pytest.mark.browser

# Console errors JupyterLab itself logs in a healthy session; each is matched against the message text.
BENIGN_CONSOLE = (
    # The debugger sidebar asks the kernel for its state while "Restart Kernel" replaces that kernel.
    re.compile(r"Could not restore the debugger state"),
    # The old kernel's websocket is closed by the restart before it finished connecting.
    re.compile(r"WebSocket connection to 'ws://127\.0\.0\.1:\d+/api/kernels/.*' failed"),
)
# stderr that is more than a warning: fail on it; any other stderr is reported as a pytest warning.
STDERR_IS_ERROR = re.compile(r"Traceback|\b[A-Z]\w*Error\b|\bException\b")


def test_chromium_starts_and_renders_a_page(chromium):
    page = chromium.new_page()
    try:
        page.set_content("<p id=probe>ankle</p>")
        assert page.inner_text("#probe") == "ankle"
    finally:
        page.close()


def _not_finished(run) -> str:
    return f"{run.name}: the run did not finish ({run.run_problem}), so this check cannot be trusted"


def test_notebook_runs_every_cell_without_error(notebook_run):
    problems = error_outputs(notebook_run.outputs)
    stderr = stderr_outputs(notebook_run.outputs)
    real = [s for s in stderr if STDERR_IS_ERROR.search(s)]
    for text in set(stderr) - set(real):
        warnings.warn(f"{notebook_run.name} writes to stderr: {text[:500]}", stacklevel=1)
    if notebook_run.run_problem:
        problems.insert(0, notebook_run.run_problem)
    assert not problems + real, f"{notebook_run.name}:\n" + "\n".join(problems + real)


def test_every_output_has_a_renderer(notebook_run):
    problems = unrenderable_outputs(notebook_run.outputs)
    assert not problems, f"{notebook_run.name}:\n" + "\n".join(problems)


def test_every_widget_renders_as_a_control(notebook_run):
    problems = widget_problems(notebook_run.outputs)
    assert not problems, f"{notebook_run.name}:\n" + "\n".join(problems)


def test_every_plotly_figure_is_drawn(notebook_run):
    problems = plot_problems(notebook_run.outputs)
    assert not problems, f"{notebook_run.name}:\n" + "\n".join(problems)


def test_every_image_loads(notebook_run):
    broken = broken_images(notebook_run.page, notebook_run.path)
    assert not broken, f"{notebook_run.name}: images that did not load:\n" + "\n".join(broken)


def test_browser_console_has_no_errors(notebook_run):
    errors = [e for e in notebook_run.console if not any(p.search(e.text) for p in BENIGN_CONSOLE)]
    assert not errors, f"{notebook_run.name}: errors in the browser console:\n" + "\n".join(map(str, errors))


def test_outputs_have_no_serious_accessibility_violations(notebook_run):
    reason = missing_axe_reason()
    if reason:
        (pytest.fail if in_ci() else pytest.skip)(reason)
    violations = serious_violations(run_axe(notebook_run.page))
    assert not violations, f"{notebook_run.name}: axe-core found serious/critical problems:\n{describe(violations)}"


def test_main_interactions_change_what_the_learner_sees(notebook_run, lab_server):
    interactions = interactions_for(notebook_run.name)
    if not interactions:
        pytest.skip(f"no interactions for {notebook_run.name}: add one to browser_interactions.INTERACTIONS "
                    f"or interactions/{notebook_run.name.rsplit('/', 1)[-1].removesuffix('.ipynb')}.py")
    if notebook_run.run_problem:
        pytest.skip(_not_finished(notebook_run))
    ctx = InteractionContext(notebook_run.page, lab_server.base_url, lab_server.course_home, lab_server.root_dir)
    failures = interaction_failures(interactions, ctx, limit=100_000)
    assert not failures, f"{notebook_run.name}:\n" + "\n".join(failures)
