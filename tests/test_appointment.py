"""The appointment summary: a pure function builds one self-contained printable page from the checker's answers
and the exercise log; everything from the learner is escaped; the advice is the checker's own wording."""

from __future__ import annotations

import base64
import json
import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

from ankle_course.appointment import FILE_NAME, answer_text, download_href, pain_chart_svg, summary_html
from ankle_course.content import course
from ankle_course.progress import ExerciseSession, ProgressStore, ProgressStoreError, empty_progress, parse_progress
from ankle_course.triage import assess
from ankle_course.triage.checker_result import ACTION, NOT_A_DIAGNOSIS, explain

NOW = datetime(2026, 12, 1, 10, tzinfo=UTC)
GRADUAL = {"foot_cold_pale_numb": False, "fever": False, "onset": "gradual", "duration_days": 40,
           "pain_location": ["behind_inner_ankle"], "swelling": True, "heel_raise": "painful", "age": 55}
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def sessions(n: int, **changes) -> list[dict]:
    base = {"exercise": "calf_raise_double", "dosage": "Starting out: 10 reps × 2 sets", "reps_done": 10,
            "sets_done": 2, "completed": True}
    return [{**base, "id": f"s{i}", "started": (NOW - timedelta(days=n - i)).isoformat(timespec="seconds"),
             "pain_during": i % 6, "pain_next_morning": (i % 3) if i % 4 else None, **changes} for i in range(n)]


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)


def tags_of(page: str) -> Tags:
    parser = Tags()
    parser.feed(page)
    return parser


def test_the_summary_has_the_answers_the_advice_with_reasons_the_causes_and_not_a_diagnosis():
    page = summary_html(GRADUAL, progress={**empty_progress(), "exercise_sessions": sessions(5)}, now=NOW)
    x = explain(assess(dict(GRADUAL)), course())
    assert f"{ACTION[x.level]}" in page.replace("&#x27;", "'")
    assert NOT_A_DIAGNOSIS.replace("'", "&#x27;") in page
    assert "Gradually, over days or weeks" in page and "40 days" in page and "Just behind the inner ankle bone" in page
    for likely in x.likely:
        assert likely.name.replace("'", "&#x27;") in page and likely.percent in page
    assert x.reasons and all(r.replace("'", "&#x27;") in page for r in x.reasons)
    assert "5 sessions logged" in page and "<svg" in page
    assert "Made on 01 December 2026" in page


def test_an_emergency_answer_puts_the_emergency_action_first():
    page = summary_html({"foot_cold_pale_numb": True}, now=NOW)
    advice = re.search(r'<p class="advice">(.*?)</p>', page).group(1)
    assert "Emergency" in advice and ACTION["emergency"] in advice


def test_the_page_is_self_contained_with_no_script_no_link_out_and_nothing_to_fetch():
    page = summary_html(GRADUAL, progress={**empty_progress(), "exercise_sessions": sessions(40)}, now=NOW)
    parsed = tags_of(page)
    assert not {"script", "link", "img", "iframe", "object"} & set(parsed.tags)
    assert not [a for a in parsed.attrs if a[0] in ("src", "href") or a[0].startswith("on")]
    assert re.findall(r"https?://[^\s\"']+", page) == ["http://www.w3.org/2000/svg"]  # the SVG namespace only


def test_hostile_text_from_a_progress_file_or_an_answer_is_shown_as_text():
    upload = json.dumps({**empty_progress(), "learner_name": HOSTILE[:80],
                         "exercise_sessions": sessions(3, dosage=HOSTILE[:80])}).encode()
    progress = parse_progress(upload)  # the store accepts it: it is only text
    page = summary_html(GRADUAL, progress=progress, now=NOW)
    parsed = tags_of(page)
    assert "script" not in parsed.tags and "img" not in parsed.tags
    assert "&lt;script&gt;" in page


def test_an_exercise_no_longer_in_the_content_is_named_from_its_id():
    page = summary_html({}, progress={**empty_progress(), "exercise_sessions": sessions(2, exercise="old_heel_drop")},
                        now=NOW)
    assert "old heel drop" in page and "No answers were given to the symptom checker" in page


def test_with_no_answers_and_no_sessions_the_page_says_so():
    page = summary_html({}, now=NOW)
    assert "No answers were given" in page and "No exercise sessions are logged yet" in page


def test_every_answer_type_reads_in_the_questions_own_words():
    qs = course().symptom_questions
    assert answer_text(qs["swelling"], False) == "No"
    assert answer_text(qs["weight_bearing"], "limping") == "With a limp"
    assert answer_text(qs["pain_location"], []) == "None of these"
    assert answer_text(qs["duration_days"], 1) == "1 day"
    assert answer_text(qs["age"], 70) == "70"


def test_the_pain_chart_is_valid_svg_with_a_point_per_rating_and_a_text_description():
    log = sessions(8)
    svg = ET.fromstring(pain_chart_svg(log))
    ns = "{http://www.w3.org/2000/svg}"
    during = len(svg.findall(f"{ns}circle"))
    morning = len(svg.findall(f"{ns}rect"))
    assert during == 8 and morning == sum(1 for s in log if s["pain_next_morning"] is not None)
    assert "8 sessions" in svg.find(f"{ns}desc").text
    assert pain_chart_svg([]) == ""


def test_a_single_session_still_draws_a_point():
    svg = ET.fromstring(pain_chart_svg(sessions(1)))
    assert len(svg.findall("{http://www.w3.org/2000/svg}circle")) == 1


def test_the_download_link_holds_the_page_byte_for_byte():
    page = summary_html(GRADUAL, now=NOW)
    href = download_href(page)
    assert href.startswith("data:text/html;charset=utf-8;base64,")
    assert base64.b64decode(href.split(",", 1)[1]).decode("utf-8") == page


# ---------------------------------------------------------------------------------------------- the widget
def test_the_checker_app_makes_a_download_of_the_answers_given_so_far(tmp_path: Path):
    from ankle_course.widgets.checker_interview import SymptomCheckerApp

    store = ProgressStore(tmp_path / "progress", clock=lambda: NOW)
    store.add_exercise_session(ExerciseSession("s1", "calf_raise_double", "10 × 2", NOW, 10, 2, True, pain_during=3))
    app = SymptomCheckerApp()
    app.guided.findings.update(GRADUAL)
    app.summary._store = store
    app.summary.make()
    link = re.search(r'<a class="ankle-appointment-download" download="([^"]+)" href="data:[^,]+,([^"]+)"',
                     app.summary.message.value)
    assert link.group(1) == FILE_NAME
    page = base64.b64decode(link.group(2)).decode("utf-8")
    assert page == app.summary.page and "40 days" in page and "1 session logged" in page


def test_the_full_form_view_summarises_the_forms_answers():
    from ankle_course.widgets.checker_interview import SymptomCheckerApp

    app = SymptomCheckerApp(view="form")
    app.form.set_answers({"onset": "gradual"})
    assert app.current_findings().get("onset") == "gradual"


def test_an_unreadable_progress_store_still_gives_a_summary_of_the_answers(monkeypatch):
    from ankle_course.widgets.appointment import AppointmentSummary

    class Broken:
        def load(self):
            raise ProgressStoreError("Your progress could not be read because the disk is full; nothing was changed.")

    summary = AppointmentSummary(lambda: GRADUAL, lambda: "learner", store=Broken(), clock=lambda: NOW)
    summary.make()
    assert "leaves out your exercise log" in summary.message.value and "40 days" in summary.page


def test_a_corrupt_progress_file_set_aside_while_making_the_summary_is_told_to_the_learner(tmp_path):
    from ankle_course.widgets.appointment import AppointmentSummary

    (tmp_path / "progress.json").write_text("{not json", encoding="utf-8")
    store = ProgressStore(tmp_path, clock=lambda: NOW)
    summary = AppointmentSummary(lambda: GRADUAL, lambda: "learner", store=store, clock=lambda: NOW)
    summary.make()
    assert "ankle-notice-warning" in summary.message.value and store.notice is None
    assert "40 days" in summary.page and list(tmp_path.glob("progress.unreadable-*.json"))


def test_the_pain_chart_draws_the_limit_of_the_content_it_was_given(content_copy):
    from ankle_course.content import load_course

    path = content_copy / "programme.toml"
    shipped = course().programme["home_programme"].pain_during_max
    path.write_text(path.read_text().replace(f"pain_during_max = {shipped}", "pain_during_max = 3", 1))
    edited = load_course(content_copy)
    assert edited.programme["home_programme"].pain_during_max == 3 != shipped
    assert "during: up to 3<" in pain_chart_svg(sessions(2), content=edited)
    assert f"during: up to {shipped}<" in pain_chart_svg(sessions(2))
    assert "during: up to 3<" in summary_html(GRADUAL, "learner", {"exercise_sessions": sessions(2)}, edited, NOW)
