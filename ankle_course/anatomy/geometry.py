"""Turn the control points kept in anatomy_shapes.toml into the polylines a figure draws.

Instructors edit a handful of points per structure; smooth curves (Catmull-Rom splines) and tendon
bands of a given width are computed here, so the plotly figure and the static SVG draw exactly the
same outlines from the same data.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence

from ..content.records import Point, ViewShape

SAMPLES_PER_SEGMENT = 8


def catmull_rom(points: Sequence[Point], closed: bool, samples: int = SAMPLES_PER_SEGMENT) -> list[Point]:
    """A smooth curve through every point (uniform Catmull-Rom), sampled to a polyline."""
    pts: list[Point] = [(float(p[0]), float(p[1])) for p in points]
    if len(pts) < 3:
        return list(pts)
    n = len(pts)
    if closed:
        def at(i: int) -> Point:
            return pts[i % n]
        segments = range(n)
    else:
        def at(i: int) -> Point:
            return pts[min(max(i, 0), n - 1)]
        segments = range(n - 1)
    out: list[Point] = []
    for i in segments:
        p0, p1, p2, p3 = at(i - 1), at(i), at(i + 1), at(i + 2)
        for step in range(samples):
            t = step / samples
            t2, t3 = t * t, t * t * t
            x, y = (
                0.5 * (2 * p1[k] + (-p0[k] + p2[k]) * t + (2 * p0[k] - 5 * p1[k] + 4 * p2[k] - p3[k]) * t2
                       + (-p0[k] + 3 * p1[k] - 3 * p2[k] + p3[k]) * t3)
                for k in (0, 1))
            out.append((x, y))
    out.append(pts[0] if closed else pts[-1])
    return out


def band_outline(centre: Sequence[Point], width: float) -> list[Point]:
    """A closed outline `width` wide around a centre line, with rounded ends (how tendons are drawn)."""
    half = width / 2
    left: list[Point] = []
    right: list[Point] = []
    for i, (x, y) in enumerate(centre):
        ax, ay = centre[max(i - 1, 0)]
        bx, by = centre[min(i + 1, len(centre) - 1)]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / length * half, dx / length * half
        left.append((x + nx, y + ny))
        right.append((x - nx, y - ny))
    return left + _cap(centre[-1], left[-1], right[-1]) + right[::-1] + _cap(centre[0], right[0], left[0]) + [left[0]]


def _cap(centre: Point, start: Point, end: Point, steps: int = 6) -> list[Point]:
    """A half circle from `start` to `end` around `centre` (the rounded end of a band)."""
    a0 = math.atan2(start[1] - centre[1], start[0] - centre[0])
    r = math.hypot(start[0] - centre[0], start[1] - centre[1])
    return [(centre[0] + r * math.cos(a0 - math.pi * k / steps), centre[1] + r * math.sin(a0 - math.pi * k / steps))
            for k in range(1, steps)]


@functools.lru_cache(maxsize=512)
def outlines(shape: ViewShape) -> tuple[tuple[Point, ...], ...]:
    """The polylines to draw for one shape: closed outlines for areas and bands, open lines for lines.
    Cached (shapes are frozen): every figure of a motion, and every quiz figure, draws the same shapes."""
    drawn = []
    for part in shape.parts:
        if shape.form == "area":
            drawn.append(catmull_rom(part, closed=True) if shape.smooth else [*part, part[0]])
        else:
            line = catmull_rom(part, closed=False) if shape.smooth else list(part)
            drawn.append(band_outline(line, shape.width) if shape.form == "band" else line)
    return tuple(tuple(line) for line in drawn)


def rotate(points: Sequence[Point], pivot: Point, degrees: float) -> list[Point]:
    """Turn points about a pivot (anticlockwise for positive degrees): how a motion moves the foot."""
    a = math.radians(degrees)
    c, s = math.cos(a), math.sin(a)
    px, py = pivot
    return [(px + (x - px) * c - (y - py) * s, py + (x - px) * s + (y - py) * c) for x, y in points]


def bounds(polylines: Sequence[Sequence[Point]]) -> tuple[float, float, float, float]:
    """(min x, min y, max x, max y) over every point."""
    xs = [x for line in polylines for x, _ in line]
    ys = [y for line in polylines for _, y in line]
    return min(xs), min(ys), max(xs), max(ys)
