"""Figures render with no CDN and without plotly's slow renderer import chain."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import plotly.graph_objects as go

from ankle_course.figures import PLOTLY_MIME, mimebundle


def test_course_figures_use_jupyterlabs_own_plotly_renderer():
    bundle = mimebundle(go.Figure(go.Bar(x=["a"], y=[1])), alt="one bar")
    assert bundle["text/plain"] == "one bar"
    assert bundle[PLOTLY_MIME]["data"][0]["type"] == "bar"
    json.dumps(bundle)  # plain JSON, ready for the kernel to send


def test_learners_own_figures_default_to_the_offline_renderer():
    code = "import ankle_course.figures, plotly.io as pio; print(pio.renderers.default)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "plotly_mimetype"


def test_showing_a_figure_does_not_import_nbformat():
    """nbformat pulls in jsonschema and rfc3987-syntax: about a second before every notebook's first figure."""
    code = ("import sys, ankle_course.figures as f, plotly.graph_objects as go; "
            "f.mimebundle(go.Figure(go.Scatter(x=[1], y=[2]))); print('nbformat' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_plotly_lab_extension_ships_with_the_environment():
    extension = Path(sys.prefix) / "share" / "jupyter" / "labextensions" / "jupyterlab-plotly" / "package.json"
    assert extension.exists(), "plotly's JupyterLab extension is missing: figures would not draw"
