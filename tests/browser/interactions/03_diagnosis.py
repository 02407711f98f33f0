"""Browser interaction for 03_diagnosis.ipynb: in the Ottawa calculator, mark the inner ankle bone
(medial malleolus) tender and see the result change to say an ankle X-ray is indicated."""

from __future__ import annotations

from playwright.sync_api import Page, expect

TIMEOUT_MS = 15_000


def interact(page: Page) -> None:
    calculator = page.locator(".jp-OutputArea .ankle-ottawa").first
    calculator.scroll_into_view_if_needed(timeout=TIMEOUT_MS)
    expect(calculator).to_be_visible(timeout=TIMEOUT_MS)
    result = calculator.locator(".ankle-ottawa-result")
    # before: nothing ticked, four steps possible -> the rules say no X-ray
    expect(result).to_contain_text("Ankle X-ray: not needed", timeout=TIMEOUT_MS)
    box = calculator.get_by_role("checkbox", name="Inner ankle bone: back edge or tip", exact=True)
    box.scroll_into_view_if_needed(timeout=TIMEOUT_MS)
    box.check(timeout=TIMEOUT_MS)
    expect(result).to_contain_text("Ankle X-ray: indicated", timeout=TIMEOUT_MS)
    expect(result).to_contain_text("medial malleolus", timeout=TIMEOUT_MS)
