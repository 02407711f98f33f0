"""Notebooks are committed clean, match the course map, and stay narrative plus one-line calls."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ankle_course.content import course

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
ALL = sorted(p for p in NOTEBOOKS.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
MAX_CODE_LINES = 6  # "no hidden walls of code": logic belongs in the package


def cells(path: Path) -> list[dict]:
    return json.loads(path.read_text())["cells"]


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_notebook_is_committed_without_outputs_or_execution_counts(path):
    dirty = [i for i, c in enumerate(cells(path)) if c.get("outputs") or c.get("execution_count") is not None]
    assert not dirty, f"{path.name}: cells {dirty} carry outputs or execution counts; clear them before committing"


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_every_cell_has_a_unique_id(path):
    # nbformat 4.5 requires cell ids (a missing one is a warning today and an error in later nbformat releases)
    ids = [c.get("id") for c in cells(path)]
    assert None not in ids and len(set(ids)) == len(ids), f"{path.name}: cells {[i for i, x in enumerate(ids) if x is None]} have no id, or ids repeat"


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_code_cells_are_short_calls_into_the_package(path):
    long = [i for i, c in enumerate(cells(path)) if c["cell_type"] == "code"
            and len([line for line in "".join(c["source"]).splitlines() if line.strip()]) > MAX_CODE_LINES]
    assert not long, f"{path.name}: cells {long} are longer than {MAX_CODE_LINES} lines; move the code into ankle_course"


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_links_between_notebooks_resolve(path):
    text = "".join("".join(c["source"]) for c in cells(path) if c["cell_type"] == "markdown")
    for target in re.findall(r"\]\(([^)#\s]+\.ipynb)", text):
        assert (path.parent / target).exists(), f"{path.name} links to missing {target}"


def test_course_map_and_notebooks_folder_agree():
    mapped = {m.notebook for m in course().modules.values()}
    present = {p.name for p in NOTEBOOKS.glob("*.ipynb")}
    assert mapped == present


def test_every_module_notebook_states_its_learning_objectives():
    """The objectives card (module_status) lists them; the final assessment shows mastery per objective."""
    for module in course().modules.values():
        text = (NOTEBOOKS / module.notebook).read_text()
        expected = "final_assessment(" if module.id == "final" else f'module_status(\\"{module.id}\\")'
        assert expected in text, f"{module.notebook} does not state its learning objectives"
