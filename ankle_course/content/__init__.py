"""Course knowledge as data: load, validate and cross-check the TOML files an instructor edits."""

from .loader import COLLECTIONS, SHIPPED_FOLDER, Course, check_course, course, load_course
from .problems import ContentError, ContentProblem

__all__ = ["COLLECTIONS", "SHIPPED_FOLDER", "ContentError", "ContentProblem", "Course", "check_course", "course",
           "load_course"]
