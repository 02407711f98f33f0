"""The exercise timer and session log, driven the way a learner uses them (clock and dates injected)."""

from __future__ import annotations

import asyncio
import wave
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime
from io import BytesIO

import pytest

from ankle_course.content import course
from ankle_course.progress import ProgressStore
from ankle_course.timer import TimerDosage
from ankle_course.widgets.exercises import SessionLogView, exercise_card_html, exercise_programme
from ankle_course.widgets.timer import ExerciseTimerView, beep_wav


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def store(tmp_path):
    return ProgressStore(tmp_path)


@pytest.fixture
def clock():
    return FakeClock()


def view(store, clock, exercise="rom_dorsiflexion", **kw):
    return ExerciseTimerView(store=store, clock=clock, exercise=exercise,
                             now=lambda: datetime(2025, 3, 3, 9, 0, tzinfo=UTC), **kw)


def test_choosing_an_exercise_fills_in_its_first_dosage(store, clock):
    v = view(store, clock)
    assert (v.reps.value, v.sets.value, v.hold.value, v.rest.value) == (10, 1, 5, 0)
    v.dosage.value = 1
    assert (v.reps.value, v.hold.value) == (2, 20)  # "2 to 3 times": the timer starts at 2
    v.exercise.value = "banded_inversion"
    assert (v.reps.value, v.sets.value, v.hold.value, v.rest.value) == (10, 2, 2, 60)


def test_start_shows_get_ready_a_countdown_and_a_cue(store, clock):
    v = view(store, clock)
    v.start_button.click()
    assert "Get ready" in v.phase.value and ">5<" in v.countdown.value
    assert "Rep 1 of 10 · Set 1 of 1" in v.position.value
    assert "Now: Get ready" in v.cue.value and v.audio.value[:4] == b"RIFF"
    assert v.start_button.disabled and not v.pause_button.disabled and v.resume_button.disabled


def test_each_phase_change_is_seen_and_heard(store, clock):
    v = view(store, clock)
    v.start_button.click()
    first_beep = v.audio.value
    clock.now = 5.5
    v.refresh()
    assert "Hold" in v.phase.value and "Now: Hold" in v.cue.value and v.audio.value != first_beep
    assert ">5<" in v.countdown.value  # 4.5 s left shows as 5


def test_a_late_refresh_shows_the_true_phase(store, clock):
    v = view(store, clock)
    v.start_button.click()
    clock.now = 5 + 4 * 5 + 3 * 3 + 1  # a single refresh 35 s in: 4 holds and 3 relaxes have gone by
    v.refresh()
    assert "Rep 4 of 10" in v.position.value and "Relax" in v.phase.value


def test_pause_freezes_the_countdown_and_resume_continues(store, clock):
    v = view(store, clock)
    v.start_button.click()
    clock.now = 2
    v.pause_button.click()
    clock.now = 100
    v.refresh()
    assert "(paused)" in v.phase.value and ">3<" in v.countdown.value
    assert not v.resume_button.disabled and v.pause_button.disabled
    v.resume_button.click()
    clock.now = 101
    v.refresh()
    assert ">2<" in v.countdown.value


@pytest.mark.parametrize("field, value, words", [
    ("reps", 0, "Repetitions per set must be at least 1"),
    ("hold", -3, "Hold must be at least 1"),
    ("sets", 500, "Sets must be at least 1 and at most 10"),
])
def test_impossible_numbers_get_a_message_not_a_traceback(store, clock, field, value, words):
    v = view(store, clock)
    getattr(v, field).value = value
    v.start_button.click()
    assert words in v.message.value and 'role="alert"' in v.message.value
    assert v.timer is None and not v.start_button.disabled


def test_finishing_saves_a_session_with_pain_during(store, clock):
    saved = []
    v = view(store, clock, on_saved=lambda: saved.append(True))
    v.start_button.click()
    clock.now = 1000
    v.refresh()
    assert "Done" in v.phase.value and v.log_box.layout.display != "none"
    v.pain.value = 4
    v.save_button.click()
    (session,) = store.load()["exercise_sessions"]
    assert session["exercise"] == "rom_dorsiflexion" and session["completed"] is True
    assert (session["reps_done"], session["sets_done"], session["pain_during"]) == (10, 1, 4)
    assert session["pain_next_morning"] is None and len(session["id"]) == 32
    assert session["dosage"].startswith("Short holds") and session["started"] == "2025-03-03T09:00:00+00:00"
    assert "Saved" in v.save_message.value and saved == [True] and v.save_button.disabled


def test_stopping_early_saves_what_was_done_and_edited_numbers_are_named(store, clock):
    v = view(store, clock, exercise="banded_inversion")
    v.reps.value = 12
    v.start_button.click()
    clock.now = 5 + 2 + 2 + 1
    v.stop_button.click()
    assert "(stopped)" in v.phase.value
    v.save_button.click()
    (session,) = store.load()["exercise_sessions"]
    assert session["completed"] is False and session["reps_done"] == 1
    assert session["dosage"].startswith("Your own: 12 reps × 2 sets")


def test_the_timer_refreshes_itself_on_a_running_event_loop(store):
    async def scenario():
        v = ExerciseTimerView(store=store, exercise="rom_dorsiflexion")
        v.hold.value = 1
        v.start_button.click()
        before = v.countdown.value
        await asyncio.sleep(1.3)
        after = v.countdown.value
        v.stop_button.click()
        return v, before, after

    # on a thread of its own: a browser test's Playwright loop may still be marked running in this one
    with ThreadPoolExecutor(max_workers=1) as pool:
        v, before, after = pool.submit(asyncio.run, scenario()).result(timeout=30)
    assert before != after and v.task is None


def test_every_shipped_dosage_is_one_the_timer_accepts():
    for ex in course().exercises.values():
        for d in ex.dosages:
            TimerDosage(reps=d.reps, sets=d.sets, hold_s=d.hold_s, rest_s=d.rest_s, relax_s=d.relax_s)


def test_beep_is_a_short_playable_wav_and_variants_differ():
    data = beep_wav(880)
    with wave.open(BytesIO(data)) as wav:
        assert wav.getnchannels() == 1 and 0.1 < wav.getnframes() / wav.getframerate() < 0.5
    assert beep_wav(880, variant=0) != beep_wav(880, variant=1)


def session(day, during, morning, exercise="calf_raise_double", ident=None):
    return {"id": ident or f"s{day.replace('-', '')}", "exercise": exercise, "dosage": "Building up: 15 reps × 3 sets",
            "started": f"{day}T09:00:00+00:00", "reps_done": 45, "sets_done": 3, "completed": True,
            "pain_during": during, "pain_next_morning": morning}


def test_morning_rating_is_saved_and_advice_follows_it(store):
    store.update(lambda p: p["exercise_sessions"].append(session("2025-03-03", 3, None)))
    log = SessionLogView(store=store, today=lambda: date(2025, 3, 4))
    assert "3 Mar 2025" in log.unrated.options[0][0] and "Calf raise on both legs" in log.unrated.options[0][0]
    log.morning.value = 6
    log.save.click()
    assert store.load()["exercise_sessions"][0]["pain_next_morning"] == 6
    assert "6/10" in log.message.value and "Ease off" in log.advice.value
    assert log.unrated.options == () and log.save.disabled
    assert "6/10" in log.table.value


def test_log_says_when_single_leg_calf_raises_are_next(store):
    for day in ("2025-03-03", "2025-03-05"):
        store.update(lambda p, d=day: p["exercise_sessions"].append(session(d, 1, 1)))
    log = SessionLogView(store=store, today=lambda: date(2025, 3, 6))
    assert "⬇" in log.advice.value  # mornings of 1/10 are above a usual morning of 0
    log.usual.value = 1  # this learner's mornings are usually 1/10: back to usual counts as settled
    assert "ready to try the calf raise on one leg" in log.advice.value and "⬆" in log.advice.value


def test_the_usual_morning_pain_is_kept_for_the_next_visit(store):
    for day in ("2025-03-03", "2025-03-05"):
        store.update(lambda p, d=day: p["exercise_sessions"].append(session(d, 1, 1)))
    SessionLogView(store=store, today=lambda: date(2025, 3, 6)).usual.value = 1
    assert store.load()["usual_morning_pain"] == 1
    again = SessionLogView(store=store, today=lambda: date(2025, 3, 7))  # a restarted kernel, a new page
    assert again.usual.value == 1
    assert "ready to try the calf raise on one leg" in again.advice.value


def test_an_empty_log_says_how_to_start(store):
    log = SessionLogView(store=store)
    assert "No sessions saved yet" in log.table.value and log.save.disabled


def test_saving_in_the_timer_updates_the_log_below_it(store, clock):
    box = exercise_programme(store=store)
    assert "ankle-exercise-programme" in box._dom_classes
    timer_widget = box.children[0]
    assert "ankle-timer" in timer_widget._dom_classes


def test_exercise_cards_have_pictures_with_alt_text_steps_and_cautions():
    html = exercise_card_html("calf_raise_double")
    assert html.count('<img src="data:image/svg+xml;base64,') == 2
    assert 'alt="Standing facing a kitchen counter, both feet flat' in html
    assert "Next step:" in html and "⚠" in html and "<ol>" in html


def test_every_exercise_has_start_and_end_pictures_and_positions():
    from ankle_course.widgets.exercises import IMAGES

    for ex in course().exercises.values():
        assert ex.start_position and ex.end_position
        for stage in ("start", "end"):
            svg = (IMAGES / f"exercise_{ex.id}_{stage}.svg").read_text()
            assert "<title" in svg and "<desc" in svg
