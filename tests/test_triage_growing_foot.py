"""The growing foot in the symptom checker (issue 22): accessory navicular, Köhler disease and tarsal coalition are
contract conditions a learner or a parent can bring; only the answers that set them apart move them, they take no
earlier vignette's place, and a child's foot or bone pain without an injury is never left to home care alone."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from ankle_course.content import course
from ankle_course.triage import CONDITIONS, FINDINGS, assess, triage_model
from ankle_course.triage.__main__ import score
from ankle_course.triage.symptom_questions import questions_for

DATA = Path(__file__).resolve().parent / "data"
GROWING_FOOT_SET = DATA / "triage_growing_foot.json"
EARLIER_SETS = [DATA / "triage_blind.json", DATA / "triage_holdout.json", DATA / "triage_lay_blind.json",
                Path(__file__).resolve().parents[2] / "shared" / "vignettes" / "dev.json",
                Path(__file__).resolve().parents[2] / "shared" / "vignettes" / "dev_lay.json"]
NEW = ("accessory_navicular", "kohler_disease", "tarsal_coalition")
VERSION_2 = ("medial_ankle_sprain", "posterior_tibial_tendinopathy", "tendon_rupture", "muscle_strain",
             "medial_malleolus_fracture", "stress_fracture", "osteoarthritis", "gout", "rheumatoid_arthritis",
             "tarsal_tunnel_syndrome", "fhl_tendinopathy", "septic_arthritis", "dvt", "compartment_syndrome",
             "charcot_foot", "acute_limb_ischaemia")


def load(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))


def learner_answers(findings: dict) -> dict:
    asked = {q.id for q in questions_for("learner")}
    return {k: v for k, v in findings.items() if k in asked}


def test_the_three_conditions_are_added_after_every_earlier_id_and_none_is_renamed():
    assert tuple(CONDITIONS)[:len(VERSION_2)] == VERSION_2
    assert set(NEW) <= set(CONDITIONS) and set(NEW) <= set(course().conditions)


def test_the_two_new_findings_are_plain_yes_no_questions_asked_on_both_tracks():
    for finding in ("medial_midfoot_bump", "rigid_flat_foot"):
        assert FINDINGS[finding].kind == "bool"
        question = course().symptom_questions[finding]
        assert question.track == "both" and question.pt_help and question.prompt.endswith("?")
        assert finding in {q.id for q in questions_for("learner")}


def test_every_number_for_the_new_conditions_is_marked_as_an_expert_estimate_with_a_source():
    model = triage_model()
    for ident in NEW:
        spec = model.by_id[ident]
        assert spec.basis == "expert_estimate" and spec.refs and max(spec.prior.values()) <= 0.015
    for item in model.evidence:
        if set(item.lr) & set(NEW):
            assert item.basis == "expert_estimate" and item.refs, item.id


@pytest.mark.parametrize("condition", NEW)
def test_none_of_the_new_conditions_is_ever_home_care_whatever_the_duration(condition):
    spec = triage_model().by_id[condition]
    assert {spec.care_for(d) for d in (None, 0, 7, 14, 15, 400)} == {"routine"}


YOUNG_CHILD_ANSWERS = [
    {"onset": onset, "pain_location": [where], "weight_bearing": walking}
    for onset, where, walking in itertools.product(
        ("gradual", "sudden_no_injury"), FINDINGS["pain_location"].choices, ("normal", "limping"))]


@pytest.mark.parametrize("age", [2, 4, 6, 9])
def test_a_young_childs_foot_pain_without_an_injury_is_never_left_to_home_care_alone(age):
    for answers in YOUNG_CHILD_ANSWERS:
        result = assess({"age": age, **answers})
        assert result.triage != "self_care", (age, answers, result.reasons)


@pytest.mark.parametrize("answers", [{"pain_location": ["inner_arch"]}, {"pain_location": ["inner_ankle_bone"]},
                                     {"pain_location": ["behind_inner_ankle"], "bone_tenderness": ["navicular"]}])
def test_a_teenagers_inner_ankle_or_midfoot_bone_pain_without_an_injury_goes_to_a_clinician(answers):
    result = assess({"age": 14, "onset": "gradual", "duration_days": 7, **answers})
    assert result.triage != "self_care" and "child_bone_pain_without_injury" in result.rules


def test_a_teenagers_simple_sprain_can_still_be_home_care():
    result = assess({"age": 11, "sex": "female", "onset": "sudden_injury", "duration_days": 0,
                     "mechanism": "rolled_inward", "pain_location": ["below_inner_ankle"], "swelling": True,
                     "weight_bearing": "limping", "bone_tenderness": []})
    assert result.triage == "self_care" and result.differential[0][0] == "medial_ankle_sprain"


def test_a_young_boys_limp_and_tender_navicular_rank_kohler_disease_first_and_never_home_care():
    result = assess({"age": 5, "sex": "male", "onset": "gradual", "weight_bearing": "limping",
                     "pain_location": ["inner_arch"], "bone_tenderness": ["navicular"]})
    assert result.differential[0][0] == "kohler_disease" and result.triage == "routine"


def test_a_bony_bump_on_the_inner_midfoot_moves_a_teenager_to_an_accessory_navicular():
    base = {"age": 13, "onset": "gradual", "pain_location": ["inner_arch"], "pain_with_activity": True}
    before, after = dict(assess(base).differential), dict(assess({**base, "medial_midfoot_bump": True}).differential)
    assert after["accessory_navicular"] > 2 * before["accessory_navicular"]
    assert assess({**base, "medial_midfoot_bump": True}).differential[0][0] == "accessory_navicular"


def test_a_flat_foot_that_stays_flat_on_tiptoe_points_a_teenager_to_a_coalition_but_an_adult_to_the_tendon():
    teen = assess({"age": 14, "onset": "gradual", "flat_feet": True, "rigid_flat_foot": True})
    adult = assess({"age": 55, "onset": "gradual", "flat_feet": True, "rigid_flat_foot": True,
                    "pain_location": ["behind_inner_ankle"]})
    assert teen.differential[0][0] == "tarsal_coalition"
    assert adult.differential[0][0] == "posterior_tibial_tendinopathy"


def test_the_growing_foot_vignettes_are_ranked_and_triaged_right_with_all_answers_and_as_a_learner_answers():
    cases = load(GROWING_FOOT_SET)
    assert len(cases) >= 9 and all(sum(c["gold"]["condition"] == n for c in cases) >= 3 for n in NEW)
    for findings in (lambda c: c["findings"], lambda c: learner_answers(c["findings"])):
        s = score([{**c, "findings": findings(c)} for c in cases])
        assert not s.invalid and s.under_serious == 0 and s.exact == s.n, s.misses
        assert s.top1 >= s.n - 1 and s.top3 == s.n, s.misses


@pytest.mark.parametrize("path", EARLIER_SETS, ids=lambda p: p.name)
def test_no_earlier_vignette_is_taken_for_a_growing_foot_condition(path):
    if not path.exists():
        pytest.skip(f"{path} is not on this machine")
    for case in load(path):
        for findings in (case["findings"], learner_answers(case["findings"])):
            assert assess(findings).differential[0][0] not in NEW, case["id"]
