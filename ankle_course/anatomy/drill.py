""""Name that structure": one structure is highlighted on the unlabelled drawing; pick its name.

Wrong choices are taken from the same kind of structure where possible (a ligament for a ligament),
so the drill tests anatomy rather than guessing by kind. Seeded, so a question set can be replayed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from ..content import Course
from .layers import drawn_in

CHOICES = 4


@dataclass(frozen=True)
class DrillQuestion:
    structure: str
    choices: tuple[str, ...]  # structure ids, one of them `structure`


@dataclass(frozen=True)
class Feedback:
    correct: bool
    symbol: str
    message: str


class Drill:
    """The current question, the score, and the feedback on the last answer."""

    def __init__(self, content: Course, seed: int = 0, view: str = "medial"):
        self.content = content
        self.rng = random.Random(seed)
        # far-side structures are not on the inner ankle: they are not asked about
        self.pool = [d.structure.id for d in drawn_in(content, view) if not d.shape.far_side]
        self.asked = 0
        self.right = 0
        self.answered = False
        self.question = self._new_question()

    def _new_question(self) -> DrillQuestion:
        target = self.rng.choice(self.pool)
        kind = self.content.structures[target].kind
        same = [i for i in self.pool if i != target and self.content.structures[i].kind == kind]
        other = [i for i in self.pool if i != target and i not in same]
        self.rng.shuffle(same)
        self.rng.shuffle(other)
        choices = [target, *(same + other)[:CHOICES - 1]]
        self.rng.shuffle(choices)
        return DrillQuestion(target, tuple(choices))

    def name(self, structure_id: str) -> str:
        return self.content.structures[structure_id].name

    def answer(self, structure_id: str) -> Feedback:
        """Mark an answer; only the first answer to a question counts towards the score."""
        correct = structure_id == self.question.structure
        if not self.answered:
            self.asked += 1
            self.right += correct
            self.answered = True
        right_name = self.name(self.question.structure)
        if correct:
            return Feedback(True, "✓", f"Right: this is the {right_name}.")
        return Feedback(False, "✗", f"Not quite: you chose {self.name(structure_id)}; "
                                    f"the highlighted structure is the {right_name}.")

    def next(self) -> DrillQuestion:
        previous = self.question.structure
        for _ in range(5):  # avoid asking the same structure twice in a row
            self.question = self._new_question()
            if self.question.structure != previous:
                break
        self.answered = False
        return self.question

    def score(self) -> str:
        return f"Score: {self.right} right out of {self.asked}"
