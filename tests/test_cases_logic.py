"""The case state machine: commit before any reveal, no skipping, answers recorded, triage scored safely."""

from __future__ import annotations

import json
from datetime import datetime
from types import SimpleNamespace

import pytest

from ankle_course.cases import CaseError, CaseRun, compare_triage, compare_with_checker, score_differential
from ankle_course.content import course
from ankle_course.progress import empty_progress, parse_progress
from ankle_course.progress.entries import save_case

NOW = "2025-03-01T10:00:00+00:00"


def saved(run: CaseRun) -> dict:
    """The record the store keeps for a run, as CaseRun.resume receives it."""
    progress = empty_progress()
    save_case(progress, run.progress(datetime.fromisoformat(NOW)))
    return progress["cases"][run.case.id]


@pytest.fixture
def case():
    return course().cases["stairs_fall"]


def answers_for(stage):
    """Valid answers for whatever a stage asks (the expert's own, so every commitment is accepted)."""
    return {"differential": list(stage.expert_differential) + ["gout", "dvt", "osteoarthritis"][:3 - len(stage.expert_differential)],
            "next_step": next((o.id for o in stage.options if o.best), None),
            "triage": stage.triage}


def test_reveal_is_refused_before_a_commitment(case):
    run = CaseRun(case)
    with pytest.raises(CaseError, match="Commit"):
        run.reveal()


def test_next_stage_is_refused_before_a_commitment(case):
    run = CaseRun(case)
    with pytest.raises(CaseError, match="before you move on"):
        run.next_stage()
    assert run.stage_number == 1


def test_commit_unlocks_the_reveal_and_the_next_stage(case):
    run = CaseRun(case)
    feedback = run.commit(**answers_for(run.stage))
    assert run.reveal() is feedback and feedback.stage.reasoning
    run.next_stage()
    assert run.stage_number == 2
    with pytest.raises(CaseError):
        run.reveal()  # stage 2 is not committed yet


def test_a_stage_cannot_be_committed_twice(case):
    run = CaseRun(case)
    run.commit(**answers_for(run.stage))
    with pytest.raises(CaseError, match="already committed"):
        run.commit(**answers_for(run.stage))


def test_incomplete_commitment_is_rejected_and_nothing_is_recorded(case):
    run = CaseRun(case)
    with pytest.raises(CaseError, match="top 3"):
        run.commit(differential=["gout", None, None], triage="urgent")
    with pytest.raises(CaseError, match="how soon"):
        run.commit(differential=["gout", "dvt", "osteoarthritis"], triage=None)
    with pytest.raises(CaseError, match="different"):
        run.commit(differential=["gout", "gout", "dvt"], triage="urgent")
    assert run.answers == {} and not run.committed


def test_cannot_go_past_the_last_stage(case):
    run = CaseRun(case)
    while True:
        run.commit(**answers_for(run.stage))
        if run.is_last:
            break
        run.next_stage()
    assert run.finished
    with pytest.raises(CaseError, match="last stage"):
        run.next_stage()


def test_answers_are_recorded_with_stage_keys_and_fit_the_progress_schema(case):
    run = CaseRun(case)
    run.commit(differential=["medial_ankle_sprain", "medial_malleolus_fracture", "gout"], triage="routine")
    progress = empty_progress()
    save_case(progress, run.progress(datetime.fromisoformat(NOW)))
    record = progress["cases"]["stairs_fall"]
    assert record == {"stage": 1, "at": NOW, "answers": {
        "s1_differential": ["medial_ankle_sprain", "medial_malleolus_fracture", "gout"], "s1_triage": "routine"}}
    assert parse_progress(json.dumps(progress).encode())["cases"] == progress["cases"]


def test_resume_replays_saved_answers_to_the_next_open_stage(case):
    run = CaseRun(case)
    run.commit(**answers_for(run.stage))
    run.next_stage()
    run.commit(**answers_for(run.stage))
    resumed = CaseRun.resume(case, saved(run))
    assert resumed.stage_number == 3 and not resumed.committed
    assert resumed.answers == run.answers


def test_resume_starts_afresh_when_the_record_no_longer_fits_the_case(case):
    resumed = CaseRun.resume(case, {"stage": 2, "answers": {"s1_triage": "not_a_level"}, "at": NOW})
    assert resumed.stage_number == 1 and resumed.answers == {}


@pytest.mark.parametrize("chosen, expert, verdict, serious", [
    ("urgent", "urgent", "exact", False),
    ("emergency", "urgent", "over", False),
    ("routine", "urgent", "under", True),
    ("self_care", "emergency", "under", True),
    ("self_care", "routine", "under", False),  # a smaller miss: nobody needed care today
])
def test_triage_is_scored_exact_over_or_under_and_under_triage_of_urgent_care_is_serious(chosen, expert, verdict,
                                                                                         serious):
    result = compare_triage(chosen, expert)
    assert result.verdict == verdict
    assert result.feedback.serious is serious
    if serious:
        assert "serious error" in result.feedback.message


def test_differential_scores_the_final_diagnosis_rank_and_flags_a_dropped_must_not_miss():
    top = score_differential(["gout", "septic_arthritis", "osteoarthritis"], "septic_arthritis",
                             ["septic_arthritis", "gout", "rheumatoid_arthritis"])
    assert top.gold_rank == 2 and top.verdicts[0].symbol == "◐"
    missed = score_differential(["gout", "osteoarthritis", "rheumatoid_arthritis"], "septic_arthritis",
                                ["septic_arthritis", "gout", "rheumatoid_arthritis"])
    assert missed.gold_rank is None and missed.verdicts[0].symbol == "✗"
    assert any(v.serious and "infected ankle joint" in v.message for v in missed.verdicts)


def test_under_triage_at_the_first_stage_is_flagged_in_the_reveal(case):
    run = CaseRun(case)
    feedback = run.commit(differential=["medial_ankle_sprain", "gout", "dvt"], triage="self_care")
    assert feedback.triage.verdict == "under" and feedback.serious


def test_checker_comparison_reports_same_triage_and_the_gold_rank(case):
    def stub(findings):
        return SimpleNamespace(triage="emergency", reasons=["why"],
                               differential=[("medial_ankle_sprain", 0.5), ("medial_malleolus_fracture", 0.3)])

    comparison = compare_with_checker(case, stub)
    assert comparison.triage.verdict == "over" and comparison.gold_rank == 2
    triage_line, rank_line = comparison.lines
    assert triage_line.symbol == "△" and "more cautious" in triage_line.message
    assert rank_line.symbol == "◐" and "number 2" in rank_line.message
    assert comparison.note == case.checker_note


def test_checker_under_triage_is_flagged_as_serious(case):
    def stub(findings):
        return SimpleNamespace(triage="self_care", reasons=[], differential=[])

    comparison = compare_with_checker(case, stub)
    assert comparison.gold_rank is None
    assert comparison.lines[0].serious and "under-triages" in comparison.lines[0].message
