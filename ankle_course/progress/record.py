"""What a progress record is, how one is read from bytes, and how two combine.

A progress file can come from anywhere (an upload, a classmate, a hand edit), so everything in it is
checked against `schema` before the course uses it: sizes are bounded, ids are plain, free text is
short, and nothing is ever treated as code or markup. The checking code (marshmallow) is imported
when a file is first read, so a notebook that never reads progress does not pay for it.
"""

from __future__ import annotations

import json
from typing import Any

SCHEMA_VERSION = 1
MAX_FILE_BYTES = 1_000_000
MAX_ITEMS = 5_000


def empty_progress() -> dict[str, Any]:
    """A new learner's record (the schema's defaults; a test keeps the two the same)."""
    return {"schema_version": SCHEMA_VERSION, "learner_name": "", "updated": None, "quiz": {},
            "flashcards_known": [], "exercise_sessions": [], "cases": {}}


class ProgressFileError(ValueError):
    """The bytes are not a progress file this course can use; the message is for the learner."""


def _reject_constant(name: str) -> float:
    raise ValueError(f"the number {name} is not allowed")


def parse_progress(data: bytes) -> dict[str, Any]:
    """Bytes from disk or an upload -> validated progress, or ProgressFileError with a plain reason."""
    if len(data) > MAX_FILE_BYTES:
        raise ProgressFileError(f"it is larger than {MAX_FILE_BYTES // 1000} KB, far bigger than any real progress file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ProgressFileError("it is not a text file") from None
    try:
        raw = json.loads(text, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError is a ValueError; deep nesting raises RecursionError
        raise ProgressFileError(f"it is not valid JSON ({str(exc)[:120]})") from None
    if not isinstance(raw, dict):
        raise ProgressFileError("it does not contain a progress record")
    version = raw.get("schema_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        raise ProgressFileError(f"it was made by a newer version of the course (format {version}); update the course")
    from marshmallow import ValidationError

    from .schema import ProgressSchema

    try:
        progress = ProgressSchema().load(raw)
    except ValidationError as exc:
        first = _first_problem(exc.messages)
        raise ProgressFileError(f"it does not look like a progress file from this course ({first})") from None
    for record in progress["quiz"].values():
        if len(json.dumps(record["answer"])) > 2_000 or _depth(record["answer"]) > 4:
            raise ProgressFileError("a quiz answer in it is too large or too deeply nested")
    return progress


def _depth(value: Any, level: int = 0) -> int:
    if level > 8:
        return level
    if isinstance(value, dict):
        return max((_depth(v, level + 1) for v in value.values()), default=level + 1)
    if isinstance(value, list):
        return max((_depth(v, level + 1) for v in value), default=level + 1)
    return level


def _first_problem(messages: Any, path: str = "") -> str:
    if isinstance(messages, dict):
        key, value = next(iter(messages.items()))
        return _first_problem(value, f"{path}.{key}" if path else str(key))
    if isinstance(messages, list) and messages:
        return _first_problem(messages[0], path)
    return f"{path}: {messages}"[:160]


def merge_progress(mine: dict[str, Any], theirs: dict[str, Any]) -> dict[str, Any]:
    """Combine two records so that nothing either holds is lost (for import and for concurrent notebooks).

    Per quiz question and per case the newer record wins; flashcards and sessions are unions.
    """
    merged = {**mine}
    merged["learner_name"] = mine["learner_name"] or theirs["learner_name"]
    for key in ("quiz", "cases"):
        combined = dict(mine[key])
        for ident, record in theirs[key].items():
            if ident not in combined or record["at"] > combined[ident]["at"]:
                combined[ident] = record
        merged[key] = combined
    merged["flashcards_known"] = sorted(set(mine["flashcards_known"]) | set(theirs["flashcards_known"]))
    sessions = {s["id"]: s for s in theirs["exercise_sessions"]}
    sessions.update({s["id"]: s for s in mine["exercise_sessions"]})
    merged["exercise_sessions"] = sorted(sessions.values(), key=lambda s: s["started"])
    stamps = [t for t in (mine.get("updated"), theirs.get("updated")) if t]
    merged["updated"] = max(stamps) if stamps else None
    return merged
