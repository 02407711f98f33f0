"""The Ottawa ankle and foot rules: does an injured ankle or midfoot need an X-ray?

A pure module (no widgets) so that the calculator widget, the notebook and the symptom checker's
triage engine all apply exactly the same rule. Point ids match the symptom-checker vocabulary
(`bone_tenderness`), so `OttawaInputs(tender=frozenset(findings["bone_tenderness"]), ...)` works as is;
`weight_bearing == "none"` there means `four_steps_now=False`.

The rules (Stiell et al. 1993, `stiell_ottawa_1993`):

- **Ankle X-ray** if there is pain in the malleolar zone AND either bone tenderness at the back edge or
  tip (lower 6 cm) of either malleolus, OR inability to bear weight (four steps) both right after the
  injury and when examined.
- **Foot X-ray** if there is pain in the midfoot zone AND either bone tenderness at the base of the
  5th metatarsal or at the navicular, OR the same inability to bear weight.

Tenderness at a point is pain in that point's zone, so a tender malleolus counts as malleolar-zone
pain even if the zone was not ticked: the calculator never recommends fewer X-rays than the rules do.
The rules are built to rule a fracture OUT; they only do that when they apply (see EXCLUSIONS).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypedDict

ANKLE, FOOT = "ankle", "foot"


@dataclass(frozen=True)
class TenderPoint:
    """One of the four Ottawa bony points: where it is, in plain words and anatomically."""

    id: str
    label: str          # the plain label a learner ticks (unique: tests and browser checks find it by text)
    anatomical: str
    zone: str           # ANKLE (malleolar zone) or FOOT (midfoot zone)
    side: str           # "inner" or "outer" side of the foot, for the diagram


TENDER_POINTS: dict[str, TenderPoint] = {p.id: p for p in (
    TenderPoint("medial_malleolus", "Inner ankle bone: back edge or tip",
                "posterior edge or tip of the medial malleolus (distal 6 cm)", ANKLE, "inner"),
    TenderPoint("lateral_malleolus", "Outer ankle bone: back edge or tip",
                "posterior edge or tip of the lateral malleolus (distal 6 cm)", ANKLE, "outer"),
    TenderPoint("navicular", "Bump on the inner midfoot (navicular)",
                "navicular bone (medial midfoot)", FOOT, "inner"),
    TenderPoint("fifth_metatarsal_base", "Bump on the outer midfoot (base of 5th metatarsal)",
                "base of the fifth metatarsal (lateral midfoot)", FOOT, "outer"),
)}

ZONES: dict[str, str] = {
    ANKLE: "Pain around either ankle bone (the malleolar zone)",
    FOOT: "Pain in the middle of the foot (the midfoot zone)",
}

# When any of these is true the rules were not built or tested for the person, so a "no X-ray" answer
# cannot be trusted: a clinician decides. Wording is for the learner.
EXCLUSIONS: dict[str, str] = {
    "older_than_10_days": "The injury happened more than 10 days ago",
    "under_18": "Under 18 years old (the original rules were built for adults)",
    "pregnant": "Pregnant",
    "intoxicated": "Drunk or under the influence of drugs",
    "reduced_sensation": "Reduced feeling in the legs or feet (for example nerve damage from diabetes)",
    "head_injury": "A head injury at the same time",
    "distracting_injury": "Another painful injury that takes attention away from the ankle",
    "re_evaluation": "Coming back to be checked again for the same injury",
    "isolated_skin_injury": "Only a skin injury (a cut or graze) with no other ankle injury",
}

# Pooled accuracy (Bachmann et al. 2003, BMJ): sensitivity close to 100 %; negative likelihood ratio
# about 0.08 for the ankle rule and for the midfoot rule (0.07 in children). In studies that used the two
# together as one assessment, as the symptom checker does, it was 0.21 (0.12 to 0.38; the review's Table 1).
# Specificity varied widely between studies, so no LR+ is pooled.
class Accuracy(TypedDict):
    """Typed so that each reader gets a number where it does arithmetic and text where it escapes it."""

    sensitivity_text: str
    lr_negative: float
    lr_negative_ci: str
    lr_negative_combined: float
    lr_negative_combined_ci: str
    refs: tuple[str, ...]


ACCURACY: Accuracy = {
    "sensitivity_text": "close to 100 %",
    "lr_negative": 0.08,
    "lr_negative_ci": "0.03 to 0.18 (ankle); 0.03 to 0.20 (midfoot)",
    "lr_negative_combined": 0.21,
    "lr_negative_combined_ci": "0.12 to 0.38 (ankle and midfoot assessed together)",
    "refs": ("bachmann_ottawa_2003", "stiell_ottawa_1993"),
}


@dataclass(frozen=True)
class OttawaInputs:
    """What the clinician (or learner) found. Point, zone and exclusion ids are the keys above."""

    tender: frozenset[str] = frozenset()
    pain_zones: frozenset[str] = frozenset()
    four_steps_immediately: bool = True
    four_steps_now: bool = True
    exclusions: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        for name, given, known in (("tender", self.tender, TENDER_POINTS), ("pain_zones", self.pain_zones, ZONES),
                                   ("exclusions", self.exclusions, EXCLUSIONS)):
            unknown = set(given) - set(known)
            if unknown:
                raise ValueError(f"{name}: unknown {sorted(unknown)}; expected some of {sorted(known)}")
            object.__setattr__(self, name, frozenset(given))
        for name in ("four_steps_immediately", "four_steps_now"):
            if not isinstance(getattr(self, name), bool):
                raise ValueError(f"{name}: expected true or false")

    @property
    def unable_to_bear_weight(self) -> bool:
        """The rules' definition: could not take four steps both right after the injury AND now."""
        return not self.four_steps_immediately and not self.four_steps_now


@dataclass(frozen=True)
class Decision:
    """The rules' answer. `ankle_xray`/`foot_xray` say whether the criteria for an X-ray are met.

    Only when `applies` is True can a "no" be used to skip an X-ray; otherwise `exclusions` lists why the
    rules cannot be used and a clinician decides (see `clinician_decides`).
    """

    ankle_xray: bool
    foot_xray: bool
    applies: bool
    reasons: list[str] = field(default_factory=list)
    exclusions: list[str] = field(default_factory=list)

    @property
    def any_xray(self) -> bool:
        return self.ankle_xray or self.foot_xray

    @property
    def clinician_decides(self) -> bool:
        """True when the rules cannot rule out a fracture, so the X-ray question is a clinician's call."""
        return not self.applies and not self.any_xray


def _zone_has_pain(inputs: OttawaInputs, zone: str) -> bool:
    return zone in inputs.pain_zones or any(TENDER_POINTS[p].zone == zone for p in inputs.tender)


def _tender_in(inputs: OttawaInputs, zone: str) -> list[TenderPoint]:
    return [p for p in TENDER_POINTS.values() if p.zone == zone and p.id in inputs.tender]


def ottawa_decision(inputs: OttawaInputs) -> Decision:
    """Apply the Ottawa ankle and foot rules and say, in plain words, why."""
    reasons: list[str] = []
    unable = inputs.unable_to_bear_weight
    verdicts = {}
    for zone, name in ((ANKLE, "ankle"), (FOOT, "foot")):
        tender = _tender_in(inputs, zone)
        pain = _zone_has_pain(inputs, zone)
        verdicts[zone] = bool(tender) or (pain and unable)
        for point in tender:
            reasons.append(f"Tender: {point.label} ({point.anatomical}). The {name} rule says X-ray.")
        if pain and unable:
            reasons.append(f"Pain in the {name} zone and could not take four steps both right after the injury "
                           f"and now: the {name} rule says X-ray.")
    if not verdicts[ANKLE] and not verdicts[FOOT]:
        if unable:
            reasons.append("Could not take four steps, but there is no pain in the ankle or midfoot zones, "
                           "so these rules do not call for an X-ray; a clinician should still check.")
        else:
            reasons.append("None of the four bony points is tender and four steps were possible (limping "
                           "counts), so the rules say no X-ray is needed.")
    elif not unable and (inputs.four_steps_immediately != inputs.four_steps_now):
        reasons.append("Four steps were possible at one of the two times, which counts as able to bear weight.")
    excluded = [EXCLUSIONS[e] for e in EXCLUSIONS if e in inputs.exclusions]
    if excluded and not (verdicts[ANKLE] or verdicts[FOOT]):
        reasons.append("But the rules do not apply here, so they cannot rule out a broken bone: "
                       "a clinician decides whether an X-ray is needed.")
    return Decision(ankle_xray=verdicts[ANKLE], foot_xray=verdicts[FOOT], applies=not excluded,
                    reasons=reasons, exclusions=excluded)



# --------------------------------------------------------------------------- from the symptom checker's answers
# Which of the checker's `pain_location` answers lie in each zone of the rules.
ZONE_OF_PAIN_LOCATION: dict[str, str] = {
    "inner_ankle_bone": ANKLE, "behind_inner_ankle": ANKLE, "below_inner_ankle": ANKLE, "whole_ankle": ANKLE,
    "inner_arch": FOOT,
}
RULES_MAX_DAYS = 10  # the rules were derived for injuries of the last 10 days (older_than_10_days)


def exclusions_from_findings(findings: Mapping[str, Any]) -> frozenset[str]:
    """The exclusions that the checker's answers reveal. The others (pregnancy, intoxication, a head
    injury, ...) are not asked, so a checker can never claim more than "the rules did not exclude this"."""
    found = set()
    days, age = findings.get("duration_days"), findings.get("age")
    if days is not None and days > RULES_MAX_DAYS:
        found.add("older_than_10_days")
    if age is not None and age < 18:
        found.add("under_18")
    if findings.get("reduced_foot_sensation") is True:
        found.add("reduced_sensation")
    return frozenset(found)


def inputs_from_findings(findings: Mapping[str, Any]) -> OttawaInputs | None:
    """The rules' inputs from the checker's answers, or None when the answers cannot settle the rules.

    A tender point settles them on its own. Otherwise both the tenderness answer and the ability to take
    four steps at one of the two times are needed: "nothing hurts" says nothing about walking. An unknown
    time point only counts as "able" when the other one is known to be able, which decides the weight-bearing
    criterion whatever the unknown one was.
    """
    if "bone_tenderness" not in findings:
        return None
    tender = frozenset(findings["bone_tenderness"]) & frozenset(TENDER_POINTS)
    now = None if "weight_bearing" not in findings else findings["weight_bearing"] != "none"
    at_injury = findings.get("unable_4_steps_immediately")
    immediately = None if at_injury is None else not at_injury
    if not tender and now is not True and immediately is not True and (now is None or immediately is None):
        return None
    zones = frozenset(ZONE_OF_PAIN_LOCATION[p] for p in findings.get("pain_location") or ()
                      if p in ZONE_OF_PAIN_LOCATION)
    return OttawaInputs(tender=tender, pain_zones=zones,
                        four_steps_immediately=immediately if immediately is not None else now is not False,
                        four_steps_now=now if now is not None else immediately is not False,
                        exclusions=exclusions_from_findings(findings))
