"""Score one response to one question, in the question's own (stored) terms.

A response is always expressed with the indexes and texts stored in questions.toml, never with the
shuffled positions a learner saw, so that a record in the progress file means the same thing whatever
order the quiz was shown in. It is also small JSON, as the progress schema asks.

Partial credit, so that a nearly-right answer to a long question is not scored like a blank:

- single, identify, true_false: 1 if right, else 0.
- multiple: (right options ticked − wrong options ticked) / number of right options, never below 0.
  Ticking everything therefore scores 0 unless every option is right.
- matching: the share of left-hand items matched to the right partner.
- ordering: the share of item pairs placed in the right relative order (a Kendall-tau style rule):
  swapping two neighbours costs little, a reversed list scores 0.
"""

from __future__ import annotations

from itertools import combinations
from typing import Any

from ..content.records import Question

FULL_MARKS = 1.0


class ResponseError(ValueError):
    """The response is incomplete or malformed; the message is for the learner."""


def matching_options(question: Question) -> list[str]:
    """Right-hand options of a matching question: its answers plus any extra distractors in `choices`."""
    options = list(dict.fromkeys(question.answer.values()))
    return options + [c for c in question.choices if c not in options]


def check_response(question: Question, response: Any) -> None:
    """Raise ResponseError with a plain message if `response` cannot be scored (e.g. nothing chosen)."""
    kind, n = question.type, len(question.choices)
    if kind in ("single", "identify"):
        if not (isinstance(response, int) and not isinstance(response, bool) and 0 <= response < n):
            raise ResponseError("Choose one answer first.")
    elif kind == "true_false":
        if not isinstance(response, bool):
            raise ResponseError("Choose True or False first.")
    elif kind == "multiple":
        if not isinstance(response, (list, tuple)) or not all(isinstance(i, int) and 0 <= i < n for i in response):
            raise ResponseError("Tick the options you think are right.")
        if not response:
            raise ResponseError("Tick at least one option.")
    elif kind == "matching":
        if not isinstance(response, dict) or set(response) != set(question.answer) or not all(
                isinstance(v, str) and v for v in response.values()):
            raise ResponseError("Choose a match for every item.")
    elif kind == "ordering":
        if not isinstance(response, (list, tuple)) or len(response) != n or not all(
                isinstance(i, int) and not isinstance(i, bool) for i in response):
            raise ResponseError("Choose an item for every position.")
        if sorted(response) != list(range(n)):
            raise ResponseError("Use each item exactly once.")
    else:  # pragma: no cover - the schema allows no other type
        raise ResponseError(f"Unknown question type {kind!r}.")


def score(question: Question, response: Any) -> float:
    """Score between 0 and 1; raises ResponseError if the response is incomplete."""
    check_response(question, response)
    kind, answer = question.type, question.answer
    if kind in ("single", "identify", "true_false"):
        return FULL_MARKS if response == answer else 0.0
    if kind == "multiple":
        right, ticked = set(answer), set(response)
        return max(0.0, (len(ticked & right) - len(ticked - right)) / len(right))
    if kind == "matching":
        return sum(response[left] == right for left, right in answer.items()) / len(answer)
    # ordering: share of pairs in the right relative order
    rank = {item: position for position, item in enumerate(answer)}
    pairs = list(combinations(response, 2))
    return sum(rank[a] < rank[b] for a, b in pairs) / len(pairs)


def is_correct(value: float) -> bool:
    return value >= FULL_MARKS - 1e-9


def verdict(value: float) -> tuple[str, str]:
    """(symbol, words) for a score: meaning is carried by text and symbol, never by colour alone."""
    if is_correct(value):
        return "✓", "Correct"
    if value > 0:
        return "◐", f"Partly right ({value:.0%})"
    return "✗", "Not quite"


def correct_answer_text(question: Question) -> str:
    """The right answer in words, for feedback and the answer key."""
    kind, answer, choices = question.type, question.answer, question.choices
    if kind in ("single", "identify"):
        return choices[answer]
    if kind == "true_false":
        return "True" if answer else "False"
    if kind == "multiple":
        return "; ".join(choices[i] for i in sorted(answer))
    if kind == "matching":
        return "; ".join(f"{left} → {right}" for left, right in answer.items())
    return " → ".join(choices[i] for i in answer)
