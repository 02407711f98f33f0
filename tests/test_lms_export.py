"""Moodle GIFT and Canvas QTI export: special characters escaped, and the output parses back as the
same questions (checked with a strict parser, tests/gift_parser.py)."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

import pytest

from ankle_course.content import course
from ankle_course.content.records import Question
from ankle_course.quiz.gift import escape, to_gift
from ankle_course.quiz.qti import QTI_NS, to_qti_zip
from gift_parser import GiftError, parse_gift

BANK = list(course().questions.values())
NASTY = "Ratio a:b = 1{2} ~ #3 \\ done"


def q(**kw) -> Question:
    base = dict(id="x_nasty", module="anatomy", objective="bones_joints", audience="learner", difficulty=1,
                type="single", prompt=NASTY, explanation=f"Because {NASTY}", section="s", refs=("moore_anatomy",),
                choices=(f"right {NASTY}", "wrong: {x}"), answer=0)
    base.update(kw)
    return Question(**base)


def test_escape_puts_a_backslash_before_every_special_character():
    assert escape("a~b=c#d{e}f:g\\h") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h"
    assert escape("two\nlines") == "two lines"


def test_special_characters_survive_a_round_trip_through_a_strict_parser():
    text, _ = to_gift([q(), q(id="x_tf", type="true_false", choices=(), answer=True)])
    parsed = parse_gift(text)
    assert parsed[0].prompt == NASTY and parsed[0].feedback == f"Because {NASTY}"
    assert parsed[0].answers == [("=", f"right {NASTY}"), ("~", "wrong: {x}")]
    assert parsed[1].truth is True


def test_the_strict_parser_rejects_an_unescaped_special_character():
    with pytest.raises(GiftError, match="unescaped"):
        parse_gift("::t::a = b {\n    =x\n}\n")


def test_the_whole_bank_parses_back_as_the_same_questions():
    text, notes = to_gift(BANK)
    parsed = {p.title: p for p in parse_gift(text)}
    assert set(parsed) == {q.id for q in BANK}
    for question in BANK:
        p = parsed[question.id]
        assert p.prompt == " ".join(question.prompt.split()) and p.category == f"ankle_course/{question.module}"
        assert p.feedback == question.explanation
        if question.type in ("single", "identify"):
            assert [t for mark, t in p.answers if mark == "="] == [question.choices[question.answer]]
            assert [t for _, t in p.answers] == list(question.choices)
        elif question.type == "multiple":
            positive = [t for mark, t in p.answers if not mark.startswith("~%-")]
            assert positive == [question.choices[i] for i in sorted(question.answer)]
            assert sum(float(mark[2:-1]) for mark, _ in p.answers if not mark.startswith("~%-")) == pytest.approx(100)
        elif question.type == "true_false":
            assert p.truth is question.answer
        elif question.type == "matching":
            assert [pair for pair in p.pairs if pair[0]] == list(question.answer.items())
        else:
            assert [left for left, _ in p.pairs] == [question.choices[i] for i in question.answer]
    assert len(notes) == sum(q.type == "ordering" for q in BANK)


def test_qti_zip_holds_a_manifest_and_every_question_with_its_right_answer():
    data, _ = to_qti_zip(BANK)
    archive = zipfile.ZipFile(__import__("io").BytesIO(data))
    assert "imsmanifest.xml" in archive.namelist()
    root = ET.fromstring(archive.read("ankle_course_quiz/ankle_course_quiz.xml"))
    ns = {"q": QTI_NS}
    items = {item.get("ident"): item for item in root.iterfind(".//q:item", ns)}
    assert set(items) == {q.id for q in BANK}
    for question in BANK:
        item = items[question.id]
        assert item.find("q:presentation/q:material/q:mattext", ns).text == question.prompt
        if question.type in ("single", "identify"):
            right = item.find(".//q:respcondition/q:conditionvar/q:varequal", ns).text
            label = item.find(f".//q:response_label[@ident='{right}']/q:material/q:mattext", ns).text
            assert label == question.choices[question.answer]


def test_qti_keeps_special_characters_as_text():
    data, _ = to_qti_zip([q()])
    xml = zipfile.ZipFile(__import__("io").BytesIO(data)).read("ankle_course_quiz/ankle_course_quiz.xml")
    assert ET.fromstring(xml).find(f".//{{{QTI_NS}}}mattext").text == NASTY


@pytest.mark.parametrize("fmt, name", [("gift", "bank.gift.txt"), ("qti", "bank.zip")])
def test_export_command_writes_the_file_and_reports_lossy_types(tmp_path, fmt, name):
    out = tmp_path / name
    result = subprocess.run([sys.executable, "-m", "ankle_course.quiz", "export", "--format", fmt, "--out", str(out),
                             "--module", "anatomy"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 0 and "Wrote" in result.stdout and "an_tunnel_order" in result.stdout


def test_export_command_rejects_an_unknown_module(tmp_path):
    result = subprocess.run([sys.executable, "-m", "ankle_course.quiz", "export", "--format", "gift",
                             "--out", str(tmp_path / "x"), "--module", "nope"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "unknown module" in result.stderr


@pytest.mark.parametrize("where, message", [("folder", "is a folder"), ("under_a_file", "is a file, not a folder")])
def test_export_to_a_path_that_cannot_be_written_is_one_line_and_exit_2(tmp_path, where, message):
    (tmp_path / "a_file").write_text("x")
    out = tmp_path if where == "folder" else tmp_path / "a_file" / "quiz.txt"
    result = subprocess.run([sys.executable, "-m", "ankle_course.quiz", "export", "--format", "gift", "--out", str(out)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_full_disk_during_export_is_one_line_and_leaves_no_file(tmp_path, monkeypatch, capsys):
    import errno
    import os

    from ankle_course.quiz.__main__ import main

    def full(_fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    assert main(["export", "--format", "qti", "--out", str(tmp_path / "q.zip")]) == 2
    assert "No space left on device" in capsys.readouterr().err and list(tmp_path.iterdir()) == []
