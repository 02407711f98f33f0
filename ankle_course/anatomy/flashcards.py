"""Flashcards of the inner ankle: a deck built from structures.toml and a session a learner steps through.

A card's id is stable ("anatomy_" + structure id) so that "I know this" survives restarts in the
progress store; the order is shuffled with a seed so that a class can share one order.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass

from ..content import Course
from ..ids import CARD_PREFIX, card_id  # noqa: F401  (re-exported: the deck's ids)


@dataclass(frozen=True)
class Card:
    id: str
    structure: str
    front: str
    back: str


def build_deck(content: Course) -> list[Card]:
    """One card per structure: its name on the front; what it is and what it does on the back."""
    cards = []
    for s in content.structures.values():
        back = s.plain if not s.action else f"{s.plain} What it does: {s.action}"
        cards.append(Card(card_id(s.id), s.id, s.name, back))
    return cards


class FlashcardSession:
    """Which card is showing, which side is up, and which cards the learner knows."""

    def __init__(self, cards: list[Card], known: Iterable[str] = ()):
        if not cards:
            raise ValueError("a flashcard session needs at least one card")
        self.cards = list(cards)
        self.index = 0
        self.showing_back = False
        self.known = {c for c in known if c in {card.id for card in cards}}

    @property
    def current(self) -> Card:
        return self.cards[self.index]

    @property
    def face(self) -> str:
        return self.current.back if self.showing_back else self.current.front

    @property
    def side(self) -> str:
        return "meaning" if self.showing_back else "term"

    def flip(self) -> None:
        self.showing_back = not self.showing_back

    def next(self) -> None:
        self.index = (self.index + 1) % len(self.cards)
        self.showing_back = False

    def previous(self) -> None:
        self.index = (self.index - 1) % len(self.cards)
        self.showing_back = False

    def shuffle(self, seed: int) -> None:
        """Shuffle in a repeatable order: the same seed always gives the same order."""
        order = sorted(self.cards, key=lambda c: c.id)
        random.Random(seed).shuffle(order)
        self.cards = order
        self.index = 0
        self.showing_back = False

    def set_known(self, known: bool) -> None:
        (self.known.add if known else self.known.discard)(self.current.id)

    @property
    def is_known(self) -> bool:
        return self.current.id in self.known

    def status(self) -> str:
        return (f"Card {self.index + 1} of {len(self.cards)} · showing the {self.side} · "
                f"you know {len(self.known)} of {len(self.cards)}")
