"""Exercise reminders without a server: an iCalendar (.ics) file of the learner's weekly exercise plan.

The learner picks days of the week, a time and their time zone; the file holds one weekly repeating event
(RRULE FREQ=WEEKLY;BYDAY=...) with the zone's VTIMEZONE and a reminder alarm, which phone and desktop
calendars import. Made with `icalendar` (pure Python; time zones from `zoneinfo`, with `tzdata` for
Pyodide). Pure logic: the clock is passed in, and bad input is a `PlanError` whose message is one sentence.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DEFAULT_MINUTES = 20
REMIND_BEFORE_MINUTES = 10
FILE_NAME = "ankle-exercise-plan.ics"
SUMMARY = "Ankle exercises (Inside Ankle Pain course)"
DESCRIPTION = ("Time for your home ankle exercises. Open the course's exercises page to time them and log "
               "how the pain was. Stop and get medical care if a warning sign appears.")
_TIME = re.compile(r"(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm)?", re.I)
_NAMESPACE = uuid.UUID("6f1c3c2e-8f2a-4d55-9d0a-2b5f3d1e7a41")


class PlanError(ValueError):
    """The plan cannot be made as asked; str() is one sentence saying what to change."""


@dataclass(frozen=True)
class ExercisePlan:
    days: tuple[str, ...]  # in week order, no repeats
    at: time
    zone: str  # an IANA time zone name, e.g. "Europe/London"
    minutes: int = DEFAULT_MINUTES


@lru_cache(maxsize=1)
def time_zones() -> tuple[str, ...]:
    """Every IANA zone this Python knows (from tzdata in the browser), sorted, for the widget's list."""
    return tuple(sorted(z for z in available_timezones() if "/" in z or z == "UTC"))


def parse_time(text: str) -> time:
    """"18:30", "6:30 pm", "7pm", "07.15" -> a time; PlanError otherwise."""
    raw = str(text or "").strip()
    match = _TIME.fullmatch(raw)
    if not match:
        raise PlanError(f"“{raw[:20]}” is not a time: type it like 18:30 or 6:30 pm.")
    hour, minute, half = int(match.group(1)), int(match.group(2) or 0), (match.group(3) or "").lower()
    if half:
        if not 1 <= hour <= 12:
            raise PlanError(f"“{raw[:20]}” is not a time: with am or pm the hour is 1 to 12.")
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        raise PlanError(f"“{raw[:20]}” is not a time: the hour is 0 to 23 and the minutes 0 to 59.")
    return time(hour, minute)


def make_plan(days: Iterable[str], at: str | time, zone: str, minutes: int = DEFAULT_MINUTES) -> ExercisePlan:
    """Check the learner's choices and return the plan, or PlanError (one sentence) for the first problem."""
    chosen = [str(d).strip().lower() for d in days]
    unknown = [d for d in chosen if d not in DAYS]
    if unknown:
        raise PlanError(f"“{unknown[0][:20]}” is not a day of the week; choose from Monday to Sunday.")
    if not chosen:
        raise PlanError("Choose at least one day of the week for your exercises.")
    moment = at if isinstance(at, time) else parse_time(at)
    zone = str(zone or "").strip()
    if zone not in time_zones():
        raise PlanError(f"“{zone[:40]}” is not a time zone this computer knows; choose one from the list, "
                        "like Europe/London or America/New_York.")
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 5 <= minutes <= 180:
        raise PlanError("A session lasts 5 to 180 minutes.")
    return ExercisePlan(tuple(d for d in DAYS if d in chosen), moment, zone, minutes)


def first_start(plan: ExercisePlan, now: datetime) -> datetime:
    """The first planned session after `now`, in the plan's zone (a calendar shows the rest from the rule)."""
    zone = ZoneInfo(plan.zone)
    local_now = now.astimezone(zone)
    wanted = {DAYS.index(d) for d in plan.days}
    for offset in range(8):
        day = local_now.date() + timedelta(days=offset)
        start = datetime.combine(day, plan.at, tzinfo=zone)
        if day.weekday() in wanted and start > local_now:
            return start
    raise AssertionError("a weekly plan always has a session within eight days")  # pragma: no cover


def plan_ics(plan: ExercisePlan, now: datetime) -> bytes:
    """The .ics file: one weekly repeating event in the learner's zone, with its VTIMEZONE and an alarm."""
    from icalendar import Alarm, Calendar, Event, vRecur

    if now.tzinfo is None:
        raise PlanError("The clock must know its time zone.")
    start = first_start(plan, now)
    uid = uuid.uuid5(_NAMESPACE, f"{','.join(plan.days)}|{plan.at.isoformat()}|{plan.zone}|{now.isoformat()}")
    event = Event.new(summary=SUMMARY, description=DESCRIPTION, start=start,
                      end=start + timedelta(minutes=plan.minutes), stamp=now.astimezone(UTC), uid=str(uid))
    event.add("rrule", vRecur(freq="WEEKLY", byday=[DAY_CODES[DAYS.index(d)] for d in plan.days]))
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", "Ankle exercises in 10 minutes")
    alarm.add("trigger", timedelta(minutes=-REMIND_BEFORE_MINUTES))
    event.add_component(alarm)
    cal = Calendar.new(prodid="-//Inside Ankle Pain course//Exercise plan//EN", name="Ankle exercises",
                       subcomponents=[event], uid=str(uuid.uuid5(uid, "calendar")))
    # the zone's rules from a year before the first session (calendars use their own for later years too)
    cal.add_missing_timezones(first_date=start.date() - timedelta(days=366))
    return cal.to_ical()


def describe(plan: ExercisePlan) -> str:
    """The plan in words, for the learner to check before importing it."""
    names = [d.capitalize() for d in plan.days]
    days = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"Every {days} at {plan.at:%H:%M} ({plan.zone}), {plan.minutes} minutes, with a reminder " \
           f"{REMIND_BEFORE_MINUTES} minutes before."


def default_zone() -> str:
    """This computer's zone if it can be named (in the browser Python's clock is UTC), else UTC."""
    try:
        name = getattr(datetime.now().astimezone().tzinfo, "key", None)
    except (OSError, ValueError):  # pragma: no cover
        name = None
    return name if name in time_zones() else "UTC"

