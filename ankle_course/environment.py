"""Where the course is running, so messages about saving progress tell the learner the truth."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import Literal

Place = Literal["browser", "binder", "hub", "local"]


def where(environ: Mapping[str, str] | None = None, platform: str | None = None) -> Place:
    """browser: JupyterLite (Pyodide); binder: a temporary Binder session; hub: a JupyterHub; local: anything else.

    Binder runs on JupyterHub too, so its own variables are checked first.
    """
    environ = os.environ if environ is None else environ
    if (platform or sys.platform) == "emscripten":
        return "browser"
    if any(key.startswith("BINDER_") for key in environ):
        return "binder"
    if "JUPYTERHUB_USER" in environ:
        return "hub"
    return "local"


def storage_message(place: Place, location: str) -> str:
    """One plain sentence or two on where progress lives and whether it will last."""
    return {
        "browser": ("Your progress is saved in this browser's storage for this site (folder ankle-course-progress). "
                    "Clearing the browser's site data deletes it, and another browser or computer will not see it: "
                    "export your progress to keep a copy."),
        "binder": (f"Your progress is saved in {location}. This Binder session is temporary: everything is deleted "
                   "when it ends (after about 10 minutes without activity). Export your progress to keep it, and "
                   "import it next time."),
        "hub": (f"Your progress is saved in {location}, in your own folder on this JupyterHub, and stays there "
                "between sessions. Export it if you want a copy on your computer."),
        "local": (f"Your progress is saved in {location} on this computer. Export it to move it to another "
                  "computer or to hand it in."),
    }[place]


FrontEnd = Literal["app", "browser", "lab"]
# Voilà starts each page's kernel with these set (voila/handler.py and voila_kernel_manager.py, 0.5.x);
# VOILA_KERNEL_ID is set by code Voilà runs in the kernel before the notebook's first cell
VOILA_VARIABLES = ("VOILA_SERVER_URL", "VOILA_BASE_URL", "VOILA_KERNEL_ID")


def front_end(environ: Mapping[str, str] | None = None, platform: str | None = None) -> FrontEnd:
    """app: the course as an app (Voilà: no code, no menus); browser: the browser-only site (Pyodide);
    lab: JupyterLab or anything else with a server-side kernel (nbval, nbconvert, papermill)."""
    environ = os.environ if environ is None else environ
    if (platform or sys.platform) == "emscripten":
        return "browser"
    if any(environ.get(name) for name in VOILA_VARIABLES):
        return "app"
    return "lab"


def restart_advice(front: FrontEnd) -> str:
    """How to start a page again, in the words that are true where it runs."""
    if front == "app":
        return "To start this page again, reload it in your browser."
    return "To start this page again, choose Run → Restart Kernel and Run All Cells…"
