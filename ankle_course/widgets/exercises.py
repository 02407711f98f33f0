"""Views for the home exercise programme: exercise cards with pictures, and the session log with advice.

Pictures are embedded as data URIs with alt text from exercises.toml, so a card is self-contained: it
shows in JupyterLab, in an exported HTML handout and on paper, with nothing fetched. A card can also play
the movement on request ("Show the movement"): frames of the body model shown in turn by CSS alone, so it
needs no script and no kernel, and it stays still for anyone whose device asks for reduced motion
(`prefers-reduced-motion`), who sees the start and end pictures instead. The pain rule on every card comes
from programme.toml through `ankle_course.progression`, like every other statement of it.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import ipywidgets as w
from IPython.display import HTML

from ..citations import CitationPage, current_page, full_list_html
from ..content import Course, course
from ..content.records import Exercise
from ..figures.exercises import pain_trend_figure, sessions_per_week_figure
from ..progress import ProgressError, ProgressStore
from ..progression import (
    frequency_text,
    next_exercise_advice,
    pain_rule_rows,
    progress_rule_text,
    progression_advice,
    rule,
    weekly_trend_advice,
)
from .common import Panel, draw_figures, esc, html_widget, notice, pain_scale, table
from .timer import ExerciseTimerView

IMAGES = Path(__file__).resolve().parents[2] / "images"


def picture(exercise: Exercise, stage: str) -> str:
    """An <img> of the start or end position (alt text = the position in words). The committed still in images/
    if it is there; else the same picture drawn now from the body model (a package without the images folder,
    as in the browser-only site); text only for an exercise with no poses."""
    alt = exercise.start_position if stage == "start" else exercise.end_position
    alt = alt or f"{exercise.name}: {stage} position"
    path = IMAGES / f"exercise_{exercise.id}_{stage}.svg"
    if path.exists():
        svg = path.read_bytes()
    elif exercise.poses is not None:
        from ..figures.exercises import exercise_svg

        svg = exercise_svg(exercise, stage).encode("utf-8")
    else:
        return f"<p><em>{esc(stage.title())} position:</em> {esc(alt)}</p>"
    data = base64.b64encode(svg).decode("ascii")
    return (f'<figure style="margin:4px 12px 4px 0;display:inline-block;vertical-align:top;max-width:290px">'
            f'<img src="data:image/svg+xml;base64,{data}" alt="{esc(alt)}" width="280" height="250" '
            f'style="border:1px solid #999;max-width:100%;height:auto"/><figcaption style="font-size:0.9em"><strong>'
            f"{esc(stage.title())}:</strong> {esc(alt)}</figcaption></figure>")


PICTURES_REF = "winter_biomechanics_2009"  # the proportions the pictures' person is drawn to
DEMO_FRAMES = (0.0, 0.25, 0.5, 0.75, 1.0)  # the card's demonstration: these frames out and back, as a rep
DEMO_SECONDS = 4.0


def _data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def demo_html(exercise: Exercise) -> str:
    """The card's demonstration on request: a folded section whose frames take turns by CSS animation.

    Out to the end position, a pause there, and back, like one repetition. Under `prefers-reduced-motion:
    reduce` the frames are hidden and a sentence points to the two still pictures."""
    from ..figures.exercises import PICTURE_H, PICTURE_W, exercise_svg

    if exercise.poses is None:
        return ""
    order = [0, 1, 2, 3, 4, 4, 4, 3, 2, 1, 0, 0]  # slots of the cycle: which frame shows in each
    slot = 100 / len(order)
    frames = []
    for i, fraction in enumerate(DEMO_FRAMES):
        # step-end: each opacity holds until the next keyframe, so exactly one frame shows at a time
        keys = " ".join(f"{n * slot:.2f}%{{opacity:{1 if f == i else 0}}}" for n, f in enumerate(order))
        name = f"ankle-demo-{exercise.id}-{i}"
        frames.append((name, f"@keyframes {name}{{{keys} 100%{{opacity:{1 if order[-1] == i else 0}}}}}",
                       exercise_svg(exercise, fraction, desc=f"Frame {i + 1} of the movement")))
    css = "".join(k for _, k, _ in frames)
    imgs = "".join(f'<img src="{_data_uri(svg)}" alt="" width="{PICTURE_W}" height="{PICTURE_H}" '
                   f'style="position:absolute;left:0;top:0;opacity:0;animation:{name} {DEMO_SECONDS}s step-end infinite"/>'
                   for name, _, svg in frames)
    return (f'<details class="ankle-exercise-demo"><summary>▶ Show the movement</summary>'
            f"<style>{css}@media (prefers-reduced-motion: reduce){{.ankle-exercise-demo .ankle-demo-frames"
            "{display:none}.ankle-exercise-demo .ankle-demo-still-note{display:block !important}}</style>"
            f'<div class="ankle-demo-frames" role="img" aria-label="{esc(exercise.name)}: the movement, from the start '
            f'position to the end position and back" style="position:relative;width:{PICTURE_W}px;'
            f'height:{PICTURE_H}px;max-width:100%;border:1px solid #999">{imgs}</div>'
            '<p class="ankle-demo-still-note" style="display:none">Your device asks for reduced motion, so the '
            "movement is not played: the start and end pictures above show it.</p></details>")


def pain_rule_html(content: Course | None = None) -> str:
    """The pain rule as a table, with the progression rule and how often: the page's and the handout's words."""
    plan = rule(content)
    rows = "".join(f'<tr><th scope="row" style="text-align:left">{esc(what)}</th><td>✓ {esc(fine)}</td>'
                   f"<td>⬇ {esc(ease)}</td></tr>" for what, fine, ease in pain_rule_rows(plan))
    return (f'<div class="ankle-pain-rule"><table style="border-collapse:collapse"><caption style="text-align:left">'
            f'<strong>The pain rule</strong></caption><thead><tr><th scope="col">Rule</th><th scope="col">Fine'
            f'</th><th scope="col">Ease off</th></tr></thead><tbody>{rows}</tbody></table>'
            f"<p><strong>⬆ When to progress:</strong> {esc(progress_rule_text(plan))}</p>"
            f"<p><strong>How often:</strong> {esc(frequency_text(plan))}</p></div>")


def pain_rules() -> HTML:
    """For the notebook: the pain rule, the progression rule and the frequency, from programme.toml."""
    return HTML(pain_rule_html())


def _dose_text(d: Any) -> str:
    reps = f"{d.reps} to {d.reps_max} times" if d.reps_max else None
    parts = [esc(d.label), f"hold {d.hold_s} s"]
    if reps and reps not in d.label:
        parts.append(reps)
    if d.sets > 1:
        parts.append(f"rest {d.rest_s} s between sets")
    return " — ".join(parts[:1]) + (" — " + ", ".join(parts[1:]) if len(parts) > 1 else "")


def exercise_card_html(exercise_id: str, content: Course | None = None, dosage_index: int | None = None,
                       page: CitationPage | None = None, demo: bool = False) -> str:
    """One exercise: purpose, pictures (and the movement on request), steps, dosage(s), progression and cautions.

    Its sources are numbered citations on `page`; with no page (a printed handout) they are given in full."""
    content = content or course()
    ex = content.exercises[exercise_id]
    plan = rule(content)
    steps = "".join(f"<li>{esc(s)}</li>" for s in ex.steps)
    dosages = ex.dosages if dosage_index is None else (ex.dosages[dosage_index],)
    dose = "".join(f"<li>{_dose_text(d)}</li>" for d in dosages)
    pain = (f"Pain up to about {plan.pain_during_max} out of 10 during the exercise is acceptable if by the next "
            "morning it is back to your usual level; if not, ease off.")
    cautions = "".join(f"<li>⚠ {esc(c)}</li>" for c in (*ex.cautions, pain))
    nxt = f" {progress_rule_text(plan)}" if ex.progression else ""
    progression = f"<p><strong>⬆ Next step:</strong> {esc(ex.progression)}{esc(nxt)}</p>" if ex.progression else ""
    refs = (*ex.refs, *(r for r in plan.refs if r not in ex.refs and r != "course_design"), PICTURES_REF)
    sources = page.sources(refs) if page else full_list_html(refs, content)
    return (f'<section class="ankle-exercise-card" aria-label="{esc(ex.name)}" style="border:1px solid #999;'
            f'padding:6px 12px;margin:8px 0;break-inside:avoid"><h3 style="margin-top:4px">{esc(ex.name)}</h3>'
            f"<p>{esc(ex.purpose)}</p><div>{picture(ex, 'start')}{picture(ex, 'end')}</div>"
            f"{demo_html(ex) if demo else ''}"
            f"<p><strong>Steps</strong></p><ol>{steps}</ol><p><strong>How much</strong></p><ul>{dose}</ul>"
            f"{progression}<p><strong>Take care</strong></p><ul>{cautions}</ul>{sources}</section>")


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
