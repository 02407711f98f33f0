"""Browser interaction for 00_start_here.ipynb: the "Review today" panel, as a learner uses it.

The notebook has already been run to completion. The panel says how many items are due and shows the
first card. The learner presses "Show the answer", then rates it "Good": the panel says the rating was
saved, the count of items due now goes down by one, and another card is shown. The whole course's deck
always has new flashcards on a learner's first day, so something is due however the progress folder
started.
"""

from __future__ import annotations

import re
import time

from playwright.sync_api import Locator, Page, expect

TIMEOUT_MS = 15_000
DUE = re.compile(r"(\d+) to review now")


def _due_now(summary: Locator) -> int:
    """The number the summary shows, read again until one read has it: the check above matches textContent,
    and the panel can redraw between that check and a later read (seen once in CI, on a fresh JupyterLite)."""
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while True:
        found = DUE.search(summary.text_content() or "")
        if found or time.monotonic() > deadline:
            assert found, f"the Review panel's summary no longer says how many are due: {summary.text_content()!r}"
            return int(found.group(1))
        summary.page.wait_for_timeout(200)


def interact(page: Page) -> None:
    panel = page.locator(".jp-OutputArea .ankle-review-panel").first
    panel.scroll_into_view_if_needed(timeout=TIMEOUT_MS)
    expect(panel).to_be_visible(timeout=TIMEOUT_MS)
    summary = panel.locator(".ankle-review-summary").first
    expect(summary).to_contain_text(DUE, timeout=TIMEOUT_MS)
    due_before = _due_now(summary)
    card = panel.locator(".ankle-review-card").first
    first_card = card.inner_text()

    panel.locator(".ankle-review-show").first.click(timeout=TIMEOUT_MS)
    answer = panel.locator(".ankle-review-answer").first
    expect(answer).not_to_be_empty(timeout=TIMEOUT_MS)
    good = panel.locator(".ankle-review-rate-good").first
    expect(good).to_be_visible(timeout=TIMEOUT_MS)
    good.click(timeout=TIMEOUT_MS)

    expect(panel.locator(".ankle-review-message").first).to_contain_text("Saved: good", timeout=TIMEOUT_MS)
    if due_before > 1:
        expect(summary).to_contain_text(f"{due_before - 1} to review now", timeout=TIMEOUT_MS)
        expect(card).not_to_have_text(first_card, timeout=TIMEOUT_MS)
    else:
        expect(summary).to_contain_text("Nothing to review now", timeout=TIMEOUT_MS)
