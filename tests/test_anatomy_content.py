"""The anatomy data hangs together: every structure is drawn, every drawing is a structure, and the
drawings agree with what the module teaches (tunnel order, tendons behind the malleolus)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from ankle_course.anatomy.describe import TUNNEL_ORDER
from ankle_course.anatomy.flashcards import build_deck
from ankle_course.anatomy.layers import LAYER_OF_KIND
from ankle_course.citations import MARKDOWN_CITATION
from ankle_course.content import check_course, course

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "01_anatomy.ipynb"


def test_every_structure_has_a_medial_shape_and_every_shape_is_a_structure():
    c = course()
    assert set(c.structures) == set(c.anatomy_shapes)
    assert all(shape.medial is not None for shape in c.anatomy_shapes.values())


def test_every_kind_of_structure_belongs_to_a_layer():
    assert {s.kind for s in course().structures.values()} <= set(LAYER_OF_KIND)


def test_a_structure_without_a_shape_is_reported_with_file_and_entry(content_copy: Path):
    path = content_copy / "anatomy_shapes.toml"
    text = path.read_text()
    start = text.index('[[shape]]\nid = "navicular"')
    end = text.index("[[shape]]", start + 5)
    path.write_text(text[:start] + text[end:])
    _, problems = check_course(content_copy)
    assert any(p.file == "anatomy_shapes.toml" and "'navicular'" in p.entry and "no shape" in p.message
               for p in problems)


def test_a_shape_of_an_unknown_structure_is_reported(content_copy: Path):
    path = content_copy / "anatomy_shapes.toml"
    path.write_text(path.read_text().replace('id = "navicular"', 'id = "navicullar"'))
    _, problems = check_course(content_copy)
    assert any("'navicullar'" in p.entry and "unknown structure" in p.message for p in problems)


def test_a_bad_point_names_the_view_and_field(content_copy: Path):
    path = content_copy / "anatomy_shapes.toml"
    path.write_text(path.read_text().replace("label = [26, 24]", "label = [26]", 1))
    _, problems = check_course(content_copy)
    assert any(p.file == "anatomy_shapes.toml" and p.field.startswith("medial.label") for p in problems), problems


def test_a_motion_that_moves_an_undrawn_structure_is_reported(content_copy: Path):
    path = content_copy / "anatomy_motions.toml"
    path.write_text(path.read_text().replace('moving = ["calcaneus", "sustentaculum_tali"]',
                                             'moving = ["calcaneus", "navicular"]', 1))
    _, problems = check_course(content_copy)
    assert any(p.file == "anatomy_motions.toml" and p.field == "moving[1]" for p in problems), problems


def test_motions_cover_the_four_ankle_motions_at_the_right_joints():
    joints = {m.id: m.joint for m in course().motions.values()}
    assert joints == {"dorsiflexion": "talocrural_joint", "plantarflexion": "talocrural_joint",
                      "inversion": "subtalar_joint", "eversion": "subtalar_joint"}


def test_tunnel_section_draws_the_contents_front_to_back_in_the_taught_order():
    shapes = course().anatomy_shapes
    forward = [max(x for part in shapes[i].section.parts for x, _ in part) for i, _ in TUNNEL_ORDER
               if i != "posterior_tibial_veins"]  # the veins flank the artery, one each side
    assert forward == sorted(forward, reverse=True)


def _x_at(points, y: float) -> float:
    """x where a polyline crosses height y (first crossing), by linear interpolation."""
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        if min(y0, y1) <= y <= max(y0, y1) and y0 != y1:
            return x0 + (x1 - x0) * (y - y0) / (y1 - y0)
    raise AssertionError(f"line never reaches y={y}")


def test_tendons_pass_behind_the_medial_malleolus_and_tibialis_anterior_in_front():
    shapes = course().anatomy_shapes
    outline = list(shapes["medial_malleolus"].medial.parts[0])
    back = outline[outline.index(min(outline, key=lambda p: p[1])):]  # tip, then up the back edge
    for y in (78, 88, 96):
        edge = _x_at(back, y)
        for ident in ("tibialis_posterior", "flexor_digitorum_longus", "tibial_nerve", "flexor_hallucis_longus"):
            assert _x_at(shapes[ident].medial.parts[0], y) < edge, (ident, y)
    front_edge = max(x for x, _ in outline)
    assert _x_at(shapes["tibialis_anterior"].medial.parts[0], 100) > front_edge


def test_flexor_hallucis_longus_runs_under_the_sustentaculum_tali():
    shapes = course().anatomy_shapes
    shelf = [pt for part in shapes["sustentaculum_tali"].medial.parts for pt in part]
    x0, x1 = min(x for x, _ in shelf), max(x for x, _ in shelf)
    bottom = min(y for _, y in shelf)
    under = [y for x, y in shapes["flexor_hallucis_longus"].medial.parts[0] if x0 <= x <= x1]
    assert under and max(under) < bottom


def test_seed_errors_are_taught_corrected():
    s = course().structures
    assert "2 to 5" in s["flexor_digitorum_longus"].action
    assert "not through the tarsal tunnel" in s["tibialis_anterior"].plain
    assert "OUTER" in s["bifurcate_ligament"].plain and course().anatomy_shapes["bifurcate_ligament"].medial.far_side
    assert "does not tip the sole" in s["talocrural_joint"].plain


def test_every_flashcard_is_a_structure():
    deck = build_deck(course())
    assert {card.structure for card in deck} == set(course().structures)


def test_every_structure_the_notebook_names_in_a_highlight_or_call_exists():
    cells = json.loads(NOTEBOOK.read_text())["cells"]
    calls = "".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    for ident in re.findall(r"\"([a-z_]+)\"", calls):
        # the page's cited_on_this_page(...) call names references, which the reference check below covers
        assert ident in course().structures or ident in course().modules or ident in course().references, ident


def test_every_reference_the_notebook_cites_exists():
    text = "".join("".join(c["source"]) for c in json.loads(NOTEBOOK.read_text())["cells"])
    cited = {m.group(3) for m in MARKDOWN_CITATION.finditer(text)}  # [[n]](#ankle-ref-<page>-<id>)
    assert cited and cited <= set(course().references)


def test_notebook_images_exist_and_have_alt_text():
    text = "".join("".join(c["source"]) for c in json.loads(NOTEBOOK.read_text())["cells"])
    # HTML <img> rather than Markdown ![](): Voilà's server-extension mode fails to inline Markdown images
    tags = re.findall(r"<img\b[^>]*>", text)
    images = [(re.search(r'alt="([^"]*)"', tag).group(1), re.search(r'src="([^"]+)"', tag).group(1)) for tag in tags]
    assert len(images) == 2 and not re.findall(r"!\[([^\]]*)\]\(([^)]+)\)", text)
    for alt, target in images:
        assert len(alt) > 80, f"{target}: alt text should describe the picture"
        assert (NOTEBOOK.parent / target).exists()
