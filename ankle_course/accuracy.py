"""Test-accuracy arithmetic: how a test result changes the probability of a diagnosis.

Pure functions, so the Fagan explorer, the notebook's worked examples and the tests share one source of
truth. The rule is Bayes' theorem in odds form: post-test odds = pre-test odds x likelihood ratio (LR).
Bad values raise `AccuracyInputError` with a sentence a learner can act on; widgets show that sentence.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .content import Course
    from .content.records import PublishedAccuracy


class AccuracyInputError(ValueError):
    """A value a learner typed that the arithmetic cannot use; the message says what would work."""


def _check_probability(p: float, what: str) -> float:
    if not isinstance(p, (int, float)) or isinstance(p, bool) or math.isnan(p):
        raise AccuracyInputError(f"The {what} must be a number.")
    if not 0 < p < 1:
        raise AccuracyInputError(
            f"The {what} must be between 0 % and 100 % (not 0 % or 100 % exactly: at those values a test "
            f"cannot change anything); you gave {p * 100:g} %.")
    return float(p)


def check_likelihood_ratio(lr: float, what: str = "likelihood ratio") -> float:
    """An LR must be a positive, finite number (LR 1 means the test changes nothing)."""
    if not isinstance(lr, (int, float)) or isinstance(lr, bool) or math.isnan(lr):
        raise AccuracyInputError(f"The {what} must be a number.")
    if lr <= 0 or math.isinf(lr):
        raise AccuracyInputError(
            f"The {what} must be more than 0 (and finite); you gave {lr:g}. Real tests have LRs from about "
            f"0.01 to 100.")
    return float(lr)


def probability_to_odds(p: float) -> float:
    p = _check_probability(p, "probability")
    return p / (1 - p)


def odds_to_probability(odds: float) -> float:
    if odds < 0:
        raise AccuracyInputError("Odds cannot be negative.")
    return odds / (1 + odds)


def _post_odds(pre_odds: float, lr: float) -> float:
    """pre-odds x LR, or AccuracyInputError when the product overflows: a pre-test of 99 % (odds 99) times
    an LR of 1e308 is infinite, and infinity / (1 + infinity) showed as "nan %"."""
    post_odds = pre_odds * check_likelihood_ratio(lr)
    if not math.isfinite(post_odds):
        raise AccuracyInputError(
            f"A likelihood ratio of {lr:g} with a pre-test probability this high is too large to calculate; "
            "real tests have LRs from about 0.01 to 100.")
    return post_odds


def post_test_probability(pre_test: float, lr: float) -> float:
    """Pre-test probability (0-1) and a likelihood ratio -> post-test probability (0-1)."""
    pre_odds = probability_to_odds(_check_probability(pre_test, "pre-test probability"))
    return odds_to_probability(_post_odds(pre_odds, lr))


def likelihood_ratios(sensitivity: float, specificity: float) -> tuple[float, float]:
    """Sensitivity and specificity (0-1) -> (LR+, LR-).

    LR+ = sensitivity / (1 - specificity); LR- = (1 - sensitivity) / specificity.
    """
    for value, what in ((sensitivity, "sensitivity"), (specificity, "specificity")):
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 <= value <= 1:
            raise AccuracyInputError(f"The {what} must be between 0 % and 100 %; you gave {value!r}.")
    if specificity in (0, 1) or sensitivity in (0, 1):
        raise AccuracyInputError(
            "Sensitivity and specificity of exactly 0 % or 100 % give likelihood ratios of 0 or infinity, "
            "which no real test has; try 99 % instead of 100 %.")
    return sensitivity / (1 - specificity), (1 - sensitivity) / specificity


def post_test_from_accuracy(pre_test: float, sensitivity: float, specificity: float, positive: bool) -> float:
    """Post-test probability straight from sensitivity and specificity, for a positive or negative result."""
    lr_pos, lr_neg = likelihood_ratios(sensitivity, specificity)
    return post_test_probability(pre_test, lr_pos if positive else lr_neg)


def _typed(text: object) -> str:
    """What the learner typed, fit to echo in a message: short, with unprintable characters escaped."""
    shown = "".join(c if c.isprintable() else ascii(c)[1:-1] for c in str(text)[:40])
    return shown + ("..." if len(str(text)) > 40 else "")


def parse_percent(text: str, what: str) -> float:
    """A percentage a learner typed ("15", "15 %", "15%") -> a probability 0-1, checked."""
    cleaned = str(text).strip().rstrip("%").strip().replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        raise AccuracyInputError(f"The {what} must be a number of per cent, like 15; you typed '{_typed(text)}'.") from None
    return _check_probability(value / 100, what)


def parse_lr(text: str, what: str) -> float:
    """A likelihood ratio a learner typed -> a checked float."""
    try:
        value = float(str(text).strip().replace(",", "."))
    except ValueError:
        raise AccuracyInputError(f"The {what} must be a number, like 0.08 or 5; you typed '{_typed(text)}'.") from None
    return check_likelihood_ratio(value, what)


@dataclass(frozen=True)
class Worked:
    """Every step of one calculation, so the widget can show the arithmetic, not only the answer."""

    pre_test: float
    lr: float
    pre_odds: float
    post_odds: float
    post_test: float


def worked(pre_test: float, lr: float) -> Worked:
    pre_odds = probability_to_odds(_check_probability(pre_test, "pre-test probability"))
    post_odds = _post_odds(pre_odds, lr)
    return Worked(pre_test, lr, pre_odds, post_odds, odds_to_probability(post_odds))


# ---------------------------------------------------------------------------------------- ready examples
WHAT_IF_LR = {"positive": 2.0, "negative": 0.5}  # shown only with a warning that they are not measured


@dataclass(frozen=True)
class Example:
    """A ready example for the explorer. An LR of None means no measured value exists for that result."""

    id: str
    label: str
    target: str
    lr_positive: float | None
    lr_negative: float | None
    pre_test: float
    result: str
    refs: tuple[str, ...]
    note: str


def _lrs_from(acc: PublishedAccuracy) -> tuple[float | None, float | None]:
    """Measured LRs as the source reports them, or derived when it gives both sensitivity and specificity."""
    lr_pos, lr_neg = acc.lr_positive, acc.lr_negative
    if acc.sensitivity is not None and acc.specificity is not None and acc.specificity < 1 and acc.sensitivity < 1:
        derived = likelihood_ratios(acc.sensitivity, acc.specificity)
        lr_pos = lr_pos if lr_pos is not None else derived[0]
        lr_neg = lr_neg if lr_neg is not None else derived[1]
    return lr_pos, lr_neg


def examples(content: Course | None = None) -> list[Example]:
    """The Ottawa rules plus every special test in the content, in that order, and a custom slot.

    Pre-test probabilities are starting points for the learner to change, not prevalence claims; the
    Ottawa one (15 %) is the illustration used by Bachmann et al. 2003.
    """
    from . import ottawa
    from .content import course

    content = content or course()
    found = [Example("ottawa", "Ottawa ankle rules", "ankle fracture", None, ottawa.ACCURACY["lr_negative"], 0.15,
                     "negative", ottawa.ACCURACY["refs"],
                     "Pooled negative LR from a systematic review; no positive LR was pooled because specificity "
                     "varied so much between studies.")]
    for test in content.special_tests.values():
        lr_pos, lr_neg = _lrs_from(test.accuracy) if test.accuracy else (None, None)
        target = test.accuracy.against if test.accuracy else test.suggests.split(".")[0].lower()
        refs = (test.accuracy.source,) if test.accuracy else test.refs
        result = "positive" if lr_pos is not None or lr_neg is None else "negative"
        found.append(Example(test.id, test.name, target, lr_pos, lr_neg, 0.2, result, refs, test.accuracy_note))
    found.append(Example("custom", "Your own test (type the LRs)", "your target condition", None, None, 0.2,
                         "positive", (), "Type any likelihood ratios to see their effect."))
    return found
