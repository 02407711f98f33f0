"""Treatment in the browser: its interactive part is the end-of-module quiz, answered exactly as in the final
assessment (choose an answer, press "Check answer", see the verdict and the score)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location("_quiz_interaction", Path(__file__).with_name("07_final_assessment.py"))
_quiz = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_quiz)

interact = _quiz.interact
