"""Biomechanics a student can see: the windlass mechanism as a curve of arch height against big-toe bend.

The numbers come from `ankle_course.windlass` (a teaching truss calibrated on Hicks's 1 cm per quarter
turn); the shaded band is the first-MTP dorsiflexion measured in late stance of walking (Caravaggi et al.
2010), so that a student can read off how much of the windlass's range a walking step uses.
"""

from __future__ import annotations

from ..windlass import DRUM_RADIUS_MM, TEACHING_TRUSS, Truss, windlass_curve
from . import PlotlyFigure
from .theme import OKABE_ITO_ORDER, figure

# first-MTP dorsiflexion in late stance, slow and fast walking (Caravaggi et al. 2010, means)
LATE_STANCE_MTP_DEG = (52.0, 64.0)
WINDLASS_ALT = ("Line chart of a teaching model: as the big toe bends up from 0 to 90 degrees, the plantar "
                "fascia winds onto the first metatarsal head, the tie-rod shortens by up to 10 mm and the "
                "arch rises from about 30 to about 42 mm. A shaded band marks 52 to 64 degrees, the big-toe "
                "bend measured at late stance in walking. The table beside it gives the same numbers.")


def windlass_rows(step_deg: float = 15.0, truss: Truss = TEACHING_TRUSS) -> list[tuple[str, str, str]]:
    """The figure's numbers as table rows: toe bend, fascia shortening, arch height."""
    return [(f"{p.dorsiflexion_deg:g}°", f"{p.shortening_mm:.1f} mm", f"{p.arch_height_mm:.1f} mm")
            for p in windlass_curve(step_deg, truss)]


def windlass_figure(truss: Truss = TEACHING_TRUSS) -> PlotlyFigure:
    """Arch height (left axis) and fascia shortening (right axis) against first-MTP dorsiflexion."""
    points = windlass_curve(5.0, truss)
    angles = [p.dorsiflexion_deg for p in points]
    height = {
        "type": "scatter", "mode": "lines+markers", "name": "arch height (model)", "x": angles,
        "y": [round(p.arch_height_mm, 1) for p in points],
        "line": {"color": OKABE_ITO_ORDER[0], "width": 3}, "marker": {"symbol": "circle", "size": 6},
        "hovertemplate": "big toe bent up %{x}°<br>arch height %{y} mm<extra></extra>",
    }
    shortening = {
        "type": "scatter", "mode": "lines", "name": "fascia shortening (right axis)", "x": angles,
        "y": [round(p.shortening_mm, 1) for p in points], "yaxis": "y2",
        "line": {"color": OKABE_ITO_ORDER[3], "width": 2, "dash": "dash"},
        "hovertemplate": "big toe bent up %{x}°<br>fascia %{y} mm shorter<extra></extra>",
    }
    low, high = LATE_STANCE_MTP_DEG
    band = {"type": "rect", "xref": "x", "yref": "paper", "x0": low, "x1": high, "y0": 0, "y1": 1,
            "fillcolor": "#56B4E9", "opacity": 0.2, "line": {"width": 0}, "layer": "below"}
    note = {"xref": "x", "yref": "paper", "x": (low + high) / 2, "y": 1.0, "yanchor": "bottom",
            "showarrow": False, "text": "late stance of walking"}
    caption = {"xref": "paper", "yref": "paper", "x": 0, "y": -0.3, "xanchor": "left", "yanchor": "top",
               "showarrow": False, "align": "left", "font": {"size": 11},
               "text": (f"Teaching model: two rigid struts ({truss.rear_mm:g} and {truss.front_mm:g} mm) and a "
                        f"fascia tie-rod ({truss.span_mm:g} mm) wound onto a {DRUM_RADIUS_MM:.1f} mm drum "
                        "(Hicks 1954: about 1 cm per quarter turn).<br>The strut lengths are illustrative, not "
                        "measured; in walking the link is weaker (Sichting & Ebrecht 2021).")}
    return figure(
        [height, shortening],
        title={"text": "The windlass: bending the big toe up winds the plantar fascia and raises the arch"},
        xaxis={"title": {"text": "big toe (first MTP joint) dorsiflexion, degrees"}, "range": [0, 92], "dtick": 15},
        yaxis={"title": {"text": "arch height, mm (model)"}, "rangemode": "tozero"},
        yaxis2={"title": {"text": "fascia shortening, mm"}, "overlaying": "y", "side": "right",
                "range": [0, 12], "showgrid": False},
        shapes=[band], annotations=[note, caption],
        legend={"orientation": "h", "x": 0, "y": 1.12},
        height=460, margin={"l": 60, "r": 60, "t": 90, "b": 130},
    )
