"""One learner's progress in a JSON file in their own folder.

Writes go to a temporary file that replaces the old one in a single step, so a kernel killed
mid-write leaves the previous progress intact. Every change re-reads the file first, so two
notebooks open at once add to each other's progress instead of overwriting it.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from ..environment import where
from .record import ProgressFileError, empty_progress, merge_progress, parse_progress

HOME_ENV = "ANKLE_COURSE_HOME"
FILE_NAME = "progress.json"
EXPORT_PREFIX = "ankle-course-progress"

Clock = Callable[[], datetime]


BROWSER_DRIVE = Path("/drive")  # JupyterLite's persisted file system; Pyodide's home is thrown away on reload


def default_folder() -> Path:
    """The learner's progress folder: $ANKLE_COURSE_HOME, else a visible folder in their home directory
    (visible so that a learner can find, download or back it up from JupyterLab's file browser)."""
    configured = os.environ.get(HOME_ENV)
    if configured:
        return Path(configured).expanduser()
    if where() == "browser":
        return BROWSER_DRIVE / "ankle-course-progress"
    return Path.home() / "ankle-course-progress"


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class Export:
    path: Path
    data: bytes

    @property
    def filename(self) -> str:
        return self.path.name


class ProgressStore:
    """Load, change, export and import one learner's progress; never loses what was saved."""

    def __init__(self, folder: Path | str | None = None, clock: Clock = _utc_now):
        self.folder = Path(folder) if folder is not None else default_folder()
        self.clock = clock
        self.notice: str | None = None  # set when a file had to be put aside; shown to the learner once

    @property
    def path(self) -> Path:
        return self.folder / FILE_NAME

    def now(self) -> str:
        return self.clock().isoformat(timespec="seconds")

    # ------------------------------------------------------------------ reading
    def load(self) -> dict[str, Any]:
        """The saved progress, or a fresh record. A file that cannot be used is set aside, never overwritten."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return empty_progress()
        except OSError as exc:
            self.notice = f"Your progress file could not be opened ({exc.strerror}); progress is not being saved."
            raise ProgressFileError(self.notice) from None
        try:
            return parse_progress(data)
        except ProgressFileError as exc:
            kept = self._set_aside()
            self.notice = (
                f"Your saved progress could not be read because {exc}. The file was kept, unchanged, as "
                f"'{kept.name}' in {self.folder}, and a fresh record was started."
            )
            return empty_progress()

    def _set_aside(self) -> Path:
        stamp = self.clock().strftime("%Y%m%dT%H%M%S")
        target = self.folder / f"progress.unreadable-{stamp}-{secrets.token_hex(3)}.json"
        try:
            os.replace(self.path, target)
        except FileNotFoundError:  # another notebook set it aside first
            pass
        return target

    # ------------------------------------------------------------------ writing
    def update(self, change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
        """Apply `change` to the freshest saved progress and save the result atomically."""
        progress = self.load()
        change(progress)
        progress["updated"] = self.now()
        self._write(progress)
        return progress

    def _write(self, progress: dict[str, Any]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        data = json.dumps(progress, indent=1, sort_keys=True, ensure_ascii=False).encode("utf-8")
        tmp = self.folder / f".{FILE_NAME}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
        try:
            with open(tmp, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        finally:
            tmp.unlink(missing_ok=True)

    # ------------------------------------------------------------------ export / import
    def export(self) -> Export:
        """Write a dated copy the learner can download (Binder sessions are deleted when they end)."""
        progress = self.load()
        stamp = self.clock().strftime("%Y%m%d-%H%M%S")
        path = self.folder / "exports" / f"{EXPORT_PREFIX}-{stamp}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps(progress, indent=1, sort_keys=True, ensure_ascii=False).encode("utf-8")
        path.write_bytes(data)
        return Export(path=path, data=data)

    def import_bytes(self, data: bytes) -> dict[str, Any]:
        """Merge an uploaded progress file into the saved one; raises ProgressFileError and changes
        nothing if the upload cannot be used."""
        incoming = parse_progress(data)
        return self.update(lambda current: current.update(merge_progress(current, incoming)))


__all__ = ["Export", "HOME_ENV", "ProgressFileError", "ProgressStore", "default_folder"]
