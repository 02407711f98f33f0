"""Write the start and end pictures of every exercise to images/ (run: python images/make_exercise_images.py [FOLDER]).

The pictures are drawn by ankle_course.figures.exercises from the body model and each exercise's poses in
exercises.toml; this script only writes them out. Each SVG carries a <title> and a <desc> (its text
description, the exercise's start_position or end_position), and the end picture an arrow and the
movement in words. tests/test_exercise_images.py checks that the committed files are exactly what this
writes today.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from ankle_course.figures.exercises import exercise_svgs  # noqa: E402


def main(out: Path = HERE) -> None:
    pictures = exercise_svgs()
    for old in out.glob("exercise_*.svg"):
        if old.name not in pictures:
            old.unlink()
    for name, text in pictures.items():
        (out / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(pictures)} pictures to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
