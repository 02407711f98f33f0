"""Turn a progress record into per-module figures for the overview; pure, so it is tested directly."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..content import Course


@dataclass(frozen=True)
class ModuleProgress:
    module_id: str
    title: str
    answered: int
    questions: int
    correct: float  # sum of question scores, 0..answered

    @property
    def percent_correct(self) -> float | None:
        return None if self.answered == 0 else 100 * self.correct / self.answered


@dataclass(frozen=True)
class ProgressSummary:
    modules: tuple[ModuleProgress, ...]
    flashcards_known: int
    exercise_sessions: int
    cases_started: int
    updated: str | None
    reviews: int = 0  # spaced reviews done

    @property
    def is_empty(self) -> bool:
        return not (any(m.answered for m in self.modules) or self.flashcards_known
                    or self.exercise_sessions or self.cases_started or self.reviews)


def summarise(progress: dict[str, Any], course: Course) -> ProgressSummary:
    """Count what the learner has done, module by module; answers to questions no longer in the
    course are ignored rather than shown as an error."""
    rows = []
    for module in course.modules.values():
        ids = [q.id for q in course.questions.values() if q.module == module.id]
        answered = [progress["quiz"][q] for q in ids if q in progress["quiz"]]
        rows.append(ModuleProgress(module.id, module.title, len(answered), len(ids),
                                   sum(a["score"] for a in answered)))
    return ProgressSummary(
        modules=tuple(rows),
        flashcards_known=len(progress["flashcards_known"]),
        exercise_sessions=len(progress["exercise_sessions"]),
        cases_started=len(progress["cases"]),
        updated=progress.get("updated"),
        reviews=len(progress.get("reviews", [])),
    )
