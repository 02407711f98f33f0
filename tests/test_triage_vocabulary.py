"""The checker's vocabulary matches the contract, and a bad answer raises ValueError naming the key and what was expected."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ankle_course.triage import CONDITIONS, FINDINGS, TRIAGE_LEVELS, assess, validate_findings

# The contract's findings table, re-typed here so that a rename in the code cannot pass unnoticed.
CONTRACT_FINDINGS = {
    "age": ("int", (0, 120)), "sex": ("choice", ("female", "male")),
    "onset": ("choice", ("sudden_injury", "sudden_no_injury", "gradual")), "duration_days": ("int", (0, 3650)),
    "mechanism": ("choice", ("none", "rolled_inward", "rolled_outward", "twisted", "direct_blow", "fall_or_crush",
                             "landing")),
    "pain_location": ("set", ("inner_ankle_bone", "behind_inner_ankle", "below_inner_ankle", "inner_arch", "sole",
                              "front_of_ankle", "whole_ankle", "calf")),
    "weight_bearing": ("choice", ("normal", "limping", "few_steps", "none")),
    "bone_tenderness": ("set", ("medial_malleolus", "lateral_malleolus", "navicular", "fifth_metatarsal_base")),
    "heel_raise": ("choice", ("normal", "painful", "unable")),
} | {key: ("bool", ()) for key in (
    "pop_at_injury", "training_increase", "high_impact_activity", "swelling", "bruising", "redness_warmth", "fever",
    "unable_4_steps_immediately", "tenderness_along_tendon", "arch_collapsing", "flat_feet", "numbness_tingling_sole",
    "burning_electric_pain", "tinel_sign", "worse_with_standing_walking", "night_or_rest_pain", "stiffness_after_rest",
    "morning_stiffness_over_30_min", "eases_with_rest", "pain_with_activity", "weakness_or_instability",
    "reduced_motion", "muscle_spasm", "big_toe_pain_or_clicking", "foot_drop_or_slapping", "calf_swelling_tenderness",
    "recent_immobilisation", "foot_cold_pale_numb", "visible_deformity", "open_wound_over_injury",
    "pain_out_of_proportion", "little_pain_despite_swelling", "exquisite_tenderness", "diabetes",
    "reduced_foot_sensation", "previous_ankle_injury", "gout_history", "other_joints_affected", "overweight",
    "steroid_or_fluoroquinolone")}

CONTRACT_CONDITIONS = {
    "medial_ankle_sprain", "posterior_tibial_tendinopathy", "tendon_rupture", "muscle_strain",
    "medial_malleolus_fracture", "stress_fracture", "osteoarthritis", "gout", "rheumatoid_arthritis",
    "tarsal_tunnel_syndrome", "fhl_tendinopathy", "septic_arthritis", "dvt", "compartment_syndrome", "charcot_foot"}


def test_vocabulary_keeps_every_contract_finding_with_its_type_and_choices():
    for key, (kind, spec) in CONTRACT_FINDINGS.items():
        finding = FINDINGS[key]
        assert finding.kind == kind, key
        if kind == "int":
            assert (finding.low, finding.high) == spec, key
        elif kind in ("choice", "set"):
            assert set(spec) <= set(finding.choices), key


def test_condition_ids_and_triage_levels_are_the_contract_ones():
    assert CONTRACT_CONDITIONS <= set(CONDITIONS)
    assert TRIAGE_LEVELS == ("emergency", "urgent", "routine", "self_care")


def test_every_finding_accepts_a_typical_valid_answer():
    samples = {"int": lambda f: f.low, "bool": lambda f: True, "choice": lambda f: f.choices[0],
               "set": lambda f: [f.choices[0]]}
    answers = {key: samples[f.kind](f) for key, f in FINDINGS.items()}
    assert validate_findings(answers).keys() == answers.keys()


def test_set_findings_accept_list_tuple_set_and_duplicates_alike():
    forms = (["calf", "sole", "calf"], ("calf", "sole"), {"calf", "sole"}, frozenset({"calf", "sole"}))
    cleaned = [validate_findings({"pain_location": form})["pain_location"] for form in forms]
    assert all(c == frozenset({"calf", "sole"}) for c in cleaned)
    assert validate_findings({"bone_tenderness": []})["bone_tenderness"] == frozenset()


def test_validation_returns_a_copy_and_leaves_the_input_alone():
    answers = {"pain_location": ["calf"], "age": 40}
    validate_findings(answers)
    assert answers == {"pain_location": ["calf"], "age": 40}


@pytest.mark.parametrize("key, value, expected", [
    ("swelling", 1, "true or false"),
    ("swelling", "true", "true or false"),
    ("swelling", None, "true or false"),
    ("age", True, "whole number from 0 to 120"),
    ("age", 34.0, "whole number from 0 to 120"),
    ("age", -1, "whole number from 0 to 120"),
    ("age", 121, "whole number from 0 to 120"),
    ("duration_days", 3651, "whole number from 0 to 3650"),
    ("onset", "slowly", "one of 'sudden_injury'"),
    ("onset", ["gradual"], "one of 'sudden_injury'"),
    ("weight_bearing", False, "one of 'normal'"),
    ("pain_location", "calf", "a list of any of"),
    ("pain_location", ["calf", "knee"], "a list of any of"),
    ("bone_tenderness", {"medial_malleolus": True}, "a list of any of"),
    ("bone_tenderness", [1], "a list of any of"),
])
def test_wrong_type_or_value_raises_value_error_naming_key_and_expectation(key, value, expected):
    with pytest.raises(ValueError) as err:
        assess({key: value})
    assert f"'{key}'" in str(err.value) and expected in str(err.value)


def test_unknown_key_raises_value_error_naming_it_and_suggesting_the_closest_id():
    with pytest.raises(ValueError, match=r"unknown finding 'sweling'.*did you mean 'swelling'"):
        assess({"sweling": True})


def test_non_string_key_and_non_mapping_input_raise_value_error():
    with pytest.raises(ValueError, match="finding ids are strings"):
        assess({3: True})
    with pytest.raises(ValueError, match="must be a mapping"):
        assess([("swelling", True)])


def _invalid_value(kind: str, choices: tuple[str, ...], low: int, high: int) -> st.SearchStrategy:
    junk = st.one_of(st.none(), st.floats(allow_nan=False), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))
    if kind == "bool":
        return st.one_of(junk, st.integers(), st.text(max_size=5))
    if kind == "int":
        return st.one_of(junk, st.booleans(), st.integers(max_value=low - 1), st.integers(min_value=high + 1),
                         st.text(max_size=5))
    if kind == "choice":
        return st.one_of(junk, st.booleans(), st.integers(), st.text(max_size=12).filter(lambda s: s not in choices))
    bad_member = st.one_of(st.integers(), st.text(max_size=12).filter(lambda s: s not in choices))
    return st.one_of(junk, st.booleans(), st.sampled_from(choices), st.lists(bad_member, min_size=1, max_size=3))


@st.composite
def one_invalid_answer(draw):
    key = draw(st.sampled_from(sorted(FINDINGS)))
    f = FINDINGS[key]
    return key, draw(_invalid_value(f.kind, f.choices, f.low, f.high))


@settings(max_examples=300, deadline=None)
@given(one_invalid_answer())
def test_any_invalid_value_raises_value_error_naming_the_key(bad):
    key, value = bad
    with pytest.raises(ValueError) as err:
        assess({key: value})
    assert f"'{key}'" in str(err.value)


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=30).filter(lambda s: s not in FINDINGS))
def test_any_unknown_key_raises_value_error_naming_it(key):
    with pytest.raises(ValueError) as err:
        assess({key: True})
    assert f"unknown finding '{key}'" in str(err.value)


def test_a_huge_integer_answer_names_its_key_instead_of_failing_to_print():
    from ankle_course.content.checker.vocabulary import validate_findings

    with pytest.raises(ValueError, match=r"finding 'age': expected a whole number .* got a 5001-digit number"):
        validate_findings({"age": 10 ** 5000})
