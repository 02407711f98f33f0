"""The symptom checker's public vocabulary: findings, conditions and triage levels, and the checks on answers.

These ids are a contract (see the symptom-checker spec): instructors write cases in them and an evaluation
set scores the checker through them. Adding is fine; renaming or removing breaks cases. Validation is strict
(a bool must be a real bool, a number a real int) because a silently coerced answer, such as the string
"false" read as true, would make the checker reason about something the learner did not say.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

# the levels are part of this contract; they are defined with the content that uses them
from ..levels import TRIAGE_LEVELS, TRIAGE_MEANING, urgency  # noqa: F401  (re-exported)

CONDITIONS: Mapping[str, str] = MappingProxyType({
    "medial_ankle_sprain": "deltoid (medial) ligament sprain",
    "posterior_tibial_tendinopathy": "tibialis posterior tendinopathy / early tendon dysfunction (PTTD)",
    "tendon_rupture": "rupture of a medial or anteromedial tendon (tibialis posterior or anterior)",
    "muscle_strain": "strain of tibialis posterior or the medial calf muscles",
    "medial_malleolus_fracture": "acute fracture of the medial malleolus (or another medial ankle bone)",
    "stress_fracture": "stress fracture of the medial malleolus or navicular",
    "osteoarthritis": "ankle osteoarthritis",
    "gout": "gout flare in the ankle",
    "rheumatoid_arthritis": "rheumatoid or other inflammatory arthritis",
    "tarsal_tunnel_syndrome": "tibial nerve entrapment in the tarsal tunnel",
    "fhl_tendinopathy": "flexor hallucis longus tendinopathy",
    "septic_arthritis": "infected ankle joint",
    "dvt": "deep vein thrombosis of the leg",
    "compartment_syndrome": "acute compartment syndrome of the leg",
    "charcot_foot": "active Charcot neuro-arthropathy (diabetic foot)",
    # contract version 2
    "acute_limb_ischaemia": ("blocked artery to the leg: a suddenly cold, pale or blue, painful foot, "
                             "with or without an injury"),
    # added for issue 22 (the growing foot: a learner, or a parent, can present with each)
    "accessory_navicular": "painful accessory navicular (os tibiale externum)",
    "kohler_disease": "Köhler disease (osteochondrosis of the navicular in a young child)",
    "tarsal_coalition": "tarsal coalition (a bar joining two tarsal bones; a rigid flat foot)",
})


@dataclass(frozen=True)
class Finding:
    """One question the checker can be given an answer to, and what a valid answer looks like."""

    id: str
    kind: str  # "int" | "bool" | "choice" | "set"
    question: str
    choices: tuple[str, ...] = ()
    low: int = 0
    high: int = 0

    def expected(self) -> str:
        """What a valid answer is, in the words an error message needs."""
        if self.kind == "bool":
            return "true or false (a bool)"
        if self.kind == "int":
            return f"a whole number from {self.low} to {self.high}"
        options = ", ".join(repr(c) for c in self.choices)
        if self.kind == "choice":
            return f"one of {options}"
        return f"a list of any of {options}"

    def check(self, value: Any) -> Any:
        """Return the answer in canonical form (a set answer becomes a frozenset), or raise ValueError."""
        if self.kind == "bool":
            ok = isinstance(value, bool)
        elif self.kind == "int":
            ok = isinstance(value, int) and not isinstance(value, bool) and self.low <= value <= self.high
        elif self.kind == "choice":
            ok = isinstance(value, str) and value in self.choices
        else:
            ok = isinstance(value, (list, tuple, set, frozenset)) and all(
                isinstance(item, str) and item in self.choices for item in value)
            if ok:
                return frozenset(value)
        if not ok:
            raise ValueError(f"finding '{self.id}': expected {self.expected()}, got {_shown(value)}")
        return value


def _shown(value: Any) -> str:
    """The rejected answer, fit for a one-line message: repr() of an int over 4,300 digits raises instead
    of printing (so assess({"age": 10**5000}) once named no key), and a huge list would flood the line."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10 ** 12:
        return f"a {value.bit_length() * 30103 // 100000 + 1}-digit number"
    try:
        text = repr(value)
    except (ValueError, RecursionError):  # a huge int or a deep nest inside a list
        return f"a {type(value).__name__}"
    return text if len(text) <= 80 else text[:77] + "..."


def _bool(ident: str, question: str) -> Finding:
    return Finding(ident, "bool", question)


FINDINGS: Mapping[str, Finding] = MappingProxyType({f.id: f for f in (
    Finding("age", "int", "age in years", low=0, high=120),
    Finding("sex", "choice", "sex", choices=("female", "male")),
    Finding("onset", "choice", "how it started", choices=("sudden_injury", "sudden_no_injury", "gradual")),
    Finding("duration_days", "int", "days since the pain began", low=0, high=3650),
    Finding("mechanism", "choice", "how the injury happened (rolled_inward = eversion, rolled_outward = inversion)",
            choices=("none", "rolled_inward", "rolled_outward", "twisted", "direct_blow", "fall_or_crush", "landing")),
    _bool("pop_at_injury", "heard or felt a pop or snap"),
    _bool("training_increase", "recent jump in running, jumping, dancing or walking"),
    _bool("high_impact_activity", "regular running, jumping sport or dance"),
    Finding("pain_location", "set", "where it hurts",
            choices=("inner_ankle_bone", "behind_inner_ankle", "below_inner_ankle", "inner_arch", "sole",
                     "front_of_ankle", "whole_ankle", "calf")),
    _bool("swelling", "swelling around the ankle"),
    _bool("bruising", "bruising"),
    _bool("redness_warmth", "the ankle or foot is red and hot"),
    _bool("fever", "fever (38 °C or more) or feeling feverish and unwell"),
    Finding("weight_bearing", "choice", "walking now (none = cannot take four steps)",
            choices=("normal", "limping", "few_steps", "none")),
    _bool("unable_4_steps_immediately", "could not take four steps right after the injury"),
    Finding("bone_tenderness", "set", "pressing these bony points hurts (the Ottawa points)",
            choices=("medial_malleolus", "lateral_malleolus", "navicular", "fifth_metatarsal_base")),
    _bool("tenderness_along_tendon", "tender along the line behind and below the inner ankle bone toward the arch"),
    Finding("heel_raise", "choice", "rising onto the toes of this foot alone", choices=("normal", "painful", "unable")),
    _bool("arch_collapsing", "this foot's arch has flattened, or it looks flatter than the other"),
    _bool("flat_feet", "has had flat feet for years"),
    # added for issue 22: the two findings that set the new growing-foot conditions apart
    _bool("medial_midfoot_bump", "a hard bony bump on the inner side of the midfoot, in front of the ankle bone"),
    _bool("rigid_flat_foot", "the arch of this foot stays flat when standing on tiptoe (a stiff flat foot)"),
    _bool("numbness_tingling_sole", "numbness or pins and needles in the sole or heel"),
    _bool("burning_electric_pain", "burning or electric pain"),
    _bool("tinel_sign", "tapping just behind the inner ankle bone sends tingling into the foot"),
    _bool("worse_with_standing_walking", "worse with standing or walking"),
    _bool("night_or_rest_pain", "pain at night or at rest"),
    _bool("stiffness_after_rest", "stiff after sitting or first thing in the morning, loosening with movement"),
    _bool("morning_stiffness_over_30_min", "morning stiffness that lasts more than 30 minutes"),
    _bool("eases_with_rest", "pain eases with rest"),
    _bool("pain_with_activity", "pain comes on with activity"),
    _bool("weakness_or_instability", "the ankle feels weak or gives way"),
    _bool("reduced_motion", "cannot move the ankle as far as usual"),
    _bool("muscle_spasm", "muscle spasm or tight knots in the calf or along the shin"),
    _bool("big_toe_pain_or_clicking",
          "pain behind the inner ankle when pushing off the big toe, or the big toe clicks or catches"),
    _bool("foot_drop_or_slapping", "the foot slaps down or the toes catch when walking"),
    _bool("calf_swelling_tenderness", "one calf is swollen, tender or bigger than the other"),
    _bool("recent_immobilisation",
          "cast, boot, long bed rest or a long journey in the last 4 weeks, or surgery in the last 12 weeks"),
    # version 2 narrows this to a new change; long-standing numbness is numbness_tingling_sole or
    # reduced_foot_sensation, and never alone makes an emergency
    _bool("foot_cold_pale_numb",
          "the foot has suddenly become cold, pale or bluish, or has newly gone numb or weak (today, or since the injury)"),
    _bool("breathless_or_chest_pain", "short of breath, chest pain, or coughing blood"),
    _bool("visible_deformity", "the ankle looks out of shape"),
    _bool("open_wound_over_injury", "a wound over the injury, or bone visible"),
    _bool("pain_out_of_proportion", "severe pain that painkillers do not touch, worse when the toes are moved"),
    _bool("little_pain_despite_swelling", "a hot, swollen foot that hurts surprisingly little"),
    _bool("exquisite_tenderness", "so tender that even a bedsheet on it hurts"),
    _bool("diabetes", "has diabetes"),
    _bool("reduced_foot_sensation", "known nerve damage, or cannot feel the feet well"),
    _bool("previous_ankle_injury", "an old fracture or repeated sprains of this ankle"),
    _bool("gout_history", "has had gout before"),
    _bool("other_joints_affected", "pain and swelling in other joints too (hands, both sides)"),
    _bool("overweight", "overweight"),
    _bool("steroid_or_fluoroquinolone",
          "steroid injections or tablets, or a fluoroquinolone antibiotic, recently"),
)})


def _unknown_key_message(key: Any) -> str:
    if not isinstance(key, str):
        return f"finding ids are strings, got {key!r}; expected one of the ids in FINDINGS, e.g. 'onset'"
    close = difflib.get_close_matches(key, FINDINGS, n=1)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"unknown finding '{key}': expected one of the ids in FINDINGS (e.g. 'age', 'onset', 'swelling'){hint}"


def validate_findings(findings: Mapping[str, Any]) -> dict[str, Any]:
    """Check every answer and return a canonical copy; raise ValueError naming the first bad key.

    Absent keys stay absent: an unanswered question is unknown, never "no". The copy (with set answers as
    frozensets) lets the engine treat the learner's dict as read-only.
    """
    if not isinstance(findings, Mapping):
        raise ValueError(f"findings must be a mapping of finding id to answer, got {type(findings).__name__}")
    clean: dict[str, Any] = {}
    for key, value in findings.items():
        finding = FINDINGS.get(key) if isinstance(key, str) else None
        if finding is None:
            raise ValueError(_unknown_key_message(key))
        clean[key] = finding.check(value)
    return clean
