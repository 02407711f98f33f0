"""The symptom checker as a guided interview: one question at a time, the result building beside it.

A thin view over `ankle_course.triage.next_question` (which question, and when to stop) and `assess`. Every
question can be skipped; Back changes an earlier answer; "All questions" opens the full form with the
answers so far. For PT students each question says why it was chosen now, and they can guess the next best
question before it is shown.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from ..content import Course, course
from ..content.records import SymptomQuestion
from ..triage import assess
from ..triage.checker_result import explain
from ..triage.interview import candidates, evaluate_question, next_question
from ..triage.symptom_questions import SECTION_TITLES, questions_for, read_answers
from .appointment import AppointmentSummary
from .common import Panel, esc, html_widget, notice, set_visible
from .symptom_checker import (
    MODES,
    NO_ANSWERS,
    NOT_A_DIAGNOSIS,
    WARNING_FIRST,
    SymptomChecker,
    _details_html,
    _result_html,
    question_control,
    question_figure,
    set_control,
)

VIEWS = (("One question at a time", "guided"), ("All questions", "form"))
DONE = ("That is everything the checker needs: no question left is likely to change its advice (how soon to "
        "get care, or the most likely cause). You can still change an answer with Back, or open all the questions.")


class GuidedInterview:
    """One question at a time, chosen by `next_question`; `findings` and `skipped` are the state so far."""

    def __init__(self, track: str = "learner", content: Course | None = None):
        self.content = content or course()
        self.mode = w.RadioButtons(options=MODES, value=track, description="Mode:", orientation="horizontal")
        self.mode.add_class("ankle-interview-mode")
        self.findings: dict[str, Any] = {}
        self.skipped: set[str] = set()
        self.history: list[str] = []  # questions answered or skipped, in order
        self.current: str | None = None
        self.control: Any = None
        self.step = html_widget("", "ankle-interview-step")
        self.question = w.VBox([])
        self.question.add_class("ankle-interview-question")
        self.message = html_widget("", "ankle-interview-message")
        self.why = html_widget("", "ankle-interview-why")
        self.next_button = w.Button(description="Next question", button_style="primary", icon="arrow-right")
        self.skip_button = w.Button(description="Not sure / skip", icon="forward")
        self.back_button = w.Button(description="Back", icon="arrow-left", tooltip="Change the last answer")
        for button, css, action in ((self.next_button, "ankle-interview-next", self.answer),
                                    (self.skip_button, "ankle-interview-skip", self.skip),
                                    (self.back_button, "ankle-interview-back", self.back)):
            button.add_class(css)
            button.on_click(lambda _, act=action: act())
        buttons = w.HBox([self.back_button, self.skip_button, self.next_button],
                         layout=w.Layout(flex_flow="row wrap"))
        self.buttons = buttons
        self.guess = w.Dropdown(description="Your guess:", style={"description_width": "initial"})
        self.guess.add_class("ankle-interview-guess")
        self.guess_button = w.Button(description="Check my guess", icon="check")
        self.guess_button.add_class("ankle-interview-check-guess")
        self.guess_button.on_click(lambda _: self.check_guess())
        self.guess_feedback = html_widget("", "ankle-interview-guess-feedback")
        self.guess_first = w.Checkbox(value=False, description="Let me guess each question before it is shown",
                                      indent=False, layout=w.Layout(width="auto"))
        self.guess_first.add_class("ankle-interview-guess-first")
        self.guess_first.observe(lambda _: self._advance(), names="value")
        self.reveal_button = w.Button(description="Show the question", icon="eye")
        self.reveal_button.add_class("ankle-interview-reveal")
        self.reveal_button.on_click(lambda _: self._reveal())
        self.guess_box = w.VBox([html_widget("<strong>🎓 PT students:</strong> which question would you ask "
                                             "next, and why?"), self.guess_first,
                                 w.HBox([self.guess, self.guess_button, self.reveal_button],
                                        layout=w.Layout(flex_flow="row wrap")),
                                 self.guess_feedback])
        self._buttons: list[w.Widget] = []
        self.result = html_widget(notice(NO_ANSWERS.removeprefix("ℹ "), "info"), "ankle-triage-result")
        self.details = html_widget("", "ankle-checker-details")
        asking = w.VBox([self.step, self.question, self.message, buttons, self.why, self.guess_box],
                        layout=w.Layout(flex="1 1 420px", min_width="280px"))
        results = w.VBox([html_widget("<h3>Result so far</h3>"), self.result, self.details],
                         layout=w.Layout(flex="1 1 320px", min_width="280px", padding="0 0 0 12px"))
        self.widget = Panel([self.mode, w.HBox([asking, results], layout=w.Layout(flex_flow="row wrap"))],
                            name="Symptom checker, one question at a time")
        self.widget.add_class("ankle-interview")
        self.mode.observe(lambda _: self._advance(), names="value")
        self._advance()

    @property
    def track(self) -> str:
        return self.mode.value

    # --- the interview ------------------------------------------------------------------------------
    def _questions(self) -> dict[str, SymptomQuestion]:
        return {q.id: q for q in questions_for(self.track, self.content)}

    def _advance(self, prefill: Any = None) -> None:
        """Drop answers the mode does not ask, pick the next question, and redraw."""
        asked = self._questions()
        self.findings = {k: v for k, v in self.findings.items() if k in asked}
        self.skipped &= set(asked)
        self.current = next_question(self.findings, frozenset(self.skipped), self.track)
        self._show_question(asked.get(self.current) if self.current else None, prefill)
        self._show_result()

    def _show_question(self, q: SymptomQuestion | None, prefill: Any = None) -> None:
        self.message.value = ""
        set_visible(self.back_button, bool(self.history))
        if q is None:
            for part in (self.question, self.buttons):
                set_visible(part, True)
            self.control = None
            self.step.value = f"<p><strong>Done</strong> after {len(self.history)} questions.</p>"
            self.question.children = [html_widget(notice(DONE, "ok"))]
            for button in (self.next_button, self.skip_button):
                set_visible(button, False)
            self.why.value = ""
            set_visible(self.guess_box, False)
            return
        for button in (self.next_button, self.skip_button):
            set_visible(button, True)
        section = SECTION_TITLES[q.section].split(":")[0]
        self.step.value = f"<p>Question {len(self.history) + 1} · <em>{esc(section)}</em></p>"
        parts: list[w.Widget] = [html_widget(f"<p><strong>{esc(q.prompt)}</strong>"
                                             + (f"<br><small>{esc(q.help)}</small>" if q.help else "") + "</p>")]
        if q.pt_help and self.track == "pt_student":
            parts.append(html_widget(f"<small>🎓 <em>PT students:</em> {esc(q.pt_help)}</small>"))
        if q.figure:
            parts.append(question_figure(q.figure))
        self.control = question_control(q)
        if prefill is not None:
            set_control(self.control, prefill)
        self.control.add_class(f"ankle-interview-control-{q.id}")
        parts.append(self.control)
        self.question.children = parts
        self._explain_choice(q)
        hidden = self.track == "pt_student" and self.guess_first.value
        for part in (self.question, self.buttons, self.why):
            set_visible(part, not hidden)
        set_visible(self.reveal_button, hidden)

    def _reveal(self) -> None:
        for part in (self.question, self.buttons, self.why):
            set_visible(part, True)
        set_visible(self.reveal_button, False)

    def _explain_choice(self, q: SymptomQuestion) -> None:
        """For PT students: why this question now, and a chance to guess it first (for the next one)."""
        pt = self.track == "pt_student"
        set_visible(self.guess_box, pt)
        if not pt:
            self.why.value = ""
            return
        names = {c.id: (c.short_name or c.name) for c in self.content.conditions.values()}
        if q.section == "warning":
            why = "Warning signs come first, always: they decide how fast to get care, whatever else is true."
        else:
            ranked = candidates(self.findings, frozenset(self.skipped), self.track)
            best = next((c for c in ranked if c.finding == q.id), None) or evaluate_question(self.findings, q.id)
            separates = ", ".join(names.get(c, c) for c in best.separates)
            why = (f"Expected to settle most now: {best.value:.2f} bits about the decision (it separates "
                   f"{separates} best)")
            if best.closes > 0:
                why += (f", and on average {best.closes:.1f} fewer safety questions left to ask (checks that could "
                        "send the person to care today, which its answer is likely to rule out)")
            why += "."
            if best.moves_triage or best.moves_top:
                why += (f" Its answer changes the advice on how soon to get care with a {best.moves_triage:.0%} chance, "
                        f"and the most likely cause with a {best.moves_top:.0%} chance.")
            if best.raises_to_today:
                why += " One of its answers would send the person to care today or now, so it must be asked."
        self.why.value = f"<p><small>🎓 <em>Why this question now:</em> {esc(why)}</small></p>"
        remaining = [r for r in self._questions().values() if r.id not in self.findings and r.id not in self.skipped]
        self.guess.options = [(r.short, r.id) for r in remaining]
        self.guess.value = None
        self.guess_feedback.value = ""

    def _show_result(self) -> None:
        if not self.findings:
            self.result.value = notice(NO_ANSWERS.removeprefix("ℹ "), "info")
            self.details.value = f"<p><em>{esc(NOT_A_DIAGNOSIS)} {esc(WARNING_FIRST)}</em></p>"
            return
        explanation = explain(assess(self.findings), self.content)
        self.result.value = _result_html(explanation)
        self.details.value = _details_html(explanation)

    # --- what the learner does ----------------------------------------------------------------------
    def answer(self) -> None:
        """Take the shown question's answer (an unanswered control counts as a skip) and move on."""
        if self.current is None or self.control is None:
            return
        raw = self.control.value
        reading = read_answers({self.current: raw}, self.track, self.content)
        if self.current in reading.messages:
            self.message.value = notice(reading.messages[self.current], "error")
            return
        if self.current not in reading.findings:
            self.skip()
            return
        self.findings[self.current] = reading.findings[self.current]
        self.history.append(self.current)
        self._advance()

    def skip(self) -> None:
        if self.current is None:
            return
        self.skipped.add(self.current)
        self.history.append(self.current)
        self._advance()

    def back(self) -> None:
        """Undo the last answer or skip and ask that question again, showing what was answered."""
        if not self.history:
            return
        last = self.history.pop()
        previous = self.findings.pop(last, None)
        self.skipped.discard(last)
        self._advance(prefill=previous)

    def check_guess(self) -> None:
        if self.guess.value is None or self.current is None:
            self.guess_feedback.value = notice("Pick a question first.", "info")
            return
        ranked = [c.finding for c in candidates(self.findings, frozenset(self.skipped), self.track) if c.matters]
        chosen = self._questions()[self.current].short
        if self.guess.value == self.current:
            text, kind = f"✓ Yes: {chosen} is the checker's choice.", "ok"
        elif self.guess.value in ranked:
            text = (f"Close: your question is number {ranked.index(self.guess.value) + 1} of {len(ranked)} that could "
                    f"still change the decision; the checker asks {chosen} now.")
            kind = "info"
        else:
            text, kind = f"Your question could not change the decision now; the checker asks {chosen}.", "info"
        self.guess_feedback.value = notice(text.removeprefix("✓ "), kind)
        self._reveal()


class SymptomCheckerApp:
    """The checker with its two views: the guided interview (the default) and the full form."""

    def __init__(self, track: str = "learner", view: str = "guided", content: Course | None = None):
        self.content = content or course()
        self.view = w.ToggleButtons(options=VIEWS, value=view, style={"button_width": "auto"})
        self.view.add_class("ankle-checker-view")
        self.guided = GuidedInterview(track, self.content)
        self.form: SymptomChecker | None = None
        self.body = w.VBox([self.guided.widget])
        self.summary = AppointmentSummary(self.current_findings, self.current_track, content=self.content)
        self.widget = Panel([self.view, self.body, self.summary], name="Symptom checker")
        self.widget.add_class("ankle-symptom-checker-app")
        self.view.observe(lambda _: self._switch(), names="value")
        if view == "form":
            self._switch()

    def current_findings(self) -> dict[str, Any]:
        """The answers in the view the learner is using (the form keeps its own once opened)."""
        return dict(self.form.findings if self.form is not None and self.view.value == "form" else self.guided.findings)

    def current_track(self) -> str:
        return self.form.mode.value if self.form is not None and self.view.value == "form" else self.guided.track

    def _switch(self) -> None:
        if self.view.value == "guided":
            self.body.children = [self.guided.widget]
            return
        if self.form is None:  # built when first opened: the full form is about 150 widgets
            self.form = SymptomChecker(self.guided.track, self.content)
        self.form.mode.value = self.guided.track
        self.form.set_answers(self.guided.findings)
        self.body.children = [self.form.widget]


def guided_checker(track: str = "learner") -> Panel:
    """The symptom checker for a notebook: one question at a time, with the full form one click away."""
    return SymptomCheckerApp(track).widget


