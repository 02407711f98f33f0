"""No view draws into an Output widget by capturing (`with out:`): while a cell runs, capturing makes every
runner built on nbclient (nbconvert, papermill, Voilà) wait out the whole cell timeout (jupyter/nbclient#312),
so a page would hang in the app view. Views set the Output's outputs instead (`common.draw_figures`)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

WIDGETS = sorted((Path(__file__).resolve().parents[1] / "ankle_course" / "widgets").glob("*.py"))


@pytest.mark.parametrize("path", WIDGETS, ids=lambda p: p.name)
def test_no_view_captures_output_with_a_with_statement(path):
    captures = [node.lineno for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                if isinstance(node, ast.With)
                and any(isinstance(item.context_expr, (ast.Name, ast.Attribute)) for item in node.items)]
    assert not captures, f"{path.name}: lines {captures} capture into a widget with `with …:`; use draw_figures"
