"""One learner's progress in a JSON file in their own folder.

Reading needs no lock: writes go to a temporary file that replaces the old one in a single step, so a
reader sees the old file or the new one, and a kernel killed mid-write leaves the previous progress intact.
Changing takes a lock around read-change-write (`filelock`), so any number of kernels on one machine add
to each other's progress instead of overwriting it. Before anything is written it is read back with the
reader's own rules, so the store never writes a file it would then refuse. Every file-system failure
becomes a `ProgressStoreError` whose message is one sentence for the learner.

In JupyterLite (Pyodide) each notebook's kernel runs in its own web worker with its own view of the
browser's file storage, and no file lock reaches from one worker to another; there the store serialises
changes within the kernel only (see `_browser_lock`), and two notebooks saving in the same instant can
still overwrite one another's last change.
"""

from __future__ import annotations

import copy
import errno
import os
import secrets
import stat
import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..clock import Clock, utc_now
from ..environment import where
from ..outpath import replace_atomically
from .entries import (
    CaseProgress,
    ExerciseSession,
    QuizAnswer,
    Review,
    add_exercise_session,
    add_quiz_answer,
    add_review,
    rate_morning,
    save_case,
    set_flashcard_known,
    set_usual_morning_pain,
)
from .record import (
    MAX_FILE_BYTES,
    ProgressError,
    ProgressFileError,
    ProgressStoreError,
    checked_bytes,
    empty_progress,
    format_timestamp,
    merge_progress,
    parse_progress,
)

HOME_ENV = "ANKLE_COURSE_HOME"
FILE_NAME = "progress.json"
LOCK_NAME = ".progress.json.lock"
EXPORT_PREFIX = "ankle-course-progress"
LOCK_TIMEOUT_S = 15.0
STALE_TEMP_S = 60.0  # a temporary file older than this belongs to a write that was killed

Change = Callable[[dict[str, Any]], None]

BROWSER_DRIVE = Path("/drive")  # JupyterLite's persisted file system; Pyodide's home is thrown away on reload
_browser_lock = threading.RLock()


def default_folder() -> Path:
    """The learner's progress folder: $ANKLE_COURSE_HOME, else a visible folder in their home directory
    (visible so that a learner can find, download or back it up from JupyterLab's file browser)."""
    configured = os.environ.get(HOME_ENV)
    if configured:
        return Path(configured).expanduser()
    if where() == "browser":
        return BROWSER_DRIVE / "ankle-course-progress"
    return Path.home() / "ankle-course-progress"



def _reason(exc: OSError, path: Path) -> str:
    """Why a file-system call failed, in words a learner can act on."""
    code = exc.errno
    if code in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"the folder {path.parent} cannot be written to (it is read-only or belongs to someone else)"
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return "the disk is full"
    if code == errno.ENOTDIR or isinstance(exc, FileExistsError):
        return f"a file stands where the folder {path.parent} should be"
    if code == errno.EISDIR:
        return f"{path} is a folder, not a file"
    if code == errno.ELOOP:
        return f"{path} is a link that leads round in a loop"
    if code == errno.ENAMETOOLONG:
        return "the folder's path is too long"
    return f"of a file-system error ({exc.strerror or type(exc).__name__})"


@dataclass(frozen=True)
class Export:
    """An exported copy: the bytes always (for a download link), the file only if it could be written."""

    data: bytes
    path: Path | None
    problem: str | None = None  # the sentence saying why no copy could be written to the folder

    @property
    def filename(self) -> str:
        return self.path.name if self.path else f"{EXPORT_PREFIX}.json"


class ProgressStore:
    """Load, change, export and import one learner's progress; never loses what was saved."""

    def __init__(self, folder: Path | str | None = None, clock: Clock = utc_now):
        self.folder = Path(folder) if folder is not None else default_folder()
        self.clock = clock
        self.notice: str | None = None  # set when a file had to be put aside; shown to the learner once
        # the bytes this store last wrote and what the reader made of them: reading those exact bytes back
        # needs no second parse, which halves the cost of a save when no other notebook wrote in between
        self._verified: tuple[bytes, dict[str, Any]] | None = None

    @property
    def path(self) -> Path:
        return self.folder / FILE_NAME

    def now(self) -> str:
        return format_timestamp(self.clock())

    # ------------------------------------------------------------------ reading
    def load(self) -> dict[str, Any]:
        """The saved progress, or a fresh record. A file that cannot be used is set aside, never overwritten;
        ProgressStoreError if the file cannot even be opened (then nothing can be saved either)."""
        data = self._read()
        if data is None:
            return empty_progress()
        if self._verified is not None and self._verified[0] == data:
            return copy.deepcopy(self._verified[1])
        try:
            return parse_progress(data)
        except ProgressFileError as exc:
            kept = self._set_aside(exc)
            self.notice = (
                f"Your saved progress could not be read because {exc}. The file was kept, unchanged, as "
                f"'{kept.name}' in {self.folder}, and a fresh record was started."
            )
            return empty_progress()

    def _read(self) -> bytes | None:
        try:
            info = os.stat(self.path)  # follows links, so a link loop or a dangling link shows here
            if not stat.S_ISREG(info.st_mode):  # a folder, a FIFO or a device would hang or fill memory
                raise ProgressStoreError(
                    f"Your progress could not be read because {self.path} is not a file; move it out of the way "
                    "and reopen this page (nothing was changed).")
            with open(self.path, "rb") as handle:
                return handle.read(MAX_FILE_BYTES + 1)  # the reader refuses anything longer
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise ProgressStoreError(
                f"Your progress could not be read because {_reason(exc, self.path)}; nothing was changed.") from None

    def _set_aside(self, problem: ProgressFileError) -> Path:
        stamp = self.clock().strftime("%Y%m%dT%H%M%S")
        target = self.folder / f"progress.unreadable-{stamp}-{secrets.token_hex(3)}.json"
        try:
            os.replace(self.path, target)
        except FileNotFoundError:  # another notebook set it aside first
            pass
        except OSError as exc:
            raise ProgressStoreError(
                f"Your saved progress could not be read because {problem}, and it could not be kept aside because "
                f"{_reason(exc, target)}; it was left as it is and nothing will be saved until it is moved.") from None
        return target

    # ------------------------------------------------------------------ writing
    def _lock(self) -> AbstractContextManager[Any]:
        """A lock every kernel on this machine honours (filelock: flock on Unix, LockFileEx on Windows).

        In the browser there is no lock shared between kernels (each is a web worker with its own file
        system layer), so the lock there only keeps this kernel's threads from interleaving."""
        if where() == "browser":
            return _browser_lock
        from filelock import FileLock

        return FileLock(self.folder / LOCK_NAME, timeout=LOCK_TIMEOUT_S)

    def _locked(self, doing: str) -> AbstractContextManager[Any]:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ProgressStoreError(f"Your progress could not be {doing} because {_reason(exc, self.path)}; "
                                     "nothing was changed.") from None
        return _Guard(self._lock(), self.path, doing)

    def update(self, change: Change) -> dict[str, Any]:
        """Apply `change` to the freshest saved progress, check the result and save it atomically.

        For the store's own operations and for tools; views call the named operations below. Raises
        ProgressStoreError, having written nothing, if the result is not a file the reader would accept.
        """
        with self._locked("saved"):
            self._clean_stale_temp_files()
            progress = self.load()
            change(progress)
            progress["updated"] = self.now()
            try:
                data, verified = checked_bytes(progress)
            except ProgressFileError as exc:
                raise ProgressStoreError(
                    f"This was not saved, because your progress file would then not be readable ({exc}); "
                    "what you had saved is unchanged.") from None
            self._write_atomic(self.path, data, "saved")
            self._verified = (data, verified)
        return progress

    def _write_atomic(self, path: Path, data: bytes, doing: str) -> None:
        try:
            replace_atomically(path, data)
        except OSError as exc:
            raise ProgressStoreError(f"Your progress could not be {doing} because {_reason(exc, path)}; "
                                     "what you had saved is unchanged.") from None

    def _clean_stale_temp_files(self) -> None:
        """Remove what killed writes left behind (called under the lock, so no live write is touched)."""
        cutoff = time.time() - STALE_TEMP_S
        for folder in (self.folder, self.folder / "exports"):
            try:
                for tmp in folder.glob(".*.tmp"):
                    if tmp.is_file() and tmp.stat().st_mtime < cutoff:
                        tmp.unlink()
            except OSError:
                pass  # a read-only folder: the next write will say so

    # ------------------------------------------------------------------ the named operations views use
    def record_quiz_answer(self, answer: QuizAnswer) -> dict[str, Any]:
        return self.update(lambda progress: add_quiz_answer(progress, answer))

    def add_exercise_session(self, session: ExerciseSession) -> dict[str, Any]:
        return self.update(lambda progress: add_exercise_session(progress, session))

    def rate_morning(self, session_id: str, pain: int) -> dict[str, Any]:
        return self.update(lambda progress: rate_morning(progress, session_id, pain))

    def set_usual_morning_pain(self, pain: int) -> dict[str, Any]:
        return self.update(lambda progress: set_usual_morning_pain(progress, pain))

    def set_flashcard_known(self, card_id: str, known: bool) -> dict[str, Any]:
        return self.update(lambda progress: set_flashcard_known(progress, card_id, known))

    def save_case_run(self, case: CaseProgress) -> dict[str, Any]:
        return self.update(lambda progress: save_case(progress, case))

    def add_review(self, review: Review) -> dict[str, Any]:
        return self.update(lambda progress: add_review(progress, review))

    # ------------------------------------------------------------------ export / import
    def export(self) -> Export:
        """A dated copy the learner can download (Binder sessions are deleted when they end), written
        atomically to exports/. If the folder cannot take the copy (read-only, full), the bytes still come
        back, so the download works even where nothing can be saved."""
        progress = self.load()  # reading needs no lock
        try:
            data, _ = checked_bytes(progress)
        except ProgressFileError as exc:  # cannot happen for a record load() accepted; kept as a guard
            raise ProgressStoreError(f"Your progress could not be exported because {exc}.") from None
        path = self.folder / "exports" / f"{EXPORT_PREFIX}-{self.clock().strftime('%Y%m%d-%H%M%S')}.json"
        try:
            with self._locked("exported"):
                self._clean_stale_temp_files()
                try:
                    path.parent.mkdir(exist_ok=True)
                except OSError as exc:
                    raise ProgressStoreError(f"Your progress could not be exported because {_reason(exc, path)}; "
                                             "what you had saved is unchanged.") from None
                self._write_atomic(path, data, "exported")
        except ProgressStoreError as exc:
            return Export(data=data, path=None, problem=str(exc))
        return Export(data=data, path=path)

    def import_bytes(self, data: bytes) -> dict[str, Any]:
        """Merge an uploaded progress file into the saved one. Raises ProgressFileError (the upload is not a
        usable file) or ProgressStoreError (it could not be saved), and then nothing has changed."""
        incoming = parse_progress(data, not_after=self.clock())
        return self.update(lambda current: current.update(merge_progress(current, incoming)))


class _Guard(AbstractContextManager[None]):
    """Takes the lock, turning a timeout or a lock file that cannot be made into the store's own error."""

    def __init__(self, lock: Any, path: Path, doing: str):
        self.lock, self.path, self.doing = lock, path, doing

    def __enter__(self) -> None:
        try:
            self.lock.acquire()
        except TimeoutError:  # filelock.Timeout is one
            raise ProgressStoreError(
                f"Your progress could not be {self.doing} because another notebook has been saving it for over "
                f"{LOCK_TIMEOUT_S:.0f} seconds; try again in a moment (nothing was changed).") from None
        except OSError as exc:
            raise ProgressStoreError(f"Your progress could not be {self.doing} because "
                                     f"{_reason(exc, self.path)}; nothing was changed.") from None

    def __exit__(self, *exc_info: object) -> None:
        self.lock.release()


__all__ = ["Export", "HOME_ENV", "ProgressError", "ProgressFileError", "ProgressStore", "ProgressStoreError",
           "default_folder"]
