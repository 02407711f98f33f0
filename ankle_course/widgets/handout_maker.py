"""A button that makes the printable home programme and offers it for download: the course app has no
terminal, so `python -m ankle_course.handout` is out of reach there.

Making it runs the handout notebook in a second kernel (10–20 s), so the work runs on a thread where
threads exist, and the status line counts the seconds meanwhile; the browser-only site builds the page
directly, in well under a second, with no thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import ipywidgets as w

from ..clock import Stopwatch
from ..environment import front_end
from ..handout import STAGES
from ..handout_file import FILE_NAME, data_url, home_conditions, make_handout
from .common import Panel, esc, html_widget, notice

Runner = Callable[[Callable[[], None]], None]


def _in_thread(job: Callable[[], None]) -> None:
    threading.Thread(target=job, daemon=True).start()


def _at_once(job: Callable[[], None]) -> None:
    job()


class HandoutMaker:
    """Condition and stage in, a link to download the printable page out."""

    def __init__(self, make: Callable[[str, str], bytes] | None = None, run: Runner | None = None,
                 clock: Stopwatch = time.monotonic, tick_s: float = 1.0):
        self.make = make or (lambda condition, stage: make_handout(condition, stage))
        self.run = run or (_at_once if front_end() == "browser" else _in_thread)
        self.clock, self.tick_s = clock, tick_s
        self.condition = w.Dropdown(options=home_conditions(), value="posterior_tibial_tendinopathy",
                                    description="For:", style={"description_width": "initial"},
                                    layout=w.Layout(width="auto", max_width="100%"))
        self.condition.add_class("ankle-handout-condition")
        self.stage = w.RadioButtons(options=[(label, key) for key, (label, _) in STAGES.items()], value="early",
                                    description="Stage:")
        self.stage.add_class("ankle-handout-stage")
        self.button = w.Button(description="Make my printable programme", icon="",
                               layout=w.Layout(width="auto"))
        self.button.add_class("ankle-handout-make")
        self.status = html_widget("", "ankle-handout-status")
        self.link = html_widget("", "ankle-handout-link")
        self.button.on_click(lambda _: self.start())
        intro = html_widget("<p>Your plan, the exercises with pictures and doses, the warning signs and a log "
                            "sheet, as one page to save and print. For a fracture, a torn tendon or a condition "
                            "that must not be missed, a clinician plans the exercises first, so those are not "
                            "offered here.</p>")
        self.widget = Panel([intro, self.condition, self.stage, self.button, self.status, self.link],
                            name="Printable home programme")
        self.widget.add_class("ankle-handout-maker")

    def start(self) -> None:
        condition, stage = self.condition.value, self.stage.value
        self.button.disabled = True
        self.link.value = ""
        self.status.value = notice("Making your handout… this can take 10 to 20 seconds.", "info")
        started = self.clock()
        done = threading.Event()

        def tick() -> None:
            while not done.wait(self.tick_s):
                self.status.value = notice(f"Making your handout… {self.clock() - started:.0f} s so far.", "info")

        def job() -> None:
            try:
                data = self.make(condition, stage)
            except ValueError as exc:
                self.status.value = notice(f"The handout could not be made: {str(exc).rstrip('.')}.", "error")
            except Exception as exc:  # noqa: BLE001 - a kernel that failed to start must not leave a traceback
                self.status.value = notice(f"The handout could not be made ({type(exc).__name__}). Try again, "
                                           "or ask your instructor to make it for you.", "error")
            else:
                self.finish(data)
            finally:
                done.set()
                self.button.disabled = False

        if self.run is not _at_once:
            self.run(tick)
        self.run(job)

    def finish(self, data: bytes) -> None:
        kb = max(1, round(len(data) / 1024))
        self.status.value = notice("Your handout is ready. Download it, open it in your browser and print it.", "ok")
        self.link.value = (f'<p><a class="ankle-handout-download" download="{esc(FILE_NAME)}" '
                           f'href="{data_url(data)}" style="display:inline-block;padding:10px 14px;'
                           f'border:2px solid currentColor;border-radius:6px;min-height:24px">'
                           f"⬇ Download {esc(FILE_NAME)} ({kb} KB)</a></p>")


def handout_maker() -> w.VBox:
    return HandoutMaker().widget
