"""Scoring of every question type, including the documented partial-credit rules."""

from __future__ import annotations

import pytest

from ankle_course.content.records import Question
from ankle_course.quiz import ResponseError, correct_answer_text, is_correct, score, verdict


def q(kind: str, answer, choices=("a", "b", "c", "d"), **extra) -> Question:
    return Question(id=f"t_{kind}", module="anatomy", objective="bones_joints", audience="learner", difficulty=1,
                    type=kind, prompt="?", explanation="because", section="s", refs=("moore_anatomy",),
                    choices=tuple(choices), answer=answer, **extra)


def test_single_choice_scores_one_only_for_the_right_index():
    question = q("single", 2)
    assert score(question, 2) == 1.0
    assert score(question, 0) == 0.0


def test_identify_scores_like_single_choice():
    question = q("identify", 1, structure="tibialis_posterior")
    assert score(question, 1) == 1.0 and score(question, 3) == 0.0


def test_true_false_compares_booleans():
    question = q("true_false", False, choices=())
    assert score(question, False) == 1.0
    assert score(question, True) == 0.0


def test_true_false_rejects_a_non_boolean():
    with pytest.raises(ResponseError):
        score(q("true_false", True, choices=()), 1)


@pytest.mark.parametrize("ticked, expected", [
    ([0, 1], 1.0),        # both right options
    ([0], 0.5),           # one of two right options
    ([0, 1, 2], 0.5),     # both right, one wrong: (2 - 1) / 2
    ([0, 2], 0.0),        # one right, one wrong
    ([2, 3], 0.0),        # never below zero
    ([0, 1, 2, 3], 0.0),  # ticking everything earns nothing
])
def test_multiple_select_partial_credit_is_right_minus_wrong_over_right(ticked, expected):
    assert score(q("multiple", [0, 1]), ticked) == pytest.approx(expected)


def test_multiple_select_with_nothing_ticked_asks_for_a_tick():
    with pytest.raises(ResponseError, match="at least one"):
        score(q("multiple", [0]), [])


def test_matching_scores_the_share_of_items_matched():
    question = q("matching", {"A": "1", "B": "2", "C": "3", "D": "4"}, choices=())
    assert score(question, {"A": "1", "B": "2", "C": "3", "D": "4"}) == 1.0
    assert score(question, {"A": "1", "B": "2", "C": "4", "D": "3"}) == 0.5
    assert score(question, {"A": "2", "B": "1", "C": "4", "D": "3"}) == 0.0


def test_matching_needs_every_item_matched():
    question = q("matching", {"A": "1", "B": "2"}, choices=())
    with pytest.raises(ResponseError, match="every item"):
        score(question, {"A": "1"})


def test_ordering_scores_the_share_of_pairs_in_the_right_order():
    question = q("ordering", [1, 4, 3, 0, 2], choices=("n", "tp", "fhl", "vessels", "fdl"))
    assert score(question, [1, 4, 3, 0, 2]) == 1.0
    assert score(question, [4, 1, 3, 0, 2]) == pytest.approx(9 / 10)  # one neighbour swap costs 1 of 10 pairs
    assert score(question, [2, 0, 3, 4, 1]) == 0.0  # reversed


def test_ordering_rejects_an_item_used_twice():
    with pytest.raises(ResponseError, match="exactly once"):
        score(q("ordering", [0, 1, 2], choices=("x", "y", "z")), [0, 0, 2])


def test_single_choice_without_an_answer_asks_for_one():
    with pytest.raises(ResponseError, match="Choose one"):
        score(q("single", 0), None)


def test_verdict_is_carried_by_symbol_and_words():
    assert verdict(1.0) == ("✓", "Correct")
    assert verdict(0.0) == ("✗", "Not quite")
    symbol, words = verdict(0.5)
    assert symbol == "◐" and "Partly right" in words
    assert is_correct(1.0) and not is_correct(0.99)


def test_correct_answer_text_reads_the_stored_answer():
    assert correct_answer_text(q("single", 2)) == "c"
    assert correct_answer_text(q("multiple", [3, 0])) == "a; d"
    assert correct_answer_text(q("ordering", [2, 0, 1], choices=("x", "y", "z"))) == "z → x → y"
    assert correct_answer_text(q("true_false", True, choices=())) == "True"
