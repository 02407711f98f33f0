"""Citations a reader can follow: numbered per page, each a link to its full reference on the same page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ankle_course.citations import CitationError, check_notebook, current_page, full_list_html, new_page
from ankle_course.content import course
from ankle_course.widgets.anatomy import AnatomyExplorer
from ankle_course.widgets.references import cited_on_this_page, references

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted([*(ROOT / "notebooks").glob("*.ipynb"), *(ROOT / "notebooks").glob("*/*.ipynb")])


def test_the_first_source_cited_is_one_and_keeps_its_number_wherever_it_is_cited_again():
    page = new_page("anatomy")
    first = page.cite(["moore_anatomy"])
    again = page.cite(["grays_anatomy", "moore_anatomy"])
    assert '<a href="#ankle-ref-anatomy-moore_anatomy"' in first and ">1</a>" in first
    assert again.index(">1</a>") < again.index(">2</a>")  # in number order inside one bracket
    assert [n for n, _ in page.listed()] == [1, 2]


def test_every_citation_links_to_an_entry_of_the_page_list_with_the_full_reference_and_its_link():
    page = new_page("treatment")
    cited = page.sources(["dubois_peace_love_2020", "grays_anatomy"])
    listing = page.references_html()
    for target in re.findall(r'href="#([^"]+)"', cited):
        assert f'id="{target}"' in listing
    ref = course().references["dubois_peace_love_2020"]
    assert ref.citation.split(".")[0] in listing and f'href="{ref.url}"' in listing
    assert "Elsevier; 2020" in listing  # publisher and year of the book


def test_a_page_run_again_numbers_the_same_and_its_markdown_ids_come_first():
    cited_on_this_page("diagnosis", "stiell_ottawa_1993", "bachmann_ottawa_2003")
    current_page().cite(["grays_anatomy"])
    cited_on_this_page("diagnosis", "stiell_ottawa_1993", "bachmann_ottawa_2003")
    assert [r.id for _, r in current_page().listed()] == ["stiell_ottawa_1993", "bachmann_ottawa_2003"]


def test_an_unknown_id_is_refused_with_its_name():
    with pytest.raises(CitationError, match="unknown reference 'no_such_ref'"):
        new_page("x").cite(["no_such_ref"])
    with pytest.raises(CitationError, match="no_such_ref"):
        full_list_html(["no_such_ref"])


def test_the_reference_list_grows_when_a_widget_cites_a_new_source():
    new_page("anatomy")
    listing = references()
    explorer = AnatomyExplorer()
    before = listing.value
    ident = next(s.id for s in course().structures.values() if "campbell_deltoid_2014" in s.refs)
    explorer.highlight.value = ident
    assert listing.value != before
    assert all(f'id="ankle-ref-anatomy-{ref}"' in listing.value for ref in course().structures[ident].refs)


def test_a_handout_lists_exercise_sources_in_full_without_page_numbers():
    from ankle_course.handout import plan_html

    html = plan_html("posterior_tibial_tendinopathy", "early", "banded_inversion")
    assert "ankle-cite" not in html and "<strong>Sources</strong>" in html


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_notebook_cites_known_sources_with_the_numbers_its_page_gives_them(path):
    problems = check_notebook(path)
    assert not problems, "\n".join(map(str, problems))


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if re.match(r"0[0-7]_", p.name)], ids=lambda p: p.name)
def test_every_learner_page_has_its_reference_list(path):
    cells = ["".join(c["source"]) for c in json.loads(path.read_text())["cells"]]
    assert any(a.startswith("## References") and "references()" in b for a, b in zip(cells, cells[1:]))


def _doctored(tmp_path: Path, text: str) -> Path:
    nb = json.loads((ROOT / "notebooks" / "01_anatomy.ipynb").read_text())
    nb["cells"][4]["source"] = [text]
    path = tmp_path / "01_anatomy.ipynb"
    path.write_text(json.dumps(nb))
    return path


def test_a_citation_of_a_missing_reference_is_a_content_error_naming_file_cell_and_field(tmp_path):
    problems = check_notebook(_doctored(tmp_path, "Text [[1]](#ankle-ref-anatomy-grays_anatomi)."))
    assert any(str(p) == "01_anatomy.ipynb: entry cell 4, field 'source': cites unknown reference 'grays_anatomi'; "
               "expected an id from references.toml" for p in problems), problems


def test_a_wrong_number_a_wrong_page_and_a_bare_id_are_each_reported(tmp_path):
    text = ("A [[3]](#ankle-ref-anatomy-grays_anatomy). B [[1]](#ankle-ref-causes-grays_anatomy). "
            "C `[moore_anatomy]`.")
    messages = " | ".join(str(p) for p in check_notebook(_doctored(tmp_path, text)))
    assert "cites 'grays_anatomy' as [3]; the page numbers it [1]" in messages
    assert "links to page 'causes'; this page is 'anatomy'" in messages
    assert "bare reference id 'moore_anatomy'" in messages
