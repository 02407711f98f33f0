"""Clinical cases that unfold stage by stage: a state machine that makes a student commit before it shows
the expert's reasoning, scores each commitment, and compares the expert with the symptom checker.

Why a state machine: committing first is the point of the exercise (reading the expert's answer and then
"agreeing" teaches little), so the rules live here, where they are tested, not in a widget. No widget
library is imported; the view in `ankle_course.widgets.cases` only shows what this module returns.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from .content import course
from .content.checker.vocabulary import CONDITIONS
from .content.levels import LEVEL_WORD, TRIAGE_LEVELS, TRIAGE_MEANING, URGENT_LEVELS, urgency
from .content.records import Case, CaseOption, CaseStage
from .progress.entries import CaseProgress

DIFFERENTIAL_SIZE = 3


def must_not_miss() -> frozenset[str]:
    """Conditions an expert keeps on the list until they are ruled out, because missing them costs a limb or
    a life: those that conditions.toml puts in the group "must_not_miss" (one place to say so)."""
    return frozenset(c.id for c in course().conditions.values() if c.group == "must_not_miss")




class CaseError(ValueError):
    """A step the rules do not allow, or an incomplete commitment; the message is for the student."""


def condition_name(condition_id: str) -> str:
    """The contract's plain description of a condition, e.g. 'infected ankle joint'."""
    return CONDITIONS.get(condition_id, condition_id)


def answer_key(stage_number: int, commitment: str) -> str:
    """The progress-file key of one answer, e.g. 's1_triage' (short ids keep the record small)."""
    return f"s{stage_number}_{commitment}"


# ---------------------------------------------------------------------------------------------- scoring
@dataclass(frozen=True)
class Verdict:
    """One scored commitment: a symbol and a sentence (meaning never rests on colour alone)."""

    symbol: str
    message: str
    serious: bool = False  # an error that could harm a patient (under-triage, a dropped must-not-miss)


@dataclass(frozen=True)
class DifferentialFeedback:
    picks: tuple[str, ...]
    gold: str
    gold_rank: int | None  # 1-3 when the final diagnosis is in the student's top 3
    expert: tuple[str, ...]
    shared: tuple[str, ...]
    verdicts: tuple[Verdict, ...]


def score_differential(picks: Sequence[str], gold: str, expert: Sequence[str]) -> DifferentialFeedback:
    """Score a ranked top 3 against the case's final diagnosis, and note what the expert kept that it lacks.

    The final diagnosis is the score (the brief's "gold in top 3"); the expert's list at this stage is shown
    beside it because, early on, a good differential can rightly rank something else first.
    """
    picks = tuple(picks)
    rank = picks.index(gold) + 1 if gold in picks else None
    verdicts: list[Verdict] = []
    if rank == 1:
        verdicts.append(Verdict("✓", "Your first choice is the final diagnosis."))
    elif rank is not None:
        verdicts.append(Verdict("◐", f"The final diagnosis is in your top 3, at number {rank}."))
    else:
        verdicts.append(Verdict("✗", "The final diagnosis is not in your top 3 yet."))
    shared = tuple(c for c in picks if c in expert)
    verdicts.append(Verdict("ℹ", f"You share {len(shared)} of the expert's {len(expert)} at this stage."))
    for missed in (c for c in expert if c in must_not_miss() and c not in picks):
        verdicts.append(Verdict("⚠", f"The expert kept {condition_name(missed)} on the list: it must not be "
                                     "missed until it has been ruled out.", serious=True))
    return DifferentialFeedback(picks, gold, rank, tuple(expert), shared, tuple(verdicts))


@dataclass(frozen=True)
class TriageFeedback:
    chosen: str
    expert: str
    verdict: str  # "exact" | "over" | "under"
    feedback: Verdict


def compare_triage(chosen: str, expert: str) -> TriageFeedback:
    """Exact, over- or under-triage. Under-triage of a patient who needs care today is the serious error:
    it delays care that cannot wait (routine versus self-care is a smaller miss)."""
    if urgency(chosen) == urgency(expert):
        return TriageFeedback(chosen, expert, "exact", Verdict("✓", f"Same triage as the expert: {_level(expert)}."))
    if urgency(chosen) > urgency(expert):
        return TriageFeedback(chosen, expert, "over", Verdict(
            "△", f"Over-triage: you chose {_level(chosen)}, the expert {_level(expert)}. Safe for the patient, "
                 "but it uses urgent services the patient did not need."))
    if expert in URGENT_LEVELS:
        return TriageFeedback(chosen, expert, "under", Verdict(
            "⚠", f"Under-triage, the serious error: you chose {_level(chosen)}, but this patient needs "
                 f"{_level(expert)} ({TRIAGE_MEANING[expert]}). Waiting could cost them harm that cannot be undone.",
            serious=True))
    return TriageFeedback(chosen, expert, "under", Verdict(
        "△", f"Under-triage: you chose {_level(chosen)}, the expert {_level(expert)} ({TRIAGE_MEANING[expert]})."))


def _level(level: str) -> str:
    return LEVEL_WORD[level].lower()


@dataclass(frozen=True)
class NextStepFeedback:
    chosen: CaseOption
    best: CaseOption
    feedback: Verdict


def score_next_step(options: Sequence[CaseOption], chosen_id: str) -> NextStepFeedback:
    """Whether the student picked the expert's next step, with the case's reason for their choice."""
    chosen = next(o for o in options if o.id == chosen_id)
    best = next(o for o in options if o.best)
    if chosen.best:
        verdict = Verdict("✓", f"The expert's choice too. {chosen.why}")
    else:
        verdict = Verdict("✗", f"Not the expert's first choice. {chosen.why}")
    return NextStepFeedback(chosen, best, verdict)


# ---------------------------------------------------------------------------------------------- the stages
@dataclass(frozen=True)
class StageFeedback:
    """Everything revealed once a stage is committed: the scores and the expert's reasoning."""

    stage_number: int
    stage: CaseStage
    differential: DifferentialFeedback | None = None
    next_step: NextStepFeedback | None = None
    triage: TriageFeedback | None = None

    @property
    def verdicts(self) -> tuple[Verdict, ...]:
        found: list[Verdict] = []
        if self.differential:
            found += self.differential.verdicts
        if self.next_step:
            found.append(self.next_step.feedback)
        if self.triage:
            found.append(self.triage.feedback)
        return tuple(found)

    @property
    def serious(self) -> bool:
        return any(v.serious for v in self.verdicts)


@dataclass
class CaseRun:
    """One student working through one case. Stages go strictly in order; a stage's reasoning is shown only
    after the student has committed at that stage, and a commitment cannot be changed afterwards."""

    case: Case
    index: int = 0
    answers: dict[str, Any] = field(default_factory=dict)
    _revealed: dict[int, StageFeedback] = field(default_factory=dict)

    @property
    def stage(self) -> CaseStage:
        return self.case.stages[self.index]

    @property
    def stage_number(self) -> int:
        return self.index + 1

    @property
    def total(self) -> int:
        return len(self.case.stages)

    @property
    def committed(self) -> bool:
        return self.index in self._revealed

    @property
    def is_last(self) -> bool:
        return self.index == self.total - 1

    @property
    def finished(self) -> bool:
        return self.is_last and self.committed

    def commit(self, differential: Sequence[str | None] | None = None, next_step: str | None = None,
               triage: str | None = None) -> StageFeedback:
        """Record the student's answers for this stage and return the scored reveal.

        Raises CaseError (with a message for the student) when the stage is already committed or when an
        answer the stage asks for is missing or not allowed; nothing is recorded then.
        """
        if self.committed:
            raise CaseError("You have already committed at this stage; go on to the next stage.")
        stage, n = self.stage, self.stage_number
        answers: dict[str, Any] = {}
        result: dict[str, Any] = {}
        if "differential" in stage.ask:
            picks = _check_differential(differential)
            answers[answer_key(n, "differential")] = list(picks)
            result["differential"] = score_differential(picks, self.case.condition, stage.expert_differential)
        if "next_step" in stage.ask:
            ids = [o.id for o in stage.options]
            if next_step not in ids:
                raise CaseError("Choose what you would do next before you commit.")
            answers[answer_key(n, "next_step")] = next_step
            result["next_step"] = score_next_step(stage.options, next_step)
        if "triage" in stage.ask:
            if triage not in TRIAGE_LEVELS:
                raise CaseError("Choose how soon this patient needs to be seen before you commit.")
            answers[answer_key(n, "triage")] = triage
            result["triage"] = compare_triage(triage, stage.triage or self.case.triage)
        self.answers.update(answers)
        feedback = StageFeedback(n, stage, **result)
        self._revealed[self.index] = feedback
        return feedback

    def reveal(self, stage_number: int | None = None) -> StageFeedback:
        """The scored reveal of this stage (or an earlier one); CaseError before the student has committed."""
        index = self.index if stage_number is None else stage_number - 1
        if index not in self._revealed:
            raise CaseError("Commit to your answers first; the expert's reasoning is shown after you commit.")
        return self._revealed[index]

    def next_stage(self) -> CaseStage:
        """Move to the next stage; only after committing at this one, and never past the last."""
        if not self.committed:
            raise CaseError("Commit to your answers at this stage before you move on.")
        if self.is_last:
            raise CaseError("This was the last stage of the case.")
        self.index += 1
        return self.stage

    def progress(self, at: datetime) -> CaseProgress:
        """What the progress store saves for this run: stages committed so far, the answers, and when."""
        return CaseProgress(case_id=self.case.id, stage=len(self._revealed), answers=dict(self.answers), at=at)

    @classmethod
    def resume(cls, case: Case, record: Mapping[str, Any] | None) -> CaseRun:
        """Replay saved answers to continue where the student stopped; a record that no longer fits the case
        (an instructor changed it) starts the case afresh rather than failing."""
        run = cls(case)
        if not record:
            return run
        try:
            for number in range(1, min(int(record.get("stage", 0)), len(case.stages)) + 1):
                saved = record.get("answers", {})
                run.commit(differential=saved.get(answer_key(number, "differential")),
                           next_step=saved.get(answer_key(number, "next_step")),
                           triage=saved.get(answer_key(number, "triage")))
                if not run.is_last:
                    run.next_stage()
        except (CaseError, TypeError, ValueError):
            return cls(case)
        return run


def _check_differential(picks: Sequence[str | None] | None) -> tuple[str, ...]:
    chosen = [p for p in (picks or []) if p]
    if len(chosen) < DIFFERENTIAL_SIZE:
        raise CaseError(f"Choose your top {DIFFERENTIAL_SIZE} conditions, most likely first, before you commit.")
    if len(set(chosen)) != len(chosen):
        raise CaseError("Choose three different conditions for your top 3.")
    unknown = [p for p in chosen if p not in CONDITIONS]
    if unknown or len(chosen) > DIFFERENTIAL_SIZE:
        raise CaseError(f"Choose exactly {DIFFERENTIAL_SIZE} conditions from the list.")
    return tuple(chosen)


# ---------------------------------------------------------------------------------------------- the checker
@dataclass(frozen=True)
class CheckerComparison:
    """The symptom checker's reasoning about the same findings, set beside the expert's."""

    checker_triage: str
    expert_triage: str
    triage: TriageFeedback  # the checker's triage judged against the expert's
    gold_rank: int | None  # 1-based rank of the final diagnosis in the checker's differential
    top: tuple[tuple[str, float], ...]
    reasons: tuple[str, ...]
    note: str

    @property
    def lines(self) -> tuple[Verdict, ...]:
        """The automatic comparison, in sentences."""
        t = self.triage
        if t.verdict == "exact":
            triage = Verdict("✓", f"Same triage: the checker and the expert both say {_level(self.expert_triage)}.")
        elif t.verdict == "over":
            triage = Verdict("△", f"The checker is more cautious: {_level(self.checker_triage)} where the expert "
                                  f"says {_level(self.expert_triage)}.")
        else:
            triage = Verdict("⚠", f"The checker under-triages: {_level(self.checker_triage)} where the expert says "
                                  f"{_level(self.expert_triage)}.", serious=t.feedback.serious)
        first = condition_name(self.top[0][0]) if self.top else ""
        if self.gold_rank == 1:
            rank = Verdict("✓", f"The checker ranks the final diagnosis first ({first}).")
        elif self.gold_rank is not None:
            rank = Verdict("◐", f"The checker ranks the final diagnosis number {self.gold_rank}; its first is {first}.")
        else:
            rank = Verdict("✗", "The final diagnosis is not in the checker's differential.")
        return triage, rank


def compare_with_checker(case: Case, assess: Callable[[Mapping[str, Any]], Any]) -> CheckerComparison:
    """Run the checker (`ankle_course.triage.assess`, passed in so tests can stub it) on the case's findings."""
    result = assess(dict(case.findings))
    ranked = [condition for condition, _ in result.differential]
    rank = ranked.index(case.condition) + 1 if case.condition in ranked else None
    return CheckerComparison(
        checker_triage=result.triage, expert_triage=case.triage,
        triage=compare_triage(result.triage, case.triage), gold_rank=rank,
        top=tuple((c, float(p)) for c, p in result.differential[:DIFFERENTIAL_SIZE]),
        reasons=tuple(result.reasons), note=case.checker_note)

