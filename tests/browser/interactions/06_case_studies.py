"""06_case_studies.ipynb in a real browser: choose a case, commit a differential and a triage, and the
expert's reasoning appears (the reveal is empty until the student commits). The growing-foot cases (17–19)
open too, and the Köhler case plays to its reveal with the new condition in the differential."""

from __future__ import annotations

from playwright.sync_api import Page, expect

TIMEOUT_MS = 15_000


def interact(page: Page) -> None:
    player = page.locator(".jp-OutputArea .ankle-case").first
    expect(player).to_be_visible(timeout=TIMEOUT_MS)
    player.locator(".ankle-case-picker select").select_option(label="Case 5 · A missed step on the stairs",
                                                              timeout=TIMEOUT_MS)
    expect(player.locator(".ankle-case-stage")).to_contain_text("Stage 1 of 6", timeout=TIMEOUT_MS)
    reveal = player.locator(".ankle-case-reveal")
    expect(reveal).not_to_contain_text("The expert's reasoning", timeout=TIMEOUT_MS)

    picks = ("acute fracture of the medial malleolus (or another medial ankle bone)",
             "deltoid (medial) ligament sprain",
             "rupture of a medial or anteromedial tendon (tibialis posterior or anterior)")
    for rank, label in enumerate(picks, start=1):
        player.locator(f".ankle-case-diff-{rank} select").select_option(label=label, timeout=TIMEOUT_MS)
    player.locator(".ankle-case-triage").get_by_label(
        "⚠ Urgent: be seen today (urgent care, an emergency department or a same-day doctor's appointment)", exact=True
    ).check(timeout=TIMEOUT_MS)
    player.get_by_role("button", name="Commit", exact=True).click(timeout=TIMEOUT_MS)

    expect(reveal).to_contain_text("The expert's reasoning", timeout=TIMEOUT_MS)
    expect(reveal).to_contain_text("Same triage as the expert", timeout=TIMEOUT_MS)
    expect(player.get_by_role("button", name="Next stage", exact=True)).to_be_enabled(timeout=TIMEOUT_MS)

    for number, title in ((17, "A young footballer with a sore bump on the instep"),
                          (19, "A teenager whose ankle keeps spraining"),
                          (18, "A five-year-old who has started to limp")):
        player.locator(".ankle-case-picker select").select_option(label=f"Case {number} · {title}",
                                                                  timeout=TIMEOUT_MS)
        expect(player.locator(".ankle-case-stage")).to_contain_text("Stage 1 of 6", timeout=TIMEOUT_MS)
        expect(reveal).not_to_contain_text("The expert's reasoning", timeout=TIMEOUT_MS)
    picks = ("Köhler disease (osteochondrosis of the navicular in a young child)",
             "stress fracture of the medial malleolus or navicular",
             "painful accessory navicular (os tibiale externum)")
    for rank, label in enumerate(picks, start=1):
        select = player.locator(f".ankle-case-diff-{rank} select")
        option = select.locator("option", has_text=label).first
        select.select_option(label=option.inner_text(timeout=TIMEOUT_MS).strip(), timeout=TIMEOUT_MS)
    player.locator(".ankle-case-triage").get_by_label("ℹ Routine:", exact=False).check(timeout=TIMEOUT_MS)
    player.get_by_role("button", name="Commit", exact=True).click(timeout=TIMEOUT_MS)
    expect(reveal).to_contain_text("The expert's reasoning", timeout=TIMEOUT_MS)
