"""The marshmallow schema a progress file must fit (read by `record.parse_progress`)."""

from __future__ import annotations

from marshmallow import RAISE, Schema, fields, validate

from .record import MAX_ITEMS, SCHEMA_VERSION

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
