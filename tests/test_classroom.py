"""Class results: broken and hostile files are reported by name and skipped, text is escaped, and the
item statistics are the documented ones."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from IPython.core.interactiveshell import InteractiveShell

from ankle_course.classroom import class_mastery, item_stats, load_class, pearson
from ankle_course.content import course

EXAMPLE = Path(__file__).resolve().parents[1] / "notebooks" / "instructor" / "example_class"


def progress_file(folder: Path, name: str, scores: dict[str, float]) -> None:
    quiz = {qid: {"answer": 0, "score": s, "attempts": 1, "at": "2025-03-01T10:00:00"} for qid, s in scores.items()}
    (folder / name).write_text(json.dumps({"schema_version": 1, "quiz": quiz}))


def test_fixture_class_skips_the_broken_and_hostile_files_by_name():
    data = load_class(EXAMPLE)
    skipped = {s.file_name: s.reason for s in data.skipped}
    assert set(skipped) == {"broken-truncated.json", "hostile-markup.json"}
    assert "not valid JSON" in skipped["broken-truncated.json"]
    assert len(data.learners) == 8  # seven students and the valid file with a <script> name


def test_oversized_and_non_utf8_files_are_skipped(tmp_path):
    (tmp_path / "big.json").write_bytes(b" " * 1_100_000)
    (tmp_path / "binary.json").write_bytes(b"\xff\xfe\x00")
    (tmp_path / "notes.txt").write_text("ignored: not a .json file")
    reasons = {s.file_name: s.reason for s in load_class(tmp_path).skipped}
    assert "larger than" in reasons["big.json"] and "not a text file" in reasons["binary.json"]
    assert "notes.txt" not in reasons


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="is not a folder"):
        load_class(tmp_path / "nope")


def test_difficulty_is_the_mean_score_and_discrimination_the_corrected_point_biserial(tmp_path):
    # three learners; "an_fdl_toes" is right only for those who do well on the other questions
    others = ["an_medial_malleolus", "an_ta_action", "an_tp_arch"]
    for name, item, rest in (("a.json", 1.0, 1.0), ("b.json", 1.0, 0.5), ("c.json", 0.0, 0.0)):
        progress_file(tmp_path, name, {"an_fdl_toes": item, **{o: rest for o in others}})
    stats = {s.question_id: s for s in item_stats(load_class(tmp_path), course())}
    fdl = stats["an_fdl_toes"]
    assert fdl.answered == 3 and fdl.difficulty == pytest.approx(2 / 3)
    assert fdl.discrimination == pytest.approx(pearson([1, 1, 0], [1, 0.5, 0]))
    assert fdl.flag == "ok"
    assert stats["an_bifurcate"].answered == 0 and stats["an_bifurcate"].discrimination is None


def test_discrimination_is_not_computed_without_spread():
    assert pearson([1, 1, 1], [0.2, 0.5, 0.9]) is None


def test_class_mastery_counts_learners_per_objective(tmp_path):
    tunnel = [q.id for q in course().questions.values() if q.objective == "tarsal_tunnel"][:2]
    progress_file(tmp_path, "a.json", {tunnel[0]: 1.0, tunnel[1]: 1.0})
    progress_file(tmp_path, "b.json", {tunnel[0]: 0.0})
    row = next(r for r in class_mastery(load_class(tmp_path), course()) if "tarsal tunnel" in r.objective_text)
    assert (row.learners_started, row.learners_mastered) == (2, 1)


def _displayed_html(show: Callable[[Path], object], folder: Path) -> list[str]:
    """The HTML of each display a view makes, caught from IPython's display publisher."""
    shown: list[str] = []
    shell = InteractiveShell.instance()
    shell.display_pub.publish = lambda data, **_: shown.append(data.get("text/html", ""))
    try:
        show(folder)
    finally:
        InteractiveShell.clear_instance()
    return shown


def test_class_results_view_escapes_everything_from_files(capsys):
    from ankle_course.widgets.classroom import class_results

    html = "".join(_displayed_html(class_results, EXAMPLE))
    assert "hostile-markup.json" in html and "broken-truncated.json" in html
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<script" not in html


def _unlistable(monkeypatch, folder: Path) -> None:
    """As a folder without read permission behaves (tests run as root, so chmod would not stop them)."""
    real = Path.iterdir

    def iterdir(self: Path):
        if self == folder:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)


def test_an_unreadable_class_folder_is_one_sentence_not_a_traceback(tmp_path, monkeypatch):
    from ankle_course.classroom import GradebookError
    from ankle_course.widgets.classroom import class_results

    _unlistable(monkeypatch, tmp_path)
    with pytest.raises(GradebookError, match=r"cannot be read \(Permission denied\)"):
        load_class(tmp_path)
    shown = _displayed_html(class_results, tmp_path)
    assert len(shown) == 1 and "cannot be read (Permission denied)" in shown[0]
