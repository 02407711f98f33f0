"""The linter and the type checker pass, so CI enforces them: both are configured in pyproject.toml and
pinned in requirements-test.txt, and each test fails with the tool's own findings.

Run from the repository root with this interpreter, so the pinned versions and the project's settings are
the ones used (mypy keeps its cache in .mypy_cache, which makes a second run take a couple of seconds)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def passes(*command: str) -> None:
    """Run `python -m <command>` at the root; fail with just the tool's output (no traceback) if it finds anything."""
    done = subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        pytest.fail(f"`{' '.join(command)}` exited {done.returncode}:\n{done.stdout}{done.stderr}", pytrace=False)


def test_ruff_finds_nothing_in_the_repository():
    passes("ruff", "check", "--no-fix", "--output-format", "concise", ".")


def test_mypy_finds_no_type_errors_in_the_package():
    passes("mypy")  # what it checks (the ankle_course package) and how strictly: [tool.mypy] in pyproject.toml
