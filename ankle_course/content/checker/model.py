"""The differential as data: priors and likelihood ratios, applied naive-Bayes style.

Keeping every number in `content/data/triage/` (with its source and a plain-language reason) lets an
instructor read, question and change the model without touching code, and lets the course show a learner
exactly which answer moved which condition. `model_loader` reads and checks those files; this module is
the validated model itself and imports no validation code. `assess` does no I/O.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from .derived import with_derived
from .vocabulary import FINDINGS

TRIAGE_FOLDER = "triage"
CONDITIONS_FILE = f"{TRIAGE_FOLDER}/conditions.toml"
EVIDENCE_FILE = f"{TRIAGE_FOLDER}/evidence.toml"
ONSETS = FINDINGS["onset"].choices
BASES = ("published", "expert_estimate")
MATCHERS = ("value", "range", "contains", "lacks")
RECENT_DAYS = 14


# ---------------------------------------------------------------------------------------------- conditions
@dataclass(frozen=True)
class ConditionSpec:
    """A condition's prior in each onset context, and the care it needs when it is the likely cause."""

    id: str
    name: str
    care: str
    prior: Mapping[str, float]
    basis: str
    refs: tuple[str, ...]
    care_within_14_days: str | None = None
    care_after_14_days: str | None = None

    def care_for(self, duration_days: int | None) -> str:
        """The care level, given how long the pain has lasted (None when not answered)."""
        if duration_days is not None:
            if duration_days <= RECENT_DAYS and self.care_within_14_days:
                return self.care_within_14_days
            if duration_days > RECENT_DAYS and self.care_after_14_days:
                return self.care_after_14_days
        return self.care



# ---------------------------------------------------------------------------------------------- evidence
@dataclass(frozen=True)
class Evidence:
    """One answer and how it shifts each condition: `lr` per listed condition, `others` for the rest."""

    id: str
    finding: str
    answer: str
    explain: str
    basis: str
    refs: tuple[str, ...]
    lr: Mapping[str, float]
    others: float = 1.0
    value: Any = None
    range: tuple[int, int] | None = None
    contains: str | None = None
    lacks: tuple[str, ...] | None = None
    when: Mapping[str, tuple[Any, ...]] | None = None

    def __post_init__(self) -> None:
        # `when = { weight_bearing = "none" }` and `= ["none"]` mean the same; a bare string must not
        # turn `in` into a substring test
        if self.when is not None:
            object.__setattr__(self, "when", MappingProxyType(
                {k: tuple(v) if isinstance(v, (list, tuple)) else (v,) for k, v in self.when.items()}))

    def ratio(self, condition: str) -> float:
        return self.lr.get(condition, self.others)

    def matches(self, f: Mapping[str, Any]) -> bool:
        """Does this answer apply to the (validated) findings? Absent findings never match."""
        answer = f.get(self.finding)
        if answer is None:
            return False
        if self.range is not None:
            ok = self.range[0] <= answer <= self.range[1]
        elif self.contains is not None:
            ok = self.contains in answer
        elif self.lacks is not None:
            ok = answer.isdisjoint(self.lacks)
        else:
            ok = answer == self.value
        return ok and all(f.get(key) in allowed for key, allowed in (self.when or {}).items())



# ---------------------------------------------------------------------------------------------- the model
@dataclass(frozen=True)
class Posterior:
    """The differential for one set of answers, with what produced it (for the reasons)."""

    ranked: tuple[tuple[str, float], ...]
    matched: tuple[Evidence, ...]
    onset: str | None


@dataclass(frozen=True)
class TriageModel:
    """Validated model data, with log-priors and log-likelihood-ratios precomputed for speed."""

    conditions: tuple[ConditionSpec, ...]
    evidence: tuple[Evidence, ...]
    onset_weights: Mapping[str, float]
    policy: Mapping[str, float]
    ids: tuple[str, ...] = field(init=False, repr=False)
    by_id: Mapping[str, ConditionSpec] = field(init=False, repr=False)
    log_prior: Mapping[str | None, tuple[float, ...]] = field(init=False, repr=False)
    log_lr: Mapping[str, tuple[float, ...]] = field(init=False, repr=False)
    by_finding: Mapping[str, tuple[Evidence, ...]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        ids = tuple(c.id for c in self.conditions)
        priors = {onset: _normalised([c.prior[onset] for c in self.conditions]) for onset in ONSETS}
        total = sum(self.onset_weights.values())
        mixed = [sum(self.onset_weights[o] / total * priors[o][i] for o in ONSETS) for i in range(len(ids))]
        log_prior: dict[str | None, tuple[float, ...]] = {o: tuple(map(math.log, p)) for o, p in priors.items()}
        log_prior[None] = tuple(map(math.log, mixed))
        by_finding: dict[str, list[Evidence]] = {}
        for item in self.evidence:
            by_finding.setdefault(item.finding, []).append(item)
        derived = {
            "ids": ids,
            "by_id": MappingProxyType({c.id: c for c in self.conditions}),
            "log_prior": MappingProxyType(log_prior),
            "log_lr": MappingProxyType({e.id: tuple(math.log(e.ratio(c)) for c in ids) for e in self.evidence}),
            "by_finding": MappingProxyType({k: tuple(v) for k, v in by_finding.items()}),
        }
        for name, value in derived.items():
            object.__setattr__(self, name, value)

    def posterior(self, f: Mapping[str, Any]) -> Posterior:
        """Prior for the onset context times every matching likelihood ratio, normalised over the conditions."""
        onset = f.get("onset")
        scores = list(self.log_prior[onset])
        matched = []
        f = with_derived(f)
        for finding in f:
            for item in self.by_finding.get(finding, ()):
                if item.matches(f):
                    matched.append(item)
                    for i, delta in enumerate(self.log_lr[item.id]):
                        scores[i] += delta
        top = max(scores)
        weights = [math.exp(s - top) for s in scores]
        total = math.fsum(weights)
        # rounded down to millionths so that rounding can never push the sum above 1
        probs = [math.floor(w / total * 1e6) / 1e6 for w in weights]
        ranked = tuple(sorted(zip(self.ids, probs), key=lambda pair: -pair[1]))
        return Posterior(ranked, tuple(matched), onset)

    def onset_shift(self, onset: str | None) -> tuple[float, ...]:
        """How far knowing the onset moved each condition's log-prior (zero when onset is unknown)."""
        return tuple(a - b for a, b in zip(self.log_prior[onset], self.log_prior[None]))


def _normalised(values: list[float]) -> list[float]:
    total = sum(values)
    return [v / total for v in values]
