"""Views for the home exercise programme: exercise cards with pictures, and the session log with advice.

Pictures are embedded as data URIs with alt text from exercises.toml, so a card is self-contained: it
shows in JupyterLab, in an exported HTML handout and on paper, with nothing fetched. A card can also play
the movement on request ("Show the movement"): frames of the body model shown in turn by CSS alone, so it
needs no script and no kernel, and it stays still for anyone whose device asks for reduced motion
(`prefers-reduced-motion`), who sees the start and end pictures instead. The pain rule on every card comes
from programme.toml through `ankle_course.progression`, like every other statement of it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from typing import Any

import ipywidgets as w
from IPython.display import HTML

from ..citations import current_page
from ..content import Course, course

# the card itself is pure HTML, shared with the handout; imported here for the pages that show it
from ..exercise_cards import IMAGES, exercise_card_html, pain_rule_html, picture  # noqa: F401
from ..figures.exercises import pain_trend_figure, sessions_per_week_figure
from ..progress import ProgressError, ProgressStore
from ..progression import (
    next_exercise_advice,
    progression_advice,
    rule,
    weekly_trend_advice,
)
from .common import Panel, draw_figures, esc, html_widget, notice, pain_scale, table
from .timer import ExerciseTimerView


def pain_rules() -> HTML:
    """For the notebook: the pain rule, the progression rule and the frequency, from programme.toml."""
    return HTML(pain_rule_html())


def exercise_card(exercise_id: str) -> HTML:
    return HTML(exercise_card_html(exercise_id, page=current_page(), demo=True))


def exercise_cards(*exercise_ids: str) -> HTML:
    page = current_page()
    return HTML("".join(exercise_card_html(e, page=page, demo=True) for e in exercise_ids))


# ---------------------------------------------------------------------------------------------- session log
def _when(session: Mapping[str, Any]) -> str:
    return datetime.fromisoformat(session["started"].replace("Z", "+00:00")).strftime("%a %d %b %Y, %H:%M")


def _today() -> date:
    return datetime.now(UTC).date()


class SessionLogView:
    """Saved sessions: add the next-morning pain rating, read the advice, see the figures and a table."""

    def __init__(self, store: ProgressStore | None = None, content: Course | None = None,
                 today: Callable[[], date] = _today):
        self.store = store or ProgressStore()
        self.content = content or course()
        self.today = today
        self.unrated = w.Dropdown(description="Session", style={"description_width": "90px"}, layout={"width": "95%"})
        self.unrated.add_class("ankle-log-session")
        self.morning = pain_scale("Pain next morning (0–10)", "ankle-log-morning")
        # the learner's own usual morning pain: "settled" means back to this, not to a fixed number
        self.usual = pain_scale("My usual morning pain (0–10)", "ankle-log-usual")
        self.usual.value = self._saved_usual()
        self.usual.observe(lambda _: self.save_usual(), names="value")
        self.save = w.Button(description="Save morning rating")
        self.save.add_class("ankle-log-save")
        self.save.on_click(lambda _: self.save_morning())
        self.message = html_widget("", "ankle-log-message")
        self.advice = html_widget("", "ankle-log-advice")
        self.table = html_widget("", "ankle-log-table")
        self.figures = w.Output()
        self.widget = w.VBox([
            html_widget("<p><strong>The morning after a session</strong>, choose it here and rate your pain.</p>"),
            self.unrated, self.morning, self.save,
            html_widget("<p>What is your pain on a usual morning, before exercise? The advice counts a session as "
                        "settled when the next morning is back to this level.</p>"), self.usual,
            self.message, self.advice, self.figures, self.table])
        self.widget.add_class("ankle-session-log")
        self.refresh()

    def _saved_usual(self) -> int:
        """The baseline saved last time (0 when none is saved yet, or the file cannot be read)."""
        try:
            saved = self.store.load().get("usual_morning_pain")
        except ProgressError:
            return 0
        return saved if isinstance(saved, int) else 0

    def save_usual(self) -> None:
        """Keep the learner's baseline, so the advice is the same after a restart; then redo the advice."""
        try:
            self.store.set_usual_morning_pain(int(self.usual.value))
        except ProgressError as exc:
            self.message.value = notice(str(exc), "error")
        self.refresh()

    def sessions(self) -> list[dict[str, Any]]:
        try:
            progress = self.store.load()
        except ProgressError as exc:
            self.message.value = notice(str(exc), "error")
            return []
        if self.store.notice:
            self.message.value = notice(self.store.notice, "warning")
            self.store.notice = None
        return sorted(progress["exercise_sessions"], key=lambda s: s["started"])

    def _name(self, exercise_id: str) -> str:
        ex = self.content.exercises.get(exercise_id)
        return ex.name if ex else exercise_id

    def refresh(self) -> None:
        sessions = self.sessions()
        unrated = [s for s in sessions if s.get("pain_next_morning") is None]
        options = [(f"{_when(s)} · {self._name(s['exercise'])}", s["id"]) for s in reversed(unrated)]
        self.unrated.options = options
        self.unrated.value = options[0][1] if options else None  # newest first, selected
        self.save.disabled = not unrated
        self.advice.value = self._advice_html(sessions)
        rows = [(_when(s), self._name(s["exercise"]), s["dosage"], f"{s['reps_done']} reps, {s['sets_done']} sets",
                 "yes" if s["completed"] else "stopped early",
                 "–" if s.get("pain_during") is None else f"{s['pain_during']}/10",
                 "not yet" if s.get("pain_next_morning") is None else f"{s['pain_next_morning']}/10")
                for s in sessions]
        self.table.value = table(("When", "Exercise", "Dosage", "Done", "Finished", "Pain during", "Next morning"),
                                 rows, "Your exercise sessions (the same facts as the figures)") if rows else (
            "<p>No sessions saved yet. Use the timer above, then press <em>Save session</em>.</p>")
        draw_figures(self.figures, *((sessions_per_week_figure(sessions), pain_trend_figure(sessions))
                                     if sessions else ()))

    def _advice_html(self, sessions: list[dict[str, Any]]) -> str:
        if not sessions:
            return ""
        usual = int(self.usual.value) if hasattr(self, "usual") else 0
        parts = []
        latest = sessions[-1]
        advice = progression_advice(sessions, latest["exercise"], usual, rule(self.content))
        if advice is not None:
            parts.append(f"<p><strong>{advice.symbol} After your session of {esc(_when(latest))} "
                         f"({esc(self._name(latest['exercise']))}):</strong> {esc(advice.text)}</p>")
        trend = weekly_trend_advice(sessions, self.today())
        if trend:
            parts.append(f"<p><strong>{trend.symbol} This week:</strong> {esc(trend.text)}</p>")
        for exercise in dict.fromkeys(s["exercise"] for s in sessions):
            if exercise in self.content.exercises:
                words = next_exercise_advice(sessions, exercise, usual, self.content)
                if words:
                    parts.append(f"<p><strong>{esc(self._name(exercise))}:</strong> {esc(words)}</p>")
        parts.append("<p><em>Pain that is sharp, keeps rising, or comes with a warning sign is a reason to stop and "
                     "see a clinician.</em></p>")
        return '<div role="status">' + "".join(parts) + "</div>"

    def save_morning(self) -> None:
        ident, pain = self.unrated.value, int(self.morning.value)
        if ident is None:
            self.message.value = notice("There is no session waiting for a morning rating.", "info")
            return

        try:
            self.store.rate_morning(ident, pain)
        except ProgressError as exc:
            self.message.value = notice(str(exc), "error")
            return
        self.message.value = notice(f"Saved: pain the next morning {pain}/10.", "ok")
        self.refresh()


def exercise_programme(store: ProgressStore | None = None, exercise: str | None = None) -> w.VBox:
    """The timer with the session log under it; saving a session updates the log at once."""
    log = SessionLogView(store=store)
    timer = ExerciseTimerView(store=log.store, exercise=exercise, on_saved=log.refresh)
    box = Panel([timer.widget, html_widget("<h3>Your session log</h3>"), log.widget], name="Exercise timer and session log")
    box.add_class("ankle-exercise-programme")
    return box


def session_log(store: ProgressStore | None = None) -> w.VBox:
    return SessionLogView(store=store).widget
