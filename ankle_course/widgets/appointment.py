"""The appointment-summary button under the symptom checker: a thin view over `ankle_course.appointment`.

The page is built in the kernel and handed to the browser as a data: link with a `download` name, so the
learner's browser saves the file itself: the same in JupyterLab, Voilà and JupyterLite, and nothing is sent
anywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import ipywidgets as w

from .. import appointment
from ..clock import Clock, utc_now
from ..content import Course, course
from ..progress import ProgressError, ProgressStore
from .common import esc, html_widget, notice, set_aside_notice


class AppointmentSummary(w.VBox):
    """A button that makes the summary from the checker's answers now, and the link that downloads it."""

    def __init__(self, findings: Callable[[], Mapping[str, Any]], track: Callable[[], str],
                 store: ProgressStore | None = None, content: Course | None = None,
                 clock: Clock = utc_now):
        self.findings, self.track, self.clock = findings, track, clock
        self._store, self.content = store, content or course()
        self.page: str | None = None
        self.button = w.Button(description="Make a summary for my appointment", icon="file-text",
                               tooltip="A one-page summary of your answers and exercise log, to print or show "
                                       "a clinician", layout=w.Layout(width="auto"))
        self.button.add_class("ankle-appointment-make")
        self.button.on_click(lambda _: self.make())
        self.message = html_widget("", "ankle-appointment-message")
        super().__init__([self.button, self.message])
        self.add_class("ankle-appointment")

    @property
    def store(self) -> ProgressStore:
        if self._store is None:
            self._store = ProgressStore(clock=self.clock)
        return self._store

    def make(self) -> None:
        problem = ""
        try:
            progress: Mapping[str, Any] = self.store.load()
        except ProgressError as exc:  # the summary is still made, without the exercise log
            progress, problem = {}, notice(f"{exc} The summary below leaves out your exercise log.", "warning")
        else:  # a corrupt file was set aside: say so, or the name and log would vanish from the summary unexplained
            problem = set_aside_notice(self.store)
        self.page = appointment.summary_html(self.findings(), self.track(), progress, self.content, self.clock())
        name = appointment.FILE_NAME
        self.message.value = (
            problem + f'<p><a class="ankle-appointment-download" download="{esc(name)}" '
            f'href="{appointment.download_href(self.page)}">Download {esc(name)}</a>: open it in your browser and '
            "print it, or show it on your phone. It is made on your own computer; nothing is sent anywhere.</p>")
