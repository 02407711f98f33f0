"""The exercise timer's view: pick an exercise and dosage, Start/Pause/Resume/Stop, see and hear each phase.

All timing logic is in `ankle_course.timer`; this view only reads its state. Refreshes run as an asyncio
task on the kernel's own event loop (about four a second), so the kernel never blocks and a learner can
keep using the notebook while a session runs. At the end the learner rates pain and saves the session.

Beside the count, a picture of a person moves with it: on each refresh the view asks
`ankle_course.demo.demo_fraction` where the timer's phase puts the body (into the end position during a
hold, back during the relax, still while resting) and shows that frame; there is no second clock. A
"Reduce motion" box shows the two still pictures instead, and so does the page by itself when the
browser asks for reduced motion: a CSS `prefers-reduced-motion` media query in the widget's own HTML hides
the moving picture and shows the stills, with no script.
"""

from __future__ import annotations

import asyncio
import io
import math
import struct
import time
import uuid
import wave
from collections.abc import Callable
from datetime import datetime

import ipywidgets as w

from ..clock import Clock, Stopwatch, utc_now
from ..content import Course, course
from ..demo import demo_fraction, quantise
from ..exercise_cards import picture
from ..figures.exercises import exercise_svg
from ..progress import ExerciseSession, ProgressError, ProgressStore
from ..timer import DONE, FINISHED, PAUSED, RUNNING, STOPPED, ExerciseTimer, TimerDosage
from .common import esc, html_widget, notice, pain_scale, set_visible

REFRESH_S = 0.25
GET_READY_S = 5
PHASE_SYMBOL = {"get_ready": "⏳", "hold": "▶", "relax": "⏸", "rest": "☕", "done": "✓"}
PHASE_TONE_HZ = {"get_ready": 660, "hold": 880, "relax": 523, "rest": 440, "done": 988}
DEMO_STEPS = 12  # frames between the start and the end position
REDUCED_MOTION_CSS = ("<style>@media (prefers-reduced-motion: reduce){.ankle-timer-demo{display:none !important}"
                      ".ankle-timer-stills{display:block !important}}</style>")


def beep_wav(frequency: float, seconds: float = 0.18, variant: int = 0, rate: int = 8000) -> bytes:
    """A short sine beep as WAV bytes, made here (no file, no network). `variant` pads one silent sample
    so that two identical cues in a row are still different bytes, and the Audio widget plays again."""
    frames = int(rate * seconds)
    samples = (int(12000 * math.sin(2 * math.pi * frequency * i / rate) * min(1.0, (frames - i) / 400))
               for i in range(frames))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"".join(struct.pack("<h", s) for s in samples) + b"\x00\x00" * (variant % 2))
    return buffer.getvalue()



class ExerciseTimerView:
    """One timer panel. `clock` and `now` are injectable so that tests drive time by hand."""

    def __init__(self, content: Course | None = None, store: ProgressStore | None = None,
                 clock: Stopwatch = time.monotonic, now: Clock = utc_now,
                 exercise: str | None = None, on_saved: Callable[[], None] | None = None):
        self.content = content or course()
        self.on_saved = on_saved
        self.store = store
        self.clock, self.now = clock, now
        self.timer: ExerciseTimer | None = None
        self.task: asyncio.Task | None = None
        self.started_at: datetime | None = None
        self._cues = 0

        exercises = list(self.content.exercises.values())
        self.exercise = w.Dropdown(options=[(e.name, e.id) for e in exercises], description="Exercise",
                                   value=exercise or exercises[0].id, style={"description_width": "90px"},
                                   layout={"width": "95%"})
        self.exercise.add_class("ankle-timer-exercise")
        self.dosage = w.Dropdown(description="Dosage", style={"description_width": "90px"}, layout={"width": "95%"})
        self.dosage.add_class("ankle-timer-dosage")
        # wide bounds on purpose: the timer itself explains what is allowed, in words
        self.reps = self._number("Reps per set", "ankle-timer-reps")
        self.sets = self._number("Sets", "ankle-timer-sets")
        self.hold = self._number("Hold (s)", "ankle-timer-hold")
        self.rest = self._number("Rest (s)", "ankle-timer-rest")

        self.start_button = self._button("Start", "ankle-timer-start", self.start)
        self.pause_button = self._button("Pause", "ankle-timer-pause", self.pause)
        self.resume_button = self._button("Resume", "ankle-timer-resume", self.resume)
        self.stop_button = self._button("Stop", "ankle-timer-stop", self.stop)

        self.phase = html_widget("", "ankle-timer-phase")
        self.position = html_widget("", "ankle-timer-position")
        self.countdown = html_widget("", "ankle-timer-countdown")
        self.progress = w.FloatProgress(value=0, min=0, max=1, description="Progress",
                                        style={"description_width": "90px"}, layout={"width": "95%"})
        self.progress.add_class("ankle-timer-progress")
        self.cue = html_widget("", "ankle-timer-cue")
        self.message = html_widget("", "ankle-timer-message")
        # starts with a moment of silence: an empty Audio widget makes the browser log a failed load
        self.audio = w.Audio(value=beep_wav(0.0, seconds=0.05), format="wav", autoplay=True, controls=False, loop=False,
                             layout={"width": "1px", "height": "1px"})
        self.audio.add_class("ankle-timer-audio")

        # the moving demonstration, and the two stills for anyone who wants no motion
        self.demo = html_widget("", "ankle-timer-demo")
        self.stills = html_widget("", "ankle-timer-stills")
        self.reduce_motion = w.Checkbox(value=False, description="Reduce motion: show the start and end pictures",
                                        indent=False, layout={"width": "95%"})
        self.reduce_motion.add_class("ankle-timer-reduce-motion")
        self.reduce_motion.observe(lambda _: self._show_pictures(), names="value")
        self._frames: dict[tuple[str, float], str] = {}
        self._shown_frame: tuple[str, float] | None = None

        self.pain = pain_scale("Pain during (0–10)", "ankle-timer-pain")
        self.save_button = self._button("Save session", "ankle-timer-save", self.save_session)
        self.save_message = html_widget("", "ankle-timer-save-message")
        self.log_box = w.VBox([html_widget("<p><strong>How much did it hurt during the session?</strong> "
                                           "0 = no pain, 10 = the worst you can imagine.</p>"),
                               self.pain, self.save_button, self.save_message],
                              layout={"display": "none"})

        self.exercise.observe(self._exercise_changed, names="value")
        self.dosage.observe(lambda _: self._fill_numbers(), names="value")
        self._load_dosages()
        self.widget = w.VBox([
            self.exercise, self.dosage, w.HBox([self.reps, self.sets]), w.HBox([self.hold, self.rest]),
            w.HBox([self.start_button, self.pause_button, self.resume_button, self.stop_button]),
            self.phase, self.position, self.countdown, self.progress, self.cue, self.message, self.audio,
            self.reduce_motion, self.demo, self.stills, self.log_box,
        ])
        self.widget.add_class("ankle-timer")
        self._show_pictures()
        self.render()

    # ------------------------------------------------------------------ building blocks
    @staticmethod
    def _number(label: str, css: str) -> w.BoundedIntText:
        box = w.BoundedIntText(value=1, min=-9999, max=99999, description=label, style={"description_width": "90px"},
                               layout={"width": "220px"})
        box.add_class(css)
        return box

    @staticmethod
    def _button(label: str, css: str, action: Callable[[], None]) -> w.Button:
        # no icon: an icon font's glyph would become part of the button's accessible name
        button = w.Button(description=label, tooltip=label)
        button.add_class(css)
        button.on_click(lambda _: action())
        return button

    def _exercise_changed(self, _: object) -> None:
        self._load_dosages()
        self._show_pictures()

    def _load_dosages(self) -> None:
        ex = self.content.exercises[self.exercise.value]
        self.dosage.options = [(d.label, i) for i, d in enumerate(ex.dosages)]
        self.dosage.value = 0
        self._fill_numbers()

    def _fill_numbers(self) -> None:
        if self.dosage.value is None:
            return
        d = self.content.exercises[self.exercise.value].dosages[self.dosage.value]
        self.reps.value, self.sets.value, self.hold.value, self.rest.value = d.reps, d.sets, d.hold_s, d.rest_s

    def _dosage_label(self) -> str:
        d = self.content.exercises[self.exercise.value].dosages[self.dosage.value]
        if (d.reps, d.sets, d.hold_s, d.rest_s) == (self.reps.value, self.sets.value, self.hold.value, self.rest.value):
            return d.label
        return (f"Your own: {self.reps.value} reps × {self.sets.value} sets, {self.hold.value} s hold, "
                f"{self.rest.value} s rest")

    # ------------------------------------------------------------------ controls
    def start(self) -> None:
        d = self.content.exercises[self.exercise.value].dosages[self.dosage.value]
        try:
            dosage = TimerDosage(reps=self.reps.value, sets=self.sets.value, hold_s=self.hold.value,
                                 rest_s=self.rest.value, get_ready_s=GET_READY_S, relax_s=d.relax_s)
        except ValueError as exc:
            self.message.value = notice(f"The timer cannot start: {exc}", "error")
            return
        self.message.value = ""
        self.save_message.value = ""
        self.save_button.disabled = False
        set_visible(self.log_box, False)
        self.timer = ExerciseTimer(dosage, clock=self.clock)
        self.timer.start()
        self.started_at = self.now()
        self.refresh()
        self._run_in_background()

    def pause(self) -> None:
        if self.timer:
            self.timer.pause()
            self.refresh()

    def resume(self) -> None:
        if self.timer:
            self.timer.resume()
            self.refresh()

    def stop(self) -> None:
        if self.timer:
            self.timer.stop()
            self.refresh()
        if self.task is not None:
            self.task.cancel()
            self.task = None

    def _run_in_background(self) -> None:
        """Refresh from the kernel's running event loop; without one (plain Python), refresh() is called by hand."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        if self.task is not None:
            self.task.cancel()
        self.task = loop.create_task(self._tick_forever())

    async def _tick_forever(self) -> None:
        while self.timer is not None and self.timer.status in (RUNNING, PAUSED):
            await asyncio.sleep(REFRESH_S)
            self.refresh()

    # ------------------------------------------------------------------ view
    def refresh(self) -> None:
        """Read the timer, announce any phase change (seen and heard), and redraw."""
        if self.timer is None:
            return
        events = self.timer.tick()
        if events:
            latest = events[-1]
            self._cues += 1
            self.audio.value = beep_wav(PHASE_TONE_HZ[latest.phase], variant=self._cues)
            what = "Session complete" if latest.phase == DONE else f"Now: {latest.label}"
            self.cue.value = (f'<div role="status" aria-live="polite" style="font-weight:bold;border:2px solid #000;'
                              f'padding:4px 10px;display:inline-block">{PHASE_SYMBOL[latest.phase]} {esc(what)}</div>')
        self.render()

    def render(self) -> None:
        status = self.timer.status if self.timer else None
        running, paused = status == RUNNING, status == PAUSED
        self.start_button.disabled = running or paused
        self.pause_button.disabled = not running
        self.resume_button.disabled = not paused
        self.stop_button.disabled = not (running or paused)
        for box in (self.exercise, self.dosage, self.reps, self.sets, self.hold, self.rest):
            box.disabled = running or paused
        self._draw_frame()
        if self.timer is None:
            self.phase.value = "<p><strong>Ready.</strong> Choose an exercise and a dosage, then press Start.</p>"
            self.position.value = ""
            self.countdown.value = self._big("–")
            self.progress.value = 0
            return
        state = self.timer.state
        label = {PAUSED: " (paused)", STOPPED: " (stopped)"}.get(self.timer.status, "")
        self.phase.value = (f'<p style="font-size:1.4em;margin:2px 0"><strong>{PHASE_SYMBOL[state.phase]} '
                            f"{esc(state.label)}{label}</strong></p>")
        self.position.value = f"<p>{esc(state.position)}</p>"
        self.countdown.value = self._big(str(math.ceil(state.remaining_s - 1e-9)) if state.phase != DONE else "0")
        self.progress.value = state.progress
        if status in (STOPPED, FINISHED):
            set_visible(self.log_box, True)

    # ------------------------------------------------------------------ the moving demonstration
    def demo_frame(self) -> float:
        """Where the timer's state puts the figure now: 0 = start position, 1 = end position (quantised)."""
        if self.timer is None or self.timer.status not in (RUNNING, PAUSED):
            return 0.0
        return quantise(demo_fraction(self.timer.state, self.timer.schedule), DEMO_STEPS)

    def _frame_svg(self, exercise_id: str, fraction: float) -> str:
        key = (exercise_id, fraction)
        if key not in self._frames:
            ex = self.content.exercises[exercise_id]
            self._frames[key] = exercise_svg(ex, fraction, title=f"{ex.name}: the movement",
                                             desc=f"{round(fraction * 100)}% of the way from the start to the end "
                                                  "position")
        return self._frames[key]

    def _show_pictures(self) -> None:
        """The stills for the chosen exercise, and which of the two views shows."""
        ex = self.content.exercises[self.exercise.value]
        if ex.poses is None:
            self.stills.value = self.demo.value = ""
            return
        self.stills.value = (f'{REDUCED_MOTION_CSS}<div aria-label="start and end positions">'
                             f"{picture(ex, 'start')}{picture(ex, 'end')}</div>")
        set_visible(self.demo, not self.reduce_motion.value)
        set_visible(self.stills, self.reduce_motion.value)
        self._shown_frame = None
        self._draw_frame()

    def _draw_frame(self) -> None:
        ex_id = self.exercise.value
        if self.content.exercises[ex_id].poses is None:
            return
        key = (ex_id, self.demo_frame())
        if key == self._shown_frame:
            return  # the picture has not changed: send nothing
        self._shown_frame = key
        self.demo.value = (f'{REDUCED_MOTION_CSS}<div class="ankle-demo-frame" data-frame="{key[1]:.3f}" '
                           f'style="max-width:100%">{self._frame_svg(*key)}</div>')

    @staticmethod
    def _big(text: str) -> str:
        return (f'<div aria-label="seconds left in this phase" style="font-size:3.5em;font-weight:bold;'
                f'font-variant-numeric:tabular-nums;line-height:1.1">{esc(text)}</div>')

    # ------------------------------------------------------------------ saving
    def session_record(self) -> ExerciseSession:
        assert self.timer is not None and self.started_at is not None
        state = self.timer.state
        return ExerciseSession(id=uuid.uuid4().hex, exercise=self.exercise.value, dosage=self._dosage_label()[:80],
                               started=self.started_at, reps_done=state.reps_done, sets_done=state.sets_done,
                               completed=self.timer.status == FINISHED, pain_during=int(self.pain.value))

    def save_session(self) -> None:
        if self.timer is None or self.timer.status not in (STOPPED, FINISHED):
            self.save_message.value = notice("Finish or stop a session before saving it.", "warning")
            return
        record = self.session_record()
        store = self.store or ProgressStore()
        try:
            store.add_exercise_session(record)
        except ProgressError as exc:  # a full disk or a read-only folder must not show a traceback
            self.save_message.value = notice(str(exc), "error")
            return
        self.save_message.value = notice(
            f"Saved: {record.reps_done} repetitions in {record.sets_done} complete set(s), pain "
            f"{record.pain_during}/10. Tomorrow morning, rate your pain in the session log below.", "ok")
        self.save_button.disabled = True  # one session, one record; Start enables it again
        if self.on_saved:
            self.on_saved()


def exercise_timer(exercise: str | None = None) -> w.VBox:
    """The timer panel for a notebook cell."""
    return ExerciseTimerView(exercise=exercise).widget
