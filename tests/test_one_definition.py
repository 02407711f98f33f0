"""Each fact of the course has one definition that every user of it imports: these tests fail if a copy
appears and drifts (a limit the content check accepts but the timer refuses, an id the content check
accepts but the progress store refuses, a level word spelled one way on one page and another elsewhere)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from marshmallow import fields, validate

from ankle_course import timer
from ankle_course.content import SHIPPED_FOLDER, check_course, course
from ankle_course.content import schemas as s
from ankle_course.ids import ID_PATTERN


def _validators(field: fields.Field) -> list:
    """Every validator on a field and on the fields it holds (list items, dict keys and values)."""
    found = list(field.validators)
    for inner in (getattr(field, "inner", None), getattr(field, "key_field", None), getattr(field, "value_field", None)):
        if inner is not None:
            found += _validators(inner)
    return found


def _range(schema: type[s.RecordSchema], name: str) -> tuple[int, int]:
    (rng,) = [v for v in schema().fields[name].validators if isinstance(v, validate.Range)]
    return rng.min, rng.max


def test_a_dosage_the_content_check_accepts_is_one_the_timer_can_run(tmp_path: Path):
    folder = tmp_path / "content"
    shutil.copytree(SHIPPED_FOLDER, folder)
    path = folder / "exercises.toml"
    text = path.read_text()
    assert "hold_s = 2\n" in text
    path.write_text(text.replace("hold_s = 2\n", "hold_s = 0\n", 1))
    _, problems = check_course(folder)
    assert any(p.file == "exercises.toml" and p.field.endswith("hold_s") for p in problems), problems


def test_the_content_schemas_dosage_limits_are_the_timers():
    for name in ("reps", "sets", "hold_s", "rest_s", "relax_s"):
        low, high, *_ = timer.LIMITS[name]
        assert _range(s.DosageSchema, name) == (low, high), name
    assert _range(s.DosageSchema, "reps_max") == timer.LIMITS["reps"][:2]


def test_every_shipped_dosage_runs_in_the_timer():
    for exercise in course().exercises.values():
        for d in exercise.dosages:
            timer.TimerDosage(reps=d.reps, sets=d.sets, hold_s=d.hold_s, rest_s=d.rest_s, relax_s=d.relax_s)


# Patterns that are not ids: a notebook's file name, and "finding=choice" (two ids joined by "=").
NOT_IDS = {("ModuleSchema", "notebook"), ("ConditionSchema", "typical_findings")}


def test_every_id_pattern_in_the_content_schemas_is_the_progress_stores():
    schemas = [v for v in vars(s).values() if isinstance(v, type) and issubclass(v, s.RecordSchema)
               and v is not s.RecordSchema]
    checked = 0
    for schema in schemas:
        for name, field in schema().fields.items():
            for v in _validators(field):
                if isinstance(v, validate.Regexp) and (schema.__name__, name) not in NOT_IDS:
                    assert v.regex.pattern == ID_PATTERN, (schema.__name__, name)
                    checked += 1
    assert checked > 40


def test_the_progress_schemas_id_pattern_is_the_shared_one():
    from ankle_course.progress import schema as progress_schema

    assert progress_schema.ID.regex.pattern == ID_PATTERN


def test_every_module_that_names_the_triage_levels_uses_the_one_definition():
    from ankle_course import cases
    from ankle_course.content import levels
    from ankle_course.content.checker import vocabulary
    from ankle_course.triage import checker_result

    for module in (s, checker_result, vocabulary, cases):
        assert module.TRIAGE_LEVELS is levels.TRIAGE_LEVELS, module.__name__
    assert s.URGENCY is levels.URGENT_LEVELS is cases.URGENT_LEVELS
    assert vocabulary.TRIAGE_MEANING is levels.TRIAGE_MEANING


def test_the_pages_level_words_and_symbols_are_the_checkers():
    from ankle_course.content.levels import LEVEL_SYMBOL, LEVEL_WORD, TRIAGE_LEVELS
    from ankle_course.widgets.common import LEVEL_STYLE

    assert {level: style[:2] for level, style in LEVEL_STYLE.items()} == {
        level: (LEVEL_SYMBOL[level], LEVEL_WORD[level]) for level in TRIAGE_LEVELS}


def test_the_contracts_meaning_of_each_level_is_its_action_as_a_clause():
    from ankle_course.content.levels import ACTION, TRIAGE_LEVELS, TRIAGE_MEANING

    for level in TRIAGE_LEVELS:
        assert TRIAGE_MEANING[level][0].upper() + TRIAGE_MEANING[level][1:] + "." == ACTION[level]


def test_the_learners_two_tracks_are_one_definition():
    from ankle_course.content import records
    from ankle_course.triage import interview, symptom_questions

    assert symptom_questions.TRACKS is interview.TRACKS is s.AUDIENCES is records.TRACKS
    assert set(records.MODULE_TRACKS) == {*records.TRACKS, "both"}


PACKAGE = Path(__file__).resolve().parents[1] / "ankle_course"


@pytest.mark.parametrize("copy", ["def _utc_now", "Callable[[], datetime]", "Callable[[], float]",
                                  "TRIAGE_LEVELS = (", '"Self-care"', '= ("learner", "pt_student")'])
def test_no_module_writes_its_own_copy_of_a_shared_definition(copy: str):
    homes = {"clock.py", "levels.py", "records.py"}
    copies = [str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
              if p.name not in homes and copy in p.read_text(encoding="utf-8")]
    assert copies == []


def test_the_content_check_and_the_page_read_citations_with_one_pattern():
    from ankle_course.content import condition_text, loader, records

    assert loader.CITATION is condition_text.CITATION is records.CITATION


@pytest.mark.parametrize("piece, home", [("🎓 PT-student depth", "markup.py"), ("current_page(content).sources(", "markup.py"),
                                         ("def notice(", "markup.py"), ("def table(", "markup.py")])
def test_each_html_piece_is_written_once(piece: str, home: str):
    writers = [str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py") if piece in p.read_text(encoding="utf-8")]
    assert writers == [home]
