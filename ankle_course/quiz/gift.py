"""Moodle GIFT export of the question bank.

GIFT reserves ~ = # { } : and the backslash; each is written with a backslash in front, and line
breaks become spaces, so any prompt survives the round trip. Types map as follows:

- single, identify -> multiple choice (one right answer); identify questions lose their figure, so
  their prompts describe the structure in words.
- multiple -> multiple choice with several right answers, weighted to give the course's partial credit:
  each right option +100/k %, each wrong option −100/k % (k = number of right options); Moodle floors
  the total at 0 as the course does.
- true_false -> true/false.
- matching -> matching (extra distractors as "= -> distractor").
- ordering -> matching of each item to its position ("1st", "2nd", ...). Moodle then gives credit per
  item in the right position, which is stricter than the course's pair rule; noted in the export.
The explanation becomes the general feedback (####).
"""

from __future__ import annotations

from typing import Iterable

from ..content.records import Question
from .scoring import matching_options

SPECIAL = "\\~=#{}:"
ORDINALS = ("1st", "2nd", "3rd") + tuple(f"{i}th" for i in range(4, 21))


def escape(text: str) -> str:
    """Backslash-escape GIFT's special characters; the backslash itself first."""
    out = []
    for ch in " ".join(text.split()):
        out.append("\\" + ch if ch in SPECIAL else ch)
    return "".join(out)


def _weight(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


def question_to_gift(q: Question) -> tuple[str, str | None]:
    """(GIFT text, note or None) for one question."""
    head = f"// module: {q.module}; objective: {q.objective}; audience: {q.audience}; difficulty: {q.difficulty}\n"
    head += f"::{escape(q.id)}::{escape(q.prompt)} {{\n"
    note = None
    lines: list[str] = []
    if q.type in ("single", "identify"):
        lines = [("=" if i == q.answer else "~") + escape(c) for i, c in enumerate(q.choices)]
    elif q.type == "multiple":
        k = len(q.answer)
        lines = [f"~%{_weight(100 / k if i in q.answer else -100 / k)}%{escape(c)}" for i, c in enumerate(q.choices)]
    elif q.type == "true_false":
        lines = ["TRUE" if q.answer else "FALSE"]
    elif q.type == "matching":
        lines = [f"={escape(left)} -> {escape(right)}" for left, right in q.answer.items()]
        lines += [f"= -> {escape(extra)}" for extra in matching_options(q) if extra not in q.answer.values()]
    else:  # ordering
        lines = [f"={escape(q.choices[item])} -> {ORDINALS[pos]}" for pos, item in enumerate(q.answer)]
        note = f"{q.id}: ordering exported as matching (item -> position); Moodle scores each position separately"
    body = "\n".join(f"    {line}" for line in lines)
    return f"{head}{body}\n    ####{escape(q.explanation)}\n}}\n", note


def to_gift(questions: Iterable[Question]) -> tuple[str, list[str]]:
    """The whole bank as GIFT text, grouped in one category per module; plus notes on lossy exports."""
    parts, notes, module = [], [], None
    for q in questions:
        if q.module != module:
            module = q.module
            parts.append(f"$CATEGORY: ankle_course/{module}\n")
        text, note = question_to_gift(q)
        parts.append(text)
        if note:
            notes.append(note)
    return "\n".join(parts), notes
