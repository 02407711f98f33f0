"""How anatomy figures look, shared by the plotly figures and the static SVGs.

Colours come from the Okabe-Ito palette (safe for the common kinds of colour blindness), and every
layer also differs in something other than colour: hatching for ligaments, dashes for structures on
the far side, dots for joint lines, and a written label on every structure.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.records import Structure, ViewShape

OKABE_ITO = {
    "black": "#000000", "orange": "#E69F00", "sky_blue": "#56B4E9", "bluish_green": "#009E73",
    "yellow": "#F0E442", "blue": "#0072B2", "vermillion": "#D55E00", "reddish_purple": "#CC79A7",
}
BONE_FILL = "#EFE6D2"
BONE_LINE = "#4D4030"
HIGHLIGHT_LINE = "#000000"
FADED_OPACITY = 0.25


@dataclass(frozen=True)
class Style:
    fill: str | None      # None: drawn as a line only
    line: str
    line_width: float     # px in plotly, and SVG user units at the default scale
    dash: str = "solid"   # plotly dash name: solid | dash | dot | dashdot
    pattern: str = ""     # plotly fill pattern shape: "" | "/" | "x" | "."
    opacity: float = 1.0


BY_ID = {
    "tibialis_posterior": OKABE_ITO["blue"],
    "flexor_digitorum_longus": OKABE_ITO["sky_blue"],
    "flexor_hallucis_longus": OKABE_ITO["reddish_purple"],
    "tibialis_anterior": OKABE_ITO["orange"],
    "achilles_tendon": "#9A9A9A",
    "posterior_tibial_artery": OKABE_ITO["vermillion"],
    "posterior_tibial_veins": "#332288",
    "tibial_nerve": OKABE_ITO["yellow"],
}


def style_of(structure: Structure, shape: ViewShape) -> Style:
    kind = structure.kind
    colour = BY_ID.get(structure.id)
    dash = "dash" if shape.far_side else "solid"
    if kind == "bone":
        if shape.far_side:
            return Style(None, "#6B5B45", 1.2, "dash")
        return Style(BONE_FILL, BONE_LINE, 1.2)
    if kind == "joint":
        return Style(None, OKABE_ITO["black"], shape.width or 2, "dot")
    if kind == "ligament":
        if shape.form == "line":
            return Style(None, OKABE_ITO["bluish_green"], shape.width or 2, "dash" if shape.far_side else "solid")
        return Style(OKABE_ITO["bluish_green"], "#00573F", 1, dash, pattern="/")
    if kind == "retinaculum":
        return Style("#BDBDBD", "#444444", 1, "dash", pattern="x", opacity=0.55)
    if kind == "region":
        return Style(None, "#222222", shape.width or 1.5, "dashdot")
    if kind == "nerve":
        return Style(colour or OKABE_ITO["yellow"], "#5C5200", 1, dash, pattern=".")
    return Style(colour or "#777777", "#222222", 0.8, dash)
