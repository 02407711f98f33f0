"""Module 4's evidence cards: each states a study in numbers, cites a source that exists, names a contract
condition, and an instructor's mistake in the file is reported by file, entry and field."""

from __future__ import annotations

from pathlib import Path

from ankle_course.content import check_course, course
from ankle_course.content.checker.vocabulary import CONDITIONS
from ankle_course.widgets.treatment import evidence_cards


def test_every_card_names_a_contract_condition_and_cites_a_listed_reference():
    cards = course().evidence.values()
    assert len(cards) >= 5
    for card in cards:
        assert card.condition in CONDITIONS
        assert card.refs and all(ref in course().references for ref in card.refs)
        assert card.arms and all(getattr(card, f).strip() for f in ("design", "participants", "outcome", "effect",
                                                                    "limits"))


def test_the_tibialis_posterior_trials_the_course_recommends_are_all_carded():
    cited = {ref for card in course().evidence.values() for ref in card.refs}
    assert {"kulig_pttd_2009", "houck_pttd_2015", "alvarez_pttd_nonoperative_2006"} <= cited


def test_every_card_states_how_many_took_part_in_numbers():
    for card in course().evidence.values():
        assert any(ch.isdigit() for ch in card.participants), card.id


def test_the_view_shows_every_card_with_its_citation_and_can_show_one_condition():
    html = evidence_cards().data
    for card in course().evidence.values():
        assert card.treatment in html.replace("&#x27;", "'")
    assert html.count('class="ankle-evidence-card"') == len(course().evidence)
    assert "Kulig K" in html and "Limits" in html
    sprain = evidence_cards("medial_ankle_sprain").data
    assert "Kulig K" not in sprain and "Doherty C" in sprain


def test_an_unknown_condition_is_reported_by_file_entry_and_field(content_copy: Path):
    path = content_copy / "treatment_evidence.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('condition = "posterior_tibial_tendinopathy"',
                                                             'condition = "pttd"', 1), encoding="utf-8")
    _, problems = check_course(content_copy)
    assert any(p.file == "treatment_evidence.toml" and p.entry == "'pttd_orthosis_exercise_rct'"
               and p.field == "condition" and "unknown condition 'pttd'" in p.message for p in problems)


def test_a_card_without_arms_is_refused(content_copy: Path):
    path = content_copy / "treatment_evidence.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index("arms = [", text.index('id = "ice_systematic_review"'))
    end = text.index("\n", start)
    path.write_text(text[:start] + "arms = []" + text[end:], encoding="utf-8")
    _, problems = check_course(content_copy)
    assert any(p.file == "treatment_evidence.toml" and p.field == "arms" for p in problems)
