"""The shape of every kind of course content, checked with marshmallow.

Each schema loads one entry of a TOML file into a frozen record of `records`. Unknown fields are errors so
that an instructor's typo ("refrences") is reported rather than silently ignored.
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import Any, ClassVar

from marshmallow import RAISE, Schema, ValidationError, fields, post_load, validate, validates_schema

from ..ids import ID_PATTERN, ID_RULE
from .levels import TRIAGE_LEVELS, URGENT_LEVELS
from .poses import HANDS, JOINTS, POINTS, PROPS, SUPPORTS, VIEWS, check_pose
from .records import (
    DOSAGE_LIMITS,
    MODULE_TRACKS,
    TRACKS,
    AnatomyShape,
    Case,
    CaseOption,
    CaseStage,
    Condition,
    ConditionDetails,
    DifferentialCard,
    Dosage,
    EvidenceCard,
    Exercise,
    ExercisePoses,
    ImagingQuestion,
    Module,
    Motion,
    Objective,
    Programme,
    PublishedAccuracy,
    Question,
    RecoveryRange,
    Reference,
    Scan,
    SpecialTest,
    Structure,
    SymptomQuestion,
    Term,
    ViewShape,
    WarningSign,
)

AUDIENCES = TRACKS  # a question is written for one track
REFERENCE_KINDS = ("guideline", "review", "trial", "cohort", "text", "consensus", "web", "course")
STRUCTURE_KINDS = (
    "bone", "joint", "ligament", "tendon", "muscle", "nerve", "artery", "vein", "retinaculum", "region",
)
CONDITION_GROUPS = ("sprain", "tendon", "muscle", "fracture", "arthritis", "nerve", "must_not_miss", "growing_foot")
QUESTION_TYPES = ("single", "multiple", "true_false", "matching", "ordering", "identify")
URGENCY = URGENT_LEVELS  # a warning sign sends the learner to care now or today


def id_field(**kwargs: Any) -> fields.String:
    return fields.String(
        required=True,
        validate=validate.Regexp(ID_PATTERN, error=f"must be an id: {ID_RULE} (e.g. 'tarsal_tunnel')"),
        **kwargs,
    )


def text_field(required: bool = True, **kwargs: Any) -> fields.String:
    return fields.String(required=required, validate=validate.Length(min=1, error="must not be empty"), **kwargs)


def texts_field(required: bool = True) -> fields.List:
    return fields.List(text_field(), required=required)


def _is_regex(value: str) -> None:
    try:
        re.compile(value)
    except re.error as exc:
        raise ValidationError(f"not a valid regular expression: {exc}") from None
    if not value:
        raise ValidationError("must not be empty")


def refs_field(required: bool = True) -> fields.List:
    """Reference ids; cross-checked against references.toml by the loader."""
    return fields.List(id_field(), required=required, validate=validate.Length(min=1, error="cite at least one reference"))


def _tuples(value: Any) -> Any:
    """Nested lists -> nested tuples (a drawing's parts are lists of points), so that every record is immutable."""
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


class RecordSchema(Schema):
    """Base for one entry or sub-table: unknown keys are errors, and valid data becomes a frozen record
    (lists, however deeply nested, become tuples so that records stay hashable and cannot be changed by a
    widget). The one place lists are converted."""

    record: ClassVar[type]

    class Meta:
        unknown = RAISE

    @post_load
    def _make_record(self, data: dict[str, Any], **_: Any) -> Any:
        return self.record(**{k: _tuples(v) for k, v in data.items()})


# ---------------------------------------------------------------------------------------------- references


class ReferenceSchema(RecordSchema):
    record = Reference
    id = id_field()
    citation = text_field()
    kind = fields.String(required=True, validate=validate.OneOf(REFERENCE_KINDS))
    year = fields.Integer(required=True, strict=True, validate=validate.Range(1850, 2100))
    url = fields.Url(load_default=None, schemes={"https"})
    note = text_field(required=False, load_default=None)


# ---------------------------------------------------------------------------------------------- glossary


class TermSchema(RecordSchema):
    record = Term
    id = id_field()
    term = text_field()
    plain = text_field()
    detail = text_field(required=False, load_default=None)
    refs = fields.List(id_field(), load_default=list)
    see_also = fields.List(id_field(), load_default=list)


# ---------------------------------------------------------------------------------------------- course map


class ObjectiveSchema(RecordSchema):
    record = Objective
    id = id_field()
    text = text_field()


class ModuleSchema(RecordSchema):
    record = Module
    id = id_field()
    number = fields.Integer(required=True, strict=True, validate=validate.Range(0, 99))
    notebook = fields.String(
        required=True,
        validate=validate.Regexp(r"^[A-Za-z0-9_/.-]+\.ipynb$", error="must be a notebook path like '01_anatomy.ipynb'"),
    )
    title = text_field()
    teaches = text_field()
    minutes = fields.Integer(required=True, strict=True, validate=validate.Range(1, 240))
    track = fields.String(required=True, validate=validate.OneOf(MODULE_TRACKS))
    status = fields.String(load_default="ready", validate=validate.OneOf(("ready", "coming")))
    objectives = fields.List(fields.Nested(ObjectiveSchema), load_default=list)


# ---------------------------------------------------------------------------------------------- warning signs


class WarningSignSchema(RecordSchema):
    record = WarningSign
    id = id_field()
    sign = text_field()
    could_be = text_field()
    action = fields.String(required=True, validate=validate.OneOf(URGENCY))
    # the symptom-checker answers that express this sign; the triage tests prove each one routes to care
    findings = fields.Dict(keys=id_field(), values=fields.Raw(), required=True, validate=validate.Length(min=1))
    refs = refs_field()
    mentions = fields.String(required=True, validate=_is_regex)


# ---------------------------------------------------------------------------------------------- anatomy


class StructureSchema(RecordSchema):
    record = Structure
    id = id_field()
    name = text_field()
    kind = fields.String(required=True, validate=validate.OneOf(STRUCTURE_KINDS))
    plain = text_field()
    refs = refs_field()
    attachments = text_field(required=False, load_default=None)
    action = text_field(required=False, load_default=None)
    innervation = text_field(required=False, load_default=None)
    relevance = text_field(required=False, load_default=None)


# ---------------------------------------------------------------------------------------------- conditions


class ConditionDetailsSchema(RecordSchema):
    record = ConditionDetails
    what_happens = text_field()
    who = text_field()
    feels = text_field()
    do_now = text_field()
    recovery = text_field()
    pt_depth = text_field(required=False, load_default=None)
    correction = text_field(required=False, load_default=None)


class ConditionSchema(RecordSchema):
    record = Condition
    id = id_field()
    name = text_field()
    group = fields.String(required=True, validate=validate.OneOf(CONDITION_GROUPS))
    summary = text_field()
    refs = refs_field()
    structures = fields.List(id_field(), load_default=list)
    details = fields.Nested(ConditionDetailsSchema, load_default=None)
    short_name = fields.String(load_default=None, validate=validate.Length(min=1, max=24))
    typical_findings = fields.List(
        fields.String(validate=validate.Regexp(r"^[a-z0-9_]+(=[a-z0-9_]+)?$", error="must be 'finding' or 'finding=choice'")),
        load_default=list)
    needs_clinician_before_loading = text_field(required=False, load_default=None)

    @validates_schema
    def _must_not_miss_needs_a_clinician(self, data: dict[str, Any], **_: Any) -> None:
        # a must-not-miss condition needs treatment, not a home programme: the handout must always refuse it
        if data.get("group") == "must_not_miss" and not data.get("needs_clinician_before_loading"):
            raise ValidationError("a must_not_miss condition must say why a home loading programme has to wait "
                                  "for a clinician", "needs_clinician_before_loading")


# ---------------------------------------------------------------------------------------------- symptom questions
FINDING_TYPES = ("int", "bool", "choice", "set")
QUESTION_SECTIONS = ("warning", "story", "symptoms", "about_you", "clinical_tests")
QUESTION_FIGURES = ("ottawa_points",)  # drawings the symptom checker can show with a question


class SymptomQuestionSchema(RecordSchema):
    record = SymptomQuestion
    id = id_field()
    section = fields.String(required=True, validate=validate.OneOf(QUESTION_SECTIONS))
    track = fields.String(required=True, validate=validate.OneOf(("both", "pt_student")))
    type = fields.String(required=True, validate=validate.OneOf(FINDING_TYPES))
    prompt = text_field()
    short = fields.String(required=True, validate=validate.Length(min=1, max=40))
    help = text_field(required=False, load_default=None)
    choices = fields.List(id_field(), load_default=list)
    choice_labels = fields.List(text_field(), load_default=list)
    min = fields.Integer(strict=True, load_default=None)
    max = fields.Integer(strict=True, load_default=None)
    pt_help = text_field(required=False, load_default=None)
    figure = fields.String(load_default=None, validate=validate.OneOf(QUESTION_FIGURES))

    @validates_schema
    def _fits_type(self, data: dict[str, Any], **_: Any) -> None:
        kind, choices, labels = data.get("type"), data.get("choices", []), data.get("choice_labels", [])
        if kind in ("choice", "set"):
            if len(choices) < 2:
                raise ValidationError("a choice or set question needs at least two choices", "choices")
            if len(labels) != len(choices):
                raise ValidationError(f"needs one label per choice ({len(choices)})", "choice_labels")
        elif choices or labels:
            raise ValidationError(f"only choice and set questions have choices, not {kind}", "choices")
        if kind == "int":
            low, high = data.get("min"), data.get("max")
            if low is None or high is None or low > high:
                raise ValidationError("an int question needs min <= max", "max")


# ---------------------------------------------------------------------------------------------- exercises


def _dosage(limit: str, **kwargs: Any) -> fields.Integer:
    """A dosage number in the range the exercise timer accepts (`records.DOSAGE_LIMITS`)."""
    low, high, *_ = DOSAGE_LIMITS[limit]
    return fields.Integer(strict=True, validate=validate.Range(low, high), **kwargs)


class DosageSchema(RecordSchema):
    record = Dosage
    label = text_field()
    reps = _dosage("reps", required=True)
    sets = _dosage("sets", required=True)
    hold_s = _dosage("hold_s", required=True)
    rest_s = _dosage("rest_s", required=True)
    relax_s = _dosage("relax_s", load_default=3)
    reps_max = _dosage("reps", load_default=None)

    @validates_schema
    def _range_in_order(self, data: dict[str, Any], **_: Any) -> None:
        if data.get("reps_max") is not None and data["reps_max"] < data.get("reps", 1):
            raise ValidationError("must not be less than reps", "reps_max")


class _Degrees(fields.Float):
    """A number of degrees written as a TOML number: marshmallow's Float would also take "90" and true, which an
    instructor's typo should not turn into an angle."""

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValidationError(f"must be a number of degrees, not {type(value).__name__} {value!r}")
        return super()._deserialize(value, attr, data, **kwargs)


class _Angles(fields.Dict):
    """Joint name -> degrees, checked against the body model's joints and their ranges."""

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> Any:
        angles = super()._deserialize(value, attr, data, **kwargs)
        problems = check_pose(angles)
        if problems:
            raise ValidationError("; ".join(problems))
        return MappingProxyType({k: float(v) for k, v in angles.items()})


class ExercisePosesSchema(RecordSchema):
    record = ExercisePoses
    view = fields.String(required=True)
    support = fields.String(required=True)
    hands = fields.String(required=True)
    props = fields.List(fields.String(), load_default=list)
    moves = fields.String(required=True)
    change = fields.List(_Degrees(), required=True, validate=validate.Length(equal=2))
    start = _Angles(keys=fields.String(), values=_Degrees(), required=True)
    end = _Angles(keys=fields.String(), values=_Degrees(), required=True)
    arrow_from = fields.String(required=True)
    caption = text_field()
    close_up = fields.Boolean(load_default=False, truthy={True}, falsy={False})

    @validates_schema
    def _known_words(self, data: dict[str, Any], **_: Any) -> None:
        for name, allowed in (("view", VIEWS), ("support", SUPPORTS), ("hands", HANDS), ("moves", JOINTS),
                              ("arrow_from", POINTS)):
            if name in data and data[name] not in allowed:
                raise ValidationError(f"must be one of: {', '.join(allowed)}", name)
        for prop in data.get("props", ()):
            if prop not in PROPS:
                raise ValidationError(f"unknown prop '{prop}'; props are {', '.join(PROPS)}", "props")
        low, high = data.get("change", (0, 0))
        if low > high:
            raise ValidationError("must be [smallest, largest] degrees", "change")
        if "start" in data and "end" in data and "moves" in data:
            moved = data["end"].get(data["moves"], 0.0) - data["start"].get(data["moves"], 0.0)
            if not low <= moved <= high:
                raise ValidationError(f"the end pose moves {data['moves']} by {moved:g} degrees, outside "
                                      f"change [{low:g}, {high:g}]", "end")


class ExerciseSchema(RecordSchema):
    record = Exercise
    id = id_field()
    name = text_field()
    purpose = text_field()
    steps = fields.List(text_field(), required=True, validate=validate.Length(min=1))
    dosages = fields.List(fields.Nested(DosageSchema), required=True, validate=validate.Length(min=1))
    cautions = texts_field()
    refs = refs_field()
    start_position = text_field(required=False, load_default=None)
    end_position = text_field(required=False, load_default=None)
    progression = text_field(required=False, load_default=None)
    poses = fields.Nested(ExercisePosesSchema, load_default=None)
    next_exercise = fields.String(load_default=None, validate=validate.Regexp(ID_PATTERN, error=f"must be an id: {ID_RULE}"))
    not_by_default_for = fields.List(id_field(), load_default=list)


class ProgrammeSchema(RecordSchema):
    record = Programme
    id = id_field()
    pain_during_max = fields.Integer(required=True, strict=True, validate=validate.Range(0, 10))
    comfortable_low = fields.Integer(required=True, strict=True, validate=validate.Range(0, 10))
    comfortable_high = fields.Integer(required=True, strict=True, validate=validate.Range(0, 10))
    sessions_to_confirm = fields.Integer(required=True, strict=True, validate=validate.Range(1, 10))
    morning_margin = fields.Integer(required=True, strict=True, validate=validate.Range(0, 5))
    days_per_week_min = fields.Integer(required=True, strict=True, validate=validate.Range(1, 7))
    days_per_week_max = fields.Integer(required=True, strict=True, validate=validate.Range(1, 7))
    weeks_at_level_min = fields.Integer(required=True, strict=True, validate=validate.Range(1, 12))
    balance_weeks = fields.Integer(required=True, strict=True, validate=validate.Range(1, 52))
    default_handout = fields.List(id_field(), required=True, validate=validate.Length(min=1))
    refs = refs_field()

    @validates_schema
    def _in_order(self, data: dict[str, Any], **_: Any) -> None:
        if data.get("comfortable_low", 0) > data.get("comfortable_high", 10):
            raise ValidationError("must not be more than comfortable_high", "comfortable_low")
        if data.get("comfortable_high", 0) > data.get("pain_during_max", 10):
            raise ValidationError("must not be more than pain_during_max", "comfortable_high")
        if data.get("days_per_week_min", 1) > data.get("days_per_week_max", 7):
            raise ValidationError("must not be more than days_per_week_max", "days_per_week_min")


# ---------------------------------------------------------------------------------------------- recovery


class RecoveryRangeSchema(RecordSchema):
    record = RecoveryRange
    id = id_field()
    condition = id_field()  # a condition id of the symptom-checker contract
    label = text_field()
    weeks_min = fields.Integer(required=True, strict=True, validate=validate.Range(0, 260))
    weeks_max = fields.Integer(required=True, strict=True, validate=validate.Range(1, 260))
    note = text_field()
    refs = refs_field()

    @validates_schema
    def _range_in_order(self, data: dict[str, Any], **_: Any) -> None:
        if data.get("weeks_min", 0) > data.get("weeks_max", 260):
            raise ValidationError("must not be more than weeks_max", "weeks_min")


# ---------------------------------------------------------------------------------------------- differential cards


class DifferentialCardSchema(RecordSchema):
    record = DifferentialCard
    id = id_field()
    name = text_field()
    who = text_field()
    presentation = text_field()
    examination = text_field()
    imaging = text_field()
    management = text_field()
    not_in_checker = text_field()
    mimics = fields.List(id_field(), required=True, validate=validate.Length(min=1, error="name the condition(s) it mimics"))
    refs = refs_field()
    staging = text_field(required=False, load_default=None)


# ---------------------------------------------------------------------------------------------- evidence cards


class EvidenceCardSchema(RecordSchema):
    record = EvidenceCard
    id = id_field()
    treatment = text_field()
    condition = id_field()  # a condition id of the symptom-checker contract; cross-checked by the loader
    applies_to = text_field()
    design = text_field()
    arms = fields.List(text_field(), required=True, validate=validate.Length(min=1, error="name at least one arm or group"))
    participants = text_field()
    outcome = text_field()
    effect = text_field()
    limits = text_field()
    refs = refs_field()


# ---------------------------------------------------------------------------------------------- questions


class QuestionSchema(RecordSchema):
    record = Question
    id = id_field()
    module = id_field()
    objective = id_field()
    audience = fields.String(required=True, validate=validate.OneOf(AUDIENCES))
    difficulty = fields.Integer(required=True, strict=True, validate=validate.Range(1, 3))
    type = fields.String(required=True, validate=validate.OneOf(QUESTION_TYPES))
    prompt = text_field()
    explanation = text_field()
    section = text_field()
    refs = refs_field()
    choices = fields.List(text_field(), load_default=list)
    answer = fields.Raw(required=True)
    structure = fields.String(load_default=None, validate=validate.Regexp(ID_PATTERN, error="must be a structure id"))

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
        if kind == "identify" and not data.get("structure"):
            raise ValidationError("an identify question names the structure its figure highlights", "structure")


# ---------------------------------------------------------------------------------------------- cases
# A case unfolds in these stages, in this order (an instructor may leave out middle ones).
CASE_STAGE_KINDS = ("history", "examination", "special_tests", "investigations", "diagnosis", "management")
# what a student commits to before a stage's expert reasoning is shown
CASE_COMMITMENTS = ("differential", "next_step", "triage")


class CaseOptionSchema(RecordSchema):
    record = CaseOption
    id = id_field()
    label = text_field()
    why = text_field()
    best = fields.Boolean(load_default=False)


class CaseStageSchema(RecordSchema):
    record = CaseStage
    name = text_field()
    kind = fields.String(required=True, validate=validate.OneOf(CASE_STAGE_KINDS))
    text = text_field()
    ask = fields.List(fields.String(validate=validate.OneOf(CASE_COMMITMENTS)), required=True,
                      validate=validate.Length(min=1, error="a stage asks the student to commit to something"))
    reasoning = text_field()
    expert_differential = fields.List(id_field(), load_default=list, validate=validate.Length(max=3))
    triage = fields.String(load_default=None, validate=validate.OneOf(TRIAGE_LEVELS))
    question = text_field(required=False, load_default=None)
    options = fields.List(fields.Nested(CaseOptionSchema), load_default=list)
    pt_depth = text_field(required=False, load_default=None)
    refs = fields.List(id_field(), load_default=list)

    @validates_schema
    def _asks_match_answers(self, data: dict[str, Any], **_: Any) -> None:
        ask, options = data.get("ask", []), data.get("options", [])
        if len(set(ask)) != len(ask):
            raise ValidationError("lists a commitment twice", "ask")
        if "differential" in ask and not data.get("expert_differential"):
            raise ValidationError("a stage that asks for a differential gives the expert's (1 to 3 condition ids)",
                                  "expert_differential")
        if "triage" in ask and data.get("triage") is None:
            raise ValidationError("a stage that asks for a triage decision gives the expert's", "triage")
        if "next_step" in ask:
            if not data.get("question"):
                raise ValidationError("a stage that asks for a next step says what is asked", "question")
            if len(options) < 2:
                raise ValidationError("a next-step question needs at least two options", "options")
            if sum(1 for o in options if o.best) != 1:
                raise ValidationError("exactly one option has best = true", "options")
            if len({o.id for o in options}) != len(options):
                raise ValidationError("option ids must be unique within the stage", "options")
        elif options:
            raise ValidationError("only a stage that asks for 'next_step' has options", "options")


class CaseSchema(RecordSchema):
    record = Case
    id = id_field()
    title = text_field()
    condition = id_field()  # a condition id of the symptom-checker contract
    triage = fields.String(required=True, validate=validate.OneOf(TRIAGE_LEVELS))
    # symptom-checker findings; cross-checked against the triage vocabulary by the loader
    findings = fields.Dict(keys=id_field(), required=True, validate=validate.Length(min=1))
    stages = fields.List(fields.Nested(CaseStageSchema), required=True, validate=validate.Length(min=2))
    teaching_points = fields.List(text_field(), required=True, validate=validate.Length(min=1))
    checker_note = text_field()
    refs = refs_field()

    @validates_schema
    def _stages_in_order(self, data: dict[str, Any], **_: Any) -> None:
        kinds = [stage.kind for stage in data.get("stages", [])]
        if not kinds:
            return
        order = [CASE_STAGE_KINDS.index(k) for k in kinds]
        if kinds[0] != "history" or kinds[-1] != "management" or order != sorted(set(order)):
            raise ValidationError(
                f"stage kinds must run in the order {', '.join(CASE_STAGE_KINDS)} (each at most once, starting "
                f"with history and ending with management); got {', '.join(kinds)}", "stages")


# ---------------------------------------------------------------------------------------------- special tests
def _fraction() -> fields.Float:
    return fields.Float(load_default=None, validate=validate.Range(0, 1, min_inclusive=False,
                                                                    error="must be a fraction above 0 and up to 1, e.g. 0.88"))


def _lr() -> fields.Float:
    return fields.Float(load_default=None, validate=validate.Range(0, None, min_inclusive=False,
                                                                    error="must be a likelihood ratio above 0"))


class PublishedAccuracySchema(RecordSchema):
    record = PublishedAccuracy
    source = id_field()
    against = text_field()
    sensitivity = _fraction()
    specificity = _fraction()
    lr_positive = _lr()
    lr_negative = _lr()
    note = text_field(required=False, load_default=None)

    @validates_schema
    def _has_a_number(self, data: dict[str, Any], **_: Any) -> None:
        if all(data.get(k) is None for k in ("sensitivity", "specificity", "lr_positive", "lr_negative")):
            raise ValidationError("give at least one of sensitivity, specificity, lr_positive, lr_negative; "
                                  "if the test's accuracy is not known, leave out [accuracy] and say so in "
                                  "accuracy_note", "sensitivity")


class SpecialTestSchema(RecordSchema):
    record = SpecialTest
    id = id_field()
    name = text_field()
    checks = text_field()
    how = fields.List(text_field(), required=True, validate=validate.Length(min=1))
    positive = text_field()
    suggests = text_field()
    accuracy_note = text_field()
    refs = refs_field()
    accuracy = fields.Nested(PublishedAccuracySchema, load_default=None)
    learner_safe = text_field(required=False, load_default=None)


# ---------------------------------------------------------------------------------------------- imaging


class ImagingQuestionSchema(RecordSchema):
    record = ImagingQuestion
    id = id_field()
    question = text_field()
    why = text_field()
    next_step = text_field(required=False, load_default=None)


class ScanSchema(RecordSchema):
    record = Scan
    id = id_field()
    name = text_field()
    plain = text_field()
    shows = text_field()
    misses = text_field()
    radiation = text_field()
    answers = fields.List(fields.Nested(ImagingQuestionSchema), required=True, validate=validate.Length(min=1))
    refs = refs_field()


# ---------------------------------------------------------------------------------------------- anatomy drawings
SHAPE_FORMS = ("area", "band", "line")
SHAPE_VIEWS = ("medial", "section", "rear")


def _point(**kwargs: Any) -> fields.List:
    coordinate = fields.Float(allow_nan=False, validate=validate.Range(-1000, 1000))
    return fields.List(coordinate, validate=validate.Length(equal=2, error="must be [x, y] in mm"), **kwargs)


class ViewShapeSchema(RecordSchema):
    record = ViewShape
    form = fields.String(required=True, validate=validate.OneOf(SHAPE_FORMS))
    parts = fields.List(fields.List(_point(), validate=validate.Length(min=2, error="a part needs at least 2 points")),
                        required=True, validate=validate.Length(min=1, error="draw at least one part"))
    label = _point(load_default=None)
    pin = _point(load_default=None)
    width = fields.Float(load_default=0.0, allow_nan=False, validate=validate.Range(0, 60))
    smooth = fields.Boolean(load_default=True)
    far_side = fields.Boolean(load_default=False)

    @validates_schema
    def _form_fits_parts(self, data: dict[str, Any], **_: Any) -> None:
        if data.get("form") == "area" and any(len(p) < 3 for p in data.get("parts", [])):
            raise ValidationError("an area outline needs at least 3 points", "parts")
        if data.get("form") == "band" and not data.get("width"):
            raise ValidationError("a band needs a width in mm", "width")



class AnatomyShapeSchema(RecordSchema):
    record = AnatomyShape
    id = id_field()
    medial = fields.Nested(ViewShapeSchema, required=True)
    section = fields.Nested(ViewShapeSchema, load_default=None)
    rear = fields.Nested(ViewShapeSchema, load_default=None)


class MotionSchema(RecordSchema):
    record = Motion
    id = id_field()
    name = text_field()
    plain = text_field()
    joint = id_field()
    view = fields.String(required=True, validate=validate.OneOf(("medial", "rear")))
    pivot = _point(required=True)
    # drawing angle at the end of the range: positive turns anticlockwise as drawn
    degrees = fields.Float(required=True, allow_nan=False, validate=validate.Range(-90, 90))
    moving = fields.List(id_field(), required=True, validate=validate.Length(min=1))
    muscles = texts_field()
    shown_muscles = fields.List(id_field(), load_default=list)
    range_text = text_field()
    refs = refs_field()

