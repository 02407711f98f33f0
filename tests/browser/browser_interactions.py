"""The main things a learner does in each notebook, replayed in the browser after Run All.

Each notebook's interactions are small functions registered in INTERACTIONS under the notebook's file
name (relative to notebooks/, e.g. "instructor/guide.ipynb"), or an `interact(page)` in
interactions/<notebook stem>.py (the form the module authors use, shared with the JupyterLite test);
a notebook gets both. An interaction finds a widget by the
stable CSS class the course gives it (`widget.add_class("ankle-...")`), acts on it the way a person
would (click, choose, type), and asserts that the visible text changed as it should. A hook for a
notebook that is not in the folder is never run.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

DEFAULT_TIMEOUT_MS = 10_000


@dataclass(frozen=True)
class InteractionContext:
    """What an interaction may look at: the page, and the server's folders (to check files it wrote)."""

    page: Page
    base_url: str
    course_home: Path
    root_dir: Path


Interaction = Callable[[InteractionContext], None]


# --- generic helpers -----------------------------------------------------------------------------

def widget(page: Page, css_class: str, state: str = "visible") -> Locator:
    """The (first) rendered widget carrying `css_class` inside a notebook output, once in `state`.

    Reading text only needs the widget "attached": an empty message widget has no size, so it never
    counts as visible until it says something.
    """
    found = page.locator(f".jp-OutputArea .{css_class}").first
    found.wait_for(state=state, timeout=DEFAULT_TIMEOUT_MS)
    return found


def text_of(page: Page, css_class: str) -> str:
    """The text a learner sees in the widget with `css_class` ("" while it is empty)."""
    return widget(page, css_class, state="attached").inner_text()


def click_button(page: Page, css_class: str, label: str) -> None:
    """Click the button labelled `label`: the widget with `css_class` itself, or a button inside it."""
    root = widget(page, css_class)
    is_button = root.evaluate("e => e.tagName === 'BUTTON'")
    button = root if is_button else root.get_by_role("button", name=label, exact=True)
    if is_button:
        actual = root.inner_text().strip()
        assert actual == label, f".{css_class} is the button {actual!r}, expected {label!r}"
    button.click(timeout=DEFAULT_TIMEOUT_MS)


def choose(page: Page, css_class: str, label: str) -> None:
    """Pick `label` in a Dropdown, RadioButtons or ToggleButtons widget carrying `css_class`."""
    root = widget(page, css_class)
    if root.locator("select").count():
        root.locator("select").first.select_option(label=label, timeout=DEFAULT_TIMEOUT_MS)
    elif root.locator("input[type=radio]").count():
        root.get_by_label(label, exact=True).check(timeout=DEFAULT_TIMEOUT_MS)
    else:
        root.get_by_role("button", name=label, exact=True).click(timeout=DEFAULT_TIMEOUT_MS)


def set_slider(page: Page, css_class: str, value: int | float) -> None:
    """Type `value` into a slider's editable readout and press Enter, as a learner can.

    `fill` replaces the readout's whole text in one step. Clicking, Control+A and typing key by key
    instead leaves a gap in which the kernel's own update of the slider (an echo of an earlier change)
    can replace the selected text, and the keys are then appended to the kernel's number. The readout
    is then waited for: the slider has taken the value (it shows it formatted, so only its start is
    compared).
    """
    readout = widget(page, css_class).locator(".widget-readout").first
    readout.fill(str(value), timeout=DEFAULT_TIMEOUT_MS)
    readout.press("Enter", timeout=DEFAULT_TIMEOUT_MS)
    expect(readout).to_have_text(re.compile(rf"^\s*{re.escape(str(value))}"), timeout=DEFAULT_TIMEOUT_MS)


def wait_for_text(page: Page, css_class: str, pattern: str, timeout_ms: int = DEFAULT_TIMEOUT_MS) -> str:
    """Wait until the widget's visible text matches the regex `pattern` (searched, as re.search does);
    returns that text. Playwright's expect re-reads the page until then."""
    found = widget(page, css_class, state="attached")
    expect(found).to_have_text(re.compile(pattern), use_inner_text=True, timeout=timeout_ms)
    return found.inner_text()


def wait_for_text_change(page: Page, css_class: str, before: str, timeout_ms: int = DEFAULT_TIMEOUT_MS) -> str:
    """Wait until the widget's visible text differs from `before`; returns the new text."""
    found = widget(page, css_class, state="attached")
    expect(found).not_to_have_text(re.compile(rf"^{re.escape(before)}$"), use_inner_text=True, timeout=timeout_ms)
    return found.inner_text()


def _files(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


def course_module_titles() -> list[str]:
    """Titles of every module in the shipped course map, which the start page must list."""
    from ankle_course.content import course

    return [module.title for module in course().modules.values()]


# --- 00_start_here.ipynb ---------------------------------------------------------------------------

def progress_overview_lists_every_module(ctx: InteractionContext) -> None:
    """The progress overview is a table that names every module of the course map."""
    overview = widget(ctx.page, "ankle-progress-overview")
    expect(overview.locator("table").first).to_be_attached(timeout=DEFAULT_TIMEOUT_MS)
    text = overview.inner_text()
    missing = [title for title in course_module_titles() if title not in text]
    assert not missing, f"the progress overview does not name these modules: {missing}"


def export_button_saves_and_offers_a_download(ctx: InteractionContext) -> None:
    """Clicking "Export my progress" says it saved, writes the file under ANKLE_COURSE_HOME (never into
    the course folder), and gives a download link that works."""
    files_before = _files(ctx.course_home)
    before = text_of(ctx.page, "ankle-export-message")
    click_button(ctx.page, "ankle-export", "Export my progress")
    after = wait_for_text(ctx.page, "ankle-export-message", r"Saved")
    assert after != before
    assert _files(ctx.course_home) - files_before, f"no new file under ANKLE_COURSE_HOME ({ctx.course_home})"
    links = widget(ctx.page, "ankle-export-message").locator("a[href]")
    expect(links.first).to_be_attached(timeout=DEFAULT_TIMEOUT_MS)  # part of the "Saved" message itself
    href = links.first.get_attribute("href") or ""
    if not href.startswith(("data:", "blob:")):
        response = ctx.page.request.get(links.first.evaluate("a => a.href"))
        assert response.ok, f"the download link {href!r} answered HTTP {response.status}"


# --- registry --------------------------------------------------------------------------------------

INTERACTIONS: dict[str, list[Interaction]] = {
    "00_start_here.ipynb": [progress_overview_lists_every_module, export_button_saves_and_offers_a_download],
    # Other modules keep theirs in interactions/<notebook stem>.py as `interact(page)` (shared with
    # test_lite_site.py); both kinds run. Still to come, with the class names the widgets use today:
}
INTERACTIONS_DIR = Path(__file__).with_name("interactions")


def load_interact(notebook: str) -> Callable[[Page], None] | None:
    """interactions/<stem>.py's `interact(page)`, written by the module's author, if there is one
    (used as is by the JupyterLite test, which has no server folders to offer)."""
    path = INTERACTIONS_DIR / f"{Path(notebook).stem}.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location(f"ankle_interaction_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.interact


def module_interaction(notebook: str) -> Interaction | None:
    """The module author's interaction, as a registry entry."""
    interact = load_interact(notebook)
    if interact is None:
        return None

    def run(ctx: InteractionContext) -> None:
        interact(ctx.page)

    run.__name__ = f"interactions/{Path(notebook).stem}.py"
    return run


def interactions_for(notebook: str) -> list[Interaction]:
    """Every interaction for a notebook: the registry's, then its interactions/ file's (none: no hook yet)."""
    extra = module_interaction(notebook)
    return [*INTERACTIONS.get(notebook, []), *([extra] if extra else [])]


def interaction_failures(interactions: list[Interaction], ctx: InteractionContext, limit: int = 600) -> list[str]:
    """Run every interaction and describe each that fails: the report shows them all, not just the first."""
    failures = []
    for interaction in interactions:
        try:
            interaction(ctx)
        except Exception as exc:
            failures.append(f"{interaction.__name__}: {type(exc).__name__}: {str(exc)[:limit]}")
    return failures
