"""The windlass teaching model: Hicks's calibration, a rising arch, and bad input refused in one sentence."""

from __future__ import annotations

import math

import pytest

from ankle_course.figures.biomechanics import LATE_STANCE_MTP_DEG, windlass_figure, windlass_rows
from ankle_course.windlass import (
    DRUM_RADIUS_MM,
    HICKS_SHORTENING_MM,
    Truss,
    arch_height_mm,
    fascia_shortening_mm,
    windlass_curve,
)


def test_a_quarter_turn_of_the_big_toe_shortens_the_fascia_by_hicks_one_centimetre():
    assert fascia_shortening_mm(90) == pytest.approx(HICKS_SHORTENING_MM)
    assert fascia_shortening_mm(0) == 0
    assert DRUM_RADIUS_MM == pytest.approx(10 / (math.pi / 2))


def test_the_arch_rises_steadily_as_the_big_toe_bends_up():
    heights = [p.arch_height_mm for p in windlass_curve(5)]
    assert all(b > a for a, b in zip(heights, heights[1:]))
    assert heights[0] == pytest.approx(30.0, abs=0.1)  # the truss as drawn, toe flat


def test_the_height_is_that_of_the_triangle_the_struts_and_tie_rod_make():
    # a 3-4-5 right triangle on its hypotenuse has height 12/5
    assert arch_height_mm(0, Truss(rear_mm=3, front_mm=4, span_mm=5)) == pytest.approx(2.4)


def test_the_curve_runs_from_a_flat_toe_to_the_quarter_turn_and_ends_there():
    curve = windlass_curve(40)
    assert [p.dorsiflexion_deg for p in curve] == [0, 40, 80, 90]


@pytest.mark.parametrize("bad", [-1, 91, float("nan"), "45", True, None])
def test_an_impossible_toe_angle_is_refused_with_one_sentence(bad):
    with pytest.raises(ValueError, match="from 0 to 90"):
        fascia_shortening_mm(bad)


@pytest.mark.parametrize("bad", [0, -5, 46, "5"])
def test_an_impossible_step_is_refused(bad):
    with pytest.raises(ValueError, match="step"):
        windlass_curve(bad)


def test_struts_that_cannot_meet_are_refused():
    with pytest.raises(ValueError, match="struts cannot meet"):
        arch_height_mm(0, Truss(rear_mm=10, front_mm=10, span_mm=30))


def test_the_figure_shows_the_model_and_marks_the_late_stance_band():
    fig = windlass_figure()
    names = [trace["name"] for trace in fig["data"]]
    assert names == ["arch height (model)", "fascia shortening (right axis)"]
    band = fig["layout"]["shapes"][0]
    assert (band["x0"], band["x1"]) == LATE_STANCE_MTP_DEG
    assert "Teaching model" in fig["layout"]["annotations"][1]["text"]


def test_the_table_gives_the_same_numbers_as_the_figure():
    rows = windlass_rows(45)
    assert rows == [("0°", "0.0 mm", "30.0 mm"), ("45°", "5.0 mm", "36.4 mm"), ("90°", "10.0 mm", "41.8 mm")]


def test_the_notebook_view_shows_the_figure_with_its_text_alternative_and_the_table(monkeypatch):
    from ankle_course.widgets import anatomy

    shown, displayed = [], []
    monkeypatch.setattr(anatomy, "show", lambda fig, alt: shown.append((fig, alt)))
    monkeypatch.setattr(anatomy, "display", lambda obj: displayed.append(obj))
    anatomy.windlass()
    ((fig, alt),) = shown
    assert fig["data"][0]["name"] == "arch height (model)" and "Teaching model" not in alt and "52 to 64" in alt
    (table,) = displayed
    assert "<caption" in table.data and "41.8 mm" in table.data
