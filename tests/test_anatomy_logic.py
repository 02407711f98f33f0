"""The anatomy module's pure logic: curves, bands, rotation, the flashcard session and the drill."""

from __future__ import annotations

import math

import pytest

from ankle_course.anatomy.drill import Drill
from ankle_course.anatomy.flashcards import FlashcardSession, build_deck, card_id
from ankle_course.anatomy.geometry import band_outline, catmull_rom, rotate
from ankle_course.content import course


def test_smooth_curve_passes_through_every_control_point():
    points = [(0, 0), (10, 5), (20, 0), (30, 8)]
    curve = catmull_rom(points, closed=False)
    for p in points:
        assert any(math.isclose(c[0], p[0]) and math.isclose(c[1], p[1]) for c in curve)


def test_closed_curve_ends_where_it_starts():
    curve = catmull_rom([(0, 0), (10, 0), (10, 10), (0, 10)], closed=True)
    assert curve[0] == curve[-1]


def test_band_is_as_wide_as_asked():
    outline = band_outline([(0.0, 0.0), (10.0, 0.0), (20.0, 0.0)], width=6)
    ys = [y for _, y in outline]
    assert math.isclose(max(ys), 3) and math.isclose(min(ys), -3)


def test_rotation_turns_anticlockwise_about_the_pivot():
    (x, y), = rotate([(2.0, 1.0)], pivot=(1.0, 1.0), degrees=90)
    assert math.isclose(x, 1.0, abs_tol=1e-9) and math.isclose(y, 2.0)


def deck_session(**kwargs) -> FlashcardSession:
    return FlashcardSession(build_deck(course()), **kwargs)


def test_flip_shows_the_meaning_and_next_returns_to_the_term():
    session = deck_session()
    term = session.face
    session.flip()
    assert session.face != term and session.side == "meaning"
    session.next()
    assert session.side == "term" and session.face == session.current.front


def test_shuffle_with_the_same_seed_gives_the_same_order():
    a, b, c = deck_session(), deck_session(), deck_session()
    a.shuffle(5)
    b.shuffle(5)
    c.shuffle(6)
    assert [x.id for x in a.cards] == [x.id for x in b.cards] != [x.id for x in c.cards]


def test_known_cards_from_progress_are_kept_and_unknown_ids_dropped():
    session = deck_session(known=[card_id("talus"), "some_other_module_card"])
    assert session.known == {card_id("talus")}


def test_marking_a_card_known_and_unknown():
    session = deck_session()
    session.set_known(True)
    assert session.is_known and "you know 1 of" in session.status()
    session.set_known(False)
    assert not session.is_known


def test_empty_deck_is_refused():
    with pytest.raises(ValueError):
        FlashcardSession([])


def test_drill_choices_include_the_answer_and_are_distinct():
    drill = Drill(course(), seed=3)
    for _ in range(30):
        q = drill.question
        assert q.structure in q.choices and len(set(q.choices)) == len(q.choices) == 4
        drill.next()


def test_drill_wrong_choices_are_the_same_kind_when_possible():
    drill = Drill(course(), seed=11)
    for _ in range(20):
        q = drill.question
        kind = course().structures[q.structure].kind
        same_kind = [i for i in drill.pool if course().structures[i].kind == kind]
        if len(same_kind) >= 4:
            assert all(course().structures[c].kind == kind for c in q.choices)
        drill.next()


def test_drill_never_asks_about_structures_on_the_far_side():
    assert "bifurcate_ligament" not in Drill(course()).pool and "fibula" not in Drill(course()).pool


def test_drill_scores_only_the_first_answer_to_a_question():
    drill = Drill(course(), seed=2)
    wrong = next(c for c in drill.question.choices if c != drill.question.structure)
    feedback = drill.answer(wrong)
    assert not feedback.correct and feedback.symbol == "✗" and drill.name(drill.question.structure) in feedback.message
    assert drill.answer(drill.question.structure).correct
    assert drill.score() == "Score: 0 right out of 1"
    drill.next()
    assert drill.answer(drill.question.structure).symbol == "✓"
    assert drill.score() == "Score: 1 right out of 2"


def test_same_seed_same_drill():
    a, b = Drill(course(), seed=9), Drill(course(), seed=9)
    assert [a.next() for _ in range(5)] == [b.next() for _ in range(5)]
