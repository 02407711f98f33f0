"""Figures render with no CDN: the course sets plotly's renderer once, to JupyterLab's own extension."""

from __future__ import annotations

import sys
from pathlib import Path

import plotly.io as pio


def test_importing_the_figures_package_selects_the_offline_renderer():
    import ankle_course.figures  # noqa: F401

    assert pio.renderers.default == "plotly_mimetype"


def test_plotly_lab_extension_ships_with_the_environment():
    extension = Path(sys.prefix) / "share" / "jupyter" / "labextensions" / "jupyterlab-plotly" / "package.json"
    assert extension.exists(), "plotly's JupyterLab extension is missing: figures would not draw"
