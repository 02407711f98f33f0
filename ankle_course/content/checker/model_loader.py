"""Read the triage model's TOML files, check every entry, and build the `TriageModel`.

Every problem is collected with its file, entry and field, like the content loader's, so that an
instructor who edits a likelihood ratio gets one list of everything to fix.
"""

from __future__ import annotations

import functools
from pathlib import Path
from types import MappingProxyType
from typing import Any

from marshmallow import RAISE, Schema, ValidationError, fields, validate, validates_schema

from ..knowledge import SHIPPED_FOLDER
from ..problems import ContentError, ContentProblem, flatten_messages
from ..schemas import RecordSchema, id_field, refs_field, text_field
from ..toml_files import load_entries, read_toml
from .derived import DERIVED
from .model import BASES, CONDITIONS_FILE, EVIDENCE_FILE, MATCHERS, TRIAGE_FOLDER, ConditionSpec, Evidence, TriageModel
from .vocabulary import CONDITIONS, FINDINGS, TRIAGE_LEVELS


class StrictFloat(fields.Float):
    """A number written as a number: "2.5" in quotes is more likely a typo than a likelihood ratio."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> float:
        if isinstance(value, str):
            raise self.make_error("invalid")
        return super()._deserialize(value, attr, data, **kwargs)


def _ratio(**kwargs: Any) -> StrictFloat:
    return StrictFloat(allow_nan=False, validate=validate.Range(
        min=0.001, max=1000, error="must be a number from 0.001 to 1000"), **kwargs)


def _level(**kwargs: Any) -> fields.String:
    return fields.String(validate=validate.OneOf(TRIAGE_LEVELS), **kwargs)


class PriorSchema(Schema):
    class Meta:
        unknown = RAISE

    sudden_injury = _ratio(required=True)
    gradual = _ratio(required=True)
    sudden_no_injury = _ratio(required=True)


class ConditionSpecSchema(RecordSchema):
    record = ConditionSpec
    id = fields.String(required=True, validate=validate.OneOf(
        CONDITIONS, error="must be a condition id of the symptom-checker contract"))
    name = text_field()
    care = _level(required=True)
    care_within_14_days = _level(load_default=None)
    care_after_14_days = _level(load_default=None)
    prior = fields.Nested(PriorSchema, required=True)
    basis = fields.String(required=True, validate=validate.OneOf(BASES))
    refs = refs_field()


class PolicySchema(Schema):
    """Share of probability on causes needing a level before the checker recommends that level."""

    class Meta:
        unknown = RAISE

    emergency_at = StrictFloat(required=True, validate=validate.Range(0.01, 1, error="must be from 0.01 to 1"))
    urgent_at = StrictFloat(required=True, validate=validate.Range(0.01, 1, error="must be from 0.01 to 1"))
    routine_at = StrictFloat(required=True, validate=validate.Range(0.01, 1, error="must be from 0.01 to 1"))


# evidence may also match an answer the checker derives from others (see `derived`)
MATCHABLE = MappingProxyType({**FINDINGS, **DERIVED})


def _check_answer(finding_id: str, value: Any, field_name: str) -> None:
    try:
        MATCHABLE[finding_id].check(value)
    except ValueError as exc:
        raise ValidationError(str(exc), field_name) from None


class EvidenceSchema(RecordSchema):
    record = Evidence
    id = id_field()
    finding = fields.String(required=True, validate=validate.OneOf(
        MATCHABLE, error="must be a finding id of the symptom-checker contract (or a derived one)"))
    answer = text_field()
    explain = text_field()
    basis = fields.String(required=True, validate=validate.OneOf(BASES))
    refs = refs_field()
    lr = fields.Dict(keys=fields.String(validate=validate.OneOf(CONDITIONS, error="must be a condition id")),
                     values=_ratio(), required=True, validate=validate.Length(min=1, error="list at least one condition"))
    others = _ratio(load_default=1.0)
    value = fields.Raw(load_default=None)
    range = fields.List(fields.Integer(strict=True), load_default=None,
                        validate=validate.Length(equal=2, error="must be [low, high]"))
    contains = fields.String(load_default=None)
    lacks = fields.List(fields.String(), load_default=None, validate=validate.Length(min=1, error="must not be empty"))
    when = fields.Dict(keys=fields.String(), values=fields.Raw(), load_default=None)

    @validates_schema
    def _matcher_fits_finding(self, data: dict[str, Any], **_: Any) -> None:
        finding = MATCHABLE.get(data.get("finding", ""))
        if finding is None:
            return  # already reported by the field validator
        given = [m for m in MATCHERS if data.get(m) is not None]
        if len(given) != 1:
            raise ValidationError(f"give exactly one of {', '.join(MATCHERS)} (got {len(given)})", "_schema")
        kind, matcher = finding.kind, given[0]
        fits = {"value": ("bool", "choice"), "range": ("int",), "contains": ("set",), "lacks": ("set",)}[matcher]
        if kind not in fits:
            raise ValidationError(f"'{finding.id}' is a {kind} finding; '{matcher}' needs a {' or '.join(fits)} finding",
                                  matcher)
        if matcher == "value":
            _check_answer(finding.id, data["value"], "value")
        elif matcher == "range":
            low, high = data["range"]
            _check_answer(finding.id, low, "range")
            _check_answer(finding.id, high, "range")
            if low > high:
                raise ValidationError("low must not be above high", "range")
        elif matcher == "contains":
            _check_answer(finding.id, [data["contains"]], "contains")
        else:
            _check_answer(finding.id, data["lacks"], "lacks")
        for key, allowed in (data.get("when") or {}).items():
            other = MATCHABLE.get(key)
            if other is None or other.kind not in ("bool", "choice"):
                raise ValidationError(f"'{key}' must be a bool or choice finding id", "when")
            for value in allowed if isinstance(allowed, list) else [allowed]:
                _check_answer(key, value, f"when.{key}")


# ---------------------------------------------------------------------------------------------- loading
def _known_reference_ids(folder: Path) -> set[str] | None:
    """Reference ids in the folder's references.toml; None if it cannot be read (the content check says why)."""
    path = folder / "references.toml"
    data = read_toml(path, "references.toml", []) if path.exists() else None
    if data is None:
        return None
    entries = data.get("reference", [])
    return {e["id"] for e in entries if isinstance(e, dict) and isinstance(e.get("id"), str)} if isinstance(entries, list) else None


def _load_table(data: dict[str, Any], name: str, key: str, schema: Schema,
                problems: list[ContentProblem]) -> dict[str, Any] | None:
    raw = data.get(key)
    if not isinstance(raw, dict):
        problems.append(ContentProblem(name, "", key, f"expected a [{key}] table"))
        return None
    try:
        return schema.load(raw)
    except ValidationError as exc:
        for field_path, message in flatten_messages(exc.messages):
            problems.append(ContentProblem(name, f"[{key}]", field_path, message))
        return None


def _load_entries(data: dict[str, Any], name: str, table: str, schema: RecordSchema,
                  problems: list[ContentProblem]) -> list[Any]:
    return list(load_entries(schema, data.get(table, []), name, table, problems).values())


def _read(folder: Path, name: str, problems: list[ContentProblem]) -> dict[str, Any] | None:
    path = folder / name
    if not path.exists():
        problems.append(ContentProblem(name, "", "", "file is missing"))
        return None
    return read_toml(path, name, problems)


def _load(folder: Path) -> tuple[TriageModel | None, list[ContentProblem]]:
    problems: list[ContentProblem] = []
    cond_data = _read(folder, CONDITIONS_FILE, problems)
    ev_data = _read(folder, EVIDENCE_FILE, problems)
    conditions: list[ConditionSpec] = []
    evidence: list[Evidence] = []
    weights = policy = None
    if cond_data is not None:
        for key in cond_data.keys() - {"condition", "onset_weights", "policy"}:
            problems.append(ContentProblem(CONDITIONS_FILE, "", key, "unexpected top-level key"))
        weights = _load_table(cond_data, CONDITIONS_FILE, "onset_weights", PriorSchema(), problems)
        policy = _load_table(cond_data, CONDITIONS_FILE, "policy", PolicySchema(), problems)
        conditions = _load_entries(cond_data, CONDITIONS_FILE, "condition", ConditionSpecSchema(), problems)
        missing = [c for c in CONDITIONS if c not in {spec.id for spec in conditions}]
        if missing and not any(p.file == CONDITIONS_FILE and p.entry for p in problems):
            problems.append(ContentProblem(CONDITIONS_FILE, "", "condition",
                                           f"every contract condition needs an entry; missing: {', '.join(missing)}"))
    if ev_data is not None:
        for key in ev_data.keys() - {"evidence"}:
            problems.append(ContentProblem(EVIDENCE_FILE, "", key, "unexpected top-level key; entries go in [[evidence]] tables"))
        evidence = _load_entries(ev_data, EVIDENCE_FILE, "evidence", EvidenceSchema(), problems)
    known = _known_reference_ids(folder)
    if known is not None:
        for name, records in ((CONDITIONS_FILE, conditions), (EVIDENCE_FILE, evidence)):
            for record in records:
                for i, ref in enumerate(record.refs):
                    if ref not in known:
                        problems.append(ContentProblem(name, f"'{record.id}'", f"refs[{i}]",
                                                       f"unknown reference '{ref}'; expected an id from references.toml"))
    if problems or cond_data is None or ev_data is None or weights is None or policy is None:
        return None, sorted(problems)
    order = {c: i for i, c in enumerate(CONDITIONS)}
    model = TriageModel(
        conditions=tuple(sorted(conditions, key=lambda c: order[c.id])),
        evidence=tuple(evidence),
        onset_weights=MappingProxyType(dict(weights)),
        policy=MappingProxyType(dict(policy)),
    )
    return model, []


@functools.cache
def _load_shipped() -> tuple[TriageModel | None, list[ContentProblem]]:
    """The content check and the engine both need the shipped model: parse and validate it once per process."""
    return _load(SHIPPED_FOLDER)


def _load_once(folder: Path) -> tuple[TriageModel | None, list[ContentProblem]]:
    return _load_shipped() if folder.resolve() == SHIPPED_FOLDER.resolve() else _load(folder)


def check_triage_model(folder: Path | str) -> list[ContentProblem]:
    """Every problem in a content folder's triage model (none if the folder has no triage/ subfolder).

    `folder` is a course content folder (the one holding references.toml), so that this check can run
    alongside the content check. A folder without triage/ is not an error here, as other optional content;
    loading the model for use does require it.
    """
    folder = Path(folder)
    if not (folder / TRIAGE_FOLDER).is_dir():
        return []
    return list(_load_once(folder)[1])


def load_triage_model(folder: Path | str | None = None) -> TriageModel:
    """Load and validate the triage model, raising ContentError that lists every problem."""
    model, problems = _load_once(Path(folder) if folder is not None else SHIPPED_FOLDER)
    if model is None:
        raise ContentError(problems)
    return model
