"""The case player driven as a student would: pick a case, commit, read the reveal, go on, finish."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from ankle_course.progress import ProgressStore
from ankle_course.widgets.cases import CaseView, case_list, case_studies


def stub_assess(findings):
    return SimpleNamespace(triage="urgent", reasons=["An Ottawa point is tender after an injury."],
                           differential=[("medial_malleolus_fracture", 0.7), ("medial_ankle_sprain", 0.2)])


@pytest.fixture
def view(tmp_path):
    v = CaseView(store=ProgressStore(tmp_path), assess=stub_assess)
    v.picker.value = "stairs_fall"
    return v


def choose_top3(view, picks=("medial_malleolus_fracture", "medial_ankle_sprain", "tendon_rupture")):
    for dropdown, pick in zip(view.differential, picks):
        dropdown.value = pick


def answer_stage(view):
    stage = view.run.stage
    choose_top3(view)
    if stage.options:
        view.next_step.value = next(o.id for o in stage.options if o.best)
    view.triage.value = stage.triage


def test_picking_a_case_shows_stage_one_and_no_reveal(view):
    assert "Stage 1 of 6" in view.header.value and "Maria" in view.header.value
    assert view.reveal.value == "" and view.next_button.disabled
    assert "ankle-case" in view.widget._dom_classes
    assert view.commit_button.description == "Commit"


def test_commit_without_answers_says_what_is_missing_and_reveals_nothing(view):
    view.commit_button.click()
    assert "Choose your top 3" in view.message.value
    assert view.reveal.value == "" and view.next_button.disabled


def test_commit_reveals_the_expert_reasoning_and_scores_under_triage(view):
    choose_top3(view)
    view.triage.value = "self_care"
    view.commit_button.click()
    assert "The expert's reasoning" in view.reveal.value and "Under-triage, the serious error" in view.reveal.value
    assert "✓ Your first choice is the final diagnosis." in view.reveal.value
    assert view.commit_button.disabled and view.triage.disabled and not view.next_button.disabled


def test_next_stage_shows_stage_two_with_its_own_question(view):
    answer_stage(view)
    view.commit_button.click()
    view.next_button.click()
    assert "Stage 2 of 6" in view.header.value and view.reveal.value == ""
    assert view.next_step.options[0][0] == "Press the Ottawa bony points"
    assert view.next_step_box in view.controls.children and view.triage_box not in view.controls.children


def test_finishing_shows_teaching_points_and_the_checker_beside_the_expert(view):
    while True:
        answer_stage(view)
        view.commit_button.click()
        if view.run.is_last:
            break
        view.next_button.click()
    assert "Case complete" in view.summary.value and "Teaching points" in view.summary.value
    assert "Same triage" in view.checker.value and "Where and why they differ" in view.checker.value
    assert view.next_button.disabled


def test_answers_are_saved_to_progress_and_resumed(tmp_path, view):
    answer_stage(view)
    view.commit_button.click()
    saved = json.loads((tmp_path / "progress.json").read_text())["cases"]["stairs_fall"]
    assert saved["stage"] == 1 and saved["answers"]["s1_triage"] == "urgent"
    again = CaseView(store=ProgressStore(tmp_path), assess=stub_assess)
    again.picker.value = "stairs_fall"
    assert "Stage 2 of 6" in again.header.value and "Welcome back" in again.message.value


def test_start_again_returns_to_stage_one(view):
    answer_stage(view)
    view.commit_button.click()
    view.restart_button.click()
    assert "Stage 1 of 6" in view.header.value and not view.commit_button.disabled and view.reveal.value == ""


def test_case_list_and_player_build_from_shipped_content(tmp_path):
    assert "A missed step on the stairs" in case_list().value
    assert case_studies(store=ProgressStore(tmp_path)) is not None
