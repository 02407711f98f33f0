"""`Course`, everything the course knows once it is valid (`course()`, the shipped content, is in `cache`).

This module imports no validation code: a notebook that reads content from the cache of an earlier
validation never loads marshmallow or parses TOML.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from dataclasses import fields as dc_fields
from pathlib import Path

from . import records as r

SHIPPED_FOLDER = Path(__file__).with_name("data")


@dataclass(frozen=True)
class Course:
    """All course knowledge, validated; each collection maps id -> record in file order."""

    folder: Path
    references: Mapping[str, r.Reference]
    modules: Mapping[str, r.Module]
    terms: Mapping[str, r.Term]
    warning_signs: Mapping[str, r.WarningSign]
    structures: Mapping[str, r.Structure]
    anatomy_shapes: Mapping[str, r.AnatomyShape]
    motions: Mapping[str, r.Motion]
    conditions: Mapping[str, r.Condition]
    exercises: Mapping[str, r.Exercise]
    programme: Mapping[str, r.Programme]
    questions: Mapping[str, r.Question]
    recovery: Mapping[str, r.RecoveryRange]
    evidence: Mapping[str, r.EvidenceCard]
    differential: Mapping[str, r.DifferentialCard]
    symptom_questions: Mapping[str, r.SymptomQuestion]
    special_tests: Mapping[str, r.SpecialTest]
    scans: Mapping[str, r.Scan]
    cases: Mapping[str, r.Case]

    def cite(self, ref_ids: Iterable[str]) -> list[r.Reference]:
        return [self.references[ref] for ref in ref_ids]

    def summary(self) -> str:
        counts = [f"{len(getattr(self, f.name))} {f.name.replace('_', ' ')}" for f in dc_fields(self)[1:]]
        return ", ".join(counts)


COLLECTION_NAMES = tuple(f.name for f in dc_fields(Course)[1:])

