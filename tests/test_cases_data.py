"""Case files: the shipped cases are valid, cover the course, speak the checker's language, and a broken case
file is rejected with its file, entry and field."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ankle_course.content import SHIPPED_FOLDER, check_course, course
from ankle_course.content.checker.vocabulary import CONDITIONS
from ankle_course.content.schemas import CASE_STAGE_KINDS

SEED = Path("/work/shared/seed/inside-ankle-pain-article.txt")
CASE = SHIPPED_FOLDER / "cases" / "05_stairs_fall.toml"


def test_there_are_at_least_twelve_cases_covering_every_condition_of_the_course():
    cases = course().cases.values()
    assert len(cases) >= 12
    assert {c.condition for c in cases} == set(CONDITIONS)


def test_every_case_runs_through_every_stage_in_order():
    for case in course().cases.values():
        assert [s.kind for s in case.stages] == list(CASE_STAGE_KINDS), case.id


def test_every_case_asks_for_a_differential_and_a_triage_somewhere():
    for case in course().cases.values():
        asked = {a for s in case.stages for a in s.ask}
        assert {"differential", "triage", "next_step"} <= asked, case.id


def test_every_case_is_accepted_by_the_symptom_checker():
    from ankle_course import triage

    for case in course().cases.values():
        result = triage.assess(dict(case.findings))
        assert result.triage in ("emergency", "urgent", "routine", "self_care"), case.id


def test_case_text_does_not_copy_the_source_article():
    if not SEED.exists():
        pytest.skip("the source article is not on this machine")
    def words(text: str) -> list[str]:
        return re.findall(r"[a-z0-9']+", text.lower())

    article = words(SEED.read_text())
    runs = {tuple(article[i:i + 8]) for i in range(len(article) - 7)}
    for path in sorted((SHIPPED_FOLDER / "cases").glob("*.toml")):
        ours = words(path.read_text())
        copied = [" ".join(ours[i:i + 8]) for i in range(len(ours) - 7) if tuple(ours[i:i + 8]) in runs]
        assert not copied, f"{path.name} repeats the article word for word: {copied[0]!r}"


# ---------------------------------------------------------------------------------------------- broken cases
def break_case(folder: Path, old: str, new: str) -> None:
    path = folder / "cases" / CASE.name
    text = path.read_text()
    assert old in text, f"fixture text not found: {old!r}"
    path.write_text(text.replace(old, new, 1))


def problems_for(folder: Path) -> list[str]:
    loaded, problems = check_course(folder)
    assert loaded is None, "the broken case was accepted"
    return [str(p) for p in problems]


BROKEN = [
    ("missing field", 'title = "A missed step on the stairs"\n', "",
     "cases/05_stairs_fall.toml: entry 'stairs_fall' (#1), field 'title': Missing data for required field."),
    ("unknown finding", "swelling = true", "sweling = true",
     "field 'findings.sweling': unknown finding 'sweling'"),
    ("finding value outside its choices", 'weight_bearing = "none"', 'weight_bearing = "hobbling"',
     "field 'findings.weight_bearing': finding 'weight_bearing': expected one of"),
    ("finding of the wrong type", "swelling = true", 'swelling = "yes"',
     "field 'findings.swelling': finding 'swelling': expected true or false"),
    ("unknown condition", 'condition = "medial_malleolus_fracture"', 'condition = "broken_ankle"',
     "entry 'stairs_fall', field 'condition': unknown condition 'broken_ankle'"),
    ("unknown expert differential", 'expert_differential = ["medial_malleolus_fracture", "medial_ankle_sprain", "tendon_rupture"]\ntriage = "urgent"',
     'expert_differential = ["medial_malleolus_fracture", "sprain", "tendon_rupture"]\ntriage = "urgent"',
     "field 'stages[0].expert_differential[1]': unknown condition 'sprain'"),
    ("bad triage level", 'triage = "urgent"\nrefs', 'triage = "soon"\nrefs',
     "field 'triage': Must be one of: emergency, urgent, routine, self_care."),
    ("stage out of order", 'kind = "diagnosis"', 'kind = "history"', "field 'stages': stage kinds must run in the order"),
    ("next step without a best option", 'id = "ottawa_points"\n  label = "Press the Ottawa bony points"\n  best = true',
     'id = "ottawa_points"\n  label = "Press the Ottawa bony points"\n  best = false',
     "field 'stages[1].options': exactly one option has best = true"),
    ("triage asked but not given", 'ask = ["triage"]\ntriage = "urgent"\n', 'ask = ["triage"]\n',
     "field 'stages[3].triage': a stage that asks for a triage decision gives the expert's"),
    ("unknown stage reference", 'refs = ["stiell_ottawa_1993"]\n\n[[stages]]\nname = "Examination"',
     'refs = ["stiell_1993"]\n\n[[stages]]\nname = "Examination"',
     "field 'stages[0].refs[0]': unknown reference 'stiell_1993'"),
    ("unknown case reference", 'refs = ["stiell_ottawa_1993", "bachmann', 'refs = ["nobody_2020", "bachmann',
     "entry 'stairs_fall', field 'refs[0]': unknown reference 'nobody_2020'"),
]


@pytest.mark.parametrize("old, new, expected", [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN])
def test_broken_case_is_rejected_with_file_entry_and_field(content_copy: Path, old: str, new: str, expected: str):
    break_case(content_copy, old, new)
    found = problems_for(content_copy)
    assert any(expected in p and "05_stairs_fall.toml" in p for p in found), found


def test_a_case_file_that_is_not_toml_is_named(content_copy: Path):
    (content_copy / "cases" / "99_draft.toml").write_text('id = "draft"\ntitle = "unfinished\n')
    found = problems_for(content_copy)
    assert any(p.startswith("cases/99_draft.toml: not valid TOML") for p in found), found


def test_an_instructor_can_add_a_case_by_adding_a_file(content_copy: Path):
    text = CASE.read_text().replace('id = "stairs_fall"', 'id = "my_new_case"', 1)
    (content_copy / "cases" / "20_my_new_case.toml").write_text(text)
    loaded, problems = check_course(content_copy)
    assert problems == [] and "my_new_case" in loaded.cases
