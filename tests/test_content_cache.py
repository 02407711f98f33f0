"""The content cache gives back exactly what validation gives, notices every edit, and trusts no file it finds."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from ankle_course.content import ContentError, cache, load_course
from ankle_course.content.checker.model_loader import load_triage_model
from ankle_course.content.knowledge import COLLECTION_NAMES


def cache_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("content-*.pickle"))


def test_a_cached_course_equals_a_freshly_validated_one(content_copy: Path, tmp_path: Path):
    store = tmp_path / "cache"
    first = cache.load(content_copy, store)
    again = cache.load(content_copy, store)
    fresh = load_course(content_copy)
    assert len(cache_files(store)) == 1
    for name in COLLECTION_NAMES:
        assert dict(getattr(again.course, name)) == dict(getattr(fresh, name)), name
        assert list(getattr(again.course, name)) == list(getattr(fresh, name)), f"{name}: file order kept"
    assert again.course.folder == content_copy
    model = load_triage_model(content_copy)
    findings = {"onset": "gradual", "swelling": True, "age": 54}
    assert again.triage.posterior(findings) == model.posterior(findings) == first.triage.posterior(findings)


def test_editing_any_content_file_validates_again(content_copy: Path, tmp_path: Path):
    store = tmp_path / "cache"
    cache.load(content_copy, store)
    refs = content_copy / "references.toml"
    refs.write_text(refs.read_text(encoding="utf-8") + "\n[[reference]]\nid = 'broken'\n", encoding="utf-8")
    with pytest.raises(ContentError) as err:
        cache.load(content_copy, store)
    assert "references.toml" in str(err.value) and "'broken'" in str(err.value)


def test_an_edit_to_a_case_file_or_the_triage_model_changes_the_fingerprint(content_copy: Path):
    before = cache.fingerprint(content_copy)
    case = next((content_copy / "cases").glob("*.toml"))
    case.write_text(case.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    after_case = cache.fingerprint(content_copy)
    evidence = content_copy / "triage" / "evidence.toml"
    evidence.write_text(evidence.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert len({before, after_case, cache.fingerprint(content_copy)}) == 3


def test_a_change_to_the_code_changes_the_fingerprint(content_copy: Path, tmp_path: Path):
    package = tmp_path / "package"
    package.mkdir()
    (package / "schemas.py").write_text("A = 1\n")
    before = cache.fingerprint(content_copy, package)
    (package / "schemas.py").write_text("A = 2\n")
    assert cache.fingerprint(content_copy, package) != before


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", pickle.dumps({"format": 999}),
                                     pickle.dumps({"format": cache.FORMAT, "records": {}, "triage": None}),
                                     b"\x80\x05" + b"\xff" * 100])
def test_a_corrupt_cache_file_is_ignored_and_replaced(content_copy: Path, tmp_path: Path, garbage: bytes):
    store = tmp_path / "cache"
    cache.load(content_copy, store)
    [path] = cache_files(store)
    path.write_bytes(garbage)
    assert cache.read(path, content_copy) is None
    assert cache.load(content_copy, store).course.modules
    assert cache.read(path, content_copy) is not None, "a good file was written back"


class _Exploit:
    def __reduce__(self):
        return (os.system, ("touch PWNED",))


def test_a_planted_cache_file_cannot_run_code(content_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    store = tmp_path / "cache"
    cache.load(content_copy, store)
    [path] = cache_files(store)
    path.write_bytes(pickle.dumps({"format": cache.FORMAT, "records": _Exploit(), "triage": None}))
    monkeypatch.chdir(tmp_path)
    assert cache.read(path, content_copy) is None
    assert not (tmp_path / "PWNED").exists()


def test_records_of_the_wrong_kind_are_not_accepted(content_copy: Path, tmp_path: Path):
    store = tmp_path / "cache"
    good = cache.load(content_copy, store)
    [path] = cache_files(store)
    payload = cache._to_payload(good)
    payload["records"]["modules"], payload["records"]["terms"] = payload["records"]["terms"], payload["records"]["modules"]
    path.write_bytes(cache._dumps(payload))
    assert cache.read(path, content_copy) is None


def test_a_folder_that_cannot_be_written_just_means_validating(content_copy: Path, tmp_path: Path):
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("")
    assert cache.load(content_copy, blocked / "cache").course.modules
    assert cache.load(content_copy, None).course.modules


def test_old_fingerprints_are_pruned(tmp_path: Path):
    store = tmp_path / "cache"
    store.mkdir()
    for i in range(12):
        (store / f"content-old{i:02d}.pickle").write_bytes(b"x")
        os.utime(store / f"content-old{i:02d}.pickle", (1000 + i, 1000 + i))
    cache._prune(store, keep=store / "content-new.pickle")
    assert [p.name for p in cache_files(store)] == [f"content-old{i:02d}.pickle" for i in range(5, 12)]


@pytest.mark.parametrize("setting, expected", [("off", None), ("OFF", None), ("/somewhere/else", Path("/somewhere/else"))])
def test_the_cache_folder_can_be_moved_or_turned_off(monkeypatch: pytest.MonkeyPatch, setting: str, expected):
    monkeypatch.setenv(cache.ENV, setting)
    assert cache.cache_folder() == expected


def test_the_default_cache_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.delenv(cache.ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_folder() == tmp_path / "ankle-course"


def test_a_kernel_reading_the_cache_imports_no_validation_code(tmp_path: Path):
    """The point of the cache: a notebook after the first does not load marshmallow or parse TOML."""
    code = ("import sys; from ankle_course.content import course; from ankle_course.triage import triage_model; "
            "course(); triage_model(); print(sorted(m for m in ('marshmallow', 'tomllib') if m in sys.modules))")
    env = {**os.environ, cache.ENV: str(tmp_path / "cache")}
    runs = [subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
            for _ in range(2)]
    assert runs == ["['marshmallow', 'tomllib']\n", "[]\n"]
