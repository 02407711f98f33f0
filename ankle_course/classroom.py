"""Class results from a folder of exported progress files: item difficulty, item discrimination and
mastery per objective, and a gradebook CSV for Canvas or Moodle. Pure functions, so they are tested
directly and the instructor notebook only displays what they return; `python -m ankle_course.classroom
gradebook FOLDER --lms canvas|moodle --out FILE.csv` writes the gradebook from the command line.

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

import csv
import io
import math
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
    """Read every *.json file in `folder` (not sub-folders); bad files are listed in `skipped`.
    Raises FileNotFoundError (not a folder) or GradebookError (the folder cannot be listed)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder} is not a folder")
    learners: list[LearnerFile] = []
    skipped: list[SkippedFile] = []
    try:
        paths = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".json" and not p.name.startswith("."))
    except OSError as exc:  # no permission to list it, say: one sentence for the widgets and the command
        raise GradebookError(f"{folder} cannot be read ({exc.strerror or exc})") from None
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


# ------------------------------------------------------------------------------------------- gradebook export
# The CSV each LMS reads as new grade columns, one row per student (see `gradebook_csv`):
#
# - Canvas (Grades > Import): the header must start Student, ID, SIS User ID, SIS Login ID, Section; every
#   further column is an assignment, created if no assignment has that name; a second row starting "Points
#   Possible" gives new assignments their points. A student is found by Canvas user ID, then SIS User ID,
#   then SIS Login ID, then by name (full or sortable). Source: Canvas's GradebookImporter
#   (instructure/canvas-lms, app/models/gradebook_importer.rb: header?, update_column_count, parse!,
#   process_pp, process_student), which matches Canvas's guide "How do I import grades in the Gradebook?".
# - Moodle (Grades > Import > CSV file): any header; the teacher maps one column ("Map from") to the user's
#   username, email address, ID number or user id ("Map to"), and each other column to a grade item or "New
#   grade item" named after the header. One row whose user is not found aborts the whole import, and a new
#   item's grades must lie within 0-100. Source: Moodle's gradeimport_csv_load_data
#   (moodle/moodle, grade/import/csv/classes/load_data.php: map_user_data_with_value, check_user_exists,
#   prepare_import_grade_data, insert_grade_record). Column names follow Moodle's own grade export.
#
# Progress files carry no LMS account, so a student's login is the file's name without ".json"
# (jsmith.json -> jsmith, or a.student@uni.edu.json); the name shown is the learner's name in the file.
# Scores are per cent of the module's questions (the track's), unanswered ones counting 0; a module the
# student has not started is left blank ("no grade" to both LMSs), while the total counts every question.

LMS_CHOICES = ("canvas", "moodle")
CANVAS_ID_COLUMNS = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")
MOODLE_NAME_COLUMN = "Full name"
# A cell starting with one of these is read as a formula by spreadsheet programs (CSV injection); such a
# cell gets a leading apostrophe, which shows the text as typed (OWASP's advice for CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_LOGIN = re.compile(r"[A-Za-z0-9._@+-]{1,100}\Z")
COLUMN_PREFIX = "Inside Ankle Pain"


class GradebookError(ValueError):
    """The gradebook cannot be made; the message is one sentence for the instructor."""


def neutralise(cell: str) -> str:
    """The cell as text a spreadsheet will not run: a leading apostrophe before a formula character."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


@dataclass(frozen=True)
class GradebookRow:
    login: str
    name: str
    module_percent: dict[str, float | None]  # module id -> per cent, None if not started
    total_percent: float


@dataclass(frozen=True)
class Gradebook:
    modules: tuple[str, ...]
    rows: tuple[GradebookRow, ...]
    skipped: tuple[SkippedFile, ...]


def gradebook(data: ClassData, content: Course, track: str = "both") -> Gradebook:
    """One row per readable progress file; files whose name is not a usable login are skipped by name."""
    from .quiz.bank import TRACK_AUDIENCES

    audiences = TRACK_AUDIENCES[track]
    questions = [q for q in content.questions.values() if q.audience in audiences]
    modules = tuple(m for m in content.modules if any(q.module == m for q in questions))
    rows, skipped, seen = [], list(data.skipped), set()
    for learner in data.learners:
        login = learner.file_name[: -len(".json")]
        if not _LOGIN.match(login):
            skipped.append(SkippedFile(learner.file_name, "its name is not an LMS login (use letters, digits and . _ - @ +, "
                                                          "e.g. jsmith.json)"))
            continue
        if login.lower() in seen:
            skipped.append(SkippedFile(learner.file_name, "another file has the same login"))
            continue
        seen.add(login.lower())
        scores = learner.scores
        per_module: dict[str, float | None] = {}
        for module in modules:
            own = [q.id for q in questions if q.module == module]
            answered = [qid for qid in own if qid in scores]
            per_module[module] = round(100 * sum(scores[qid] for qid in answered) / len(own), 1) if answered else None
        total = round(100 * sum(scores.get(q.id, 0.0) for q in questions) / len(questions), 1) if questions else 0.0
        name = str(learner.progress.get("learner_name") or "").strip() or login
        rows.append(GradebookRow(login, name, per_module, total))
    return Gradebook(modules, tuple(rows), tuple(skipped))


def gradebook_columns(book: Gradebook, content: Course) -> list[str]:
    """The grade columns' names, which become the assignments' (Canvas) or grade items' (Moodle) names."""
    names = [f"{COLUMN_PREFIX}: {content.modules[m].title} (%)" for m in book.modules] + [f"{COLUMN_PREFIX}: total (%)"]
    return [neutralise(name) for name in names]


def _canvas_name(row: GradebookRow) -> str:
    # Canvas reads any row whose first cell contains "Points Possible" as the points row, not a student
    return row.login if "Points Possible" in row.name else row.name


def gradebook_csv(book: Gradebook, content: Course, lms: str) -> str:
    """The CSV text for `lms` ("canvas" or "moodle"); see the notes above for each header."""
    if lms not in LMS_CHOICES:
        raise GradebookError(f"unknown LMS {lms!r}; expected one of: {', '.join(LMS_CHOICES)}")
    if not book.rows:
        raise GradebookError("no student's progress file could be used, so there is no gradebook to write")
    grades = gradebook_columns(book, content)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")

    def cells(row: GradebookRow) -> list[str]:
        return ["" if row.module_percent[m] is None else f"{row.module_percent[m]:g}" for m in book.modules] + [
            f"{row.total_percent:g}"]

    if lms == "canvas":
        writer.writerow([*CANVAS_ID_COLUMNS, *grades])
        writer.writerow(["Points Possible", "", "", "", "", *["100"] * len(grades)])
        for row in book.rows:
            writer.writerow([neutralise(_canvas_name(row)), "", "", neutralise(row.login), "", *cells(row)])
    else:
        emails = sum("@" in row.login for row in book.rows)
        if 0 < emails < len(book.rows):
            raise GradebookError("Moodle matches every row by one field, but some file names are email addresses and "
                                 "some are usernames; rename the files all one way (e.g. jsmith.json)")
        id_column = "Email address" if emails else "Username"
        writer.writerow([MOODLE_NAME_COLUMN, id_column, *grades])
        for row in book.rows:
            writer.writerow([neutralise(row.name), neutralise(row.login), *cells(row)])
    return buffer.getvalue()


def class_gradebook(folder: Path | str, lms: str, content: Course, track: str = "both") -> tuple[str, Gradebook]:
    """(CSV text, the gradebook it came from) for a folder of progress files; the notebook button and the
    command both use it. Raises FileNotFoundError (no such folder) or GradebookError (an unreadable folder,
    nothing usable)."""
    book = gradebook(load_class(folder), content, track)
    return gradebook_csv(book, content, lms), book


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def refuse_overwriting_inputs(out: Path, folder: Path) -> None:
    """Raise GradebookError if `out` is one of the progress files in `folder` (or a link to one)."""
    if out.suffix.lower() == ".json" and out.resolve().parent == folder.resolve():
        raise GradebookError(f"{out} is in the class folder and ends in .json; give the gradebook a .csv name "
                             "so no student's file is overwritten")
    for path in folder.iterdir() if folder.is_dir() else ():
        if path.suffix.lower() == ".json" and _same_file(out, path):
            raise GradebookError(f"{out} is the student file {path.name}; give the gradebook another name")


def main(argv: list[str] | None = None) -> int:
    """python -m ankle_course.classroom gradebook FOLDER --lms canvas|moodle --out FILE.csv [--track ...]"""
    from .cli import OneLineParser, fail, parse
    from .content import ContentError, load_course
    from .outpath import OutputPathError, check_output_path, write_output

    parser = OneLineParser(prog="python -m ankle_course.classroom",
                           description="Class results for a learning-management system.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=OneLineParser)
    book = sub.add_parser("gradebook", help="write a gradebook CSV (one row per student) for Canvas or Moodle")
    book.add_argument("folder", help="the folder of students' exported progress files (*.json)")
    book.add_argument("--lms", required=True, choices=LMS_CHOICES)
    book.add_argument("--out", required=True, help="the CSV file to write")
    book.add_argument("--track", choices=("learner", "pt_student", "both"), default="both",
                      help="which questions count: the learner track's or all (default)")
    args = parse(parser, argv)
    if isinstance(args, int):
        return args
    folder = Path(args.folder)
    try:
        out = check_output_path(args.out)
        refuse_overwriting_inputs(out, folder)
        text, result = class_gradebook(folder, args.lms, load_course(), args.track)
        write_output(out, text.encode("utf-8"))
    except (OutputPathError, GradebookError, FileNotFoundError) as exc:
        return fail(exc)
    except ContentError as exc:
        return fail(f"the course content has {len(exc.problems)} problem(s); run: python -m ankle_course.content check")
    except OSError as exc:
        return fail(f"cannot read {folder}: {exc.strerror}")
    print(f"Wrote {len(result.rows)} student(s) to {out} ({args.lms.capitalize()} gradebook CSV).")
    for skipped in result.skipped:
        print(f"  skipped {skipped.file_name!r}: {skipped.reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
