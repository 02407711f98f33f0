"""Where things are for the browser tests, and whether this machine can run them.

Under CI (env CI=true) every requirement is a hard one: CI must never go green by skipping the browser.
On a developer's machine a missing Chromium or axe-core skips, with a message saying what to install.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# Debian's chromium; ANKLE_CHROMIUM points elsewhere (another distro's build, or a bogus path to try the skip).
CHROMIUM = Path(os.environ.get("ANKLE_CHROMIUM", "/usr/bin/chromium"))
# Needed as root in a container, and to keep Chromium off the network and off the GPU.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
]
ARTIFACTS = REPO / "test-artifacts" / "browser"
# For developing the harness against throwaway notebooks; the suite targets notebooks/ otherwise.
NOTEBOOKS_DIR = Path(os.environ.get("ANKLE_NOTEBOOKS_DIR", REPO / "notebooks"))
NOTEBOOK_GLOBS = ("*.ipynb", "instructor/*.ipynb")
# Per notebook: opening it, and then running all of its cells, each get this long.
TIMEOUT_S = float(os.environ.get("ANKLE_BROWSER_TIMEOUT", "300"))
VIEWPORT = {"width": 1280, "height": 900}


def in_ci() -> bool:
    """True on CI, where a skipped browser test would hide a broken course."""
    return os.environ.get("CI", "").strip().lower() in ("true", "1")


def discover_notebooks(folder: Path = NOTEBOOKS_DIR) -> list[str]:
    """Every course notebook, as a path relative to `folder` ("00_start_here.ipynb", "instructor/x.ipynb")."""
    found = {p.relative_to(folder).as_posix() for pattern in NOTEBOOK_GLOBS for p in folder.glob(pattern)}
    return sorted(n for n in found if ".ipynb_checkpoints" not in n)


def missing_browser_reason() -> str:
    """Why the browser tests cannot run here, or "" when they can."""
    if not CHROMIUM.exists():
        return f"Chromium not found at {CHROMIUM}: install Debian's chromium to run browser tests"
    if importlib.util.find_spec("playwright") is None:
        return "the playwright Python package is missing: pip install -r requirements-test.txt"
    return ""


def missing_axe_reason() -> str:
    """Why the accessibility audit cannot run here, or "" when it can."""
    if not (REPO / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js").exists():
        return "axe-core is not installed: run `npm ci --prefix tests/browser` to run the accessibility audit"
    return ""
