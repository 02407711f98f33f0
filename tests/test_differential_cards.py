"""The wider-differential cards (differential.toml): teaching-only conditions the checker does not rank, each
naming the checker conditions it mimics, citing its sources, and shown inside the PT-student box."""

from __future__ import annotations

from pathlib import Path

from ankle_course.content import check_course, course
from ankle_course.triage.vocabulary import CONDITIONS
from ankle_course.widgets.causes import differential_cards


def test_the_paediatric_medial_foot_differential_is_carded_and_none_is_a_checker_condition():
    cards = course().differential
    assert {"accessory_navicular", "kohler_disease", "tarsal_coalition"} <= set(cards)
    assert not set(cards) & set(CONDITIONS)
    for card in cards.values():
        assert card.mimics and set(card.mimics) <= set(CONDITIONS)
        assert card.refs and all(ref in course().references for ref in card.refs)


def test_staging_is_given_where_one_exists():
    assert "Geist" in course().differential["accessory_navicular"].staging


def test_the_view_puts_every_card_in_the_pt_box_with_sources_and_what_it_mimics():
    html = differential_cards().data
    assert html.startswith('<details class="ankle-pt-depth"')
    assert html.count('class="ankle-differential-card"') == len(course().differential)
    assert "Easily taken for" in html and "Tib. post. tendinopathy" in html
    assert "Merck Manual" in html and "<caption" in html


def test_a_card_that_reuses_a_checker_condition_id_is_refused(content_copy: Path):
    path = content_copy / "differential.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('id = "kohler_disease"', 'id = "stress_fracture"'),
                    encoding="utf-8")
    _, problems = check_course(content_copy)
    assert any(p.file == "differential.toml" and p.entry == "'stress_fracture'" and p.field == "id" for p in problems)


def test_an_unknown_mimicked_condition_is_reported_by_field(content_copy: Path):
    path = content_copy / "differential.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('mimics = ["stress_fracture"]', 'mimics = ["sever"]'),
                    encoding="utf-8")
    _, problems = check_course(content_copy)
    assert any(p.file == "differential.toml" and p.field == "mimics[0]" and "unknown condition 'sever'" in p.message
               for p in problems)
