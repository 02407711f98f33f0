"""The treatment module's content and views: recovery ranges with sources, PEACE & LOVE, citations."""

from __future__ import annotations

from ankle_course.citations import new_page
from ankle_course.content import course
from ankle_course.content.checker.vocabulary import CONDITIONS
from ankle_course.figures import figure_object
from ankle_course.figures.treatment import recovery_rows, recovery_timeline
from ankle_course.widgets.treatment import peace_and_love, recovery_table, sources


def test_every_recovery_range_names_a_contract_condition_and_cites_a_source():
    ranges = course().recovery.values()
    assert ranges
    for r in ranges:
        assert r.condition in CONDITIONS and r.refs and r.weeks_min <= r.weeks_max


def test_recovery_figure_has_one_labelled_bar_per_range():
    fig = figure_object(recovery_timeline())  # every property valid
    (bars,) = fig.data
    assert list(bars.y) == [r.label for r in course().recovery.values()]
    assert all("wk ·" in t for t in bars.text)  # range and source in words, not only colour
    assert "typical" in fig.layout.title.text.lower()


def test_recovery_figure_can_show_one_condition():
    fig = figure_object(recovery_timeline(condition="posterior_tibial_tendinopathy"))
    assert len(fig.data[0].y) == 1


def test_recovery_table_gives_the_same_facts_as_the_figure():
    html = recovery_table().data
    for label, weeks, _, _source in recovery_rows():
        assert label in html and weeks in html
    assert "van Rijn 2008" in html and "<caption" in html


def test_peace_and_love_spell_out_every_letter():
    html = peace_and_love().data
    for word in ("Protect", "Elevate", "Avoid anti-inflammatories", "Compress", "Educate",
                 "Load", "Optimism", "Vascularisation", "Exercise"):
        assert word in html


def test_sources_are_numbered_links_to_full_citations_listed_on_the_page():
    page = new_page("treatment")
    html = sources("bleakley_ice_2004", "dubois_peace_love_2020").data
    assert '<a href="#ankle-ref-treatment-bleakley_ice_2004"' in html and ">1</a>, <a" in html
    listing = page.references_html()
    assert 'id="ankle-ref-treatment-bleakley_ice_2004"' in listing and "Bleakley C" in listing
    assert "https://doi.org/10.1136/bjsports-2019-101253" in listing
