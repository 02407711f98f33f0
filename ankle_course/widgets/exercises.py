"""Views for the home exercise programme: exercise cards with pictures, and the session log with advice.

Pictures are embedded as data URIs with alt text from exercises.toml, so a card is self-contained: it
shows in JupyterLab, in an exported HTML handout and on paper, with nothing fetched.
"""

from __future__ import annotations

import base64
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

import ipywidgets as w
from IPython.display import HTML

from ..citations import CitationPage, current_page, full_list_html
from ..figures import show
from ..content import Course, course
from ..content.records import Exercise
from ..figures.exercises import pain_trend_figure, sessions_per_week_figure
from ..progress import ProgressError, ProgressStore
from ..progression import advise, calf_raise_advice, weekly_trend_advice
from .common import Panel, esc, html_widget, notice, pain_scale, table
from .timer import ExerciseTimerView

IMAGES = Path(__file__).resolve().parents[2] / "images"


def picture(exercise: Exercise, stage: str) -> str:
    """An <img> of the start or end position (alt text = the position in words); text only if the file is missing."""
    alt = exercise.start_position if stage == "start" else exercise.end_position
    alt = alt or f"{exercise.name}: {stage} position"
    path = IMAGES / f"exercise_{exercise.id}_{stage}.svg"
    if not path.exists():
        return f"<p><em>{esc(stage.title())} position:</em> {esc(alt)}</p>"
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    return (f'<figure style="margin:4px 12px 4px 0;display:inline-block;vertical-align:top;max-width:270px">'
            f'<img src="data:image/svg+xml;base64,{data}" alt="{esc(alt)}" width="260" height="210" '
            f'style="border:1px solid #999"/><figcaption style="font-size:0.9em"><strong>{esc(stage.title())}:'
            f"</strong> {esc(alt)}</figcaption></figure>")


def exercise_card_html(exercise_id: str, content: Course | None = None, dosage_index: int | None = None,
                       page: CitationPage | None = None) -> str:
    """One exercise: purpose, pictures, steps, dosage(s), progression and cautions.

    Its sources are numbered citations on `page`; with no page (a printed handout) they are given in full."""
    content = content or course()
    ex = content.exercises[exercise_id]
    steps = "".join(f"<li>{esc(s)}</li>" for s in ex.steps)
    dosages = ex.dosages if dosage_index is None else (ex.dosages[dosage_index],)
    dose = "".join(f"<li>{esc(d.label)} — hold {d.hold_s} s"
                   + (f", rest {d.rest_s} s between sets" if d.sets > 1 else "") + "</li>" for d in dosages)
    cautions = "".join(f"<li>⚠ {esc(c)}</li>" for c in ex.cautions)
    sources = page.sources(ex.refs) if page else full_list_html(ex.refs, content)
    progression = f"<p><strong>⬆ Next step:</strong> {esc(ex.progression)}</p>" if ex.progression else ""
    return (f'<section class="ankle-exercise-card" aria-label="{esc(ex.name)}" style="border:1px solid #999;'
            f'padding:6px 12px;margin:8px 0;break-inside:avoid"><h3 style="margin-top:4px">{esc(ex.name)}</h3>'
            f"<p>{esc(ex.purpose)}</p><div>{picture(ex, 'start')}{picture(ex, 'end')}</div>"
            f"<p><strong>Steps</strong></p><ol>{steps}</ol><p><strong>How much</strong></p><ul>{dose}</ul>"
            f"{progression}<p><strong>Take care</strong></p><ul>{cautions}</ul>{sources}</section>")


def exercise_card(exercise_id: str) -> HTML:
    return HTML(exercise_card_html(exercise_id, page=current_page()))


def exercise_cards(*exercise_ids: str) -> HTML:
    page = current_page()
    return HTML("".join(exercise_card_html(e, page=page) for e in exercise_ids))


# ---------------------------------------------------------------------------------------------- session log
def _when(session: Mapping[str, Any]) -> str:
    return datetime.fromisoformat(session["started"].replace("Z", "+00:00")).strftime("%a %d %b %Y, %H:%M")


def _today() -> date:
    return datetime.now(timezone.utc).date()


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
        self.save = w.Button(description="Save morning rating")
        self.save.add_class("ankle-log-save")
        self.save.on_click(lambda _: self.save_morning())
        self.message = html_widget("", "ankle-log-message")
        self.advice = html_widget("", "ankle-log-advice")
        self.table = html_widget("", "ankle-log-table")
        self.figures = w.Output()
        self.widget = w.VBox([
            html_widget("<p><strong>The morning after a session</strong>, choose it here and rate your pain.</p>"),
            self.unrated, self.morning, self.save, self.message, self.advice, self.figures, self.table])
        self.widget.add_class("ankle-session-log")
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
        self.figures.clear_output()
        if sessions:
            with self.figures:
                show(sessions_per_week_figure(sessions))
                show(pain_trend_figure(sessions))

    def _advice_html(self, sessions: list[dict[str, Any]]) -> str:
        if not sessions:
            return ""
        latest = sessions[-1]
        rated = [s for s in sessions if s.get("pain_next_morning") is not None]
        parts = []
        if latest.get("pain_during") is not None and latest["pain_during"] > 5:
            rated.append(latest)  # a very painful session needs no morning rating to call for easing off
        if rated:
            last = rated[-1]
            advice = advise(last.get("pain_during"), last.get("pain_next_morning"), bool(last.get("completed")))
            parts.append(f"<p><strong>{advice.symbol} After your session of {esc(_when(last))}:</strong> "
                         f"{esc(advice.text)}</p>")
        trend = weekly_trend_advice(sessions, self.today())
        if trend:
            parts.append(f"<p><strong>{trend.symbol} This week:</strong> {esc(trend.text)}</p>")
        if any(s["exercise"] == "calf_raise_double" for s in sessions):
            parts.append(f"<p><strong>Calf raises:</strong> {esc(calf_raise_advice(sessions))}</p>")
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
