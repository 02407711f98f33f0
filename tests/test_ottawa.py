"""The Ottawa ankle and foot rules, checked over every combination of their inputs against an independent
re-statement of the published rule (Stiell et al. 1993)."""

from __future__ import annotations

from itertools import chain, combinations, product

import pytest

from ankle_course.ottawa import EXCLUSIONS, TENDER_POINTS, ZONES, OttawaInputs, ottawa_decision


def subsets(items):
    items = list(items)
    return [frozenset(c) for c in chain.from_iterable(combinations(items, n) for n in range(len(items) + 1))]


def rule_as_published(tender, zones, steps_immediately, steps_now):
    """Re-stated from the paper, independently of the module: tenderness at a point is pain in its zone."""
    malleoli = tender & {"medial_malleolus", "lateral_malleolus"}
    midfoot = tender & {"navicular", "fifth_metatarsal_base"}
    cannot_bear_weight = (not steps_immediately) and (not steps_now)
    malleolar_pain = "ankle" in zones or bool(malleoli)
    midfoot_pain = "foot" in zones or bool(midfoot)
    ankle = malleolar_pain and (bool(malleoli) or cannot_bear_weight)
    foot = midfoot_pain and (bool(midfoot) or cannot_bear_weight)
    return ankle, foot


ALL_EXCLUSION_SETS = subsets(EXCLUSIONS)


def test_every_combination_of_inputs_matches_the_published_rule():
    checked = 0
    for tender, zones, immediately, now in product(subsets(TENDER_POINTS), subsets(ZONES), (True, False),
                                                   (True, False)):
        ankle, foot = rule_as_published(tender, zones, immediately, now)
        for excluded in ALL_EXCLUSION_SETS:
            d = ottawa_decision(OttawaInputs(tender, zones, immediately, now, excluded))
            assert (d.ankle_xray, d.foot_xray) == (ankle, foot), (tender, zones, immediately, now, excluded)
            assert d.applies == (not excluded)
            assert d.exclusions == [EXCLUSIONS[e] for e in EXCLUSIONS if e in excluded]
            assert d.clinician_decides == (bool(excluded) and not (ankle or foot))
            assert d.reasons, "every decision explains itself"
            checked += 1
    assert checked == 16 * 4 * 2 * 2 * 2 ** len(EXCLUSIONS)


def test_every_tender_point_is_named_in_the_reasons():
    for point in TENDER_POINTS.values():
        d = ottawa_decision(OttawaInputs(tender=frozenset({point.id})))
        assert any(point.anatomical in r for r in d.reasons)


def test_tender_medial_malleolus_alone_means_an_ankle_xray_only():
    d = ottawa_decision(OttawaInputs(tender=frozenset({"medial_malleolus"})))
    assert d.ankle_xray and not d.foot_xray and d.applies


def test_walking_at_either_time_counts_as_able_to_bear_weight():
    for immediately, now in ((True, False), (False, True)):
        d = ottawa_decision(OttawaInputs(pain_zones=frozenset({"ankle", "foot"}), four_steps_immediately=immediately,
                                         four_steps_now=now))
        assert not d.any_xray
        assert any("counts as able" in r or "no X-ray" in r for r in d.reasons)


def test_unable_to_walk_both_times_with_midfoot_pain_means_a_foot_xray():
    d = ottawa_decision(OttawaInputs(pain_zones=frozenset({"foot"}), four_steps_immediately=False,
                                     four_steps_now=False))
    assert d.foot_xray and not d.ankle_xray


def test_unable_to_walk_without_pain_in_either_zone_asks_for_a_clinician_not_silence():
    d = ottawa_decision(OttawaInputs(four_steps_immediately=False, four_steps_now=False))
    assert not d.any_xray and any("clinician should still check" in r for r in d.reasons)


def test_an_exclusion_turns_no_xray_into_a_clinicians_decision():
    d = ottawa_decision(OttawaInputs(exclusions=frozenset({"older_than_10_days"})))
    assert not d.applies and d.clinician_decides
    assert d.exclusions == ["The injury happened more than 10 days ago"]
    assert any("cannot rule out a broken bone" in r for r in d.reasons)


def test_point_ids_are_the_symptom_checker_bone_tenderness_values():
    # the contract in the symptom-checker spec: the triage engine passes bone_tenderness straight in
    assert set(TENDER_POINTS) == {"medial_malleolus", "lateral_malleolus", "navicular", "fifth_metatarsal_base"}


@pytest.mark.parametrize("bad", [
    {"tender": frozenset({"big_toe"})},
    {"pain_zones": frozenset({"knee"})},
    {"exclusions": frozenset({"bored"})},
    {"four_steps_now": "yes"},
])
def test_unknown_inputs_are_refused_with_a_message_naming_the_field(bad):
    with pytest.raises(ValueError) as info:
        OttawaInputs(**bad)
    assert next(iter(bad)) in str(info.value)
