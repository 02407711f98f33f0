"""Where a command-line tool writes its file: checked before any work starts, written in one step.

The handout command used to find out that --out was a folder, sat under a file, or lay in a read-only
folder only after papermill had run a kernel for seconds, and then showed a traceback; the quiz export
did the same at once. Both now ask `check_output_path` first and write with `write_output`, so a bad path
is one line, and a failed write (a full disk) leaves no half-written file.
"""

from __future__ import annotations

import os
import secrets
import shutil
from pathlib import Path


class OutputPathError(ValueError):
    """The output file cannot be written there; the message is one line for the user."""


MIN_FREE_BYTES = 5_000_000  # more than any handout or question bank; a full disk is found before the work


def check_output_path(out: Path | str, min_free: int = MIN_FREE_BYTES) -> Path:
    """Return `out` as a Path if a file can be written there, else raise OutputPathError. Creates nothing."""
    out = Path(out)
    try:
        if out.is_dir():
            raise OutputPathError(f"{out} is a folder; give a file name, e.g. {out / 'output.html'}")
        if out.exists() and not out.is_file():
            raise OutputPathError(f"{out} exists and is not a regular file")
        folder = out.parent
        while True:  # the nearest folder that exists already; os.stat, unlike exists(), reports a link loop
            try:
                os.stat(folder)
                break
            except FileNotFoundError:
                if folder.is_symlink():
                    raise OutputPathError(f"cannot write {out}: {folder} is a link to nothing") from None
                if folder == folder.parent:
                    break
                folder = folder.parent
        if not folder.is_dir():
            raise OutputPathError(f"cannot write {out}: {folder} is a file, not a folder")
        if not os.access(folder, os.W_OK | os.X_OK) or (out.exists() and not os.access(out, os.W_OK)):
            raise OutputPathError(f"cannot write {out}: {folder} is read-only or belongs to someone else")
        if shutil.disk_usage(folder).free < min_free:
            raise OutputPathError(f"cannot write {out}: the disk is full (less than {min_free // 1_000_000} MB free)")
    except OSError as exc:  # a link loop, a name too long
        raise OutputPathError(f"cannot write {out}: {exc.strerror}") from None
    return out


def replace_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that a reader sees the old file or the new one, never a part: a temporary
    file beside it (`.<name>.<pid>.<random>.tmp`), flushed to disk, then one rename. Raises OSError; the
    temporary file never outlives a failure. The progress store and the command-line outputs both use it."""
    tmp = path.parent / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass


def write_output(out: Path, data: bytes) -> None:
    """Write `data` to `out` atomically, making its folder if needed."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        replace_atomically(out, data)
    except OSError as exc:
        raise OutputPathError(f"cannot write {out}: {exc.strerror}") from None
