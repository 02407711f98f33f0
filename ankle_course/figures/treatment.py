"""The recovery-timeline figure: typical weeks back to normal activity, per condition, with sources.

Ranges come from recovery.toml. The figure is a set of horizontal bars (one per situation) labelled in
words with the range and its sources, so nothing depends on colour; `recovery_rows` gives the same
facts as a table for screen-reader users and for print.
"""

from __future__ import annotations

from ..content import Course, course
from . import PlotlyFigure
from .theme import figure

OKABE_ITO_BLUE = "#0072B2"


def short_source(content: Course, ref_ids: tuple[str, ...]) -> str:
    """'van Rijn 2008; Vuurberg 2018' from the references' citations (first author's surname + year)."""
    names = []
    for ref in content.cite(ref_ids):
        first = ref.citation.split(",")[0].split(".")[0].strip()
        surname = first.rsplit(" ", 1)[0] if " " in first else first
        names.append(f"{surname} {ref.year}")
    return "; ".join(names)


def recovery_rows(content: Course | None = None) -> list[tuple[str, str, str, str]]:
    """(situation, typical range, what moves it, sources) for each range, in file order."""
    content = content or course()
    return [(r.label, f"{r.weeks_min}–{r.weeks_max} weeks", r.note, short_source(content, r.refs))
            for r in content.recovery.values()]


def recovery_timeline(content: Course | None = None, condition: str | None = None) -> PlotlyFigure:
    """Bars from the shortest to the longest typical time back to normal activity (optionally one condition)."""
    content = content or course()
    ranges = [r for r in content.recovery.values() if condition is None or r.condition == condition]
    labels = [r.label for r in ranges]
    bars = {
        "type": "bar", "y": labels, "x": [r.weeks_max - r.weeks_min for r in ranges],
        "base": [r.weeks_min for r in ranges], "orientation": "h",
        "marker": {"color": OKABE_ITO_BLUE, "line": {"color": "#000000", "width": 1}},
        "text": [f"{r.weeks_min}–{r.weeks_max} wk · {short_source(content, r.refs)}" for r in ranges],
        "textposition": "outside", "cliponaxis": False,
        "hovertemplate": "%{y}<br>typically %{base}–%{customdata} weeks<extra></extra>",
        "customdata": [r.weeks_max for r in ranges],
    }
    return figure(
        [bars], title={"text": "Typical time back to normal activity (ranges, with sources) — yours may differ"},
        xaxis={"title": {"text": "weeks since the start of treatment"}, "range": [0, 70], "dtick": 4,
               "showgrid": True, "gridcolor": "#dddddd"},
        yaxis={"autorange": "reversed", "automargin": True},
        height=140 + 60 * len(ranges), margin={"l": 10, "r": 40, "t": 60, "b": 50},
        plot_bgcolor="#ffffff",
    )
