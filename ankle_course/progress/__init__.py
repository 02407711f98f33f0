"""A learner's progress: a validated JSON file with locked, checked, atomic writes, export and import."""

from .entries import REVIEW_RATINGS, CaseProgress, ExerciseSession, QuizAnswer, Review
from .record import (
                     SCHEMA_VERSION,
                     ProgressError,
                     ProgressFileError,
                     ProgressStoreError,
                     empty_progress,
                     merge_progress,
                     parse_progress,
)
from .store import HOME_ENV, Export, ProgressStore, default_folder
from .summary import ModuleProgress, ProgressSummary, summarise

__all__ = ["HOME_ENV", "SCHEMA_VERSION", "CaseProgress", "ExerciseSession", "Export", "ModuleProgress",
           "ProgressError", "ProgressFileError", "ProgressStore", "ProgressStoreError", "ProgressSummary",
           "QuizAnswer", "REVIEW_RATINGS", "Review", "default_folder", "empty_progress", "merge_progress", "parse_progress", "summarise"]
