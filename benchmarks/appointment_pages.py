"""How many printed A4 pages the appointment summary takes, side by side for a few learners, and how long
it takes to build: the target is one page for a learner's interview with a month of exercise sessions.

    .venv/bin/python benchmarks/appointment_pages.py

Prints with Debian's /usr/bin/chromium (headless --print-to-pdf) and counts the PDF's pages.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from ankle_course.appointment import summary_html
from ankle_course.triage.symptom_questions import questions_for

CHROMIUM = "/usr/bin/chromium"
T0 = datetime(2026, 11, 1, 9, tzinfo=UTC)


def sessions(n: int) -> list[dict[str, Any]]:
    names = ("calf_raise_double", "banded_inversion", "banded_plantarflexion", "rom_eversion")
    return [{"id": f"s{i}", "exercise": names[i % len(names)], "dosage": "Starting out: 10 reps × 2 sets",
             "started": (T0 + timedelta(days=i)).isoformat(), "reps_done": 10, "sets_done": 2, "completed": True,
             "pain_during": 2 + i % 4, "pain_next_morning": i % 3} for i in range(n)]


def every_answer(track: str) -> dict[str, Any]:
    """Every question answered (the longest page): warning signs no, everything else yes / the first choices."""
    findings: dict[str, Any] = {}
    for q in questions_for(track):
        if q.type == "bool":
            findings[q.id] = q.section != "warning"
        elif q.type == "choice":
            findings[q.id] = q.choices[-1]
        elif q.type == "set":
            findings[q.id] = list(q.choices[:3])
        else:
            findings[q.id] = q.min + 30
    return findings


TYPICAL = {"foot_cold_pale_numb": False, "visible_deformity": False, "open_wound_over_injury": False,
           "pain_out_of_proportion": False, "fever": False, "redness_warmth": False,
           "calf_swelling_tenderness": False, "breathless_or_chest_pain": False, "weight_bearing": "limping",
           "onset": "gradual", "duration_days": 40, "pain_location": ["behind_inner_ankle"], "swelling": True,
           "worse_with_standing_walking": True, "heel_raise": "painful", "arch_collapsing": True, "age": 55}

CASES = {
    "typical interview, 30 sessions": (TYPICAL, "learner", 30),
    "typical interview, no sessions": (TYPICAL, "learner", 0),
    "every learner question, 60 sessions": (every_answer("learner"), "learner", 60),
    "every PT-student question, 60 sessions": (every_answer("pt_student"), "pt_student", 60),
}


def pages(html: str, folder: Path) -> int:
    page, pdf = folder / "summary.html", folder / "summary.pdf"
    page.write_text(html, encoding="utf-8")
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", page.as_uri()], check=True, capture_output=True, timeout=120)
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))


def main() -> None:
    print(f"{'case':42} {'answers':>7} {'KB':>6} {'build ms':>9} {'A4 pages':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, (findings, track, n) in CASES.items():
            progress = {"learner_name": "", "exercise_sessions": sessions(n)}
            start = time.perf_counter()
            html = summary_html(findings, track, progress, now=T0 + timedelta(days=n))
            ms = (time.perf_counter() - start) * 1000
            print(f"{name:42} {len(findings):7} {len(html) / 1000:6.1f} {ms:9.1f} {pages(html, Path(tmp)):9}")


if __name__ == "__main__":
    main()
