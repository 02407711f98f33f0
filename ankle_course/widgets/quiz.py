"""The quiz as ipywidgets: one card per question with native, keyboard-usable controls, a "Check answer"
button, feedback in text and symbol, a running score and "Retry the ones I got wrong".

All rules (scoring, shuffling, retry set, mastery) live in ankle_course.quiz; this module only turns
controls into responses in stored terms (via `Shown`) and shows the results.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import ipywidgets as w

from .. import markup
from ..content import Course, course
from ..content.records import Question
from ..progress import ProgressError, ProgressStore
from ..quiz import (
    QuizSession,
    ResponseError,
    Shown,
    correct_answer_text,
    final_questions,
    latest_scores,
    module_questions,
    objective_mastery,
    verdict,
)
from .common import Panel, draw_figures, esc, html_widget, notice, set_visible, shared_layout, shared_style, table

PLACEHOLDER = "— choose —"
ORDINALS = ("1st", "2nd", "3rd") + tuple(f"{i}th" for i in range(4, 21))
TYPE_HINT = {
    "single": "Choose one answer.",
    "identify": "Choose the structure that is highlighted.",
    "true_false": "True or false?",
    "multiple": "Tick every option that is right (there may be more than one).",
    "matching": "Choose a match for each item.",
    "ordering": "Put the items in order: choose one item for each position.",
}


class QuestionView:
    """One question: its controls, a Check button and a feedback line. `response()` reads the controls
    and returns the answer in stored terms (or None if nothing is chosen yet)."""

    def __init__(self, shown: Shown, number: int, on_check: Callable[[QuestionView], None], content: Course):
        self.shown = shown
        q = shown.question
        self.question = q
        depth = " <em>🎓 PT-student question (learners may skip it)</em>" if q.audience == "pt_student" else ""
        prompt = html_widget(f"<p><strong>Question {number}.</strong>{depth}</p><p>{esc(q.prompt)}</p>"
                             f"<p><em>{esc(TYPE_HINT[q.type])}</em></p>", "ankle-quiz-prompt")
        self.controls = self._make_controls()
        self.check_button = w.Button(description="Check answer", tooltip="Check this answer and see why",
                                     layout=shared_layout(), style=shared_style(w.Button))
        self.check_button.add_class("ankle-quiz-check")
        self.check_button.on_click(lambda _: on_check(self))
        self.feedback = html_widget("", "ankle-quiz-feedback")
        parts: list[w.Widget] = [prompt]
        if q.type == "identify" and q.structure:
            parts.append(self._figure(q.structure))
        parts += [self.controls, self.check_button, self.feedback]
        self.widget = w.VBox(parts, layout=shared_layout(border="1px solid #999", padding="6px 10px", margin="6px 0"))
        self.widget.add_class("ankle-quiz-question")
        self.widget.add_class(f"ankle-quiz-q-{q.id}")

    # ------------------------------------------------------------------ controls
    def _make_controls(self) -> w.Widget:
        q, shown = self.question, self.shown
        wide = shared_layout(width="auto")
        if q.type in ("single", "identify"):
            self.radio = w.RadioButtons(options=[(t, i) for i, t in enumerate(shown.options)], value=None,
                                        layout=wide, style=shared_style(w.RadioButtons))
            return self.radio
        if q.type == "true_false":
            self.radio = w.RadioButtons(options=[("True", True), ("False", False)], value=None, layout=wide,
                                        style=shared_style(w.RadioButtons))
            return self.radio
        if q.type == "multiple":
            self.ticks = [w.Checkbox(value=False, description=t, indent=False, layout=wide,
                                     style=shared_style(w.Checkbox)) for t in shown.options]
            return w.VBox(self.ticks, layout=shared_layout())
        label_style = shared_style(w.Dropdown, description_width="initial")
        if q.type == "matching":
            self.pickers = {}
            rows = []
            for left in q.answer:
                picker = w.Dropdown(options=[(PLACEHOLDER, None)] + [(t, t) for t in shown.options], value=None,
                                    description=left, style=label_style, layout=wide)
                self.pickers[left] = picker
                rows.append(picker)
            return w.VBox(rows, layout=shared_layout())
        self.slots = [w.Dropdown(options=[(PLACEHOLDER, None)] + [(t, i) for i, t in enumerate(shown.options)],
                                 value=None, description=ORDINALS[k], style=label_style,
                                 layout=wide) for k in range(len(shown.options))]
        return w.VBox(self.slots, layout=shared_layout())

    def _figure(self, structure: str) -> w.Widget:
        from ..figures.quiz_identify import identify_figure

        figure = identify_figure(structure)
        if figure is None:
            return html_widget("<p><em>(The anatomy figure is not available here, so the question describes "
                               "the structure in words.)</em></p>", "ankle-quiz-figure-missing")
        out = w.Output()
        out.add_class("ankle-quiz-figure")
        draw_figures(out, figure)
        return out

    def response(self) -> Any:
        """The learner's answer in stored terms; None when nothing has been chosen."""
        q, shown = self.question, self.shown
        if q.type in ("single", "identify"):
            return None if self.radio.value is None else shown.to_stored(self.radio.value)
        if q.type == "true_false":
            return self.radio.value
        if q.type == "multiple":
            return sorted(shown.to_stored(i) for i, tick in enumerate(self.ticks) if tick.value)
        if q.type == "matching":
            return {left: picker.value for left, picker in self.pickers.items()}
        chosen = [slot.value for slot in self.slots]
        return [shown.to_stored(i) if i is not None else None for i in chosen]

    def show_feedback(self, value: float, content: Course) -> None:
        q = self.question
        symbol, words = verdict(value)
        sources = markup.sources(q.refs, content, "Source")
        self.feedback.value = (
            f'<div role="status" style="border-left:4px solid #555;padding:2px 10px">'
            f"<p><strong>{symbol} {esc(words)}</strong></p>"
            f"<p>{esc(q.explanation)}</p>"
            f"<p>Right answer: {esc(correct_answer_text(q))}</p>"
            f"<p>Review: {esc(q.section)}</p>"
            f"{sources}</div>")

    def show_problem(self, message: str) -> None:
        self.feedback.value = notice(message, "warning")


class QuizView:
    """A whole quiz, one question at a time: header with score, the current card, Previous / Next and a
    "Go to" list, and the retry button.

    One card at a time keeps a long quiz short on screen, and each card is built the first time it is
    shown, so a 30-question quiz opens as fast as a 1-question one (every widget is a model the browser
    must create). `view(i)` gives the card for question i; `views` builds them all (tests use it)."""

    def __init__(self, questions: Sequence[Question], title: str, seed: int = 0,
                 store: ProgressStore | None = None, content: Course | None = None):
        self.content = content or course()
        self.store = store or ProgressStore()
        self.title = title
        self.session = QuizSession(questions, seed=seed)
        self.score = html_widget("", "ankle-quiz-score")
        self.save_message = html_widget("", "ankle-quiz-save-message")
        self.retry_button = w.Button(description="Retry the ones I got wrong", disabled=True,
                                     tooltip="Start again with only the questions you did not get fully right")
        self.retry_button.add_class("ankle-quiz-retry")
        self.retry_button.on_click(lambda _: self.retry())
        self.previous_button = w.Button(description="◀ Previous question", tooltip="Go back one question")
        self.previous_button.add_class("ankle-quiz-previous")
        self.previous_button.on_click(lambda _: self.show(self.position - 1))
        self.next_button = w.Button(description="Next question ▶", tooltip="Go on to the next question")
        self.next_button.add_class("ankle-quiz-next")
        self.next_button.on_click(lambda _: self.show(self.position + 1))
        self.go_to = w.Dropdown(description="Go to", style=shared_style(w.Dropdown, description_width="initial"),
                                layout=w.Layout(width="auto"))
        self.go_to.add_class("ankle-quiz-go-to")
        self.go_to.observe(lambda change: self.show(change["new"]) if change["new"] is not None else None,
                           names="value")
        self.navigation = w.HBox([self.previous_button, self.next_button, self.go_to],
                                 layout=w.Layout(flex_flow="row wrap", align_items="center"))
        self.questions_box = w.VBox([])
        self.widget = Panel([html_widget(f"<h3>{esc(title)}</h3>"), self.score, self.questions_box, self.navigation,
                          self.retry_button, self.save_message], name=title)
        self.widget.add_class("ankle-quiz")
        self._build()

    def _build(self) -> None:
        self._views: dict[int, QuestionView] = {}
        self.position = -1
        questions = self.session.questions
        self.go_to.options = [(f"Question {n} of {len(questions)}", n - 1) for n in range(1, len(questions) + 1)]
        if questions:
            self.show(0)
        else:
            self.questions_box.children = [html_widget(notice("There are no questions here yet.", "info"))]
            set_visible(self.navigation, False)
        self._refresh_score()

    def view(self, index: int) -> QuestionView:
        """The card for the question at `index` (0-based), built the first time it is asked for."""
        if index not in self._views:
            question = self.session.questions[index]
            self._views[index] = QuestionView(self.session.shown[question.id], index + 1, self.check, self.content)
        return self._views[index]

    @property
    def views(self) -> list[QuestionView]:
        return [self.view(i) for i in range(len(self.session.questions))]

    def show(self, index: int) -> None:
        """Show question `index`; out-of-range requests (a double click past the end) are ignored."""
        last = len(self.session.questions) - 1
        if not 0 <= index <= last or index == self.position:
            return
        self.position = index
        self.questions_box.children = [self.view(index).widget]
        self.previous_button.disabled = index == 0
        self.next_button.disabled = index == last
        self.go_to.value = index

    def _refresh_score(self) -> None:
        self.score.value = f"<p><strong>{esc(self.session.score_line())}</strong></p>"
        self.retry_button.disabled = not self.session.wrong()

    def check(self, view: QuestionView) -> None:
        response = view.response()
        try:  # scoring says what is missing, in one set of words for every front end
            result = self.session.check(view.question.id, response)
        except ResponseError as exc:
            view.show_problem(str(exc))
            return
        view.show_feedback(result.score, self.content)
        self._refresh_score()
        self._save(result)

    def _save(self, result: Any) -> None:
        try:
            self.store.record_quiz_answer(result.answer_record())
        except ProgressError as exc:
            self.save_message.value = notice(str(exc), "warning")
            return
        if self.store.notice:
            self.save_message.value = notice(self.store.notice, "warning")
            self.store.notice = None

    def retry(self) -> None:
        wrong = self.session.wrong()
        if not wrong:
            return
        self.session = self.session.retry()
        self._build()
        self.save_message.value = notice(f"Retrying {len(wrong)} question(s) you did not get fully right.", "info")


def quiz(module_id: str, track: str = "both", seed: int = 0) -> w.VBox:
    """The end-of-module quiz, e.g. quiz("anatomy"). track="learner" leaves out PT-student questions."""
    content = course()
    try:
        questions = module_questions(content, module_id, track)
    except ValueError as exc:
        return html_widget(notice(str(exc), "error"), "ankle-quiz")
    title = f"Quiz: {content.modules[module_id].title}"
    return QuizView(questions, title, seed=seed, content=content).widget


def mastery_summary(store: ProgressStore | None = None, content: Course | None = None) -> w.VBox:
    """Mastery per objective (figure + the same facts as a table), with a button to refresh it."""
    from ..figures.quiz import mastery_figure
    from ..quiz.mastery import MASTERY_MIN_ANSWERED, MASTERY_SCORE, STATUS_TEXT

    content = content or course()
    store = store or ProgressStore()
    out = w.Output()
    text = html_widget("", "ankle-mastery-table")

    def refresh(_: Any = None) -> None:
        try:
            saved = store.load()
        except ProgressError as exc:
            text.value = notice(str(exc), "error")
            return
        rows = objective_mastery(latest_scores(saved), content)
        text.value = table(
            ("Module", "Objective", "Answered", "Mean score", "Status"),
            [(r.module_title, r.objective_text, f"{r.answered} of {r.questions}",
              "—" if r.mean_score is None else f"{r.mean_score:.0%}", STATUS_TEXT[r.status]) for r in rows],
            f"Mastery per learning objective (mastered = at least {MASTERY_MIN_ANSWERED} answered, "
            f"mean score {MASTERY_SCORE:.0%} or more)")
        draw_figures(out, mastery_figure(rows))

    button = w.Button(description="Update my mastery summary", tooltip="Redraw from your saved answers")
    button.add_class("ankle-mastery-refresh")
    button.on_click(refresh)
    refresh()
    box = Panel([button, out, text], name="Mastery summary")
    box.add_class("ankle-mastery")
    return box


def final_assessment(seed: int = 0, per_objective: int = 2, track: str = "both") -> w.VBox:
    """The final assessment: a mixed paper, up to `per_objective` questions per learning objective."""
    content = course()
    questions = final_questions(content, per_objective=per_objective, seed=seed, track=track)
    return QuizView(questions, "Final assessment", seed=seed, content=content).widget


def course_objectives(content: Course | None = None) -> w.HTML:
    """Every learning objective of the course, by module: what the final assessment checks."""
    content = content or course()
    parts = []
    for m in content.modules.values():
        if m.objectives:
            items = "".join(f"<li>{esc(o.text)}</li>" for o in m.objectives)
            parts.append(f"<li><strong>{m.number} · {esc(m.title)}</strong><ul>{items}</ul></li>")
    return html_widget(f"<ul>{''.join(parts)}</ul>", "ankle-objectives")
