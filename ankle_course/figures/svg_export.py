"""Static SVG drawings of the anatomy views, written straight from anatomy_shapes.toml (no kaleido).

For Markdown cells, handouts and anyone reading without a running kernel. The SVGs in images/ are
committed, and a test checks that they are exactly what this generator writes today, so an edit to
the geometry that is not followed by a re-run is caught. Regenerate with:

    python -m ankle_course.figures.svg_export images
"""

from __future__ import annotations

import html
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from ..anatomy.describe import label_text
from ..anatomy.geometry import bounds, outlines
from ..anatomy.layers import VIEWS, Drawn, drawn_in, label_side, short_name
from ..content import Course, course
from ..content.records import Point
from .anatomy_style import Style, style_of

SCALE = 3.0  # SVG units per mm
PAD = 16.0   # mm around the drawing
FILES = {"medial": "anatomy_medial_view.svg", "section": "tarsal_tunnel_section.svg", "rear": "ankle_rear_view.svg"}
MIRRORED = ("medial", "section")
DASHES = {"solid": "", "dash": "6 4", "dot": "1.5 3", "dashdot": "8 3 1.5 3"}
NOTES = {
    "medial": "Toes to the left, heel to the right, as you see the inside of your right foot. "
              "Dashed outlines are on the far (outer) side.",
    "section": "Front of the ankle to the left, back to the right; skin side up. Contents numbered front to back: "
               "Tom, Dick, And Very Nervous Harry.",
    "rear": "Inner side to the left, outer side to the right: the right ankle from behind.",
}


def _num(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def _pattern_id(style: Style) -> str:
    return "p" + "".join(c for c in f"{style.pattern}{style.fill}{style.line}" if c.isalnum()).lower() + \
        {"/": "h", "x": "x", ".": "d"}[style.pattern]


def _pattern_def(style: Style) -> str:
    pid = _pattern_id(style)
    marks = {
        "/": f'<path d="M0 8L8 0" stroke="{style.line}" stroke-width="1"/>',
        "x": f'<path d="M0 8L8 0M0 0L8 8" stroke="{style.line}" stroke-width="0.8"/>',
        ".": f'<circle cx="4" cy="4" r="1" fill="{style.line}"/>',
    }[style.pattern]
    return (f'<pattern id="{pid}" width="8" height="8" patternUnits="userSpaceOnUse">'
            f'<rect width="8" height="8" fill="{style.fill}"/>{marks}</pattern>')


def render_svg(view: str, content: Course | None = None) -> str:
    """The whole SVG document for one view, deterministic to the byte."""
    content = content or course()
    items = drawn_in(content, view)
    polylines = {d.structure.id: outlines(d.shape) for d in items}
    extent: list[Sequence[Point]] = [line for lines in polylines.values() for line in lines]
    extent += [_label_extent(d, view) for d in items if d.shape.label]
    x0, y0, x1, y1 = bounds(extent)
    x0, y0, x1, y1 = x0 - PAD, y0 - PAD, x1 + PAD, y1 + PAD
    title_h = 46.0
    width, height = (x1 - x0) * SCALE, (y1 - y0) * SCALE + title_h

    def tx(x: float) -> float:
        return ((x1 - x) if view in MIRRORED else (x - x0)) * SCALE

    def ty(y: float) -> float:
        return (y1 - y) * SCALE + title_h

    defs: dict[str, str] = {}
    shapes, labels = [], []
    for d in items:
        style = style_of(d.structure, d.shape)
        if style.pattern:
            defs[_pattern_id(style)] = _pattern_def(style)
        fill = "none" if style.fill is None else (f"url(#{_pattern_id(style)})" if style.pattern else style.fill)
        path = " ".join(
            "M" + " L".join(f"{_num(tx(x))} {_num(ty(y))}" for x, y in line) + ("Z" if style.fill else "")
            for line in polylines[d.structure.id])
        dash = f' stroke-dasharray="{DASHES[style.dash]}"' if DASHES[style.dash] else ""
        opacity = f' opacity="{style.opacity:g}"' if style.opacity < 1 else ""
        shapes.append(
            f'<g id="{d.structure.id}"><title>{html.escape(d.structure.name)}</title>'
            f'<path d="{path}" fill="{fill}" stroke="{style.line}" stroke-width="{_num(style.line_width)}"'
            f' stroke-linejoin="round"{dash}{opacity}/></g>')
        if d.shape.label is not None:
            labels.append(_label_svg(d, view, tx, ty))
    title = VIEWS[view]
    desc = f"{title}. {NOTES[view]} Shows: " + "; ".join(short_name(d.structure, d.shape) for d in items) + "."
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_num(width)} {_num(height)}" width="{_num(width)}" '
        f'height="{_num(height)}" role="img" aria-labelledby="title desc" font-family="DejaVu Sans, Arial, sans-serif">\n'
        f'<title id="title">{html.escape(title)}</title>\n<desc id="desc">{html.escape(desc)}</desc>\n'
        f'<defs>{"".join(defs[k] for k in sorted(defs))}</defs>\n'
        f'<rect width="100%" height="100%" fill="white"/>\n'
        f'<text x="8" y="18" font-size="15" font-weight="bold">{html.escape(title)}</text>\n'
        f'<text x="8" y="36" font-size="11">{html.escape(NOTES[view])}</text>\n'
        + "\n".join(shapes) + "\n" + "\n".join(labels) + "\n</svg>\n")


CHAR_MM = 6.3 / SCALE  # about how wide one character of an 11 px label is, in mm


def _label_extent(d: Drawn, view: str) -> list[Point]:
    """The mm box a label's text covers, so that the drawing is made wide enough to show it whole."""
    assert d.shape.label is not None, "only a labelled shape has a label extent"
    x, y = d.shape.label
    w = len(label_text(d, view)) * CHAR_MM + 2
    side = label_side(d.shape, view)
    sign = -1 if view in MIRRORED else 1
    if side == "middle":
        return [(x - w / 2, y - 5), (x + w / 2, y + 5)]
    return [(x, y), (x + sign * (w if side == "start" else -w), y + 4)]


def _label_svg(d: Drawn, view: str, tx: Callable[[float], float], ty: Callable[[float], float]) -> str:
    assert d.shape.label is not None, "only a labelled shape has a label"
    name = label_text(d, view)
    lx, ly = tx(d.shape.label[0]), ty(d.shape.label[1])
    if d.shape.pin is None:
        return f'<text x="{_num(lx)}" y="{_num(ly + 4)}" font-size="12" text-anchor="middle">{html.escape(name)}</text>'
    px, py = tx(d.shape.pin[0]), ty(d.shape.pin[1])
    anchor = label_side(d.shape, view)
    gap = {"middle": 0, "end": -3, "start": 3}[anchor]
    dy = -4 if anchor == "middle" and ly < py else (12 if anchor == "middle" else 4)
    return (f'<path d="M{_num(px)} {_num(py)} L{_num(lx)} {_num(ly)}" stroke="#333333" stroke-width="0.8"/>'
            f'<circle cx="{_num(px)}" cy="{_num(py)}" r="1.8" fill="#333333"/>'
            f'<text x="{_num(lx + gap)}" y="{_num(ly + dy)}" font-size="11" text-anchor="{anchor}">{html.escape(name)}</text>')


def write_all(folder: Path | str, content: Course | None = None) -> list[Path]:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for view, name in FILES.items():
        path = folder / name
        path.write_text(render_svg(view, content), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = args[0] if args else "images"
    for path in write_all(folder):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
