"""Layers import one way (ARCHITECTURE.md): the contracts in pyproject.toml, checked by import-linter, so that
CI fails on an import that points up a layer or brings a widget library into a logic module."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_no_module_imports_up_a_layer_and_no_logic_module_imports_a_widget_library():
    lint = Path(sys.executable).with_name("lint-imports")
    assert lint.exists(), "import-linter is not installed: pip install -r requirements-test.txt"
    result = subprocess.run([str(lint), "--no-cache", "--no-logo"], cwd=ROOT, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
