"""Figures as functions that return plotly figures (graph_objects only: it also runs in Pyodide).

Importing this package sets plotly's renderer once for the whole course: the JupyterLab/JupyterLite
mime renderer, whose plotly.js ships with the plotly package's lab extension, so figures draw with
no CDN and no network at all.
"""

import plotly.io as pio

OFFLINE_RENDERER = "plotly_mimetype"
pio.renderers.default = OFFLINE_RENDERER
