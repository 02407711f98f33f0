"""Browser interaction for 02_causes.ipynb: answer the first warning sign in the symptom checker.

The notebook has already been run to completion. A learner answers "Has the foot suddenly turned cold,
pale or bluish...?" with Yes; the triage result must switch to the emergency wording (word, not colour).
Then they open the "How it started" section (built when first opened) and find its first question there,
the emergency result still standing, and the question that asks them to press the four Ottawa bony points
with the drawing of where they are.
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

TIMEOUT_MS = 15_000
QUESTION = "Has the foot suddenly turned cold, pale or bluish"
OTTAWA_QUESTION = "press firmly with a fingertip on each of the four spots in the drawing"
EMERGENCY = "Emergency: Call an ambulance or go to an emergency department now."
SKIP_LABEL = "Not sure / skip"


def interact(page: Page) -> None:
    checker = page.locator(".jp-OutputArea .ankle-symptom-checker").first
    checker.scroll_into_view_if_needed(timeout=TIMEOUT_MS)
    expect(checker).to_be_visible(timeout=TIMEOUT_MS)
    result = checker.locator(".ankle-triage-result").first
    expect(result).to_contain_text("No answers yet", timeout=TIMEOUT_MS)
    expect(result).not_to_contain_text("Emergency")

    question = checker.locator(".ankle-q-foot_cold_pale_numb").first
    question.scroll_into_view_if_needed(timeout=TIMEOUT_MS)
    expect(question).to_contain_text(QUESTION, timeout=TIMEOUT_MS)
    question.get_by_label("Yes", exact=True).check(timeout=TIMEOUT_MS)

    expect(result).to_contain_text(EMERGENCY, timeout=TIMEOUT_MS)
    expect(result).to_contain_text("⛔")

    checker.get_by_text("How it started", exact=False).first.click(timeout=TIMEOUT_MS)
    onset = checker.locator(".ankle-q-onset").first
    expect(onset).to_be_visible(timeout=TIMEOUT_MS)
    expect(onset.get_by_label(SKIP_LABEL, exact=True)).to_be_checked(timeout=TIMEOUT_MS)
    expect(result).to_contain_text(EMERGENCY, timeout=TIMEOUT_MS)

    ottawa = checker.locator(".ankle-q-bone_tenderness").first
    ottawa.scroll_into_view_if_needed(timeout=TIMEOUT_MS)
    expect(ottawa).to_contain_text(OTTAWA_QUESTION, timeout=TIMEOUT_MS)
    drawing = ottawa.locator(".ankle-question-figure-ottawa_points .js-plotly-plot .main-svg").first
    expect(drawing).to_be_visible(timeout=TIMEOUT_MS)
    expect(ottawa.get_by_label("Inner ankle bone: back edge or tip (medial malleolus)", exact=True)).to_be_visible()
