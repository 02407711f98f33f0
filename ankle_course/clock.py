"""The two kinds of clock the course injects, so that anything timed can be tested without waiting.

`Clock` says *when* something happened (an aware UTC datetime, saved in the progress file); `Stopwatch`
says *how long* something took (monotonic seconds, which never jump when the computer's clock is set).
They are different types on purpose: a timer given wall-clock time would run backwards across a daylight
saving change.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]
Stopwatch = Callable[[], float]


def utc_now() -> datetime:
    """The default `Clock`: now, in UTC."""
    return datetime.now(UTC)
