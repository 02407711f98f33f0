"""`python -m ankle_course.triage evaluate FILE` reports scores and misses, and fails cleanly on a bad file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from test_triage_vignettes import RAISED_BY_V2_FLOOR

DEV = Path(__file__).resolve().parents[2] / "shared" / "vignettes" / "dev.json"
VIGNETTES = [
    {"id": "T1", "findings": {"age": 23, "sex": "male", "onset": "sudden_injury", "mechanism": "rolled_inward",
                              "weight_bearing": "none", "bone_tenderness": ["medial_malleolus"]},
     "gold": {"condition": "medial_malleolus_fracture", "triage": "urgent"}},
    # gold says self_care, the checker must say urgent (calf swelling): an over-triage and a condition miss
    {"id": "T2", "findings": {"age": 30, "sex": "female", "onset": "sudden_injury", "mechanism": "rolled_inward",
                              "pain_location": ["below_inner_ankle"], "weight_bearing": "limping", "bone_tenderness": [],
                              "calf_swelling_tenderness": True},
     "gold": {"condition": "medial_ankle_sprain", "triage": "self_care"}},
    {"id": "T3", "findings": {"swelling": "yes"}, "gold": {"condition": "gout", "triage": "urgent"}},
    {"id": "T4", "findings": {}, "gold": {"condition": "not_a_condition", "triage": "urgent"}},
]


def evaluate(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ankle_course.triage", "evaluate", str(path)],
                          capture_output=True, text=True, timeout=120)


def test_evaluate_prints_scores_table_misses_and_invalid_vignettes(tmp_path: Path):
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(VIGNETTES))
    result = evaluate(path)
    assert result.returncode == 1, result.stderr  # scored, but not all of it: a script must not take it for clean
    assert result.stderr.strip() == "error: 2 vignette(s) could not be scored; they are listed above"
    out = result.stdout
    assert "2 vignette(s) scored, 2 invalid" in out
    for label in ("top-1 condition", "top-3 condition", "exact triage", "under-triage", "over-triage"):
        assert label in out
    assert "exact triage        1/2 (50.0%)" in out
    assert "over-triage         1/2 (50.0%)" in out
    assert "under-triage        0/2 (0.0%)" in out
    table = {line.split()[0]: line.split()[1:] for line in out.splitlines() if line.strip().startswith(
        ("emergency ", "urgent ", "routine ", "self_care "))}
    assert table["urgent"] == ["1", "1", "0", "0"] and table["self_care"] == ["1", "0", "0", "1"]
    assert any(line.startswith("  T2: ") and "triage gold self_care, got urgent (over)" in line for line in out.splitlines())
    assert "T3: finding 'swelling': expected true or false" in out
    assert "T4: gold condition 'not_a_condition' is not a condition id" in out


@pytest.mark.parametrize("content, message", [
    ("{not json", "not valid JSON"),
    ('{"id": "D01"}', "expected a JSON list of vignettes"),
    (b"\xff\xfe\x00", "not UTF-8 text"),
])
def test_unreadable_or_invalid_file_exits_1_with_one_line_and_no_traceback(tmp_path: Path, content, message):
    path = tmp_path / "bad.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    result = evaluate(path)
    assert result.returncode == 1
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_file_exits_1_with_one_line(tmp_path: Path):
    result = evaluate(tmp_path / "nope.json")
    assert result.returncode == 1 and "no such file" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.skipif(not DEV.exists(), reason=f"development vignettes not found at {DEV}")
def test_evaluate_scores_the_development_set_missing_only_what_a_version_2_floor_raises():
    result = evaluate(DEV)
    assert result.returncode == 0
    assert "0 invalid" in result.stdout and "under-triage        0/16" in result.stdout
    misses = result.stdout.split("Misses", 1)[1].strip().splitlines()[1:]
    assert [m.split(":")[0].strip() for m in misses] == list(RAISED_BY_V2_FLOOR)


@pytest.mark.parametrize("content, message", [
    ("[" * 100_000 + "]" * 100_000, "nested far too deeply"),
    ('[{"id": "x", "findings": {"age": ' + "9" * 5001 + '}, "gold": {"condition": "gout", "triage": "urgent"}}]',
     "more than 4,300 digits"),
])
def test_a_file_too_deep_or_with_a_huge_number_exits_1_with_one_line(tmp_path: Path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content)
    result = evaluate(path)
    assert result.returncode == 1 and message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_list_as_gold_or_a_surrogate_id_is_an_invalid_vignette_not_a_traceback(tmp_path: Path):
    path = tmp_path / "cases.json"
    path.write_text('[{"id": "L1", "findings": {}, "gold": {"condition": ["gout"], "triage": ["urgent"]}},'
                    ' {"id": "\\ud800\\u001b[2J", "findings": {"\\ud800": 1}, "gold": {"condition": "gout", "triage": "urgent"}}]')
    result = evaluate(path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "L1: gold condition ['gout'] is not a condition id" in result.stdout
    assert "\\ud800\\x1b[2J: unknown finding" in result.stdout and "\x1b" not in result.stdout


def test_a_folder_or_a_device_is_refused_without_reading_it(tmp_path: Path):
    for path, message in ((tmp_path, "is a folder"), (Path("/dev/zero"), "is not a regular file")):
        result = evaluate(path)
        assert result.returncode == 1 and message in result.stderr and "Traceback" not in result.stderr
