"""The exercise timer as a pure state machine: no widgets, no sleeping, an injectable clock.

Everything a learner sees (phase, rep, set, seconds left, progress) is *derived* from the active
elapsed time: clock time since Start minus time spent paused. The timer never counts ticks, so a
refresh that arrives late (a busy kernel, a laptop waking from sleep) still shows the true state,
jumping through as many phases as really went by.

A session runs: get ready -> (hold, relax, hold, relax, ..., hold) for each set, with a rest
between sets -> done. Phases of zero length (no get-ready, no relax, no rest) are skipped.
"""

from __future__ import annotations

import bisect
import time
from dataclasses import dataclass

from .clock import Stopwatch
from .content.records import DOSAGE_LIMITS

GET_READY = "get_ready"
HOLD = "hold"
RELAX = "relax"
REST = "rest"
DONE = "done"
PHASE_LABELS = {
    GET_READY: "Get ready",
    HOLD: "Hold",
    RELAX: "Relax",
    REST: "Rest between sets",
    DONE: "Done",
}

IDLE, RUNNING, PAUSED, STOPPED, FINISHED = "idle", "running", "paused", "stopped", "finished"

LIMITS = DOSAGE_LIMITS  # shared with the content check (content.records)


@dataclass(frozen=True)
class TimerDosage:
    """What one session asks for. Invalid values raise ValueError with a message a learner can act on."""

    reps: int
    sets: int
    hold_s: int
    rest_s: int
    get_ready_s: int = 5
    relax_s: int = 3

    def __post_init__(self) -> None:
        problems = [problem for name in LIMITS if (problem := _check(name, getattr(self, name)))]
        if problems:
            raise ValueError(" ".join(problems))


def _check(name: str, value: object) -> str | None:
    low, high, label, unit = LIMITS[name]
    if isinstance(value, bool) or not isinstance(value, int):
        return f"{label} must be a whole number (you entered {value!r})."
    if value < low or value > high:
        least = "at least 1" if low == 1 else f"{low} or more"
        return f"{label} must be {least} and at most {high}{unit} (you entered {value})."
    return None


@dataclass(frozen=True)
class Segment:
    """One stretch of the session: a phase, which rep and set it belongs to, when it starts and ends."""

    phase: str
    rep: int
    set: int
    start: float
    end: float


def build_schedule(dosage: TimerDosage) -> tuple[Segment, ...]:
    """The whole session laid out in time, so any moment's state is a lookup, not a simulation."""
    segments: list[Segment] = []
    t = 0.0

    def add(phase: str, rep: int, set_: int, length: int) -> None:
        nonlocal t
        if length > 0:
            segments.append(Segment(phase, rep, set_, t, t + length))
            t += length

    add(GET_READY, 1, 1, dosage.get_ready_s)
    for set_ in range(1, dosage.sets + 1):
        for rep in range(1, dosage.reps + 1):
            add(HOLD, rep, set_, dosage.hold_s)
            if rep < dosage.reps:
                add(RELAX, rep, set_, dosage.relax_s)
        if set_ < dosage.sets:
            add(REST, dosage.reps, set_, dosage.rest_s)
    return tuple(segments)


@dataclass(frozen=True)
class TimerState:
    """What the learner sees at one moment."""

    phase: str
    rep: int
    set: int
    reps_per_set: int
    sets: int
    remaining_s: float
    progress: float
    elapsed_s: float
    reps_done: int
    sets_done: int
    segment_index: int  # position in the schedule; len(schedule) once done

    @property
    def label(self) -> str:
        return PHASE_LABELS[self.phase]

    @property
    def position(self) -> str:
        """E.g. 'Rep 3 of 10 · Set 1 of 3'."""
        return f"Rep {self.rep} of {self.reps_per_set} · Set {self.set} of {self.sets}"


def state_at(dosage: TimerDosage, elapsed: float, schedule: tuple[Segment, ...] | None = None) -> TimerState:
    """The state after `elapsed` seconds of active (unpaused) exercise."""
    schedule = schedule if schedule is not None else build_schedule(dosage)
    total = schedule[-1].end
    elapsed = min(max(0.0, elapsed), total)
    holds_finished = sum(1 for seg in schedule if seg.phase == HOLD and seg.end <= elapsed)
    sets_done = holds_finished // dosage.reps
    if elapsed >= total:
        return TimerState(DONE, dosage.reps, dosage.sets, dosage.reps, dosage.sets, 0.0, 1.0, total,
                          holds_finished, sets_done, len(schedule))
    index = bisect.bisect_right([seg.end for seg in schedule], elapsed)
    seg = schedule[index]
    return TimerState(seg.phase, seg.rep, seg.set, dosage.reps, dosage.sets, seg.end - elapsed, elapsed / total,
                      elapsed, holds_finished, sets_done, index)


@dataclass(frozen=True)
class PhaseChange:
    """Emitted once for every phase entered, in order, even when one late refresh crosses several."""

    phase: str
    rep: int
    set: int
    at_s: float  # active seconds into the session when the phase began

    @property
    def label(self) -> str:
        return PHASE_LABELS[self.phase]


class ExerciseTimer:
    """Start, pause, resume and stop one session; `tick()` reports the phases entered since the last tick.

    Pause and resume are idempotent (pressing Pause twice is harmless); Start on a running or paused
    session does nothing; Start after Stop or the end begins a fresh session.
    """

    def __init__(self, dosage: TimerDosage, clock: Stopwatch = time.monotonic):
        self.dosage = dosage
        self.schedule = build_schedule(dosage)
        self.total_s = self.schedule[-1].end
        self._clock = clock
        self._started_at: float | None = None
        self._paused_total = 0.0
        self._paused_at: float | None = None
        self._stopped_elapsed: float | None = None
        self._reported = -1  # index of the last segment announced by tick()

    # ------------------------------------------------------------------ controls
    def start(self) -> None:
        if self.status in (RUNNING, PAUSED):
            return
        self._started_at = self._clock()
        self._paused_total = 0.0
        self._paused_at = None
        self._stopped_elapsed = None
        self._reported = -1

    def pause(self) -> None:
        if self.status == RUNNING:
            self._paused_at = self._clock()

    def resume(self) -> None:
        if self.status == PAUSED and self._paused_at is not None:
            self._paused_total += self._clock() - self._paused_at
            self._paused_at = None

    def stop(self) -> None:
        if self.status in (RUNNING, PAUSED):
            self._stopped_elapsed = self.elapsed_s

    # ------------------------------------------------------------------ reading
    @property
    def elapsed_s(self) -> float:
        """Active seconds: clock time since Start, minus pauses, capped at the session's length."""
        if self._started_at is None:
            return 0.0
        if self._stopped_elapsed is not None:
            return self._stopped_elapsed
        now = self._paused_at if self._paused_at is not None else self._clock()
        return min(self.total_s, max(0.0, now - self._started_at - self._paused_total))

    @property
    def status(self) -> str:
        if self._started_at is None:
            return IDLE
        if self._stopped_elapsed is not None:
            return FINISHED if self._stopped_elapsed >= self.total_s else STOPPED
        if self.elapsed_s >= self.total_s:
            return FINISHED
        return PAUSED if self._paused_at is not None else RUNNING

    @property
    def state(self) -> TimerState:
        return state_at(self.dosage, self.elapsed_s, self.schedule)

    def tick(self) -> list[PhaseChange]:
        """Phases entered since the last tick (several if the tick came late); empty if none."""
        if self._started_at is None:
            return []
        current = self.state.segment_index
        events = []
        for index in range(self._reported + 1, current + 1):
            if index < len(self.schedule):
                seg = self.schedule[index]
                events.append(PhaseChange(seg.phase, seg.rep, seg.set, seg.start))
            else:
                events.append(PhaseChange(DONE, self.dosage.reps, self.dosage.sets, self.total_s))
        self._reported = max(self._reported, current)
        return events
