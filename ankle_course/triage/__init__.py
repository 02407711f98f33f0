"""The symptom checker for inner ankle pain: `assess(findings)` gives a triage level, a differential and reasons.

The public interface (ids of findings, conditions and triage levels; `assess` and its result) is fixed by
the symptom-checker contract. Safety floors live in `rules`, the numbers of the differential in
`content/data/triage/`, and `python -m ankle_course.triage evaluate FILE.json` scores vignettes.

Names are imported from their modules when first used, so that reading the cached triage model (which
every notebook's content load does) does not also load the engine, and checking the model's files is
the only thing that loads marshmallow.
"""

from importlib import import_module
from typing import Any

_HOME = {
    "Assessment": "engine", "assess": "engine", "next_question": "interview",
    "TriageModel": "model", "triage_model": "..content.cache",
    "check_triage_model": "model_loader", "load_triage_model": "model_loader",
    "RULES": "rules", "Rule": "rules",
    "CONDITIONS": "vocabulary", "FINDINGS": "vocabulary", "TRIAGE_LEVELS": "vocabulary",
    "TRIAGE_MEANING": "vocabulary", "Finding": "vocabulary", "validate_findings": "vocabulary",
}
__all__ = sorted(_HOME)


def __getattr__(name: str) -> Any:
    if name in _HOME:
        home = _HOME[name]
        return getattr(import_module(home if home.startswith(".") else f".{home}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOME])
