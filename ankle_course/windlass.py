"""The windlass mechanism as a two-strut truss: how bending the big toe up shortens the plantar fascia and
raises the inner arch.

Why a model rather than measured data: the course wants a student to *see* the coupling Hicks described
(the fascia winding round the first metatarsal head like a cable round a drum), and a truss whose numbers
can be followed by hand teaches that better than a motion-capture trace. The one measured number is
Hicks's: a quarter turn of the big toe shortened the first ray's cable by about 1 cm. The strut lengths
are round, illustrative numbers, not a foot's: a real fascia stretches and foot muscles act, and during
walking the relation is weaker (Sichting and Ebrecht 2021). The figure says so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

HICKS_QUARTER_TURN_DEG = 90.0  # the toe extension Hicks described as "one-quarter of a turn"
HICKS_SHORTENING_MM = 10.0  # how much that shortened the first ray's cable (Hicks 1954)
# the drum radius that turns Hicks's two numbers into arc length: shortening = radius x angle
DRUM_RADIUS_MM = HICKS_SHORTENING_MM / math.radians(HICKS_QUARTER_TURN_DEG)
MAX_DORSIFLEXION_DEG = 90.0  # beyond Hicks's quarter turn the model says nothing


@dataclass(frozen=True)
class Truss:
    """The arch as two rigid struts pinned at the top (the talar head and navicular) and a tie-rod
    (the plantar fascia) across their feet, heel to first metatarsal head. Lengths in mm."""

    rear_mm: float = 80.0  # heel contact to the top of the arch
    front_mm: float = 110.0  # top of the arch to the first metatarsal head
    span_mm: float = 180.0  # the tie-rod with the big toe flat


TEACHING_TRUSS = Truss()


def fascia_shortening_mm(dorsiflexion_deg: float) -> float:
    """How much the tie-rod shortens as the big toe bends up: the arc wound onto the drum."""
    if not isinstance(dorsiflexion_deg, (int, float)) or isinstance(dorsiflexion_deg, bool) or not (
            0.0 <= dorsiflexion_deg <= MAX_DORSIFLEXION_DEG):
        raise ValueError(f"big-toe dorsiflexion must be a number of degrees from 0 to {MAX_DORSIFLEXION_DEG:g}")
    return DRUM_RADIUS_MM * math.radians(dorsiflexion_deg)


def arch_height_mm(dorsiflexion_deg: float, truss: Truss = TEACHING_TRUSS) -> float:
    """Height of the top of the truss above the tie-rod (Heron's formula: height = 2 x area / base)."""
    span = truss.span_mm - fascia_shortening_mm(dorsiflexion_deg)
    a, b = truss.rear_mm, truss.front_mm
    if not abs(a - b) < span < a + b:
        raise ValueError("the struts cannot meet over that span; choose struts longer than half the span")
    s = (a + b + span) / 2
    area = math.sqrt(s * (s - a) * (s - b) * (s - span))
    return 2 * area / span


@dataclass(frozen=True)
class WindlassPoint:
    dorsiflexion_deg: float
    shortening_mm: float
    arch_height_mm: float


def windlass_curve(step_deg: float = 5.0, truss: Truss = TEACHING_TRUSS) -> list[WindlassPoint]:
    """The model from a flat toe to Hicks's quarter turn, every `step_deg` degrees."""
    if not isinstance(step_deg, (int, float)) or isinstance(step_deg, bool) or not 0 < step_deg <= 45:
        raise ValueError("the step must be a number of degrees above 0 and at most 45")
    count = int(MAX_DORSIFLEXION_DEG // step_deg)
    angles = [i * step_deg for i in range(count + 1)]
    if angles[-1] < MAX_DORSIFLEXION_DEG:
        angles.append(MAX_DORSIFLEXION_DEG)
    return [WindlassPoint(a, fascia_shortening_mm(a), arch_height_mm(a, truss)) for a in angles]
