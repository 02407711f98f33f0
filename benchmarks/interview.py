"""Benchmark the guided interview: answer `next_question`'s questions from each vignette until it stops.

A finding the vignette lacks counts as skipped (the person says "not sure"). Prints, per vignette set and
track: questions asked (median, maximum), how often the triage and the top condition at the stop equal the
full-form result (every finding the track asks), under-triage at the stop against the gold triage, and the
time one `next_question` call takes. Not a test: figures to read, side by side.

    python benchmarks/interview.py [FILE.json ...]
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ankle_course.triage import assess  # noqa: E402
from ankle_course.triage.interview import next_question  # noqa: E402
from ankle_course.triage.symptom_questions import questions_for  # noqa: E402
from ankle_course.triage.vocabulary import urgency  # noqa: E402

DEFAULT_SETS = [ROOT.parent / "shared" / "vignettes" / "dev.json", ROOT.parent / "shared" / "vignettes" / "dev_lay.json",
                ROOT / "tests" / "data" / "triage_blind.json", ROOT / "tests" / "data" / "triage_holdout.json",
                ROOT / "tests" / "data" / "triage_lay_blind.json"]


def interview(findings: dict, track: str) -> tuple[dict, int, list[float]]:
    asked: dict = {}
    skipped: set[str] = set()
    times = []
    while True:
        start = time.perf_counter()
        q = next_question(asked, frozenset(skipped), track)
        times.append(time.perf_counter() - start)
        if q is None:
            return asked, len(asked) + len(skipped), times
        if q in findings:
            asked[q] = findings[q]
        else:
            skipped.add(q)


def run(path: Path, track: str) -> str:
    cases = json.loads(path.read_text(encoding="utf-8"))
    track_ids = {q.id for q in questions_for(track)}
    counts, same_triage, same_top, under, times = [], 0, 0, 0, []
    for case in cases:
        full = assess({k: v for k, v in case["findings"].items() if k in track_ids})
        answers, n, t = interview(case["findings"], track)
        stop = assess(answers)
        counts.append(n)
        times += t
        same_triage += stop.triage == full.triage
        same_top += stop.differential[0][0] == full.differential[0][0]
        gold = case["gold"]["triage"]
        under += gold in ("emergency", "urgent") and urgency(stop.triage) < urgency(gold)
    n = len(cases)
    return (f"{path.name:<24} {track:<10} n={n:<3} asked median {statistics.median(counts):>4.1f} max {max(counts):>3}  "
            f"same triage {same_triage / n:6.1%}  same top {same_top / n:6.1%}  under-triage {under}  "
            f"call median {statistics.median(times) * 1e3:5.1f} ms  p95 {sorted(times)[int(len(times) * .95)] * 1e3:5.1f} ms")


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or [p for p in DEFAULT_SETS if p.exists()]
    print(f"full form: learner {len(questions_for('learner'))} questions, PT student {len(questions_for('pt_student'))}")
    for path in paths:
        for track in ("learner", "pt_student"):
            print(run(path, track))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
