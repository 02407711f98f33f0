"""Moodle GIFT export of the question bank.

GIFT reserves ~ = # { } : and the backslash; each is written with a backslash in front, and line
breaks become spaces, so any prompt survives the round trip. Without a format marker Moodle reads every
text as HTML, so a literal `a < b` would be garbled and `<b>` would render; so each text Moodle formats
(prompt, choices, general feedback, the left side of a pair) is written as `[html]` followed by the text
with & < > as entities, which Moodle shows as exactly the original characters. The marker goes on every
such text, not only the prompt: Moodle (`qformat_gift::parse_text_with_format`) reads a leading
`[html]`/`[plain]`/`[markdown]`/`[moodle]` on each answer too, so a choice that itself began with
`[plain]` would otherwise change format. The marker also keeps a choice that begins with `%100%` from
being read as an answer weight: Moodle looks for a weight only right after the `~`, and GIFT has no
escape for `%`. Escaping `>` also fixes `->` on the left of a pair: Moodle splits each pair at its first
`->` and has no escape for it, but `-&gt;` is not `->`, and shows as `->`.
The right side of a pair is not a formatted text in Moodle (it is a plain string, shown through
`format_string`, and Moodle's own export writes it raw), so it gets the GIFT escapes only; a `->` there is
harmless, since the split is at the first one. Types map as follows:

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

import html
from collections.abc import Iterable

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


def html_text(text: str) -> str:
    """A text Moodle will format, as `[html]` plus its HTML-escaped, GIFT-escaped form (see the module
    docstring for why the marker goes on every such text); Moodle shows it as the original text."""
    return "[html]" + escape(html.escape(" ".join(text.split()), quote=False))


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
    head = markers_comment(q) + f"::{escape(q.id)}::{html_text(q.prompt)} {{\n"
    note = None
    lines: list[str] = []
    if q.type in ("single", "identify"):
        lines = [("=" if i == q.answer else "~") + html_text(c) for i, c in enumerate(q.choices)]
    elif q.type == "multiple":
        k = len(q.answer)
        lines = [f"~%{_weight(100 / k if i in q.answer else -100 / k)}%{html_text(c)}" for i, c in enumerate(q.choices)]
    elif q.type == "true_false":
        lines = ["TRUE" if q.answer else "FALSE"]
    elif q.type == "matching":
        lines = [f"={html_text(left)} -> {escape(right)}" for left, right in q.answer.items()]
        lines += [f"= -> {escape(extra)}" for extra in matching_options(q) if extra not in q.answer.values()]
    else:  # ordering
        lines = [f"={html_text(q.choices[item])} -> {ORDINALS[pos]}" for pos, item in enumerate(q.answer)]
        note = f"{q.id}: ordering exported as matching (item -> position); Moodle scores each position separately"
    body = "\n".join(f"    {line}" for line in lines)
    return f"{head}{body}\n    ####{html_text(q.explanation)}\n}}\n", note


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
