"""Figures draw every structure in every layer, highlight without relying on colour, and the SVGs in
images/ are exactly what the generator writes from today's geometry."""

from __future__ import annotations

from pathlib import Path

import pytest

import ankle_course.figures  # noqa: F401  (sets the offline renderer)
from ankle_course.anatomy.layers import LAYERS, drawn_in
from ankle_course.content import course
from ankle_course.figures import figure_object
from ankle_course.figures.anatomy import anatomy_figure, motion_figure, tunnel_section_figure
from ankle_course.figures.anatomy_style import FADED_OPACITY, OKABE_ITO, style_of
from ankle_course.figures.svg_export import FILES, render_svg

IMAGES = Path(__file__).resolve().parents[1] / "images"


@pytest.mark.parametrize("layer", list(LAYERS))
def test_each_layer_has_a_trace_for_every_structure_in_it(layer):
    fig = figure_object(anatomy_figure("medial", layers=(layer,)))
    expected = {s.id for s in course().structures.values() if s.kind in LAYERS[layer][1]}
    assert {t.meta for t in fig.data} == expected


def test_full_figure_has_one_hoverable_trace_per_structure():
    fig = figure_object(anatomy_figure())  # every property valid
    assert sorted(t.meta for t in fig.data) == sorted(course().structures)
    for trace in fig.data:
        assert trace.hoverinfo == "text" and course().structures[trace.meta].name in trace.text


def test_highlight_fades_the_rest_and_outlines_the_structure():
    fig = figure_object(anatomy_figure(highlight="spring_ligament"))
    chosen = [t for t in fig.data if t.meta == "spring_ligament"][0]
    others = [t for t in fig.data if t.meta != "spring_ligament"]
    assert chosen.line.color == "#000000" and chosen.line.width > 2
    assert all(t.opacity == FADED_OPACITY for t in others)
    assert any("▶ Spring ligament" in a.text for a in fig.layout.annotations)


def test_labels_can_be_hidden_for_the_drill():
    assert not figure_object(anatomy_figure(labels=False)).layout.annotations


def test_medial_view_is_drawn_with_the_toes_on_the_left():
    x_range = figure_object(anatomy_figure()).layout.xaxis.range
    assert x_range[0] > x_range[1]


def test_tunnel_section_numbers_its_contents_with_the_memory_aid():
    texts = " ".join(a.text for a in figure_object(tunnel_section_figure()).layout.annotations)
    for label in ("1 Tibialis posterior (Tom)", "2 Flexor digitorum longus (Dick)", "5 Tibial nerve (Nervous)",
                  "6 Flexor hallucis longus (Harry)"):
        assert label in texts


@pytest.mark.parametrize("motion", ["dorsiflexion", "plantarflexion", "inversion", "eversion"])
def test_motion_animation_moves_only_the_moving_bones_through_the_range(motion):
    m = course().motions[motion]
    fig = figure_object(motion_figure(motion, steps=4))
    assert len(fig.frames) == 5 and fig.layout.sliders[0].steps[-1].label == f"{abs(m.degrees):g}°"
    moved = {fig.data[i].meta for i in fig.frames[-1].traces}
    assert moved == {i for i in m.moving}
    first, last = fig.frames[0].data[0], fig.frames[-1].data[0]
    assert first.x != last.x


def test_meaning_is_never_carried_by_colour_alone():
    for d in drawn_in(course(), "medial"):
        style = style_of(d.structure, d.shape)
        if d.structure.kind == "ligament" and d.shape.form != "line":
            assert style.pattern == "/"
        if d.shape.far_side:
            assert style.dash == "dash"
        if d.structure.kind == "joint":
            assert style.dash == "dot"
    tendon_colours = {style_of(d.structure, d.shape).fill for d in drawn_in(course(), "medial", ("tendons",))}
    assert tendon_colours - {"#9A9A9A"} <= set(OKABE_ITO.values())


@pytest.mark.parametrize("view", list(FILES))
def test_committed_svgs_match_the_generator(view):
    path = IMAGES / FILES[view]
    assert path.exists(), "run: python -m ankle_course.figures.svg_export images"
    assert path.read_text(encoding="utf-8") == render_svg(view), (
        f"{path.name} is out of date; run: python -m ankle_course.figures.svg_export images")


def test_svg_has_title_description_and_a_named_group_per_structure():
    svg = render_svg("medial")
    assert 'role="img"' in svg and "<title id=\"title\">" in svg and "<desc id=\"desc\">" in svg
    for ident in course().structures:
        assert f'<g id="{ident}"><title>' in svg
