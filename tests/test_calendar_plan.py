"""The exercise plan as an .ics file: a weekly repeating event in the learner's zone that parses back with
icalendar, and every bad day, time or zone is one sentence."""

from __future__ import annotations

import base64
import re
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from dateutil.rrule import rrulestr

from ankle_course import calendar_plan as cp

NOW = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)  # a Wednesday


def parsed(plan: cp.ExercisePlan, now: datetime = NOW) -> tuple[icalendar.Calendar, icalendar.Event]:
    cal = icalendar.Calendar.from_ical(cp.plan_ics(plan, now))
    (event,) = cal.walk("VEVENT")
    return cal, event


def test_the_file_parses_back_as_one_weekly_event_on_the_chosen_days_at_the_chosen_local_time():
    plan = cp.make_plan(["thursday", "monday"], "6:30 pm", "Europe/London")
    cal, event = parsed(plan)
    start = event.decoded("dtstart")
    assert start == datetime(2026, 12, 3, 18, 30, tzinfo=ZoneInfo("Europe/London"))  # the first Thursday after now
    assert event.decoded("dtend") - start == timedelta(minutes=cp.DEFAULT_MINUTES)
    rule = event["rrule"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["MO", "TH"]
    assert [str(t["tzid"]) for t in cal.walk("VTIMEZONE")] == ["Europe/London"]
    (alarm,) = event.walk("VALARM")
    assert alarm.decoded("trigger") == timedelta(minutes=-cp.REMIND_BEFORE_MINUTES)
    assert str(event["summary"]) == cp.SUMMARY and event["uid"]


def test_the_repeats_keep_the_local_time_across_a_clock_change():
    plan = cp.make_plan(["sunday"], "08:00", "Europe/Berlin")
    _, event = parsed(plan, datetime(2027, 3, 1, tzinfo=UTC))
    start = event.decoded("dtstart")
    rule = rrulestr(event["rrule"].to_ical().decode(), dtstart=start)
    sessions = list(rule[:6])
    assert all(s.astimezone(ZoneInfo("Europe/Berlin")).time() == time(8, 0) for s in sessions)
    offsets = {s.utcoffset() for s in sessions}
    assert offsets == {timedelta(hours=1), timedelta(hours=2)}  # Berlin changes its clocks on 28 March 2027


def test_a_session_later_today_is_the_first_one_and_one_already_past_is_next_week():
    later = cp.make_plan(["wednesday"], "18:00", "UTC")
    past = cp.make_plan(["wednesday"], "08:00", "UTC")
    assert cp.first_start(later, NOW).date() == NOW.date()
    assert cp.first_start(past, NOW).date() == NOW.date() + timedelta(days=7)


def test_the_same_plan_made_twice_is_the_same_file():
    plan = cp.make_plan(["monday"], "7am", "America/New_York")
    assert cp.plan_ics(plan, NOW) == cp.plan_ics(plan, NOW)


@pytest.mark.parametrize("text, expected", [("18:30", time(18, 30)), ("6:30 pm", time(18, 30)), ("7pm", time(19)),
                                            ("12 am", time(0)), ("12pm", time(12)), ("07.15", time(7, 15)),
                                            ("9", time(9)), (" 21:05 ", time(21, 5))])
def test_times_are_read_as_people_type_them(text, expected):
    assert cp.parse_time(text) == expected


@pytest.mark.parametrize("days, at, zone, says", [
    ([], "18:00", "UTC", "Choose at least one day"),
    (["funday"], "18:00", "UTC", "is not a day of the week"),
    (["monday"], "25:00", "UTC", "the hour is 0 to 23"),
    (["monday"], "13 pm", "UTC", "with am or pm the hour is 1 to 12"),
    (["monday"], "half past six", "UTC", "is not a time"),
    (["monday"], "", "UTC", "is not a time"),
    (["monday"], "18:00", "Mars/Olympus_Mons", "is not a time zone"),
    (["monday"], "18:00", "../../etc/passwd", "is not a time zone"),
    (["monday"], "18:00\x00", "UTC", "is not a time"),
])
def test_bad_input_is_one_sentence(days, at, zone, says):
    with pytest.raises(cp.PlanError) as refused:
        cp.make_plan(days, at, zone)
    message = str(refused.value)
    assert says in message and message.endswith(".") and message.count(". ") == 0 and "\n" not in message


def test_the_plan_in_words():
    plan = cp.make_plan(["friday", "monday", "wednesday"], "18:00", "Europe/Paris")
    assert cp.describe(plan) == ("Every Monday, Wednesday and Friday at 18:00 (Europe/Paris), 20 minutes, with a "
                                 "reminder 10 minutes before.")


# ---------------------------------------------------------------------------------------------- the widget
def test_the_widget_makes_a_download_link_holding_the_file():
    from ankle_course.widgets.calendar_plan import ReminderPlanner

    planner = ReminderPlanner(clock=lambda: NOW, zone="Europe/London")
    planner.make()
    link = re.search(r'download="([^"]+)" href="data:text/calendar;charset=utf-8;base64,([^"]+)"',
                     planner.message.value)
    assert link.group(1) == cp.FILE_NAME
    assert base64.b64decode(link.group(2)) == planner.data
    assert icalendar.Calendar.from_ical(planner.data).walk("VEVENT")[0]["rrule"]["BYDAY"] == ["MO", "WE", "FR"]


def test_the_widget_answers_bad_input_with_a_message_and_no_file():
    from ankle_course.widgets.calendar_plan import ReminderPlanner

    planner = ReminderPlanner(clock=lambda: NOW, zone="Europe/London")
    planner.time.value = "<script>x</script>"
    planner.make()
    assert planner.data is None and "is not a time" in planner.message.value
    assert "<script>" not in planner.message.value
    for toggle in planner.days:
        toggle.value = False
    planner.time.value = "18:00"
    planner.make()
    assert "Choose at least one day" in planner.message.value
