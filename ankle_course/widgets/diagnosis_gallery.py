"""Special-tests gallery and imaging chooser: pick an item from a drop-down, read its card.

Both read their content from TOML (special_tests.toml, imaging.toml) through `ankle_course.content`.
"""

from __future__ import annotations

import ipywidgets as w

from ..content import Course, course
from ..content.records import Scan, SpecialTest
from .common import Panel, esc, html_widget, table
from .diagnosis_common import sources_html

WIDE = w.Layout(width="auto")


def _pct(value: float | None) -> str:
    return "not reported" if value is None else f"{value * 100:.0f} %"


def _lr(value: float | None) -> str:
    return "not reported" if value is None else f"{value:g}"


def special_test_card(test: SpecialTest, content: Course | None = None) -> str:
    """One test: what it checks, how, what a positive looks like and suggests, accuracy and sources."""
    steps = "".join(f"<li>{esc(s)}</li>" for s in test.how)
    parts = [f"<h4 style='margin:4px 0'>{esc(test.name)}</h4>",
             f"<p><strong>Checks:</strong> {esc(test.checks)}</p>",
             f"<p><strong>How to do it:</strong></p><ol>{steps}</ol>",
             f"<p><strong>Positive when:</strong> {esc(test.positive)}</p>",
             f"<p><strong>A positive suggests:</strong> {esc(test.suggests)}</p>",
             f"<p><strong>Accuracy:</strong> {esc(test.accuracy_note)}</p>"]
    acc = test.accuracy
    if acc is not None:
        parts.append(table(("Sensitivity", "Specificity", "LR+", "LR−"),
                           [(_pct(acc.sensitivity), _pct(acc.specificity), _lr(acc.lr_positive), _lr(acc.lr_negative))],
                           f"Measured against: {acc.against}"))
        if acc.note:
            parts.append(f"<p style='font-size:95%'>{esc(acc.note)}</p>")
    if test.learner_safe:
        parts.append(f"<p><strong>For learners:</strong> {esc(test.learner_safe)}</p>")
    parts.append(sources_html(test.refs + ((acc.source,) if acc else ()), content))
    return "".join(parts)


def special_tests_gallery(content: Course | None = None) -> w.VBox:
    """Choose a test from the list; its card appears below. A summary table lists every test at once."""
    content = content or course()
    tests = content.special_tests
    chooser = w.Dropdown(options=[(t.name, t.id) for t in tests.values()], description="Special test",
                         style={"description_width": "initial"}, layout=WIDE)
    chooser.add_class("ankle-special-tests-choice")
    card = html_widget("", "ankle-special-test-card")

    def show(_change: object = None) -> None:
        card.value = special_test_card(tests[chooser.value], content)

    chooser.observe(show, names="value")
    show()
    overview = table(("Test", "Checks", "Accuracy"),
                     [(t.name, t.checks, t.accuracy_note) for t in tests.values()], "All special tests at a glance")
    root = Panel([chooser, card, w.HTML(f"<details><summary>All tests at a glance</summary>{overview}</details>")],
                 name="Special tests")
    root.add_class("ankle-special-tests")
    root.chooser, root.card = chooser, card  # handles for tests and for the browser interaction
    return root


def scan_answer_html(scan: Scan, question_id: str, content: Course | None = None) -> str:
    answer = next(a for a in scan.answers if a.id == question_id)
    parts = [f"<p style='font-size:110%'><strong>First test: {esc(scan.name)}</strong></p>",
             f"<p><strong>Why:</strong> {esc(answer.why)}</p>"]
    if answer.next_step:
        parts.append(f"<p><strong>If it is normal or unclear:</strong> {esc(answer.next_step)}</p>")
    parts.append(f"<p><strong>What it is:</strong> {esc(scan.plain)} <strong>Radiation:</strong> "
                 f"{esc(scan.radiation)}.</p>")
    parts.append(sources_html(scan.refs, content))
    return "".join(parts)


def imaging_chooser(content: Course | None = None) -> w.VBox:
    """'What do you want to know?' -> which test answers it first, and why; plus a comparison table."""
    content = content or course()
    by_question = {a.id: (scan, a) for scan in content.scans.values() for a in scan.answers}
    chooser = w.Dropdown(options=[(a.question, qid) for qid, (_, a) in by_question.items()],
                         description="What do you want to know?", style={"description_width": "initial"},
                         layout=WIDE)
    chooser.add_class("ankle-imaging-choice")
    answer = html_widget("", "ankle-imaging-answer")

    def show(_change: object = None) -> None:
        scan, _ = by_question[chooser.value]
        answer.value = scan_answer_html(scan, chooser.value, content)

    chooser.observe(show, names="value")
    show()
    comparison = table(("Test", "Shows", "Misses", "Radiation"),
                       [(s.name, s.shows, s.misses, s.radiation) for s in content.scans.values()],
                       "Which test shows what")
    root = Panel([chooser, answer, w.HTML(comparison)], name="Imaging chooser")
    root.add_class("ankle-imaging")
    root.chooser, root.answer = chooser, answer
    return root
