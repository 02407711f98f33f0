"""A quiz in progress: which questions, what the learner answered, the score, and the retry set.

A plain state machine with an injectable clock, so that the widget stays a thin view and every rule
here is unit-tested without a browser.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..clock import Clock, utc_now
from ..content.records import Question
from ..progress.entries import QuizAnswer
from .scoring import is_correct, score
from .shuffle import Shown, show, shuffled_questions


@dataclass(frozen=True)
class Result:
    question_id: str
    answer: Any  # stored terms, small JSON
    score: float
    at: datetime

    def answer_record(self) -> QuizAnswer:
        """The typed record the progress store saves for this result."""
        return QuizAnswer(self.question_id, self.answer, self.score, self.at)


@dataclass
class QuizSession:
    """Questions in a seeded order; `check` scores an answer and remembers the latest result."""

    questions: Sequence[Question]
    seed: int = 0
    clock: Clock = utc_now
    results: dict[str, Result] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.questions = shuffled_questions(self.questions, self.seed)
        self.shown: dict[str, Shown] = {q.id: show(q, self.seed) for q in self.questions}

    def check(self, question_id: str, response: Any) -> Result:
        """Score a response (raises ResponseError, changing nothing, if it is incomplete)."""
        question = self.shown[question_id].question
        value = score(question, response)
        result = Result(question_id, response, value, self.clock())
        self.results[question_id] = result
        return result

    @property
    def total(self) -> float:
        return sum(r.score for r in self.results.values())

    @property
    def answered(self) -> int:
        return len(self.results)

    def wrong(self) -> list[Question]:
        """Questions answered but not fully right, in quiz order: the "retry the ones I got wrong" set."""
        return [q for q in self.questions if q.id in self.results and not is_correct(self.results[q.id].score)]

    def retry(self, seed: int | None = None) -> QuizSession:
        """A new session with only the wrong ones, reshuffled so the learner cannot answer by position."""
        return QuizSession(self.wrong(), seed=self.seed + 1 if seed is None else seed, clock=self.clock)

    def score_line(self) -> str:
        n = len(self.questions)
        if not self.answered:
            return f"Score: 0 of {n} answered yet."
        return f"Score: {self.total:g} out of {self.answered} answered ({n} questions in this quiz)."
