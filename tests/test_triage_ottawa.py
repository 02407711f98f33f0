"""The symptom checker and the Ottawa calculator share one rule, so they agree on every set of tender points."""

from __future__ import annotations

from itertools import combinations

from ankle_course.ottawa import OttawaInputs, ottawa_decision
from ankle_course.triage import assess
from ankle_course.triage.vocabulary import FINDINGS, urgency

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
