"""The wider-differential cards (differential.toml): teaching-only conditions the checker does not rank. Its first
three cards (accessory navicular, Köhler disease, tarsal coalition) became checker conditions in issue 22, so they
live in conditions.toml, once; the file may now be empty, and a card added later is still checked and shown."""

from __future__ import annotations

from pathlib import Path

from ankle_course.content import check_course, course, load_course
from ankle_course.content.checker.vocabulary import CONDITIONS
from ankle_course.widgets.causes import differential_cards

GROWING_FOOT = ("accessory_navicular", "kohler_disease", "tarsal_coalition")
SEVER = '''
[[card]]
id = "sever_disease"
name = "Sever disease"
who = "Children."
presentation = "Heel pain."
examination = "Tender heel."
imaging = "None taught."
management = "Load management."
not_in_checker = "Not a checker condition."
mimics = ["stress_fracture"]
refs = ["course_design"]
'''


def test_the_growing_foot_conditions_are_checker_conditions_with_one_card_each_not_teaching_cards():
    assert set(GROWING_FOOT) <= set(CONDITIONS)
    assert set(GROWING_FOOT) <= set(course().conditions)
    assert not set(course().differential) & set(CONDITIONS)


def test_accessory_navicular_keeps_its_geist_staging_on_its_condition_card():
    pt = course().conditions["accessory_navicular"].details.pt_depth
    assert "Geist" in pt and all(f"Type {n}" in pt for n in (1, 2, 3))


def test_an_empty_differential_file_is_valid_and_shows_nothing():
    assert course().differential == {} or all(c not in CONDITIONS for c in course().differential)
    if not course().differential:
        assert differential_cards().data == ""


def _add_card(folder: Path, text: str = SEVER) -> None:
    path = folder / "differential.toml"
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_a_card_added_later_is_shown_in_the_pt_box_with_what_it_mimics(content_copy: Path):
    _add_card(content_copy)
    loaded = load_course(content_copy)
    html = differential_cards(loaded).data
    assert html.startswith('<details class="ankle-pt-depth"')
    assert html.count('class="ankle-differential-card"') == 1
    assert "Easily taken for" in html and "Stress fracture" in html and "<caption" in html


def test_a_card_that_reuses_a_checker_condition_id_is_refused(content_copy: Path):
    _add_card(content_copy, SEVER.replace('id = "sever_disease"', 'id = "kohler_disease"'))
    _, problems = check_course(content_copy)
    assert any(p.file == "differential.toml" and p.entry == "'kohler_disease'" and p.field == "id" for p in problems)


def test_an_unknown_mimicked_condition_is_reported_by_field(content_copy: Path):
    _add_card(content_copy, SEVER.replace('mimics = ["stress_fracture"]', 'mimics = ["sever"]'))
    _, problems = check_course(content_copy)
    assert any(p.file == "differential.toml" and p.field == "mimics[0]" and "unknown condition 'sever'" in p.message
               for p in problems)
