"""Spaced review: which flashcards and quiz questions to bring back today, scheduled with FSRS.

Pure logic, no widgets; the clock is always passed in, so weeks of use are simulated in a test in
milliseconds. The deck is every flashcard plus every quiz question the learner got wrong or needed more
than one try for (once reviewed, a question stays in the deck). A review is a rating: again / hard /
good / easy.

Only the reviews are saved (progress `reviews`), never the schedule: each item's FSRS state is replayed
from its reviews in time order. That is why merging two progress files is simply the union of their
reviews: the schedule computed from the merged log reflects every review either file held, and no saved
schedule can disagree with the log. Fuzzing is off, so the same log always gives the same schedule.

The scheduler is the `fsrs` package (py-fsrs, pure Python; its optimizer, which needs torch, is imported
only on request and never here).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from fsrs import Card, Rating, Scheduler

from .anatomy.flashcards import build_deck
from .content import Course
from .progress.entries import REVIEW_RATINGS, Review
from .progress.record import parse_timestamp
from .quiz.scoring import correct_answer_text

NEW_PER_DAY = 5  # new items introduced per day, so the first day is not a wall of 40 cards
MAX_INTERVAL_DAYS = 365
FLASHCARD_MODULE = "anatomy"  # the flashcards are the anatomy module's
UPCOMING_DAYS = 7

_RATING = dict(zip(REVIEW_RATINGS, (Rating.Again, Rating.Hard, Rating.Good, Rating.Easy)))
_SCHEDULER = Scheduler(enable_fuzzing=False, maximum_interval=MAX_INTERVAL_DAYS)

RATING_LABELS = {"again": "Again (forgot)", "hard": "Hard", "good": "Good", "easy": "Easy"}


class ReviewError(ValueError):
    """A review that cannot be recorded; str() is one sentence for the learner."""


@dataclass(frozen=True)
class ReviewItem:
    kind: str  # "flashcard" | "question"
    id: str
    module: str
    front: str  # the term, or the question
    back: str  # the meaning, or the right answer and why
    why: str  # why it is in the deck, for the learner

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.id)


@dataclass(frozen=True)
class ReviewPlan:
    """What is due now (in the order to show it), and when the rest comes back."""

    due: tuple[ReviewItem, ...]
    reviews_due: int  # items seen before and due again
    new_due: int  # items never reviewed, within today's allowance
    next_due: datetime | None  # the earliest moment after now that something else becomes due
    upcoming: tuple[tuple[date, int], ...]  # (day, how many become due that day), for the next days
    deck_size: int

    @property
    def count(self) -> int:
        return len(self.due)


# ---------------------------------------------------------------------------------------------- the deck
def _question_is_hard(record: Mapping[str, Any]) -> str | None:
    if record["score"] < 1:
        return "You did not get this quiz question fully right."
    if record["attempts"] > 1:
        return "This quiz question took you more than one try."
    return None


def deck(content: Course, progress: Mapping[str, Any]) -> list[ReviewItem]:
    """Every flashcard, and every quiz question the learner got wrong or found hard (or has reviewed).

    Identify questions are left out: their question is a highlighted figure, which a text card cannot show.
    """
    items = [ReviewItem("flashcard", c.id, FLASHCARD_MODULE, c.front, c.back, "A flashcard from the anatomy module.")
             for c in build_deck(content)]
    reviewed = {r["item"] for r in progress.get("reviews", []) if r["kind"] == "question"}
    for qid, q in content.questions.items():
        if q.type == "identify":
            continue
        record = progress.get("quiz", {}).get(qid)
        why = _question_is_hard(record) if record else None
        if why is None and qid in reviewed:
            why = "A quiz question you are reviewing."
        if why is None:
            continue
        back = f"Answer: {correct_answer_text(q)}. {q.explanation}".strip()
        items.append(ReviewItem("question", qid, q.module, q.prompt, back, why))
    return items


# ---------------------------------------------------------------------------------------------- scheduling
def _as_utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ReviewError("The review clock must know its time zone.")
    return moment.astimezone(UTC)


def replay(reviews: Iterable[Mapping[str, Any]]) -> dict[tuple[str, str], Card]:
    """Each reviewed item's FSRS card, replayed from its saved reviews in time order."""
    by_item: dict[tuple[str, str], list[tuple[datetime, str]]] = defaultdict(list)
    for r in reviews:
        by_item[(r["kind"], r["item"])].append((parse_timestamp(r["at"]), r["rating"]))
    cards = {}
    for key, log in by_item.items():
        log.sort()
        card = Card(card_id=1, due=log[0][0])
        for at, rating in log:
            card, _ = _SCHEDULER.review_card(card, _RATING[rating], review_datetime=at)
        cards[key] = card
    return cards


def plan(content: Course, progress: Mapping[str, Any], now: datetime, module: str | None = None) -> ReviewPlan:
    """What to review now: items due again (most overdue first), then new ones up to today's allowance
    (missed quiz questions before flashcards). `module` keeps one module's items only."""
    now = _as_utc(now)
    reviews = progress.get("reviews", [])
    items = [i for i in deck(content, progress) if module is None or i.module == module]
    cards = replay(reviews)
    first_seen: dict[tuple[str, str], datetime] = {}
    for r in reviews:
        key, at = (r["kind"], r["item"]), parse_timestamp(r["at"])
        first_seen[key] = min(first_seen.get(key, at), at)
    introduced_today = sum(1 for at in first_seen.values() if at.date() == now.date())
    allowance = max(0, NEW_PER_DAY - introduced_today)

    scheduled = [(cards[i.key].due, n, i) for n, i in enumerate(items) if i.key in cards]
    due_again = sorted(entry for entry in scheduled if entry[0] <= now)
    new = [i for i in items if i.key not in cards]
    new.sort(key=lambda i: i.kind != "question")  # stable: content order within a kind
    fresh = new[:allowance]
    later = sorted(due for due, _, _ in scheduled if due > now)
    counts = Counter(d.date() for d in later)
    waiting = len(new) - len(fresh)  # new items beyond today's allowance start tomorrow
    if waiting:
        tomorrow = datetime.combine(now.date() + timedelta(days=1), datetime.min.time(), UTC)
        counts[tomorrow.date()] += min(NEW_PER_DAY, waiting)
        later = sorted([*later, tomorrow])
    days = (now.date() + timedelta(days=k) for k in range(UPCOMING_DAYS + 1))
    upcoming = tuple((day, counts[day]) for day in days if counts.get(day))
    return ReviewPlan(due=tuple(i for _, _, i in due_again) + tuple(fresh), reviews_due=len(due_again),
                      new_due=len(fresh), next_due=later[0] if later else None, upcoming=upcoming,
                      deck_size=len(items))


def make_review(item: ReviewItem, rating: str, now: datetime) -> Review:
    """The record to save for one rating; ReviewError (one sentence) for a rating that is not one of the four."""
    if rating not in REVIEW_RATINGS:
        raise ReviewError(f"“{str(rating)[:20]}” is not a rating; choose one of: {', '.join(REVIEW_RATINGS)}.")
    return Review(item.kind, item.id, rating, _as_utc(now))


# ---------------------------------------------------------------------------------------------- in words
def _when(moment: datetime, now: datetime) -> str:
    delta = moment - now
    if delta < timedelta(hours=1):
        minutes = max(1, round(delta.total_seconds() / 60))
        return f"in {minutes} minute{'s' if minutes != 1 else ''}"
    if moment.date() == now.date():
        return f"later today ({moment:%H:%M} UTC)"
    if moment.date() == now.date() + timedelta(days=1):
        return "tomorrow"
    days = (moment.date() - now.date()).days
    return f"on {moment:%A} {moment.day} {moment:%B}" if days < 7 else f"in {days} days ({moment.day} {moment:%B})"


def summary_text(plan: ReviewPlan, now: datetime) -> str:
    """One or two plain sentences: how many are due now and when the next ones are."""
    now = _as_utc(now)
    if plan.count:
        head = f"{plan.count} to review now" + (f" ({plan.new_due} new)." if plan.new_due else ".")
    else:
        head = "Nothing to review now."
    if plan.next_due is None:
        return head if plan.count else head + " Answer some quiz questions and they will come back here to review."
    return f"{head} Next due {_when(plan.next_due, now)}."


def upcoming_rows(plan: ReviewPlan) -> Sequence[tuple[str, str]]:
    return [(f"{day:%a} {day.day} {day:%b}", str(n)) for day, n in plan.upcoming]
