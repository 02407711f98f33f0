"""`assess`: answers in, a triage level, a differential and plain-language reasons out.

Triage is the most urgent of (a) the safety floors in `rules` and (b) what the likely causes need:
when enough of the probability sits on conditions that need a given level of care, the advice rises to
that level. (b) only counts once there are enough answers to rank causes at all: a differential made of
priors alone says how common conditions are, not what this person has. Floors are never lowered.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..content.cache import triage_model
from ..content.checker.model import Posterior, TriageModel
from ..content.checker.rules import MIN_ANSWERS_TO_RANK, fired_rules, informative_answers
from ..content.checker.vocabulary import TRIAGE_LEVELS, urgency, validate_findings
from .reasons import condition_reasons, triage_reasons


@dataclass(frozen=True)
class Assessment:
    """The checker's answer. `differential` lists every condition, best first; probabilities sum to at most 1."""

    triage: str
    differential: list[tuple[str, float]]
    reasons: list[str]
    rules: tuple[str, ...] = field(default=())  # safety rules that apply, most urgent first
    enough_information: bool = True


def care_from_differential(model: TriageModel, post: Posterior, duration_days: int | None) -> tuple[str, str | None, float]:
    """The level the likely causes call for, the condition that drives it, and the share of probability behind it.

    A level is chosen once the probability on conditions needing at least that level reaches the policy's
    threshold (`<level>_at` in conditions.toml): a one-in-five chance of an infected joint is already reason
    enough for the emergency department.
    """
    care = {c: model.by_id[c].care_for(duration_days) for c, _ in post.ranked}
    for level in TRIAGE_LEVELS[:-1]:
        members = [(c, p) for c, p in post.ranked if urgency(care[c]) >= urgency(level)]
        share = sum(p for _, p in members)
        if share >= model.policy[f"{level}_at"]:
            return level, members[0][0], share
    return TRIAGE_LEVELS[-1], None, 0.0


def assess(findings: Mapping[str, Any]) -> Assessment:
    """Assess one set of answers; raise ValueError naming the key if an answer is not in the vocabulary."""
    f = validate_findings(findings)
    model = triage_model()
    post = model.posterior(f)
    fired = fired_rules(f)
    floor = fired[0].level if fired else TRIAGE_LEVELS[-1]
    enough = informative_answers(f) >= MIN_ANSWERS_TO_RANK
    suggested, driver, share = care_from_differential(model, post, f.get("duration_days"))
    if not enough:
        suggested, driver = TRIAGE_LEVELS[-1], None
    triage = max(floor, suggested, key=urgency)
    raised_by = (driver, share) if driver is not None and urgency(suggested) > urgency(floor) else None
    reasons = triage_reasons(triage, fired, raised_by, model, post, enough) + condition_reasons(model, post, enough)
    return Assessment(triage=triage, differential=list(post.ranked), reasons=reasons,
                      rules=tuple(r.id for r in fired), enough_information=enough)
