"""Answers the checker works out from other answers, so that one piece of evidence is counted once.

The Ottawa ankle and foot rules are one test made of several answers (bone tenderness, four steps right
after the injury and now). Their published likelihood ratio already contains what those answers say about
a fracture, so the model applies it as one derived answer, `ottawa_rules`, and the overlapping answers'
own fracture ratios are applied only when the rules have not been applied. Whether the rules apply is the
diagnosis module's decision (`ankle_course.ottawa`), exclusions included, so the two cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from ...ottawa import inputs_from_findings, ottawa_decision
from .rules import after_injury
from .vocabulary import Finding

OTTAWA_RULES = "ottawa_rules"
DERIVED: Mapping[str, Finding] = MappingProxyType({
    OTTAWA_RULES: Finding(OTTAWA_RULES, "choice", "the Ottawa ankle and foot rules, worked out from the answers",
                          choices=("negative", "positive", "not_applied")),
})


def ottawa_state(findings: Mapping[str, Any]) -> str:
    """"negative" when the rules apply and rule a fracture out; "positive" when they call for an X-ray;
    "not_applied" when there was no injury, the answers do not settle the rules, or an exclusion holds."""
    if not after_injury(findings):
        return "not_applied"
    inputs = inputs_from_findings(findings)
    if inputs is None:
        return "not_applied"
    decision = ottawa_decision(inputs)
    if decision.any_xray:
        return "positive"
    return "negative" if decision.applies else "not_applied"


def with_derived(findings: Mapping[str, Any]) -> dict[str, Any]:
    """The (validated) answers plus every derived answer."""
    return {**findings, OTTAWA_RULES: ottawa_state(findings)}
