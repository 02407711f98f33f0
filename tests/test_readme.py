"""The README's two quick-start commands stay true: the first opens the course as an app at the start page,
and CI runs the test one verbatim."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def quick_start_commands() -> list[str]:
    section = ROOT.joinpath("README.md").read_text().split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.+?)\n```", section)


def test_readme_gives_exactly_two_quick_start_commands():
    open_cmd, test_cmd = quick_start_commands()
    assert "requirements.txt" in open_cmd and "/voila/render/notebooks/00_start_here.ipynb" in open_cmd
    assert "requirements-test.txt" in test_cmd and test_cmd.endswith("python -m pytest")


def test_ci_runs_the_readme_test_command_verbatim():
    _, test_cmd = quick_start_commands()
    ci_lines = ROOT.joinpath(".ci", "run").read_text().splitlines()
    assert test_cmd in ci_lines


def test_readme_course_map_lists_every_notebook():
    readme = ROOT.joinpath("README.md").read_text()
    for notebook in sorted(ROOT.joinpath("notebooks").glob("*.ipynb")):
        assert f"`{notebook.name}`" in readme, f"README's course map is missing {notebook.name}"
