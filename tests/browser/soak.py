"""Run the whole browser suite N times in a row while CPU-bound processes keep every core busy.

    .venv/bin/python tests/browser/soak.py --runs 5                # 5 loaded runs, one busy process per core
    .venv/bin/python tests/browser/soak.py --runs 1 --load 0       # the same, unloaded (a baseline)
    .venv/bin/python tests/browser/soak.py --runs 3 -- -k 05_exercises   # extra pytest arguments after --

A race between a widget's kernel round trip and the test's own actions only shows when the kernel or the
browser is slow, which a quiet developer machine rarely is; this makes them slow on purpose. It is a
tool, not a test (pytest does not collect it), and it retries nothing: every run is a fresh
`python -m pytest tests/browser`, and each one that does not pass cleanly counts as a failure.

A run passes only if pytest exits 0, ran at least one test, and failed, errored and skipped nothing
beyond the expected skips (EXPECTED_SKIP: notebooks that have no interaction yet). The suite runs with
CI=true, so a missing Chromium, axe-core or npm fails instead of skipping; a run that collected nothing
(pytest's exit code 5) fails too.

Bounded: each run gets --run-timeout minutes and the whole soak --max-minutes; a run still going then
is interrupted (SIGINT first, so pytest's fixtures stop JupyterLab) and counts as failed. The load
processes are this script's own children: it stops them by pid when it ends, and each also stops by
itself at the soak's deadline or as soon as this script is gone.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts" / "browser" / "soak"
# The only skips that hide nothing: a notebook without an interaction file yet (test_notebooks_in_browser).
EXPECTED_SKIP = re.compile(r"^no interactions for ")
# One busy loop per load process. It checks the clock and its parent about twice a second, so it ends
# by itself at the deadline, or when the soak that started it is gone (it is re-parented then).
LOAD_LOOP = """
import os, sys, time
deadline, parent = float(sys.argv[1]), int(sys.argv[2])
while time.time() < deadline and os.getppid() == parent:
    stop = time.monotonic() + 0.5
    while time.monotonic() < stop:
        pass
"""


@dataclass
class RunResult:
    """One full run of the suite: how long it took and what pytest counted."""

    number: int
    seconds: float
    exit_code: int | None  # None: stopped at its time limit
    tests: int = 0
    passed: int = 0
    failed: int = 0
    errors: int = 0
    skipped: int = 0
    unexpected_skips: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    load_cpu_share: float = 0.0  # CPU seconds the load processes burnt, per core, over the run's wall time
    loadavg: str = ""

    @property
    def ok(self) -> bool:
        return (self.exit_code == 0 and self.tests > 0 and not self.failed and not self.errors
                and not self.unexpected_skips)


def start_load(count: int, deadline: float) -> list[subprocess.Popen[bytes]]:
    """`count` CPU-bound processes, at the same priority as the suite (they compete, as a busy machine does)."""
    return [subprocess.Popen([sys.executable, "-c", LOAD_LOOP, str(deadline), str(os.getpid())],
                             stdin=subprocess.DEVNULL) for _ in range(count)]


def stop_load(processes: list[subprocess.Popen[bytes]]) -> None:
    """Stop exactly the load processes this script started."""
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def cpu_seconds(processes: list[subprocess.Popen[bytes]]) -> float:
    """User + system CPU seconds the still-running processes have used (from /proc; 0 where unreadable)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for process in processes:
        try:
            fields = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks
        except (OSError, IndexError, ValueError):
            pass
    return total


def read_junit(path: Path, result: RunResult) -> None:
    """Fill in the counts, the failures and any skip that is not an expected one from pytest's XML."""
    if not path.exists():
        result.failures.append("pytest wrote no report")
        return
    for case in ET.parse(path).getroot().iter("testcase"):
        result.tests += 1
        name = f"{case.get('classname')}::{case.get('name')}"
        outcome = next((child for child in case if child.tag in ("failure", "error", "skipped")), None)
        if outcome is None:
            result.passed += 1
        elif outcome.tag == "skipped":
            result.skipped += 1
            reason = (outcome.get("message") or "").removeprefix("Skipped: ")
            if not EXPECTED_SKIP.search(reason):
                result.unexpected_skips.append(f"{name}: {reason}")
        else:
            result.failed += outcome.tag == "failure"
            result.errors += outcome.tag == "error"
            result.failures.append(f"{name}: {(outcome.get('message') or '').splitlines()[0][:300]}")


def run_suite(number: int, timeout_s: float, pytest_args: list[str], load: list[subprocess.Popen[bytes]]) -> RunResult:
    """One `python -m pytest tests/browser` in a process group of its own, stopped at `timeout_s`."""
    junit = ARTIFACTS / f"run-{number}.xml"
    log = ARTIFACTS / f"run-{number}.log"
    junit.unlink(missing_ok=True)
    env = dict(os.environ, CI="true")
    command = [sys.executable, "-m", "pytest", "tests/browser", "-q", "-rfEs", f"--junitxml={junit}", *pytest_args]
    cpu_before, started = cpu_seconds(load), time.monotonic()
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True)
        try:
            exit_code: int | None = process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            exit_code = None
            os.killpg(process.pid, signal.SIGINT)  # pytest tears its fixtures down: JupyterLab is stopped
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
    seconds = time.monotonic() - started
    result = RunResult(number, seconds, exit_code)
    cores = os.cpu_count() or 1
    result.load_cpu_share = (cpu_seconds(load) - cpu_before) / seconds / cores if load else 0.0
    result.loadavg = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    read_junit(junit, result)
    if exit_code is None:
        result.failures.insert(0, f"stopped after {timeout_s:.0f} s")
    elif exit_code != 0 and not result.failures:
        result.failures.append(f"pytest exited {exit_code} (5: no test ran); see {log}")
    return result


def table(results: list[RunResult], load_count: int) -> str:
    """The results as a Markdown table, one row per run, and a closing total."""
    lines = [f"Browser suite under load: {load_count} CPU-bound process(es) on {os.cpu_count()} core(s)", "",
             "| run | duration | exit | passed | failed | errors | skipped | load CPU/core | load avg (1/5/15) |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in results:
        minutes, secs = divmod(round(r.seconds), 60)
        lines.append(f"| {r.number} | {minutes}m{secs:02d}s | {r.exit_code} | {r.passed} | {r.failed} | {r.errors} | "
                     f"{r.skipped} | {r.load_cpu_share:.0%} | {r.loadavg} |")
    for r in results:
        for problem in r.failures + [f"unexpected skip: {s}" for s in r.unexpected_skips]:
            lines.append(f"- run {r.number}: {problem}")
    good = sum(r.ok for r in results)
    lines += ["", f"soak: {len(results)} runs, {good} passed, {len(results) - good} failed"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="full runs of the suite (default 5)")
    parser.add_argument("--load", type=int, default=os.cpu_count() or 1,
                        help="CPU-bound processes to run meanwhile (default: one per core; 0 for none)")
    parser.add_argument("--run-timeout", type=float, default=40.0, help="minutes one run may take (default 40)")
    parser.add_argument("--max-minutes", type=float, default=180.0, help="minutes for the whole soak (default 180)")
    parser.add_argument("--keep-going", action="store_true", help="go on after a failed run (default: stop there)")
    parser.add_argument("pytest_args", nargs="*", help="after --: passed on to pytest")
    args = parser.parse_args(argv)

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + args.max_minutes * 60
    load = start_load(args.load, time.time() + args.max_minutes * 60 + 60)
    results: list[RunResult] = []
    try:
        for number in range(1, args.runs + 1):
            left = deadline - time.monotonic()
            if left < 60:
                print(f"soak: out of time before run {number}", flush=True)
                break
            result = run_suite(number, min(args.run_timeout * 60, left), args.pytest_args, load)
            results.append(result)
            print(f"run {number}: {'ok' if result.ok else 'FAILED'} in {result.seconds:.0f} s "
                  f"({result.passed} passed, {result.failed} failed, {result.errors} errors, "
                  f"{result.skipped} skipped; load {result.load_cpu_share:.0%} of each core)", flush=True)
            if not result.ok and not args.keep_going:
                break
    finally:
        stop_load(load)
    report = table(results, args.load)
    (ARTIFACTS / "soak.md").write_text(report + "\n")
    print(report)
    return 0 if len(results) == args.runs and all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
