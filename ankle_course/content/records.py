"""The records course content becomes once it is valid: frozen dataclasses and nothing else.

They live apart from the marshmallow schemas that build them so that code which only reads content
(every widget, and the content cache) never imports the validation machinery. Lists in the TOML become
tuples here, so a record cannot be changed by a widget.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

Point = tuple[float, float]


@dataclass(frozen=True)
class Reference:
    id: str
    citation: str
    kind: str
    year: int
    url: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    plain: str
    detail: str | None = None
    refs: tuple[str, ...] = ()
    see_also: tuple[str, ...] = ()


@dataclass(frozen=True)
class Objective:
    id: str
    text: str


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


@dataclass(frozen=True)
class WarningSign:
    id: str
    sign: str
    could_be: str
    action: str
    findings: dict[str, Any]
    refs: tuple[str, ...]
    mentions: str = ""  # a regular expression for the words by which a sentence talks about this sign


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


# How content text cites a reference inline: [@reference_id]. The one pattern: the loader checks every match
# names a reference (so a malformed id is reported, not shown), and condition_text numbers them on the page.
CITATION = re.compile(r"\[@([^\]]*)\]")


@dataclass(frozen=True)
class ConditionDetails:
    """What a learner reads about a condition, section by section; cite inside the text with [@ref_id]."""

    what_happens: str
    who: str
    feels: str
    do_now: str
    recovery: str
    pt_depth: str | None = None
    correction: str | None = None  # what the source article said, where it was wrong or dated


@dataclass(frozen=True)
class Condition:
    id: str
    name: str
    group: str
    summary: str
    refs: tuple[str, ...]
    structures: tuple[str, ...] = ()
    details: ConditionDetails | None = None
    short_name: str | None = None  # for figure axes
    # symptom-checker answers ("finding" or "finding=choice") typical of it; drawn as the comparison grid
    typical_findings: tuple[str, ...] = ()
    # why a home loading programme must wait for a clinician's go-ahead (None: the handout may be made)
    needs_clinician_before_loading: str | None = None


@dataclass(frozen=True)
class SymptomQuestion:
    """How the symptom checker asks for one finding of the triage vocabulary (the id is the finding id)."""

    id: str
    section: str
    track: str
    type: str
    prompt: str
    short: str
    help: str | None = None
    choices: tuple[str, ...] = ()
    choice_labels: tuple[str, ...] = ()
    min: int | None = None
    max: int | None = None
    pt_help: str | None = None  # the clinical name or technique, for PT-student mode only
    figure: str | None = None  # a drawing shown with the question (QUESTION_FIGURES)


# The two tracks a learner follows through the course (learner or PT student): a question's audience, the
# symptom checker's mode. A module is for one track or "both" (MODULE_TRACKS).
TRACKS: tuple[str, ...] = ("learner", "pt_student")
MODULE_TRACKS: tuple[str, ...] = (*TRACKS, "both")

# The range of each dosage number (smallest, largest, what the learner calls it, unit): the one definition
# that the content check and the exercise timer both apply, so a dosage that passes the check always runs.
# Beyond these a value is a typo, not a dosage.
DOSAGE_LIMITS: dict[str, tuple[int, int, str, str]] = {
    "reps": (1, 100, "Repetitions per set", ""),
    "sets": (1, 10, "Sets", ""),
    "hold_s": (1, 120, "Hold", " seconds"),
    "rest_s": (0, 600, "Rest between sets", " seconds"),
    "get_ready_s": (0, 60, "Get-ready time", " seconds"),
    "relax_s": (0, 60, "Relax time between repetitions", " seconds"),
}


@dataclass(frozen=True)
class Dosage:
    label: str
    reps: int
    sets: int
    hold_s: int
    rest_s: int
    relax_s: int = 3  # between repetitions, for the exercise timer
    reps_max: int | None = None  # a range of repetitions ("2 to 3 times"): the timer starts at `reps`


@dataclass(frozen=True)
class ExercisePoses:
    """How the exercise's pictures are posed (ankle_course.body_model): the view, what the body rests on,
    where the hands go, the props, the joint angles at the start and the end, and the joint that moves
    with the range of that movement (degrees, end minus start), which the tests hold the poses to."""

    view: str
    support: str
    hands: str
    props: tuple[str, ...]
    moves: str
    change: tuple[float, float]
    start: Mapping[str, float]
    end: Mapping[str, float]
    arrow_from: str  # the body point whose path the end picture's arrow shows
    caption: str  # the movement in words, written on the end picture
    close_up: bool = False  # add a magnified view of the foot, for movements too small at full-body scale


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    purpose: str
    steps: tuple[str, ...]
    dosages: tuple[Dosage, ...]
    cautions: tuple[str, ...]
    refs: tuple[str, ...]
    # the pictures' alt text: where the body is at the start and at the end of one repetition
    start_position: str | None = None
    end_position: str | None = None
    progression: str | None = None
    poses: ExercisePoses | None = None
    next_exercise: str | None = None  # the harder exercise to move on to, by the progression rule
    not_by_default_for: tuple[str, ...] = ()  # condition ids whose default handout leaves this exercise out


# The id of the one plan in programme.toml: the loader checks it is there and alone, and progression reads it.
PROGRAMME_ID = "home_programme"


@dataclass(frozen=True)
class Programme:
    """The one definition of the programme's pain-monitoring rule and its frequency (programme.toml)."""

    id: str
    pain_during_max: int
    comfortable_low: int
    comfortable_high: int
    sessions_to_confirm: int
    morning_margin: int
    days_per_week_min: int
    days_per_week_max: int
    weeks_at_level_min: int
    balance_weeks: int
    default_handout: tuple[str, ...]
    refs: tuple[str, ...]


@dataclass(frozen=True)
class DifferentialCard:
    """A condition a PT student must know for the medial ankle and foot that the symptom checker does not model:
    taught as a card (module 2's PT-student depth), never ranked by the checker."""

    id: str
    name: str
    who: str
    presentation: str
    examination: str
    imaging: str
    management: str
    not_in_checker: str  # why it is a card and not a checker condition
    mimics: tuple[str, ...]  # contract condition ids it is confused with
    refs: tuple[str, ...]
    staging: str | None = None


@dataclass(frozen=True)
class EvidenceCard:
    """A treatment the course recommends and the study behind it, in numbers (module 4's PT-student depth)."""

    id: str
    treatment: str
    condition: str  # a condition id of the symptom-checker contract
    applies_to: str  # the patients it was tested in, e.g. a stage
    design: str
    arms: tuple[str, ...]
    participants: str
    outcome: str
    effect: str
    limits: str
    refs: tuple[str, ...]


@dataclass(frozen=True)
class RecoveryRange:
    id: str
    condition: str
    label: str
    weeks_min: int
    weeks_max: int
    note: str
    refs: tuple[str, ...]


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
    structure: str | None = None  # identify questions: the anatomy structure id the figure highlights


@dataclass(frozen=True)
class CaseOption:
    """One choice for "what would you do next?": whether an expert would pick it, and why (or why not)."""

    id: str
    label: str
    why: str
    best: bool = False


@dataclass(frozen=True)
class CaseStage:
    name: str
    kind: str
    text: str
    ask: tuple[str, ...]
    reasoning: str  # the expert's thinking, shown only after the student has committed
    expert_differential: tuple[str, ...] = ()  # condition ids, most likely first
    triage: str | None = None  # the expert's triage at this stage
    question: str | None = None  # the next-step question, e.g. "Which test would you do next?"
    options: tuple[CaseOption, ...] = ()
    pt_depth: str | None = None
    refs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Case:
    id: str
    title: str
    condition: str
    triage: str  # the expert's final triage, compared with the symptom checker's
    findings: dict[str, Any]
    stages: tuple[CaseStage, ...]
    teaching_points: tuple[str, ...]
    checker_note: str  # where and why the symptom checker's reasoning differs from the expert's
    refs: tuple[str, ...]


@dataclass(frozen=True)
class PublishedAccuracy:
    """Published accuracy of one test against one reference standard; numbers only as the source gives them."""

    source: str
    against: str
    sensitivity: float | None = None
    specificity: float | None = None
    lr_positive: float | None = None
    lr_negative: float | None = None
    note: str | None = None


@dataclass(frozen=True)
class SpecialTest:
    id: str
    name: str
    checks: str
    how: tuple[str, ...]
    positive: str
    suggests: str
    accuracy_note: str
    refs: tuple[str, ...]
    accuracy: PublishedAccuracy | None = None
    learner_safe: str | None = None  # how (or whether) a learner may try it on themself


@dataclass(frozen=True)
class ImagingQuestion:
    id: str
    question: str
    why: str
    next_step: str | None = None


@dataclass(frozen=True)
class Scan:
    """One kind of imaging or nerve test, and the questions for which it is the first choice."""

    id: str
    name: str
    plain: str
    shows: str
    misses: str
    radiation: str
    answers: tuple[ImagingQuestion, ...]
    refs: tuple[str, ...]


@dataclass(frozen=True)
class ViewShape:
    """How one structure is drawn in one view: outlines (area), thick centre lines (band) or thin lines."""

    form: str
    parts: tuple[tuple[Point, ...], ...]
    label: Point | None = None
    pin: Point | None = None
    width: float = 0.0
    smooth: bool = True
    far_side: bool = False


@dataclass(frozen=True)
class AnatomyShape:
    """The drawings of one structure (same id as in structures.toml): the medial view always, others if shown."""

    id: str
    medial: ViewShape
    section: ViewShape | None = None
    rear: ViewShape | None = None


@dataclass(frozen=True)
class Motion:
    """One ankle motion: which joint makes it, what turns about which pivot, and the muscles that do it."""

    id: str
    name: str
    plain: str
    joint: str
    view: str
    pivot: Point
    degrees: float
    moving: tuple[str, ...]
    muscles: tuple[str, ...]
    shown_muscles: tuple[str, ...]
    range_text: str
    refs: tuple[str, ...]

