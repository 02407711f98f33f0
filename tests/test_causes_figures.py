"""Module 2's figures carry their meaning in text, and their table alternatives say the same thing."""

from __future__ import annotations

import ankle_course.figures  # noqa: F401  (sets the offline renderer)
from ankle_course.content import course
from ankle_course.figures import figure_object
from ankle_course.figures.causes import (
    comparison_grid,
    comparison_grid_data,
    comparison_grid_rows,
    differential_bars,
    differential_rows,
)
from ankle_course.widgets.causes import comparison_table, condition_card


def test_grid_has_a_column_per_condition_and_a_row_per_typical_finding():
    grid = comparison_grid_data()
    assert set(grid.columns) == set(course().conditions)
    used = {f for c in course().conditions.values() for f in c.typical_findings}
    assert set(grid.rows) == used


def test_grid_marks_typical_cells_with_a_tick_not_colour_alone():
    grid = comparison_grid_data()
    fig = figure_object(comparison_grid(grid))  # every property valid
    heat = fig.data[0]
    row = grid.rows.index("tinel_sign")
    col = grid.columns.index("tarsal_tunnel_syndrome")
    assert heat.text[row][col] == "✓" and heat.z[row][col] == 1
    assert heat.text[row][grid.columns.index("gout")] == ""


def test_grid_rows_are_readable_labels_including_the_choice():
    labels = comparison_grid_data().row_labels
    assert "How it started: gradually, over days or weeks" in labels and "Tinel's sign" in labels


def test_table_alternative_lists_the_same_conditions_per_finding():
    grid = comparison_grid_data()
    rows = dict(comparison_grid_rows(grid))
    assert "Tarsal tunnel" in rows["Tinel's sign"]
    html = comparison_table().data
    assert "The same comparison as a table" in html and "<table" in html and "Tarsal tunnel" in html


def test_differential_bars_are_labelled_with_percentages_best_first():
    fig = figure_object(differential_bars([("Gout", 0.62), ("Infected joint", 0.2)]))
    bar = fig.data[0]
    assert list(bar.y) == ["Gout", "Infected joint"] and list(bar.text) == ["62%", "20%"]
    assert differential_rows([("Gout", 0.62)]) == [("Gout", "62%")]


def test_condition_card_has_plain_sections_a_skippable_pt_box_and_numbered_sources():
    html = condition_card("posterior_tibial_tendinopathy").data
    for heading in ("What happens", "Who gets it", "How it feels", "What to do now", "How long it takes"):
        assert f"<h4>{heading}</h4>" in html
    assert "🎓 PT-student depth" in html and "<details" in html
    assert '<sup class="ankle-cite">[<a href="#ankle-ref-' in html and "Cook JL, Purdam CR" in html
    assert "If you read the original article" in html
