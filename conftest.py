"""Test-wide setup: notebooks run against a throwaway progress folder and content cache, and nbval reads the expected
output of deterministic cells from cell metadata.

Notebooks are committed with outputs stripped (learners start clean), so nbval would have nothing to
compare a checked cell against. A cell tagged `nbval-check-output` therefore keeps its expected output
under `metadata.expected_output`, which learners never see and the no-outputs rule does not touch.
"""

from __future__ import annotations

import os
import tempfile

import nbval.plugin

_nbval_collect = nbval.plugin.IPyNbFile.collect


def _collect_with_expected_outputs(self):
    for item in _nbval_collect(self):
        expected = item.cell.metadata.get("expected_output")
        if expected is not None:
            item.cell.outputs = expected
            item.cell.execution_count = 1  # nbval only compares cells it sees as having been run
        yield item


nbval.plugin.IPyNbFile.collect = _collect_with_expected_outputs


def pytest_configure(config):
    # never read or write a real learner's progress from tests (nbval's kernels inherit this)
    os.environ["ANKLE_COURSE_HOME"] = tempfile.mkdtemp(prefix="ankle-test-progress-")
    # nor the account's content cache: the first kernel validates, as on a fresh machine
    os.environ["ANKLE_COURSE_CACHE"] = tempfile.mkdtemp(prefix="ankle-test-cache-")
