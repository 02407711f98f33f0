"""The typed records a view saves, and the one pure function per kind that puts each into a progress record.

Views used to edit the raw dict themselves (append a session, bump a counter), so every view held its own
idea of the file's shape and nothing checked what they wrote. Now a view builds one of these records and
calls the store's named operation; the store applies the function here under its lock and then checks the
whole result with the reader's own rules before it writes (see `record.checked_bytes`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from .record import MAX_ITEMS, ProgressStoreError, format_timestamp, parse_timestamp

MAX_ATTEMPTS = 10_000
# A spaced-review rating, worst to best (FSRS's four grades): the one list the schema, the scheduler and the
# panel's buttons share.
REVIEW_RATINGS = ("again", "hard", "good", "easy")
REVIEW_KINDS = ("flashcard", "question")


@dataclass(frozen=True)
class QuizAnswer:
    """A scored answer to one question; `answer` is in the question's stored terms (small JSON)."""

    question_id: str
    answer: Any
    score: float
    at: datetime


@dataclass(frozen=True)
class ExerciseSession:
    """One timed exercise session; the morning rating is added later with `rate_morning`."""

    id: str
    exercise: str
    dosage: str
    started: datetime
    reps_done: int
    sets_done: int
    completed: bool
    pain_during: int | None = None
    pain_next_morning: int | None = None

    def as_record(self) -> dict[str, Any]:
        return {"id": self.id, "exercise": self.exercise, "dosage": self.dosage,
                "started": format_timestamp(self.started), "reps_done": self.reps_done,
                "sets_done": self.sets_done, "completed": self.completed, "pain_during": self.pain_during,
                "pain_next_morning": self.pain_next_morning}


@dataclass(frozen=True)
class CaseProgress:
    """How far a student is through one case: stages committed, their answers by key, and when."""

    case_id: str
    stage: int
    at: datetime
    answers: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Review:
    """One spaced review: which card or question, how well the learner recalled it, and when.

    Only the reviews are saved, never a computed schedule: the schedule is replayed from them, so two
    files merge by taking every review of both and nothing can disagree with the log it came from."""

    kind: str  # REVIEW_KINDS
    item: str  # a flashcard id or a question id
    rating: str  # REVIEW_RATINGS
    at: datetime

    def as_record(self) -> dict[str, Any]:
        return {"kind": self.kind, "item": self.item, "rating": self.rating, "at": format_timestamp(self.at)}


def review_key(record: Mapping[str, Any]) -> tuple[str, str, str, str]:
    """Time first, so that sorting by key is sorting by time (the one written form sorts as time does)."""
    return (record["at"], record["kind"], record["item"], record["rating"])


def add_review(progress: dict[str, Any], review: Review) -> None:
    """Append a review; the same review saved twice (same card, rating and second) keeps one copy."""
    if review.kind not in REVIEW_KINDS or review.rating not in REVIEW_RATINGS:
        raise ProgressStoreError(f"A review rated {str(review.rating)[:20]!r} cannot be saved (the ratings are "
                                 f"{', '.join(REVIEW_RATINGS)}); what you had saved is unchanged.")
    records = {review_key(r): r for r in progress.get("reviews", [])}
    record = review.as_record()
    records[review_key(record)] = record
    if len(records) > MAX_ITEMS:
        # The schedule is replayed from every review, so old ones cannot be dropped or folded into a saved
        # state without breaking the loss-free merge of two files; the learner gets a plain reason instead
        # of the reader's "longer than maximum length".
        raise ProgressStoreError(
            f"This rating was not saved, because your review history already holds {MAX_ITEMS:,} ratings, the "
            "most a progress file can keep; everything you had saved is unchanged, and Review today still "
            "schedules your cards from it.")
    progress["reviews"] = [records[k] for k in sorted(records)]


def add_quiz_answer(progress: dict[str, Any], answer: QuizAnswer) -> None:
    """quiz[question_id] = {answer, score, attempts, at}; attempts counts every answer, capped."""
    previous = progress["quiz"].get(answer.question_id)
    attempts = (previous["attempts"] + 1) if previous else 1
    progress["quiz"][answer.question_id] = {"answer": answer.answer, "score": round(float(answer.score), 4),
                                            "attempts": min(attempts, MAX_ATTEMPTS), "at": format_timestamp(answer.at)}


def add_exercise_session(progress: dict[str, Any], session: ExerciseSession) -> None:
    """Add a session (saving the same session twice keeps one copy)."""
    others = [s for s in progress["exercise_sessions"] if s["id"] != session.id]
    progress["exercise_sessions"] = sorted([*others, session.as_record()], key=lambda s: parse_timestamp(s["started"]))


def rate_morning(progress: dict[str, Any], session_id: str, pain: int) -> None:
    """Record next-morning pain for a saved session; refuses, changing nothing, if the session is gone."""
    for session in progress["exercise_sessions"]:
        if session["id"] == session_id:
            session["pain_next_morning"] = pain
            return
    raise ProgressStoreError("That session is no longer in your saved progress, so the rating was not saved.")


def set_usual_morning_pain(progress: dict[str, Any], pain: int) -> None:
    """Keep the learner's usual morning pain, so the pain rule's baseline survives a restart or a new session."""
    if isinstance(pain, bool) or not isinstance(pain, int) or not 0 <= pain <= 10:
        raise ProgressStoreError("Your usual morning pain must be a whole number from 0 to 10, so it was not saved.")
    progress["usual_morning_pain"] = pain


def set_flashcard_known(progress: dict[str, Any], card_id: str, known: bool) -> None:
    cards = set(progress["flashcards_known"])
    (cards.add if known else cards.discard)(card_id)
    progress["flashcards_known"] = sorted(cards)


def save_case(progress: dict[str, Any], case: CaseProgress) -> None:
    progress["cases"][case.case_id] = {"stage": case.stage, "answers": dict(case.answers),
                                       "at": format_timestamp(case.at)}
