"""The marshmallow schema a progress file must fit (read by `record.parse_progress`)."""

from __future__ import annotations

from typing import Any

from marshmallow import RAISE, Schema, ValidationError, fields, validate

from ..ids import ID_PATTERN, ID_RULE
from .entries import REVIEW_KINDS, REVIEW_RATINGS
from .record import MAX_ITEMS, SCHEMA_VERSION, normalise_timestamp

ID = validate.Regexp(ID_PATTERN, error=f"must be an id: {ID_RULE}")


class Timestamp(fields.String):
    """A real, aware date and time, loaded in the one form the course writes (UTC, to the second)."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        try:
            return normalise_timestamp(text)
        except ValueError as exc:
            raise ValidationError(str(exc)) from None


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
    at = Timestamp(required=True)


class ExerciseSessionSchema(_Strict):
    id = fields.String(required=True, validate=ID)
    exercise = fields.String(required=True, validate=ID)
    dosage = fields.String(required=True, validate=validate.Length(1, 80))
    started = Timestamp(required=True)
    reps_done = fields.Integer(strict=True, required=True, validate=validate.Range(0, 10_000))
    sets_done = fields.Integer(strict=True, required=True, validate=validate.Range(0, 100))
    completed = fields.Boolean(required=True)
    pain_during = _pain()
    pain_next_morning = _pain()


class CaseRecordSchema(_Strict):
    stage = fields.Integer(strict=True, required=True, validate=validate.Range(0, 50))
    answers = fields.Dict(keys=fields.String(validate=ID), values=fields.Raw(), load_default=dict)
    at = Timestamp(required=True)


class ReviewSchema(_Strict):
    kind = fields.String(required=True, validate=validate.OneOf(REVIEW_KINDS))
    item = fields.String(required=True, validate=ID)
    rating = fields.String(required=True, validate=validate.OneOf(REVIEW_RATINGS))
    at = Timestamp(required=True)


class ProgressSchema(_Strict):
    schema_version = fields.Integer(strict=True, required=True, validate=validate.Equal(SCHEMA_VERSION))
    learner_name = fields.String(load_default="", validate=validate.Length(max=80))
    updated = Timestamp(load_default=None, allow_none=True)
    quiz = fields.Dict(keys=fields.String(validate=ID), values=fields.Nested(QuizAnswerSchema), load_default=dict,
                       validate=validate.Length(max=MAX_ITEMS))
    flashcards_known = fields.List(fields.String(validate=ID), load_default=list, validate=validate.Length(max=MAX_ITEMS))
    exercise_sessions = fields.List(fields.Nested(ExerciseSessionSchema), load_default=list,
                                    validate=validate.Length(max=MAX_ITEMS))
    cases = fields.Dict(keys=fields.String(validate=ID), values=fields.Nested(CaseRecordSchema), load_default=dict,
                        validate=validate.Length(max=500))
    # added after format 1 was first released: a file without it (every older file) loads with no reviews
    reviews = fields.List(fields.Nested(ReviewSchema), load_default=list, validate=validate.Length(max=MAX_ITEMS))
    # the learner's usual morning pain (0-10), the baseline the exercise pain rule compares the next morning with;
    # added after format 1, so an older file loads with none (the log then asks for it)
    usual_morning_pain = _pain()
