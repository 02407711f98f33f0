"""The exercise timer keeps true time through pauses and late refreshes, and refuses impossible dosages."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ankle_course.timer import (
    DONE,
    FINISHED,
    GET_READY,
    HOLD,
    IDLE,
    PAUSED,
    RELAX,
    REST,
    RUNNING,
    STOPPED,
    ExerciseTimer,
    TimerDosage,
    build_schedule,
    state_at,
)


class FakeClock:
    def __init__(self, now: float = 1000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


SMALL = TimerDosage(reps=2, sets=2, hold_s=5, rest_s=10, get_ready_s=3, relax_s=2)
# get ready 0-3, s1: hold 3-8, relax 8-10, hold 10-15, rest 15-25; s2: hold 25-30, relax 30-32, hold 32-37 -> 37 s


@pytest.fixture
def clock():
    return FakeClock()


def started(dosage=SMALL, clock=None):
    timer = ExerciseTimer(dosage, clock=clock)
    timer.start()
    return timer


def test_session_length_is_get_ready_plus_holds_relaxes_and_rests():
    assert build_schedule(SMALL)[-1].end == 3 + 4 * 5 + 2 * 2 + 10


def test_phases_run_in_order_with_rep_and_set_numbers():
    seen = [(s.phase, s.rep, s.set) for s in build_schedule(SMALL)]
    assert seen == [(GET_READY, 1, 1), (HOLD, 1, 1), (RELAX, 1, 1), (HOLD, 2, 1), (REST, 2, 1),
                    (HOLD, 1, 2), (RELAX, 1, 2), (HOLD, 2, 2)]


def test_a_new_timer_is_idle_and_shows_the_start_of_the_session(clock):
    timer = ExerciseTimer(SMALL, clock=clock)
    assert timer.status == IDLE and timer.tick() == []
    assert timer.state.phase == GET_READY and timer.state.progress == 0


def test_first_tick_announces_get_ready_and_counts_down(clock):
    timer = started(clock=clock)
    assert [e.phase for e in timer.tick()] == [GET_READY]
    clock.advance(1.25)
    assert timer.tick() == []
    assert timer.state.remaining_s == pytest.approx(1.75)


def test_position_text_names_rep_and_set(clock):
    timer = started(clock=clock)
    clock.advance(26)
    assert timer.state.position == "Rep 1 of 2 · Set 2 of 2"


def test_a_late_tick_jumps_through_every_phase_it_missed(clock):
    timer = started(clock=clock)
    timer.tick()
    clock.advance(26)  # a refresh that arrives 26 s late
    events = timer.tick()
    assert [e.phase for e in events] == [HOLD, RELAX, HOLD, REST, HOLD]
    assert [e.at_s for e in events] == [3, 8, 10, 15, 25]
    state = timer.state
    assert (state.phase, state.rep, state.set, state.remaining_s) == (HOLD, 1, 2, 4)
    assert state.reps_done == 2 and state.sets_done == 1


def test_paused_time_does_not_count(clock):
    timer = started(clock=clock)
    clock.advance(4)
    timer.pause()
    clock.advance(600)
    assert timer.status == PAUSED and timer.state.elapsed_s == 4
    timer.resume()
    clock.advance(1)
    assert timer.status == RUNNING and timer.state.elapsed_s == 5


def test_pause_and_resume_twice_are_harmless(clock):
    timer = started(clock=clock)
    clock.advance(2)
    timer.pause()
    clock.advance(3)
    timer.pause()
    clock.advance(3)
    timer.resume()
    timer.resume()
    clock.advance(1)
    assert timer.state.elapsed_s == 3


def test_stop_freezes_the_state_and_keeps_reps_done(clock):
    timer = started(clock=clock)
    clock.advance(11)
    timer.stop()
    clock.advance(100)
    assert timer.status == STOPPED
    assert timer.state.elapsed_s == 11 and timer.state.reps_done == 1 and timer.state.sets_done == 0


def test_the_session_ends_done_with_full_progress_and_a_done_event(clock):
    timer = started(clock=clock)
    timer.tick()
    clock.advance(1000)
    events = timer.tick()
    assert events[-1].phase == DONE and timer.status == FINISHED
    state = timer.state
    assert state.phase == DONE and state.progress == 1 and state.reps_done == 4 and state.sets_done == 2
    assert timer.tick() == []


def test_start_again_after_stop_begins_a_fresh_session(clock):
    timer = started(clock=clock)
    clock.advance(20)
    timer.stop()
    timer.start()
    assert timer.status == RUNNING and timer.state.elapsed_s == 0
    assert [e.phase for e in timer.tick()] == [GET_READY]


def test_start_while_running_does_not_restart(clock):
    timer = started(clock=clock)
    clock.advance(6)
    timer.start()
    assert timer.state.elapsed_s == 6


def test_zero_length_phases_are_skipped():
    dosage = TimerDosage(reps=3, sets=1, hold_s=2, rest_s=0, get_ready_s=0, relax_s=0)
    assert [s.phase for s in build_schedule(dosage)] == [HOLD, HOLD, HOLD]


def test_back_to_back_holds_each_announce_a_phase_change(clock):
    timer = started(TimerDosage(reps=3, sets=1, hold_s=2, rest_s=0, get_ready_s=0, relax_s=0), clock)
    clock.advance(4.5)
    assert [(e.phase, e.rep) for e in timer.tick()] == [(HOLD, 1), (HOLD, 2), (HOLD, 3)]


@pytest.mark.parametrize("field, value, message", [
    ("reps", 0, "Repetitions per set must be at least 1"),
    ("sets", -2, "Sets must be at least 1"),
    ("hold_s", 0, "Hold must be at least 1 and at most 120 seconds (you entered 0)"),
    ("hold_s", 100000, "Hold must be at least 1 and at most 120 seconds (you entered 100000)"),
    ("rest_s", -5, "Rest between sets must be 0 or more"),
    ("reps", 2.5, "Repetitions per set must be a whole number"),
    ("sets", True, "Sets must be a whole number"),
])
def test_impossible_dosages_are_refused_with_a_plain_message(field, value, message):
    values = {"reps": 10, "sets": 3, "hold_s": 5, "rest_s": 30, field: value}
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        TimerDosage(**values)


def test_every_problem_is_reported_at_once():
    with pytest.raises(ValueError) as info:
        TimerDosage(reps=0, sets=0, hold_s=0, rest_s=0)
    assert "Repetitions" in str(info.value) and "Sets" in str(info.value) and "Hold" in str(info.value)


# ------------------------------------------------------------------ property: true time, whatever happens
dosages = st.builds(TimerDosage, reps=st.integers(1, 6), sets=st.integers(1, 3), hold_s=st.integers(1, 8),
                    rest_s=st.integers(0, 10), get_ready_s=st.integers(0, 4), relax_s=st.integers(0, 3))
# quarter seconds add up exactly in floating point, so the model's sum and the clock agree bit for bit
operations = st.lists(st.one_of(
    st.tuples(st.just("advance"), st.integers(0, 200).map(lambda q: q / 4)),
    st.tuples(st.just("pause"), st.none()),
    st.tuples(st.just("resume"), st.none()),
    st.tuples(st.just("tick"), st.none()),
), max_size=40)


@settings(max_examples=300, deadline=None)
@given(dosage=dosages, ops=operations)
def test_state_always_equals_the_state_at_total_active_elapsed_time(dosage, ops):
    clock = FakeClock(5000.0)
    timer = started(dosage, clock)
    active, paused, announced = 0.0, False, []
    for op, arg in ops:
        if op == "advance":
            clock.advance(arg)
            if not paused:
                active += arg
        elif op == "pause":
            timer.pause()
            paused = paused or active < timer.total_s  # pausing a finished session is a no-op
        elif op == "resume":
            timer.resume()
            paused = False
        else:
            announced += timer.tick()
        assert timer.state == state_at(dosage, min(active, timer.total_s))
    announced += timer.tick()
    # every phase entered is announced exactly once, in schedule order
    expected = [s.start for s in timer.schedule if s.start <= min(active, timer.total_s)]
    got = [e.at_s for e in announced if e.phase != DONE]
    assert got == expected
