"""The symptom checker driven as a learner uses it: answer, watch the result change, make mistakes."""

from __future__ import annotations

from types import SimpleNamespace

import ipywidgets as w
import pytest

from ankle_course.triage.symptom_questions import NONE_OF_THESE
from ankle_course.widgets.symptom_checker import NO_ANSWERS, SymptomChecker

EMERGENCY = "Emergency: Call an ambulance or go to an emergency department now."


@pytest.fixture
def checker() -> SymptomChecker:
    return SymptomChecker("learner")


def result_text(checker: SymptomChecker) -> str:
    return checker.result.value


def test_it_carries_the_css_classes_the_browser_tests_look_for(checker):
    assert "ankle-symptom-checker" in checker.widget._dom_classes
    assert "ankle-triage-result" in checker.result._dom_classes
    assert "ankle-q-foot_cold_pale_numb" in checker.rows["foot_cold_pale_numb"]._dom_classes


def test_it_starts_by_asking_for_answers_not_with_a_verdict(checker):
    assert NO_ANSWERS.removeprefix("ℹ ") in result_text(checker)
    assert checker.figure is None


def test_every_question_offers_not_sure_skip_and_starts_skipped(checker):
    for qid, control in checker.controls.items():
        if isinstance(control, w.RadioButtons):
            assert "Not sure / skip" in control.options[-1][0] and control.value == "skip", qid
        elif isinstance(control, w.Text):
            assert control.value == "", qid
        else:
            assert control.value == () and "None of these" in [b.description for b in control.boxes.values()], qid


def test_answering_a_question_changes_the_result(checker):
    before = result_text(checker)
    checker.controls["onset"].value = "gradual"
    checker.controls["numbness_tingling_sole"].value = "yes"
    assert result_text(checker) != before
    assert "Routine" in result_text(checker) or "Urgent" in result_text(checker)
    assert checker.figure is not None and checker.explanation.likely


def test_cold_pale_foot_shows_emergency_whatever_else_is_answered(checker):
    calm = {"onset": "gradual", "weight_bearing": "normal", "swelling": "no", "fever": "no",
            "eases_with_rest": "yes", "age": "30", "duration_days": "200"}
    for qid, value in calm.items():
        checker.controls[qid].value = value
    assert EMERGENCY not in result_text(checker)
    checker.controls["foot_cold_pale_numb"].value = "yes"
    assert EMERGENCY in result_text(checker) and "⛔" in result_text(checker)
    checker.controls["eases_with_rest"].value = "no"
    checker.mode.value = "pt_student"
    checker.controls["heel_raise"].value = "normal"
    assert EMERGENCY in result_text(checker)


def test_the_result_lists_likely_conditions_reasons_and_the_education_notice(checker):
    checker.controls["onset"].value = "sudden_injury"
    checker.controls["mechanism"].value = "rolled_inward"
    checker.controls["swelling"].value = "yes"
    details = checker.details.value
    assert "Most likely causes" in details and "%" in details
    assert "Why:" in details and "education, not a diagnosis" in details


def test_a_typed_age_out_of_range_gets_a_message_and_is_ignored(checker):
    checker.controls["swelling"].value = "yes"
    checker.controls["age"].value = "200"
    assert "outside the range 0 to 120" in checker.messages["age"].value
    assert "age" not in checker.findings
    checker.controls["age"].value = "45"
    assert checker.messages["age"].value == "" and checker.findings["age"] == 45


def test_a_garbled_duration_gets_a_message_not_a_traceback(checker):
    checker.controls["duration_days"].value = "<b>a while</b>"
    message = checker.messages["duration_days"].value
    assert "not understood" in message and "<b>" not in message


def test_pt_student_mode_shows_the_palpation_test_and_learner_mode_hides_and_ignores_it(checker):
    assert checker.rows["tenderness_along_tendon"].layout.display == "none"
    checker.mode.value = "pt_student"
    assert checker.rows["tenderness_along_tendon"].layout.display != "none"
    checker.controls["tenderness_along_tendon"].value = "yes"
    checker.controls["bone_tenderness"].boxes[NONE_OF_THESE].value = True
    assert checker.findings["tenderness_along_tendon"] is True and checker.findings["bone_tenderness"] == []
    checker.mode.value = "learner"
    assert "tenderness_along_tendon" not in checker.findings and checker.findings["bone_tenderness"] == []


def test_learners_are_asked_to_press_the_ottawa_points_with_a_drawing_and_plain_instructions(checker):
    row = checker.rows["bone_tenderness"]
    assert row.layout.display != "none"
    assert any("ankle-question-figure-ottawa_points" in getattr(c, "_dom_classes", ()) for c in row.children)
    prompt = row.children[0].value
    assert "press" in prompt.lower() and "6 cm" in prompt


def test_the_clinical_name_of_a_self_test_is_shown_to_pt_students_only(checker):
    note = next(c for c in checker.rows["tinel_sign"].children if "ankle-checker-pt-help" in c._dom_classes)
    assert note.layout.display == "none"
    checker.mode.value = "pt_student"
    assert note.layout.display != "none" and "Tinel" in note.value


def test_ticking_none_of_these_clears_the_places_and_the_other_way_round(checker):
    boxes = checker.controls["pain_location"].boxes
    boxes["calf"].value = True
    boxes[NONE_OF_THESE].value = True
    assert not boxes["calf"].value and checker.findings["pain_location"] == []
    boxes["sole"].value = True
    assert not boxes[NONE_OF_THESE].value and checker.findings["pain_location"] == ["sole"]


def test_clear_all_answers_returns_to_the_start(checker):
    checker.controls["foot_cold_pale_numb"].value = "yes"
    checker.controls["pain_location"].boxes["sole"].value = True
    checker.controls["age"].value = "999"
    checker.clear()
    assert checker.findings == {} and NO_ANSWERS.removeprefix("ℹ ") in result_text(checker)
    assert checker.messages["age"].value == ""


def test_an_engine_error_is_shown_as_a_message_and_still_points_to_care():
    def broken(_findings):
        raise ValueError("finding 'swelling': expected true or false")

    checker = SymptomChecker("learner", assess=broken)
    checker.controls["swelling"].value = "yes"
    assert "could not work out a result" in result_text(checker) and "get care as fast as" in result_text(checker)


def test_an_urgent_result_is_announced_as_an_alert(checker):
    checker.controls["calf_swelling_tenderness"].value = "yes"
    assert "Urgent" in result_text(checker) and 'role="alert"' in result_text(checker)


def test_engine_reasons_are_escaped():
    fake = SimpleNamespace(triage="routine", differential=[("gout", 0.5)], reasons=["<script>x</script>"])
    checker = SymptomChecker("learner", assess=lambda _f: fake)
    checker.controls["swelling"].value = "yes"
    assert "<script>" not in checker.details.value and "&lt;script&gt;" in checker.details.value


@pytest.mark.parametrize("pick", [0, -2], ids=["first_choices", "last_choices"])
def test_cold_pale_foot_is_an_emergency_even_with_every_other_question_answered(pick):
    checker = SymptomChecker("pt_student")
    for qid, control in checker.controls.items():
        if isinstance(control, w.RadioButtons) and qid != "foot_cold_pale_numb":
            control.value = control.options[pick][1]  # never the trailing "Not sure / skip"
        elif isinstance(control, w.Text):
            control.value = "40"
    checker.controls["foot_cold_pale_numb"].value = "yes"
    assert EMERGENCY in result_text(checker)


def test_the_warning_signs_open_first_and_other_sections_are_built_when_opened(checker):
    assert checker.accordion.selected_index == 0
    assert checker.accordion.titles[0].startswith("Warning signs")
    built = {s for s, box in checker.sections.items() if box.children}
    assert built == {"warning"}, "only the open section is built up front"
    checker.accordion.selected_index = 1
    assert checker.sections[checker._shown_sections[1]].children


def test_the_clinical_tests_section_appears_only_in_pt_student_mode(checker):
    assert not any("Clinical tests" in title for title in checker.accordion.titles)
    checker.mode.value = "pt_student"
    assert checker.accordion.titles[-1].startswith("Clinical tests")
    checker.accordion.selected_index = len(checker.accordion.titles) - 1
    checker.mode.value = "learner"
    assert checker.accordion.selected_index == 0 and len(checker.accordion.children) == len(checker.accordion.titles)


def test_an_answer_in_an_opened_section_counts_and_survives_a_mode_switch(checker):
    checker.accordion.selected_index = checker._shown_sections.index("story")
    checker._controls["onset"].value = "gradual"
    checker.mode.value = "pt_student"
    checker.mode.value = "learner"
    assert checker.findings.get("onset") == "gradual"
