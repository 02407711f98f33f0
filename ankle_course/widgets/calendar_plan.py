"""Exercise reminders: choose days, a time and a time zone, and download a calendar file (.ics).

A thin view over `ankle_course.calendar_plan`. The file is handed to the browser as a data: link with a
`download` name, so it works the same in JupyterLab, Voilà and JupyterLite, and no server is involved:
open the downloaded file on a phone or computer and its calendar offers to add the plan.
"""

from __future__ import annotations

import base64

import ipywidgets as w

from .. import calendar_plan as cp
from ..clock import Clock, utc_now
from .common import Panel, esc, html_widget, notice


class ReminderPlanner:
    def __init__(self, clock: Clock = utc_now, zone: str | None = None):
        self.clock = clock
        self.data: bytes | None = None
        self.days = []
        for day in cp.DAYS:
            toggle = w.ToggleButton(value=day in ("monday", "wednesday", "friday"), description=day[:3].capitalize(),
                                    tooltip=day.capitalize(), layout=w.Layout(width="4.2em"))
            toggle.add_class(f"ankle-reminder-day-{day}")
            self.days.append(toggle)
        self.time = w.Text(value="18:00", description="Time:", placeholder="18:30 or 6:30 pm",
                           layout=w.Layout(width="14em"))
        self.time.add_class("ankle-reminder-time")
        self.zone = w.Combobox(value=zone or cp.default_zone(), options=cp.time_zones(), description="Time zone:",
                               ensure_option=False, style={"description_width": "initial"},
                               layout=w.Layout(width="22em"))
        self.zone.add_class("ankle-reminder-zone")
        self.button = w.Button(description="Make my calendar file", icon="calendar", layout=w.Layout(width="auto"))
        self.button.add_class("ankle-reminder-make")
        self.button.on_click(lambda _: self.make())
        self.message = html_widget("", "ankle-reminder-message")
        self.widget = Panel([html_widget("<p><strong>Which days?</strong></p>"),
                             w.HBox(self.days, layout=w.Layout(flex_flow="row wrap")),
                             w.HBox([self.time, self.zone], layout=w.Layout(flex_flow="row wrap")),
                             self.button, self.message], name="Exercise reminders")
        self.widget.add_class("ankle-reminders")

    def make(self) -> None:
        chosen = [day for day, toggle in zip(cp.DAYS, self.days) if toggle.value]
        try:
            plan = cp.make_plan(chosen, self.time.value, self.zone.value)
            self.data = cp.plan_ics(plan, self.clock())
        except cp.PlanError as exc:
            self.data = None
            self.message.value = notice(str(exc), "error")
            return
        href = "data:text/calendar;charset=utf-8;base64," + base64.b64encode(self.data).decode("ascii")
        self.message.value = (
            notice(cp.describe(plan), "ok")
            + f'<p><a class="ankle-reminder-download" download="{esc(cp.FILE_NAME)}" href="{href}">Download '
              f"{esc(cp.FILE_NAME)}</a>, then open it: your phone's or computer's calendar offers to add the plan. "
              "Nothing is sent anywhere.</p>")


def exercise_reminders() -> Panel:
    """The reminder planner for the exercises notebook."""
    return ReminderPlanner().widget
