"""Probability arithmetic (Bayes in odds form) against worked examples, and bad input refused in words."""

from __future__ import annotations

import math

import pytest

from ankle_course.accuracy import (
    AccuracyInputError,
    examples,
    likelihood_ratios,
    odds_to_probability,
    parse_lr,
    parse_percent,
    post_test_from_accuracy,
    post_test_probability,
    probability_to_odds,
    worked,
)


def test_bachmann_worked_example_negative_ottawa_rule_at_15_percent_leaves_about_1_4_percent():
    # BMJ 2003: with 15 % prevalence, a negative rule (LR- 0.08) leaves under 1.4 % probability of fracture
    post = post_test_probability(0.15, 0.08)
    assert post == pytest.approx(0.0139, abs=0.0001) and post < 0.014


def test_squeeze_test_positive_at_20_percent_gives_about_35_percent():
    # odds 0.25 x 2.15 = 0.5375 -> 0.5375 / 1.5375
    assert post_test_probability(0.20, 2.15) == pytest.approx(0.5375 / 1.5375)


def test_an_lr_of_one_changes_nothing():
    for p in (0.01, 0.3, 0.5, 0.99):
        assert post_test_probability(p, 1) == pytest.approx(p)


def test_odds_and_probability_are_inverse():
    assert probability_to_odds(0.2) == pytest.approx(0.25)
    assert odds_to_probability(0.25) == pytest.approx(0.2)
    for p in (0.001, 0.15, 0.5, 0.87, 0.999):
        assert odds_to_probability(probability_to_odds(p)) == pytest.approx(p)


def test_likelihood_ratios_from_sensitivity_and_specificity():
    # textbook example: sensitivity 90 %, specificity 80 % -> LR+ 4.5, LR- 0.125
    lr_pos, lr_neg = likelihood_ratios(0.9, 0.8)
    assert lr_pos == pytest.approx(4.5) and lr_neg == pytest.approx(0.125)


def test_post_test_from_sensitivity_and_specificity_matches_the_two_step_route():
    direct = post_test_from_accuracy(0.3, 0.9, 0.8, positive=True)
    # by counting: of 1000 people, 300 ill -> 270 true positives; 700 well -> 140 false positives
    assert direct == pytest.approx(270 / (270 + 140))
    assert post_test_from_accuracy(0.3, 0.9, 0.8, positive=False) == pytest.approx(30 / (30 + 560))


def test_worked_shows_each_step():
    steps = worked(0.15, 0.08)
    assert steps.pre_odds == pytest.approx(0.15 / 0.85)
    assert steps.post_odds == pytest.approx(0.15 / 0.85 * 0.08)
    assert steps.post_test == pytest.approx(post_test_probability(0.15, 0.08))


@pytest.mark.parametrize("call, words", [
    (lambda: post_test_probability(1.5, 2), "between 0 % and 100 %"),
    (lambda: post_test_probability(0, 2), "between 0 % and 100 %"),
    (lambda: post_test_probability(0.2, 0), "more than 0"),
    (lambda: post_test_probability(0.2, -3), "more than 0"),
    (lambda: post_test_probability(0.2, math.inf), "more than 0"),
    (lambda: post_test_probability(0.2, math.nan), "must be a number"),
    (lambda: likelihood_ratios(1.0, 0.5), "no real test"),
    (lambda: likelihood_ratios(0.5, 1.2), "between 0 % and 100 %"),
    (lambda: parse_percent("150", "pre-test probability"), "you gave 150 %"),
    (lambda: parse_percent("lots", "pre-test probability"), "you typed 'lots'"),
    (lambda: parse_lr("0", "LR+"), "more than 0"),
    (lambda: parse_lr("", "LR+"), "must be a number"),
])
def test_impossible_values_raise_a_plain_message(call, words):
    with pytest.raises(AccuracyInputError) as info:
        call()
    assert words in str(info.value)


def test_typed_percentages_accept_the_ways_people_write_them():
    assert parse_percent("15", "p") == pytest.approx(0.15)
    assert parse_percent(" 15 % ", "p") == pytest.approx(0.15)
    assert parse_percent("2,5", "p") == pytest.approx(0.025)


def test_ready_examples_only_carry_measured_numbers():
    found = {e.id: e for e in examples()}
    assert found["ottawa"].lr_negative == 0.08 and found["ottawa"].lr_positive is None
    assert found["squeeze_test"].lr_positive == 2.15
    # tests whose accuracy is not well studied carry no likelihood ratio at all
    for unstudied in ("single_heel_rise", "tinel_tarsal_tunnel", "too_many_toes", "resisted_inversion"):
        assert found[unstudied].lr_positive is None and found[unstudied].lr_negative is None
    assert list(found)[-1] == "custom"
