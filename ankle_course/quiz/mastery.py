"""Mastery per learning objective, from the latest score on each question.

Rule (documented for learners and instructors): an objective is *mastered* when at least two of its
questions have been answered and their mean latest score is at least 80 %; *on the way* when some
are answered but that bar is not met; *not started* when none are answered.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..content import Course

MASTERY_SCORE = 0.8
MASTERY_MIN_ANSWERED = 2
STATUS_TEXT = {"mastered": "✓ Mastered", "learning": "◐ On the way", "not_started": "○ Not started"}


@dataclass(frozen=True)
class ObjectiveMastery:
    module_id: str
    module_title: str
    objective_id: str
    objective_text: str
    questions: int
    answered: int
    mean_score: float | None

    @property
    def status(self) -> str:
        if self.answered == 0:
            return "not_started"
        if self.answered >= min(MASTERY_MIN_ANSWERED, self.questions) and (self.mean_score or 0) >= MASTERY_SCORE:
            return "mastered"
        return "learning"

    @property
    def label(self) -> str:
        return f"{self.module_title}: {self.objective_text}"


def objective_mastery(scores: Mapping[str, float], content: Course,
                      modules: Iterable[str] | None = None) -> list[ObjectiveMastery]:
    """`scores` maps question id -> latest score (e.g. from a progress record's quiz answers)."""
    wanted = set(modules) if modules is not None else None
    rows = []
    for module in content.modules.values():
        if wanted is not None and module.id not in wanted:
            continue
        for objective in module.objectives:
            ids = [q.id for q in content.questions.values()
                   if q.module == module.id and q.objective == objective.id]
            got = [scores[i] for i in ids if i in scores]
            rows.append(ObjectiveMastery(module.id, module.title, objective.id, objective.text, len(ids), len(got),
                                         sum(got) / len(got) if got else None))
    return rows


def latest_scores(progress: dict[str, Any]) -> dict[str, float]:
    return {qid: rec["score"] for qid, rec in progress.get("quiz", {}).items()}
