"""What a progress file may contain, and how two progress records combine.

A progress file can come from anywhere (an upload, a classmate, a hand edit), so everything in it
is checked against this schema before the course uses it: sizes are bounded, ids are plain, free
text is short, and nothing is ever treated as code or markup.
"""

from __future__ import annotations

import json
from typing import Any

from marshmallow import RAISE, Schema, ValidationError, fields, validate

SCHEMA_VERSION = 1
MAX_FILE_BYTES = 1_000_000
MAX_ITEMS = 5_000
ID = validate.Regexp(r"^[a-z0-9][a-z0-9_]{0,79}$", error="must be a short lower-case id")
TIMESTAMP = validate.Regexp(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$", error="must be an ISO 8601 date and time")


def _score() -> fields.Float:
    return fields.Float(required=True, allow_nan=False, validate=validate.Range(0, 1))


def _pain(required: bool = False) -> fields.Integer:
    return fields.Integer(
        strict=True, allow_none=True, load_default=None, required=required, validate=validate.Range(0, 10))


class _Strict(Schema):
    class Meta:
        unknown = RAISE


class QuizAnswerSchema(_Strict):
    answer = fields.Raw(required=True)
    score = _score()
    attempts = fields.Integer(strict=True, required=True, validate=validate.Range(1, 10_000))
    at = fields.String(required=True, validate=TIMESTAMP)


class ExerciseSessionSchema(_Strict):
    id = fields.String(required=True, validate=ID)
    exercise = fields.String(required=True, validate=ID)
    dosage = fields.String(required=True, validate=validate.Length(1, 80))
    started = fields.String(required=True, validate=TIMESTAMP)
    reps_done = fields.Integer(strict=True, required=True, validate=validate.Range(0, 10_000))
    sets_done = fields.Integer(strict=True, required=True, validate=validate.Range(0, 100))
    completed = fields.Boolean(required=True)
    pain_during = _pain()
    pain_next_morning = _pain()


class CaseRecordSchema(_Strict):
    stage = fields.Integer(strict=True, required=True, validate=validate.Range(0, 50))
    answers = fields.Dict(keys=fields.String(validate=ID), values=fields.Raw(), load_default=dict)
    at = fields.String(required=True, validate=TIMESTAMP)


class ProgressSchema(_Strict):
    schema_version = fields.Integer(strict=True, required=True, validate=validate.Equal(SCHEMA_VERSION))
    learner_name = fields.String(load_default="", validate=validate.Length(max=80))
    updated = fields.String(load_default=None, allow_none=True, validate=TIMESTAMP)
    quiz = fields.Dict(keys=fields.String(validate=ID), values=fields.Nested(QuizAnswerSchema), load_default=dict,
                       validate=validate.Length(max=MAX_ITEMS))
    flashcards_known = fields.List(fields.String(validate=ID), load_default=list, validate=validate.Length(max=MAX_ITEMS))
    exercise_sessions = fields.List(fields.Nested(ExerciseSessionSchema), load_default=list,
                                    validate=validate.Length(max=MAX_ITEMS))
    cases = fields.Dict(keys=fields.String(validate=ID), values=fields.Nested(CaseRecordSchema), load_default=dict,
                        validate=validate.Length(max=500))


def empty_progress() -> dict[str, Any]:
    return ProgressSchema().load({"schema_version": SCHEMA_VERSION})


class ProgressFileError(ValueError):
    """The bytes are not a progress file this course can use; the message is for the learner."""


def _reject_constant(name: str) -> float:
    raise ValueError(f"the number {name} is not allowed")


def parse_progress(data: bytes) -> dict[str, Any]:
    """Bytes from disk or an upload -> validated progress, or ProgressFileError with a plain reason."""
    if len(data) > MAX_FILE_BYTES:
        raise ProgressFileError(f"it is larger than {MAX_FILE_BYTES // 1000} KB, far bigger than any real progress file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ProgressFileError("it is not a text file") from None
    try:
        raw = json.loads(text, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError is a ValueError; deep nesting raises RecursionError
        raise ProgressFileError(f"it is not valid JSON ({str(exc)[:120]})") from None
    if not isinstance(raw, dict):
        raise ProgressFileError("it does not contain a progress record")
    version = raw.get("schema_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        raise ProgressFileError(f"it was made by a newer version of the course (format {version}); update the course")
    try:
        progress = ProgressSchema().load(raw)
    except ValidationError as exc:
        first = _first_problem(exc.messages)
        raise ProgressFileError(f"it does not look like a progress file from this course ({first})") from None
    for record in progress["quiz"].values():
        if len(json.dumps(record["answer"])) > 2_000 or _depth(record["answer"]) > 4:
            raise ProgressFileError("a quiz answer in it is too large or too deeply nested")
    return progress


def _depth(value: Any, level: int = 0) -> int:
    if level > 8:
        return level
    if isinstance(value, dict):
        return max((_depth(v, level + 1) for v in value.values()), default=level + 1)
    if isinstance(value, list):
        return max((_depth(v, level + 1) for v in value), default=level + 1)
    return level


def _first_problem(messages: Any, path: str = "") -> str:
    if isinstance(messages, dict):
        key, value = next(iter(messages.items()))
        return _first_problem(value, f"{path}.{key}" if path else str(key))
    if isinstance(messages, list) and messages:
        return _first_problem(messages[0], path)
    return f"{path}: {messages}"[:160]


def merge_progress(mine: dict[str, Any], theirs: dict[str, Any]) -> dict[str, Any]:
    """Combine two records so that nothing either holds is lost (for import and for concurrent notebooks).

    Per quiz question and per case the newer record wins; flashcards and sessions are unions.
    """
    merged = {**mine}
    merged["learner_name"] = mine["learner_name"] or theirs["learner_name"]
    for key in ("quiz", "cases"):
        combined = dict(mine[key])
        for ident, record in theirs[key].items():
            if ident not in combined or record["at"] > combined[ident]["at"]:
                combined[ident] = record
        merged[key] = combined
    merged["flashcards_known"] = sorted(set(mine["flashcards_known"]) | set(theirs["flashcards_known"]))
    sessions = {s["id"]: s for s in theirs["exercise_sessions"]}
    sessions.update({s["id"]: s for s in mine["exercise_sessions"]})
    merged["exercise_sessions"] = sorted(sessions.values(), key=lambda s: s["started"])
    stamps = [t for t in (mine.get("updated"), theirs.get("updated")) if t]
    merged["updated"] = max(stamps) if stamps else None
    return merged
