"""The diagnosis module's widgets and content, driven the way a learner uses them."""

from __future__ import annotations

import re

import pytest

from ankle_course.citations import current_page, new_page
from ankle_course.content import check_course, course
from ankle_course.figures import figure_object
from ankle_course.figures.diagnosis import fagan_nomogram, ottawa_diagram, ottawa_rows
from ankle_course.widgets.diagnosis import imaging_chooser, sources_list, special_tests_gallery
from ankle_course.widgets.diagnosis_fagan import FaganExplorer
from ankle_course.widgets.diagnosis_ottawa import OttawaCalculator


def visible(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# ------------------------------------------------------------------------------------------ Ottawa calculator
def test_ottawa_starts_with_no_xray_and_marking_the_medial_malleolus_indicates_an_ankle_xray():
    calc = OttawaCalculator()
    assert "Ankle X-ray: not needed" in visible(calc.result.value)
    calc.points["medial_malleolus"].value = True
    text = visible(calc.result.value)
    assert "Ankle X-ray: indicated" in text and "Foot X-ray: not needed" in text
    assert "medial malleolus" in text and "Be seen today" in text


def test_ottawa_diagram_and_its_table_follow_the_ticked_points():
    calc = OttawaCalculator()
    calc.points["navicular"].value = True
    assert "✱ TENDER" in calc.diagram_table.value
    bundle = calc.diagram.outputs[0]["data"]
    assert "application/vnd.plotly.v1+json" in bundle and "navicular" in bundle["text/plain"].lower()
    assert "Foot X-ray: indicated" in visible(calc.result.value)


def test_ottawa_four_steps_must_fail_both_times():
    calc = OttawaCalculator()
    calc.steps_now.value = "No"
    assert "Ankle X-ray: not needed" in visible(calc.result.value)
    calc.steps_immediately.value = "No"
    assert "Ankle X-ray: indicated" in visible(calc.result.value)


def test_ottawa_exclusion_says_the_rules_do_not_apply_and_a_clinician_decides():
    calc = OttawaCalculator()
    calc.exclusions["pregnant"].value = True
    text = visible(calc.result.value)
    assert "do not apply" in text and "Pregnant" in text and "clinician" in text


def test_ottawa_result_always_gives_the_emergency_signs_in_words():
    assert "emergency department now" in visible(OttawaCalculator().result.value)


def test_ottawa_widget_carries_the_css_classes_the_browser_tests_use():
    calc = OttawaCalculator()
    assert "ankle-ottawa" in calc.widget._dom_classes
    assert "ankle-ottawa-result" in calc.result._dom_classes
    labels = [box.description for box in calc.points.values()]
    assert len(set(labels)) == 4 and "Inner ankle bone: back edge or tip" in labels


def test_ottawa_figure_marks_tender_points_by_shape_and_text_not_colour_alone():
    fig = figure_object(ottawa_diagram({"medial_malleolus"}))  # every property valid
    symbols = [t.marker.symbol for t in fig.data if t.mode == "markers"]
    assert symbols.count("star") == 1 and symbols.count("circle-open") == 3
    assert sum("✱ TENDER" in (a.text or "") for a in fig.layout.annotations) == 1
    assert [r[3] for r in ottawa_rows({"medial_malleolus"})].count("✱ TENDER") == 1


# ------------------------------------------------------------------------------------------ Fagan explorer
def test_fagan_starts_on_the_ottawa_example_with_the_worked_answer():
    fagan = FaganExplorer()
    text = visible(fagan.message.value)
    assert "After a negative result: 1.4 %" in text and "Measured value" in text
    assert "ankle-fagan" in fagan.widget._dom_classes
    assert fagan.figure.outputs and "Post-test probability 1.4 %" in visible(fagan.figure_table.value)


def test_fagan_typing_150_percent_shows_a_message_not_a_traceback():
    fagan = FaganExplorer()
    fagan.pre_text.value = "150"
    assert "between 0 % and 100 %" in fagan.message.value and 'role="alert"' in fagan.message.value
    assert fagan.figure.outputs == ()


def test_fagan_lr_of_zero_or_less_shows_a_message():
    fagan = FaganExplorer()
    for bad in ("0", "-2"):
        fagan.lr_neg.value = bad
        assert "must be more than 0" in fagan.message.value


def test_fagan_overflow_of_99_percent_and_an_lr_of_1e308_is_a_message_not_nan():
    fagan = FaganExplorer()
    fagan.result_choice.value = "Positive"
    fagan.pre_text.value = "99"
    fagan.lr_pos.value = "1e308"
    assert "too large to calculate" in fagan.message.value and "nan" not in fagan.message.value
    assert fagan.figure.outputs == ()


@pytest.mark.parametrize("typed", ["1e400", "inf", "nan", "\ud800", "9" * 5000, "1e-400", "0x10", "  ", "½"])
def test_fagan_any_typed_lr_or_pre_test_gives_a_number_or_a_message(typed):
    fagan = FaganExplorer()
    for box in (fagan.lr_neg, fagan.pre_text):
        box.value = typed
        assert "nan" not in fagan.message.value.lower().replace("nanc", "")
        assert "After a" in fagan.message.value or 'role="alert"' in fagan.message.value
        fagan.message.value.encode("utf-8")  # no lone surrogate sent back to the browser


def test_fagan_recovers_after_a_bad_value_is_corrected():
    fagan = FaganExplorer()
    fagan.pre_text.value = "abc"
    fagan.pre_text.value = "50"
    assert "After a negative result" in visible(fagan.message.value) and fagan.figure.outputs


def test_fagan_step_buttons_move_the_pre_test_probability_within_1_to_99():
    fagan = FaganExplorer()
    fagan.pre_steps[10].click()
    assert fagan.pre_text.value == "25"
    assert "(before the test: 25.0 %)" in visible(fagan.message.value)
    for _ in range(12):
        fagan.pre_steps[10].click()
    assert fagan.pre_text.value == "99"
    fagan.pre_text.value = "nonsense"
    fagan.pre_steps[-1].click()
    assert fagan.pre_text.value == "50" and "(before the test: 50.0 %)" in visible(fagan.message.value)


def test_fagan_unstudied_test_is_flagged_as_a_what_if_value():
    fagan = FaganExplorer()
    fagan.example.value = "tinel_tarsal_tunnel"
    text = visible(fagan.message.value)
    assert "What-if value, NOT a measured one" in text


def test_fagan_positive_squeeze_test_uses_the_published_lr():
    fagan = FaganExplorer()
    fagan.example.value = "squeeze_test"
    assert fagan.result_choice.value == "Positive"
    assert "After a positive result: 35.0 %" in visible(fagan.message.value)
    assert "Sman" in fagan.sources.value


def test_fagan_nomogram_line_is_straight_through_the_lr():
    fig = figure_object(fagan_nomogram(0.15, 0.08, "negative"))
    line = [t for t in fig.data if t.mode == "lines+markers"][0]
    y0, y1, y2 = line.y
    assert y1 == pytest.approx((y0 + y2) / 2)


# ------------------------------------------------------------------------------------------ gallery and imaging
def test_gallery_shows_how_positive_and_accuracy_for_the_chosen_test():
    gallery = special_tests_gallery()
    gallery.chooser.value = "tinel_tarsal_tunnel"
    text = visible(gallery.card.value)
    assert "How to do it" in text and "Positive when" in text and "Accuracy not well studied" in text
    gallery.chooser.value = "squeeze_test"
    text = visible(gallery.card.value)
    assert "88 %" in text and "2.15" in text and "Sources: [" in text
    assert "Sman" in current_page().references_html()  # the citation links to the full reference


def test_gallery_lists_every_test_in_the_brief():
    names = {t.id for t in course().special_tests.values()}
    assert names == {"single_heel_rise", "too_many_toes", "tinel_tarsal_tunnel", "dorsiflexion_eversion",
                     "external_rotation_kleiger", "squeeze_test", "resisted_inversion"}


def test_unstudied_tests_say_so_rather_than_quote_numbers():
    for test in course().special_tests.values():
        if test.accuracy is None:
            assert "not well studied" in test.accuracy_note, test.id


def test_imaging_chooser_answers_soft_tissue_with_mri_and_bone_detail_with_ct():
    chooser = imaging_chooser()
    chooser.chooser.value = "tendon_or_ligament_tear"
    assert "First test: MRI" in visible(chooser.answer.value)
    chooser.chooser.value = "fracture_detail"
    assert "First test: CT" in visible(chooser.answer.value)
    chooser.chooser.value = "broken_after_injury"
    assert "X-ray" in visible(chooser.answer.value) and "Ottawa" in visible(chooser.answer.value)
    chooser.chooser.value = "stress_fracture_now"
    assert "MRI" in visible(chooser.answer.value)


def test_sources_list_lists_the_given_ids_in_full_on_the_page():
    new_page("diagnosis")
    html = sources_list(["stiell_ottawa_1993", "bachmann_ottawa_2003"]).value
    assert 'id="ankle-ref-diagnosis-stiell_ottawa_1993"' in html and "BMJ. 2003" in html


# ------------------------------------------------------------------------------------------ content checks
def test_special_test_accuracy_outside_0_to_1_is_reported_with_file_entry_and_field(content_copy):
    path = content_copy / "special_tests.toml"
    path.write_text(path.read_text().replace("specificity = 0.88", "specificity = 88"))
    _, problems = check_course(content_copy)
    assert any(p.file == "special_tests.toml" and "squeeze_test" in p.entry and p.field == "accuracy.specificity"
               for p in problems), problems


def test_special_test_accuracy_citing_an_unknown_reference_is_reported(content_copy):
    path = content_copy / "special_tests.toml"
    path.write_text(path.read_text().replace('source = "sman_syndesmosis_2015"', 'source = "made_up_2020"', 1))
    _, problems = check_course(content_copy)
    assert any(p.file == "special_tests.toml" and p.field == "accuracy.source" and "made_up_2020" in p.message
               for p in problems), problems


def test_an_imaging_question_listed_twice_is_reported(content_copy):
    path = content_copy / "imaging.toml"
    path.write_text(path.read_text().replace('id = "fracture_detail"', 'id = "broken_after_injury"'))
    _, problems = check_course(content_copy)
    assert any(p.file == "imaging.toml" and "duplicate question id" in p.message for p in problems), problems


def test_diagnosis_module_is_ready():
    assert course().modules["diagnosis"].status == "ready"
