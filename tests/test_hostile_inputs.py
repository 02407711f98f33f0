"""Every hostile input in tests/data/hostile/ (and the large ones made here) through every entry point that
could receive it: a one-sentence message or a clean acceptance, never a traceback, and nothing saved lost."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from ankle_course.progress import ProgressError, ProgressFileError, ProgressStore, parse_progress

HOSTILE = Path(__file__).parent / "data" / "hostile"
S = "2026-11-24T09:00:00+00:00"


def _generated() -> dict[str, bytes]:
    session = {"id": "s", "exercise": "calf_raise_double", "dosage": "Starting out: 10 reps × 2 sets", "started": S,
               "reps_done": 10, "sets_done": 2, "completed": True, "pain_during": 2, "pain_next_morning": None}
    sessions = [{**session, "id": f"s{i}"} for i in range(5000)]
    return {
        "5000-sessions-pretty.json (1.1 MB)": json.dumps({"schema_version": 1, "exercise_sessions": sessions},
                                                          indent=1).encode(),
        "5000-sessions-compact.json (0.9 MB)": json.dumps({"schema_version": 1, "exercise_sessions": [
            {**s, "dosage": "x"} for s in sessions]}, separators=(",", ":")).encode(),
        "one-over-5000-flashcards.json": json.dumps({"schema_version": 1, "flashcards_known": [
            f"c{i}" for i in range(5001)]}).encode(),
        "2-mb-name.json": b'{"schema_version": 1, "learner_name": "' + b"x" * 2_000_000 + b'"}',
    }


PROGRESS_FILES = {p.name: p.read_bytes() for p in sorted((HOSTILE / "progress").iterdir())} | _generated()


def one_sentence(text: str) -> bool:
    return bool(text) and "Traceback" not in text and "\n" not in text and len(text) < 600


def kept(store: ProgressStore) -> bool:
    """The earlier progress is there, and the file on disk is one the reader accepts."""
    parse_progress(store.path.read_bytes())
    return "anatomy_deltoid_ligament" in store.load()["flashcards_known"]


# ---------------------------------------------------------------------------------------------- progress files
@pytest.mark.parametrize("name", sorted(PROGRESS_FILES))
def test_import_of_a_hostile_file_is_a_message_or_a_readable_merge(store, name):
    before = store.path.read_bytes()
    try:
        store.import_bytes(PROGRESS_FILES[name])
    except ProgressError as refused:
        assert one_sentence(str(refused))
        assert store.path.read_bytes() == before
    assert kept(store) and store.notice is None


@pytest.mark.parametrize("name", sorted(PROGRESS_FILES))
def test_a_hostile_file_as_the_saved_progress_is_kept_aside_unchanged_and_saving_still_works(store, name):
    data = PROGRESS_FILES[name]
    store.path.write_bytes(data)
    try:
        accepted = parse_progress(data)
    except ProgressFileError:
        accepted = None
    progress = store.load()
    if accepted is None:
        assert one_sentence(store.notice) and "kept" in store.notice
        aside = list(store.folder.glob("progress.unreadable-*.json"))
        assert len(aside) == 1 and aside[0].read_bytes() == data
    else:
        assert progress == accepted
    store.set_flashcard_known("anatomy_spring_ligament", True)  # and the next save is readable
    assert "anatomy_spring_ligament" in store.load()["flashcards_known"]


@pytest.mark.parametrize("name", sorted(PROGRESS_FILES))
def test_the_start_page_import_button_shows_a_message_for_a_hostile_file(store, name):
    from test_start_widgets import parts, upload_file

    from ankle_course.widgets.start import progress_panel

    overview, _, upload, _, import_message = parts(progress_panel(store))
    upload_file(upload, f"<b>{name}</b>", PROGRESS_FILES[name])
    assert "Imported" in import_message.value or "not imported" in import_message.value
    assert "<b>" not in import_message.value and kept(store)


# ---------------------------------------------------------------------------------------------- content check
CONTENT_FILES = sorted(p.name for p in (HOSTILE / "content").iterdir())


@pytest.mark.parametrize("name", CONTENT_FILES)
@pytest.mark.parametrize("target", ["conditions.toml", "glossary.toml", "cases/01_rebound.toml"])
def test_content_check_reports_a_hostile_file_as_a_problem(content_copy, capsys, name, target):
    from ankle_course.content.__main__ import main

    shutil.copy(HOSTILE / "content" / name, content_copy / target)
    assert main(["check", str(content_copy)]) == 1
    err = capsys.readouterr().err
    assert "problem(s) found" in err and "Traceback" not in err


@pytest.mark.parametrize("special", ["dev-zero", "folder", "fifo", "long-id"])
def test_content_check_reports_a_device_a_folder_a_fifo_or_a_long_id(content_copy, capsys, special):
    from ankle_course.content.__main__ import main

    target = content_copy / "glossary.toml"
    if special == "long-id":
        target.write_text(target.read_text().replace('id = "lateral"', f'id = "{"x" * 81}"', 1))
    else:
        target.unlink()
        {"dev-zero": lambda: target.symlink_to("/dev/zero"), "folder": target.mkdir,
         "fifo": lambda: os.mkfifo(target)}[special]()
    assert main(["check", str(content_copy)]) == 1
    err = capsys.readouterr().err
    assert "glossary.toml" in err and "Traceback" not in err


# ---------------------------------------------------------------------------------------------- triage evaluate
@pytest.mark.parametrize("name", sorted(p.name for p in (HOSTILE / "vignettes").iterdir()))
def test_triage_evaluate_gives_one_line_or_a_report_for_a_hostile_file(capsys, name):
    from ankle_course.triage.__main__ import main

    code = main(["evaluate", str(HOSTILE / "vignettes" / name)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert all(line.isprintable() for line in (out + err).splitlines())  # no terminal escapes, no surrogates
    (out + err).encode("utf-8")
    assert len(err.strip().splitlines()) == 1 and err.startswith("error: ")
    assert code == 1  # refused, or read with bad vignettes: one exit status for "not all of it was usable"
    if out:  # the file was read: the bad vignettes are listed
        assert "invalid" in out and "Invalid vignettes" in out


# ---------------------------------------------------------------------------------------------- output paths
def _bad_outputs(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "a_file").write_text("x")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    return {"a folder": tmp_path, "under a file": tmp_path / "a_file" / "out.html",
            "under a link loop": tmp_path / "loop" / "out.html", "a device": Path("/dev/null/out.html")}


@pytest.mark.parametrize("what", ["a folder", "under a file", "under a link loop", "a device"])
def test_handout_and_quiz_export_refuse_a_bad_output_path_in_one_line(tmp_path, capsys, monkeypatch, what):
    import papermill

    from ankle_course.handout import main as handout
    from ankle_course.quiz.__main__ import main as quiz_export

    monkeypatch.setattr(papermill, "execute_notebook", lambda *a, **k: pytest.fail("a kernel was started"))
    out = _bad_outputs(tmp_path)[what]
    assert handout(["--out", str(out)]) == 1
    assert quiz_export(["export", "--format", "gift", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 2


# ---------------------------------------------------------------------------------------------- bad arguments
BAD_ARGUMENTS = [
    ("ankle_course.content.__main__", []), ("ankle_course.content.__main__", ["bogus"]),
    ("ankle_course.content.__main__", ["check", "a", "b"]),
    ("ankle_course.quiz.__main__", ["export", "--format", "docx", "--out", "x.txt"]),
    ("ankle_course.quiz.__main__", ["export", "--out", "x.txt"]),
    ("ankle_course.quiz.__main__", ["export", "--format", "gift", "--audience", "alien", "--out", "x.txt"]),
    ("ankle_course.quiz.__main__", ["export", "--format", "gift", "--module", "nope\nx", "--out", "OUT"]),
    ("ankle_course.handout", ["--stage", "x\ny"]), ("ankle_course.handout", ["--bogus"]),
    ("ankle_course.classroom", []), ("ankle_course.classroom", ["gradebook", "folder", "--lms", "blackboard"]),
    ("ankle_course.triage.__main__", []), ("ankle_course.triage.__main__", ["evaluate", "a.json", "b.json"]),
]


@pytest.mark.parametrize("module, argv", BAD_ARGUMENTS)
def test_every_command_answers_a_bad_argument_with_one_error_line_and_exit_1(tmp_path, capsys, module, argv):
    import importlib

    main = importlib.import_module(module).main
    argv = [str(tmp_path / "out.txt") if a == "OUT" else a for a in argv]
    assert main(argv) == 1
    out, err = capsys.readouterr()
    assert len(err.strip().splitlines()) == 1 and err.startswith("error: ")
    assert "usage:" not in out + err and "Traceback" not in err and not list(tmp_path.iterdir())


@pytest.mark.parametrize("module", sorted({m for m, _ in BAD_ARGUMENTS}))
def test_every_command_still_prints_its_help_and_exits_0(capsys, module):
    import importlib

    assert importlib.import_module(module).main(["--help"]) == 0
    assert "usage:" in capsys.readouterr().out


# ---------------------------------------------------------------------------------------------- typed widget input
TYPED = ["", " ", "abc", "1e400", "-1e400", "inf", "nan", "1e308", "9" * 5000, "0", "-0", "1e-400", "\ud800",
         "\x1b[2J", "<script>alert(1)</script>", "½", "١٢", "50%%", "10**5000"]


@pytest.mark.parametrize("typed", TYPED)
def test_the_fagan_explorer_answers_any_typed_value_with_a_number_or_a_message(typed):
    from ankle_course.widgets.diagnosis_fagan import FaganExplorer

    fagan = FaganExplorer()
    fagan.result_choice.value = "Positive"
    for box in (fagan.pre_text, fagan.lr_pos):
        box.value = typed
        shown = fagan.message.value
        assert "After a" in shown or 'role="alert"' in shown
        assert "nan %" not in shown and "<script>" not in shown
        shown.encode("utf-8")
        box.value = "99" if box is fagan.pre_text else "2"


@pytest.mark.parametrize("typed", TYPED)
def test_the_symptom_checker_age_box_answers_any_typed_value_without_a_traceback(typed):
    from ankle_course.widgets.symptom_checker import SymptomChecker

    checker = SymptomChecker(track="pt_student")
    checker.build_all()
    checker.controls["age"].value = typed  # raises nothing, whatever is typed
    html = " ".join(m.value for m in checker.messages.values())
    assert "<script>" not in html and "Traceback" not in html
