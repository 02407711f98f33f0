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

Metadata travels as Moodle's own markers, on a comment line just above each question:
`// [id:an_fdl_toes] [tag:module:anatomy] [tag:objective:tarsal_tunnel] [tag:audience:learner]
[tag:difficulty:2]`. Moodle (4.0 and later) reads `[id:...]` into the question's ID number and each
`[tag:...]` into a question tag (`qformat_gift::extract_idnumber_and_tags_from_comment` in Moodle's
question/format/gift/format.php, which also writes them the same way on export); gift-pegjs reads the same
markers into `id` and `tags`. Older importers see only a comment and ignore it. A `]` inside a marker is
written `\\]`, as Moodle does; course ids never contain one.

Questions are grouped by module, one `$CATEGORY: ankle_course/<module>` line before each group, so
Moodle makes one category per module however the input was ordered.
"""

from __future__ import annotations

from typing import Iterable

from ..content.records import Question
from .scoring import matching_options

SPECIAL = "\\~=#{}:"
CATEGORY_PREFIX = "ankle_course"
ORDINALS = ("1st", "2nd", "3rd") + tuple(f"{i}th" for i in range(4, 21))


def escape(text: str) -> str:
    """Backslash-escape GIFT's special characters; the backslash itself first."""
    out = []
    for ch in " ".join(text.split()):
        out.append("\\" + ch if ch in SPECIAL else ch)
    return "".join(out)


def _weight(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


def tags(q: Question) -> list[str]:
    """The tags a question carries into the LMS: `kind:value`, so a tag search for "objective:" finds them all."""
    return [f"module:{q.module}", f"objective:{q.objective}", f"audience:{q.audience}", f"difficulty:{q.difficulty}"]


def _marker(kind: str, value: str) -> str:
    return f"[{kind}:" + " ".join(value.split()).replace("]", "\\]") + "]"


def markers_comment(q: Question) -> str:
    """The comment line Moodle reads the question's ID number and tags from (see the module docstring)."""
    return "// " + " ".join([_marker("id", q.id)] + [_marker("tag", t) for t in tags(q)]) + "\n"


def question_to_gift(q: Question) -> tuple[str, str | None]:
    """(GIFT text, note or None) for one question."""
    head = markers_comment(q) + f"::{escape(q.id)}::{escape(q.prompt)} {{\n"
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
    """The whole bank as GIFT text, one category per module (modules in order of first appearance, questions
    in their order within each); plus notes on lossy exports."""
    by_module: dict[str, list[Question]] = {}
    for q in questions:
        by_module.setdefault(q.module, []).append(q)
    parts, notes = [], []
    for module, group in by_module.items():
        parts.append(f"$CATEGORY: {CATEGORY_PREFIX}/{module}\n")
        for q in group:
            text, note = question_to_gift(q)
            parts.append(text)
            if note:
                notes.append(note)
    return "\n".join(parts), notes
