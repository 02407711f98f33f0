"""The exercise pictures in images/ are exactly what their generator makes from exercises.toml today."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

IMAGES = Path(__file__).resolve().parents[1] / "images"


def test_committed_exercise_pictures_match_the_generator(tmp_path: Path):
    subprocess.run([sys.executable, str(IMAGES / "make_exercise_images.py"), str(tmp_path)], check=True,
                   capture_output=True)
    made = {p.name: p.read_text() for p in tmp_path.glob("exercise_*.svg")}
    committed = {p.name: p.read_text() for p in IMAGES.glob("exercise_*.svg")}
    assert made.keys() == committed.keys()
    stale = sorted(name for name in made if made[name] != committed[name])
    assert not stale, f"regenerate with: python images/make_exercise_images.py ({stale[:3]} differ)"
