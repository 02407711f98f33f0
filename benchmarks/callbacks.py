"""Widget callbacks to time: what runs between a learner's click and the page changing.

Each entry builds a view the way a notebook cell does (its one-liner), finds a control by the same
stable `ankle-*` CSS class the browser tests use, and returns the action to time. Add an entry when a
module gains a main interaction. An entry whose view cannot be built (module not written yet, API
renamed) is reported as n/a, not a crash.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

TARGET_MS = 20.0
Action = Callable[[], object]


@dataclass(frozen=True)
class CallbackBenchmark:
    """A named callback: `setup()` builds the view once and returns the action to time."""

    name: str
    setup: Callable[[], Action]
    target_ms: float = TARGET_MS


# --- finding and poking widgets ------------------------------------------------------------------

def one_liner(path: str) -> Callable[..., object]:
    """`"ankle_course.widgets.start:progress_panel"` -> the function a notebook calls."""
    module, _, name = path.partition(":")
    return getattr(importlib.import_module(module), name)


def _children(widget: object) -> Iterator[object]:
    for child in getattr(widget, "children", ()) or ():
        yield child
        yield from _children(child)


def find(root: object, css_class: str) -> object:
    """The first widget under `root` (or `root` itself) carrying `css_class`."""
    for widget in (root, *_children(root)):
        if css_class in getattr(widget, "_dom_classes", ()):
            return widget
    raise LookupError(f"no widget with class {css_class!r}")


def first_control(root: object) -> object:
    """The first widget under `root` a learner can change (choice, tick box, number) or click."""
    for widget in (root, *_children(root)):
        if hasattr(widget, "options") and getattr(widget, "options", None):
            return widget
        if type(widget).__name__ in ("Checkbox", "ToggleButton", "Button", "BoundedIntText", "IntSlider",
                                     "FloatSlider", "BoundedFloatText", "IntText", "FloatText"):
            return widget
    raise LookupError("no control to change")


def poke(control: object) -> Action:
    """An action that changes `control` to a different value each call (or clicks it), firing its callbacks."""
    name = type(control).__name__
    if name == "Button":
        return control.click
    if hasattr(control, "options"):
        def next_option() -> None:
            control.index = 0 if control.index is None else (control.index + 1) % len(control.options)
        return next_option
    if name in ("Checkbox", "ToggleButton"):
        def toggle() -> None:
            control.value = not control.value
        return toggle

    low = getattr(control, "min", 0)

    def step() -> None:
        control.value = low + 1 if control.value == low else low
    return step


def click(path: str, css_class: str) -> Callable[[], Action]:
    """Setup for "build the view with `path`, then click the button with `css_class`"."""
    return lambda: find(one_liner(path)(), css_class).click


def change(path: str, css_class: str) -> Callable[[], Action]:
    """Setup for "build the view, then change the first control inside the widget with `css_class`"."""
    return lambda: poke(first_control(find(one_liner(path)(), css_class)))


def build(path: str, *args: object) -> Callable[[], Action]:
    """Setup for timing the one-liner itself (what a cell's output costs to build)."""
    return lambda: (lambda: one_liner(path)(*args))


def answer_then_check(path: str) -> Callable[[], Action]:
    """Setup for a quiz: choose an answer to the first question once, then time "Check"."""
    def setup() -> Action:
        question = find(one_liner(path)(), "ankle-quiz-question")
        poke(first_control(question))()
        return find(question, "ankle-quiz-check").click
    return setup


def timer_tick() -> Action:
    """Setup for the exercise timer: start it (no event loop here, so ticks are driven by hand)."""
    from ankle_course.widgets.timer import ExerciseTimerView

    view = ExerciseTimerView()
    view.start()
    return view.refresh


# --- registry ------------------------------------------------------------------------------------

CALLBACKS: list[CallbackBenchmark] = [
    CallbackBenchmark("start: build progress overview", build("ankle_course.widgets.start:progress_panel")),
    CallbackBenchmark("start: click Export my progress", click("ankle_course.widgets.start:progress_panel", "ankle-export")),
    CallbackBenchmark("causes: symptom checker answer", change("ankle_course.widgets.symptom_checker:symptom_checker",
                                                               "ankle-checker-question")),
    CallbackBenchmark("final: quiz answer + Check", answer_then_check("ankle_course.widgets.quiz:final_assessment")),
    CallbackBenchmark("exercises: timer tick", timer_tick),
    # TODO(anatomy): flashcard flip, once its card has a stable ankle-* class.
]
