"""Seeded shuffling with a correct shown <-> stored mapping, the retry set, recording and mastery."""

from __future__ import annotations

from datetime import UTC, datetime

from ankle_course.content import course
from ankle_course.progress import ProgressStore, empty_progress
from ankle_course.progress.entries import add_quiz_answer
from ankle_course.quiz import QuizSession, latest_scores, objective_mastery, show
from ankle_course.quiz.mastery import MASTERY_SCORE

BANK = course().questions


def fixed_clock() -> datetime:
    return datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def test_shuffle_is_the_same_for_the_same_seed_and_differs_for_another():
    qs = list(BANK.values())[:20]
    a, b, c = (QuizSession(qs, seed=s).questions for s in (1, 1, 2))
    assert [q.id for q in a] == [q.id for q in b] != [q.id for q in c]


def test_shown_options_map_back_to_the_stored_index():
    q = BANK["an_medial_malleolus"]  # right answer: "Tibia", stored index 2
    for seed in range(10):
        shown = show(q, seed)
        position = shown.options.index("Tibia")
        assert shown.to_stored(position) == 2
        assert shown.to_shown(2) == position
        assert [q.choices[shown.to_stored(i)] for i in range(len(q.choices))] == list(shown.options)


def test_an_ordering_question_is_never_shown_already_in_order():
    q = BANK["an_tunnel_order"]
    for seed in range(50):
        assert list(show(q, seed).order) != list(q.answer)


def test_true_false_keeps_true_before_false():
    assert show(BANK["st_swollen_calf"], 5).options == ("True", "False")


def test_retry_holds_only_questions_not_fully_right_and_reshuffles():
    ids = ["an_fdl_toes", "an_medial_malleolus", "an_tunnel_contents", "st_swollen_calf"]
    session = QuizSession([BANK[i] for i in ids], seed=0, clock=fixed_clock)
    session.check("an_fdl_toes", 2)  # right
    session.check("an_medial_malleolus", 0)  # wrong
    session.check("an_tunnel_contents", [0, 1])  # partly right
    retry = session.retry()
    assert {q.id for q in retry.questions} == {"an_medial_malleolus", "an_tunnel_contents"}
    assert retry.seed != session.seed and not retry.results


def test_score_line_counts_partial_credit():
    session = QuizSession([BANK["an_fdl_toes"], BANK["an_tunnel_contents"]], clock=fixed_clock)
    session.check("an_fdl_toes", 2)
    session.check("an_tunnel_contents", [0, 1])
    assert session.total == 1 + 2 / 3
    assert "out of 2 answered" in session.score_line()


def test_record_counts_attempts_and_keeps_the_latest_answer():
    progress = empty_progress()
    session = QuizSession([BANK["an_fdl_toes"]], clock=fixed_clock)
    add_quiz_answer(progress, session.check("an_fdl_toes", 1).answer_record())
    add_quiz_answer(progress, session.check("an_fdl_toes", 2).answer_record())
    assert progress["quiz"]["an_fdl_toes"] == {"answer": 2, "score": 1.0, "attempts": 2,
                                               "at": "2025-03-01T12:00:00+00:00"}


def test_quiz_answers_survive_export_and_import_into_another_store(tmp_path):
    session = QuizSession([BANK["an_tendon_actions_match"], BANK["an_tunnel_order"]], clock=fixed_clock)
    mine = ProgressStore(tmp_path / "mine", clock=fixed_clock)
    matching = dict(BANK["an_tendon_actions_match"].answer)
    mine.record_quiz_answer(session.check("an_tendon_actions_match", matching).answer_record())
    mine.record_quiz_answer(session.check("an_tunnel_order", [4, 1, 3, 0, 2]).answer_record())
    exported = mine.export()
    theirs = ProgressStore(tmp_path / "theirs", clock=fixed_clock)
    theirs.import_bytes(exported.data)
    assert theirs.load()["quiz"] == mine.load()["quiz"]
    assert theirs.load()["quiz"]["an_tunnel_order"]["score"] == 0.9


def test_mastery_needs_two_answers_and_a_mean_of_80_percent():
    content = course()
    ids = [q.id for q in BANK.values() if q.module == "anatomy" and q.objective == "tarsal_tunnel"]

    def status(scores):
        rows = objective_mastery(scores, content, modules=["anatomy"])
        return next(r for r in rows if r.objective_id == "tarsal_tunnel").status

    assert status({}) == "not_started"
    assert status({ids[0]: 1.0}) == "learning"
    assert status({ids[0]: 1.0, ids[1]: MASTERY_SCORE - 0.2}) == "mastered"  # mean 0.8
    assert status({ids[0]: 1.0, ids[1]: 0.5}) == "learning"


def test_latest_scores_reads_a_progress_record():
    progress = empty_progress()
    progress["quiz"]["an_fdl_toes"] = {"answer": 2, "score": 1.0, "attempts": 1, "at": "2025-03-01T12:00:00"}
    assert latest_scores(progress) == {"an_fdl_toes": 1.0}
