"""Print the course's performance figures against their targets. A report, not a test: it never fails.

    python benchmarks/run_benchmarks.py                  # everything but the install size (a few minutes)
    python benchmarks/run_benchmarks.py --install-size   # also build a fresh venv from requirements.txt
    python benchmarks/run_benchmarks.py --only import,sizes

Sections: exec (each notebook's headless run against an empty notebook's, fresh kernel each time),
import (`import ankle_course` in a fresh interpreter, and -X importtime's worst offenders), callbacks
(widget callback latency, registry in callbacks.py), sizes (committed notebooks), install (fresh venv).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
from jupyter_client import KernelManager

sys.path.insert(0, str(Path(__file__).resolve().parent))
from callbacks import CALLBACKS  # noqa: E402
from fresh_venv import build_fresh_venv, format_mb, installed_size_bytes  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"
NOTEBOOK_GLOBS = ("*.ipynb", "instructor/*.ipynb")
EXEC_RATIO_TARGET = 1.5
CELL_TIMEOUT_S = 120
NOTEBOOK_KB_TARGET = 100.0
SECTIONS = ("exec", "import", "callbacks", "sizes")


@dataclass
class Row:
    """One line of the report: what was measured, the figure, the target, and whether it was met."""

    section: str
    name: str
    value: str
    target: str = ""
    ok: bool | None = None  # None: no target (information only) or not measurable

    @property
    def verdict(self) -> str:
        return {True: "PASS", False: "MISS", None: "INFO" if self.target == "" else "n/a"}[self.ok]


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile (p95 of 30 runs is the 29th smallest)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]


def discover_notebooks(folder: Path = NOTEBOOKS) -> list[Path]:
    return sorted({p for pattern in NOTEBOOK_GLOBS for p in folder.glob(pattern)})


# --- (a) headless execution ----------------------------------------------------------------------

class CellFailed(RuntimeError):
    """A cell raised: the notebook is broken, so its time means nothing."""


def time_execution(path: Path, workdir: Path) -> float:
    """Seconds from starting a fresh kernel (this interpreter's) to the last cell's output, cell by cell.

    Cells are sent with jupyter_client's execute_interactive rather than nbclient: nbclient can block
    for good on notebooks whose widgets use Output (jupyter/nbclient#312), and a benchmark must finish.
    """
    cells = [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code" and c.source.strip()]
    km = KernelManager(kernel_name="python3")
    started = time.perf_counter()
    # The kernel's stderr only carries ipykernel's start-up warnings; errors come back in the replies.
    km.start_kernel(cwd=str(workdir), stderr=subprocess.DEVNULL)
    kc = km.client()
    try:
        kc.start_channels()
        kc.wait_for_ready(timeout=120)
        for index, source in enumerate(cells):
            reply = kc.execute_interactive(source, timeout=CELL_TIMEOUT_S, allow_stdin=False,
                                           output_hook=lambda msg: None)
            if reply["content"]["status"] != "ok":
                content = reply["content"]
                raise CellFailed(f"code cell {index}: {content.get('ename')}: {content.get('evalue')}")
        return time.perf_counter() - started
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def empty_notebook(folder: Path) -> Path:
    """The baseline: one trivial cell, so kernel start-up and a round trip are all it measures."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("pass")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = folder / "_empty_baseline.ipynb"
    nbformat.write(nb, path)
    return path


def bench_execution(repeat: int, scratch: Path) -> list[Row]:
    """Median of `repeat` runs per notebook, on a copy of notebooks/ (runs may write files).

    The first kernel after an install or a content edit validates the content and fills the content cache
    (ankle_course.content.cache); every later kernel reads the cache. That first run is reported on its
    own row, then every notebook is timed as a learner meets it: with the cache filled."""
    work = scratch / "notebooks"
    shutil.copytree(NOTEBOOKS, work, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    baseline = statistics.median(time_execution(empty_notebook(work), work) for _ in range(repeat))
    rows = [Row("exec", "empty notebook (baseline)", f"{baseline:.2f} s")]
    first = discover_notebooks()[0]
    cold = time_execution(work / first.relative_to(NOTEBOOKS), work)
    rows.append(Row("exec", f"{first.name}, first kernel after install or edit (validates content)",
                    f"{cold:.2f} s = {cold / baseline:.2f}x empty"))
    for original in discover_notebooks():
        path = work / original.relative_to(NOTEBOOKS)
        try:
            seconds = statistics.median(time_execution(path, path.parent) for _ in range(repeat))
        except Exception as exc:  # a broken notebook is a row in the report, not the end of it
            why = (str(exc).strip().splitlines() or [""])[-1][:60]
            rows.append(Row("exec", path.relative_to(work).as_posix(), f"failed: {type(exc).__name__} {why}",
                            f"<= {EXEC_RATIO_TARGET}x empty", False))
            continue
        ratio = seconds / baseline
        rows.append(Row("exec", path.relative_to(work).as_posix(), f"{seconds:.2f} s = {ratio:.2f}x empty",
                        f"<= {EXEC_RATIO_TARGET}x empty", round(ratio, 2) <= EXEC_RATIO_TARGET))
    return rows


# --- (b) import time -----------------------------------------------------------------------------

# The package itself (asked for by the brief), and what the start notebook's first cell imports.
IMPORTS = ("ankle_course", "ankle_course.widgets.start")
CONTENT_SNIPPET = ("import time; t = time.perf_counter(); from ankle_course.content import course; course(); "
                   "print(time.perf_counter() - t)")
IMPORT_SNIPPET = "import importlib, time; t = time.perf_counter(); importlib.import_module({!r}); print(time.perf_counter() - t)"


def time_import(module: str) -> float:
    """Seconds to import `module` in a fresh interpreter (interpreter start-up not counted)."""
    done = subprocess.run([sys.executable, "-c", IMPORT_SNIPPET.format(module)], check=True, capture_output=True,
                          text=True, cwd=REPO)
    return float(done.stdout)


def bench_import(repeat: int = 5) -> tuple[list[Row], list[str]]:
    """Each of IMPORTS in a fresh interpreter each time (median), plus -X importtime's top 10 for the last."""
    rows = [Row("import", f"import {module} (median of {repeat})",
                f"{statistics.median(time_import(module) for _ in range(repeat)) * 1000:.0f} ms")
            for module in IMPORTS]
    rows += bench_content_load(repeat)
    return rows, top_imports(importtime(IMPORTS[-1]), exclude=importtime_names(importtime(None)))


def bench_content_load(repeat: int) -> list[Row]:
    """`course()` in a fresh interpreter: validating every file (cache off) against reading the content cache."""
    def run(cache: str) -> float:
        done = subprocess.run([sys.executable, "-c", CONTENT_SNIPPET], check=True, capture_output=True, text=True,
                              cwd=REPO, env={**os.environ, "ANKLE_COURSE_CACHE": cache})
        return float(done.stdout)

    with tempfile.TemporaryDirectory(prefix="ankle-cache-") as folder:
        run(folder)  # fill it
        cached = statistics.median(run(folder) for _ in range(repeat))
    validated = statistics.median(run("off") for _ in range(repeat))
    return [Row("import", f"course(): validate every content file (median of {repeat})", f"{validated * 1000:.0f} ms"),
            Row("import", f"course(): read the content cache (median of {repeat})", f"{cached * 1000:.0f} ms")]


def importtime(module: str | None) -> str:
    """`python -X importtime` output for importing `module` (None: the interpreter's own start-up)."""
    code = f"import {module}" if module else "pass"
    return subprocess.run([sys.executable, "-X", "importtime", "-c", code], check=True, capture_output=True,
                          text=True, cwd=REPO).stderr


def importtime_names(importtime_stderr: str) -> set[str]:
    return {line.rsplit("|", 1)[-1].strip() for line in importtime_stderr.splitlines() if line.count("|") == 2}


def top_imports(importtime_stderr: str, n: int = 10, exclude: set[str] = frozenset()) -> list[str]:
    """The `n` modules with the largest self time in `python -X importtime` output, minus `exclude`
    (the modules every interpreter imports at start-up anyway)."""
    entries = []
    for line in importtime_stderr.splitlines():
        parts = line.removeprefix("import time:").split("|")
        if len(parts) == 3 and parts[0].strip().isdigit() and parts[2].strip() not in exclude:
            entries.append((int(parts[0]), int(parts[1]), parts[2].strip()))
    entries.sort(reverse=True)
    return [f"{self_us / 1000:8.1f} ms self {cum_us / 1000:8.1f} ms cumulative  {name}"
            for self_us, cum_us, name in entries[:n]]


def ms(value: float) -> str:
    return f"{value:.2f} ms" if value < 1 else f"{value:.1f} ms"


# --- (c) widget callbacks ------------------------------------------------------------------------

def bench_callbacks(runs: int) -> list[Row]:
    """Median and p95 latency of each registered callback, after one warm-up call."""
    rows = []
    for bench in CALLBACKS:
        target = f"median < {bench.target_ms:.0f} ms"
        try:
            with contextlib.redirect_stdout(io.StringIO()):  # views display() things outside a kernel
                action = bench.setup()
                action()
                times = []
                for _ in range(runs):
                    started = time.perf_counter()
                    action()
                    times.append((time.perf_counter() - started) * 1000)
        except Exception as exc:
            rows.append(Row("callbacks", bench.name, f"n/a: {type(exc).__name__}: {exc}"[:90], target, None))
            continue
        median = statistics.median(times)
        rows.append(Row("callbacks", bench.name, f"{ms(median)} (p95 {ms(percentile(times, 95))})", target,
                        median < bench.target_ms))
    return rows


# --- (d) notebook sizes, (e) install size ----------------------------------------------------------

def bench_sizes() -> list[Row]:
    """Each committed notebook's size on disk (they are committed with outputs stripped)."""
    rows = []
    for path in discover_notebooks():
        kb = path.stat().st_size / 1024
        rows.append(Row("sizes", path.relative_to(NOTEBOOKS).as_posix(), f"{kb:.1f} KB", f"< {NOTEBOOK_KB_TARGET:.0f} KB",
                        kb < NOTEBOOK_KB_TARGET))
    return rows


def bench_install(scratch: Path) -> list[Row]:
    venv = build_fresh_venv(scratch / "binder-venv")
    return [Row("install", "fresh venv from requirements.txt", format_mb(installed_size_bytes(venv)))]


# --- report --------------------------------------------------------------------------------------

def print_table(rows: list[Row]) -> None:
    widths = [max(len(getattr(r, f)) for r in rows + [Row("section", "measure", "value", "target")])
              for f in ("section", "name", "value", "target")]
    header = ("section", "measure", "value", "target", "result")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths + [6])))
    print("  ".join("-" * w for w in widths + [6]))
    for r in rows:
        print("  ".join(v.ljust(w) for v, w in zip((r.section, r.name, r.value, r.target), widths)) + "  " + r.verdict)
    missed = sum(r.ok is False for r in rows)
    print(f"\n{sum(r.ok is True for r in rows)} met, {missed} missed, "
          f"{sum(r.ok is None for r in rows)} without a target or not measurable")


def isolate(scratch: Path) -> None:
    """Kernels and views write progress under ANKLE_COURSE_HOME and the content cache under ANKLE_COURSE_CACHE:
    point them (and IPython) at scratch, so every run starts as a fresh install does."""
    for var, sub in (("ANKLE_COURSE_HOME", "course-home"), ("IPYTHONDIR", "ipython"),
                     ("ANKLE_COURSE_CACHE", "content-cache")):
        os.environ[var] = str(scratch / sub)
        (scratch / sub).mkdir(exist_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated subset of {','.join(SECTIONS)}")
    parser.add_argument("--repeat", type=int, default=3, help="runs per notebook for the median (default 3)")
    parser.add_argument("--callback-runs", type=int, default=30, help="timed calls per callback (default 30)")
    parser.add_argument("--install-size", action="store_true", help="also measure a fresh venv (takes minutes)")
    args = parser.parse_args(argv)
    chosen = {s.strip() for s in args.only.split(",") if s.strip()}

    rows: list[Row] = []
    offenders: list[str] = []
    with tempfile.TemporaryDirectory(prefix="ankle-bench-") as tmp:
        scratch = Path(tmp)
        isolate(scratch)
        if "exec" in chosen:
            rows += bench_execution(args.repeat, scratch)
        if "import" in chosen:
            import_rows, offenders = bench_import()
            rows += import_rows
        if "callbacks" in chosen:
            rows += bench_callbacks(args.callback_runs)
        if "sizes" in chosen:
            rows += bench_sizes()
        if args.install_size:
            rows += bench_install(scratch)
    print(f"\nInside Ankle Pain benchmarks: Python {sys.version.split()[0]}, {os.cpu_count()} cores\n")
    print_table(rows)
    if offenders:
        print(f"\nimport {IMPORTS[-1]}: slowest modules (python -X importtime, start-up modules left out):")
        print("\n".join(offenders))
    return 0


if __name__ == "__main__":
    sys.exit(main())
