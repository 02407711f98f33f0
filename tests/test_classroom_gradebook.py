"""The class gradebook CSV: the header each LMS reads, one row per student with a score per module and the
total, and the same treatment of broken and hostile files as the class results (plus CSV injection)."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ankle_course.classroom import (
    CANVAS_ID_COLUMNS,
    GradebookError,
    class_gradebook,
    gradebook,
    gradebook_csv,
    load_class,
    main,
    neutralise,
)
from ankle_course.content import course

EXAMPLE = Path(__file__).resolve().parents[1] / "notebooks" / "instructor" / "example_class"
CONTENT = course()
MODULES = [m for m in CONTENT.modules if any(q.module == m for q in CONTENT.questions.values())]


def progress_file(folder: Path, name: str, scores: dict[str, float], learner_name: str = "") -> Path:
    quiz = {qid: {"answer": 0, "score": s, "attempts": 1, "at": "2025-03-01T10:00:00"} for qid, s in scores.items()}
    path = folder / name
    path.write_text(json.dumps({"schema_version": 1, "learner_name": learner_name, "quiz": quiz}), encoding="utf-8")
    return path


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def module_ids(module: str) -> list[str]:
    return [q.id for q in CONTENT.questions.values() if q.module == module]


def test_canvas_csv_has_canvas_header_a_points_row_and_one_row_per_student():
    text, book = class_gradebook(EXAMPLE, "canvas", CONTENT)
    table = rows(text)
    header = table[0]
    assert tuple(header[:5]) == CANVAS_ID_COLUMNS == ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")
    assert len(header) == 5 + len(MODULES) + 1 and header[-1] == "Inside Ankle Pain: total (%)"
    assert header[5] == f"Inside Ankle Pain: {CONTENT.modules[MODULES[0]].title} (%)"
    assert table[1] == ["Points Possible", "", "", "", ""] + ["100"] * (len(MODULES) + 1)
    students = table[2:]
    assert len(students) == len(book.rows) == 8 and all(len(r) == len(header) for r in students)
    assert {r[3] for r in students} == {"student-a", "student-b", "student-c", "student-d", "student-e", "student-f",
                                        "student-g", "hostile-name"}
    assert "Student A" in {r[0] for r in students}


def test_moodle_csv_has_a_name_and_a_user_field_column_and_no_points_row():
    table = rows(class_gradebook(EXAMPLE, "moodle", CONTENT)[0])
    assert table[0][:2] == ["Full name", "Username"] and len(table) == 1 + 8
    assert all(not r[0].startswith("Points Possible") for r in table[1:])


def test_module_scores_are_per_cent_of_the_module_with_blanks_for_modules_not_started(tmp_path):
    first, second = MODULES[0], MODULES[1]
    ids = module_ids(first)
    progress_file(tmp_path, "jsmith.json", {ids[0]: 1.0, ids[1]: 0.5}, "Jo Smith")
    (row,) = gradebook(load_class(tmp_path), CONTENT).rows
    assert row.login == "jsmith" and row.name == "Jo Smith"
    assert row.module_percent[first] == pytest.approx(round(100 * 1.5 / len(ids), 1))
    assert row.module_percent[second] is None
    assert row.total_percent == pytest.approx(round(100 * 1.5 / len(CONTENT.questions), 1))
    table = rows(gradebook_csv(gradebook(load_class(tmp_path), CONTENT), CONTENT, "canvas"))
    assert table[2][5] == f"{row.module_percent[first]:g}" and table[2][6] == ""


def test_the_learner_track_counts_only_learner_questions(tmp_path):
    learner = [q for q in CONTENT.questions.values() if q.audience == "learner"]
    progress_file(tmp_path, "a.json", {q.id: 1.0 for q in learner})
    assert gradebook(load_class(tmp_path), CONTENT, track="learner").rows[0].total_percent == 100
    assert gradebook(load_class(tmp_path), CONTENT).rows[0].total_percent < 100


def test_moodle_matches_by_email_when_every_file_is_named_by_one(tmp_path):
    progress_file(tmp_path, "jo@uni.example.json", {})
    progress_file(tmp_path, "al@uni.example.json", {})
    table = rows(class_gradebook(tmp_path, "moodle", CONTENT)[0])
    assert table[0][1] == "Email address" and {r[1] for r in table[1:]} == {"jo@uni.example", "al@uni.example"}


def test_moodle_refuses_a_mix_of_emails_and_usernames_that_would_abort_its_import(tmp_path):
    progress_file(tmp_path, "jo@uni.example.json", {})
    progress_file(tmp_path, "al.json", {})
    with pytest.raises(GradebookError, match="one field"):
        class_gradebook(tmp_path, "moodle", CONTENT)
    assert rows(class_gradebook(tmp_path, "canvas", CONTENT)[0])  # Canvas finds each by login or by name


@pytest.mark.parametrize("name", ["=HYPERLINK(\"http://x\",\"click\")", "+1+1", "-2+3", "@SUM(A1:A2)", "=1|cmd"])
def test_a_name_that_a_spreadsheet_would_run_is_written_as_text(tmp_path, name):
    progress_file(tmp_path, "a.json", {}, name)
    for lms in ("canvas", "moodle"):
        table = rows(class_gradebook(tmp_path, lms, CONTENT)[0])
        cell = table[-1][0]
        assert cell == "'" + name and not cell.startswith(("=", "+", "-", "@"))


def test_a_login_from_a_file_name_that_starts_like_a_formula_is_written_as_text(tmp_path):
    progress_file(tmp_path, "-cmd.json", {})
    progress_file(tmp_path, "@sum.json", {})
    logins = {r[3] for r in rows(class_gradebook(tmp_path, "canvas", CONTENT)[0])[2:]}
    assert logins == {"'-cmd", "'@sum"}


def test_neutralise_leaves_ordinary_text_alone():
    assert neutralise("Jo Smith") == "Jo Smith" and neutralise("") == "" and neutralise("a=b") == "a=b"
    assert neutralise("\tx") == "'\tx"


def test_a_student_called_points_possible_is_not_read_as_canvas_points_row(tmp_path):
    progress_file(tmp_path, "jo.json", {}, "Points Possible")
    table = rows(class_gradebook(tmp_path, "canvas", CONTENT)[0])
    assert [r[0] for r in table if "Points Possible" in r[0]] == ["Points Possible"] and table[2][0] == "jo"


def test_names_with_commas_and_quotes_stay_in_one_cell(tmp_path):
    progress_file(tmp_path, "jo.json", {}, 'Smith, "Jo"')
    table = rows(class_gradebook(tmp_path, "canvas", CONTENT)[0])
    assert table[2][0] == 'Smith, "Jo"' and len(table[2]) == len(table[0])


def test_files_whose_names_are_not_logins_or_repeat_one_are_skipped_by_name(tmp_path):
    progress_file(tmp_path, "Jo Smith.json", {})
    progress_file(tmp_path, "al.json", {})
    progress_file(tmp_path, "AL.JSON", {})
    book = gradebook(load_class(tmp_path), CONTENT)
    reasons = {s.file_name: s.reason for s in book.skipped}
    assert "not an LMS login" in reasons["Jo Smith.json"]
    assert len(book.rows) == 1 and "same login" in next(r for n, r in reasons.items() if n.lower() == "al.json")


def test_broken_and_hostile_files_are_left_out_and_listed():
    book = class_gradebook(EXAMPLE, "canvas", CONTENT)[1]
    assert {s.file_name for s in book.skipped} == {"broken-truncated.json", "hostile-markup.json"}


def test_a_folder_with_no_usable_file_is_a_sentence(tmp_path):
    (tmp_path / "x.json").write_text("{")
    with pytest.raises(GradebookError, match="no student's progress file could be used"):
        class_gradebook(tmp_path, "canvas", CONTENT)


# ------------------------------------------------------------------------------------------------ command line
def test_command_writes_the_csv_and_lists_skipped_files(tmp_path):
    out = tmp_path / "grades.csv"
    done = subprocess.run([sys.executable, "-m", "ankle_course.classroom", "gradebook", str(EXAMPLE), "--lms", "canvas",
                           "--out", str(out)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Wrote 8 student(s)" in done.stdout and "broken-truncated.json" in done.stdout
    assert rows(out.read_text(encoding="utf-8"))[0][:5] == list(CANVAS_ID_COLUMNS)


@pytest.mark.parametrize("argv", [
    [],
    ["gradebook"],
    ["gradebook", "FOLDER", "--lms", "blackboard", "--out", "OUT"],
    ["gradebook", "FOLDER", "--lms", "canvas"],
    ["gradebook", "FOLDER", "--lms", "canvas", "--out", "OUT", "--track", "nurse"],
    ["gradebook", "MISSING", "--lms", "canvas", "--out", "OUT"],
    ["gradebook", "FOLDER", "--lms", "canvas", "--out", "FOLDER"],
    ["gradebook", "FOLDER", "--lms", "canvas", "--out", "UNDER_A_FILE"],
    ["spreadsheet"],
])
def test_bad_arguments_exit_1_with_one_line_on_stderr(tmp_path, capsys, argv):
    (tmp_path / "a_file").write_text("x")
    progress_file(tmp_path, "jo.json", {})
    paths = {"FOLDER": str(tmp_path), "OUT": str(tmp_path / "g.csv"), "MISSING": str(tmp_path / "nope"),
             "UNDER_A_FILE": str(tmp_path / "a_file" / "g.csv")}
    assert main([paths.get(a, a) for a in argv]) == 1
    captured = capsys.readouterr()
    assert len(captured.err.strip().splitlines()) == 1 and "Traceback" not in captured.err


def test_the_command_never_overwrites_a_student_file(tmp_path, capsys):
    student = progress_file(tmp_path, "jo.json", {}, "Jo")
    before = student.read_bytes()
    (tmp_path / "link.csv").symlink_to(student)
    for out in (student, tmp_path / "other.json", tmp_path / "link.csv"):
        assert main(["gradebook", str(tmp_path), "--lms", "canvas", "--out", str(out)]) == 1
    assert student.read_bytes() == before and not (tmp_path / "other.json").exists()
    assert all("overwritten" in line or "student file" in line for line in capsys.readouterr().err.splitlines())


def test_a_full_disk_is_one_line_and_leaves_no_file(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "class"
    folder.mkdir()
    progress_file(folder, "jo.json", {})

    def full(_fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    assert main(["gradebook", str(folder), "--lms", "moodle", "--out", str(tmp_path / "g.csv")]) == 1
    assert "No space left on device" in capsys.readouterr().err and sorted(p.name for p in tmp_path.iterdir()) == ["class"]


# ------------------------------------------------------------------------------------------------ notebook button
def test_the_button_saves_the_csv_in_the_class_folder_and_offers_it(tmp_path):
    from ankle_course.widgets.classroom import gradebook_export

    progress_file(tmp_path, "jo.json", {}, "<b>Jo</b>")
    view = gradebook_export(tmp_path)
    canvas, moodle = view.children[0].children
    moodle.click()
    shown = view.children[1].value
    assert (tmp_path / "gradebook-moodle.csv").exists() and 'download="gradebook-moodle.csv"' in shown
    assert "data:text/csv" in shown and "<b>Jo</b>" not in shown
    canvas.click()
    assert rows((tmp_path / "gradebook-canvas.csv").read_text(encoding="utf-8"))[2][0] == "<b>Jo</b>"


def test_the_button_never_writes_over_a_student_file_and_still_offers_the_download(tmp_path):
    from ankle_course.widgets.classroom import gradebook_export

    student = progress_file(tmp_path, "jo.json", {}, "Jo")
    before = student.read_bytes()
    (tmp_path / "gradebook-canvas.csv").symlink_to(student)
    view = gradebook_export(tmp_path)
    view.children[0].children[0].click()
    assert student.read_bytes() == before and "student file jo.json" in view.children[1].value
    assert 'download="gradebook-canvas.csv"' in view.children[1].value


def test_the_button_reports_an_unusable_folder_in_a_sentence(tmp_path):
    from ankle_course.widgets.classroom import gradebook_export

    view = gradebook_export(tmp_path / "nope")
    view.children[0].children[0].click()
    assert "is not a folder" in view.children[1].value and not list(tmp_path.iterdir())


def test_the_button_and_the_command_report_an_unreadable_folder_in_a_sentence(tmp_path, monkeypatch, capsys):
    from test_classroom import _unlistable

    from ankle_course.widgets.classroom import gradebook_export

    folder = tmp_path / "class"
    folder.mkdir()
    progress_file(folder, "jo.json", {}, "Jo")
    _unlistable(monkeypatch, folder)
    view = gradebook_export(folder)
    view.children[0].children[1].click()
    assert "cannot be read (Permission denied)" in view.children[1].value
    assert main(["gradebook", str(folder), "--lms", "canvas", "--out", str(tmp_path / "g.csv")]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Permission denied" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["class"]
