"""The shape of every kind of course content, checked with marshmallow.

Each schema loads one entry of a TOML file into a frozen record. Unknown fields are errors so
that an instructor's typo ("refrences") is reported rather than silently ignored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from marshmallow import RAISE, Schema, ValidationError, fields, post_load, validate, validates_schema

ID_PATTERN = r"^[a-z0-9][a-z0-9_]*$"
TRACKS = ("learner", "pt_student", "both")
AUDIENCES = ("learner", "pt_student")
REFERENCE_KINDS = ("guideline", "review", "trial", "cohort", "text", "consensus", "web")
STRUCTURE_KINDS = (
    "bone", "joint", "ligament", "tendon", "muscle", "nerve", "artery", "vein", "retinaculum", "region",
)
CONDITION_GROUPS = ("sprain", "tendon", "muscle", "fracture", "arthritis", "nerve", "must_not_miss")
QUESTION_TYPES = ("single", "multiple", "true_false", "matching", "ordering", "identify")
URGENCY = ("emergency", "urgent")


def _id(**kwargs: Any) -> fields.String:
    return fields.String(
        required=True,
        validate=validate.Regexp(ID_PATTERN, error="must be lower-case letters, digits and _ (e.g. 'tarsal_tunnel')"),
        **kwargs,
    )


def _text(required: bool = True, **kwargs: Any) -> fields.String:
    return fields.String(required=required, validate=validate.Length(min=1, error="must not be empty"), **kwargs)


def _texts(required: bool = True) -> fields.List:
    return fields.List(_text(), required=required)


def _refs(required: bool = True) -> fields.List:
    """Reference ids; cross-checked against references.toml by the loader."""
    return fields.List(_id(), required=required, validate=validate.Length(min=1, error="cite at least one reference"))


class RecordSchema(Schema):
    """Base for one entry or sub-table: unknown keys are errors, and valid data becomes a frozen record
    (lists become tuples so that records stay hashable and cannot be changed by a widget)."""

    record: ClassVar[type]

    class Meta:
        unknown = RAISE

    @post_load
    def _make_record(self, data: dict[str, Any], **_: Any) -> Any:
        return self.record(**{k: tuple(v) if isinstance(v, list) else v for k, v in data.items()})


# ---------------------------------------------------------------------------------------------- references
@dataclass(frozen=True)
class Reference:
    id: str
    citation: str
    kind: str
    year: int
    url: str | None = None
    note: str | None = None


class ReferenceSchema(RecordSchema):
    record = Reference
    id = _id()
    citation = _text()
    kind = fields.String(required=True, validate=validate.OneOf(REFERENCE_KINDS))
    year = fields.Integer(required=True, strict=True, validate=validate.Range(1850, 2100))
    url = fields.Url(load_default=None, schemes={"https"})
    note = _text(required=False, load_default=None)


# ---------------------------------------------------------------------------------------------- glossary
@dataclass(frozen=True)
class Term:
    id: str
    term: str
    plain: str
    detail: str | None = None
    refs: tuple[str, ...] = ()
    see_also: tuple[str, ...] = ()


class TermSchema(RecordSchema):
    record = Term
    id = _id()
    term = _text()
    plain = _text()
    detail = _text(required=False, load_default=None)
    refs = fields.List(_id(), load_default=list)
    see_also = fields.List(_id(), load_default=list)



# ---------------------------------------------------------------------------------------------- course map
@dataclass(frozen=True)
class Objective:
    id: str
    text: str


class ObjectiveSchema(RecordSchema):
    record = Objective
    id = _id()
    text = _text()



@dataclass(frozen=True)
class Module:
    id: str
    number: int
    notebook: str
    title: str
    teaches: str
    minutes: int
    track: str
    status: str
    objectives: tuple[Objective, ...] = ()


class ModuleSchema(RecordSchema):
    record = Module
    id = _id()
    number = fields.Integer(required=True, strict=True, validate=validate.Range(0, 99))
    notebook = fields.String(
        required=True,
        validate=validate.Regexp(r"^[A-Za-z0-9_/.-]+\.ipynb$", error="must be a notebook path like '01_anatomy.ipynb'"),
    )
    title = _text()
    teaches = _text()
    minutes = fields.Integer(required=True, strict=True, validate=validate.Range(1, 240))
    track = fields.String(required=True, validate=validate.OneOf(TRACKS))
    status = fields.String(load_default="ready", validate=validate.OneOf(("ready", "coming")))
    objectives = fields.List(fields.Nested(ObjectiveSchema), load_default=list)



# ---------------------------------------------------------------------------------------------- warning signs
@dataclass(frozen=True)
class WarningSign:
    id: str
    sign: str
    could_be: str
    action: str
    findings: dict[str, Any]
    refs: tuple[str, ...]


class WarningSignSchema(RecordSchema):
    record = WarningSign
    id = _id()
    sign = _text()
    could_be = _text()
    action = fields.String(required=True, validate=validate.OneOf(URGENCY))
    # the symptom-checker answers that express this sign; the triage tests prove each one routes to care
    findings = fields.Dict(keys=_id(), values=fields.Raw(), required=True, validate=validate.Length(min=1))
    refs = _refs()



# ---------------------------------------------------------------------------------------------- anatomy
@dataclass(frozen=True)
class Structure:
    id: str
    name: str
    kind: str
    plain: str
    refs: tuple[str, ...]
    attachments: str | None = None
    action: str | None = None
    innervation: str | None = None
    relevance: str | None = None


class StructureSchema(RecordSchema):
    record = Structure
    id = _id()
    name = _text()
    kind = fields.String(required=True, validate=validate.OneOf(STRUCTURE_KINDS))
    plain = _text()
    refs = _refs()
    attachments = _text(required=False, load_default=None)
    action = _text(required=False, load_default=None)
    innervation = _text(required=False, load_default=None)
    relevance = _text(required=False, load_default=None)



# ---------------------------------------------------------------------------------------------- conditions
@dataclass(frozen=True)
class Condition:
    id: str
    name: str
    group: str
    summary: str
    refs: tuple[str, ...]
    structures: tuple[str, ...] = ()
    details: dict[str, str] = field(default_factory=dict)


class ConditionSchema(RecordSchema):
    record = Condition
    id = _id()
    name = _text()
    group = fields.String(required=True, validate=validate.OneOf(CONDITION_GROUPS))
    summary = _text()
    refs = _refs()
    structures = fields.List(_id(), load_default=list)
    # free-form sections (what happens, who gets it, how it feels, ...); later modules give them structure
    details = fields.Dict(keys=_id(), values=_text(), load_default=dict)



# ---------------------------------------------------------------------------------------------- exercises
@dataclass(frozen=True)
class Dosage:
    label: str
    reps: int
    sets: int
    hold_s: int
    rest_s: int


class DosageSchema(RecordSchema):
    record = Dosage
    label = _text()
    reps = fields.Integer(required=True, strict=True, validate=validate.Range(1, 100))
    sets = fields.Integer(required=True, strict=True, validate=validate.Range(1, 10))
    hold_s = fields.Integer(required=True, strict=True, validate=validate.Range(0, 120))
    rest_s = fields.Integer(required=True, strict=True, validate=validate.Range(0, 600))



@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    purpose: str
    steps: tuple[str, ...]
    dosages: tuple[Dosage, ...]
    cautions: tuple[str, ...]
    refs: tuple[str, ...]


class ExerciseSchema(RecordSchema):
    record = Exercise
    id = _id()
    name = _text()
    purpose = _text()
    steps = fields.List(_text(), required=True, validate=validate.Length(min=1))
    dosages = fields.List(fields.Nested(DosageSchema), required=True, validate=validate.Length(min=1))
    cautions = _texts()
    refs = _refs()



# ---------------------------------------------------------------------------------------------- questions
@dataclass(frozen=True)
class Question:
    id: str
    module: str
    objective: str
    audience: str
    difficulty: int
    type: str
    prompt: str
    explanation: str
    section: str
    refs: tuple[str, ...]
    choices: tuple[str, ...] = ()
    answer: Any = None


class QuestionSchema(RecordSchema):
    record = Question
    id = _id()
    module = _id()
    objective = _id()
    audience = fields.String(required=True, validate=validate.OneOf(AUDIENCES))
    difficulty = fields.Integer(required=True, strict=True, validate=validate.Range(1, 3))
    type = fields.String(required=True, validate=validate.OneOf(QUESTION_TYPES))
    prompt = _text()
    explanation = _text()
    section = _text()
    refs = _refs()
    choices = fields.List(_text(), load_default=list)
    answer = fields.Raw(required=True)

    @validates_schema
    def _answer_fits_type(self, data: dict[str, Any], **_: Any) -> None:
        kind, answer, choices = data.get("type"), data.get("answer"), data.get("choices", [])
        n = len(choices)
        if kind == "true_false" and not isinstance(answer, bool):
            raise ValidationError("a true_false answer must be true or false", "answer")
        if kind in ("single", "identify"):
            if not (isinstance(answer, int) and not isinstance(answer, bool) and 0 <= answer < n):
                raise ValidationError(f"must be the index (0 to {n - 1}) of the right choice", "answer")
        if kind == "multiple":
            if not (isinstance(answer, list) and answer and all(isinstance(a, int) and 0 <= a < n for a in answer)):
                raise ValidationError(f"must be a non-empty list of choice indexes (0 to {n - 1})", "answer")
        if kind == "ordering":
            if not (isinstance(answer, list) and sorted(answer) == list(range(n))):
                raise ValidationError(f"must list every choice index 0 to {n - 1} once, in the right order", "answer")
        if kind == "matching":
            if not (isinstance(answer, dict) and answer and all(isinstance(v, str) for v in answer.values())):
                raise ValidationError("must be a table of left item = right item", "answer")
        if kind in ("single", "multiple", "ordering", "identify") and n < 2:
            raise ValidationError("needs at least two choices", "choices")



# ---------------------------------------------------------------------------------------------- cases
@dataclass(frozen=True)
class CaseStage:
    name: str
    text: str


class CaseStageSchema(RecordSchema):
    record = CaseStage
    name = _text()
    text = _text()



@dataclass(frozen=True)
class Case:
    id: str
    title: str
    condition: str
    findings: dict[str, Any]
    stages: tuple[CaseStage, ...]
    refs: tuple[str, ...]


class CaseSchema(RecordSchema):
    record = Case
    id = _id()
    title = _text()
    condition = _id()
    # symptom-checker findings; checked against the triage vocabulary once that module exists
    findings = fields.Dict(keys=_id(), required=True)
    stages = fields.List(fields.Nested(CaseStageSchema), required=True, validate=validate.Length(min=1))
    refs = _refs()



