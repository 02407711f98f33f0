"""Read a content folder, validate every entry, and cross-check what entries cite.

The loader collects every problem before it gives up, so an instructor fixes a file in one pass
instead of one error per run.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..ids import ID_RULE, card_id, is_id
from . import records as r
from . import schemas as s
from .checker.model_loader import check_triage_model
from .checker.vocabulary import CONDITIONS, validate_findings
from .knowledge import SHIPPED_FOLDER, Course
from .problems import ContentError, ContentProblem
from .records import CITATION, PROGRAMME_ID
from .toml_files import entry_label, load_entries, load_entry, read_toml


@dataclass(frozen=True)
class Collection:
    """One kind of content: the file it lives in, the name of its [[table]], and its schema."""

    attr: str
    file: str
    table: str
    schema: type[s.RecordSchema]
    required: bool = True  # the file must exist and hold at least one entry


# Every collection is required: each one feeds a notebook, and an empty one passes no schema check yet
# breaks a module later (an empty conditions.toml used to pass, then module 2 raised KeyError).
COLLECTIONS = (
    Collection("references", "references.toml", "reference", s.ReferenceSchema),
    Collection("modules", "modules.toml", "module", s.ModuleSchema),
    Collection("terms", "glossary.toml", "term", s.TermSchema),
    Collection("warning_signs", "warning_signs.toml", "sign", s.WarningSignSchema),
    Collection("structures", "structures.toml", "structure", s.StructureSchema),
    Collection("anatomy_shapes", "anatomy_shapes.toml", "shape", s.AnatomyShapeSchema),
    Collection("motions", "anatomy_motions.toml", "motion", s.MotionSchema),
    Collection("conditions", "conditions.toml", "condition", s.ConditionSchema),
    Collection("exercises", "exercises.toml", "exercise", s.ExerciseSchema),
    Collection("programme", "programme.toml", "plan", s.ProgrammeSchema),
    Collection("questions", "questions.toml", "question", s.QuestionSchema),
    Collection("recovery", "recovery.toml", "range", s.RecoveryRangeSchema),
    Collection("evidence", "treatment_evidence.toml", "card", s.EvidenceCardSchema),
    # optional: teaching-only cards, none at present (their first three became checker conditions)
    Collection("differential", "differential.toml", "card", s.DifferentialCardSchema, required=False),
    Collection("symptom_questions", "symptom_questions.toml", "question", s.SymptomQuestionSchema),
    Collection("special_tests", "special_tests.toml", "test", s.SpecialTestSchema),
    Collection("scans", "imaging.toml", "scan", s.ScanSchema),
)
CASES_FOLDER = "cases"


def _load_collection(folder: Path, coll: Collection, problems: list[ContentProblem]) -> dict[str, Any]:
    path = folder / coll.file
    if not path.exists():
        if coll.required:
            problems.append(ContentProblem(coll.file, "", "", "file is missing"))
        return {}
    data = read_toml(path, coll.file, problems)
    if data is None:
        return {}
    if coll.required and not data.get(coll.table):
        problems.append(ContentProblem(coll.file, "", coll.table, f"has no [[{coll.table}]] entries; the course needs at least one"))
    for key in data.keys() - {coll.table}:
        problems.append(ContentProblem(coll.file, "", key, f"unexpected top-level key; entries go in [[{coll.table}]] tables"))
    return load_entries(coll.schema(), data.get(coll.table, []), coll.file, coll.table, problems)


def _load_cases(folder: Path, problems: list[ContentProblem], case_files: dict[str, str]) -> dict[str, r.Case]:
    """Each case is a file of its own, so an instructor adds a case by dropping in one file."""
    schema = s.CaseSchema()
    cases: dict[str, r.Case] = {}
    for path in sorted((folder / CASES_FOLDER).glob("*.toml")):
        name = f"{CASES_FOLDER}/{path.name}"
        data = read_toml(path, name, problems)
        if data is None:
            continue
        label = entry_label(data, 1)
        case = load_entry(schema, data, name, label, problems)
        if case is None:
            continue
        if case.id in cases:
            problems.append(ContentProblem(name, label, "id", f"duplicate id '{case.id}'; another case file uses it"))
            continue
        cases[case.id] = case
        case_files[case.id] = name
    if not cases and not any(p.file.startswith(f"{CASES_FOLDER}/") for p in problems):
        problems.append(ContentProblem(f"{CASES_FOLDER}/", "", "", "has no case files; module 6 needs at least one"))
    return cases


def _cross_check(records: dict[str, dict[str, Any]], case_files: dict[str, str], problems: list[ContentProblem]) -> None:
    """Every id an entry cites must exist; checked after loading so that order in files is free."""
    files = {c.attr: c.file for c in COLLECTIONS} | {"cases": CASES_FOLDER}

    def file_of(attr: str, record: Any) -> str:
        return case_files[record.id] if attr == "cases" else files[attr]

    def expect(attr: str, record: Any, field_name: str, ids: Iterable[str], target: str, what: str,
               is_list: bool = True) -> None:
        known = records[target]
        for i, ident in enumerate(ids):
            if ident not in known:
                where = f"{field_name}[{i}]" if is_list else field_name
                problems.append(ContentProblem(
                    file_of(attr, record), f"'{record.id}'", where, f"unknown {what} '{ident}'; expected an id from {files[target]}"))

    for structure in records["structures"].values():
        if not is_id(card_id(structure.id)):
            problems.append(ContentProblem(
                "structures.toml", f"'{structure.id}'", "id",
                f"too long to name its flashcard '{card_id(structure.id)}' in a progress file (ids: {ID_RULE})"))
    for attr, entries in records.items():
        for record in entries.values():
            if hasattr(record, "refs"):
                expect(attr, record, "refs", record.refs, "references", "reference")
    _check_anatomy_drawings(records, problems)
    for term in records["terms"].values():
        expect("terms", term, "see_also", term.see_also, "terms", "glossary term")
    for cond in records["conditions"].values():
        expect("conditions", cond, "structures", cond.structures, "structures", "structure")
        _check_condition_text(cond, records, problems)
    objectives = {(m.id, o.id) for m in records["modules"].values() for o in m.objectives}
    for q in records["questions"].values():
        expect("questions", q, "module", (q.module,), "modules", "module", is_list=False)
        if q.module in records["modules"] and (q.module, q.objective) not in objectives:
            problems.append(ContentProblem(
                "questions.toml", f"'{q.id}'", "objective",
                f"unknown objective '{q.objective}' for module '{q.module}'; expected one listed in modules.toml"))
        if q.structure and records["structures"] and q.structure not in records["structures"]:
            problems.append(ContentProblem(
                "questions.toml", f"'{q.id}'", "structure",
                f"unknown structure '{q.structure}'; expected an id from structures.toml"))
    def contract_condition(file: str, entry: str, field: str, ident: str) -> None:
        if ident not in CONDITIONS:
            problems.append(ContentProblem(file, f"'{entry}'", field, f"unknown condition '{ident}'; expected a "
                                           "condition id of the symptom-checker contract"))

    for ex in records["exercises"].values():
        if ex.next_exercise is not None:
            expect("exercises", ex, "next_exercise", (ex.next_exercise,), "exercises", "exercise", is_list=False)
        for i, cond in enumerate(ex.not_by_default_for):
            contract_condition("exercises.toml", ex.id, f"not_by_default_for[{i}]", cond)
    for plan in records["programme"].values():
        expect("programme", plan, "default_handout", plan.default_handout, "exercises", "exercise")
        if plan.id != PROGRAMME_ID:  # the course reads one plan, by this id: another would be silently ignored
            problems.append(ContentProblem(
                "programme.toml", f"'{plan.id}'", "id",
                f"the course uses exactly one [[plan]], with id '{PROGRAMME_ID}'; rename this one or remove it"))
    if PROGRAMME_ID not in records["programme"]:
        problems.append(ContentProblem(
            "programme.toml", f"'{PROGRAMME_ID}'", "id",
            f"no [[plan]] has id '{PROGRAMME_ID}', which the course needs for its pain rule and handout"))
    for rng in records["recovery"].values():
        contract_condition("recovery.toml", rng.id, "condition", rng.condition)
    for card in records["differential"].values():
        if card.id in CONDITIONS:
            problems.append(ContentProblem("differential.toml", f"'{card.id}'", "id",
                                           "is a symptom-checker condition; its card belongs in conditions.toml"))
        for i, ident in enumerate(card.mimics):
            contract_condition("differential.toml", card.id, f"mimics[{i}]", ident)
    for card in records["evidence"].values():
        contract_condition("treatment_evidence.toml", card.id, "condition", card.condition)
    for case in records["cases"].values():
        if records["conditions"] and case.condition not in records["conditions"]:
            problems.append(ContentProblem(
                case_files[case.id], f"'{case.id}'", "condition",
                f"unknown condition '{case.condition}'; expected an id from conditions.toml"))
        _check_case(case, case_files[case.id], records, problems)
    for test in records["special_tests"].values():
        if test.accuracy is not None:
            expect("special_tests", test, "accuracy.source", (test.accuracy.source,), "references", "reference",
                   is_list=False)
    seen_questions: set[str] = set()
    for scan in records["scans"].values():
        for i, answer in enumerate(scan.answers):
            if answer.id in seen_questions:
                problems.append(ContentProblem("imaging.toml", f"'{scan.id}'", f"answers[{i}].id",
                                               f"duplicate question id '{answer.id}'; each question has one first choice"))
            seen_questions.add(answer.id)


def _check_condition_text(cond: r.Condition, records: dict[str, dict[str, Any]], problems: list[ContentProblem]) -> None:
    """A condition's text cites with [@ref_id]; its typical findings name symptom questions (and a choice)."""
    sections = vars(cond.details) if cond.details else {}
    for name, text in sections.items():
        for ident in CITATION.findall(text or ""):
            if ident not in records["references"]:
                problems.append(ContentProblem("conditions.toml", f"'{cond.id}'", f"details.{name}",
                                               f"cites unknown reference '{ident}'; expected an id from references.toml"))
    questions = records["symptom_questions"]
    if not questions:
        return
    for i, item in enumerate(cond.typical_findings):
        finding, _, choice = item.partition("=")
        q = questions.get(finding)
        if q is None:
            message = f"unknown finding '{finding}'; expected an id from symptom_questions.toml"
        elif (q.type == "choice" or (q.type == "set" and choice)) and choice not in q.choices:
            message = f"'{finding}' is a {q.type} question: write '{finding}=<one of {', '.join(q.choices)}>'"
        elif q.type == "bool" and choice:
            message = f"'{finding}' is a yes/no question: write it without '={choice}'"
        elif q.type == "int":
            message = f"'{finding}' is a number question and cannot be a typical finding"
        else:
            continue
        problems.append(ContentProblem("conditions.toml", f"'{cond.id}'", f"typical_findings[{i}]", message))


def _check_case(case: r.Case, name: str, records: dict[str, dict[str, Any]], problems: list[ContentProblem]) -> None:
    """A case speaks the symptom checker's language (contract findings and condition ids), so that the checker
    can reason about the same patient; what its stages cite must exist too."""

    def bad(field_name: str, message: str) -> None:
        problems.append(ContentProblem(name, f"'{case.id}'", field_name, message))

    unknown = "unknown condition '{}'; expected a condition id of the symptom-checker contract"
    if case.condition not in CONDITIONS:
        bad("condition", unknown.format(case.condition))
    for key, value in case.findings.items():
        try:
            validate_findings({key: value})
        except ValueError as exc:
            bad(f"findings.{key}", str(exc))
    for i, stage in enumerate(case.stages):
        for j, ident in enumerate(stage.expert_differential):
            if ident not in CONDITIONS:
                bad(f"stages[{i}].expert_differential[{j}]", unknown.format(ident))
        if len(set(stage.expert_differential)) != len(stage.expert_differential):
            bad(f"stages[{i}].expert_differential", "names a condition twice")
        for j, ref in enumerate(stage.refs):
            if ref not in records["references"]:
                bad(f"stages[{i}].refs[{j}]", f"unknown reference '{ref}'; expected an id from references.toml")


def check_course(folder: Path | str | None = None) -> tuple[Course | None, list[ContentProblem]]:
    """Validate a content folder; return the course (None if anything is wrong) and every problem."""
    folder = Path(folder) if folder is not None else SHIPPED_FOLDER
    if not folder.is_dir():
        return None, [ContentProblem(str(folder), "", "", "is not a folder")]
    problems: list[ContentProblem] = []
    records: dict[str, dict[str, Any]] = {c.attr: _load_collection(folder, c, problems) for c in COLLECTIONS}
    case_files: dict[str, str] = {}
    records["cases"] = _load_cases(folder, problems, case_files)
    _cross_check(records, case_files, problems)
    problems.extend(check_triage_model(folder))
    if problems:
        return None, sorted(problems)
    course = Course(folder=folder, **{k: MappingProxyType(v) for k, v in records.items()})
    return course, []


def load_course(folder: Path | str | None = None) -> Course:
    """Load and validate a content folder, raising ContentError that lists every problem."""
    course, problems = check_course(folder)
    if course is None:
        raise ContentError(problems)
    return course


def _check_anatomy_drawings(records: dict[str, dict[str, Any]], problems: list[ContentProblem]) -> None:
    """Every structure is drawn and every drawing is of a structure; motions move things that are drawn."""
    structures, shapes = records["structures"], records["anatomy_shapes"]
    if not shapes and not records["motions"]:
        return
    for ident in structures.keys() - shapes.keys():
        problems.append(ContentProblem("anatomy_shapes.toml", f"'{ident}'", "",
                                       "structure in structures.toml has no shape; add a [[shape]] with this id"))
    for ident in shapes.keys() - structures.keys():
        problems.append(ContentProblem("anatomy_shapes.toml", f"'{ident}'", "id",
                                       "shape of an unknown structure; expected an id from structures.toml"))
    for motion in records["motions"].values():
        label = f"'{motion.id}'"
        if motion.joint not in structures:
            problems.append(ContentProblem("anatomy_motions.toml", label, "joint",
                                           f"unknown structure '{motion.joint}'; expected an id from structures.toml"))
        for name in ("moving", "shown_muscles"):
            for i, ident in enumerate(getattr(motion, name)):
                shape = shapes.get(ident)
                if shape is None or getattr(shape, motion.view) is None:
                    problems.append(ContentProblem(
                        "anatomy_motions.toml", label, f"{name}[{i}]",
                        f"'{ident}' has no shape in the {motion.view} view in anatomy_shapes.toml"))
