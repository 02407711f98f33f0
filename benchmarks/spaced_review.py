"""How long "Review today" takes to plan (replaying the whole review log through FSRS), for logs of
different lengths side by side: each rating in the panel re-plans once.

    .venv/bin/python benchmarks/spaced_review.py
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from ankle_course import spaced_review as sr
from ankle_course.content import course
from ankle_course.progress import empty_progress
from ankle_course.progress.record import MAX_ITEMS

T0 = datetime(2026, 1, 1, 9, tzinfo=UTC)
RATINGS = ("good", "good", "hard", "good", "easy", "again")


def log(n: int) -> list[dict]:
    items = sr.deck(course(), empty_progress())
    return [{"kind": items[i % len(items)].kind, "item": items[i % len(items)].id, "rating": RATINGS[i % len(RATINGS)],
             "at": (T0 + timedelta(hours=6 * i)).isoformat(timespec="seconds")} for i in range(n)]


def main() -> None:
    print(f"{'reviews in the log':>18} {'plan ms (best of 5)':>20}")
    for n in (0, 100, 1000, MAX_ITEMS):
        progress = {**empty_progress(), "reviews": log(n)}
        now = T0 + timedelta(hours=6 * n + 1)
        best = min(_time(lambda progress=progress, now=now: sr.plan(course(), progress, now)) for _ in range(5))
        print(f"{n:>18} {best:>20.1f}")


def _time(action) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


if __name__ == "__main__":
    main()
