"""The "Review today" panel: a thin view over `ankle_course.spaced_review`.

It shows how many items are due, one card or question at a time (the answer on request), the four rating
buttons, and when the next ones are due. Every rating is saved at once through the progress store.
"""

from __future__ import annotations

import ipywidgets as w

from .. import spaced_review as sr
from ..clock import Clock, utc_now
from ..content import Course, course
from ..progress import REVIEW_RATINGS, ProgressError, ProgressStore
from .common import Panel, esc, html_widget, notice, set_aside_notice, set_visible, table


class ReviewPanel:
    """Review today's due items; `module` keeps one module's items (None: the whole course)."""

    def __init__(self, module: str | None = None, store: ProgressStore | None = None, content: Course | None = None,
                 clock: Clock = utc_now):
        self.module, self.content, self.clock = module, content or course(), clock
        self.store = store or ProgressStore(clock=clock)
        self.current: sr.ReviewItem | None = None
        self.summary = html_widget("", "ankle-review-summary")
        self.card = html_widget("", "ankle-review-card")
        self.answer = html_widget("", "ankle-review-answer")
        self.show_button = w.Button(description="Show the answer", icon="eye")
        self.show_button.add_class("ankle-review-show")
        self.show_button.on_click(lambda _: self.reveal())
        self.rate_buttons = []
        for rating in REVIEW_RATINGS:
            button = w.Button(description=sr.RATING_LABELS[rating], tooltip=f"I found it: {rating}",
                              layout=w.Layout(width="auto"))
            button.add_class(f"ankle-review-rate-{rating}")
            button.on_click(lambda _, r=rating: self.rate(r))
            self.rate_buttons.append(button)
        self.ratings = w.HBox([html_widget("<span>How well did you remember it?&nbsp;</span>"), *self.rate_buttons],
                              layout=w.Layout(flex_flow="row wrap", align_items="center"))
        self.message = html_widget("", "ankle-review-message")
        self.upcoming = html_widget("", "ankle-review-upcoming")
        title = "Review today" + ("" if module is None else f": {self._module_title()}")
        self.widget = Panel([html_widget(f"<h3>{esc(title)}</h3>"), self.summary, self.card, self.show_button,
                             self.answer, self.ratings, self.message, self.upcoming], name=title)
        self.widget.add_class("ankle-review-panel")
        self.refresh()

    def _module_title(self) -> str:
        module = self.content.modules.get(self.module) if self.module is not None else None
        return module.title if module else str(self.module)

    def refresh(self) -> None:
        """Re-plan from the saved progress and show the first due item."""
        try:
            progress = self.store.load()
        except ProgressError as exc:
            self._show(None)
            self.summary.value = notice(str(exc), "error")
            return
        warned = set_aside_notice(self.store)
        if warned:  # the file was set aside: say so, or the fresh deck below would look like lost progress
            self.message.value = warned
        now = self.clock()
        plan = sr.plan(self.content, progress, now, self.module)
        self.summary.value = f"<p>{esc(sr.summary_text(plan, now))}</p>"
        rows = sr.upcoming_rows(plan)
        self.upcoming.value = table(("Day", "Items due"), rows, "Coming up") if rows else ""
        self._show(plan.due[0] if plan.due else None)

    def _show(self, item: sr.ReviewItem | None) -> None:
        self.current = item
        self.answer.value = ""
        set_visible(self.ratings, False)
        set_visible(self.show_button, item is not None)
        if item is None:
            self.card.value = ""
            return
        kind = "Flashcard" if item.kind == "flashcard" else "Quiz question"
        self.card.value = (f'<div style="border:1px solid #888;border-radius:6px;padding:8px 12px;margin:6px 0">'
                           f"<p><small>{kind} · {esc(item.why)}</small></p><p><strong>{esc(item.front)}</strong></p>"
                           "</div>")

    def reveal(self) -> None:
        if self.current is None:
            return
        self.answer.value = f"<p>{esc(self.current.back)}</p>"
        set_visible(self.show_button, False)
        set_visible(self.ratings, True)

    def rate(self, rating: str) -> None:
        """Save the rating for the shown item and move on; a refusal is one sentence and keeps the item shown."""
        if self.current is None:
            return
        try:
            self.store.add_review(sr.make_review(self.current, rating, self.clock()))
        except (ProgressError, sr.ReviewError) as exc:
            self.message.value = notice(str(exc), "error")
            return
        self.message.value = set_aside_notice(self.store) + notice(
            f"Saved: {sr.RATING_LABELS[rating].split(' (')[0].lower()}.", "ok")
        self.refresh()


def review_today(module: str | None = None) -> Panel:
    """The "Review today" panel for a notebook: the whole course on the start page, one module's items at the
    end of that module."""
    return ReviewPanel(module).widget
