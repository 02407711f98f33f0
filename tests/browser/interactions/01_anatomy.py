"""01_anatomy.ipynb in a real browser: flip a flashcard and see its meaning.

Called by the browser harness with a JupyterLab page on which the notebook has already been run to the
end. It acts as a learner would (click the button labelled Flip inside the flashcards widget) and
asserts what they would see: the card face changes from the term to its meaning, and back again.
The deck's first card is fixed by the widget's default shuffle seed (1): tibialis posterior.
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

TIMEOUT_MS = 15_000
FIRST_TERM = "Tibialis posterior"
FIRST_MEANING = "closest behind the medial malleolus"


def interact(page: Page) -> None:
    cards = page.locator(".jp-OutputArea .ankle-flashcards").first
    expect(cards).to_be_visible(timeout=TIMEOUT_MS)
    cards.scroll_into_view_if_needed()
    face = cards.locator(".ankle-flashcard-face")
    expect(face).to_contain_text("Term", timeout=TIMEOUT_MS)
    expect(face).to_contain_text(FIRST_TERM, timeout=TIMEOUT_MS)

    flip = cards.get_by_role("button", name="Flip", exact=True)
    flip.click()
    expect(face).to_contain_text("Meaning", timeout=TIMEOUT_MS)
    expect(face).to_contain_text(FIRST_MEANING, timeout=TIMEOUT_MS)

    flip.click()
    expect(face).to_contain_text(FIRST_TERM, timeout=TIMEOUT_MS)
    expect(face).not_to_contain_text(FIRST_MEANING, timeout=TIMEOUT_MS)
