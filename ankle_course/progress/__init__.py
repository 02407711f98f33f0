"""A learner's progress: a validated JSON file with atomic writes, export and import."""

from .record import SCHEMA_VERSION, ProgressFileError, empty_progress, merge_progress, parse_progress
from .store import HOME_ENV, Export, ProgressStore, default_folder
from .summary import ModuleProgress, ProgressSummary, summarise

__all__ = ["HOME_ENV", "SCHEMA_VERSION", "Export", "ModuleProgress", "ProgressFileError", "ProgressStore",
           "ProgressSummary", "default_folder", "empty_progress", "merge_progress", "parse_progress", "summarise"]
