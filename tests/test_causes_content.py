"""Module 2's content: one entry per contract condition, every section written, citations that resolve,
and the corrections of the source article taught where a learner may have read the old claim."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ankle_course.citations import new_page
from ankle_course.content import SHIPPED_FOLDER, check_course, course
from ankle_course.content.condition_text import SECTIONS, condition_text

# the condition ids of the symptom-checker contract (renaming one breaks cases and the evaluation set)
CONTRACT_CONDITIONS = (
    "medial_ankle_sprain", "posterior_tibial_tendinopathy", "tendon_rupture", "muscle_strain",
    "medial_malleolus_fracture", "stress_fracture", "osteoarthritis", "gout", "rheumatoid_arthritis",
    "tarsal_tunnel_syndrome", "fhl_tendinopathy", "septic_arthritis", "dvt", "compartment_syndrome", "charcot_foot",
    "acute_limb_ischaemia",  # contract version 2
    "accessory_navicular", "kohler_disease", "tarsal_coalition",  # issue 22: the growing foot
)
SEED_ARTICLE = Path("/work/shared/seed/inside-ankle-pain-article.txt")


def test_every_contract_condition_has_exactly_one_entry():
    assert sorted(course().conditions) == sorted(CONTRACT_CONDITIONS)


def test_condition_ids_match_the_triage_engine():
    from ankle_course import triage

    assert set(course().conditions) == set(triage.CONDITIONS)


@pytest.mark.parametrize("condition_id", CONTRACT_CONDITIONS)
def test_every_condition_has_all_plain_sections_a_pt_box_and_typical_findings(condition_id):
    cond = course().conditions[condition_id]
    assert cond.details is not None
    assert all(getattr(cond.details, key).strip() for key, _ in SECTIONS)
    assert cond.details.pt_depth, f"{condition_id} has no PT-student depth"
    assert len(cond.typical_findings) >= 4


@pytest.mark.parametrize("condition_id", CONTRACT_CONDITIONS)
def test_every_citation_in_the_text_is_numbered_and_listed(condition_id):
    page = new_page("causes")
    text = condition_text(condition_id, page=page)
    body = " ".join(html for _, html in text.sections) + (text.pt_depth or "") + (text.correction or "")
    cited = re.findall(r'<a href="#ankle-ref-causes-([a-z0-9_]+)"[^>]*>(\d+)</a>', body)
    assert cited and "[@" not in body
    listed = {r.id for r in text.sources}
    for ident, number in cited:  # every number is the page's number for a source the card lists
        assert ident in listed and page.number(ident) == int(number)


def test_must_not_miss_conditions_send_the_learner_to_care_in_plain_words():
    for cond in course().conditions.values():
        if cond.group == "must_not_miss":
            do_now = cond.details.do_now.lower()
            assert any(w in do_now for w in ("ambulance", "emergency department", "be seen today")), cond.id


def test_tendonitis_is_corrected_to_tendinopathy_with_its_reference():
    correction = course().conditions["posterior_tibial_tendinopathy"].details.correction
    assert "tendonitis" in correction and "tendinopathy" in correction and "[@cook_purdam_2009]" in correction


def test_tibialis_posterior_staging_cites_johnson_strom_and_myerson():
    pt = course().conditions["posterior_tibial_tendinopathy"].details.pt_depth
    assert "[@johnson_strom_pttd_1989]" in pt and "[@myerson_pttd_1996]" in pt
    assert all(f"stage {s}" in pt for s in ("I", "II", "III", "IV"))


def test_sprain_grades_one_to_three_are_taught():
    pt = course().conditions["medial_ankle_sprain"].details.pt_depth
    assert all(f"Grade {g}" in pt for g in ("I:", "II:", "III:"))


def test_tarsal_tunnel_contents_are_listed_front_to_back():
    pt = course().conditions["tarsal_tunnel_syndrome"].details.pt_depth
    order = ["tibialis posterior", "flexor digitorum longus", "posterior tibial artery", "tibial nerve",
             "flexor hallucis longus"]
    positions = [pt.index(name) for name in order]
    assert positions == sorted(positions)


def test_no_run_of_eight_words_is_copied_from_the_source_article():
    if not SEED_ARTICLE.exists():
        pytest.skip("the source article is not on this machine")

    def words(text: str) -> list[str]:
        return re.findall(r"[a-z0-9']+", text.lower().replace("’", "'"))

    article = words(SEED_ARTICLE.read_text())
    runs = {tuple(article[i:i + 8]) for i in range(len(article) - 7)}
    ours = words((SHIPPED_FOLDER / "conditions.toml").read_text() + (SHIPPED_FOLDER / "symptom_questions.toml").read_text()
                 + (Path(__file__).parents[1] / "notebooks" / "02_causes.ipynb").read_text())
    copied = [" ".join(ours[i:i + 8]) for i in range(len(ours) - 7) if tuple(ours[i:i + 8]) in runs]
    assert not copied


def _problems(folder: Path) -> list[str]:
    return [str(p) for p in check_course(folder)[1]]


def test_an_unknown_citation_in_condition_text_names_file_entry_and_section(content_copy: Path):
    path = content_copy / "conditions.toml"
    path.write_text(path.read_text().replace("[@boast_compartment_2014]", "[@no_such_paper]", 1))
    assert any("conditions.toml: entry 'compartment_syndrome', field 'details.what_happens': cites unknown "
               "reference 'no_such_paper'" in p for p in _problems(content_copy))


def test_a_typical_finding_with_a_wrong_choice_is_reported(content_copy: Path):
    path = content_copy / "conditions.toml"
    path.write_text(path.read_text().replace('"mechanism=rolled_inward"', '"mechanism=sideways"', 1))
    assert any("entry 'medial_ankle_sprain', field 'typical_findings[1]': 'mechanism' is a choice question"
               in p for p in _problems(content_copy))


def test_a_symptom_question_without_choice_labels_is_reported(content_copy: Path):
    path = content_copy / "symptom_questions.toml"
    text = path.read_text()
    start = text.index('choice_labels = ["Normally"')
    path.write_text(text[:start] + text[text.index("\n", start) + 1:])
    assert any("symptom_questions.toml: entry 'weight_bearing'" in p and "choice_labels" in p
               for p in _problems(content_copy))
