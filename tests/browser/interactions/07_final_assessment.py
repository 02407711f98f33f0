"""Final assessment in the browser: answer the first question as a learner would, press "Check answer",
and see the feedback (✓ Correct / ◐ Partly right / ✗ Not quite) appear in that question's card; then go on
to the next question (one is shown at a time) and back, and find the answer still there."""

from __future__ import annotations

import re

from playwright.sync_api import expect

TIMEOUT_MS = 15_000
VERDICT = re.compile(r"(✓ Correct|◐ Partly right|✗ Not quite)")


def interact(page) -> None:
    quiz = page.locator(".jp-OutputArea .ankle-quiz").first
    expect(quiz).to_be_visible(timeout=TIMEOUT_MS)
    card = quiz.locator(".ankle-quiz-question").first
    feedback = card.locator(".ankle-quiz-feedback")
    expect(feedback).to_have_text("", timeout=TIMEOUT_MS)

    radios = card.locator("input[type=radio]")
    boxes = card.locator("input[type=checkbox]")
    selects = card.locator("select")
    if radios.count():
        radios.first.check(timeout=TIMEOUT_MS)  # single choice, identify or true/false
    elif boxes.count():
        boxes.first.check(timeout=TIMEOUT_MS)  # tick-all-that-apply
    else:  # matching or ordering: pick a different real option in each dropdown
        for i in range(selects.count()):
            options = selects.nth(i).locator("option")
            label = options.nth(1 + i % (options.count() - 1)).inner_text()
            selects.nth(i).select_option(label=label, timeout=TIMEOUT_MS)

    card.get_by_role("button", name="Check answer", exact=True).click(timeout=TIMEOUT_MS)
    # an ordering question answered with a repeated item explains that instead; both are visible feedback
    expect(feedback).to_contain_text(re.compile(r"(✓ Correct|◐ Partly right|✗ Not quite|Use each item)"),
                                     timeout=TIMEOUT_MS)
    expect(quiz.locator(".ankle-quiz-score")).to_contain_text("Score:", timeout=TIMEOUT_MS)

    quiz.get_by_role("button", name="Next question ▶", exact=True).click(timeout=TIMEOUT_MS)
    expect(quiz.locator(".ankle-quiz-question .ankle-quiz-prompt").first).to_contain_text("Question 2.",
                                                                                       timeout=TIMEOUT_MS)
    quiz.get_by_role("button", name="◀ Previous question", exact=True).click(timeout=TIMEOUT_MS)
    back = quiz.locator(".ankle-quiz-question").first
    expect(back.locator(".ankle-quiz-prompt")).to_contain_text("Question 1.", timeout=TIMEOUT_MS)
    expect(back.locator(".ankle-quiz-feedback")).to_contain_text(
        re.compile(r"(✓ Correct|◐ Partly right|✗ Not quite|Use each item)"), timeout=TIMEOUT_MS)
