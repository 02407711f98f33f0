"""The printable home programme from a button, for front ends with no terminal (the course app)."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

from ankle_course.handout_file import FILE_NAME, home_conditions, make_handout
from ankle_course.widgets.handout_maker import HandoutMaker, _at_once

ROOT = Path(__file__).resolve().parents[1]
LEARNER_PAGES = sorted((ROOT / "notebooks").glob("0[0-7]_*.ipynb"))


def _downloaded(maker: HandoutMaker) -> bytes:
    match = re.search(r'download="([^"]+)" href="data:text/html;base64,([^"]+)"', maker.link.value)
    assert match and match.group(1) == FILE_NAME, maker.link.value
    return base64.b64decode(match.group(2))


def test_the_button_offers_the_handout_made_by_the_handout_command_as_a_download():
    made = []

    def fake_build(condition, stage, exercises, out):
        made.append((condition, stage))
        out.write_bytes(b"<!DOCTYPE html><p>plan</p>")
        return out

    maker = HandoutMaker(make=lambda c, s: make_handout(c, s, front="lab", build=fake_build), run=_at_once)
    maker.condition.value, maker.stage.value = "medial_ankle_sprain", "later"
    maker.button.click()
    assert made == [("medial_ankle_sprain", "later")]
    assert _downloaded(maker) == b"<!DOCTYPE html><p>plan</p>"
    assert "ready" in maker.status.value and not maker.button.disabled


def test_the_browser_only_site_builds_the_same_page_without_a_kernel():
    page = make_handout("posterior_tibial_tendinopathy", "early", front="browser").decode()
    assert page.startswith("<!DOCTYPE html>") and "My home exercise programme" in page and "Log sheet" in page
    assert not re.search(r"<script|<link[^>]+href=\"http", page)


def test_progress_is_shown_while_it_is_being_made_and_the_button_waits():
    seen = []

    def slow_make(condition, stage):
        seen.append((maker.status.value, maker.button.disabled))
        return b"x"

    maker = HandoutMaker(make=slow_make, run=_at_once)
    maker.start()
    status, disabled = seen[0]
    assert "Making your handout" in status and disabled


def test_a_failure_is_one_sentence_and_the_button_works_again():
    def broken(condition, stage):
        raise RuntimeError("kernel died")

    maker = HandoutMaker(make=broken, run=_at_once)
    maker.start()
    assert "could not be made (RuntimeError)" in maker.status.value and "Traceback" not in maker.status.value
    assert maker.link.value == "" and not maker.button.disabled


def test_only_conditions_a_home_programme_suits_are_offered():
    offered = {ident for _, ident in home_conditions()}
    assert "posterior_tibial_tendinopathy" in offered
    assert not offered & {"tendon_rupture", "medial_malleolus_fracture", "septic_arthritis", "dvt"}


def test_module_5_offers_the_button_not_only_a_terminal_command():
    cells = ["".join(c["source"]) for c in json.loads((ROOT / "notebooks" / "05_exercises.ipynb").read_text())["cells"]]
    assert any("handout_maker()" in c for c in cells)


def test_run_menu_instructions_say_what_to_do_in_the_course_app_too():
    """Markdown cannot ask where it runs, so each Run-menu instruction says that the app needs none."""
    for path in LEARNER_PAGES:
        for index, cell in enumerate(json.loads(path.read_text())["cells"]):
            text = "".join(cell["source"])
            if cell["cell_type"] == "markdown" and "Restart Kernel and Run All Cells" in text:
                assert "course app" in text, f"{path.name} cell {index}: Run-menu instruction with no word for the app"
