"""The symptom checker and the Ottawa calculator share one rule, so they agree on every set of tender points."""

from __future__ import annotations

import math
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ankle_course.content.checker.derived import ottawa_state
from ankle_course.content.checker.vocabulary import FINDINGS, urgency, validate_findings
from ankle_course.ottawa import ACCURACY, OttawaInputs, ottawa_decision
from ankle_course.triage import assess, triage_model

POINTS = FINDINGS["bone_tenderness"].choices


def test_checker_sends_to_care_today_exactly_when_the_ottawa_rules_call_for_an_xray():
    for size in range(len(POINTS) + 1):
        for tender in combinations(POINTS, size):
            xray = ottawa_decision(OttawaInputs(tender=frozenset(tender))).any_xray
            result = assess({"onset": "sudden_injury", "mechanism": "rolled_inward", "weight_bearing": "normal",
                             "unable_4_steps_immediately": False, "bone_tenderness": list(tender)})
            floor_applied = "bone_tenderness_after_injury" in result.rules
            assert floor_applied == xray, tender
            if xray:
                assert urgency(result.triage) >= urgency("urgent"), tender


# ------------------------------------------------------------------------ the Ottawa evidence, counted once
OTTAWA_ANSWERS = ("weight_bearing", "unable_4_steps_immediately", "bone_tenderness", "ottawa_rules")
FRACTURE = "medial_malleolus_fracture"
SPRAIN_AFTER_A_TWIST = {"age": 30, "sex": "female", "onset": "sudden_injury", "duration_days": 1,
                        "mechanism": "rolled_inward", "pain_location": ["below_inner_ankle"], "swelling": True}


def fracture_log_lr_from_the_ottawa_answers(findings: dict) -> float:
    """How far the answers that make up the Ottawa rules moved the fracture's odds, in total."""
    model = triage_model()
    i = model.ids.index(FRACTURE)
    post = model.posterior(validate_findings(findings))
    return sum(model.log_lr[e.id][i] for e in post.matched if e.finding in OTTAWA_ANSWERS)


@settings(max_examples=200, deadline=None)
@given(weight_bearing=st.sampled_from(["normal", "limping", "few_steps", "none", None]),
       at_injury=st.sampled_from([True, False, None]))
def test_a_negative_ottawa_result_lowers_the_fracture_odds_by_its_published_ratio_and_no_more(weight_bearing, at_injury):
    findings = SPRAIN_AFTER_A_TWIST | {"bone_tenderness": []}
    if weight_bearing:
        findings["weight_bearing"] = weight_bearing
    if at_injury is not None:
        findings["unable_4_steps_immediately"] = at_injury
    state = ottawa_state(validate_findings(findings))
    if state == "negative":
        assert math.isclose(fracture_log_lr_from_the_ottawa_answers(findings), math.log(ACCURACY["lr_negative_combined"]))
    else:
        assert "ottawa_negative" not in {e.id for e in triage_model().posterior(validate_findings(findings)).matched}


def test_the_checker_uses_the_reviews_ratio_for_the_ankle_and_midfoot_rules_used_together():
    ratio = next(e for e in triage_model().evidence if e.id == "ottawa_negative").lr[FRACTURE]
    assert ratio == ACCURACY["lr_negative_combined"] == 0.21


@pytest.mark.parametrize("exclusion", [{"duration_days": 11}, {"age": 16}, {"reduced_foot_sensation": True},
                                       {"onset": "gradual"}])
def test_the_ottawa_rules_are_not_applied_where_their_own_exclusions_hold(exclusion):
    findings = SPRAIN_AFTER_A_TWIST | {"bone_tenderness": [], "weight_bearing": "normal",
                                       "unable_4_steps_immediately": False}
    assert ottawa_state(validate_findings(findings)) == "negative"
    assert ottawa_state(validate_findings(findings | exclusion)) == "not_applied"


def test_nothing_tender_says_nothing_about_a_fracture_until_walking_is_known():
    findings = SPRAIN_AFTER_A_TWIST | {"bone_tenderness": []}
    assert ottawa_state(validate_findings(findings)) == "not_applied"
    assert ottawa_state(validate_findings(findings | {"weight_bearing": "limping"})) == "negative"
    assert ottawa_state(validate_findings(findings | {"weight_bearing": "none",
                                                      "unable_4_steps_immediately": True})) != "negative"


def test_a_recent_twist_with_pain_on_the_ankle_bone_is_urgent_until_the_bones_are_pressed():
    twist = SPRAIN_AFTER_A_TWIST | {"pain_location": ["inner_ankle_bone"], "weight_bearing": "limping",
                                    "bruising": True}
    assert assess(twist).triage == "urgent" and "fracture_not_ruled_out" in assess(twist).rules
    pressed = assess(twist | {"bone_tenderness": [], "unable_4_steps_immediately": False})
    assert "fracture_not_ruled_out" not in pressed.rules and pressed.triage == "self_care"
    tender = assess(twist | {"bone_tenderness": ["medial_malleolus"]})
    assert tender.triage == "urgent" and "bone_tenderness_after_injury" in tender.rules
