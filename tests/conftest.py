"""Fixtures shared by the unit tests. (The repository root's conftest.py sets up nbval and the throwaway
progress and cache folders for every test; this one only holds what several test files ask for.)"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from fake_clock import FakeClock

from ankle_course.content import SHIPPED_FOLDER
from ankle_course.progress import ProgressStore


def _copy_shipped_content(parent: Path) -> Path:
    folder = parent / "content"
    shutil.copytree(SHIPPED_FOLDER, folder)
    return folder


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A copy of the shipped content folder to edit: how a test shows what the content check says about a
    mistake an instructor could make, without touching the real files."""
    return _copy_shipped_content(tmp_path)


@pytest.fixture(scope="session")
def content_copies(tmp_path_factory: pytest.TempPathFactory) -> Callable[[], Path]:
    """Makes a fresh copy of the shipped content folder at each call, for a fixture wider than one test."""
    return lambda: _copy_shipped_content(tmp_path_factory.mktemp("content"))


@pytest.fixture
def store(tmp_path: Path) -> ProgressStore:
    """A progress store that already holds progress which must survive whatever the test does to it.
    (Test files that want a different store define their own `store`, which takes precedence.)"""
    store = ProgressStore(tmp_path / "progress", clock=FakeClock())
    store.set_flashcard_known("anatomy_deltoid_ligament", True)
    return store
