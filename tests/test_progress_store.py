"""The progress store never loses saved progress: not to a crash, a corrupt file or a hostile upload."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from fake_clock import FakeClock

from ankle_course.progress import (
    ProgressFileError,
    ProgressStore,
    ProgressStoreError,
    empty_progress,
    merge_progress,
    parse_progress,
)


def answer(q: str, score: float = 1.0, at: str = "2026-11-24T09:00:00+00:00") -> dict:
    return {"answer": 1, "score": score, "attempts": 1, "at": at}


@pytest.fixture
def store(tmp_path: Path) -> ProgressStore:
    return ProgressStore(tmp_path / "progress", clock=FakeClock())


def save_flashcard(store: ProgressStore, card: str) -> None:
    store.update(lambda p: p["flashcards_known"].append(card))


def test_new_learner_starts_with_empty_progress(store):
    assert store.load() == empty_progress()
    assert store.notice is None


def test_saved_progress_is_read_back(store):
    store.update(lambda p: p["quiz"].update(q1=answer("q1")))
    assert store.load()["quiz"]["q1"]["score"] == 1.0
    assert json.loads(store.path.read_text())["schema_version"] == 1


def test_two_notebooks_writing_in_turn_keep_each_others_progress(tmp_path):
    first, second = ProgressStore(tmp_path), ProgressStore(tmp_path)
    save_flashcard(first, "deltoid")
    save_flashcard(second, "spring")
    assert sorted(first.load()["flashcards_known"]) == ["deltoid", "spring"]


KILLER = textwrap.dedent("""
    import os, sys, time
    from ankle_course.progress import ProgressStore
    store = ProgressStore(sys.argv[1])
    real_fsync = os.fsync
    def stall(fd):
        print("writing", flush=True)
        time.sleep(60)          # killed here: the new file is half-made, the old one untouched
    os.fsync = stall
    store.update(lambda p: p["flashcards_known"].extend(f"card_{i}" for i in range(3000)))
""")


def test_process_killed_mid_write_leaves_previous_progress_intact(store):
    save_flashcard(store, "deltoid")
    before = store.path.read_bytes()
    child = subprocess.Popen([sys.executable, "-c", KILLER, str(store.folder)], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "writing"
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=10)
    assert store.path.read_bytes() == before
    assert store.load()["flashcards_known"] == ["deltoid"]
    save_flashcard(store, "spring")  # and the store still works afterwards
    assert store.load()["flashcards_known"] == ["deltoid", "spring"]


@pytest.mark.parametrize("content, reason", [
    (b'{"schema_version": 1, "quiz": {"q1": ', "not valid JSON"),                      # truncated
    (b"\x89PNG\r\n\x1a\n\x00\x00", "not a text file"),                                  # not text
    (b"[1, 2, 3]", "does not contain a progress record"),                                # wrong shape
    (b'{"schema_version": 1, "quiz": "lots"}', "does not look like a progress file"),   # wrong type
    (b'{"schema_version": 99}', "newer version of the course"),                          # from the future
    (b"", "not valid JSON"),                                                            # empty
])
def test_unreadable_file_is_kept_aside_with_a_clear_message(store, content, reason):
    store.folder.mkdir(parents=True)
    store.path.write_bytes(content)
    assert store.load() == empty_progress()
    assert reason in store.notice and "kept" in store.notice
    aside = list(store.folder.glob("progress.unreadable-*.json"))
    assert len(aside) == 1 and aside[0].read_bytes() == content


def test_a_fresh_save_after_a_corrupt_file_does_not_overwrite_the_kept_copy(store):
    store.folder.mkdir(parents=True)
    store.path.write_bytes(b"{broken")
    save_flashcard(store, "deltoid")
    aside = list(store.folder.glob("progress.unreadable-*.json"))
    assert aside and aside[0].read_bytes() == b"{broken"
    assert store.load()["flashcards_known"] == ["deltoid"]


HOSTILE = {
    "oversized": b'{"schema_version": 1, "learner_name": "' + b"x" * 2_000_000 + b'"}',
    "deeply nested": b'{"schema_version": 1, "quiz": {"q": {"answer": ' + b"[" * 100_000 + b"]" * 100_000 + b"}}}",
    "nan score": b'{"schema_version": 1, "quiz": {"q1": {"answer": 1, "score": NaN, "attempts": 1, "at": "2026-11-24T09:00:00"}}}',
    "huge integer": b'{"schema_version": 1, "quiz": {"q1": {"answer": 1, "score": 1, "attempts": ' + b"9" * 5000 + b', "at": "2026-11-24T09:00:00"}}}',
    "unknown key": b'{"schema_version": 1, "__proto__": {"admin": true}}',
    "path id": b'{"schema_version": 1, "flashcards_known": ["../../etc/passwd"]}',
    "pain out of range": b'{"schema_version": 1, "exercise_sessions": [{"id": "s1", "exercise": "calf", "dosage": "x", "started": "2026-11-24T09:00:00", "reps_done": 1, "sets_done": 1, "completed": true, "pain_during": 11}]}',
    "boolean as count": b'{"schema_version": true}',
    "long name": b'{"schema_version": 1, "learner_name": "' + b"a" * 500 + b'"}',
    "big nested answer": b'{"schema_version": 1, "quiz": {"q1": {"answer": [[[[[[1]]]]]], "score": 1, "attempts": 1, "at": "2026-11-24T09:00:00"}}}',
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_is_refused_with_a_message(name):
    with pytest.raises(ProgressFileError) as caught:
        parse_progress(HOSTILE[name])
    assert len(str(caught.value)) < 300  # a sentence for a learner, not a dump of the file


def test_markup_in_a_progress_file_is_kept_as_text_not_run():
    progress = parse_progress(b'{"schema_version": 1, "learner_name": "<script>alert(1)</script>"}')
    assert progress["learner_name"] == "<script>alert(1)</script>"  # the views escape it; see test_start_widgets


def test_export_then_import_round_trips(store, tmp_path):
    store.update(lambda p: p["quiz"].update(q1=answer("q1", 0.5)))
    save_flashcard(store, "deltoid")
    exported = store.export()
    assert exported.path.exists() and exported.filename.startswith("ankle-course-progress-")
    other = ProgressStore(tmp_path / "other", clock=FakeClock())
    other.import_bytes(exported.data)
    mine, theirs = store.load(), other.load()
    assert theirs["quiz"] == mine["quiz"] and theirs["flashcards_known"] == mine["flashcards_known"]


def test_import_merges_and_loses_nothing(store):
    store.update(lambda p: p["quiz"].update(q1=answer("q1", 1.0, "2026-11-24T10:00:00+00:00")))
    save_flashcard(store, "deltoid")
    upload = {**empty_progress(), "quiz": {"q1": answer("q1", 0.0, "2026-11-01T10:00:00+00:00"),
                                           "q2": answer("q2", 1.0)}, "flashcards_known": ["spring"]}
    store.import_bytes(json.dumps(upload).encode())
    progress = store.load()
    assert progress["quiz"]["q1"]["score"] == 1.0  # the newer answer wins
    assert "q2" in progress["quiz"]
    assert progress["flashcards_known"] == ["deltoid", "spring"]


def test_a_bad_import_changes_nothing(store):
    save_flashcard(store, "deltoid")
    before = store.path.read_bytes()
    with pytest.raises(ProgressFileError):
        store.import_bytes(b"not json at all")
    assert store.path.read_bytes() == before


def test_merge_keeps_every_exercise_session():
    def session(i: str, day: int) -> dict:
        return {"id": i, "exercise": "calf_raise", "dosage": "10 x 3", "started": f"2026-11-{day:02d}T09:00:00+00:00",
                "reps_done": 10, "sets_done": 3, "completed": True, "pain_during": 2, "pain_next_morning": None}
    a = {**empty_progress(), "exercise_sessions": [session("a", 1)]}
    b = {**empty_progress(), "exercise_sessions": [session("b", 2), session("a", 1)]}
    assert [s["id"] for s in merge_progress(a, b)["exercise_sessions"]] == ["a", "b"]


def test_a_new_record_is_exactly_what_the_schema_gives_by_default():
    from ankle_course.progress.schema import ProgressSchema

    assert empty_progress() == ProgressSchema().load({"schema_version": 1})


def test_opening_a_store_does_not_load_the_validation_code():
    """marshmallow is imported when progress is first read, not by every notebook that imports a widget."""
    import subprocess
    import sys

    code = "import sys, ankle_course.progress as p; p.ProgressStore(); print('marshmallow' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"


def test_the_usual_morning_pain_survives_export_import_and_a_merge(store):
    old = json.dumps({k: v for k, v in empty_progress().items() if k != "usual_morning_pain"}).encode()
    assert parse_progress(old)["usual_morning_pain"] is None  # a file from before the field loads
    store.set_usual_morning_pain(3)
    data = store.export().data
    assert parse_progress(data)["usual_morning_pain"] == 3
    assert merge_progress(empty_progress(), parse_progress(data))["usual_morning_pain"] == 3
    assert merge_progress({**empty_progress(), "usual_morning_pain": 1}, parse_progress(data))["usual_morning_pain"] == 1


@pytest.mark.parametrize("bad", [-1, 11, 2.5, True, "3", None])
def test_an_impossible_usual_morning_pain_is_refused_with_a_sentence_and_nothing_lost(store, bad):
    store.set_usual_morning_pain(2)
    with pytest.raises(ProgressStoreError, match="whole number from 0 to 10"):
        store.set_usual_morning_pain(bad)
    assert store.load()["usual_morning_pain"] == 2


@pytest.mark.parametrize("bad", [-1, 11, 2.5, True, "3"])
def test_a_file_with_an_impossible_usual_morning_pain_is_refused(bad):
    with pytest.raises(ProgressFileError):
        parse_progress(json.dumps({**empty_progress(), "usual_morning_pain": bad}).encode())
