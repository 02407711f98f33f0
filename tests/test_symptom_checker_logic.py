"""The symptom checker's pure logic: questions in order, answers -> findings, typed numbers, result wording."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from ankle_course.content import course
from ankle_course.triage.checker_result import ACTION, explain, headline
from ankle_course.triage.symptom_questions import (
    NONE_OF_THESE,
    SKIP,
    answers_to_findings,
    parse_number,
    questions_for,
    read_answers,
)

# a clinician's palpation; the tests a learner can do on themselves (pressing the Ottawa points, a heel raise,
# tapping behind the ankle bone) are asked in both tracks, because safety rules read them
PT_ONLY = {"tenderness_along_tendon"}
SELF_TESTS = {"bone_tenderness", "heel_raise", "tinel_sign"}


def question(qid: str):
    return course().symptom_questions[qid]


def test_warning_signs_are_asked_first_in_both_modes():
    for track in ("learner", "pt_student"):
        qs = questions_for(track)
        assert qs[0].id == "foot_cold_pale_numb"
        sections = [q.section for q in qs]
        assert sections[: sections.count("warning")] == ["warning"] * sections.count("warning")


def test_learner_mode_leaves_out_the_clinicians_palpation_and_asks_the_tests_a_learner_can_do():
    learner = {q.id for q in questions_for("learner")}
    pt = {q.id for q in questions_for("pt_student")}
    assert not learner & PT_ONLY and PT_ONLY <= pt
    assert pt - learner == PT_ONLY
    assert SELF_TESTS <= learner


def test_skipped_answers_leave_the_finding_out():
    answers = {"swelling": SKIP, "onset": SKIP, "pain_location": (), "age": "", "fever": None}
    assert answers_to_findings(answers, "learner") == {}


def test_each_answer_type_becomes_the_contract_value():
    answers = {"swelling": "yes", "fever": "no", "onset": "gradual", "pain_location": ("sole", "behind_inner_ankle"),
               "age": " 54 ", "duration_days": "3 weeks"}
    assert answers_to_findings(answers, "learner") == {
        "swelling": True, "fever": False, "onset": "gradual",
        "pain_location": ["behind_inner_ankle", "sole"], "age": 54, "duration_days": 21}


def test_none_of_these_is_an_answer_an_empty_list_not_a_skip():
    assert answers_to_findings({"bone_tenderness": (NONE_OF_THESE,)}, "pt_student") == {"bone_tenderness": []}


def test_none_of_these_with_a_ticked_place_is_refused():
    with pytest.raises(ValueError, match="bone_tenderness"):
        answers_to_findings({"bone_tenderness": (NONE_OF_THESE, "navicular")}, "pt_student")


def test_pt_only_answers_are_dropped_in_learner_mode():
    answers = {"tenderness_along_tendon": "yes", "heel_raise": "unable", "numbness_tingling_sole": "yes"}
    assert answers_to_findings(answers, "learner") == {"heel_raise": "unable", "numbness_tingling_sole": True}
    assert answers_to_findings(answers, "pt_student") == {
        "tenderness_along_tendon": True, "heel_raise": "unable", "numbness_tingling_sole": True}


def test_out_of_range_or_garbled_typed_numbers_are_ignored_with_a_message():
    reading = read_answers({"age": "150", "duration_days": "ten days", "swelling": "yes"}, "learner")
    assert reading.findings == {"swelling": True}
    assert "outside the range 0 to 120" in reading.messages["age"] and "ignored" in reading.messages["age"]
    assert "not understood" in reading.messages["duration_days"]


@pytest.mark.parametrize("text, days", [("0", 0), ("12", 12), ("2 weeks", 14), ("1 month", 30), ("10 years", 3650)])
def test_durations_accept_days_weeks_months_and_years(text, days):
    assert parse_number(text, question("duration_days")).value == days


def test_age_does_not_accept_units():
    assert parse_number("40 years", question("age")).value is None


def test_an_unknown_question_id_is_a_bug_not_a_silent_skip():
    with pytest.raises(ValueError, match="no_such_question"):
        answers_to_findings({"no_such_question": "yes"}, "learner")


def test_an_unknown_track_is_refused():
    with pytest.raises(ValueError, match="track"):
        questions_for("doctor")


def test_question_ids_types_and_choices_match_the_triage_vocabulary():
    from ankle_course import triage

    findings = triage.FINDINGS
    questions = course().symptom_questions
    assert set(questions) == set(findings)
    for qid, q in questions.items():
        f = findings[qid]
        assert q.type == f.kind, qid
        assert tuple(q.choices) == tuple(f.choices), qid
        if q.type == "int":
            assert (q.min, q.max) == (f.low, f.high), qid


def test_explain_puts_the_level_word_symbol_and_action_first_and_names_conditions():
    result = SimpleNamespace(triage="urgent", reasons=["A swollen calf needs checking today."],
                             differential=[("dvt", 0.6), ("muscle_strain", 0.3), ("gout", 0.05), ("osteoarthritis", 0.02),
                                           ("charcot_foot", 0.02), ("septic_arthritis", 0.01)])
    x = explain(result)
    assert x.headline == "⚠ Urgent: " + ACTION["urgent"]
    assert [item.condition_id for item in x.likely] == ["dvt", "muscle_strain", "gout", "osteoarthritis", "charcot_foot"]
    assert x.likely[0].name.startswith("Deep vein thrombosis") and x.likely[0].percent == "60%"
    assert x.reasons == ("A swollen calf needs checking today.",)


def test_every_level_has_words_not_only_a_symbol():
    assert headline("emergency") == "⛔ Emergency: Call an ambulance or go to an emergency department now."
    assert headline("self_care").startswith("✓ Self-care: Home care is reasonable")
