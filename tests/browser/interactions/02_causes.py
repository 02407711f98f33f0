"""Browser interaction for 02_causes.ipynb: the symptom checker, one question at a time, then the full form.

The notebook has already been run to completion. The checker opens as a guided interview on its first
warning sign. A learner answers "Has the foot suddenly turned cold, pale or bluish...?" with Yes and
presses Next: the triage result must switch to the emergency wording (word, not colour). They skip the next
question and the interview moves on. Then they open "All questions": the full form shows their answer and
the same emergency result, and, in "How it started" (built when first opened), the question that asks them
to press the four Ottawa bony points, with the drawing of where they are. Last, they make the summary for an
appointment: the download is a self-contained HTML page with their answer, the emergency advice and the
statement that it is not a diagnosis.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

TIMEOUT_MS = 15_000
QUESTION = "Has the foot suddenly turned cold, pale or bluish"
OTTAWA_QUESTION = "press firmly with a fingertip on each of the four spots in the drawing"
EMERGENCY = "Emergency: Call an ambulance or go to an emergency department now."
SKIP_LABEL = "Not sure / skip"


def interact(page: Page) -> None:
    app = page.locator(".jp-OutputArea .ankle-symptom-checker-app").first
    app.scroll_into_view_if_needed(timeout=TIMEOUT_MS)
    expect(app).to_be_visible(timeout=TIMEOUT_MS)
    interview = app.locator(".ankle-interview").first
    result = interview.locator(".ankle-triage-result").first
    expect(result).to_contain_text("No answers yet", timeout=TIMEOUT_MS)

    question = interview.locator(".ankle-interview-question").first
    expect(question).to_contain_text(QUESTION, timeout=TIMEOUT_MS)
    question.get_by_label("Yes", exact=True).check(timeout=TIMEOUT_MS)
    interview.locator(".ankle-interview-next").first.click(timeout=TIMEOUT_MS)
    expect(result).to_contain_text(EMERGENCY, timeout=TIMEOUT_MS)
    expect(result).to_contain_text("⛔")

    step = interview.locator(".ankle-interview-step").first
    expect(step).to_contain_text("Question 2", timeout=TIMEOUT_MS)
    interview.locator(".ankle-interview-skip").first.click(timeout=TIMEOUT_MS)
    expect(step).to_contain_text("Question 3", timeout=TIMEOUT_MS)
    expect(result).to_contain_text(EMERGENCY, timeout=TIMEOUT_MS)

    app.locator(".ankle-checker-view").get_by_text("All questions", exact=True).click(timeout=TIMEOUT_MS)
    checker = app.locator(".ankle-symptom-checker").first
    expect(checker).to_be_visible(timeout=TIMEOUT_MS)
    cold = checker.locator(".ankle-q-foot_cold_pale_numb").first
    expect(cold.get_by_label("Yes", exact=True)).to_be_checked(timeout=TIMEOUT_MS)
    form_result = checker.locator(".ankle-triage-result").first
    expect(form_result).to_contain_text(EMERGENCY, timeout=TIMEOUT_MS)

    checker.get_by_text("How it started", exact=False).first.click(timeout=TIMEOUT_MS)
    onset = checker.locator(".ankle-q-onset").first
    expect(onset).to_be_visible(timeout=TIMEOUT_MS)
    expect(onset.get_by_label(SKIP_LABEL, exact=True)).to_be_checked(timeout=TIMEOUT_MS)
    ottawa = checker.locator(".ankle-q-bone_tenderness").first
    ottawa.scroll_into_view_if_needed(timeout=TIMEOUT_MS)
    expect(ottawa).to_contain_text(OTTAWA_QUESTION, timeout=TIMEOUT_MS)
    drawing = ottawa.locator(".ankle-question-figure-ottawa_points .js-plotly-plot .main-svg").first
    expect(drawing).to_be_visible(timeout=TIMEOUT_MS)
    expect(ottawa.get_by_label("Inner ankle bone: back edge or tip (medial malleolus)", exact=True)).to_be_visible()
    expect(form_result).to_contain_text(EMERGENCY, timeout=TIMEOUT_MS)

    summary = app.locator(".ankle-appointment").first
    summary.scroll_into_view_if_needed(timeout=TIMEOUT_MS)
    summary.locator(".ankle-appointment-make").first.click(timeout=TIMEOUT_MS)
    link = summary.locator("a.ankle-appointment-download").first
    expect(link).to_be_visible(timeout=TIMEOUT_MS)
    with page.expect_download(timeout=TIMEOUT_MS) as download:
        link.click(timeout=TIMEOUT_MS)
    assert download.value.suggested_filename == "ankle-appointment-summary.html"
    html = Path(download.value.path()).read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<script" not in html
    for expected in ("Foot suddenly cold, pale or numb:</strong> Yes", EMERGENCY, "Not a diagnosis"):
        assert expected in html, f"the downloaded summary does not contain {expected!r}"
