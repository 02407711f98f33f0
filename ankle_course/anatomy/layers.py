"""Which layer of the explorer each structure belongs to, and what each view contains.

Layers follow the kind of structure, so a new ligament added to structures.toml lands in the
ligament layer without anyone touching code.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content import Course
from ..content.records import Structure, ViewShape

LAYERS = {
    # id: (label shown on the checkbox, kinds of structure in it); drawn in this order, bottom to top
    "bones": ("Bones and joints", ("bone", "joint")),
    "ligaments": ("Ligaments", ("ligament",)),
    "tendons": ("Tendons", ("tendon", "muscle")),
    "nerves_vessels": ("Nerve and vessels", ("nerve", "artery", "vein")),
    "tunnel": ("Tarsal tunnel and its roof", ("retinaculum", "region")),
}
LAYER_OF_KIND = {kind: layer for layer, (_, kinds) in LAYERS.items() for kind in kinds}
VIEWS = {
    "medial": "Inside (medial) view of the right ankle and foot",
    "section": "Cut across the tarsal tunnel (simplified)",
    "rear": "The right ankle from behind",
}


def layer_of(structure: Structure) -> str:
    return LAYER_OF_KIND[structure.kind]


@dataclass(frozen=True)
class Drawn:
    """One structure as drawn in one view."""

    structure: Structure
    shape: ViewShape
    layer: str


def drawn_in(content: Course, view: str, layers: tuple[str, ...] | None = None) -> list[Drawn]:
    """Structures drawn in `view` (only those in `layers`, if given), bottom to top."""
    order = list(LAYERS)
    items = []
    for index, (ident, shapes) in enumerate(content.anatomy_shapes.items()):
        shape = getattr(shapes, view)
        structure = content.structures[ident]
        layer = layer_of(structure)
        if shape is None or (layers is not None and layer not in layers):
            continue
        # far-side structures are drawn last in their layer, as dashed outlines seen through the foot
        items.append((order.index(layer), shape.far_side, index, Drawn(structure, shape, layer)))
    return [d for *_, d in sorted(items, key=lambda t: t[:3])]


def short_name(structure: Structure, shape: ViewShape | None = None) -> str:
    """The name without its bracketed gloss, for labels on a figure ("Tibialis posterior")."""
    name = structure.name.split(" (")[0]
    return f"{name} (outer side)" if shape is not None and shape.far_side else name


MIRRORED_VIEWS = ("medial", "section")  # drawn with "forward" to the left: the inside of a right foot


def label_side(shape: ViewShape, view: str) -> str:
    """Which way a label's text runs from its anchor as drawn: "start" (rightward), "end" or "middle"."""
    if shape.label is None or shape.pin is None:
        return "middle"
    dx = shape.label[0] - shape.pin[0]
    if view in MIRRORED_VIEWS:
        dx = -dx
    if abs(dx) < 4:
        return "middle"
    return "start" if dx > 0 else "end"
