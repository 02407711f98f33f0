"""Pain-guided progression for the home exercise programme, and summaries of the session log.

The rules follow the pain-monitoring model (Silbernagel et al. 2007): exercising with pain up to about
5 out of 10 is acceptable if, by the next morning, the pain is back to the learner's own usual level and
it is not creeping up from week to week; anything else means ease off. The numbers are not here: they
are defined once in content/data/programme.toml, and this module, the exercise cards, the notebook and the
handout all read them from there, so a page can never state a different rule from the advice it gives.
"Back to your usual level" is relative on purpose: a learner whose mornings are usually 3/10 is settled
at 3/10, and an absolute limit would tell them to ease off for ever.

Pure functions over saved sessions (progress schema `exercise_sessions`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import mean
from typing import Any

from .content import Course, course
from .content.records import PROGRAMME_ID, Programme

PROGRAMME = PROGRAMME_ID  # the id of the plan in programme.toml (defined with the record; the loader checks it)
PROGRESS, KEEP, EASE_OFF, NEED_RATINGS = "progress", "keep", "ease_off", "need_ratings"


def rule(content: Course | None = None) -> Programme:
    """The programme's pain rule and frequency, as programme.toml defines them."""
    return (content or course()).programme[PROGRAMME]


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


# ---------------------------------------------------------------------------------------------- the rule in words
def comfortable_words(plan: Programme) -> str:
    low, high = plan.comfortable_low, plan.comfortable_high
    return f"about {low} out of 10" if low == high else f"about {low} to {high} out of 10"


def pain_rule_rows(plan: Programme) -> list[tuple[str, str, str]]:
    """(what, fine, ease off) for each part of the rule: the table on the page and in the handout."""
    settled = "back to your usual level" + (f" (or at most {plan.morning_margin} above it)" if plan.morning_margin else "")
    return [("Pain during the exercise", f"up to about {plan.pain_during_max} out of 10",
             f"above {plan.pain_during_max} out of 10"),
            ("Pain the next morning", settled, "still above your usual level"),
            ("Pain from week to week", "steady or falling", "creeping up")]


def progress_rule_text(plan: Programme) -> str:
    return (f"Progress only when a level has felt comfortable, with pain during it at or under "
            f"{comfortable_words(plan)} and back to your usual level by the next morning, in "
            f"{plan.sessions_to_confirm} sessions running.")


def frequency_text(plan: Programme) -> str:
    return (f"Do the programme on {plan.days_per_week_min} to {plan.days_per_week_max} days a week. Stay at "
            f"least {plan.weeks_at_level_min} week{'s' if plan.weeks_at_level_min > 1 else ''} at a level before "
            f"you step up, and step up only when the progression rule says so. Keep the balance exercise going "
            f"for at least {plan.balance_weeks} weeks.")


# ---------------------------------------------------------------------------------------------- one session
def _settled(pain_next_morning: int, usual_morning: int, plan: Programme) -> bool:
    return pain_next_morning <= usual_morning + plan.morning_margin


def advise(pain_during: int | None, pain_next_morning: int | None, completed: bool = True, usual_morning: int = 0,
           plan: Programme | None = None) -> Advice:
    """What one session's two pain ratings (0-10) say, against the learner's usual morning pain."""
    plan = plan or rule()
    _check_pain("Pain during the session", pain_during)
    _check_pain("Pain the next morning", pain_next_morning)
    _check_pain("Your usual morning pain", usual_morning)
    limit = plan.pain_during_max
    if pain_during is not None and pain_during > limit:
        return Advice(EASE_OFF, f"Pain went above {limit} out of 10 during the exercise. Ease off next "
                                "time: fewer repetitions, less hold, a lighter band or an easier level.")
    if pain_next_morning is not None and not _settled(pain_next_morning, usual_morning, plan):
        return Advice(EASE_OFF, f"By the next morning your pain ({pain_next_morning} out of 10) was still above your "
                                f"usual level ({usual_morning} out of 10). Ease off next time, and see a clinician "
                                "if this keeps happening.")
    if pain_during is None or pain_next_morning is None:
        return Advice(NEED_RATINGS, "Rate your pain during the session and again the next morning to get advice.")
    if pain_during <= plan.comfortable_high and completed:
        return Advice(KEEP, f"That felt comfortable ({comfortable_words(plan)} or less) and was back to your usual "
                            f"level by morning. After {plan.sessions_to_confirm} sessions like this in a row you may "
                            "progress.")
    return Advice(KEEP, f"Pain stayed at {limit} or less and was back to your usual level by morning: that is fine. "
                        "Keep going at this level.")


def is_comfortable(session: Mapping[str, Any], usual_morning: int = 0, plan: Programme | None = None) -> bool:
    """A completed session with pain during at or under the comfortable limit, settled by the next morning."""
    plan = plan or rule()
    during, morning = session.get("pain_during"), session.get("pain_next_morning")
    return (bool(session.get("completed")) and during is not None and during <= plan.comfortable_high
            and morning is not None and _settled(morning, usual_morning, plan))


def progression_advice(sessions: Sequence[Mapping[str, Any]], exercise: str, usual_morning: int = 0,
                       plan: Programme | None = None) -> Advice | None:
    """Advice for the next session of one exercise: its latest session, then the two-in-a-row rule."""
    plan = plan or rule()
    mine = sorted((s for s in sessions if s.get("exercise") == exercise), key=_started)
    if not mine:
        return None
    latest = mine[-1]
    advice = advise(latest.get("pain_during"), latest.get("pain_next_morning"), bool(latest.get("completed")),
                    usual_morning, plan)
    if advice.kind != KEEP:
        return advice
    recent = mine[-plan.sessions_to_confirm:]
    if len(recent) == plan.sessions_to_confirm and all(is_comfortable(s, usual_morning, plan) for s in recent):
        return Advice(PROGRESS, f"Your last {plan.sessions_to_confirm} sessions were comfortable and back to your "
                                "usual level by morning: you may progress (more repetitions or sets, a longer hold, "
                                "a stronger band or the next level).")
    return advice


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


def full_dose(content: Course, exercise: str) -> tuple[int, int]:
    """(sets, reps) of an exercise's last, hardest dosage: what must feel comfortable before its next exercise."""
    last = content.exercises[exercise].dosages[-1]
    return last.sets, last.reps


def ready_for_next(sessions: Iterable[Mapping[str, Any]], exercise: str, usual_morning: int = 0,
                   content: Course | None = None) -> bool:
    """True once the latest sessions of `exercise` were all its full dose and comfortable (the progression rule)."""
    content = content or course()
    plan = rule(content)
    sets, reps = full_dose(content, exercise)
    mine = sorted((s for s in sessions if s.get("exercise") == exercise), key=_started)
    latest = mine[-plan.sessions_to_confirm:]
    return len(latest) == plan.sessions_to_confirm and all(
        s.get("sets_done", 0) >= sets and s.get("reps_done", 0) >= sets * reps
        and is_comfortable(s, usual_morning, plan) for s in latest)


def next_exercise_advice(sessions: Sequence[Mapping[str, Any]], exercise: str, usual_morning: int = 0,
                         content: Course | None = None) -> str | None:
    """Whether to move on from `exercise` to its next exercise (exercises.toml next_exercise); None if it has none."""
    content = content or course()
    ex = content.exercises[exercise]
    if ex.next_exercise is None:
        return None
    plan = rule(content)
    nxt = content.exercises[ex.next_exercise].name.lower()
    sets, reps = full_dose(content, exercise)
    if ready_for_next(sessions, exercise, usual_morning, content):
        return (f"Your last {plan.sessions_to_confirm} sessions of {ex.name.lower()} were a full {sets} × {reps} and "
                f"comfortable: you are ready to try the {nxt}.")
    return (f"Stay with {ex.name.lower()} until {sets} sets of {reps} feel comfortable (pain at or under "
            f"{comfortable_words(plan)}, back to your usual level by morning) in {plan.sessions_to_confirm} sessions "
            "in a row.")


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
