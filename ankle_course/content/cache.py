"""Keep the validated shipped content between kernels, so that only the first notebook after a change validates.

Parsing and checking every TOML file and the triage model takes about a quarter of a second: more than
most notebooks' own work, and the same answer every time until something changes. So the result is stored
under a fingerprint of everything it depends on (the data files, the package's code and the Python
version), in the spirit of `__pycache__`: edit any of them and the next kernel validates again, so an
instructor still sees every problem in an edited file.

The cache is only ever a shortcut. A missing, unreadable, corrupt or foreign cache file is ignored and
replaced, and a cache folder that cannot be written means validating in every kernel, as with no cache.
Unpickling can run code, so the reader accepts only the course's own record classes (the Python
documentation's "Restricting Globals"): a planted file can fail to load, never execute anything.

`ANKLE_COURSE_CACHE` names another cache folder, or is `off` to validate in every kernel.
"""

from __future__ import annotations

import copyreg
import functools
import hashlib
import io
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass, is_dataclass
from pathlib import Path
from types import MappingProxyType, ModuleType
from typing import Any, get_args, get_type_hints

from . import records
from .checker import model as triage_records
from .knowledge import COLLECTION_NAMES, SHIPPED_FOLDER, Course

FORMAT = 1
ENV = "ANKLE_COURSE_CACHE"
PACKAGE = Path(__file__).resolve().parents[1]
MAX_CACHE_BYTES = 20_000_000
KEEP_FILES = 8  # fingerprints kept side by side, e.g. two checkouts of the course on one account
RECORD_MODULES: tuple[ModuleType, ...] = (records, triage_records)


@dataclass(frozen=True)
class ShippedContent:
    """What validation of the shipped folder produces: the course and the symptom checker's model."""

    course: Course
    triage: triage_records.TriageModel


def fingerprint(folder: Path, package: Path = PACKAGE) -> str:
    """A hash of the content files, the package's code and the interpreter: what a validation's result depends on."""
    digest = hashlib.sha256(f"{FORMAT}\0{sys.version}\0{pickle.HIGHEST_PROTOCOL}".encode())
    for base, pattern in ((package, "*.py"), (folder, "*.toml")):
        for path in sorted(base.rglob(pattern)):
            data = path.read_bytes()
            digest.update(f"\0{pattern}\0{path.relative_to(base).as_posix()}\0{len(data)}\0".encode())
            digest.update(data)
    return digest.hexdigest()


def cache_folder() -> Path | None:
    """Where cache files go: $ANKLE_COURSE_CACHE, else $XDG_CACHE_HOME/ankle-course, else ~/.cache/ankle-course."""
    chosen = os.environ.get(ENV, "").strip()
    if chosen.lower() == "off":
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".cache") / "ankle-course"


def _frozen_mapping(items: dict[Any, Any]) -> MappingProxyType:
    """How a read-only mapping inside a record is rebuilt from the cache (MappingProxyType cannot be pickled)."""
    return MappingProxyType(items)


def _record_classes() -> dict[tuple[str, str], Any]:
    found: dict[tuple[str, str], Any] = {(cls.__module__, cls.__qualname__): cls
             for module in RECORD_MODULES for cls in vars(module).values()
             if isinstance(cls, type) and is_dataclass(cls) and cls.__module__ == module.__name__}
    found[(__name__, _frozen_mapping.__name__)] = _frozen_mapping
    return found


class _RecordsOnly(pickle.Unpickler):
    """Refuses every global but the course's record classes, so no cache file can call anything else."""

    allowed = _record_classes()

    def find_class(self, module: str, name: str) -> Any:
        try:
            return self.allowed[(module, name)]
        except KeyError:
            raise pickle.UnpicklingError(f"{module}.{name} is not a course record") from None


def _dumps(payload: Any) -> bytes:
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = copyreg.dispatch_table | {MappingProxyType: lambda m: (_frozen_mapping, (dict(m),))}
    pickler.dump(payload)
    return buffer.getvalue()


def _record_types() -> dict[str, type[Any]]:
    hints = get_type_hints(Course)
    return {name: get_args(hints[name])[1] for name in COLLECTION_NAMES}


def _from_payload(payload: Any, folder: Path) -> ShippedContent | None:
    """The content a cache file holds, or None unless it has exactly the shape this version writes."""
    if not (isinstance(payload, dict) and payload.get("format") == FORMAT):
        return None
    collections, triage = payload.get("records"), payload.get("triage")
    if not (isinstance(collections, dict) and set(collections) == set(COLLECTION_NAMES)
            and isinstance(triage, triage_records.TriageModel)):
        return None
    for name, kind in _record_types().items():
        entries = collections[name]
        if not (isinstance(entries, dict) and all(isinstance(v, kind) and k == v.id for k, v in entries.items())):
            return None
    course = Course(folder=folder, **{name: MappingProxyType(collections[name]) for name in COLLECTION_NAMES})
    return ShippedContent(course, triage)


def _to_payload(content: ShippedContent) -> dict[str, Any]:
    return {"format": FORMAT, "triage": content.triage,
            "records": {name: dict(getattr(content.course, name)) for name in COLLECTION_NAMES}}


def read(path: Path, folder: Path) -> ShippedContent | None:
    """The cached content of `folder` at `path`, or None if there is none or it cannot be trusted to be ours and whole."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_CACHE_BYTES + 1)
        if len(data) > MAX_CACHE_BYTES:
            return None
        return _from_payload(_RecordsOnly(io.BytesIO(data)).load(), folder)
    except Exception:  # noqa: BLE001  (any failure to read a cache is a miss: validate instead)
        return None


def write(path: Path, content: ShippedContent) -> bool:
    """Store `content` atomically (a reader never sees half a file); False if the folder cannot be written."""
    temporary = None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".writing-", suffix=".pickle")
        with os.fdopen(handle, "wb") as out:
            out.write(_dumps(_to_payload(content)))
        os.replace(temporary, path)
        temporary = None
        _prune(path.parent, keep=path)
        return True
    except OSError:
        return False
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def _prune(folder: Path, keep: Path) -> None:
    """Keep the newest few fingerprints: enough for two checkouts side by side, not a growing pile."""
    older = sorted((p for p in folder.glob("content-*.pickle") if p != keep),
                   key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in older[KEEP_FILES - 1:]:
        stale.unlink(missing_ok=True)


def load(folder: Path = SHIPPED_FOLDER, cache: Path | None = None) -> ShippedContent:
    """The validated content of `folder`: read from the `cache` folder when that holds this exact version,
    else validated (raising ContentError with every problem) and stored there for the next kernel."""
    path = cache / f"content-{fingerprint(folder)[:40]}.pickle" if cache is not None else None
    hit = read(path, folder) if path is not None else None
    if hit is not None:
        return hit
    # Imported on a miss only: a kernel that reads the cache never loads marshmallow or parses TOML (a test
    # holds it so). This is the one deliberate late import in the package, for speed, not to dodge a cycle.
    from .checker.model_loader import load_triage_model
    from .loader import load_course

    content = ShippedContent(load_course(folder), load_triage_model(folder))
    if path is not None:
        write(path, content)
    return content


@functools.cache
def shipped_content() -> ShippedContent:
    """The shipped content for this kernel: from the cache when it can be, validated when it must be."""
    return load(SHIPPED_FOLDER, cache_folder())


def course() -> Course:
    """The shipped course content, validated once per kernel, or once per edit when the cache can be kept."""
    return shipped_content().course


def triage_model() -> triage_records.TriageModel:
    """The symptom checker's shipped model, validated with the course content and cached with it."""
    return shipped_content().triage

