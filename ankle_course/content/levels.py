"""The four triage levels and what each tells a learner to do: the one definition that the content
schemas, the symptom checker, the cases, the start page and the handout all import.

Advice on how soon to get care is a safety fact, so it is written once: `ACTION` is the sentence a learner
reads, and `meaning` is the same advice as a clause inside another sentence ("Urgent: be seen today ...").
A level is always shown with its word and symbol together, so the meaning never rests on colour.
No imports: the bottom of the package, beside the content it describes.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

# most to least urgent; part of the symptom-checker contract (cases and vignettes are written in these ids)
TRIAGE_LEVELS: tuple[str, ...] = ("emergency", "urgent", "routine", "self_care")
# the levels that need care today: a warning sign's action is one of these, and under-triage of them is
# the serious error
URGENT_LEVELS: tuple[str, ...] = TRIAGE_LEVELS[:2]

LEVEL_WORD: Mapping[str, str] = MappingProxyType(
    {"emergency": "Emergency", "urgent": "Urgent", "routine": "Routine", "self_care": "Self-care"})
LEVEL_SYMBOL: Mapping[str, str] = MappingProxyType(
    {"emergency": "⛔", "urgent": "⚠", "routine": "ℹ", "self_care": "✓"})
ACTION: Mapping[str, str] = MappingProxyType({
    "emergency": "Call an ambulance or go to an emergency department now.",
    "urgent": "Be seen today (urgent care, an emergency department or a same-day doctor's appointment).",
    "routine": "Book an appointment with a doctor or physical therapist in the coming days or weeks.",
    "self_care": ("Home care is reasonable; see a clinician if it is not clearly better in 1–2 weeks, "
                  "or at once if a warning sign appears."),
})


def meaning(level: str) -> str:
    """`ACTION[level]` as a clause, to sit inside a sentence: "be seen today (...)"."""
    action = ACTION[level]
    return action[0].lower() + action[1:].rstrip(".")


# The contract's name for the clauses (symptom-checker spec); derived, never written a second time.
TRIAGE_MEANING: Mapping[str, str] = MappingProxyType({level: meaning(level) for level in TRIAGE_LEVELS})


def urgency(level: str) -> int:
    """Rank a triage level so that levels compare with max(): self_care 0 ... emergency 3."""
    return len(TRIAGE_LEVELS) - 1 - TRIAGE_LEVELS.index(level)


def badge_text(level: str) -> str:
    """The symbol and the word, e.g. "⚠ Urgent"."""
    return f"{LEVEL_SYMBOL[level]} {LEVEL_WORD[level]}"
