"""Course knowledge as data: load, validate and cross-check the TOML files an instructor edits."""

from typing import Any

from .cache import course
from .knowledge import SHIPPED_FOLDER, Course
from .problems import ContentError, ContentProblem

__all__ = ["COLLECTIONS", "SHIPPED_FOLDER", "ContentError", "ContentProblem", "Course", "check_course", "course",
           "load_course"]

_LOADING = ("COLLECTIONS", "check_course", "load_course")


def __getattr__(name: str) -> Any:
    """The loader needs marshmallow and tomllib; a notebook that reads the content cache needs neither."""
    if name in _LOADING:
        from . import loader

        return getattr(loader, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
