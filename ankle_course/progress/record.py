"""What a progress record is, how one is read from bytes and written back to bytes, and how two combine.

A progress file can come from anywhere (an upload, a classmate, a hand edit), so everything in it is
checked against `schema` before the course uses it: sizes and nesting are bounded, ids are plain, text has
no control characters or broken (surrogate) characters, timestamps are real dates, and nothing is ever
treated as code or markup. The writer goes through the same reader (`checked_bytes`): the store never writes
a file it would refuse to read, which is what once let an accepted import hide all of a learner's progress.
The checking code (marshmallow) is imported when a file is first read, so a notebook that never reads
progress does not pay for it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

SCHEMA_VERSION = 1
MAX_FILE_BYTES = 1_000_000
MAX_ITEMS = 5_000
MAX_DEPTH = 10  # brackets deep; a real file goes to 5 (the file, cases, a case, its answers, a top 3)
MAX_ANSWER_CHARS = 2_000  # one quiz or case answer, as JSON
MAX_ANSWER_DEPTH = 4  # a real answer is 1 deep: a list of indexes, or a matching's dict
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)
FUTURE_TOLERANCE = timedelta(days=1)  # an import may come from a computer whose clock is a little ahead

# C0 and C1 control characters, lone surrogates (valid JSON, but no file can be written with one), and the
# invisible bidirectional overrides that can make a name or id read as something else: refused everywhere.
_BAD_TEXT = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})?\Z")


def empty_progress() -> dict[str, Any]:
    """A new learner's record (the schema's defaults; a test keeps the two the same)."""
    return {"schema_version": SCHEMA_VERSION, "learner_name": "", "updated": None, "quiz": {},
            "flashcards_known": [], "exercise_sessions": [], "cases": {}, "reviews": [],
            "usual_morning_pain": None}


class ProgressError(Exception):
    """Anything the progress store cannot do; str() is what the learner is shown."""


class ProgressFileError(ProgressError, ValueError):
    """The bytes are not a progress file this course can use; the message is a reason ("it is ...")."""


class ProgressStoreError(ProgressError):
    """The store could not read, save or export (a read-only folder, a full disk, a refused change);
    the message is one whole sentence that also says what became of the saved progress."""


# ---------------------------------------------------------------------------------------------- timestamps
def parse_timestamp(text: Any) -> datetime:
    """An ISO 8601 timestamp -> an aware UTC datetime, or ValueError saying what is wrong.

    Matching the pattern is not enough (9999-99-99T99:99:99 matches it, and once won every merge), so the
    text is parsed as a real date, and it must lie between 2000 and 2099. A timestamp without an offset is
    read as UTC, the zone the course itself writes.
    """
    if not isinstance(text, str) or not _TIMESTAMP.match(text):
        raise ValueError("must be an ISO 8601 date and time, like 2026-11-24T09:00:00+00:00")
    if not 2000 <= int(text[:4]) <= 2099:
        raise ValueError("must be a date between the years 2000 and 2099")
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        moment = moment.astimezone(UTC)
    except (ValueError, OverflowError):
        raise ValueError("is not a real date and time") from None
    if not EARLIEST <= moment < LATEST:
        raise ValueError("must be a date between the years 2000 and 2099")
    return moment


def format_timestamp(moment: datetime) -> str:
    """The one form the course writes: UTC, to the second, with its offset (so text order is time order)."""
    if moment.tzinfo is None:
        raise ValueError("a timestamp must know its time zone")
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def normalise_timestamp(text: Any) -> str:
    """Parse and re-format, so every timestamp in a loaded record is in the one written form."""
    return format_timestamp(parse_timestamp(text))


# ---------------------------------------------------------------------------------------------- bounds
# Checked on JSON text made by json.dumps(..., ensure_ascii=False), which is C-fast even for a 1 MB file:
# there a C0 control character appears as an escape (\n, \u001b), everything else as itself.
_RAW_BAD = re.compile("[\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_ESCAPES = re.compile(r"(\\+)(?:[bfnrt]|u00[01][0-9a-fA-F])")  # an odd run of backslashes is an escape
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKET = re.compile(r"[\[\]{}]")
_OPENS = {"[": 1, "{": 1, "]": -1, "}": -1}


def _dumps(value: Any) -> str:
    try:
        return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except RecursionError:
        raise ProgressFileError(f"it is nested more than {MAX_DEPTH} levels deep") from None
    except (TypeError, ValueError) as exc:  # a set or an object, NaN, an int too long to print
        raise ProgressFileError(f"it would hold a value that is not plain data ({_clip(exc)})") from None


def _depth(text: str) -> int:
    """How deeply the JSON `text` nests: brackets outside strings, counted."""
    level = deepest = 0
    for bracket in _BRACKET.findall(_STRING.sub("", text)):
        level += _OPENS[bracket]
        deepest = max(deepest, level)
    return deepest


def _check_text(text: str) -> str:
    """Refuse JSON text holding a control character, a bidi override or a lone surrogate, or nested too deep."""
    if _RAW_BAD.search(text) or any(len(m.group(1)) % 2 for m in _ESCAPES.finditer(text)):
        raise ProgressFileError("it contains text with a control character or a broken (surrogate) character")
    if _depth(text) > MAX_DEPTH:
        raise ProgressFileError(f"it is nested more than {MAX_DEPTH} levels deep")
    return text


def _check_answer(answer: Any, what: str) -> None:
    text = _dumps(answer)
    if len(text) > MAX_ANSWER_CHARS or _depth(text) > MAX_ANSWER_DEPTH:
        raise ProgressFileError(f"{what} in it is too large or too deeply nested")


def _reject_constant(name: str) -> float:
    raise ValueError(f"the number {name} is not allowed")


# ---------------------------------------------------------------------------------------------- read
def parse_progress(data: bytes, not_after: datetime | None = None) -> dict[str, Any]:
    """Bytes from disk or an upload -> validated progress, or ProgressFileError with a plain reason.

    `not_after` (for imports): a timestamp later than this is refused, so that a file stamped in the far
    future cannot win every later merge.
    """
    if len(data) > MAX_FILE_BYTES:
        raise ProgressFileError(f"it is larger than {MAX_FILE_BYTES // 1000} KB, far bigger than any real progress file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ProgressFileError("it is not a text file") from None
    try:
        raw = json.loads(text, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError is a ValueError; deep nesting raises RecursionError
        raise ProgressFileError(f"it is not valid JSON ({_clip(exc)})") from None
    _check_text(_dumps(raw))
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
        _check_answer(record["answer"], "a quiz answer")
    for record in progress["cases"].values():
        _check_answer(record["answers"], "a case's answers")
    if not_after is not None:
        latest = max((parse_timestamp(t) for t in _timestamps(progress)), default=None)
        if latest is not None and latest > not_after + FUTURE_TOLERANCE:
            raise ProgressFileError(f"it is dated {format_timestamp(latest)[:10]}, later than today on this computer")
    return progress


def _timestamps(progress: dict[str, Any]) -> Iterable[str]:
    if progress.get("updated"):
        yield progress["updated"]
    yield from (r["at"] for r in progress["quiz"].values())
    yield from (r["at"] for r in progress["cases"].values())
    yield from (s["started"] for s in progress["exercise_sessions"])
    yield from (r["at"] for r in progress["reviews"])


def _clip(exc: BaseException) -> str:
    return _BAD_TEXT.sub("?", str(exc))[:120]


def _first_problem(messages: Any, path: str = "") -> str:
    if isinstance(messages, dict):
        key, value = next(iter(messages.items()))
        return _first_problem(value, f"{path}.{_safe_key(key)}" if path else _safe_key(key))
    if isinstance(messages, list) and messages:
        return _first_problem(messages[0], path)
    return f"{path}: {messages}"[:160]


def _safe_key(key: Any) -> str:
    """A key from the file, fit to quote in a message: no control characters, and short."""
    text = _BAD_TEXT.sub("?", str(key))
    return text if len(text) <= 40 else text[:37] + "..."


# ---------------------------------------------------------------------------------------------- write
def encode_progress(progress: dict[str, Any]) -> bytes:
    """The bytes the store writes: compact JSON (pretty-printing cost a third of the size limit)."""
    return _check_text(_dumps(progress)).encode("utf-8")


def checked_bytes(progress: dict[str, Any]) -> tuple[bytes, dict[str, Any]]:
    """Encode `progress` and read the bytes back with the reader's own limits: (bytes, what the reader
    makes of them), or ProgressFileError if the reader would refuse them. Costs one parse per save, which
    is what makes "never writes a file it would refuse to read" true by construction rather than by
    keeping two sets of rules in step."""
    data = encode_progress(progress)
    return data, parse_progress(data)


# ---------------------------------------------------------------------------------------------- merge
def merge_progress(mine: dict[str, Any], theirs: dict[str, Any]) -> dict[str, Any]:
    """Combine two records so that nothing either holds is lost (for import and for concurrent notebooks).

    Per quiz question and per case the newer record wins (by real time, not by text); flashcards,
    sessions and spaced reviews are unions (a review is never replaced, so the schedule replayed from the
    merged log has every review either file saw).
    """
    merged = {**mine}
    merged["learner_name"] = mine["learner_name"] or theirs["learner_name"]
    # a baseline set here is kept; one only the other file has is taken rather than lost
    ours = mine.get("usual_morning_pain")
    merged["usual_morning_pain"] = ours if ours is not None else theirs.get("usual_morning_pain")
    for key in ("quiz", "cases"):
        combined = dict(mine[key])
        for ident, record in theirs[key].items():
            if ident not in combined or parse_timestamp(record["at"]) > parse_timestamp(combined[ident]["at"]):
                combined[ident] = record
        merged[key] = combined
    merged["flashcards_known"] = sorted(set(mine["flashcards_known"]) | set(theirs["flashcards_known"]))
    sessions = {s["id"]: s for s in theirs["exercise_sessions"]}
    sessions.update({s["id"]: s for s in mine["exercise_sessions"]})
    merged["exercise_sessions"] = sorted(sessions.values(), key=lambda s: parse_timestamp(s["started"]))
    both = [*theirs.get("reviews", []), *mine.get("reviews", [])]
    reviews = {(r["at"], r["kind"], r["item"], r["rating"]): r for r in both}
    merged["reviews"] = [reviews[k] for k in sorted(reviews)]
    stamps = [t for t in (mine.get("updated"), theirs.get("updated")) if t]
    merged["updated"] = max(stamps, key=parse_timestamp) if stamps else None
    return merged
