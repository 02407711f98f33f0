"""Reading a content TOML file and loading its entries, collecting every problem with file, entry and field.

Public because two loaders use it: the course content's (`content.loader`) and the symptom checker's model
(`content.checker.model_loader`), so an instructor gets the same kind of message from both.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from marshmallow import Schema, ValidationError

from .problems import ContentProblem, flatten_messages

MAX_FILE_BYTES = 2_000_000


def entry_label(raw: Any, index: int) -> str:
    """How a problem names an entry: its id and position when it has an id, else its position."""
    ident = raw.get("id") if isinstance(raw, dict) else None
    return f"'{ident}' (#{index})" if isinstance(ident, str) and ident else f"#{index}"


def read_toml(path: Path, name: str, problems: list[ContentProblem]) -> dict[str, Any] | None:
    """The parsed file, or None with a problem added; never an exception, whatever the file is."""
    try:
        if not path.is_file():  # a folder, a FIFO or /dev/zero would hang or exhaust memory on read
            problems.append(ContentProblem(name, "", "", "is not a regular file"))
            return None
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)  # bounded even if the size on disk lies
        if len(data) > MAX_FILE_BYTES:
            problems.append(ContentProblem(name, "", "", f"file is larger than {MAX_FILE_BYTES:,} bytes"))
            return None
        return tomllib.loads(data.decode("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        problems.append(ContentProblem(name, "", "", f"not valid TOML: {exc}"))
    except UnicodeDecodeError:
        problems.append(ContentProblem(name, "", "", "not UTF-8 text"))
    except RecursionError:
        problems.append(ContentProblem(name, "", "", "not usable TOML: arrays or tables are nested far too deeply"))
    except OSError as exc:
        problems.append(ContentProblem(name, "", "", f"cannot be read: {exc.strerror}"))
    return None


def load_entry(schema: Schema, raw: Any, name: str, label: str, problems: list[ContentProblem]) -> Any:
    """The record `schema` makes of one entry, or None with every problem in it added (file, entry, field)."""
    if not isinstance(raw, dict):
        problems.append(ContentProblem(name, label, "", f"expected a table of fields, got {type(raw).__name__}"))
        return None
    try:
        return schema.load(raw)
    except ValidationError as exc:
        for field_path, message in flatten_messages(exc.messages):
            problems.append(ContentProblem(name, label, field_path, message))
        return None


def load_entries(schema: Schema, raw_entries: Any, name: str, table: str,
                 problems: list[ContentProblem]) -> dict[str, Any]:
    """The records of a file's `[[table]]` entries by id, in file order. Every problem is added (a table that is
    not a list, a bad entry, a repeated id) and the rest still load, so one run reports every mistake."""
    if not isinstance(raw_entries, list):
        problems.append(ContentProblem(name, "", table, f"expected a list of [[{table}]] tables"))
        return {}
    records: dict[str, Any] = {}
    for index, raw in enumerate(raw_entries, start=1):
        label = entry_label(raw, index)
        record = load_entry(schema, raw, name, label, problems)
        if record is None:
            continue
        if record.id in records:
            problems.append(ContentProblem(name, label, "id", f"duplicate id '{record.id}'; ids must be unique"))
            continue
        records[record.id] = record
    return records
