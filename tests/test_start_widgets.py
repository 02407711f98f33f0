"""The start page's widgets, driven the way a learner uses them."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime

import pytest

from ankle_course.progress import ProgressStore, empty_progress
from ankle_course.widgets.start import check_setup, course_map, module_status, progress_panel, warning_signs


@pytest.fixture
def store(tmp_path):
    return ProgressStore(tmp_path)


def parts(panel):
    overview, _where, buttons, export_message, import_message = panel.children
    export_button, upload = buttons.children
    return overview, export_button, upload, export_message, import_message


def upload_file(upload, name: str, data: bytes) -> None:
    upload.value = ({"name": name, "type": "application/json", "size": len(data), "content": memoryview(data),
                     "last_modified": datetime.now(UTC)},)


def test_export_button_saves_a_copy_and_offers_a_download(store):
    _, export_button, _, export_message, _ = parts(progress_panel(store))
    export_button.click()
    assert "Saved a copy" in export_message.value
    href = export_message.value.split('href="')[1].split('"')[0]
    assert href.startswith("data:application/json;base64,")
    assert json.loads(base64.b64decode(href.split(",", 1)[1]))["schema_version"] == 1
    assert list((store.folder / "exports").glob("ankle-course-progress-*.json"))


def test_importing_a_good_file_updates_the_overview(store):
    overview, _, upload, _, import_message = parts(progress_panel(store))
    upload_file(upload, "mine.json", json.dumps({**empty_progress(), "flashcards_known": ["deltoid"]}).encode())
    assert "Imported mine.json" in import_message.value
    assert "Flashcards you know: 1" in overview.value
    assert upload.value == ()  # ready for another upload


def test_importing_a_bad_file_says_why_and_keeps_progress(store):
    store.update(lambda p: p["flashcards_known"].append("deltoid"))
    _, _, upload, _, import_message = parts(progress_panel(store))
    upload_file(upload, "<b>evil</b>.json", b"{not json")
    assert "was not imported" in import_message.value and "unchanged" in import_message.value
    assert "<b>evil</b>" not in import_message.value and "&lt;b&gt;evil&lt;/b&gt;" in import_message.value
    assert store.load()["flashcards_known"] == ["deltoid"]


def test_a_corrupt_saved_file_is_announced_once_in_the_overview(store):
    store.folder.mkdir(exist_ok=True)
    store.path.write_text("{truncated")
    overview, *_ = parts(progress_panel(store))
    assert "could not be read" in overview.value and "kept" in overview.value


def test_learner_text_is_escaped_in_every_view(store, tmp_path):
    store.folder.mkdir(exist_ok=True)
    store.path.write_text(json.dumps({**empty_progress(), "learner_name": "<img src=x onerror=alert(1)>"}))
    overview, *_ = parts(progress_panel(store))
    assert "<img" not in overview.value


def test_warning_signs_show_both_urgency_levels_in_words():
    html = warning_signs().data
    assert "Emergency: Call an ambulance" in html and "Urgent: Be seen today" in html


def test_course_map_links_every_notebook():
    html = course_map().data
    assert 'href="00_start_here.ipynb"' in html and 'href="07_final_assessment.ipynb"' in html


def test_module_card_lists_objectives():
    assert "tarsal tunnel" in module_status("anatomy").data


def test_setup_check_reports_ready(capsys):
    check_setup()
    assert capsys.readouterr().out.startswith("✓ The course is ready")
