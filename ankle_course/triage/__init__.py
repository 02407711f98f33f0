"""The symptom checker for inner ankle pain: `assess(findings)` gives a triage level, a differential and reasons.

The public interface (ids of findings, conditions and triage levels; `assess` and its result) is fixed by
the symptom-checker contract. Its data (the vocabulary, the model, the safety floors in `rules`) lives in
`content/checker/`, the numbers of the differential in `content/data/triage/`; this package is the logic
that uses them. `python -m ankle_course.triage evaluate FILE.json` scores vignettes.

Names are imported from their modules when first used, so that reading the cached triage model (which
every notebook's content load does) does not also load the engine, and checking the model's files is
the only thing that loads marshmallow.
"""

from importlib import import_module
from typing import Any

_HOME = {
    "Assessment": "engine", "assess": "engine", "next_question": "interview",
    "TriageModel": "..content.checker.model", "triage_model": "..content.cache",
    "check_triage_model": "..content.checker.model_loader", "load_triage_model": "..content.checker.model_loader",
    "RULES": "..content.checker.rules", "Rule": "..content.checker.rules",
    "CONDITIONS": "..content.checker.vocabulary", "FINDINGS": "..content.checker.vocabulary", "TRIAGE_LEVELS": "..content.checker.vocabulary",
    "TRIAGE_MEANING": "..content.checker.vocabulary", "Finding": "..content.checker.vocabulary", "validate_findings": "..content.checker.vocabulary",
}
__all__ = sorted(_HOME)


def __getattr__(name: str) -> Any:
    if name in _HOME:
        home = _HOME[name]
        return getattr(import_module(home if home.startswith(".") else f".{home}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOME])
