"""Seeded shuffling of questions and of the options inside each question.

The learner sees options in a shuffled order; everything scored or saved uses the stored order.
`Shown` keeps the mapping both ways so that the widget never has to do index arithmetic itself.
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from ..content.records import Question
from .scoring import matching_options


@dataclass(frozen=True)
class Shown:
    """One question as displayed: `order[shown_position] = stored_index` of its options."""

    question: Question
    order: tuple[int, ...]
    options: tuple[str, ...]  # option texts in shown order (matching: right-hand options)

    def to_stored(self, shown_position: int) -> int:
        return self.order[shown_position]

    def to_shown(self, stored_index: int) -> int:
        return self.order.index(stored_index)


def _rng(seed: int, salt: str) -> random.Random:
    # a stable per-question stream (hash() of a str changes between interpreter runs)
    return random.Random(seed * 1_000_003 + zlib.crc32(salt.encode("utf-8")))


def shuffled_questions(questions: Sequence[Question], seed: int) -> list[Question]:
    items = list(questions)
    _rng(seed, "questions").shuffle(items)
    return items


def show(question: Question, seed: int) -> Shown:
    """Shuffle a question's options. True/false keeps True before False; an ordering question is
    never shown already in the right order (that would give the answer away)."""
    if question.type == "true_false":
        return Shown(question, (0, 1), ("True", "False"))
    texts = matching_options(question) if question.type == "matching" else list(question.choices)
    order = list(range(len(texts)))
    _rng(seed, question.id).shuffle(order)
    if question.type == "ordering" and order == list(question.answer) and len(order) > 1:
        order = order[1:] + order[:1]
    return Shown(question, tuple(order), tuple(texts[i] for i in order))
