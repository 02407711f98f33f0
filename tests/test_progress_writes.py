"""The progress store's write side: typed operations, checked before writing, under a lock, and every
file-system failure a sentence. Each test is a way an earlier store lost a learner's progress."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime, timedelta, timezone

import pytest
from fake_clock import T0, FakeClock
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ankle_course.progress import (
    CaseProgress,
    ExerciseSession,
    ProgressError,
    ProgressFileError,
    ProgressStore,
    ProgressStoreError,
    QuizAnswer,
    empty_progress,
    merge_progress,
    parse_progress,
)
from ankle_course.progress.record import MAX_FILE_BYTES, parse_timestamp


def session(ident: str = "s1", **changes) -> ExerciseSession:
    base = dict(id=ident, exercise="calf_raise_double", dosage="Starting out: 10 reps × 2 sets", started=T0,
                reps_done=10, sets_done=2, completed=True, pain_during=2)
    return ExerciseSession(**{**base, **changes})


def still_there(store: ProgressStore) -> bool:
    progress = store.load()
    return store.notice is None and "anatomy_deltoid_ligament" in progress["flashcards_known"]


# ---------------------------------------------------------------------------------------------- named operations
def test_each_named_operation_saves_its_record(store):
    store.record_quiz_answer(QuizAnswer("an_fdl_toes", 1, 1.0, T0))
    store.record_quiz_answer(QuizAnswer("an_fdl_toes", 2, 0.5, T0 + timedelta(minutes=1)))
    store.add_exercise_session(session())
    store.rate_morning("s1", 3)
    store.save_case_run(CaseProgress("stairs_fall", 1, T0, {"s1_triage": "urgent"}))
    store.set_flashcard_known("anatomy_deltoid_ligament", False)
    progress = store.load()
    assert progress["quiz"]["an_fdl_toes"] == {"answer": 2, "score": 0.5, "attempts": 2, "at": "2026-11-24T09:01:00+00:00"}
    assert progress["exercise_sessions"][0]["pain_next_morning"] == 3
    assert progress["cases"]["stairs_fall"] == {"stage": 1, "answers": {"s1_triage": "urgent"}, "at": "2026-11-24T09:00:00+00:00"}
    assert progress["flashcards_known"] == []


def test_rating_a_session_that_is_gone_is_refused_with_a_sentence(store):
    with pytest.raises(ProgressStoreError, match="no longer in your saved progress"):
        store.rate_morning("never_saved", 3)
    assert still_there(store)


# ---------------------------------------------------------------------------------------------- never writes what it would refuse
@pytest.mark.parametrize("name, change", [
    ("a content id longer than 80 characters", lambda s: s.record_quiz_answer(QuizAnswer("q" * 81, 1, 1.0, T0))),
    ("a case answer nested 955 deep", lambda s: s.save_case_run(CaseProgress("c1", 1, T0, {"s1_x": json.loads("[" * 955 + "]" * 955)}))),
    ("a quiz answer of 50,000 characters", lambda s: s.record_quiz_answer(QuizAnswer("q1", "x" * 50_000, 1.0, T0))),
    ("a lone surrogate in a dosage", lambda s: s.add_exercise_session(session(dosage="\ud800"))),
    ("a control character in an id", lambda s: s.set_flashcard_known("anatomy_\x1b[2J", True)),
    ("a NaN score", lambda s: s.record_quiz_answer(QuizAnswer("q1", 1, float("nan"), T0))),
    ("a pain of 11", lambda s: s.add_exercise_session(session(pain_during=11))),
    ("a set as an answer", lambda s: s.record_quiz_answer(QuizAnswer("q1", {1, 2}, 1.0, T0))),
    ("a 5,000-digit attempt count", lambda s: s.update(lambda p: p["quiz"].update(
        q1={"answer": 1, "score": 1.0, "attempts": 10 ** 5000, "at": "2026-11-24T09:00:00+00:00"}))),
    ("a file over 1 MB", lambda s: s.update(lambda p: p["flashcards_known"].extend(f"card_{i:075d}" for i in range(5000)))),
    ("a timestamp in the year 9999", lambda s: s.record_quiz_answer(QuizAnswer("q1", 1, 1.0, datetime(9999, 12, 31, tzinfo=UTC)))),
])
def test_a_change_that_would_make_an_unreadable_file_is_refused_and_nothing_is_lost(store, name, change):
    before = store.path.read_bytes()
    with pytest.raises(ProgressStoreError) as caught:
        change(store)
    assert "not saved" in str(caught.value) and "unchanged" in str(caught.value)
    assert len(str(caught.value)) < 400 and "\n" not in str(caught.value)
    assert store.path.read_bytes() == before and still_there(store)


def test_a_5000_session_import_that_fits_is_saved_readably_and_keeps_the_flashcards(store):
    sessions = [session(f"s{i}", dosage="x").as_record() for i in range(5000)]
    data = json.dumps({**empty_progress(), "exercise_sessions": sessions}, separators=(",", ":")).encode()
    store.import_bytes(data)
    assert still_there(store) and len(store.load()["exercise_sessions"]) == 5000
    assert store.path.stat().st_size <= MAX_FILE_BYTES


def test_what_is_written_is_compact_and_within_the_readers_limit(store):
    assert b"\n" not in store.path.read_bytes()  # pretty-printing once cost a third of the size limit


# ---------------------------------------------------------------------------------------------- text and time at the door
@pytest.mark.parametrize("data", [
    b'{"schema_version": 1, "learner_name": "\\ud800"}',
    b'{"schema_version": 1, "learner_name": "a\\u0000b"}',
    b'{"schema_version": 1, "learner_name": "\\u202eevil"}',
    b'{"schema_version": 1, "quiz": {"q1": {"answer": "\\udfff", "score": 1, "attempts": 1, "at": "2026-11-24T09:00:00Z"}}}',
])
def test_text_with_surrogates_or_control_characters_is_refused_on_read(data):
    with pytest.raises(ProgressFileError, match="control character or a broken"):
        parse_progress(data)


@pytest.mark.parametrize("stamp", ["9999-99-99T99:99:99", "2026-02-30T10:00:00+00:00", "2026-11-24T25:00:00",
                                   "1999-12-31T23:59:59+00:00", "2026-11-24T09:00:00+24:00", "2026-11-24"])
def test_a_timestamp_that_is_not_a_real_date_is_refused(stamp):
    with pytest.raises(ProgressFileError):
        parse_progress(json.dumps({**empty_progress(), "updated": stamp}).encode())


def test_timestamps_are_read_as_aware_utc_and_merged_by_real_time():
    assert parse_timestamp("2026-11-24T09:00:00") == T0  # no offset: read as UTC, the zone the course writes
    late_by_text = {"answer": 0, "score": 0.0, "attempts": 1, "at": "2026-11-24T10:00:00+05:00"}  # 05:00 UTC
    late_by_time = {"answer": 1, "score": 1.0, "attempts": 1, "at": "2026-11-24T06:00:00+00:00"}
    mine = parse_progress(json.dumps({**empty_progress(), "quiz": {"q1": late_by_text}}).encode())
    theirs = parse_progress(json.dumps({**empty_progress(), "quiz": {"q1": late_by_time}}).encode())
    assert mine["quiz"]["q1"]["at"] == "2026-11-24T05:00:00+00:00"
    assert merge_progress(mine, theirs)["quiz"]["q1"]["score"] == 1.0


def test_an_import_dated_in_the_future_cannot_win_every_later_merge(store):
    future = {**empty_progress(), "quiz": {"q1": {"answer": 1, "score": 1, "attempts": 1, "at": "2099-01-01T00:00:00Z"}}}
    with pytest.raises(ProgressFileError, match="later than today"):
        store.import_bytes(json.dumps(future).encode())
    assert still_there(store)


# ---------------------------------------------------------------------------------------------- any accepted import stays readable
def _records(text: st.SearchStrategy[str]) -> st.SearchStrategy[dict]:
    """Progress-like records whose strings come from `text`; ids, numbers and dates stray past the limits."""
    ids = st.one_of(st.from_regex(r"[a-z0-9][a-z0-9_]{0,78}", fullmatch=True),
                    st.from_regex(r"[a-z0-9][a-z0-9_]{0,90}", fullmatch=True), text)
    value = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | text,
                         lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text, inner, max_size=4),
                         max_leaves=12)
    stamp = st.one_of(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2110, 1, 1),
                                   timezones=st.sampled_from([UTC, timezone(timedelta(hours=-11))]))
                      .map(lambda d: d.isoformat()), text)
    quiz = st.fixed_dictionaries({"answer": value, "score": st.floats(-0.1, 1.1), "attempts": st.integers(0, 10_010),
                                  "at": stamp})
    session = st.fixed_dictionaries({
        "id": ids, "exercise": ids, "dosage": text.filter(bool), "started": stamp, "reps_done": st.integers(0, 10_010),
        "sets_done": st.integers(0, 200), "completed": st.booleans(), "pain_during": st.none() | st.integers(-1, 11),
        "pain_next_morning": st.none() | st.integers(-1, 11)})
    case = st.fixed_dictionaries({"stage": st.integers(0, 60), "answers": st.dictionaries(ids, value, max_size=3),
                                  "at": stamp})
    return st.fixed_dictionaries({"schema_version": st.just(1)}, optional={
        "learner_name": text, "updated": st.none() | stamp, "quiz": st.dictionaries(ids, quiz, max_size=4),
        "flashcards_known": st.lists(ids, max_size=6), "exercise_sessions": st.lists(session, max_size=4),
        "cases": st.dictionaries(ids, case, max_size=3)})


# Plausible records (so many uploads are accepted and the property is really exercised), records whose text
# may hold any character (controls, bidi overrides, lone surrogates), random bytes and random JSON.
_clean = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), max_size=12)
_upload = st.one_of(*[_records(_clean).map(lambda r: json.dumps(r).encode())] * 3,
                    _records(st.text(max_size=12)).map(lambda r: json.dumps(r).encode()),
                    st.binary(max_size=200), st.recursive(st.none() | st.integers() | st.text(), st.lists, max_leaves=8)
                    .map(lambda v: json.dumps(v).encode()))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(upload=_upload)
def test_any_bytes_import_accepts_are_still_readable_afterwards_and_keep_earlier_progress(tmp_path_factory, upload):
    store = ProgressStore(tmp_path_factory.mktemp("p"), clock=FakeClock())
    store.set_flashcard_known("anatomy_deltoid_ligament", True)
    before = store.path.read_bytes()
    try:
        store.import_bytes(upload)
    except ProgressError as refused:
        assert str(refused) and "Traceback" not in str(refused)
        assert store.path.read_bytes() == before
    parse_progress(store.path.read_bytes())  # whatever happened, the file on disk is one the reader accepts
    assert still_there(store)


# ---------------------------------------------------------------------------------------------- the lock
WORKER = textwrap.dedent("""
    import sys, time
    from ankle_course.progress import ProgressStore
    store, tag, n = ProgressStore(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    print("ready", flush=True)
    sys.stdin.readline()  # both start together
    start = time.perf_counter()
    for i in range(n):
        store.set_flashcard_known(f"{tag}_{i}", True)
    print((time.perf_counter() - start) / n * 1000, flush=True)
""")


def test_two_processes_making_500_updates_each_lose_none(tmp_path):
    n = 500
    workers = [subprocess.Popen([sys.executable, "-c", WORKER, str(tmp_path), tag, str(n)], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, text=True) for tag in ("a", "b")]
    for worker in workers:
        assert worker.stdout.readline().strip() == "ready"
    for worker in workers:
        worker.stdin.write("go\n")
        worker.stdin.flush()
    ms = [float(worker.stdout.readline()) for worker in workers]
    for worker in workers:
        assert worker.wait(timeout=300) == 0
    saved = ProgressStore(tmp_path).load()["flashcards_known"]
    lost = 2 * n - len(saved)
    print(f"two processes x {n} updates: {lost} lost; {ms[0]:.1f} and {ms[1]:.1f} ms per update while contending")
    assert lost == 0


def test_a_lock_held_too_long_by_another_notebook_is_a_message(store, monkeypatch):
    from filelock import FileLock

    import ankle_course.progress.store as module

    monkeypatch.setattr(module, "LOCK_TIMEOUT_S", 0.2)
    other = FileLock(store.folder / module.LOCK_NAME)
    held = subprocess.Popen([sys.executable, "-c", "import sys, time; from filelock import FileLock; "
                             "l = FileLock(sys.argv[1]); l.acquire(); print('held', flush=True); time.sleep(30)",
                             str(other.lock_file)], stdout=subprocess.PIPE, text=True)
    try:
        assert held.stdout.readline().strip() == "held"
        with pytest.raises(ProgressStoreError, match="another notebook has been saving"):
            store.set_flashcard_known("anatomy_spring_ligament", True)
    finally:
        held.kill()
        held.wait()
    assert still_there(store)


# ---------------------------------------------------------------------------------------------- file-system failures
def fail_with(code: int):
    def fail(*_args, **_kwargs):
        raise OSError(code, os.strerror(code))
    return fail


@pytest.mark.parametrize("code, words", [(errno.EROFS, "read-only"), (errno.EACCES, "read-only"),
                                         (errno.ENOSPC, "disk is full")])
def test_a_failed_save_is_a_sentence_and_leaves_no_file_behind(store, monkeypatch, code, words):
    before = store.path.read_bytes()
    monkeypatch.setattr(os, "fsync", fail_with(code))
    with pytest.raises(ProgressStoreError, match=words):
        store.set_flashcard_known("anatomy_spring_ligament", True)
    monkeypatch.undo()
    assert store.path.read_bytes() == before and still_there(store)
    assert not list(store.folder.glob(".*.tmp"))


def test_a_disk_full_export_leaves_no_empty_file_but_still_offers_the_download(store, monkeypatch):
    monkeypatch.setattr(os, "fsync", fail_with(errno.ENOSPC))
    exported = store.export()
    monkeypatch.undo()
    assert exported.path is None and "disk is full" in exported.problem
    assert parse_progress(exported.data)["flashcards_known"] == ["anatomy_deltoid_ligament"]
    assert not [p for p in (store.folder / "exports").iterdir()]


def test_a_corrupt_file_in_a_folder_where_it_cannot_be_set_aside_is_left_alone_with_a_message(store, monkeypatch):
    store.path.write_bytes(b"{broken")
    monkeypatch.setattr(os, "replace", fail_with(errno.EROFS))
    with pytest.raises(ProgressStoreError, match="could not be kept aside"):
        store.load()
    with pytest.raises(ProgressStoreError):
        store.set_flashcard_known("anatomy_spring_ligament", True)
    monkeypatch.undo()
    assert store.path.read_bytes() == b"{broken"


def test_progress_json_that_is_a_folder_or_a_link_loop_is_a_message(tmp_path):
    folder_case = ProgressStore(tmp_path / "a")
    (folder_case.path).mkdir(parents=True)
    loop = ProgressStore(tmp_path / "b")
    loop.folder.mkdir()
    os.symlink(loop.path.name, loop.path)
    for store, words in ((folder_case, "is not a file"), (loop, "loop")):
        for action in (store.load, lambda store=store: store.set_flashcard_known("x", True), store.export):
            with pytest.raises(ProgressStoreError, match=words):
                action()
    assert folder_case.path.is_dir() and loop.path.is_symlink()  # nothing was moved or replaced


def test_temporary_files_left_by_killed_writes_are_cleaned_on_the_next_save(store):
    stale = store.folder / ".progress.json.99999.deadbeef.tmp"
    fresh = store.folder / ".progress.json.99998.cafef00d.tmp"
    stale.write_bytes(b"half a file")
    fresh.write_bytes(b"a write in progress elsewhere")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    store.set_flashcard_known("anatomy_spring_ligament", True)
    assert not stale.exists() and fresh.exists()


def test_in_the_browser_saves_take_an_in_kernel_lock_and_need_no_lock_file(tmp_path):
    """JupyterLite: no file lock reaches between kernels (web workers), so none is made; saves still work."""
    code = textwrap.dedent("""
        import sys
        import ankle_course.progress.store as store
        store.where = lambda: "browser"
        s = store.ProgressStore(sys.argv[1])
        s.set_flashcard_known("anatomy_deltoid_ligament", True)
        print("filelock" in sys.modules, sorted(p.name for p in s.folder.iterdir()))
    """)
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False ['progress.json']"


@pytest.mark.parametrize("mark", ["\u061c", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069"])
def test_every_bidi_control_character_is_refused_escaped_or_raw(mark):
    """Unicode's Bidi_Control set (the Arabic letter mark U+061C included) can reorder a name in the gradebook."""
    escaped = json.dumps({"schema_version": 1, "learner_name": f"a{mark}b"}, ensure_ascii=True).encode()
    raw = json.dumps({"schema_version": 1, "learner_name": f"a{mark}b"}, ensure_ascii=False).encode()
    for data in (escaped, raw):
        with pytest.raises(ProgressFileError, match="control character or a broken"):
            parse_progress(data)
