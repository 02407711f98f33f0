"""Pain-monitoring rules: when to progress, keep going or ease off, and when to try one-leg calf raises.

The numbers come from programme.toml; these tests use the shipped values (5/10 during, back to the usual
morning level, comfortable at or under about 2 to 3/10, two sessions running)."""

from __future__ import annotations

from datetime import date

import pytest

from ankle_course.progression import (
    EASE_OFF,
    KEEP,
    NEED_RATINGS,
    PROGRESS,
    advise,
    next_exercise_advice,
    pain_trend,
    progression_advice,
    ready_for_next,
    rule,
    sessions_per_week,
    weekly_trend_advice,
)


def ready_for_single_leg(sessions, usual_morning=0):
    return ready_for_next(sessions, "calf_raise_double", usual_morning)


def session(day: str, exercise="calf_raise_double", sets=3, reps=45, completed=True, during=1, morning=0, n=0):
    return {"id": f"s{day.replace('-', '')}{n}", "exercise": exercise, "dosage": "Building up: 15 reps × 3 sets",
            "started": f"{day}T09:00:00+00:00", "reps_done": reps, "sets_done": sets, "completed": completed,
            "pain_during": during, "pain_next_morning": morning}


@pytest.mark.parametrize("during, morning, kind", [
    (0, 0, KEEP), (3, 0, KEEP), (5, 0, KEEP),  # up to 5/10, back to a usual morning of 0
    (6, 0, EASE_OFF), (10, None, EASE_OFF),  # too painful during
    (4, 1, EASE_OFF), (None, 7, EASE_OFF),  # not back to the usual level by morning
    (4, None, NEED_RATINGS), (None, None, NEED_RATINGS),
])
def test_one_session_follows_the_pain_monitoring_model(during, morning, kind):
    assert advise(during, morning, usual_morning=0).kind == kind


@pytest.mark.parametrize("during, morning, kind", [
    (3, 3, KEEP), (5, 3, KEEP), (2, 2, KEEP),  # back to (or below) a usual morning of 3 is settled
    (3, 4, EASE_OFF), (6, 3, EASE_OFF),
])
def test_a_usual_morning_of_3_counts_as_settled_not_as_ease_off(during, morning, kind):
    assert advise(during, morning, usual_morning=3).kind == kind


def test_with_a_usual_morning_of_3_two_comfortable_sessions_running_mean_progress():
    sessions = [session("2025-03-01", during=3, morning=3), session("2025-03-03", during=2, morning=3)]
    assert progression_advice(sessions, "calf_raise_double", usual_morning=3).kind == PROGRESS
    assert ready_for_single_leg(sessions, usual_morning=3)
    # the same mornings judged against an absolute 2/10 would say ease off for ever: the rule does not
    assert progression_advice(sessions, "calf_raise_double", usual_morning=0).kind == EASE_OFF


def test_progress_needs_two_comfortable_sessions_running_not_one():
    one = [session("2025-03-01", during=4), session("2025-03-03", during=2)]  # 4/10 is fine, not comfortable
    assert progression_advice(one, "calf_raise_double").kind == KEEP
    two = one + [session("2025-03-05", during=3)]
    assert progression_advice(two, "calf_raise_double").kind == PROGRESS


def test_the_rule_is_the_one_in_programme_toml():
    plan = rule()
    assert (plan.pain_during_max, plan.comfortable_low, plan.comfortable_high, plan.sessions_to_confirm,
            plan.morning_margin) == (5, 2, 3, 2, 0)


def test_an_unfinished_comfortable_session_is_not_progress():
    assert progression_advice([session("2025-03-01", completed=False), session("2025-03-02", completed=False)],
                              "calf_raise_double").kind == KEEP


@pytest.mark.parametrize("bad", [-1, 11, 2.5, "3", True])
def test_pain_outside_0_to_10_is_refused_plainly(bad):
    with pytest.raises(ValueError, match="from 0 .no pain. to 10"):
        advise(bad, 0)


def test_advice_text_carries_a_symbol_and_words():
    advice = advise(7, 2, usual_morning=2)
    assert advice.symbol == "⬇" and "Ease off" in advice.text


def test_two_comfortable_full_sessions_in_a_row_unlock_single_leg_raises():
    sessions = [session("2025-03-01"), session("2025-03-03")]
    assert ready_for_single_leg(sessions)
    assert "ready to try the calf raise on one leg" in next_exercise_advice(sessions, "calf_raise_double")


@pytest.mark.parametrize("latest", [
    session("2025-03-03", during=4),  # comfortable means about 2 to 3/10 or less
    session("2025-03-03", morning=3),  # not back to a usual morning of 1
    session("2025-03-03", sets=2, reps=30),  # not the full 3 x 15
    session("2025-03-03", completed=False),
    session("2025-03-03", morning=None),  # not rated yet
])
def test_single_leg_waits_until_the_latest_sessions_are_all_comfortable(latest):
    assert not ready_for_single_leg([session("2025-03-01"), latest], usual_morning=1)


def test_one_good_session_is_not_enough_and_other_exercises_do_not_count():
    assert not ready_for_single_leg([session("2025-03-01")])
    assert not ready_for_single_leg([session("2025-03-01", exercise="banded_inversion"), session("2025-03-02")])


def test_an_old_bad_session_does_not_block_progress_once_recent_ones_are_good():
    sessions = [session("2025-03-05"), session("2025-02-01", during=8), session("2025-03-06")]
    assert ready_for_single_leg(sessions)


def test_pain_creeping_up_week_on_week_means_ease_off():
    sessions = [session("2025-03-03", morning=0), session("2025-03-04", morning=1),
                session("2025-03-10", morning=2), session("2025-03-11", morning=2)]
    advice = weekly_trend_advice(sessions, today=date(2025, 3, 12))
    assert advice is not None and advice.kind == EASE_OFF
    assert weekly_trend_advice(sessions[:2], today=date(2025, 3, 5)) is None


def test_sessions_per_week_fills_empty_weeks_with_zero():
    weeks = sessions_per_week([session("2025-03-03"), session("2025-03-05", n=1), session("2025-03-19")])
    assert weeks == [(date(2025, 3, 3), 2), (date(2025, 3, 10), 0), (date(2025, 3, 17), 1)]
    assert sessions_per_week([]) == []


def test_pain_trend_is_in_time_order():
    trend = pain_trend([session("2025-03-05", during=4), session("2025-03-01", during=2)])
    assert [p for _, p, _ in trend] == [2, 4]
