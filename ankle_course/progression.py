"""Pain-guided progression for the home exercise programme, and summaries of the session log.

The rules follow the pain-monitoring model (Silbernagel et al. 2007): exercising with pain up to about
5 out of 10 is acceptable if the pain has settled by the next morning and is not creeping up from week
to week. Anything else means ease off. Pure functions over saved sessions (progress schema
`exercise_sessions`), so the widget, the handout and the tests share one set of rules.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import mean
from typing import Any, Iterable, Mapping, Sequence

PAIN_DURING_LIMIT = 5  # model: "up to 5 on a 0-10 scale is acceptable" during exercise
SETTLED_LIMIT = 2  # course choice: next-morning pain of 0-2 counts as "settled" (back to a mild baseline)
COMFORTABLE_LIMIT = 2  # "comfortable" for progression: 0-2 during, the low end of "2 to 3 out of 10"
SINGLE_LEG_TARGET = (3, 15)  # sets x reps of double-leg calf raises before trying one leg
SESSIONS_TO_CONFIRM = 2  # comfortable sessions in a row before progressing, so one good day is not enough

PROGRESS, KEEP, EASE_OFF, NEED_RATINGS = "progress", "keep", "ease_off", "need_ratings"


@dataclass(frozen=True)
class Advice:
    kind: str  # progress | keep | ease_off | need_ratings
    text: str

    @property
    def symbol(self) -> str:
        """Meaning is in the words; the symbol only reinforces it (never colour alone)."""
        return {PROGRESS: "⬆", KEEP: "✓", EASE_OFF: "⬇", NEED_RATINGS: "?"}[self.kind]


def _check_pain(name: str, value: int | None) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise ValueError(f"{name} must be a whole number from 0 (no pain) to 10 (worst imaginable); got {value!r}.")


def advise(pain_during: int | None, pain_next_morning: int | None, completed: bool = True) -> Advice:
    """What to do next time, from one session's two pain ratings (0-10)."""
    _check_pain("Pain during the session", pain_during)
    _check_pain("Pain the next morning", pain_next_morning)
    if pain_during is not None and pain_during > PAIN_DURING_LIMIT:
        return Advice(EASE_OFF, f"Pain went above {PAIN_DURING_LIMIT} out of 10 during the exercise. Ease off next "
                                "time: fewer repetitions, less hold or a lighter band.")
    if pain_next_morning is not None and pain_next_morning > SETTLED_LIMIT:
        return Advice(EASE_OFF, f"Your pain had not settled by the next morning ({pain_next_morning} out of 10). "
                                "Ease off next time, and see a clinician if this keeps happening.")
    if pain_during is None or pain_next_morning is None:
        return Advice(NEED_RATINGS, "Rate your pain during the session and again the next morning to get advice.")
    if pain_during <= COMFORTABLE_LIMIT and completed:
        return Advice(PROGRESS, "That felt comfortable and settled by morning: keep going, and you may progress "
                                "(more repetitions or sets, a longer hold, or a stronger band).")
    return Advice(KEEP, f"Pain stayed at {PAIN_DURING_LIMIT} or less and settled by morning: that is fine. "
                        "Keep going at this level.")


def _started(session: Mapping[str, Any]) -> datetime:
    return datetime.fromisoformat(session["started"].replace("Z", "+00:00"))


def weekly_trend_advice(sessions: Sequence[Mapping[str, Any]], today: date) -> Advice | None:
    """Ease off if next-morning pain is creeping up week on week (the model's third rule); else None."""
    this_week = [s["pain_next_morning"] for s in sessions if s.get("pain_next_morning") is not None
                 and today - timedelta(days=7) < _started(s).date() <= today]
    last_week = [s["pain_next_morning"] for s in sessions if s.get("pain_next_morning") is not None
                 and today - timedelta(days=14) < _started(s).date() <= today - timedelta(days=7)]
    if this_week and last_week and mean(this_week) > mean(last_week):
        return Advice(EASE_OFF, f"Your next-morning pain is higher this week (average {mean(this_week):.1f}) than "
                                f"last week ({mean(last_week):.1f}). Ease off until it settles.")
    return None


def _is_comfortable_full_dose(session: Mapping[str, Any]) -> bool:
    sets, reps = SINGLE_LEG_TARGET
    return (bool(session.get("completed")) and session.get("sets_done", 0) >= sets
            and session.get("reps_done", 0) >= sets * reps
            and session.get("pain_during") is not None and session["pain_during"] <= COMFORTABLE_LIMIT
            and session.get("pain_next_morning") is not None and session["pain_next_morning"] <= SETTLED_LIMIT)


def ready_for_single_leg(sessions: Iterable[Mapping[str, Any]], exercise: str = "calf_raise_double") -> bool:
    """True once the latest double-leg calf-raise sessions were all a full 3 x 15 and comfortable."""
    mine = sorted((s for s in sessions if s.get("exercise") == exercise), key=_started)
    latest = mine[-SESSIONS_TO_CONFIRM:]
    return len(latest) == SESSIONS_TO_CONFIRM and all(_is_comfortable_full_dose(s) for s in latest)


def calf_raise_advice(sessions: Sequence[Mapping[str, Any]]) -> str:
    sets, reps = SINGLE_LEG_TARGET
    if ready_for_single_leg(sessions):
        return (f"Your last {SESSIONS_TO_CONFIRM} double-leg calf-raise sessions were a full {sets} × {reps} and "
                "comfortable: you are ready to try the single-leg calf raise.")
    return (f"Stay with calf raises on both legs until {sets} sets of {reps} feel comfortable "
            f"(pain {COMFORTABLE_LIMIT} out of 10 or less, settled by morning) in {SESSIONS_TO_CONFIRM} sessions in a row.")


def sessions_per_week(sessions: Iterable[Mapping[str, Any]]) -> list[tuple[date, int]]:
    """(Monday of the week, number of sessions), for every week from the first session to the last."""
    counts = Counter(_started(s).date() - timedelta(days=_started(s).weekday()) for s in sessions)
    if not counts:
        return []
    week, last, out = min(counts), max(counts), []
    while week <= last:
        out.append((week, counts.get(week, 0)))
        week += timedelta(days=7)
    return out


def pain_trend(sessions: Iterable[Mapping[str, Any]]) -> list[tuple[datetime, int | None, int | None]]:
    """(when, pain during, pain next morning) in time order, for the pain-trend figure."""
    return [(_started(s), s.get("pain_during"), s.get("pain_next_morning")) for s in sorted(sessions, key=_started)]
