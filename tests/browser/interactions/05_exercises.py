"""05_exercises.ipynb in a real browser: start the exercise timer and watch it count.

Called by the browser harness with a JupyterLab page on which the notebook has already been run to the
end. It acts as a learner would (choose by visible label, click Start) and asserts what they would see:
the countdown changes within seconds, the phase moves from "Get ready" to "Hold", a cue appears.
"""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

TIMEOUT_MS = 15_000
EXERCISE = "Self range of motion: foot up (dorsiflexion)"
SHORTEST = "Short holds (stiff, sensitive ankle): 5 s × 10"


def interact(page: Page) -> None:
    timer = page.locator(".jp-OutputArea .ankle-timer").first
    expect(timer).to_be_visible(timeout=TIMEOUT_MS)
    timer.scroll_into_view_if_needed()

    timer.locator(".ankle-timer-exercise select").select_option(label=EXERCISE)
    timer.locator(".ankle-timer-dosage select").select_option(label=SHORTEST)
    hold = timer.locator(".ankle-timer-hold input")
    hold.fill("2")
    hold.press("Enter")
    expect(hold).to_have_value("2", timeout=TIMEOUT_MS)

    countdown = timer.locator(".ankle-timer-countdown")
    phase = timer.locator(".ankle-timer-phase")
    timer.get_by_role("button", name="Start", exact=True).click()

    expect(phase).to_contain_text("Get ready", timeout=TIMEOUT_MS)
    expect(timer.locator(".ankle-timer-cue")).to_contain_text("Now: Get ready", timeout=TIMEOUT_MS)
    first = countdown.inner_text().strip()
    expect(countdown).not_to_have_text(re.compile(rf"^\s*{re.escape(first)}\s*$"), timeout=TIMEOUT_MS)
    expect(phase).to_contain_text("Hold", timeout=TIMEOUT_MS)  # the 5 s get-ready ran out on its own
    expect(timer.locator(".ankle-timer-position")).to_contain_text("of 10 · Set 1 of 1", timeout=TIMEOUT_MS)

    timer.get_by_role("button", name="Stop", exact=True).click()
    expect(phase).to_contain_text("(stopped)", timeout=TIMEOUT_MS)
    expect(timer.get_by_role("button", name="Save session", exact=True)).to_be_visible(timeout=TIMEOUT_MS)
