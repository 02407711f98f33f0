"""The printable home programme: one command makes a self-contained HTML handout; bad parameters are explained."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from ankle_course.content import course
from ankle_course.handout import NeedsClinician, main, plan_html

ROOT = Path(__file__).resolve().parents[1]


def test_the_documented_command_writes_a_self_contained_handout(tmp_path):
    out = tmp_path / "handouts" / "plan.html"
    result = subprocess.run(
        [sys.executable, "-m", "ankle_course.handout", "--condition", "posterior_tibial_tendinopathy", "--stage",
         "early", "--exercises", "banded_inversion", "calf_raise_double", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    html = out.read_text()
    assert "Turning the foot in against a band" in html and "Calf raise on both legs" in html
    assert "Starting out: 10 reps × 2 sets" in html and "Building up" not in html
    assert html.count("data:image/svg+xml;base64,") == 4
    assert "Warning signs" in html and "Log sheet" in html and "Pain next morning" in html
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=\"http", html), "the handout must not fetch anything"
    assert "condition = " not in html  # code is hidden


def test_later_stage_uses_the_building_up_dosage():
    html = plan_html("medial_ankle_sprain", "later", "rom_dorsiflexion banded_plantarflexion")
    assert "Longer holds" in html and "Building up: 15 reps × 3 sets" in html
    assert "Inner-ankle (deltoid) sprain" in html  # its typical recovery range


def test_empty_exercise_list_means_the_full_programme_less_what_the_condition_leaves_out():
    default = course().programme["home_programme"].default_handout
    html = plan_html("osteoarthritis", "early", "")
    assert html.count('class="ankle-exercise-card"') == len(default) == 9
    # the eversion stretch is the tarsal tunnel provocation position and loads a failing tibialis posterior
    for condition in ("posterior_tibial_tendinopathy", "tarsal_tunnel_syndrome", "medial_ankle_sprain"):
        html = plan_html(condition, "early", "")
        assert html.count('class="ankle-exercise-card"') == len(default) - 1
        assert "Self range of motion: sole turned out" not in html
    named = plan_html("posterior_tibial_tendinopathy", "early", "rom_eversion")  # named explicitly: included
    assert "Self range of motion: sole turned out" in named and "tarsal tunnel" in named


def test_bad_parameters_are_all_named_in_one_message():
    with pytest.raises(ValueError) as info:
        plan_html("sprained_thing", "middle", ["no_such_exercise"])
    text = str(info.value)
    assert "unknown condition 'sprained_thing'" in text and "unknown stage 'middle'" in text
    assert "unknown exercise 'no_such_exercise'" in text


def test_command_reports_a_bad_exercise_without_a_traceback(capsys, tmp_path):
    assert main(["--exercises", "hop", "--out", str(tmp_path / "x.html")]) == 1
    assert "unknown exercise 'hop'" in capsys.readouterr().err
    assert not (tmp_path / "x.html").exists()


# ------------------------------------------------------------------------------------------ refusing harm
# a home loading programme could hurt someone with one of these; the handout names why and refuses
NOT_WITHOUT_A_CLINICIAN = ("medial_malleolus_fracture", "stress_fracture", "tendon_rupture", "septic_arthritis",
                           "dvt", "compartment_syndrome", "charcot_foot", "acute_limb_ischaemia", "kohler_disease")


@pytest.mark.parametrize("condition", NOT_WITHOUT_A_CLINICIAN)
def test_the_handout_refuses_a_loading_programme_that_needs_a_clinician_and_says_why(condition, capsys, tmp_path):
    with pytest.raises(NeedsClinician, match="clinician's go-ahead"):
        plan_html(condition, "early")
    out = tmp_path / "plan.html"
    assert main(["--condition", condition, "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "--cleared-by-clinician" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not out.exists(), "nothing is written, and no kernel is started, before the refusal"


def test_every_must_not_miss_condition_is_refused_without_a_clinician():
    must_not_miss = {c.id for c in course().conditions.values() if c.group == "must_not_miss"}
    assert must_not_miss <= set(NOT_WITHOUT_A_CLINICIAN)
    assert {c.id for c in course().conditions.values() if c.needs_clinician_before_loading} == set(NOT_WITHOUT_A_CLINICIAN)


def test_a_cleared_handout_says_so_at_the_top():
    html = plan_html("stress_fracture", "early", "rom_dorsiflexion", cleared_by_clinician=True)
    assert html.index("Cleared by a clinician") < html.index("Exercises")


def test_a_programme_that_needs_no_clearance_does_not_claim_one():
    assert "Cleared by a clinician" not in plan_html("medial_ankle_sprain", "early", cleared_by_clinician=True)


def _read_only(monkeypatch, folder: Path) -> None:
    """Make `folder` look read-only to the check (tests run as root, where chmod does not stop writes)."""
    import os

    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if Path(p) == folder else real(p, mode, **kw))


@pytest.mark.parametrize("where, message", [("folder", "is a folder"), ("under_a_file", "is a file, not a folder"),
                                            ("read_only", "is read-only")])
def test_an_output_path_that_cannot_be_written_is_one_line_before_any_kernel_starts(tmp_path, capsys, monkeypatch,
                                                                                   where, message):
    import papermill

    monkeypatch.setattr(papermill, "execute_notebook", lambda *a, **k: pytest.fail("a kernel was started"))
    (tmp_path / "a_file").write_text("x")
    out = {"folder": tmp_path, "under_a_file": tmp_path / "a_file" / "plan.html",
           "read_only": tmp_path / "ro" / "plan.html"}[where]
    (tmp_path / "ro").mkdir()
    _read_only(monkeypatch, tmp_path / "ro")
    assert main(["--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_a_full_disk_is_found_before_any_kernel_starts(tmp_path, capsys, monkeypatch):
    import shutil
    from collections import namedtuple

    import papermill

    monkeypatch.setattr(papermill, "execute_notebook", lambda *a, **k: pytest.fail("a kernel was started"))
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: namedtuple("usage", "total used free")(10, 10, 0))
    assert main(["--out", str(tmp_path / "plan.html")]) == 1
    assert "the disk is full" in capsys.readouterr().err
