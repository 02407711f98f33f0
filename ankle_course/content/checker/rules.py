"""Safety floors: answers that set the least urgent triage the checker may give, whatever the scores say.

The first block is the contract's red-flag table, one rule per way a row can fire, so that a learner is
told exactly which answer set the floor. The second block is the course's own, more cautious rules: they
only ever lift the advice from home care to "see someone", never lower anything.

Rules read answers already checked by `validate_findings` (set answers are frozensets).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ...ottawa import RULES_MAX_DAYS, OttawaInputs, ottawa_decision
from .vocabulary import urgency

Findings = Mapping[str, Any]

# answers that say nothing about the ankle itself; a checker given only these cannot rank causes
DEMOGRAPHIC = frozenset({"age", "sex"})
MIN_ANSWERS_TO_RANK = 2
# after an injury, these are the Ottawa questions that rule a broken bone in or out
OTTAWA_QUESTIONS = ("weight_bearing", "unable_4_steps_immediately", "bone_tenderness")
NEW_FOOT_DROP_DAYS = 30  # a foot drop younger than this (or of unknown age) is new
CHILD_AGE = 18  # under this age, bone pain without an injury is a child's (NICE NG12's threshold, as above)
YOUNG_CHILD_AGE = 10  # under this age (Köhler disease's years), any foot pain without an injury
CHILD_BONE_SITES = frozenset({"inner_ankle_bone", "inner_arch"})  # pain_location answers that are bone
CHILD_BONE_SITES_TENDER = frozenset({"medial_malleolus", "navicular"})  # bone_tenderness answers on the inner side


@dataclass(frozen=True)
class Rule:
    """One safety rule: when `applies` is true, triage is at least `level`; `reason` says why, plainly."""

    id: str
    level: str
    reason: str
    applies: Callable[[Findings], bool]
    contract: bool = True


def ottawa_point_is_tender(findings: Mapping[str, Any]) -> bool:
    """The diagnosis module's Ottawa rules decide, so the checker and the calculator cannot drift apart:
    a tender Ottawa point (the checker's `bone_tenderness` values are the rules' point ids) means an X-ray."""
    tender = frozenset(findings.get("bone_tenderness") or ())
    return bool(tender) and ottawa_decision(OttawaInputs(tender=tender)).any_xray


def after_injury(f: Findings) -> bool:
    """The answers describe an injury.

    The contract's "after an injury" means onset = sudden_injury. When onset was not answered, an injury
    mechanism, a pop or "could not take four steps right after the injury" can only describe an injury, so
    the safety rules treat those answers as one too (more cautious than the contract, never less).
    """
    onset = f.get("onset")
    if onset is not None:
        return onset == "sudden_injury"
    return (f.get("mechanism", "none") != "none" or f.get("pop_at_injury") is True
            or f.get("unable_4_steps_immediately") is True)


def recent_or_unknown(f: Findings) -> bool:
    """The injury is recent enough for the Ottawa rules (10 days or less), or its age was not given."""
    return f.get("duration_days", 0) <= RULES_MAX_DAYS


def _true(key: str) -> Callable[[Findings], bool]:
    return lambda f: f.get(key) is True


def _hot_or_swollen(f: Findings) -> bool:
    return f.get("redness_warmth") is True or f.get("swelling") is True


def informative_answers(f: Findings) -> int:
    """How many answers describe the problem itself (age and sex alone cannot rank causes)."""
    return sum(1 for key in f if key not in DEMOGRAPHIC)


CONTRACT_RULES: tuple[Rule, ...] = (
    Rule("cold_pale_numb_foot", "emergency",
         "The foot has suddenly turned cold, pale or bluish, or has newly gone numb or weak: its blood supply "
         "or a nerve may be cut off, which cannot wait.",
         _true("foot_cold_pale_numb")),
    Rule("visible_deformity", "emergency",
         "The ankle looks out of shape: it may be broken or dislocated and needs putting back in place quickly.",
         _true("visible_deformity")),
    Rule("open_wound", "emergency",
         "There is a wound over the injury: a broken bone open to the air can become infected.",
         _true("open_wound_over_injury")),
    Rule("breathless_or_chest_pain", "emergency",
         "Shortness of breath, chest pain or coughing blood can mean a blood clot has travelled to the lungs.",
         _true("breathless_or_chest_pain")),
    Rule("pain_out_of_proportion_after_injury", "emergency",
         "Severe pain after an injury that painkillers do not touch and moving the toes makes worse can mean "
         "pressure building up inside the leg muscles (compartment syndrome).",
         lambda f: f.get("pain_out_of_proportion") is True and after_injury(f)),
    Rule("fever_with_hot_or_swollen_joint", "emergency",
         "Fever together with a hot or swollen ankle can mean an infected joint, which can damage the joint "
         "within days.",
         lambda f: f.get("fever") is True and _hot_or_swollen(f)),
    Rule("cannot_bear_weight_after_injury", "urgent",
         "After an injury, not being able to take four steps (right after it, or now) needs an X-ray to look "
         "for a broken bone. The Ottawa rules ask about both times together; the checker is deliberately more "
         "cautious and acts on either one.",
         lambda f: after_injury(f) and (f.get("weight_bearing") == "none"
                                        or f.get("unable_4_steps_immediately") is True)),
    Rule("bone_tenderness_after_injury", "urgent",
         "After an injury, pressing on an ankle or midfoot bone hurts: the Ottawa ankle and foot rules say "
         "this needs an X-ray to look for a broken bone.",
         lambda f: after_injury(f) and ottawa_point_is_tender(f)),
    Rule("fracture_not_ruled_out", "urgent",
         "After a recent injury with pain on the inner ankle bone, we do not know whether pressing the ankle "
         "bones hurts, so a broken bone cannot be ruled out. Answer the question about pressing the bones, "
         "or be seen today.",
         lambda f: after_injury(f) and recent_or_unknown(f) and "bone_tenderness" not in f
         and "inner_ankle_bone" in (f.get("pain_location") or ())),
    Rule("swollen_calf", "urgent",
         "One calf is swollen or tender: a blood clot in a deep vein (DVT) has to be ruled out the same day.",
         _true("calf_swelling_tenderness")),
    Rule("diabetic_hot_swollen_foot", "urgent",
         "With diabetes or poor feeling in the feet, a warm, red or swollen foot can be Charcot foot or an "
         "infection, even when it hardly hurts; both need treatment quickly to save the shape of the foot.",
         lambda f: (f.get("diabetes") is True or f.get("reduced_foot_sensation") is True) and _hot_or_swollen(f)),
    Rule("child_bone_pain_at_night", "urgent",
         "In a child or teenager, bone pain at night or at rest without an injury needs an X-ray soon, to look "
         "for a bone infection or, rarely, a bone tumour.",
         # "without an injury" is read as the contract does (onset not sudden_injury), not through after_injury:
         # an injury guessed from the mechanism must not switch this rule off
         lambda f: f.get("age") is not None and f["age"] < 18 and f.get("onset") != "sudden_injury"
         and f.get("night_or_rest_pain") is True),
    Rule("new_foot_drop", "urgent",
         "A foot that has newly started to slap down or catch its toes can mean a torn tendon at the front of "
         "the ankle or a squeezed nerve, which does best when found early.",
         lambda f: f.get("foot_drop_or_slapping") is True and f.get("duration_days", 0) < NEW_FOOT_DROP_DAYS),
    Rule("pop_and_weakness", "urgent",
         "A pop at the injury followed by weakness, or not being able to rise onto the toes, suggests a torn "
         "tendon, which does best when treated early.",
         lambda f: f.get("pop_at_injury") is True and (f.get("heel_raise") == "unable"
                                                       or f.get("weakness_or_instability") is True)),
    Rule("sudden_red_hot_joint", "urgent",
         "A red, hot ankle that came on without an injury can be gout, another arthritis or an infection; "
         "a doctor needs to see it today.",
         lambda f: f.get("redness_warmth") is True and f.get("onset") == "sudden_no_injury"),
    Rule("nerve_symptoms", "routine",
         "Numbness, tingling, burning or electric pain, or tingling when tapping behind the inner ankle bone, "
         "point to an irritated nerve, which a clinician should examine.",
         lambda f: any(f.get(k) is True for k in ("numbness_tingling_sole", "burning_electric_pain", "tinel_sign"))),
    Rule("pain_over_two_weeks", "routine",
         "The pain has lasted more than two weeks: it is time for a clinician to look at it.",
         lambda f: f.get("duration_days", 0) > 14),
)

COURSE_RULES: tuple[Rule, ...] = (
    Rule("not_enough_answers", "routine",
         "There are not enough answers to rank the possible causes, so home care alone cannot be suggested; "
         "answer more questions, or see a clinician.",
         lambda f: informative_answers(f) < MIN_ANSWERS_TO_RANK, contract=False),
    Rule("ottawa_questions_unanswered", "routine",
         "After an injury, we do not yet know whether you can walk four steps or whether the bones are tender; "
         "until those are answered, a broken bone cannot be ruled out.",
         lambda f: after_injury(f) and not any(k in f for k in OTTAWA_QUESTIONS), contract=False),
    Rule("only_a_few_steps", "routine",
         "Managing only a few steps is more than a mild problem; a clinician should check it.",
         lambda f: f.get("weight_bearing") == "few_steps", contract=False),
    Rule("cannot_rise_on_toes", "routine",
         "Not being able to rise onto the toes of this foot suggests a weak or damaged tendon.",
         lambda f: f.get("heel_raise") == "unable", contract=False),
    Rule("arch_collapsing", "routine",
         "An arch that is flattening can get worse without treatment; a clinician should check it.",
         _true("arch_collapsing"), contract=False),
    Rule("foot_drop", "routine",
         "A foot that slaps down or catches its toes needs a clinician to check the tendon and nerve at the front "
         "of the ankle.",
         _true("foot_drop_or_slapping"), contract=False),
    Rule("diabetic_numb_foot", "routine",
         "With diabetes and numb feet, any foot or ankle problem should be checked by a clinician.",
         lambda f: f.get("diabetes") is True and f.get("reduced_foot_sensation") is True, contract=False),
    Rule("child_bone_pain_without_injury", "routine",
         "A child's foot or ankle pain that came without an injury needs a clinician to examine it, often with an "
         "X-ray, when the child is under 10 or the pain is in the inner ankle or midfoot bones; home care alone is "
         "not enough.",
         # issue 22: Köhler disease, an accessory navicular or a coalition, and the rarer infection or tumour
         # that must not be missed, all present this way; read "without an injury" as the contract does
         lambda f: f.get("age") is not None and f["age"] < CHILD_AGE and f.get("onset") != "sudden_injury"
         and (f["age"] < YOUNG_CHILD_AGE
              or bool(frozenset(f.get("pain_location") or ()) & CHILD_BONE_SITES)
              or bool(frozenset(f.get("bone_tenderness") or ()) & CHILD_BONE_SITES_TENDER)), contract=False),
    Rule("night_or_rest_pain", "routine",
         "Pain at night or at rest is not typical of a minor strain or sprain and should be checked.",
         _true("night_or_rest_pain"), contract=False),
)

RULES: tuple[Rule, ...] = CONTRACT_RULES + COURSE_RULES


def fired_rules(findings: Findings) -> list[Rule]:
    """Every rule that applies, most urgent first (ties keep table order)."""
    fired = [rule for rule in RULES if rule.applies(findings)]
    return sorted(fired, key=lambda rule: -urgency(rule.level))
