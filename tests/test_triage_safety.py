"""No score ever undercuts a red-flag floor, and the checker's output is well formed for any valid answers.

The contract's red-flag table (version 2) is re-typed below from the spec, independently of
`ankle_course.content.checker.rules`, so a mistake in the engine's own rules cannot also hide in the test. It is
checked exhaustively over every combination of the red-flag answers (alone, and on a "benign background"
that pulls towards home care), with hypothesis over the whole findings space, and **as each track
answers**: a floor that reads a question the learner track never asks is no floor for learners.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ankle_course.triage import CONDITIONS, FINDINGS, RULES, TRIAGE_LEVELS, assess
from ankle_course.triage.interview import RecordingFindings, rule_reads
from ankle_course.triage.symptom_questions import questions_for

RANK = {"self_care": 0, "routine": 1, "urgent": 2, "emergency": 3}


def contract_floor(f: dict[str, Any]) -> str:
    """The spec's table, row by row: the least urgent triage the answers allow."""
    def yes(key: str) -> bool:
        return f.get(key) is True

    injury = f.get("onset") == "sudden_injury"
    levels = ["self_care"]
    if yes("foot_cold_pale_numb") or yes("visible_deformity") or yes("open_wound_over_injury"):
        levels.append("emergency")
    if yes("breathless_or_chest_pain"):
        levels.append("emergency")
    if yes("pain_out_of_proportion") and injury:
        levels.append("emergency")
    if yes("fever") and (yes("redness_warmth") or yes("swelling")):
        levels.append("emergency")
    if injury and (f.get("weight_bearing") == "none" or yes("unable_4_steps_immediately")):
        levels.append("urgent")
    if injury and len(f.get("bone_tenderness", ())) > 0:
        levels.append("urgent")
    if (injury and f.get("duration_days", 0) <= 10 and "inner_ankle_bone" in f.get("pain_location", ())
            and "bone_tenderness" not in f):
        levels.append("urgent")
    if yes("calf_swelling_tenderness"):
        levels.append("urgent")
    if (yes("diabetes") or yes("reduced_foot_sensation")) and (yes("redness_warmth") or yes("swelling")):
        levels.append("urgent")
    if "age" in f and f["age"] < 18 and not injury and yes("night_or_rest_pain"):
        levels.append("urgent")
    if yes("foot_drop_or_slapping") and f.get("duration_days", 0) < 30:
        levels.append("urgent")
    if yes("pop_at_injury") and (f.get("heel_raise") == "unable" or yes("weakness_or_instability")):
        levels.append("urgent")
    if yes("redness_warmth") and f.get("onset") == "sudden_no_injury":
        levels.append("urgent")
    if yes("numbness_tingling_sole") or yes("burning_electric_pain") or yes("tinel_sign"):
        levels.append("routine")
    if f.get("duration_days", 0) > 14:
        levels.append("routine")
    return max(levels, key=RANK.__getitem__)


def check_floor(findings: dict[str, Any]) -> None:
    result = assess(findings)
    floor = contract_floor(findings)
    assert RANK[result.triage] >= RANK[floor], (findings, result.triage, floor)
    if floor != "self_care":
        text = " ".join(result.reasons)
        assert any(f"'{rule}'" in text for rule in result.rules), "the reasons must name the rule that set the floor"


# -------------------------------------------------------------------------------------------- exhaustive
# Every red-flag answer of the table. Rows that interact (through "after an injury", redness/swelling or
# the pop) are crossed in full; answers that raise the floor on their own are crossed with each other.
# A choice is tried unanswered, with the value the table names, and with a value it does not name (the
# table treats all of those alike); onset is tried with every value because three rows depend on it.
ABSENT = object()
CORE_BOOLS = ("pain_out_of_proportion", "fever", "redness_warmth", "swelling", "unable_4_steps_immediately",
              "diabetes", "reduced_foot_sensation", "pop_at_injury", "weakness_or_instability")
CORE_CHOICES = {
    "onset": (ABSENT, "sudden_injury", "sudden_no_injury", "gradual"),
    "weight_bearing": (ABSENT, "none", "limping"),
    "bone_tenderness": (ABSENT, ["navicular", "lateral_malleolus"], []),
    "heel_raise": (ABSENT, "unable", "painful"),
}
ALONE_BOOLS = ("foot_cold_pale_numb", "visible_deformity", "open_wound_over_injury", "calf_swelling_tenderness",
               "numbness_tingling_sole", "burning_electric_pain", "tinel_sign")
ALONE_CHOICES = {"onset": CORE_CHOICES["onset"], "duration_days": (ABSENT, 0, 14, 15, 3650)}

# the floors that version 2 added read these together: the diabetic foot (diabetes or numb feet), a child's
# night pain, a new foot drop, and a fracture that cannot be ruled out (recent injury, pain on the ankle bone,
# bone tenderness not answered)
V2_BOOLS = ("diabetes", "reduced_foot_sensation", "redness_warmth", "swelling", "night_or_rest_pain",
            "foot_drop_or_slapping", "breathless_or_chest_pain")
V2_CHOICES = {
    "onset": CORE_CHOICES["onset"],
    "age": (ABSENT, 17, 18),
    "duration_days": (ABSENT, 10, 11, 29, 30),
    "pain_location": (ABSENT, ["inner_ankle_bone", "calf"], ["below_inner_ankle"]),
    "bone_tenderness": (ABSENT, [], ["navicular"]),
}

# answers that point to a mild sprain; none of them is in the red-flag table
BENIGN_BACKGROUND = {
    "age": 25, "sex": "female", "mechanism": "rolled_inward", "pain_location": ["below_inner_ankle"],
    "bruising": True, "high_impact_activity": True, "training_increase": False, "eases_with_rest": True,
    "pain_with_activity": True, "worse_with_standing_walking": False, "night_or_rest_pain": False,
    "stiffness_after_rest": False, "morning_stiffness_over_30_min": False, "reduced_motion": False,
    "muscle_spasm": False, "big_toe_pain_or_clicking": False, "foot_drop_or_slapping": False,
    "arch_collapsing": False, "flat_feet": False, "recent_immobilisation": False,
    "little_pain_despite_swelling": False, "exquisite_tenderness": False, "previous_ankle_injury": False,
    "gout_history": False, "other_joints_affected": False, "overweight": False,
    "steroid_or_fluoroquinolone": False, "tenderness_along_tendon": False,
}
assert not BENIGN_BACKGROUND.keys() & (set(CORE_BOOLS) | set(CORE_CHOICES) | set(ALONE_BOOLS) | set(ALONE_CHOICES))


def combinations(bools: tuple[str, ...], choices: dict[str, tuple], bool_states: tuple, background: dict):
    keys = list(bools) + list(choices)
    for values in itertools.product(*([bool_states] * len(bools) + list(choices.values()))):
        yield background | {k: v for k, v in zip(keys, values) if v is not ABSENT}


def test_benign_background_alone_is_self_care():
    assert assess(BENIGN_BACKGROUND | {"onset": "sudden_injury", "weight_bearing": "normal",
                                       "bone_tenderness": []}).triage == "self_care"


def test_floors_hold_for_every_combination_of_interacting_red_flags_with_nothing_else_answered():
    for findings in combinations(CORE_BOOLS, CORE_CHOICES, (ABSENT, True), {}):
        check_floor(findings)


def test_floors_hold_for_every_combination_of_interacting_red_flags_on_a_benign_background():
    for findings in combinations(CORE_BOOLS, CORE_CHOICES, (False, True), BENIGN_BACKGROUND):
        check_floor(findings)


def test_floors_hold_for_every_combination_of_the_version_2_floors_answers():
    background = {k: v for k, v in BENIGN_BACKGROUND.items() if k not in V2_BOOLS and k not in V2_CHOICES}
    for base, states in (({}, (ABSENT, True)), (background, (False, True))):
        for findings in combinations(V2_BOOLS, V2_CHOICES, states, base):
            check_floor(findings)


def test_floors_hold_for_every_combination_of_stand_alone_red_flags():
    for background, states in (({}, (ABSENT, True)), (BENIGN_BACKGROUND, (False, True))):
        for findings in combinations(ALONE_BOOLS, ALONE_CHOICES, states, background):
            check_floor(findings)


# -------------------------------------------------------------------------------------------- property-based
def answer_strategy(key: str) -> st.SearchStrategy:
    finding = FINDINGS[key]
    if finding.kind == "bool":
        return st.booleans()
    if finding.kind == "int":
        return st.integers(finding.low, finding.high)
    if finding.kind == "choice":
        return st.sampled_from(finding.choices)
    members = st.lists(st.sampled_from(finding.choices), max_size=len(finding.choices) + 1)
    return st.one_of(members, members.map(tuple), members.map(set))


# any subset of the vocabulary, each with any valid answer (partial answers are the normal case)
ANY_FINDINGS = st.fixed_dictionaries({}, optional={key: answer_strategy(key) for key in FINDINGS})
# the same, but most answers are red-flag ones, so that rows fire and combine far more often
RED_FLAG_KEYS = sorted(set(CORE_BOOLS) | set(CORE_CHOICES) | set(ALONE_BOOLS) | set(ALONE_CHOICES))
RED_FLAG_HEAVY = st.fixed_dictionaries({}, optional={key: answer_strategy(key) for key in RED_FLAG_KEYS}).flatmap(
    lambda flags: ANY_FINDINGS.map(lambda rest: rest | flags))


@settings(max_examples=400, deadline=None)
@given(ANY_FINDINGS)
def test_no_floor_is_ever_undercut_for_any_valid_answers(findings):
    check_floor(findings)


@settings(max_examples=400, deadline=None)
@given(RED_FLAG_HEAVY)
def test_no_floor_is_ever_undercut_when_many_red_flags_mix(findings):
    check_floor(findings)


@settings(max_examples=400, deadline=None)
@given(ANY_FINDINGS)
def test_assess_never_raises_and_returns_a_well_formed_result_for_valid_answers(findings):
    result = assess(findings)
    assert result.triage in TRIAGE_LEVELS
    ids = [c for c, _ in result.differential]
    assert set(ids) <= set(CONDITIONS) and len(ids) == len(set(ids))
    probs = [p for _, p in result.differential]
    assert all(0.0 <= p <= 1.0 for p in probs)
    assert math.fsum(probs) <= 1 + 1e-9
    assert probs == sorted(probs, reverse=True)
    assert result.reasons and all(isinstance(r, str) and r for r in result.reasons)


@settings(max_examples=100, deadline=None)
@given(ANY_FINDINGS)
def test_assess_is_pure_same_answers_same_result_and_input_untouched(findings):
    snapshot = {k: (sorted(v) if isinstance(v, (list, tuple, set)) else v) for k, v in findings.items()}
    first, second = assess(findings), assess(dict(findings))
    assert first == second
    assert {k: (sorted(v) if isinstance(v, (list, tuple, set)) else v) for k, v in findings.items()} == snapshot


# -------------------------------------------------------------------------------------------- as each track answers
def asked(track: str) -> frozenset[str]:
    return frozenset(q.id for q in questions_for(track))


@settings(max_examples=300, deadline=None)
@given(RED_FLAG_HEAVY)
def test_every_finding_a_safety_rule_reads_is_asked_in_the_learner_track(findings):
    from ankle_course.content.checker.vocabulary import validate_findings

    clean = validate_findings(findings)
    learner = asked("learner")
    for rule in RULES:
        seen: set[str] = set()
        rule.applies(RecordingFindings(clean, seen))
        assert seen <= learner, f"rule '{rule.id}' reads {sorted(seen - learner)}, which learners are never asked"
        assert seen <= rule_reads()[rule.id], "the interview's record of what each rule reads is complete"


LEARNER_FINDINGS = st.fixed_dictionaries({}, optional={k: answer_strategy(k) for k in sorted(asked("learner"))})
LEARNER_RED_FLAGS = st.fixed_dictionaries(
    {}, optional={k: answer_strategy(k) for k in RED_FLAG_KEYS + sorted(V2_BOOLS) if k in asked("learner")}
).flatmap(lambda flags: LEARNER_FINDINGS.map(lambda rest: rest | flags))


@settings(max_examples=400, deadline=None)
@given(LEARNER_RED_FLAGS)
def test_no_floor_is_ever_undercut_for_answers_given_through_the_learner_track(findings):
    check_floor(findings)


# one learner-answerable example per row of the contract's red-flag table (version 2)
EVERY_ROW_AS_A_LEARNER_ANSWERS = {
    "cold_pale_numb": ({"foot_cold_pale_numb": True}, "emergency"),
    "deformity": ({"visible_deformity": True}, "emergency"),
    "open_wound": ({"onset": "sudden_injury", "open_wound_over_injury": True}, "emergency"),
    "breathless": ({"calf_swelling_tenderness": True, "breathless_or_chest_pain": True}, "emergency"),
    "pain_out_of_proportion": ({"onset": "sudden_injury", "pain_out_of_proportion": True}, "emergency"),
    "fever_hot_joint": ({"fever": True, "swelling": True}, "emergency"),
    "cannot_bear_weight": ({"onset": "sudden_injury", "weight_bearing": "none"}, "urgent"),
    "bone_tenderness": ({"onset": "sudden_injury", "bone_tenderness": ["medial_malleolus"]}, "urgent"),
    "fracture_not_ruled_out": ({"onset": "sudden_injury", "duration_days": 1, "weight_bearing": "limping",
                                "pain_location": ["inner_ankle_bone"], "swelling": True, "bruising": True}, "urgent"),
    "swollen_calf": ({"calf_swelling_tenderness": True}, "urgent"),
    "diabetic_hot_foot": ({"diabetes": True, "redness_warmth": True, "onset": "gradual"}, "urgent"),
    "numb_feet_swollen": ({"reduced_foot_sensation": True, "swelling": True, "onset": "gradual"}, "urgent"),
    "child_night_pain": ({"age": 12, "onset": "gradual", "night_or_rest_pain": True}, "urgent"),
    "new_foot_drop": ({"foot_drop_or_slapping": True, "duration_days": 5}, "urgent"),
    "pop_and_weakness": ({"onset": "sudden_injury", "pop_at_injury": True, "heel_raise": "unable"}, "urgent"),
    "sudden_red_hot": ({"onset": "sudden_no_injury", "redness_warmth": True}, "urgent"),
    "nerve": ({"tinel_sign": True, "onset": "gradual", "duration_days": 5}, "routine"),
    "over_two_weeks": ({"onset": "gradual", "duration_days": 20}, "routine"),
}


def test_every_row_of_the_red_flag_table_fires_from_answers_a_learner_is_asked():
    learner = asked("learner")
    for row, (findings, level) in EVERY_ROW_AS_A_LEARNER_ANSWERS.items():
        assert set(findings) <= learner, (row, sorted(set(findings) - learner))
        assert RANK[assess(findings).triage] >= RANK[level], row
        assert contract_floor(findings) == level, row  # the example really is this row
