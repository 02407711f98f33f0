"""The symptom checker: plain-language questions (warning signs first), re-assessed on every answer.

A thin view: `symptom_questions.read_answers` turns the controls' values into findings,
`ankle_course.triage.assess` ranks them, and `triage.checker_result.explain` words the result. Triage is shown
first, as a word, a symbol and an action, above the differential. Every question can be skipped, and a
typed value that cannot be used gets a message beside it instead of a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as w
from IPython import get_ipython

from ..content import Course, course
from ..content.records import SymptomQuestion
from ..figures import PlotlyFigure
from ..figures.causes import differential_bars, differential_rows
from ..figures.diagnosis import OTTAWA_POINTS_ALT, ottawa_diagram
from ..triage.checker_result import NOT_A_DIAGNOSIS, Explanation, explain
from ..triage.engine import assess as triage_assess
from ..triage.symptom_questions import (
    NONE_OF_THESE,
    NONE_OF_THESE_LABEL,
    SECTION_TITLES,
    SKIP,
    SKIP_LABEL,
    questions_for,
    read_answers,
)
from .common import (
    LEVEL_STYLE,
    Panel,
    draw_figures,
    esc,
    html_widget,
    notice,
    set_visible,
    shared_layout,
    shared_style,
    table,
)

MODES = (("Learner", "learner"), ("PT student", "pt_student"))
NO_ANSWERS = "ℹ No answers yet. Start with the warning signs: each answer updates this result at once."
WARNING_FIRST = ("If a warning sign applies, get care as fast as the start page says (now, or today), whatever "
                 "the result says.")


def question_figure(name: str) -> w.Output:
    """The drawing a question names (see QUESTION_FIGURES)."""
    fig, alt = {"ottawa_points": (ottawa_diagram(show_status=False), OTTAWA_POINTS_ALT)}[name]
    out = w.Output(layout=shared_layout(max_width="560px"))
    out.add_class(f"ankle-question-figure-{name}")
    draw_figures(out, fig, alt=alt)
    return out


def question_control(q: SymptomQuestion) -> Any:
    """The control for one question, skipped to start with: radio buttons with "Not sure / skip", tick-boxes
    for a set, a text box for a number. The full form and the guided interview use the same controls."""
    if q.type == "bool":
        return w.RadioButtons(options=[("Yes", "yes"), ("No", "no"), (SKIP_LABEL, SKIP)], value=SKIP,
                              orientation="horizontal", layout=shared_layout(), style=shared_style(w.RadioButtons))
    if q.type == "choice":
        options = [*zip(q.choice_labels, q.choices), (SKIP_LABEL, SKIP)]
        return w.RadioButtons(options=options, value=SKIP, layout=shared_layout(),
                              orientation="horizontal" if len(options) <= 3 else "vertical",
                              style=shared_style(w.RadioButtons))
    if q.type == "set":
        return SetControl(q)
    return w.Text(value="", placeholder=f"{q.min}–{q.max}, or leave empty to skip", continuous_update=False)


def set_control(control: Any, value: Any) -> None:
    """Show a finding's value in its control (the inverse of reading the control)."""
    if isinstance(control, SetControl):
        control.clear()
        for choice in value or (NONE_OF_THESE,):
            control.boxes[choice].value = True
    elif isinstance(control, w.Text):
        control.value = "" if value is None else str(value)
    elif isinstance(value, bool):
        control.value = "yes" if value else "no"
    else:
        control.value = SKIP if value is None else value


class SetControl(w.VBox):
    """Tick-boxes for a set question plus "None of these"; `value` is the tuple of ticked ids."""

    def __init__(self, q: SymptomQuestion):
        self.boxes = {cid: w.Checkbox(value=False, description=label, indent=False, layout=shared_layout(),
                                      style=shared_style(w.Checkbox))
                      for cid, label in zip((*q.choices, NONE_OF_THESE), (*q.choice_labels, NONE_OF_THESE_LABEL))}
        super().__init__(list(self.boxes.values()), layout=shared_layout())
        for cid, box in self.boxes.items():
            box.observe(lambda change, cid=cid: self._ticked(cid, change["new"]), names="value")
        self._callbacks: list[Callable[[], None]] = []

    def _ticked(self, cid: str, on: bool) -> None:
        if on:  # "None of these" and a body part exclude each other
            others = [k for k in self.boxes if (k == NONE_OF_THESE) != (cid == NONE_OF_THESE)]
            for k in others:
                self.boxes[k].value = False
        for callback in self._callbacks:
            callback()

    def on_change(self, callback: Callable[[], None]) -> None:
        self._callbacks.append(callback)

    @property
    def value(self) -> tuple[str, ...]:
        return tuple(k for k, box in self.boxes.items() if box.value)

    def clear(self) -> None:
        for box in self.boxes.values():
            box.value = False


class SymptomChecker:
    """The whole checker: questions in sections (warning signs open first), the result beside them.

    A section's questions are built when it is first opened: 45 questions are about 150 widgets, each a
    model the browser must create, and most learners answer the warning signs first anyway. `controls`,
    `rows` and `messages` (for tests and scripts) build every section before they answer."""

    def __init__(self, track: str = "learner", content: Course | None = None,
                 assess: Callable[[dict[str, Any]], Any] | None = None):
        self.content = content or course()
        self.assess = assess or triage_assess
        self.mode = w.RadioButtons(options=MODES, value=track, description="Mode:", orientation="horizontal")
        self.mode.add_class("ankle-checker-mode")
        self._controls: dict[str, Any] = {}
        self._messages: dict[str, w.HTML] = {}
        self._rows: dict[str, w.VBox] = {}
        self._pt_notes: list[w.HTML] = []
        everything = questions_for("pt_student", self.content)
        self._by_section = {s: [q for q in everything if q.section == s] for s in SECTION_TITLES}
        self.sections = {s: w.VBox([], layout=shared_layout()) for s, qs in self._by_section.items() if qs}
        self._shown_sections: list[str] = []
        self.accordion = w.Accordion(layout=w.Layout(width="100%"))
        self.accordion.add_class("ankle-checker-sections")
        self.result = html_widget(NO_ANSWERS, "ankle-triage-result")
        self.details = html_widget("", "ankle-checker-details")
        self.chart = w.Output()
        self.chart.add_class("ankle-checker-chart")
        self.figure: PlotlyFigure | None = None
        self.explanation: Explanation | None = None
        self.findings: dict[str, Any] = {}
        reset = w.Button(description="Clear all answers", icon="eraser", tooltip="Set every question back to skipped")
        reset.add_class("ankle-checker-reset")
        reset.on_click(lambda _: self.clear())

        questions = w.VBox([self.accordion], layout=w.Layout(flex="1 1 420px", min_width="300px"))
        results = w.VBox([html_widget("<h3>Result</h3>"), self.result, self.chart, self.details, reset],
                         layout=w.Layout(flex="1 1 340px", min_width="300px", padding="0 0 0 12px"))
        body = w.HBox([questions, results], layout=w.Layout(flex_flow="row wrap", align_items="flex-start"))
        intro = html_widget(notice(NOT_A_DIAGNOSIS + " " + WARNING_FIRST, "warning"))
        self.widget = Panel([intro, self.mode, body], name="Symptom checker")
        self.widget.add_class("ankle-symptom-checker")
        self.mode.observe(lambda _: self._mode_changed(), names="value")
        self.accordion.observe(self._opened, names="selected_index")
        self._mode_changed()

    # --- building ----------------------------------------------------------------------------------
    def _build_section(self, section: str) -> None:
        box = self.sections[section]
        if box.children:
            return
        asked = {q.id for q in questions_for(self.mode.value, self.content)}
        rows = [self._row(q) for q in self._by_section[section]]
        for q, row in zip(self._by_section[section], rows):
            set_visible(row, q.id in asked)
        box.children = rows

    def build_all(self) -> None:
        for section in self.sections:
            self._build_section(section)

    def _opened(self, change: dict) -> None:
        if change["new"] is not None and change["new"] < len(self._shown_sections):
            self._build_section(self._shown_sections[change["new"]])

    @property
    def controls(self) -> dict[str, Any]:
        self.build_all()
        return self._controls

    @property
    def rows(self) -> dict[str, w.VBox]:
        self.build_all()
        return self._rows

    @property
    def messages(self) -> dict[str, w.HTML]:
        self.build_all()
        return self._messages

    def _row(self, q: SymptomQuestion) -> w.VBox:
        prompt = f"<strong>{esc(q.prompt)}</strong>" + (f"<br><small>{esc(q.help)}</small>" if q.help else "")
        control = self._control(q)
        self._controls[q.id] = control
        parts = [html_widget(prompt)]
        if q.pt_help:
            pt_note = html_widget(f"<small>🎓 <em>PT students:</em> {esc(q.pt_help)}</small>", "ankle-checker-pt-help")
            set_visible(pt_note, self.mode.value == "pt_student")
            self._pt_notes.append(pt_note)
            parts.append(pt_note)
        if q.figure:
            parts.append(question_figure(q.figure))
        parts.append(control)
        if q.type == "int":  # only typed answers can be refused, so only they need a line for the reason
            self._messages[q.id] = html_widget("", "ankle-checker-message")
            parts.append(self._messages[q.id])
        row = w.VBox(parts, layout=shared_layout(margin="0 0 8px 0"))
        row.add_class("ankle-checker-question")
        row.add_class(f"ankle-q-{q.id}")
        self._rows[q.id] = row
        return row

    def _control(self, q: SymptomQuestion) -> Any:
        control = question_control(q)
        if isinstance(control, SetControl):
            control.on_change(self.update)
        else:
            control.observe(lambda _: self.update(), names="value")
        return control

    # --- behaviour ---------------------------------------------------------------------------------
    def answers(self) -> dict[str, Any]:
        return {qid: control.value for qid, control in self._controls.items()}  # unbuilt = skipped

    def set_answers(self, findings: dict[str, Any]) -> None:
        """Show these findings in the form's controls (the guided interview's answers, when the learner opens
        the full form), then re-assess once."""
        self.build_all()
        self._updating = True
        try:
            for qid, value in findings.items():
                control = self._controls.get(qid)
                if control is not None:
                    set_control(control, value)
        finally:
            self._updating = False
        self.update()

    def clear(self) -> None:
        self._updating = True
        try:
            for control in self._controls.values():
                if isinstance(control, SetControl):
                    control.clear()
                elif isinstance(control, w.Text):
                    control.value = ""
                else:
                    control.value = SKIP
        finally:
            self._updating = False
        self.update()

    def _mode_changed(self) -> None:
        asked_questions = questions_for(self.mode.value, self.content)
        asked = {q.id for q in asked_questions}
        shown = [s for s in self.sections if any(q.section == s for q in asked_questions)]
        opened = self.accordion.selected_index
        opened_section = self._shown_sections[opened] if opened is not None and opened < len(self._shown_sections) \
            else shown[0]
        self._shown_sections = shown
        self.accordion.children = [self.sections[s] for s in shown]
        self.accordion.titles = tuple(
            f"{SECTION_TITLES[s]} ({sum(q.section == s for q in asked_questions)} questions)" for s in shown)
        self.accordion.selected_index = shown.index(opened_section) if opened_section in shown else 0
        self._build_section(shown[self.accordion.selected_index])
        for qid, row in self._rows.items():
            set_visible(row, qid in asked)
        for note in self._pt_notes:
            set_visible(note, self.mode.value == "pt_student")
        self.update()

    def update(self) -> None:
        """Re-read every answer and re-assess: cheap, and it never leaves a stale result on screen."""
        if getattr(self, "_updating", False):
            return
        reading = read_answers(self.answers(), self.mode.value, self.content)
        for qid, box in self._messages.items():
            message = reading.messages.get(qid)
            box.value = notice(message, "error") if message else ""
        self.findings = reading.findings
        if not reading.findings:
            self.explanation = None
            self.result.value = notice(NO_ANSWERS.removeprefix("ℹ "), "info")
            self.details.value = ""
            self._draw(None)
            return
        try:
            self.explanation = explain(self.assess(reading.findings), self.content)
        except ValueError as exc:
            self.explanation = None
            self.result.value = notice(f"The checker could not work out a result: {exc}. {WARNING_FIRST}", "error")
            self.details.value = ""
            self._draw(None)
            return
        self.result.value = _result_html(self.explanation)
        self.details.value = _details_html(self.explanation)
        self._draw(self.explanation)

    def _draw(self, explanation: Explanation | None) -> None:
        self.figure = None
        if explanation and explanation.likely:
            self.figure = differential_bars([(x.short_name, x.probability) for x in explanation.likely])
        if get_ipython() is None:  # outside a notebook (tests): keep the figure, draw nothing
            return
        draw_figures(self.chart, *((self.figure,) if self.figure is not None else ()))


def _result_html(x: Explanation) -> str:
    symbol, word, colour = LEVEL_STYLE[x.level]
    role = "alert" if x.level in ("emergency", "urgent") else "status"
    return (f'<div role="{role}" aria-live="polite" style="border:3px solid {colour};border-left-width:12px;'
            f'padding:6px 12px;margin:4px 0"><p style="font-size:1.25em;margin:0"><strong>{esc(x.headline)}'
            "</strong></p></div>")


def _details_html(x: Explanation) -> str:
    parts = []
    if x.likely:
        rows = differential_rows([(c.name, c.probability) for c in x.likely])
        parts.append(table(("Condition", "Fit with your answers"), rows, "Most likely causes, best first"))
    if x.reasons:
        parts.append("<p><strong>Why:</strong></p><ul>" + "".join(f"<li>{esc(r)}</li>" for r in x.reasons) + "</ul>")
    parts.append(f"<p><em>{esc(NOT_A_DIAGNOSIS)}</em></p>")
    return "".join(parts)


def symptom_checker(track: str = "learner") -> Panel:
    """The symptom checker for a notebook, in learner mode by default (PT students switch mode)."""
    return SymptomChecker(track).widget
