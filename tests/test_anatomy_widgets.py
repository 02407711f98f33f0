"""The anatomy widgets, driven as a learner would: tick, choose, click; then read what they show."""

from __future__ import annotations

import pytest

import ankle_course.widgets.anatomy as views
from ankle_course.figures import figure_object
from ankle_course.progress import ProgressStore


@pytest.fixture(autouse=True)
def no_display(monkeypatch):
    """Outside a kernel, display() would print whole figures; the tests read `.figure` instead."""
    monkeypatch.setattr(views, "display", lambda *a, **k: None)


def test_explorer_highlight_by_name_describes_the_structure_and_outlines_it():
    ex = views.AnatomyExplorer()
    assert ex.widget._dom_classes == ("ankle-anatomy-explorer",)
    ex.highlight.value = "flexor_hallucis_longus"
    assert "Flexor hallucis longus" in ex.panel.value and "Tibial nerve (S2, S3)" in ex.panel.value
    assert "Sources:" in ex.panel.value
    chosen = [t for t in figure_object(ex.figure).data if t.meta == "flexor_hallucis_longus"][0]
    assert chosen.line.width > 2


def test_explorer_unticking_a_layer_removes_it_from_the_drawing_and_the_description():
    ex = views.AnatomyExplorer()
    ex.layer_boxes["tendons"].value = False
    assert "tibialis_posterior" not in {t.meta for t in figure_object(ex.figure).data}
    assert "Tibialis posterior" not in ex.description.value and "Talus" in ex.description.value


def test_explorer_says_when_the_highlighted_structure_is_in_a_hidden_layer():
    ex = views.AnatomyExplorer()
    ex.layer_boxes["ligaments"].value = False
    ex.highlight.value = "spring_ligament"
    assert "switched off" in ex.panel.value


def test_explorer_with_every_layer_off_says_the_drawing_is_empty():
    ex = views.AnatomyExplorer()
    for box in ex.layer_boxes.values():
        box.value = False
    assert not figure_object(ex.figure).data and "empty" in ex.description.value


def test_motion_viewer_shows_the_joint_and_muscles_of_the_chosen_motion():
    mv = views.MotionViewer()
    mv.choice.value = "eversion"
    assert "Subtalar joint" in mv.info.value and "fibularis" in mv.info.value
    assert figure_object(mv.figure).layout.sliders[0].currentvalue.prefix.startswith("Eversion")


def test_flashcard_flip_changes_the_face(tmp_path):
    cards = views.Flashcards(store=ProgressStore(tmp_path))
    assert cards.widget._dom_classes == ("ankle-flashcards",)
    assert cards.flip_button.description == "Flip"
    before = cards.face.value
    cards.flip_button.click()
    assert cards.face.value != before and "Meaning" in cards.face.value
    cards.next_button.click()
    assert "Term" in cards.face.value


def test_flashcard_i_know_this_is_saved_and_remembered(tmp_path):
    store = ProgressStore(tmp_path)
    cards = views.Flashcards(store=store)
    current = cards.session.current.id
    cards.known_box.value = True
    assert current in store.load()["flashcards_known"] and "Saved" in cards.message.value
    again = views.Flashcards(store=ProgressStore(tmp_path))
    assert current in again.session.known
    again.session.index = again.session.cards.index(next(c for c in again.session.cards if c.id == current))
    again._show()
    assert again.known_box.value and "you know this" in again.face.value


def test_flashcards_with_an_unreadable_progress_file_still_work(tmp_path):
    (tmp_path / "progress.json").write_text("{not json")
    cards = views.Flashcards(store=ProgressStore(tmp_path))
    cards.flip_button.click()
    assert "Meaning" in cards.face.value


def test_flashcard_shuffle_starts_again_at_card_one(tmp_path):
    cards = views.Flashcards(store=ProgressStore(tmp_path))
    cards.next_button.click()
    cards.shuffle_button.click()
    assert "Card 1 of" in cards.status.value


def test_drill_check_without_a_choice_asks_for_one():
    drill = views.NameThatStructure()
    drill.check_button.click()
    assert "Choose a name first" in drill.feedback.value


def test_drill_right_answer_shows_a_tick_and_scores(monkeypatch):
    drill = views.NameThatStructure(seed=4)
    assert drill.widget._dom_classes == ("ankle-drill",)
    assert not figure_object(drill.figure).layout.annotations or all("▶" not in (a.text or "") for a in figure_object(drill.figure).layout.annotations)
    drill.choices.value = drill.drill.question.structure
    drill.check_button.click()
    assert "✓" in drill.feedback.value and "Right" in drill.feedback.value
    assert "1 right out of 1" in drill.score.value


def test_drill_wrong_answer_shows_a_cross_and_the_right_name():
    drill = views.NameThatStructure(seed=4)
    q = drill.drill.question
    drill.choices.value = next(c for c in q.choices if c != q.structure)
    drill.check_button.click()
    assert "✗" in drill.feedback.value and drill.drill.name(q.structure) in drill.feedback.value
    drill.next_button.click()
    assert drill.feedback.value == "" and drill.choices.value is None


def test_drill_figure_has_no_hover_text_that_would_give_the_answer_away():
    drill = views.NameThatStructure()
    assert all(t.hoverinfo == "skip" for t in figure_object(drill.figure).data)


def test_tunnel_section_lists_the_contents_in_order():
    section = views.TunnelSection()
    assert section.widget._dom_classes == ("ankle-tunnel-section",)
    assert [t.meta for t in figure_object(section.figure).data if t.meta == "tibial_nerve"]
