"""05_exercises.ipynb in a real browser: start the exercise timer and watch it count.

Called by the browser harness with a JupyterLab page on which the notebook has already been run to the
end. It acts as a learner would (choose by visible label, type a hold time, click Start) and asserts what
they would see: the countdown changes within seconds, the phase moves from "Get ready" to "Hold", a cue
appears, the picture of the person moves out of its start position during the hold (the timer's own
refresh redraws it), and each hold lasts the 2 s typed in, not the dosage's 5 s.

Every change of exercise or dosage makes the kernel write all four number fields back. Those writes
arrive whenever the kernel gets to them: typing into "Hold (s)" before they have landed loses the typed
text (it is overwritten, or `fill` selects the old text, the kernel's value replaces it, and "2" is then
appended to it: "52"). So each choice is followed by a wait for the fields to show the chosen dosage,
which is the kernel's answer to that choice, and only then is anything typed.

Then the reminders: the learner picks Tuesday as well as the preset days, types a time, makes the calendar
file and downloads it; the file is an iCalendar weekly event on those days at that time.
"""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

TIMEOUT_MS = 15_000
EXERCISE = "Self range of motion: foot up (dorsiflexion)"
SHORTEST = "Short holds (stiff, sensitive ankle): 5 s × 10"
# What the kernel writes into the fields for SHORTEST (content: rom_dorsiflexion's first dosage). The
# notebook's default exercise starts at 10 / 2 / 2 / 60, so sets, hold and rest all change, and rest is
# the last field the kernel writes (ExerciseTimerView._fill_numbers).
SHORTEST_FIELDS = {"reps": "10", "sets": "1", "hold": "5", "rest": "0"}
TYPED_HOLD_S = 2

# Watches one whole hold (the first that starts once this runs; one already under way is skipped, its
# start was not seen) at every animation frame, so a 2 s hold is not missed however slow the test process
# is. Returns, once that hold is over, how long it lasted and for how long the countdown showed more
# than `typed` seconds during it (null until then). The kernel writes the phase before the countdown, so
# for a moment at a hold's start the countdown can still show the relax's last number: a moment, not the
# second or more that each number of a longer hold stays up.
WATCH_ONE_HOLD_JS = """([phase, countdown, typed]) => {
    const now = performance.now();
    const seen = window.__ankleHold || (window.__ankleHold = {sawOther: false, start: 0, last: 0, shown: 0, overMs: 0});
    if (/\\bHold\\b/.test(phase.innerText)) {
        if (!seen.sawOther) return null;
        if (!seen.start) seen.start = now;
        else if (seen.shown > typed) seen.overMs += now - seen.last;
        seen.last = now;
        seen.shown = parseInt(countdown.innerText.trim(), 10);
        return null;
    }
    if (seen.start) return {holdMs: now - seen.start, overMs: seen.overMs};
    seen.sawOther = true;
    return null;
}"""
LONGER_THAN_TYPED_MS = 800  # a 5 s hold shows 5, 4 and 3 for about 3 s; a glimpse lasts a frame or two


def expect_fields(timer: Locator, fields: dict[str, str]) -> None:
    """Wait until every number field shows `fields`: the kernel has answered the last choice."""
    for name, value in fields.items():
        expect(timer.locator(f".ankle-timer-{name} input")).to_have_value(value, timeout=TIMEOUT_MS)


def interact(page: Page) -> None:
    timer = page.locator(".jp-OutputArea .ankle-timer").first
    expect(timer).to_be_visible(timeout=TIMEOUT_MS)
    timer.scroll_into_view_if_needed(timeout=TIMEOUT_MS)

    timer.locator(".ankle-timer-exercise select").select_option(label=EXERCISE, timeout=TIMEOUT_MS)
    expect_fields(timer, SHORTEST_FIELDS)  # a new exercise starts at its first dosage, which is SHORTEST
    timer.locator(".ankle-timer-dosage select").select_option(label=SHORTEST, timeout=TIMEOUT_MS)
    expect_fields(timer, SHORTEST_FIELDS)

    hold = timer.locator(".ankle-timer-hold input")
    hold.fill(str(TYPED_HOLD_S), timeout=TIMEOUT_MS)  # fill replaces the whole text; nothing can overwrite it now
    hold.press("Enter", timeout=TIMEOUT_MS)  # commits the number, which sends it to the kernel
    expect(hold).to_have_value(str(TYPED_HOLD_S), timeout=TIMEOUT_MS)

    countdown = timer.locator(".ankle-timer-countdown")
    phase = timer.locator(".ankle-timer-phase")
    figure = timer.locator(".ankle-timer-demo .ankle-demo-frame")
    expect(figure).to_have_attribute("data-frame", "0.000", timeout=TIMEOUT_MS)  # still, in the start position
    expect(figure.locator("svg")).to_be_visible(timeout=TIMEOUT_MS)
    timer.get_by_role("button", name="Start", exact=True).click(timeout=TIMEOUT_MS)

    expect(hold).to_be_disabled(timeout=TIMEOUT_MS)  # the kernel ran Start (after the typed hold, in order)
    expect(phase).to_contain_text("Get ready", timeout=TIMEOUT_MS)
    expect(timer.locator(".ankle-timer-cue")).to_contain_text("Now: Get ready", timeout=TIMEOUT_MS)
    expect(countdown).to_have_text(re.compile(r"^\s*[1-5]\s*$"), timeout=TIMEOUT_MS)  # the 5 s get-ready
    first = countdown.inner_text().strip()
    expect(countdown).not_to_have_text(re.compile(rf"^\s*{re.escape(first)}\s*$"), timeout=TIMEOUT_MS)
    expect(phase).to_contain_text("Hold", timeout=TIMEOUT_MS)  # the 5 s get-ready ran out on its own
    # the figure moves into the end position during the hold: its frame is no longer the start's
    expect(figure).not_to_have_attribute("data-frame", "0.000", timeout=TIMEOUT_MS)
    expect(timer.locator(".ankle-timer-position")).to_contain_text("of 10 · Set 1 of 1", timeout=TIMEOUT_MS)
    # a relax (3 s) and the next whole hold (2 s) are watched: about 5 s
    hold_seen = page.wait_for_function(
        WATCH_ONE_HOLD_JS, arg=[phase.element_handle(), countdown.element_handle(), TYPED_HOLD_S], polling="raf",
        timeout=TIMEOUT_MS).json_value()
    assert hold_seen["overMs"] < LONGER_THAN_TYPED_MS, (
        f"during a hold the countdown showed more than {TYPED_HOLD_S} s for {hold_seen['overMs']:.0f} ms of "
        f"{hold_seen['holdMs']:.0f} ms: the timer did not use the {TYPED_HOLD_S} s typed in")

    timer.get_by_role("button", name="Stop", exact=True).click(timeout=TIMEOUT_MS)
    expect(phase).to_contain_text("(stopped)", timeout=TIMEOUT_MS)
    expect(timer.get_by_role("button", name="Save session", exact=True)).to_be_visible(timeout=TIMEOUT_MS)

    # a browser that asks for reduced motion gets the two stills, not the moving figure (CSS alone)
    demo, stills = timer.locator(".ankle-timer-demo"), timer.locator(".ankle-timer-stills")
    expect(demo).to_be_visible(timeout=TIMEOUT_MS)
    expect(stills).to_be_hidden(timeout=TIMEOUT_MS)
    page.emulate_media(reduced_motion="reduce")
    try:
        expect(demo).to_be_hidden(timeout=TIMEOUT_MS)
        expect(stills.locator("img")).to_have_count(2, timeout=TIMEOUT_MS)
        expect(stills).to_be_visible(timeout=TIMEOUT_MS)
    finally:
        page.emulate_media(reduced_motion="no-preference")
    # and so does the learner who ticks "Reduce motion"
    timer.get_by_label("Reduce motion: show the start and end pictures").check(timeout=TIMEOUT_MS)
    expect(stills).to_be_visible(timeout=TIMEOUT_MS)
    expect(demo).to_be_hidden(timeout=TIMEOUT_MS)
    make_reminders(page)


def make_reminders(page: Page) -> None:
    planner = page.locator(".jp-OutputArea .ankle-reminders").first
    planner.scroll_into_view_if_needed(timeout=TIMEOUT_MS)
    expect(planner).to_be_visible(timeout=TIMEOUT_MS)
    planner.locator(".ankle-reminder-day-tuesday").first.click(timeout=TIMEOUT_MS)
    time_box = planner.locator(".ankle-reminder-time input").first
    time_box.fill("7:15 pm", timeout=TIMEOUT_MS)
    time_box.press("Enter", timeout=TIMEOUT_MS)
    zone_box = planner.locator(".ankle-reminder-zone input").first
    zone_box.fill("Europe/London", timeout=TIMEOUT_MS)
    zone_box.press("Enter", timeout=TIMEOUT_MS)
    message = planner.locator(".ankle-reminder-message").first
    expect(planner.locator(".ankle-reminder-day-tuesday").first).to_have_class(re.compile(r"\bmod-active\b"),
                                                                           timeout=TIMEOUT_MS)
    planner.locator(".ankle-reminder-make").first.click(timeout=TIMEOUT_MS)
    expect(message).to_contain_text("Every Monday, Tuesday, Wednesday and Friday at 19:15 (Europe/London)",
                                    timeout=TIMEOUT_MS)
    link = message.locator("a.ankle-reminder-download").first
    with page.expect_download(timeout=TIMEOUT_MS) as download:
        link.click(timeout=TIMEOUT_MS)
    assert download.value.suggested_filename == "ankle-exercise-plan.ics"
    ics = Path(download.value.path()).read_text(encoding="utf-8")
    assert ics.startswith("BEGIN:VCALENDAR") and "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,FR" in ics
    assert re.search(r"DTSTART;TZID=Europe/London:\d{8}T191500", ics), "the first session is not at 19:15 London time"
