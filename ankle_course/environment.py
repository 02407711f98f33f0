"""Where the course is running, so messages about saving progress tell the learner the truth."""

from __future__ import annotations

import os
import sys
from typing import Literal, Mapping

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
