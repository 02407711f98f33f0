"""The content check names file, entry and field for every kind of broken content."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ankle_course.content import ContentError, check_course, load_course


def run_check(folder: Path | None = None) -> subprocess.CompletedProcess:
    args = [sys.executable, "-m", "ankle_course.content", "check"] + ([str(folder)] if folder else [])
    return subprocess.run(args, capture_output=True, text=True, timeout=60)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"fixture text not found in {path.name}: {old!r}"
    path.write_text(text.replace(old, new, 1))


def test_shipped_content_is_valid():
    course = load_course()
    assert course.references and course.modules and course.warning_signs


def test_check_command_accepts_shipped_content_by_default():
    result = run_check()
    assert result.returncode == 0, result.stderr
    assert "content is valid" in result.stdout


def test_bad_toml_syntax_names_the_file_and_line(content_copy: Path):
    edit(content_copy / "glossary.toml", 'term = "Medial"', 'term = "Medial')
    result = run_check(content_copy)
    assert result.returncode == 1
    assert "glossary.toml" in result.stderr and "not valid TOML" in result.stderr and "line" in result.stderr


def test_missing_field_names_file_entry_and_field(content_copy: Path):
    edit(content_copy / "glossary.toml", 'plain = "On the outer side, away from the middle of the body."\n', "")
    result = run_check(content_copy)
    assert result.returncode == 1
    assert "glossary.toml: entry 'lateral' (#2), field 'plain': Missing data for required field." in result.stderr


def test_wrong_type_names_field_and_what_was_expected(content_copy: Path):
    edit(content_copy / "modules.toml", "minutes = 40", 'minutes = "forty"')
    result = run_check(content_copy)
    assert result.returncode == 1
    assert "modules.toml: entry 'anatomy' (#2), field 'minutes': Not a valid integer." in result.stderr


def test_value_outside_choices_lists_the_choices(content_copy: Path):
    edit(content_copy / "warning_signs.toml", 'action = "urgent"', 'action = "soonish"')
    result = run_check(content_copy)
    assert result.returncode == 1
    assert "field 'action': Must be one of: emergency, urgent." in result.stderr


def test_duplicate_id_is_reported(content_copy: Path):
    edit(content_copy / "glossary.toml", 'id = "lateral"', 'id = "medial"')
    result = run_check(content_copy)
    assert result.returncode == 1
    assert "glossary.toml: entry 'medial' (#2), field 'id': duplicate id 'medial'" in result.stderr


def test_dangling_reference_is_reported(content_copy: Path):
    edit(content_copy / "warning_signs.toml", 'refs = ["boast_compartment_2014"]', 'refs = ["no_such_paper"]')
    result = run_check(content_copy)
    assert result.returncode == 1
    assert ("warning_signs.toml: entry 'pain_out_of_proportion', field 'refs[0]': unknown reference "
            "'no_such_paper'; expected an id from references.toml") in result.stderr


def test_misspelt_field_is_an_error_not_ignored(content_copy: Path):
    edit(content_copy / "glossary.toml", "see_also = [\"lateral\"]", "see_allso = [\"lateral\"]")
    result = run_check(content_copy)
    assert result.returncode == 1
    assert "field 'see_allso': Unknown field." in result.stderr


def test_every_problem_is_reported_in_one_run(content_copy: Path):
    edit(content_copy / "modules.toml", "minutes = 40", "minutes = -1")
    edit(content_copy / "glossary.toml", 'id = "lateral"', 'id = "Lateral Side"')
    edit(content_copy / "references.toml", "year = 2020\n", "year = 20\n")
    _, problems = check_course(content_copy)
    files = {p.file for p in problems}
    assert {"modules.toml", "glossary.toml", "references.toml"} <= files


def test_missing_required_file_is_reported(content_copy: Path):
    (content_copy / "references.toml").unlink()
    result = run_check(content_copy)
    assert result.returncode == 1
    assert "references.toml: file is missing" in result.stderr


def test_a_broken_case_file_is_named(content_copy: Path):
    (content_copy / "cases").mkdir(exist_ok=True)
    (content_copy / "cases" / "broken.toml").write_text('id = "c1"\ntitle = "A case"\n')
    _, problems = check_course(content_copy)
    assert any(p.file == "cases/broken.toml" and p.field == "stages" for p in problems)


def test_load_course_raises_one_error_listing_every_problem(content_copy: Path):
    edit(content_copy / "modules.toml", "minutes = 40", "minutes = 0")
    with pytest.raises(ContentError) as caught:
        load_course(content_copy)
    assert "modules.toml: entry 'anatomy' (#2), field 'minutes'" in str(caught.value)


def test_check_of_a_missing_folder_is_a_clear_error(tmp_path: Path):
    result = run_check(tmp_path / "nope")
    assert result.returncode == 1 and "is not a folder" in result.stderr


def test_check_command_also_validates_the_triage_model(content_copy: Path):
    evidence = content_copy / "triage" / "evidence.toml"
    text = evidence.read_text()
    evidence.write_text(text.replace('\nbasis = "expert_estimate"', '\nbasis = "hunch"', 1))
    result = run_check(content_copy)
    assert result.returncode == 1
    assert "triage/evidence.toml: entry 'age_child' (#1), field 'basis': Must be one of" in result.stderr


def test_an_empty_required_collection_is_a_problem_not_a_later_key_error(content_copy: Path):
    (content_copy / "conditions.toml").write_text("# nothing yet\n")
    result = run_check(content_copy)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "conditions.toml, field 'condition': has no [[condition]] entries" in result.stderr


def test_an_id_longer_than_a_progress_key_is_refused(content_copy: Path):
    long_id = "q" * 81
    edit(content_copy / "glossary.toml", 'id = "lateral"', f'id = "{long_id}"')
    _, problems = check_course(content_copy)
    assert any(p.file == "glossary.toml" and "at most 80 characters" in p.message for p in problems)


def test_a_structure_whose_flashcard_id_would_be_too_long_is_named(content_copy: Path):
    from ankle_course.content import course

    first = next(iter(course().structures))
    long_id = "s" * 75  # a valid content id, but "anatomy_" + it is 83 characters
    for name in ("structures.toml", "anatomy_shapes.toml"):
        path = content_copy / name
        path.write_text(path.read_text().replace(f'id = "{first}"', f'id = "{long_id}"', 1))
    _, problems = check_course(content_copy)
    assert any(p.file == "structures.toml" and "flashcard" in p.message for p in problems)


def test_an_id_with_a_trailing_newline_is_not_an_id():
    from ankle_course.ids import is_id

    assert is_id("deltoid") and not is_id("deltoid\n") and not is_id("x" * 81) and is_id("x" * 80)


@pytest.mark.parametrize("old, new, field", [
    ("start = { r_hip_flex = 90,", 'start = { r_hip_flex = "90",', "start"),
    ("end = { r_hip_flex = 90,", "end = { r_hip_flex = true,", "end"),
    ("change = [-60, -25]", 'change = ["-60", -25]', "change"),
])
def test_an_angle_written_as_text_or_true_is_refused_not_read_as_a_number(content_copy: Path, old, new, field):
    edit(content_copy / "exercises.toml", old, new)
    problems = [str(p) for p in check_course(content_copy)[1]]
    assert any(p.startswith("exercises.toml: entry 'banded_plantarflexion'") and f"field 'poses.{field}" in p
               and "must be a number of degrees" in p for p in problems), problems


def test_a_renamed_programme_plan_is_refused_naming_the_id_the_course_needs(content_copy: Path):
    edit(content_copy / "programme.toml", 'id = "home_programme"', 'id = "my_programme"')
    problems = [str(p) for p in check_course(content_copy)[1]]
    assert any("programme.toml: entry 'my_programme'" in p and "field 'id'" in p and "'home_programme'" in p
               for p in problems), problems
    assert any("no [[plan]] has id 'home_programme'" in p for p in problems)


def test_a_second_programme_plan_is_refused_rather_than_silently_ignored(content_copy: Path):
    path = content_copy / "programme.toml"
    text = path.read_text()
    plan = text[text.index("[[plan]]"):]
    path.write_text(text + "\n" + plan.replace('id = "home_programme"', 'id = "second_plan"', 1))
    problems = [str(p) for p in check_course(content_copy)[1]]
    assert problems and all("second_plan" in p for p in problems), problems
    assert "field 'id'" in problems[0] and "exactly one [[plan]]" in problems[0]
