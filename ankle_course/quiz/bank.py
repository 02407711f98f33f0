"""Which questions a quiz shows: one module's, or a mixed final assessment across the course."""

from __future__ import annotations

import random
from collections.abc import Iterable

from ..content import Course
from ..content.records import Question

TRACK_AUDIENCES = {"learner": ("learner",), "pt_student": ("learner", "pt_student"), "both": ("learner", "pt_student")}


def module_questions(content: Course, module_id: str, track: str = "both") -> list[Question]:
    if module_id not in content.modules:
        known = ", ".join(content.modules)
        raise ValueError(f"unknown module {module_id!r}; expected one of: {known}")
    audiences = TRACK_AUDIENCES[track]
    return [q for q in content.questions.values() if q.module == module_id and q.audience in audiences]


def final_questions(content: Course, per_objective: int = 2, seed: int = 0, track: str = "both") -> list[Question]:
    """A mixed set: up to `per_objective` questions from every objective of every module, picked with a
    seed so that a class sees the same paper and a learner can take a fresh one with another seed."""
    rng = random.Random(seed)
    audiences = TRACK_AUDIENCES[track]
    picked: list[Question] = []
    for module in content.modules.values():
        for objective in module.objectives:
            pool = [q for q in content.questions.values() if q.module == module.id and q.objective == objective.id
                    and q.audience in audiences]
            picked.extend(rng.sample(pool, min(per_objective, len(pool))))
    return picked


def by_id(content: Course, ids: Iterable[str]) -> list[Question]:
    return [content.questions[i] for i in ids if i in content.questions]
