"""The quiz engine's logic: scoring with partial credit, seeded shuffling, sessions with a retry set,
mastery per objective and LMS export. No widget library here; the views are in ankle_course.widgets.quiz."""

from .bank import final_questions, module_questions
from .mastery import ObjectiveMastery, latest_scores, objective_mastery
from .scoring import ResponseError, correct_answer_text, is_correct, score, verdict
from .session import QuizSession, Result
from .shuffle import Shown, show

__all__ = ["ObjectiveMastery", "QuizSession", "ResponseError", "Result", "Shown", "correct_answer_text",
           "final_questions", "is_correct", "latest_scores", "module_questions", "objective_mastery",
           "score", "show", "verdict"]
