"""Pain-monitoring rules: when to progress, keep going or ease off, and when to try one-leg calf raises."""

from __future__ import annotations

from datetime import date

import pytest

from ankle_course.progression import (
    EASE_OFF, KEEP, NEED_RATINGS, PROGRESS, advise, calf_raise_advice, pain_trend, ready_for_single_leg,
    sessions_per_week, weekly_trend_advice,
)


def session(day: str, exercise="calf_raise_double", sets=3, reps=45, completed=True, during=1, morning=1, n=0):
    return {"id": f"s{day.replace('-', '')}{n}", "exercise": exercise, "dosage": "Building up: 15 reps × 3 sets",
            "started": f"{day}T09:00:00+00:00", "reps_done": reps, "sets_done": sets, "completed": completed,
            "pain_during": during, "pain_next_morning": morning}


@pytest.mark.parametrize("during, morning, kind", [
    (0, 0, PROGRESS), (2, 2, PROGRESS), (3, 1, KEEP), (5, 2, KEEP),  # up to 5/10, settled by morning
    (6, 0, EASE_OFF), (10, None, EASE_OFF),  # too painful during
    (4, 3, EASE_OFF), (None, 7, EASE_OFF),  # not settled by morning
    (4, None, NEED_RATINGS), (None, None, NEED_RATINGS),
])
def test_advice_follows_the_pain_monitoring_model(during, morning, kind):
    assert advise(during, morning).kind == kind


def test_an_unfinished_comfortable_session_is_keep_not_progress():
    assert advise(1, 0, completed=False).kind == KEEP


@pytest.mark.parametrize("bad", [-1, 11, 2.5, "3", True])
def test_pain_outside_0_to_10_is_refused_plainly(bad):
    with pytest.raises(ValueError, match="from 0 .no pain. to 10"):
        advise(bad, 0)


def test_advice_text_carries_a_symbol_and_words():
    advice = advise(7, 2)
    assert advice.symbol == "⬇" and "Ease off" in advice.text


def test_two_comfortable_full_sessions_in_a_row_unlock_single_leg_raises():
    sessions = [session("2025-03-01"), session("2025-03-03")]
    assert ready_for_single_leg(sessions)
    assert "ready to try the single-leg" in calf_raise_advice(sessions)


@pytest.mark.parametrize("latest", [
    session("2025-03-03", during=4),  # comfortable means 2/10 or less
    session("2025-03-03", morning=3),  # not settled
    session("2025-03-03", sets=2, reps=30),  # not the full 3 x 15
    session("2025-03-03", completed=False),
    session("2025-03-03", morning=None),  # not rated yet
])
def test_single_leg_waits_until_the_latest_sessions_are_all_comfortable(latest):
    assert not ready_for_single_leg([session("2025-03-01"), latest])


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
