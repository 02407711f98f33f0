"""The shipped question bank: big enough, tagged, every objective covered, the article's errors taught."""

from __future__ import annotations

import pytest

from ankle_course.content import course
from ankle_course.quiz import final_questions, module_questions, score

BANK = course().questions


def test_bank_has_at_least_110_questions_across_every_module_with_objectives():
    assert len(BANK) >= 110
    modules_with_objectives = {m.id for m in course().modules.values() if m.objectives}
    assert modules_with_objectives <= {q.module for q in BANK.values()}


@pytest.mark.parametrize("module, objective", [(m.id, o.id) for m in course().modules.values() for o in m.objectives])
def test_every_learning_objective_has_at_least_two_questions(module, objective):
    count = sum(q.module == module and q.objective == objective for q in BANK.values())
    assert count >= 2, f"{module}/{objective} has {count} question(s); add more to questions.toml"


def test_every_question_type_is_used():
    assert {q.type for q in BANK.values()} == {"single", "multiple", "true_false", "matching", "ordering", "identify"}


def test_both_audiences_and_all_difficulties_are_present():
    assert {q.audience for q in BANK.values()} == {"learner", "pt_student"}
    assert {q.difficulty for q in BANK.values()} == {1, 2, 3}


@pytest.mark.parametrize("question_id", [
    "an_subtalar_inversion", "an_talocrural_motions",  # subtalar, not talocrural, inverts and everts
    "an_fdl_toes",  # FDL flexes toes 2-5
    "dx_mri_soft_tissue", "dx_ct_soft_tissue",  # MRI, not CT, for soft tissue
    "tx_ice_evidence", "tx_rice_changed",  # ice / PEACE & LOVE
    "ca_tendinopathy_word",  # tendinopathy
    "an_bifurcate",  # bifurcate is lateral midfoot
    "an_tunnel_not_ta",  # tibialis anterior is not in the tarsal tunnel
])
def test_the_articles_corrected_errors_are_asked_and_say_what_changed(question_id):
    q = BANK[question_id]
    assert "article" in q.explanation, f"{question_id} should tell a learner who read the article what changed"


@pytest.mark.parametrize("question_id", sorted(BANK))
def test_the_stored_answer_of_every_question_scores_full_marks(question_id):
    q = BANK[question_id]
    assert score(q, q.answer) == 1.0


def test_identify_questions_name_a_structure_and_describe_it_in_words():
    for q in (q for q in BANK.values() if q.type == "identify"):
        assert q.structure and "highlight" in q.prompt.lower()


def test_module_quiz_can_leave_out_pt_student_questions():
    learner = module_questions(course(), "anatomy", track="learner")
    assert learner and all(q.audience == "learner" for q in learner)
    assert len(module_questions(course(), "anatomy")) > len(learner)


def test_unknown_module_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown module 'anatomyy'"):
        module_questions(course(), "anatomyy")


def test_final_assessment_mixes_every_objective_and_is_reproducible_by_seed():
    first = final_questions(course(), per_objective=2, seed=3)
    assert [q.id for q in first] == [q.id for q in final_questions(course(), per_objective=2, seed=3)]
    objectives = {(m.id, o.id) for m in course().modules.values() for o in m.objectives}
    assert {(q.module, q.objective) for q in first} == objectives
