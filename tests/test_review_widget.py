"""The "Review today" panel: a thin view that shows what is due, saves each rating and says what comes next."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from test_spaced_review import T0, Clock

from ankle_course.progress import ProgressStore, QuizAnswer
from ankle_course.widgets.review import ReviewPanel


@pytest.fixture
def panel(tmp_path: Path) -> ReviewPanel:
    clock = Clock()
    return ReviewPanel(store=ProgressStore(tmp_path / "progress", clock=clock), clock=clock)


def test_the_panel_says_how_many_are_due_and_shows_the_first_card(panel):
    assert "5 to review now (5 new)" in panel.summary.value
    assert panel.current is not None and panel.current.front in panel.card.value.replace("&#x27;", "'")
    assert panel.ratings.layout.display == "none"


def test_showing_the_answer_then_rating_saves_the_review_and_moves_on(panel):
    first = panel.current
    panel.reveal()
    assert panel.ratings.layout.display == "" and panel.answer.value
    panel.rate("good")
    saved = panel.store.load()["reviews"]
    assert [(r["item"], r["rating"]) for r in saved] == [(first.id, "good")]
    assert panel.current is not None and panel.current.id != first.id
    assert "4 to review now" in panel.summary.value and "Saved" in panel.message.value


def test_after_the_last_due_item_it_says_when_the_next_ones_are(panel):
    for _ in range(5):
        panel.reveal()
        panel.rate("easy")
    assert panel.current is None
    assert panel.summary.value.startswith("<p>Nothing to review now. Next due tomorrow.")
    assert "Coming up" in panel.upcoming.value
    assert panel.show_button.layout.display == "none"


def test_a_module_panel_only_shows_that_modules_missed_questions(tmp_path):
    clock = Clock()
    store = ProgressStore(tmp_path / "progress", clock=clock)
    from ankle_course.content import course

    question = next(q for q in course().questions.values() if q.module == "exercises" and q.type == "single")
    store.record_quiz_answer(QuizAnswer(question.id, 0, 0.0, T0 - timedelta(days=1)))
    panel = ReviewPanel("exercises", store=store, clock=clock)
    assert panel.current.id == question.id and "1 to review now" in panel.summary.value


def test_markup_in_a_question_never_reaches_the_page_as_markup(panel):
    from ankle_course.spaced_review import ReviewItem

    panel._show(ReviewItem("question", "q1", "start", "<img src=x onerror=alert(1)>", "<b>x</b>", "why"))
    panel.reveal()
    assert "<img" not in panel.card.value and "<b>" not in panel.answer.value


def test_a_rating_that_cannot_be_saved_is_one_sentence_and_the_card_stays(panel, monkeypatch):
    from ankle_course.progress import ProgressStoreError

    def refuse(review):
        raise ProgressStoreError("Your progress could not be saved because the disk is full; what you had saved "
                                 "is unchanged.")

    monkeypatch.setattr(panel.store, "add_review", refuse)
    shown = panel.current
    panel.reveal()
    panel.rate("good")
    assert panel.current == shown and "could not be saved because the disk is full" in panel.message.value
    assert panel.store.load()["reviews"] == []


def test_a_corrupt_progress_file_set_aside_is_told_to_the_learner_once(tmp_path):
    clock = Clock()
    (tmp_path / "progress").mkdir()
    (tmp_path / "progress" / "progress.json").write_text("{not json", encoding="utf-8")
    panel = ReviewPanel(store=ProgressStore(tmp_path / "progress", clock=clock), clock=clock)
    assert "ankle-notice-warning" in panel.message.value and panel.store.notice is None
    assert list((tmp_path / "progress").glob("progress.unreadable-*.json"))
    panel.reveal()
    panel.rate("good")
    assert "ankle-notice-warning" not in panel.message.value and "Saved" in panel.message.value
