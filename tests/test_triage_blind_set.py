"""The checker on 75 vignettes written blind (by an author who never saw the engine or its data).

A regression check on generalisation, not a set to tune against: if a change makes one of these
fail, look for the clinical reason before touching the numbers.
"""

from __future__ import annotations

import json
from pathlib import Path

from ankle_course.triage import TRIAGE_LEVELS, assess

BLIND = Path(__file__).with_name("data") / "triage_blind.json"
URGENCY = {level: rank for rank, level in enumerate(reversed(TRIAGE_LEVELS))}  # self_care 0 ... emergency 3


def scores() -> dict[str, float]:
    cases = json.loads(BLIND.read_text())
    top1 = top3 = exact = under = 0
    for case in cases:
        result = assess(case["findings"])
        ranked = [c for c, _ in result.differential]
        top1 += ranked[0] == case["gold"]["condition"]
        top3 += case["gold"]["condition"] in ranked[:3]
        exact += result.triage == case["gold"]["triage"]
        under += URGENCY[result.triage] < URGENCY[case["gold"]["triage"]] and case["gold"]["triage"] in ("urgent", "emergency")
    n = len(cases)
    return {"top1": top1 / n, "top3": top3 / n, "exact": exact / n, "under": under, "n": n}


def test_blind_set_meets_the_course_targets():
    s = scores()
    assert s["n"] == 75
    assert s["top1"] >= 0.85 and s["top3"] >= 0.97 and s["exact"] >= 0.85, s


def test_no_urgent_or_emergency_blind_case_is_triaged_lower():
    assert scores()["under"] == 0
