"""The guided interview: warning signs first, only the track's questions, safe at every step and at the stop."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_triage_safety import RANK, answer_strategy, check_floor, contract_floor

from ankle_course.triage import assess
from ankle_course.triage.interview import (
    MIN_LIKELY,
    MIN_LIKELY_TOP,
    answer_rate,
    candidates,
    evaluate_question,
    floor_witnesses,
    needed_for_a_floor,
    next_question,
    questions_to_close,
)
from ankle_course.triage.symptom_questions import questions_for

LEARNER = [q.id for q in questions_for("learner")]
PT = [q.id for q in questions_for("pt_student")]
WARNINGS = [q.id for q in questions_for("learner") if q.section == "warning"]
NO_WARNING_SIGNS = {k: False for k in WARNINGS if k != "weight_bearing"} | {"weight_bearing": "normal"}


def run_interview(findings: dict[str, Any], track: str = "learner") -> tuple[dict[str, Any], list[str]]:
    """Answer each question from `findings` (a missing one is skipped) until the interview stops."""
    asked: dict[str, Any] = {}
    skipped: set[str] = set()
    order: list[str] = []
    while (q := next_question(asked, frozenset(skipped), track)) is not None:
        assert q not in order, f"{q} asked twice"
        order.append(q)
        if q in findings:
            asked[q] = findings[q]
            check_floor(asked)  # the result shown at this step never undercuts the floors of the answers so far
        else:
            skipped.add(q)
    remaining = [q for q in (LEARNER if track == "learner" else PT) if q not in asked and q not in skipped]
    level = max(RANK[assess(asked).triage], RANK["routine"])
    assert not floor_witnesses(asked, remaining, level), "stopped with a safety check still open"
    return asked, order


def test_the_warning_signs_come_first_in_their_own_order():
    _, order = run_interview({})
    assert order[: len(WARNINGS)] == WARNINGS


def test_a_skipped_question_is_not_asked_again_and_counts_as_unknown():
    first = next_question({})
    assert next_question({}, frozenset({first})) != first


def test_a_learner_is_never_asked_a_pt_only_question():
    _, order = run_interview({"onset": "gradual", "duration_days": 90, "pain_location": ["behind_inner_ankle"]})
    assert "tenderness_along_tendon" not in order
    _, pt_order = run_interview({"onset": "gradual", "duration_days": 90, "pain_location": ["behind_inner_ankle"],
                                 "tenderness_along_tendon": True}, "pt_student")
    assert set(pt_order) <= {q.id for q in questions_for("pt_student")}


def test_bad_answers_and_tracks_are_refused_with_the_key_named():
    with pytest.raises(ValueError, match="swelling"):
        next_question({"swelling": "yes"})
    with pytest.raises(ValueError, match="track"):
        next_question({}, track="doctor")


def test_a_question_that_could_send_someone_to_care_today_always_matters():
    # a foot that slaps down is a new foot drop unless the pain is old: asking it cannot be skipped
    overuse = {"age": 35, "onset": "gradual", "pain_location": ["behind_inner_ankle"], "pain_with_activity": True,
               "eases_with_rest": True}
    assert assess(overuse | {"duration_days": 5}).triage == "self_care"
    candidate = evaluate_question(overuse | {"duration_days": 5}, "foot_drop_or_slapping")
    assert candidate.matters and True in candidate.raises_to_today
    old = evaluate_question(overuse | {"duration_days": 400}, "foot_drop_or_slapping")
    assert not old.raises_to_today


def test_the_interview_stops_when_nothing_left_could_change_the_decision():
    asked, order = run_interview({"foot_cold_pale_numb": True})
    assert assess(asked).triage == "emergency" and len(order) < len(LEARNER)


LEARNER_ANSWERS = st.fixed_dictionaries({}, optional={k: answer_strategy(k) for k in LEARNER})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LEARNER_ANSWERS)
def test_at_the_stop_no_floor_of_urgent_or_higher_in_the_learners_answers_is_missed(findings):
    asked, _ = run_interview(findings)
    floor = contract_floor(findings)
    if RANK[floor] >= RANK["urgent"]:
        assert RANK[assess(asked).triage] >= RANK[floor], (findings, asked)


DEV = Path(__file__).resolve().parents[2] / "shared" / "vignettes" / "dev.json"


@pytest.mark.skipif(not DEV.exists(), reason=f"development vignettes not found at {DEV}")
def test_on_the_development_set_the_interview_reaches_the_full_forms_triage_without_under_triage():
    for case in json.loads(DEV.read_text(encoding="utf-8")):
        asked, _ = run_interview(case["findings"])
        full = assess({k: v for k, v in case["findings"].items() if k in LEARNER})
        assert assess(asked).triage == full.triage, case["id"]


def test_a_pop_with_weakness_is_one_safety_check_that_one_no_closes_and_one_yes_splits_in_two():
    gradual = NO_WARNING_SIGNS | {"onset": "gradual"}
    remaining = [q for q in LEARNER if q not in gradual]
    checks = floor_witnesses(gradual, remaining, RANK["routine"])
    assert {frozenset({"pop_at_injury", "heel_raise"}), frozenset({"pop_at_injury", "weakness_or_instability"})} <= checks
    popped = gradual | {"pop_at_injury": True}
    after = floor_witnesses(popped, [q for q in remaining if q != "pop_at_injury"], RANK["routine"])
    assert {frozenset({"heel_raise"}), frozenset({"weakness_or_instability"})} <= after
    assert questions_to_close(after) == questions_to_close(checks) + 1


def test_only_a_question_whose_answer_can_close_a_safety_check_gains_from_the_checks():
    # while the pop is unknown, the heel raise cannot rule out "a pop with weakness" (the pop alone decides it);
    # the pop's likely "no" can, and so can how long the pain has lasted ("new foot drop" needs under 30 days)
    gradual = NO_WARNING_SIGNS | {"onset": "gradual"}
    by_id = {c.finding: c for c in candidates(gradual)}
    assert by_id["heel_raise"].closes == 0
    assert by_id["pop_at_injury"].closes > 0.5 and by_id["pop_at_injury"].matters
    assert by_id["duration_days"].closes > 0 and by_id["duration_days"].matters
    assert by_id["pop_at_injury"].score == by_id["pop_at_injury"].value + by_id["pop_at_injury"].closes


def test_the_interview_ranks_questions_by_information_plus_safety_checks_closed():
    gradual = NO_WARNING_SIGNS | {"onset": "gradual"}
    ranked = [c for c in candidates(gradual) if c.matters]
    assert [c.score for c in ranked] == sorted((c.score for c in ranked), reverse=True)
    assert next_question(gradual) == ranked[0].finding


def test_once_the_triage_is_today_only_the_checks_that_could_make_it_an_emergency_stay_open():
    injured = NO_WARNING_SIGNS | {"onset": "sudden_injury", "weight_bearing": "none"}
    assert assess(injured).triage == "urgent"
    remaining = [q for q in LEARNER if q not in injured]
    assert floor_witnesses(injured, remaining, RANK["urgent"]) == {frozenset({"pain_out_of_proportion"})}
    calm = injured | {"pain_out_of_proportion": False}
    assert not floor_witnesses(calm, [q for q in remaining if q not in calm], RANK["urgent"])


def test_after_an_injury_the_question_that_could_call_an_ambulance_comes_next():
    # pain out of all proportion is an emergency only after an injury, so it is asked once the injury is known
    assert "pain_out_of_proportion" not in WARNINGS
    assert next_question(NO_WARNING_SIGNS | {"onset": "sudden_injury"}) == "pain_out_of_proportion"
    assert next_question(NO_WARNING_SIGNS | {"onset": "gradual"}) != "pain_out_of_proportion"


def test_a_question_is_worth_asking_only_for_a_likely_enough_change_and_a_rise_is_never_discounted():
    gradual = NO_WARNING_SIGNS | {"onset": "gradual", "duration_days": 60, "age": 45, "pop_at_injury": False,
                                  "swelling": False}
    remaining = [q for q in LEARNER if q not in gradual]
    for skipped in (frozenset(), frozenset(remaining[:6])):
        rate = answer_rate(gradual, skipped)
        in_a_check = needed_for_a_floor(gradual, [q for q in remaining if q not in skipped], RANK["routine"])
        for c in candidates(gradual, skipped):
            likely = (c.rises >= MIN_LIKELY or rate * (c.moves_triage - c.rises) >= MIN_LIKELY
                      or rate * c.moves_top >= MIN_LIKELY_TOP)
            safety = c.closes > 0 or bool(c.raises_to_today) or c.finding in in_a_check
            assert c.matters == (likely or safety), c


def test_the_more_the_person_skips_the_less_a_reordering_of_the_causes_is_worth_asking_for():
    gradual = NO_WARNING_SIGNS | {"onset": "gradual"}
    remaining = [q for q in LEARNER if q not in gradual]
    assert answer_rate(gradual, frozenset()) == 1.0
    assert answer_rate(gradual, frozenset(remaining[:6])) < 0.5
    assert answer_rate(gradual, frozenset(WARNINGS)) == 1.0, "a skipped warning sign says nothing about the story"
