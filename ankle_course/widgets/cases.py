"""Clinical cases as ipywidgets: pick a case, read a stage, commit (differential, next step, triage), then see
the expert's reasoning and feedback; at the end, the symptom checker's reasoning beside the expert's.

All rules live in `ankle_course.cases` (a state machine); this view turns controls into a commitment and
shows what the state machine returns. Text from case files is escaped before it is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import ipywidgets as w

from ..cases import (
    DIFFERENTIAL_SIZE,
    CaseError,
    CaseRun,
    CheckerComparison,
    StageFeedback,
    Verdict,
    compare_with_checker,
    condition_name,
)
from ..content import Course, course
from ..content.checker.vocabulary import CONDITIONS
from ..content.levels import TRIAGE_LEVELS, TRIAGE_MEANING, badge_text
from ..content.records import Case
from ..markup import pt_depth_box, sources
from ..progress import ProgressError, ProgressStore
from ..triage.engine import assess as triage_assess
from .common import Panel, esc, html_widget, notice, table

PLACEHOLDER = "— choose —"
RANKS = ("1st (most likely)", "2nd", "3rd")
DISCLAIMER = ("These patients are invented for teaching. Working through a case is practice in clinical "
              "reasoning, not a diagnosis of anyone's ankle: if you have symptoms like these, see a clinician.")


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{esc(part.strip())}</p>" for part in text.split("\n\n") if part.strip())


def _verdicts(verdicts: tuple[Verdict, ...]) -> str:
    items = "".join(f"<li>{'<strong>' if v.serious else ''}{esc(v.symbol)} {esc(v.message)}"
                    f"{'</strong>' if v.serious else ''}</li>" for v in verdicts)
    return f"<ul style='list-style:none;padding-left:4px'>{items}</ul>"


def _sources(content: Course, ref_ids: tuple[str, ...]) -> str:
    return sources(ref_ids, content)


def _depth_box(text: str | None) -> str:
    return pt_depth_box(_paragraphs(text)) if text else ""


_level_text = badge_text


class CaseView:
    """The case player: picker, stage text, commitment controls, Commit, reveal, Next stage, final comparison."""

    def __init__(self, store: ProgressStore | None = None, content: Course | None = None,
                 assess: Callable[[Mapping[str, Any]], Any] | None = None):
        self.content = content or course()
        self.store = store or ProgressStore()
        self.assess = assess if assess is not None else triage_assess
        self.cases: dict[str, Case] = dict(self.content.cases)
        self.run: CaseRun | None = None

        options = [(PLACEHOLDER, None)] + [(f"Case {n} · {c.title}", c.id)
                                           for n, c in enumerate(self.cases.values(), start=1)]
        self.picker = w.Dropdown(options=options, value=None, description="Case",
                                 layout=w.Layout(width="auto"))
        self.picker.add_class("ankle-case-picker")
        self.picker.observe(lambda change: self.open(change["new"]), names="value")
        self.header = html_widget("", "ankle-case-stage")
        self.differential = [w.Dropdown(options=[(PLACEHOLDER, None)] + [(name, cid) for cid, name in CONDITIONS.items()],
                                        value=None, description=RANKS[i], style={"description_width": "initial"},
                                        layout=w.Layout(width="auto")) for i in range(DIFFERENTIAL_SIZE)]
        for i, picker in enumerate(self.differential, start=1):
            picker.add_class(f"ankle-case-diff-{i}")
        self.differential_box = w.VBox([html_widget(
            "<p><strong>Your differential:</strong> choose your top 3 conditions, most likely first.</p>"),
            *self.differential])
        self.differential_box.add_class("ankle-case-differential")
        self.question = html_widget("")
        self.next_step = w.RadioButtons(options=[], value=None, layout=w.Layout(width="auto"))
        self.next_step.add_class("ankle-case-next-step")
        self.next_step_box = w.VBox([self.question, self.next_step])
        self.triage = w.RadioButtons(
            options=[(f"{_level_text(level)}: {TRIAGE_MEANING[level]}", level) for level in TRIAGE_LEVELS],
            value=None, layout=w.Layout(width="auto"))
        self.triage.add_class("ankle-case-triage")
        self.triage_box = w.VBox([html_widget("<p><strong>Your triage:</strong> how soon does this patient "
                                              "need to be seen?</p>"), self.triage])
        self.commit_button = w.Button(description="Commit", tooltip="Lock in your answers and see the expert's reasoning")
        self.commit_button.add_class("ankle-case-commit")
        self.commit_button.on_click(lambda _: self.commit())
        self.message = html_widget("", "ankle-case-message")
        self.reveal = html_widget("", "ankle-case-reveal")
        self.next_button = w.Button(description="Next stage", disabled=True, tooltip="Go on to the next stage")
        self.next_button.add_class("ankle-case-next")
        self.next_button.on_click(lambda _: self.next_stage())
        self.restart_button = w.Button(description="Start this case again", disabled=True,
                                       tooltip="Clear your answers to this case and start from stage 1")
        self.restart_button.add_class("ankle-case-restart")
        self.restart_button.on_click(lambda _: self.restart())
        self.summary = html_widget("", "ankle-case-summary")
        self.checker = html_widget("", "ankle-case-checker")
        self.save_message = html_widget("", "ankle-case-save")
        self.controls = w.VBox([])
        self.stage_box = w.VBox([])
        self.widget = Panel([html_widget(notice(DISCLAIMER, "info")), self.picker, self.stage_box, self.save_message],
                         name="Case studies")
        self.widget.add_class("ankle-case")
        if not self.cases:
            self.stage_box.children = [html_widget(notice("There are no cases in this copy of the course yet.", "info"))]

    # ------------------------------------------------------------------ opening a case
    def open(self, case_id: str | None) -> None:
        """Show a case: continue where the student stopped, or from stage 1."""
        self.message.value = self.save_message.value = ""
        if case_id is None:
            self.run = None
            self.stage_box.children = []
            return
        case = self.cases[case_id]
        saved = self._saved_record(case_id)
        self.run = CaseRun.resume(case, saved)
        if self.run.answers:
            self.message.value = notice(f"Welcome back: you are at stage {self.run.stage_number} of this case.", "info")
        self.stage_box.children = [self.header, self.controls, self.commit_button, self.message, self.reveal,
                                   self.next_button, self.summary, self.checker, self.restart_button]
        self._show_stage()

    def _saved_record(self, case_id: str) -> dict[str, Any] | None:
        try:
            return self.store.load()["cases"].get(case_id)
        except ProgressError as exc:
            self.save_message.value = notice(str(exc), "warning")
            return None

    def restart(self) -> None:
        if self.run is None:
            return
        self.run = CaseRun(self.run.case)
        self.message.value = notice("Started again from stage 1. Your earlier answers are replaced when you commit.",
                                    "info")
        self._show_stage()

    # ------------------------------------------------------------------ one stage
    def _show_stage(self) -> None:
        run = self.run
        assert run is not None
        stage = run.stage
        self.header.value = (f"<h4>Stage {run.stage_number} of {run.total} · {esc(stage.name)}</h4>"
                             f"{_paragraphs(stage.text)}")
        parts: list[w.Widget] = []
        if "differential" in stage.ask:
            parts.append(self.differential_box)
        if "next_step" in stage.ask:
            self.question.value = f"<p><strong>{esc(stage.question or 'What would you do next?')}</strong></p>"
            self.next_step.options = [(o.label, o.id) for o in stage.options]
            self.next_step.value = None
            parts.append(self.next_step_box)
        if "triage" in stage.ask:
            self.triage.value = None
            parts.append(self.triage_box)
        self.controls.children = parts
        committed = run.committed
        self._lock(committed)
        self.reveal.value = self._reveal_html(run.reveal()) if committed else ""
        self.next_button.disabled = not committed or run.is_last
        self.restart_button.disabled = not run.answers
        self._show_end()

    def _lock(self, locked: bool) -> None:
        for control in (*self.differential, self.next_step, self.triage, self.commit_button):
            control.disabled = locked

    def commit(self) -> None:
        run = self.run
        if run is None:
            self.message.value = notice("Choose a case first.", "warning")
            return
        try:
            feedback = run.commit(differential=[d.value for d in self.differential], next_step=self.next_step.value,
                                  triage=self.triage.value)
        except CaseError as exc:
            self.message.value = notice(str(exc), "warning")
            return
        self.message.value = ""
        self.reveal.value = self._reveal_html(feedback)
        self._lock(True)
        self.next_button.disabled = run.is_last
        self.restart_button.disabled = False
        self._save()
        self._show_end()

    def next_stage(self) -> None:
        if self.run is None:
            return
        try:
            self.run.next_stage()
        except CaseError as exc:
            self.message.value = notice(str(exc), "warning")
            return
        self.message.value = ""
        self._show_stage()

    # ------------------------------------------------------------------ what is revealed
    def _reveal_html(self, feedback: StageFeedback) -> str:
        stage = feedback.stage
        expert = ""
        if stage.expert_differential:
            names = "".join(f"<li>{esc(condition_name(c))}</li>" for c in stage.expert_differential)
            expert += f"<p>The expert's differential at this stage:</p><ol>{names}</ol>"
        if "triage" in stage.ask and feedback.triage:
            expert += f"<p>The expert's triage: <strong>{esc(_level_text(feedback.triage.expert))}</strong></p>"
        if feedback.next_step:
            expert += f"<p>The expert's next step: <strong>{esc(feedback.next_step.best.label)}</strong></p>"
        return (f'<div role="status" style="border-left:4px solid #555;padding:2px 10px">'
                f"<p><strong>Your answers, scored</strong></p>{_verdicts(feedback.verdicts)}"
                f"<p><strong>The expert's reasoning</strong></p>{expert}{_paragraphs(stage.reasoning)}"
                f"{_depth_box(stage.pt_depth)}{_sources(self.content, stage.refs)}</div>")

    def _show_end(self) -> None:
        run = self.run
        if run is None or not run.finished:
            self.summary.value = self.checker.value = ""
            return
        case = run.case
        points = "".join(f"<li>{esc(p)}</li>" for p in case.teaching_points)
        self.summary.value = (f"<h4>✓ Case complete: {esc(condition_name(case.condition))}</h4>"
                              f"<p><strong>Teaching points</strong></p><ul>{points}</ul>"
                              f"{_sources(self.content, case.refs)}")
        self.checker.value = checker_html(case, self.assess)

    def _save(self) -> None:
        run = self.run
        assert run is not None
        try:
            self.store.save_case_run(run.progress(self.store.clock()))
        except ProgressError as exc:
            self.save_message.value = notice(str(exc), "warning")
            return
        if self.store.notice:
            self.save_message.value = notice(self.store.notice, "warning")
            self.store.notice = None


def checker_html(case: Case, assess: Callable[[Mapping[str, Any]], Any]) -> str:
    """The symptom checker's reasoning beside the expert's, with the automatic comparison and the case's note."""
    heading = "<h4>The symptom checker and the expert</h4>"
    try:
        comparison: CheckerComparison = compare_with_checker(case, assess)
    except ValueError as exc:
        return heading + notice(f"The symptom checker could not read this case's findings: {exc}", "warning")
    rows = [("Triage", _level_text(comparison.checker_triage), _level_text(comparison.expert_triage)),
            ("First in the differential",
             condition_name(comparison.top[0][0]) if comparison.top else "(none ranked)",
             condition_name(case.condition))]
    top = "".join(f"<li>{esc(condition_name(c))} ({p:.0%})</li>" for c, p in comparison.top)
    reasons = "".join(f"<li>{esc(r)}</li>" for r in comparison.reasons)
    return (heading + table(("", "Symptom checker", "Expert"), rows, "Checker and expert side by side")
            + _verdicts(comparison.lines)
            + f"<p>The checker's top {len(comparison.top)}:</p><ol>{top}</ol>"
            + f"<p>The checker's reasons:</p><ul>{reasons}</ul>"
            + f"<p><strong>Where and why they differ:</strong> {esc(comparison.note)}</p>")


def case_studies(store: ProgressStore | None = None, content: Course | None = None) -> w.VBox:
    """The case player, e.g. in 06_case_studies.ipynb: case_studies()."""
    return CaseView(store=store, content=content).widget


def case_list(content: Course | None = None) -> w.HTML:
    """A table of the cases (titles and stages only, so that nothing gives the diagnosis away)."""
    content = content or course()
    rows = [(str(n), c.title, str(len(c.stages))) for n, c in enumerate(content.cases.values(), start=1)]
    return html_widget(table(("#", "Case", "Stages"), rows, "The cases in this module"), "ankle-case-list")
