"""What the figures say about each structure, in words: hover text, text alternatives, the tunnel order.

The same words serve the mouse (hover), the keyboard (the explorer's information panel) and screen
readers (the table under each figure), so no one depends on seeing the drawing.
"""

from __future__ import annotations

import textwrap

from ..content import Course
from ..content.records import Motion, Structure
from .layers import LAYERS, Drawn, drawn_in, layer_of, short_name

# The tarsal tunnel's contents, front to back, with the memory aid's words.
TUNNEL_ORDER = (
    ("tibialis_posterior", "Tom"),
    ("flexor_digitorum_longus", "Dick"),
    ("posterior_tibial_artery", "And"),
    ("posterior_tibial_veins", "Very"),
    ("tibial_nerve", "Nervous"),
    ("flexor_hallucis_longus", "Harry"),
)


def facts(structure: Structure) -> list[tuple[str, str]]:
    """(heading, text) pairs for one structure, plain words first."""
    rows = [("What it is", structure.plain)]
    for heading, value in (("Attachments and path", structure.attachments), ("What it does", structure.action),
                           ("Nerve supply", structure.innervation), ("Why it matters for inner ankle pain",
                                                                      structure.relevance)):
        if value:
            rows.append((heading, value))
    return rows


def wrap(text: str, width: int = 60) -> list[str]:
    return textwrap.wrap(text, width) or [""]


def figure_table(content: Course, view: str, layers: tuple[str, ...] | None = None) -> list[tuple[str, str, str]]:
    """The text alternative of a view: (structure, layer, what it is) for everything drawn, bottom to top."""
    return [(d.structure.name, LAYERS[d.layer][0], d.structure.plain) for d in drawn_in(content, view, layers)]


def tunnel_table(content: Course) -> list[tuple[str, str, str, str]]:
    """The tarsal tunnel's contents in order: (number, memory word, structure, what it does)."""
    rows = []
    for number, (ident, word) in enumerate(TUNNEL_ORDER, start=1):
        s = content.structures[ident]
        rows.append((str(number), word, s.name, s.action or s.plain))
    return rows


def motion_rows(content: Course, motion: Motion) -> list[tuple[str, str]]:
    """A motion in words: the text alternative of its animation."""
    return [
        ("Motion", f"{motion.name}: {motion.plain}"),
        ("Joint that makes it", content.structures[motion.joint].name),
        ("Usual range", motion.range_text),
        ("Main muscles", "; ".join(motion.muscles)),
        ("What moves in the picture", ", ".join(content.structures[i].name for i in motion.moving
                                                 if content.structures[i].kind == "bone")),
    ]


def citation_text(content: Course, ref_ids: tuple[str, ...]) -> str:
    return " ".join(f"[{r}]" for r in ref_ids)



def label_text(drawn: Drawn, view: str) -> str:
    """The label a structure carries in a view (numbered with its memory word in the tunnel section);
    shared by the plotly figure and the SVG export, so that they never disagree."""
    name = short_name(drawn.structure, drawn.shape)
    if view == "section":
        for number, (ident, word) in enumerate(TUNNEL_ORDER, start=1):
            if ident == drawn.structure.id:
                return f"{number} {name} ({word})"
    return name


__all__ = ["TUNNEL_ORDER", "facts", "figure_table", "label_text", "layer_of", "motion_rows", "tunnel_table", "wrap"]
