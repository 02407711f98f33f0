"""The symptom checker for inner ankle pain: `assess(findings)` gives a triage level, a differential and reasons.

The public interface (ids of findings, conditions and triage levels; `assess` and its result) is fixed by
the symptom-checker contract. Safety floors live in `rules`, the numbers of the differential in
`content/data/triage/`, and `python -m ankle_course.triage evaluate FILE.json` scores vignettes.
"""

from .engine import Assessment, assess
from .model import TriageModel, check_triage_model, load_triage_model, triage_model
from .rules import RULES, Rule
from .vocabulary import CONDITIONS, FINDINGS, TRIAGE_LEVELS, TRIAGE_MEANING, Finding, validate_findings

__all__ = ["CONDITIONS", "FINDINGS", "RULES", "TRIAGE_LEVELS", "TRIAGE_MEANING", "Assessment", "Finding", "Rule",
           "TriageModel", "assess", "check_triage_model", "load_triage_model", "triage_model", "validate_findings"]
