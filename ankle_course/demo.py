"""The moving demonstration: which frame of an exercise to show, from the exercise timer's state alone.

The timer (ankle_course.timer) is the only clock. A view reads the timer's state on its own refresh, asks
`demo_fraction` how far into the end position the figure is, and draws the blended pose; so the figure
can never drift from the count, and a late refresh simply shows the right frame for the true time.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .timer import DONE, GET_READY, HOLD, RELAX, REST, Segment, TimerState

MOVE_S = 1.5  # seconds to move into (or out of) the end position at the start of a hold (or a relax)


def demo_fraction(state: TimerState, schedule: Sequence[Segment]) -> float:
    """How far into the end position the demonstration is, from the timer's phase and time alone.

    Into the end position at the start of each hold (and kept there), back to the start during the
    relax, still in the start position while getting ready, resting between sets and when done. No
    clock of its own: the same timer state always gives the same frame.
    """
    if state.phase in (GET_READY, REST, DONE) or state.segment_index >= len(schedule):
        return 0.0
    seg = schedule[state.segment_index]
    into = (seg.end - seg.start) - state.remaining_s
    move = min(MOVE_S, (seg.end - seg.start) / 2)
    ramp = min(1.0, max(0.0, into / move)) if move > 0 else 1.0
    ramp = 0.5 - 0.5 * math.cos(math.pi * ramp)  # ease in and out, as a person moves
    if state.phase == HOLD:
        return ramp
    if state.phase == RELAX:
        return 1.0 - ramp
    return 0.0


def quantise(fraction: float, steps: int = 12) -> float:
    """The nearest of `steps` frames, so a view redraws only when the picture really changes."""
    return round(min(1.0, max(0.0, fraction)) * steps) / steps
