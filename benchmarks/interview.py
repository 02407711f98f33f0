"""Benchmark the guided interview: answer `next_question`'s questions from each vignette until it stops.

A finding the vignette lacks counts as skipped (the person says "not sure"). Prints, per vignette set, both
tracks side by side: questions asked (median, maximum), how often the triage and the top condition at the stop
equal the full-form result (every finding the track asks), how often the top condition at the stop is the gold
one (cases with a gold condition), under-triage at the stop against the gold triage; then the time one
`next_question` call takes (median, 95th centile, maximum; the first call of a process fills caches). Not a test: figures to read, side by side.

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

from ankle_course.content.checker.vocabulary import urgency  # noqa: E402
from ankle_course.triage import assess  # noqa: E402
from ankle_course.triage.interview import next_question  # noqa: E402
from ankle_course.triage.symptom_questions import questions_for  # noqa: E402

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


TRACKS = ("learner", "pt_student")


def run(cases: list[dict], track: str) -> dict:
    """The figures of one track over some cases."""
    track_ids = {q.id for q in questions_for(track)}
    counts, same_triage, same_top, gold_top, gold_n, under, times = [], 0, 0, 0, 0, 0, []
    for case in cases:
        full = assess({k: v for k, v in case["findings"].items() if k in track_ids})
        answers, n, t = interview(case["findings"], track)
        stop = assess(answers)
        counts.append(n)
        times += t
        same_triage += stop.triage == full.triage
        same_top += stop.differential[0][0] == full.differential[0][0]
        gold = case["gold"]
        if gold["condition"] is not None:  # triage-only cases have no gold condition
            gold_n += 1
            gold_top += stop.differential[0][0] == gold["condition"]
        under += gold["triage"] in ("emergency", "urgent") and urgency(stop.triage) < urgency(gold["triage"])
    return {"n": len(cases), "counts": counts, "same_triage": same_triage, "same_top": same_top,
            "gold_top": gold_top, "gold_n": gold_n, "under": under, "times": times}


def line(name: str, figures: dict[str, dict]) -> str:
    cells = []
    for track in TRACKS:
        f = figures[track]
        n = f["n"]
        cells.append(f"{statistics.median(f['counts']):4.1f} {max(f['counts']):3d} {f['same_triage'] / n:6.1%} "
                     f"{f['same_top'] / n:6.1%} {f['gold_top'] / max(f['gold_n'], 1):6.1%} {f['under']:3d}")
    return f"{name:<22} {figures[TRACKS[0]]['n']:>3}  " + "  |  ".join(cells)


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or [p for p in DEFAULT_SETS if p.exists()]
    print(f"full form: learner {len(questions_for('learner'))} questions, PT student {len(questions_for('pt_student'))}")
    head = "median max triage=full top=full top=gold under"
    print(f"{'vignette set':<22} {'n':>3}  {'learner: ' + head:<45}  |  pt_student: {head}")
    pooled: dict[str, dict] = {t: {"n": 0, "counts": [], "same_triage": 0, "same_top": 0, "gold_top": 0, "gold_n": 0,
                                   "under": 0, "times": []} for t in TRACKS}
    for path in paths:
        cases = json.loads(path.read_text(encoding="utf-8"))
        figures = {track: run(cases, track) for track in TRACKS}
        print(line(path.name, figures))
        for track in TRACKS:
            for k, v in figures[track].items():
                pooled[track][k] += v
    print(line("all sets", pooled))
    for track in TRACKS:
        times = sorted(pooled[track]["times"])
        print(f"next_question per call, {track}: median {statistics.median(times) * 1e3:.1f} ms, "
              f"p95 {times[int(len(times) * .95)] * 1e3:.1f} ms, max {times[-1] * 1e3:.1f} ms ({len(times)} calls)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
