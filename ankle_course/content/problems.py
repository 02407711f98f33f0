"""Problems found in course content, phrased for the instructor who has to fix them."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, order=True)
class ContentProblem:
    """One thing wrong in one place: which file, which entry, which field, and what was expected."""

    file: str
    entry: str
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.entry:
            where += f": entry {self.entry}"
        if self.field:
            where += f", field '{self.field}'"
        return f"{where}: {self.message}"


class ContentError(ValueError):
    """Raised when course content does not load; carries every problem found, not only the first."""

    def __init__(self, problems: list[ContentProblem]):
        self.problems = sorted(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in the course content:\n{lines}")


def flatten_messages(messages: Any, prefix: str = "") -> Iterator[tuple[str, str]]:
    """Turn marshmallow's nested error dict into (dotted.field[0], message) pairs.

    marshmallow reports {"dosage": {"reps": ["Not a valid integer."]}, "steps": {0: [...]}};
    an instructor reads "dosage.reps" and "steps[0]" far more easily.
    """
    if isinstance(messages, Mapping):
        for key, value in messages.items():
            if isinstance(key, int):
                path = f"{prefix}[{key}]"
            elif key == "_schema":
                path = prefix
            else:
                path = f"{prefix}.{key}" if prefix else str(key)
            yield from flatten_messages(value, path)
    elif isinstance(messages, list):
        for message in messages:
            if isinstance(message, (Mapping, list)):
                yield from flatten_messages(message, prefix)
            else:
                yield prefix, str(message)
    else:
        yield prefix, str(messages)
