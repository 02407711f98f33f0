"""The symptom checker's questions and how a person's answers become triage findings.

Pure logic (no widgets), so it is tested directly and the widget stays a thin view. The questions come
from content/data/symptom_questions.toml, keyed by the finding ids of the symptom-checker contract.
An unanswered question ("Not sure / skip") leaves its finding out of the dict: the engine reads an
absent finding as unknown, never as "no".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..content import Course, course
from ..content.records import TRACKS, SymptomQuestion

SECTION_TITLES = {
    # warning signs first: they decide how fast to get care, whatever else is answered
    "warning": "Warning signs: answer these first",
    "story": "How it started",
    "symptoms": "What you feel",
    "about_you": "About you",
    "clinical_tests": "Clinical tests (PT-student mode)",
}
SKIP = "skip"  # the value of every "Not sure / skip" option
SKIP_LABEL = "Not sure / skip"
NONE_OF_THESE = "none_of_these"
NONE_OF_THESE_LABEL = "None of these"
_UNIT_DAYS = {"day": 1, "days": 1, "d": 1, "week": 7, "weeks": 7, "w": 7, "month": 30, "months": 30, "m": 30,
              "year": 365, "years": 365, "y": 365}


def questions_for(track: str, content: Course | None = None) -> list[SymptomQuestion]:
    """The questions asked in a mode, in asking order; learner mode leaves out the clinical tests."""
    if track not in TRACKS:
        raise ValueError(f"track must be one of {', '.join(TRACKS)}, not {track!r}")
    content = content or course()
    qs = list(content.symptom_questions.values())
    order = list(SECTION_TITLES)
    asked = [q for q in qs if track == "pt_student" or q.track == "both"]
    return sorted(asked, key=lambda q: order.index(q.section))  # stable: file order within a section


@dataclass(frozen=True)
class NumberAnswer:
    """A typed number after checking: the value to use, or a message saying why it was ignored."""

    value: int | None
    message: str | None = None


def parse_number(text: str, question: SymptomQuestion) -> NumberAnswer:
    """Read a typed age or duration. Empty means skipped; anything unusable is ignored with a reason.

    Durations (questions whose id ends in `_days`) also accept "3 weeks", "2 months", "1 year".
    """
    text = (text or "").strip().lower()
    if not text:
        return NumberAnswer(None)
    low, high = question.min, question.max
    match = re.fullmatch(r"(\d{1,6})\s*([a-z]*)", text)
    unit = match.group(2) if match else ""
    allows_units = question.id.endswith("_days")
    if not match or (unit and (not allows_units or unit not in _UNIT_DAYS)):
        example = "a number of days, or for example '3 weeks'" if allows_units else "a whole number"
        return NumberAnswer(None, f"“{text[:30]}” is not understood: type {example}. This answer is ignored.")
    value = int(match.group(1)) * (_UNIT_DAYS[unit] if unit else 1)
    if low is not None and high is not None and not low <= value <= high:
        unit_word = " days" if allows_units else ""
        return NumberAnswer(None, f"{value}{unit_word} is outside the range {low} to {high}{unit_word}. "
                                  "This answer is ignored.")
    return NumberAnswer(value)


@dataclass(frozen=True)
class Reading:
    """The findings to send to the engine, and a message for each typed answer that was ignored."""

    findings: dict[str, Any]
    messages: dict[str, str]


def read_answers(answers: Mapping[str, Any], track: str, content: Course | None = None) -> Reading:
    """Turn the checker's answers (as its controls hold them) into the findings dict for `assess`.

    Per question type, an answer is:
      bool   "yes" | "no" | SKIP (or True / False / None)
      choice a choice id | SKIP (or None)
      set    a tuple of ticked choice ids, possibly with NONE_OF_THESE; nothing ticked means skipped
      int    the typed text ("" is skipped; unusable text is ignored with a message), or an int
    A skipped question leaves its finding out (unknown, not "no"). Questions the mode does not ask are
    dropped, so switching from PT-student to learner mode never leaves a hidden test answer behind.
    """
    content = content or course()
    asked = {q.id: q for q in questions_for(track, content)}
    findings: dict[str, Any] = {}
    messages: dict[str, str] = {}
    for qid, raw in answers.items():
        if qid not in content.symptom_questions:
            raise ValueError(f"unknown question {qid!r}; expected an id from symptom_questions.toml")
        q = asked.get(qid)
        if q is None:
            continue
        if q.type == "int" and isinstance(raw, str):
            parsed = parse_number(raw, q)
            if parsed.message:
                messages[qid] = parsed.message
            raw = parsed.value
        value = _finding_value(q, raw)
        if value is not None:
            findings[qid] = value
    return Reading(findings, messages)


def answers_to_findings(answers: Mapping[str, Any], track: str, content: Course | None = None) -> dict[str, Any]:
    """Just the findings of `read_answers`."""
    return read_answers(answers, track, content).findings


def _finding_value(q: SymptomQuestion, raw: Any) -> Any:
    """The finding for one answer, or None when it is skipped; a value the question cannot take is a bug."""
    if raw is None or raw == SKIP:
        return None
    if q.type == "bool":
        if raw in ("yes", "no"):
            return raw == "yes"
        if isinstance(raw, bool):
            return raw
    elif q.type == "choice":
        if raw in q.choices:
            return raw
    elif q.type == "set":
        if isinstance(raw, (list, tuple, set, frozenset)) and set(raw) <= {*q.choices, NONE_OF_THESE}:
            if not raw:
                return None
            if NONE_OF_THESE in raw and len(set(raw)) > 1:
                raise ValueError(f"{q.id}: '{NONE_OF_THESE}' cannot be ticked together with other answers")
            return [c for c in q.choices if c in raw]  # contract order, no duplicates
    elif q.type == "int":
        # min and max are there for every int question (the schema refuses one without them)
        if (isinstance(raw, int) and not isinstance(raw, bool) and q.min is not None and q.max is not None
                and q.min <= raw <= q.max):
            return raw
    raise ValueError(f"{q.id}: {raw!r} is not a valid answer to a {q.type} question")
