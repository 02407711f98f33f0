"""`next_question`: which question a guided interview asks next, chosen from the answers so far.

A clinician asks what would change the decision. So the interview asks the track's warning signs first,
always (they decide how fast to get care whatever else is true), then the question whose answer is expected
to settle most of what is still open, and stops when nothing open is left.

The warning signs are the questions that can send someone to care on their own, whatever the story: a cold or
pale foot, a deformity, a wound, fever, a red hot ankle, a swollen calf, breathlessness. Two red flags of the
contract only count after an injury (pain out of all proportion; not managing four steps), so they are asked
with the story instead: once the answers describe an injury they are open safety checks, and the one that
could mean an ambulance is asked next (`Candidate.emergency`); a learner whose pain came on gradually is not
asked about "the injury".

What is still open, after the warning signs:
- safety checks: a set of one or two unanswered questions (`floor_witnesses`) whose answers together could
  make a safety rule raise the triage to urgent or emergency, above where it is. The interview cannot stop
  while one is open, whatever its probability (a rare answer that sends someone to care today is the reason
  for asking). A check closes when one of its questions is answered the other way or skipped, or when the
  triage itself rises to that level; the fewest questions that could still close them all is
  `questions_to_close`;
- the decision: an unanswered question whose answer changes the triage level with a chance of at least
  `MIN_LIKELY`, or the condition ranked first with a chance of at least `MIN_LIKELY_TOP` ("enough to
  matter"). A rise of the triage counts at its face value. A fall of the triage, or a new top condition, is
  discounted by how often this person has been able to answer so far (`answer_rate`): someone who has said
  "not sure" to most questions is not asked a dozen more in the hope of a tidier differential, while a
  question that could send them to care sooner is still asked.

A question's value (`Candidate.score`) counts both in one number: the information its answer is expected to
give about the decision (bits over the differential, plus `TRIAGE_WEIGHT` for a change of level), plus the
safety checks it is expected to close (how far `questions_to_close` is expected to fall). So of two ways to
close a check, the one whose answer is likely to close it, and that the decision needs anyway, comes first
(how long the pain has lasted, before whether the foot slaps down: a foot drop of months is not new), and a
question that cannot close any check gains nothing from the checks. Measured with benchmarks/interview.py.

Expected values use the model's own likelihood ratios. The model stores ratios between conditions, not the
probability of each answer, so an answer's probability given a condition is taken as proportional to its
ratio times a prior over the question's answers (`_answer_likelihoods`); that is enough to rank
questions, and the stop rule never relies on it for the answers that raise the triage to today.
Skipped questions count as unknown, as everywhere. Pure: no widgets, no I/O.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..content.cache import triage_model
from ..content.checker.model import TriageModel
from ..content.checker.rules import RULES
from ..content.checker.vocabulary import FINDINGS, urgency, validate_findings
from ..content.records import TRACKS
from .engine import Assessment, assess
from .symptom_questions import questions_for

RULES_BY_ID = {rule.id: rule for rule in RULES}
# before the likelihood ratios, a yes/no symptom is taken as present in about one person in seven: most people with
# a sore ankle have few of the symptoms asked about, and a flat 50:50 would overrate every rare warning sign
# (0.15, 0.5, MIN_LIKELY 0.15 and the answer rate's prior were chosen with benchmarks/interview.py: the fewest
# questions that keep the full form's triage on at least 95 % of every vignette set, with no under-triage)
YES_PRIOR = 0.15
MIN_LIKELY = 0.15  # a change of the triage less likely than this is not enough to keep asking for
# a new leading cause needs a little more: how soon to get care is the decision that protects people, the ranking
# is the lesson (0.2 asks about one question fewer on the median vignette; the full form's top cause on 96 %)
MIN_LIKELY_TOP = 0.2
# the answer rate starts as if two questions had been answered, so one early "not sure" does not end the interview
ANSWERED_PRIOR = 2.0
TRIAGE_WEIGHT = 0.5  # bits of value for a certain change of the triage level, beside the differential's entropy
# representative answers for the number questions: one in each band the model or a safety rule treats apart
CLOSES_AT_LEAST = 1e-9  # a question expected to close any open safety check at all is worth asking
NUMBER_ANSWERS = {"age": (10, 17, 30, 50, 70), "duration_days": (1, 7, 12, 21, 60, 200)}


@dataclass(frozen=True)
class Candidate:
    """One question the interview could ask now, and why (for PT students: what it separates)."""

    finding: str
    value: float  # expected information (bits) about the decision
    matters: bool
    raises_to_today: tuple[Any, ...]  # answers that would send the person to care today or now
    separates: tuple[str, ...]  # the conditions whose probability it could move most
    closes: float = 0.0  # safety checks its answer is expected to close (the fall in `questions_to_close`)
    moves_triage: float = 0.0  # the chance that its answer changes the triage level
    rises: float = 0.0  # the chance that its answer raises the triage level (part of `moves_triage`)
    moves_top: float = 0.0  # the chance that its answer changes which condition ranks first
    emergency: bool = False  # one of its answers would mean an ambulance or the emergency department now

    @property
    def score(self) -> float:
        """What the interview ranks by: information about the decision plus safety checks closed."""
        return self.value + self.closes


def _track_questions(track: str) -> list[tuple[str, str]]:
    """(finding id, section) for every question the track asks, in asking order."""
    if track not in TRACKS:
        raise ValueError(f"track must be one of {', '.join(TRACKS)}, not {track!r}")
    return [(q.id, q.section) for q in questions_for(track)]


def possible_answers(finding: str) -> tuple[Any, ...]:
    """The answers the interview imagines for a question (a set question: each choice alone, or none)."""
    spec = FINDINGS[finding]
    if spec.kind == "bool":
        return (True, False)
    if spec.kind == "choice":
        return spec.choices
    if spec.kind == "set":
        return (*((c,) for c in spec.choices), ())
    return NUMBER_ANSWERS.get(finding, (spec.low, (spec.low + spec.high) // 2, spec.high))


class RecordingFindings(dict[str, Any]):
    """A findings dict that notes every key looked at, present or not (how `rule_reads` finds a rule's inputs;
    the safety tests use it too)."""

    def __init__(self, findings: Mapping[str, Any], seen: set[str]):
        super().__init__(findings)
        self.seen = seen

    def get(self, key: Any, default: Any = None) -> Any:
        self.seen.add(key)
        return super().get(key, default)

    def __getitem__(self, key: Any) -> Any:
        self.seen.add(key)
        return super().__getitem__(key)

    def __contains__(self, key: object) -> bool:
        self.seen.add(key)  # type: ignore[arg-type]
        return super().__contains__(key)


def _canonical(finding: str, answer: Any) -> Any:
    return frozenset(answer) if FINDINGS[finding].kind == "set" else answer


@functools.cache
def rule_reads() -> Mapping[str, frozenset[str]]:
    """The findings each safety rule reads, found by running it on every single answer alone and on top of a
    background where every question is answered (so that both sides of each `and`/`or` get looked at)."""
    background = {k: _canonical(k, possible_answers(k)[0]) for k in FINDINGS}
    reads: dict[str, set[str]] = {rule.id: set() for rule in RULES}
    for base in ({}, background):
        for finding in FINDINGS:
            for answer in possible_answers(finding):
                probe = {**base, finding: _canonical(finding, answer)}
                for rule in RULES:
                    rule.applies(RecordingFindings(probe, reads[rule.id]))
    return {rule_id: frozenset(keys) for rule_id, keys in reads.items()}


def _open_floor_rules(findings: Mapping[str, Any], now_urgency: int) -> list[Any]:
    """Safety rules that would raise the triage to urgent or emergency, above `now_urgency`, and do not apply yet."""
    return [rule for rule in RULES if urgency(rule.level) >= urgency("urgent") and urgency(rule.level) > now_urgency
            and not rule.applies(findings)]


def floor_witnesses(findings: Mapping[str, Any], remaining: Collection[str],
                    now_urgency: int) -> frozenset[frozenset[str]]:
    """The open safety checks: each is a set of one or two unanswered questions whose answers together could make
    a safety rule send the person to care today or now (above `now_urgency`). Two at once, because several floors
    need two answers (numb feet and a swollen foot; a pop and weakness) and neither alone changes anything; a pair
    is listed only when neither of its questions can do it alone. Every rule of the contract and the course fires
    on at most two answers beyond those given (an unanswered question never blocks a rule that reads it), which
    the stepwise safety test checks."""
    base = {k: _canonical(k, v) for k, v in findings.items()}
    found: set[frozenset[str]] = set()
    for rule in _open_floor_rules(base, now_urgency):
        reads = rule_reads()[rule.id]
        given = tuple(sorted((k, base[k]) for k in reads if k in base))
        found.update(_rule_checks(rule.id, given, tuple(sorted(k for k in reads if k in remaining))))
    return frozenset(found)


@functools.lru_cache(maxsize=65536)
def _rule_checks(rule_id: str, given: tuple[tuple[str, Any], ...], open_: tuple[str, ...]) -> frozenset[frozenset[str]]:
    """One rule's open checks: a rule reads only its own questions, so this depends on nothing else (cached)."""
    rule, base = RULES_BY_ID[rule_id], dict(given)
    alone = {k for k in open_ if any(rule.applies({**base, k: _canonical(k, a)}) for a in possible_answers(k))}
    found = {frozenset((k,)) for k in alone}
    for first, second in itertools.combinations([k for k in open_ if k not in alone], 2):
        if any(rule.applies({**base, first: _canonical(first, a), second: _canonical(second, b)})
               for a in possible_answers(first) for b in possible_answers(second)):
            found.add(frozenset((first, second)))
    return frozenset(found)


@functools.lru_cache(maxsize=4096)
def questions_to_close(witnesses: frozenset[frozenset[str]]) -> int:
    """The fewest questions that could still close every open safety check (one question from each)."""
    if not witnesses:
        return 0
    universe = sorted(set().union(*witnesses))
    for size in range(1, len(universe)):
        if any(all(check & set(chosen) for check in witnesses) for chosen in itertools.combinations(universe, size)):
            return size
    return len(universe)


def needed_for_a_floor(findings: Mapping[str, Any], remaining: Collection[str], now_urgency: int) -> frozenset[str]:
    """Unanswered questions that, alone or with one other unanswered question, could make a safety rule send
    the person to care today or now (above where the triage is)."""
    witnesses = floor_witnesses(findings, remaining, now_urgency)
    return frozenset().union(*witnesses) if witnesses else frozenset()


def _floor_rule_reads(findings: Mapping[str, Any], now_urgency: int) -> frozenset[str]:
    """Every question an open floor rule reads: the ones whose answer could close a safety check (a long-standing
    pain closes "new foot drop" without asking about the foot)."""
    base = {k: _canonical(k, v) for k, v in findings.items()}
    rules = _open_floor_rules(base, now_urgency)
    return frozenset().union(*(rule_reads()[rule.id] for rule in rules)) if rules else frozenset()


def _floor(result: Assessment) -> int:
    """The urgency the safety rules alone give (a rule of the contract or the course, not the differential)."""
    return max((urgency(RULES_BY_ID[r].level) for r in result.rules), default=0)


def _entropy(probs: Sequence[float]) -> float:
    return -math.fsum(p * math.log2(p) for p in probs if p > 0)


def _answer_likelihoods(model: TriageModel, findings: Mapping[str, Any], finding: str,
                        answers: Sequence[Any]) -> list[list[float]]:
    """P(answer | condition) for each answer (rows) and condition (columns), from the ratios of the evidence
    each answer would match, under a prior over the answers (YES_PRIOR for yes/no, flat otherwise)."""
    rows = []
    base = {e.id for e in model.posterior(findings).matched}
    for answer in answers:
        with_answer = validate_findings({**findings, finding: list(answer) if isinstance(answer, tuple) else answer})
        extra = [e for e in model.posterior(with_answer).matched if e.id not in base]
        rows.append([math.exp(sum(model.log_lr[e.id][i] for e in extra)) for i in range(len(model.ids))])
    prior = [YES_PRIOR if a is True else 1 - YES_PRIOR if a is False else 1 / len(answers) for a in answers]
    rows = [[p * x for x in row] for p, row in zip(prior, rows)]
    totals = [sum(row[i] for row in rows) for i in range(len(model.ids))]
    return [[row[i] / totals[i] for i in range(len(model.ids))] for row in rows]


def answer_rate(findings: Mapping[str, Any], skipped: Collection[str], track: str = "learner") -> float:
    """How likely the person is to answer the next question rather than skip it, from this interview so far."""
    asked = [f for f, section in _track_questions(track) if section != "warning" and (f in findings or f in skipped)]
    answered = sum(1 for f in asked if f in findings)
    return (answered + ANSWERED_PRIOR) / (len(asked) + ANSWERED_PRIOR)


def evaluate_question(findings: Mapping[str, Any], finding: str, now: Assessment | None = None,
                      model: TriageModel | None = None, remaining: Collection[str] | None = None,
                      rate: float = 1.0) -> Candidate:
    """How much asking `finding` is expected to tell, whether it matters, and what it separates. With
    `remaining` (the other questions still to ask), also the safety checks its answer is expected to close."""
    model = model or triage_model()
    clean = validate_findings(findings)
    now = now or assess(clean)
    prior = dict(now.differential)
    answers = possible_answers(finding)
    likelihoods = _answer_likelihoods(model, clean, finding, answers)
    p_now = [prior[c] for c in model.ids]
    total = math.fsum(p_now) or 1.0
    p_now = [p / total for p in p_now]
    value, matters, raises, moved, emergency = 0.0, False, [], [0.0] * len(model.ids), False
    top_now = now.differential[0][0]
    now_urgency = max(urgency(now.triage), urgency("routine"))
    checks: frozenset[frozenset[str]] = frozenset()
    others: frozenset[str] = frozenset()
    if remaining is not None and finding in _floor_rule_reads(clean, now_urgency):
        others = frozenset(remaining) - {finding}
        checks = floor_witnesses(clean, others | {finding}, now_urgency)
    to_close = questions_to_close(checks)
    closes = 0.0
    # how likely each outcome is, over all the answers that lead to it (six durations over two weeks are
    # one "it lasted over two weeks", however the probability is spread between them)
    outcome_chance: dict[tuple[str, str], float] = {}
    for answer, like in zip(answers, likelihoods):
        p_answer = math.fsum(lk * p for lk, p in zip(like, p_now))
        if p_answer <= 0:
            continue
        answered = {**clean, finding: list(answer) if isinstance(answer, tuple) else answer}
        after = assess(answered)
        post = dict(after.differential)
        p_after = [post[c] for c in model.ids]
        value += p_answer * (_entropy(p_now) - _entropy(p_after))
        value += p_answer * TRIAGE_WEIGHT * (after.triage != now.triage)
        for i in range(len(moved)):
            moved[i] = max(moved[i], abs(p_after[i] - p_now[i]))
        if _floor(after) > now_urgency:
            matters = True
            raises.append(answer)
            emergency = emergency or _floor(after) == urgency("emergency")
        if to_close:
            after_urgency = max(urgency(after.triage), urgency("routine"))
            closes += p_answer * (to_close - questions_to_close(
                floor_witnesses(validate_findings(answered), others, after_urgency)))
        outcome = (after.triage, after.differential[0][0])
        outcome_chance[outcome] = outcome_chance.get(outcome, 0.0) + p_answer
    triage_moves = math.fsum(c for (level, _), c in outcome_chance.items() if level != now.triage)
    triage_rises = math.fsum(c for (level, _), c in outcome_chance.items() if urgency(level) > urgency(now.triage))
    top_moves = math.fsum(c for (_, top), c in outcome_chance.items() if top != top_now)
    matters = (matters or closes > CLOSES_AT_LEAST or triage_rises >= MIN_LIKELY
               or rate * (triage_moves - triage_rises) >= MIN_LIKELY or rate * top_moves >= MIN_LIKELY_TOP)
    order = sorted(range(len(model.ids)), key=lambda i: -moved[i])
    return Candidate(finding, max(value, 0.0), matters, tuple(raises), tuple(model.ids[i] for i in order[:3]),
                     max(closes, 0.0), triage_moves, triage_rises, top_moves, emergency)


def candidates(findings: Mapping[str, Any], skipped: Collection[str] = frozenset(),
               track: str = "learner") -> list[Candidate]:
    """Every unanswered, unskipped question of the track after the warning signs, best first."""
    model = triage_model()
    clean = validate_findings(findings)
    now = assess(clean)
    remaining = [f for f, _ in _track_questions(track) if f not in clean and f not in skipped]
    rate = answer_rate(clean, skipped, track)
    scored = [evaluate_question(clean, f, now, model, remaining, rate) for f in remaining]
    in_a_check = needed_for_a_floor(clean, remaining, max(urgency(now.triage), urgency("routine")))
    scored = [c if c.matters or c.finding not in in_a_check else
              dataclasses.replace(c, matters=True) for c in scored]
    return sorted(scored, key=lambda c: (not c.matters, not c.emergency, -c.score))


def next_question(findings: Mapping[str, Any], skipped: Collection[str] = frozenset(),
                  track: str = "learner") -> str | None:
    """The finding id to ask next, or None when no remaining question could change the decision enough
    to matter. Raises ValueError for an answer outside the vocabulary, as `assess` does."""
    clean = validate_findings(findings)
    skipped = frozenset(skipped)
    questions = _track_questions(track)
    for finding, section in questions:
        if section == "warning" and finding not in clean and finding not in skipped:
            return finding
    best = candidates(clean, skipped, track)
    useful = [c for c in best if c.matters]
    return useful[0].finding if useful else None
