"""How `assess` behaves on typical and edge-case answers: reasons, too little information, purity and speed."""

from __future__ import annotations

import builtins
import statistics
import time
import tomllib
from pathlib import Path

import pytest

from ankle_course.content import SHIPPED_FOLDER
from ankle_course.content.checker.vocabulary import urgency
from ankle_course.triage import RULES, assess

SPRAIN = {"age": 27, "sex": "female", "onset": "sudden_injury", "duration_days": 2, "mechanism": "rolled_inward",
          "pain_location": ["below_inner_ankle"], "swelling": True, "bruising": True, "weight_bearing": "limping",
          "bone_tenderness": []}
SEPTIC_WITHOUT_FEVER = {"age": 80, "sex": "female", "onset": "sudden_no_injury", "duration_days": 2,
                        "redness_warmth": True, "swelling": True, "weight_bearing": "none", "diabetes": True,
                        "steroid_or_fluoroquinolone": True, "fever": False, "gout_history": False}


@pytest.mark.parametrize("answers", [{}, {"age": 40}, {"age": 70, "sex": "male"}, {"onset": "sudden_injury"}])
def test_too_few_answers_says_so_is_not_confident_and_is_not_self_care(answers):
    result = assess(answers)
    assert not result.enough_information
    assert "not_enough_answers" in result.rules
    assert any("not enough answers" in r.lower() for r in result.reasons)
    assert result.differential[0][1] < 0.4  # flat-ish: no confident diagnosis
    assert result.triage == "routine"


def test_too_few_answers_never_hides_a_red_flag():
    assert assess({"visible_deformity": True}).triage == "emergency"
    assert assess({"calf_swelling_tenderness": True}).triage == "urgent"


def test_mild_sprain_is_self_care_and_says_no_warning_sign_was_found():
    result = assess(SPRAIN)
    assert result.triage == "self_care"
    assert result.differential[0][0] == "medial_ankle_sprain"
    assert any("No warning sign" in r for r in result.reasons)


@pytest.mark.parametrize("extra, rule", [
    ({"bone_tenderness": ["medial_malleolus"]}, "bone_tenderness_after_injury"),
    ({"weight_bearing": "none"}, "cannot_bear_weight_after_injury"),
    ({"visible_deformity": True}, "visible_deformity"),
    ({"calf_swelling_tenderness": True}, "swollen_calf"),
    ({"tinel_sign": True}, "nerve_symptoms"),
    ({"duration_days": 30}, "pain_over_two_weeks"),
])
def test_reasons_name_the_rule_that_set_the_floor(extra, rule):
    result = assess(SPRAIN | extra)
    level = next(r.level for r in RULES if r.id == rule)
    assert result.triage == level
    assert rule in result.rules
    assert any(f"'{rule}'" in r for r in result.reasons)


def test_unknown_onset_with_clear_injury_answers_still_counts_as_an_injury():
    # the contract says "after an injury"; answering the mechanism but not the onset must not dodge the rule
    result = assess({"mechanism": "fall_or_crush", "bone_tenderness": ["medial_malleolus"]})
    assert urgency(result.triage) >= urgency("urgent")


def test_likely_cause_can_raise_triage_above_the_floors_and_says_why():
    result = assess(SEPTIC_WITHOUT_FEVER)
    assert result.differential[0][0] == "septic_arthritis"
    assert result.triage == "emergency"  # the floor here is only urgent (red, hot joint without injury)
    assert any("infected ankle joint" in r and "higher than the safety rules" in r for r in result.reasons)
    assert any("'sudden_red_hot_joint'" in r for r in result.reasons)


def test_reasons_give_the_answers_that_moved_the_top_conditions():
    result = assess({"age": 48, "sex": "male", "onset": "sudden_injury", "mechanism": "landing",
                     "pop_at_injury": True, "heel_raise": "unable", "weakness_or_instability": True,
                     "weight_bearing": "limping", "bone_tenderness": []})
    assert result.differential[0][0] == "tendon_rupture"
    first = next(r for r in result.reasons if r.startswith("1. "))
    assert "torn tendon" in first and "pop" in first


def test_an_answer_that_raises_every_condition_alike_is_never_called_a_reason():
    # swelling has LRs of 0.6-3 across conditions; it must not crowd out the telling answers for gout
    result = assess({"onset": "sudden_no_injury", "swelling": True, "redness_warmth": True, "gout_history": True,
                     "exquisite_tenderness": True, "age": 58, "sex": "male"})
    first = next(r for r in result.reasons if r.startswith("1. "))
    assert "gout" in first and "had gout before" in first


def test_differential_probabilities_are_shown_honestly_never_as_100_percent():
    text = " ".join(assess(SPRAIN | {"pop_at_injury": False}).reasons)
    assert "100%" not in text and "0%)" not in text.replace("10%)", "")


def test_assess_does_no_file_io_once_the_model_is_loaded(monkeypatch):
    assess(SPRAIN)  # first use loads and caches the model

    def no_io(*args, **kwargs):
        raise AssertionError("assess must not touch files")

    monkeypatch.setattr(builtins, "open", no_io)
    monkeypatch.setattr(Path, "read_text", no_io)
    monkeypatch.setattr(Path, "read_bytes", no_io)
    assert assess(SPRAIN).triage == "self_care"


def test_assess_is_fast_enough_to_rerun_on_every_click():
    samples = [SPRAIN, SEPTIC_WITHOUT_FEVER, {}, {"onset": "gradual", "tinel_sign": True}]
    assess(SPRAIN)
    timings = []
    for _ in range(50):
        for answers in samples:
            start = time.perf_counter()
            assess(answers)
            timings.append(time.perf_counter() - start)
    assert statistics.median(timings) < 0.001


def test_every_warning_sign_on_the_start_page_routes_to_care_at_least_as_fast_as_it_says():
    signs = tomllib.loads((SHIPPED_FOLDER / "warning_signs.toml").read_text(encoding="utf-8"))["sign"]
    assert signs
    for sign in signs:
        result = assess(sign["findings"])
        assert urgency(result.triage) >= urgency(sign["action"]), sign["id"]
