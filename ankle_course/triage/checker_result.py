"""What a learner reads from a symptom-checker result: the triage level in words, what to do now, and
the most likely conditions by name with the engine's reasons.

Pure (no widgets): the widget only lays this out. Triage always comes first and is spelled out in a
word, a symbol and an action, so the meaning never rests on colour.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..content import Course, course
from ..content.levels import ACTION, LEVEL_SYMBOL, LEVEL_WORD, TRIAGE_LEVELS

# The levels' words, symbols and actions are defined once, in content.levels; this module lays them out.
NOT_A_DIAGNOSIS = ("This is education, not a diagnosis. The checker cannot examine you and can be wrong; "
                   "if you are worried, see a doctor or physical therapist.")
TOP_N = 5


@dataclass(frozen=True)
class Likely:
    condition_id: str
    name: str
    short_name: str
    probability: float

    @property
    def percent(self) -> str:
        return f"{round(self.probability * 100)}%"


@dataclass(frozen=True)
class Explanation:
    level: str
    headline: str  # e.g. "⛔ Emergency: Call an ambulance or go to an emergency department now."
    likely: tuple[Likely, ...]
    reasons: tuple[str, ...]

    @property
    def word(self) -> str:
        return LEVEL_WORD[self.level]

    @property
    def action(self) -> str:
        return ACTION[self.level]


def headline(level: str) -> str:
    return f"{LEVEL_SYMBOL[level]} {LEVEL_WORD[level]}: {ACTION[level]}"


def explain(result: Any, content: Course | None = None, top_n: int = TOP_N) -> Explanation:
    """Turn an `assess` result (triage, differential, reasons) into what the learner reads."""
    if result.triage not in TRIAGE_LEVELS:
        raise ValueError(f"unknown triage level {result.triage!r}")
    conditions = (content or course()).conditions
    likely = []
    for condition_id, probability in list(result.differential)[:top_n]:
        cond = conditions.get(condition_id)
        name = cond.name if cond else condition_id.replace("_", " ")
        short = (cond.short_name or cond.name) if cond else name
        likely.append(Likely(condition_id, name, short, float(probability)))
    return Explanation(result.triage, headline(result.triage), tuple(likely), tuple(result.reasons))
