"""Build a fresh virtual environment from requirements.txt alone and measure it: the course's own environment, which
Binder installs too (binder/requirements.txt adds only the notebook pin its base image needs).

Shared by tests/test_binder_ready.py (does the Binder environment work?) and run_benchmarks.py
(how big is it?), so both talk about the very same install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REQUIREMENTS = REPO / "requirements.txt"
INSTALL_TIMEOUT_S = 1500


def venv_bin(venv: Path, tool: str) -> Path:
    """Path of a console script (python, pip, jupyter) inside `venv`."""
    return venv / ("Scripts" if os.name == "nt" else "bin") / tool


def build_fresh_venv(dest: Path, requirements: Path = REQUIREMENTS, python: str = sys.executable) -> Path:
    """`python -m venv dest` then `pip install -r requirements`, run from the repo root (so `-e .` is
    this checkout). One install; pip's cache is used as usual. Raises CalledProcessError with pip's
    output when the install fails."""
    subprocess.run([python, "-m", "venv", str(dest)], check=True)
    subprocess.run(
        [str(venv_bin(dest, "python")), "-m", "pip", "install", "--disable-pip-version-check", "--no-input",
         "--quiet", "-r", str(requirements)],
        cwd=REPO, check=True, timeout=INSTALL_TIMEOUT_S, capture_output=True, text=True,
    )
    return dest


def installed_size_bytes(venv: Path) -> int:
    """Disk space the environment takes, as `du` counts it (hard links once); Python's walk if no du."""
    du = shutil.which("du")
    if du:
        out = subprocess.run([du, "-s", "--block-size=1", str(venv)], check=True, capture_output=True, text=True)
        return int(out.stdout.split()[0])
    return sum(p.lstat().st_blocks * 512 for p in venv.rglob("*") if not p.is_symlink())


def format_mb(n_bytes: int) -> str:
    return f"{n_bytes / 1_000_000:.0f} MB"
