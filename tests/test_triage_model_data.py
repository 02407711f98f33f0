"""The triage model's data files load, cite known references, and broken data is reported by file, entry and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from ankle_course.content import SHIPPED_FOLDER, ContentError
from ankle_course.content.checker.derived import DERIVED
from ankle_course.triage import CONDITIONS, FINDINGS, TRIAGE_LEVELS, check_triage_model, load_triage_model, triage_model

EVIDENCE = "triage/evidence.toml"
CONDITIONS_TOML = "triage/conditions.toml"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {path.name}: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_after(content: Path, file: str, old: str, new: str) -> list[str]:
    edit(content / file, old, new)
    with pytest.raises(ContentError) as err:
        load_triage_model(content)
    assert [str(p) for p in err.value.problems] == [str(p) for p in check_triage_model(content)]
    return [str(p) for p in err.value.problems]


def test_shipped_model_is_valid_and_covers_every_condition():
    assert check_triage_model(SHIPPED_FOLDER) == []
    model = triage_model()
    assert [c.id for c in model.conditions] == list(CONDITIONS)
    assert all(c.care in TRIAGE_LEVELS for c in model.conditions)


def test_every_likelihood_ratio_says_where_it_comes_from_and_why():
    model = triage_model()
    assert {e.basis for e in model.evidence} == {"published", "expert_estimate"}
    for item in model.evidence:
        assert item.refs and item.explain and item.answer, item.id
        assert item.finding in FINDINGS or item.finding in DERIVED


def test_every_finding_that_can_discriminate_has_evidence_in_the_model():
    covered = {e.finding for e in triage_model().evidence}
    assert covered == set(FINDINGS) - {"onset"} | set(DERIVED)  # onset works through the priors


def test_a_folder_without_a_triage_model_has_nothing_to_check(tmp_path: Path):
    assert check_triage_model(tmp_path) == []


def test_unknown_condition_in_lr_names_file_entry_and_field(content_copy: Path):
    problems = problems_after(content_copy, EVIDENCE, "tendon_rupture = 6.0,", "tendon_ruptur = 6.0,")
    assert any(p.startswith(f"{EVIDENCE}: entry 'pop'") and "lr.tendon_ruptur" in p for p in problems)


def test_unknown_reference_is_reported(content_copy: Path):
    problems = problems_after(content_copy, EVIDENCE, 'refs = ["bachmann_ottawa_2003"]', 'refs = ["bachman_2003"]')
    assert any("unknown reference 'bachman_2003'" in p and "'ottawa_negative'" in p for p in problems)


def test_matcher_of_the_wrong_kind_for_the_finding_is_reported(content_copy: Path):
    problems = problems_after(content_copy, EVIDENCE, 'finding = "pop_at_injury"\nvalue = true',
                              'finding = "pop_at_injury"\nrange = [0, 1]')
    assert any("'pop_at_injury' is a bool finding" in p and "field 'range'" in p for p in problems)


def test_answer_outside_the_finding_choices_is_reported(content_copy: Path):
    problems = problems_after(content_copy, EVIDENCE, 'value = "rolled_inward"', 'value = "rolled_in"')
    assert any("field 'value'" in p and "expected one of" in p for p in problems)


def test_likelihood_ratio_written_as_text_or_out_of_range_is_reported(content_copy: Path):
    problems = problems_after(content_copy, EVIDENCE, "lr = { medial_ankle_sprain = 1.5,", 'lr = { medial_ankle_sprain = "1.5",')
    assert any("lr.medial_ankle_sprain" in p and "Not a valid number" in p for p in problems)
    edit(content_copy / EVIDENCE, 'lr = { medial_ankle_sprain = "1.5",', "lr = { medial_ankle_sprain = 0.0,")
    assert any("must be a number from 0.001 to 1000" in str(p) for p in check_triage_model(content_copy))


def test_missing_prior_and_unknown_care_level_are_reported(content_copy: Path):
    problems = problems_after(content_copy, CONDITIONS_TOML, "prior = { sudden_injury = 0.30, gradual = 0.02, sudden_no_injury = 0.01 }",
                              "prior = { sudden_injury = 0.30, gradual = 0.02 }")
    assert any("'medial_ankle_sprain'" in p and "prior.sudden_no_injury" in p for p in problems)
    edit(content_copy / CONDITIONS_TOML, 'care = "self_care"', 'care = "soon"')
    assert any("field 'care'" in str(p) for p in check_triage_model(content_copy))


def test_a_missing_condition_entry_is_reported(content_copy: Path):
    text = (content_copy / CONDITIONS_TOML).read_text(encoding="utf-8")
    start = text.index('[[condition]]\nid = "dvt"')
    end = text.index("[[condition]]", start + 5)
    (content_copy / CONDITIONS_TOML).write_text(text[:start] + text[end:], encoding="utf-8")
    problems = [str(p) for p in check_triage_model(content_copy)]
    assert any("missing: dvt" in p for p in problems)


def test_broken_toml_and_missing_file_are_reported_not_raised(content_copy: Path):
    edit(content_copy / EVIDENCE, 'id = "pop"', 'id = "pop')
    (content_copy / CONDITIONS_TOML).unlink()
    problems = [str(p) for p in check_triage_model(content_copy)]
    assert any(p.startswith(EVIDENCE) and "not valid TOML" in p for p in problems)
    assert any(p.startswith(CONDITIONS_TOML) and "file is missing" in p for p in problems)
