"""Class results from a folder of exported progress files: item difficulty, item discrimination and
mastery per objective. Pure functions, so they are tested directly and the instructor notebook only
displays what they return.

Every file is validated with `parse_progress`; a file that is not a usable progress file is reported
by name and skipped, never shown. Names and texts from files are plain data here; the views escape them.

Item statistics (classical test theory):
- difficulty p = mean score on the question among learners who answered it (with partial credit, so
  it is the "proportion correct" in the usual sense when every answer is all-or-nothing). High p = easy.
- discrimination = corrected point-biserial correlation: Pearson r between the score on the question
  and the learner's mean score on all *other* questions they answered (the question itself is left
  out so that it does not correlate with itself). Near 0 or negative flags a question to review;
  above about 0.3 is usually taken as good. Not computed with fewer than MIN_LEARNERS answers or
  when either score does not vary.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from .content import Course
from .progress import ProgressFileError, parse_progress
from .progress.record import MAX_FILE_BYTES
from .quiz.mastery import objective_mastery

MIN_LEARNERS = 3
MAX_FILES = 1_000


@dataclass(frozen=True)
class LearnerFile:
    file_name: str
    progress: dict[str, Any]

    @property
    def scores(self) -> dict[str, float]:
        return {qid: rec["score"] for qid, rec in self.progress["quiz"].items()}


@dataclass(frozen=True)
class SkippedFile:
    file_name: str
    reason: str


@dataclass(frozen=True)
class ClassData:
    folder: Path
    learners: tuple[LearnerFile, ...]
    skipped: tuple[SkippedFile, ...]


def _read_limited(path: Path) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(MAX_FILE_BYTES + 1)  # parse_progress rejects anything longer


def load_class(folder: Path | str) -> ClassData:
    """Read every *.json file in `folder` (not sub-folders); bad files are listed in `skipped`."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder} is not a folder")
    learners: list[LearnerFile] = []
    skipped: list[SkippedFile] = []
    paths = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".json" and not p.name.startswith("."))
    for path in paths[:MAX_FILES]:
        if not path.is_file():
            skipped.append(SkippedFile(path.name, "it is not a regular file"))
            continue
        try:
            learners.append(LearnerFile(path.name, parse_progress(_read_limited(path))))
        except ProgressFileError as exc:
            skipped.append(SkippedFile(path.name, str(exc)))
        except OSError as exc:
            skipped.append(SkippedFile(path.name, f"it could not be read ({exc.strerror})"))
    for path in paths[MAX_FILES:]:
        skipped.append(SkippedFile(path.name, f"more than {MAX_FILES} files in the folder"))
    return ClassData(folder, tuple(learners), tuple(skipped))


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    n = len(xs)
    if n < 2:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / math.sqrt(sxx * syy)


@dataclass(frozen=True)
class ItemStats:
    question_id: str
    module_id: str
    objective_id: str
    prompt: str
    answered: int
    difficulty: float | None  # mean score, 0..1
    discrimination: float | None  # corrected point-biserial r

    @property
    def flag(self) -> str:
        if self.discrimination is None:
            return "too few answers" if self.answered < MIN_LEARNERS else "no spread in scores"
        if self.discrimination < 0.2:
            return "review this question"
        return "ok"


def item_stats(data: ClassData, content: Course) -> list[ItemStats]:
    """Difficulty and discrimination for every question in the course (unanswered ones included)."""
    per_learner = [lf.scores for lf in data.learners]
    rows = []
    for q in content.questions.values():
        item, rest = [], []
        for scores in per_learner:
            if q.id not in scores:
                continue
            others = [v for k, v in scores.items() if k != q.id and k in content.questions]
            if not others:
                continue
            item.append(scores[q.id])
            rest.append(sum(others) / len(others))
        answered = sum(q.id in s for s in per_learner)
        got = [s[q.id] for s in per_learner if q.id in s]
        difficulty = sum(got) / len(got) if got else None
        discrimination = pearson(item, rest) if len(item) >= MIN_LEARNERS else None
        rows.append(ItemStats(q.id, q.module, q.objective, q.prompt, answered, difficulty, discrimination))
    return rows


@dataclass(frozen=True)
class ObjectiveSummary:
    module_title: str
    objective_text: str
    learners_started: int
    learners_mastered: int
    mean_score: float | None

    @property
    def label(self) -> str:
        return f"{self.module_title}: {self.objective_text}"


def class_mastery(data: ClassData, content: Course) -> list[ObjectiveSummary]:
    """Per objective: how many learners have started and mastered it, and the class mean score."""
    per_learner = [objective_mastery(lf.scores, content) for lf in data.learners]
    template = objective_mastery({}, content)
    rows = []
    for i, objective in enumerate(template):
        cells = [rows_[i] for rows_ in per_learner]
        started = [c for c in cells if c.answered]
        means = [c.mean_score for c in started if c.mean_score is not None]
        rows.append(ObjectiveSummary(objective.module_title, objective.objective_text, len(started),
                                     sum(c.status == "mastered" for c in cells),
                                     sum(means) / len(means) if means else None))
    return rows
