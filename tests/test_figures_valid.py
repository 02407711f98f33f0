"""Every figure function's output is a valid plotly figure, checked property by property.

The figures are plain dicts so that drawing one costs milliseconds; this file is where plotly's own
checking happens instead: a misspelt or mistyped property here fails CI, never a learner's notebook.
A new figure function must be added below (a test finds any that is missing).
"""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import ankle_course.figures as figures
from ankle_course.classroom import class_mastery, item_stats, load_class
from ankle_course.content import course
from ankle_course.figures import figure_object, mimebundle
from ankle_course.figures.anatomy import VIEWS, anatomy_figure, motion_figure, tunnel_section_figure
from ankle_course.figures.biomechanics import windlass_figure
from ankle_course.figures.causes import comparison_grid, differential_bars
from ankle_course.figures.classroom import class_mastery_figure, item_figure
from ankle_course.figures.diagnosis import fagan_nomogram, ottawa_diagram
from ankle_course.figures.exercises import exercise_figure, pain_trend_figure, sessions_per_week_figure
from ankle_course.figures.quiz import mastery_figure
from ankle_course.figures.quiz_identify import identify_figure
from ankle_course.figures.treatment import recovery_timeline
from ankle_course.quiz.mastery import objective_mastery

EXAMPLE_CLASS = Path(__file__).resolve().parents[1] / "notebooks" / "instructor" / "example_class"
SESSIONS = [{"id": f"s{day}", "exercise": "calf_raise_double", "dosage": "15 reps × 3 sets",
             "started": f"2026-03-{day:02d}T09:00:00+00:00", "reps_done": 45, "sets_done": 3, "completed": True,
             "pain_during": day % 6, "pain_next_morning": None if day == 9 else day % 3} for day in (2, 4, 9, 16)]


def _class_figures() -> dict[str, Callable[[], Any]]:
    data = load_class(EXAMPLE_CLASS)
    return {"item_figure": lambda: item_figure([s for s in item_stats(data, course()) if s.answered]),
            "class_mastery_figure": lambda: class_mastery_figure(class_mastery(data, course()), len(data.learners))}


CASES: dict[str, list[Callable[[], Any]]] = {
    "anatomy_figure": [*(lambda v=v: anatomy_figure(v) for v in VIEWS),
                       lambda: anatomy_figure(highlight="spring_ligament", layers=("bones", "ligaments")),
                       lambda: anatomy_figure(labels=False), lambda: anatomy_figure(layers=())],
    "tunnel_section_figure": [tunnel_section_figure],
    "motion_figure": [lambda m=m: motion_figure(m) for m in course().motions],
    "comparison_grid": [comparison_grid],
    "differential_bars": [lambda: differential_bars([("Gout", 0.62), ("Infected joint", 0.2)]),
                          lambda: differential_bars([])],
    "ottawa_diagram": [ottawa_diagram, lambda: ottawa_diagram({"medial_malleolus", "navicular"})],
    "fagan_nomogram": [lambda: fagan_nomogram(0.2, 5.0), lambda: fagan_nomogram(0.15, 0.08, "negative"),
                       lambda: fagan_nomogram(0.001, 1000), lambda: fagan_nomogram(0.999, 0.001, "negative")],
    "sessions_per_week_figure": [lambda: sessions_per_week_figure(SESSIONS), lambda: sessions_per_week_figure([])],
    "pain_trend_figure": [lambda: pain_trend_figure(SESSIONS), lambda: pain_trend_figure([])],
    "exercise_figure": [lambda: exercise_figure(course().exercises["calf_stretch"], "start"),
                        lambda: exercise_figure(course().exercises["rom_eversion"], "end"),
                        lambda: exercise_figure(course().exercises["banded_inversion"], 0.5)],
    "mastery_figure": [lambda: mastery_figure(objective_mastery({}, course())),
                       lambda: mastery_figure(objective_mastery({q: 1.0 for q in course().questions}, course()))],
    "identify_figure": [lambda: identify_figure("tibialis_posterior")],
    "windlass_figure": [windlass_figure],
    "recovery_timeline": [recovery_timeline, lambda: recovery_timeline(condition="posterior_tibial_tendinopathy")],
    **{name: [build] for name, build in _class_figures().items()},
}
BUILDS = [pytest.param(build, id=f"{name}-{i}") for name, builds in CASES.items() for i, build in enumerate(builds)]


@pytest.mark.parametrize("build", BUILDS)
def test_each_figure_is_valid_plotly_and_plain_json(build: Callable[[], Any]):
    fig = build()
    assert isinstance(fig, dict) and isinstance(fig["data"], list), "figure functions return plotly figure dicts"
    figure_object(fig)  # raises ValueError naming any invalid property
    json.dumps(mimebundle(fig), allow_nan=False)  # what the kernel sends, without needing a custom encoder
    assert not list(_string_titles(fig)), "plotly.js 3 draws only {'text': ...} titles; plotly.py would hide this"


def _string_titles(node: Any, path: str = "") -> Any:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "title" and isinstance(value, str):
                yield f"{path}.{key}"
            yield from _string_titles(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _string_titles(value, f"{path}[{i}]")


def test_every_figure_function_is_checked_here():
    """Functions in ankle_course.figures annotated to return a figure must have a case above."""
    found = set()
    for info in pkgutil.iter_modules(figures.__path__):
        module = importlib.import_module(f"{figures.__name__}.{info.name}")
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ == module.__name__ and "PlotlyFigure" in str(inspect.signature(fn).return_annotation):
                found.add(name)
    assert found - {"identify_figure"} <= set(CASES), f"add cases for {sorted(found - set(CASES))}"
    assert found, "the figure functions are annotated -> PlotlyFigure"


def test_figures_use_the_course_look_not_plotlys_default_template():
    layout = anatomy_figure()["layout"]
    assert layout["template"]["layout"]["font"]["color"] == "#222222"
