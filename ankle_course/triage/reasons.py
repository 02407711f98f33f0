"""Plain-language reasons: why this triage, and which answers moved each leading condition most.

A learner should be able to check the checker, so every sentence names either a safety rule (by id) or
the answers that pushed a condition up, in the words of the model's data file.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import fmean

from ..content.checker.model import Evidence, Posterior, TriageModel
from ..content.checker.rules import Rule
from ..content.levels import LEVEL_WORD, TRIAGE_MEANING

ONSET_ANSWER = {
    "sudden_injury": "it started suddenly with an injury",
    "gradual": "it came on gradually",
    "sudden_no_injury": "it came on suddenly without an injury",
}
ONSET_EXPLAIN = ("How a problem starts is one of the strongest clues: injuries cause sprains, tears and broken bones; "
                 "gradual pain suggests overuse, arthritis or a trapped nerve; sudden pain without an injury suggests "
                 "gout, infection or a clot.")
MIN_SHOWN = 0.02  # conditions below 2% are listed in the differential but not explained
MIN_DRIVER = 0.4  # a driver must favour the condition by at least e^0.4 (about 1.5x) against the average
UNCERTAIN_BELOW = 0.4


def percent(p: float) -> str:
    """A probability as a learner reads it; never "0%" or "100%", which a checker cannot honestly claim."""
    if p < 0.01:
        return "under 1%"
    return "over 99%" if p > 0.99 else f"{round(p * 100)}%"


def _drivers(model: TriageModel, post: Posterior, condition: str, n: int = 3) -> list[tuple[str, str]]:
    """The answers that favoured `condition` most relative to the other conditions: (answer, explanation).

    An answer's pull is its log-likelihood-ratio for this condition minus its average over all conditions,
    so an answer that raises every condition alike (and so changes nothing) is never called a reason.
    """
    i = model.ids.index(condition)
    scored: list[tuple[float, str, str]] = []
    item: Evidence
    pull: dict[str, float] = {}  # one answer may be split over several entries (see the Ottawa rules): add them up
    explain: dict[str, str] = {}
    for item in post.matched:
        logs = model.log_lr[item.id]
        pull[item.answer] = pull.get(item.answer, 0.0) + logs[i] - fmean(logs)
        explain.setdefault(item.answer, item.explain)
    scored.extend((score, answer, explain[answer]) for answer, score in pull.items())
    if post.onset is not None:
        shift = model.onset_shift(post.onset)
        scored.append((shift[i] - fmean(shift), ONSET_ANSWER[post.onset], ONSET_EXPLAIN))
    scored.sort(key=lambda s: -s[0])
    return [(answer, explain) for score, answer, explain in scored[:n] if score >= MIN_DRIVER]


def triage_reasons(triage: str, fired: Sequence[Rule], raised_by: tuple[str, float] | None,
                   model: TriageModel, post: Posterior, enough: bool) -> list[str]:
    """Why this level: the advice itself, the rule(s) that set the floor, and the condition that raised it, if any.

    `raised_by` is the leading condition needing this level and the combined probability of all such causes.
    """
    reasons = [f"{LEVEL_WORD[triage]}: {TRIAGE_MEANING[triage]}."]
    top = [r for r in fired if r.level == fired[0].level] if fired else []
    if raised_by is not None:
        condition, share = raised_by
        own = dict(post.ranked)[condition]
        together = f"; with the other causes that need it, that is {percent(share)} in all" if share - own >= 0.01 else ""
        verdict = "higher than the safety rules alone require" if fired else "set by the likely causes"
        reasons.append(f"The answers point to {model.by_id[condition].name} ({percent(own)}), which needs this level "
                       f"of care{together}; so the advice is {verdict}.")
    for rule in top:
        reasons.append(f"Safety rule '{rule.id}' (at least {rule.level.replace('_', ' ')}): {rule.reason}")
    others = [r.id for r in fired if r not in top]
    if others:
        reasons.append("Other safety rules that also apply: " + ", ".join(f"'{r}'" for r in others) + ".")
    if not fired and raised_by is None and triage == "self_care":
        reasons.append("No warning sign was found and the likely causes are minor problems that usually settle with "
                       "sensible home care.")
    if not enough and not any(r.id == "not_enough_answers" for r in fired):
        reasons.append("There are not enough answers to rank the possible causes with any confidence.")
    return reasons


def condition_reasons(model: TriageModel, post: Posterior, enough: bool) -> list[str]:
    """Why the top conditions: each with its probability and the 2-3 answers that moved it most."""
    if not enough:
        return ["Not enough answers yet: the list of possible causes below is close to a guess based on how common "
                "each one is. Say how it started, where it hurts and whether you can walk on it."]
    reasons = []
    shown = [(c, p) for c, p in post.ranked[:3] if p >= MIN_SHOWN] or [post.ranked[0]]
    for rank, (condition, p) in enumerate(shown, start=1):
        name = model.by_id[condition].name
        drivers = _drivers(model, post, condition)
        if drivers:
            sentence = (f"{rank}. {name[0].upper()}{name[1:]} ({percent(p)}). Answers that point to it most: "
                        + "; ".join(answer for answer, _ in drivers) + ".")
            if rank == 1:  # one teaching sentence, preferably about a symptom rather than the onset
                explains = [explain for _, explain in drivers if explain != ONSET_EXPLAIN] or [ONSET_EXPLAIN]
                sentence += f" {explains[0]}"
        else:
            sentence = (f"{rank}. {name[0].upper()}{name[1:]} ({percent(p)}): no single answer points strongly to it; "
                        "it is ranked mostly on how common it is.")
        reasons.append(sentence)
    if shown[0][1] < UNCERTAIN_BELOW:
        reasons.append("No single cause stands out yet; more answers, or a clinician's examination, are needed to "
                       "tell these apart.")
    return reasons
