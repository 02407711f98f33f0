"""Numbered citations a reader can follow: [1], [2]… in the text, each a link to its full reference,
listed on the same page. The one renderer of sources in the course (pure HTML, no widgets).

A page is a notebook. Its citations are numbered in the order they are first cited, across the page's
Markdown and everything its widgets show, so the kernel keeps one `CitationPage` (`current_page()`); the
notebook's last cell lists it (`ankle_course.widgets.references.references()`), and the list grows when a
widget cites something new (say, the anatomy explorer's panel for a newly picked structure).

Markdown cannot ask the kernel for a number, so a page whose Markdown cites writes the numbers itself, as
`[[1]](#ankle-ref-anatomy-grays_anatomy)`, and names the same ids, in the same order, in one call at its top
(`cited_on_this_page("anatomy", "grays_anatomy", ...)`); `check_notebook` (run by the tests) holds the two
to each other and to references.toml, naming file, cell and field for anything wrong.

Anchors carry the page's key so that two notebooks open side by side in JupyterLab never share an id.
"""

from __future__ import annotations

import html
import json
import re
import secrets
from collections.abc import Callable, Iterable
from pathlib import Path

from .content import Course, course
from .content.problems import ContentProblem
from .content.records import Reference

esc = html.escape
ANCHOR_PREFIX = "ankle-ref"
# a citation as a page's Markdown writes it: [[2]](#ankle-ref-<page>-<reference id>)
MARKDOWN_CITATION = re.compile(r"\[\[(\d+)\]\]\(#" + ANCHOR_PREFIX + r"-([a-z0-9]+)-([a-z0-9_]+)\)")
# the old form, a bare id in code style, which a reader cannot follow
RAW_ID = re.compile(r"`?\[([a-z][a-z0-9]*(?:_[a-z0-9]+)+)\]`?(?![(\]])")
SEED_CALL = re.compile(r"cited_on_this_page\(\s*(.*?)\)", re.S)


class CitationError(ValueError):
    """A citation of an id that references.toml does not have; the message names the id."""


def reference_html(ref: Reference) -> str:
    """The full reference (authors, title, journal or publisher, year, as the citation gives them) and its
    link or DOI where it has one."""
    link = (f' <a href="{esc(ref.url)}" target="_blank" rel="noopener">{esc(ref.url)}</a>' if ref.url else "")
    return f"{esc(ref.citation)}{link}"


def full_list_html(ref_ids: Iterable[str], content: Course | None = None) -> str:
    """References in full where there is no page to number them on (a printed handout, an answer key)."""
    content = content or course()
    items = "".join(f"<li>{reference_html(r)}</li>" for r in _lookup(content, ref_ids))
    return f'<div class="ankle-sources" style="font-size:90%"><strong>Sources</strong><ul>{items}</ul></div>'


def _lookup(content: Course, ref_ids: Iterable[str]) -> list[Reference]:
    refs = []
    for ident in dict.fromkeys(ref_ids):
        if ident not in content.references:
            raise CitationError(f"unknown reference '{ident}'; expected an id from references.toml")
        refs.append(content.references[ident])
    return refs


class CitationPage:
    """One page's numbering: the first id cited is [1], and an id keeps its number wherever it is cited."""

    def __init__(self, key: str, content: Course | None = None):
        if not re.fullmatch(r"[a-z0-9]+", key):
            raise ValueError(f"page key '{key}' must be lower-case letters and digits")
        self.key = key
        self.content = content or course()
        self.order: list[str] = []
        self._listeners: list[Callable[[], None]] = []

    def anchor(self, ref_id: str) -> str:
        return f"{ANCHOR_PREFIX}-{self.key}-{ref_id}"

    def number(self, ref_id: str) -> int:
        if ref_id not in self.order:
            _lookup(self.content, [ref_id])
            self.order.append(ref_id)
            for listener in self._listeners:
                listener()
        return self.order.index(ref_id) + 1

    def cite(self, ref_ids: Iterable[str]) -> str:
        """`[1, 3]` as superscript links to the page's list; empty for no ids."""
        ids = list(dict.fromkeys(ref_ids))
        if not ids:
            return ""
        numbered = sorted((self.number(i), i) for i in ids)
        links = ", ".join(f'<a href="#{self.anchor(i)}" title="{esc(self.content.references[i].citation)}">{n}</a>'
                          for n, i in numbered)
        return f'<sup class="ankle-cite">[{links}]</sup>'

    def sources(self, ref_ids: Iterable[str], label: str = "Sources") -> str:
        """A short "Sources: [1, 2]" line for the foot of a card or panel."""
        cited = self.cite(ref_ids)
        return f'<p class="ankle-sources" style="font-size:90%">{esc(label)}: {cited}</p>' if cited else ""

    def listed(self) -> list[tuple[int, Reference]]:
        return [(n, self.content.references[i]) for n, i in enumerate(self.order, start=1)]

    def references_html(self) -> str:
        """The page's reference list, numbered as cited, each entry the target of its citations."""
        if not self.order:
            return '<p class="ankle-references">Nothing on this page cites a source yet.</p>'
        items = "".join(f'<li id="{self.anchor(r.id)}" value="{n}">{reference_html(r)}</li>' for n, r in self.listed())
        return (f'<section class="ankle-references" aria-label="References"><ol style="font-size:95%">{items}</ol>'
                "</section>")

    def on_change(self, listener: Callable[[], None]) -> None:
        """Call `listener` whenever a new id is cited (the reference list redraws itself)."""
        self._listeners.append(listener)


_current: CitationPage | None = None


def current_page(content: Course | None = None) -> CitationPage:
    """The page this kernel is showing; a kernel runs one notebook, so one page per kernel."""
    global _current
    if _current is None:
        _current = CitationPage("p" + secrets.token_hex(3), content)
    return _current


def new_page(key: str, ref_ids: Iterable[str] = (), content: Course | None = None) -> CitationPage:
    """Start the page afresh (so a notebook run twice numbers the same), with its Markdown's ids first."""
    global _current
    _current = CitationPage(key, content)
    for ident in ref_ids:
        _current.number(ident)
    return _current


# ------------------------------------------------------------------------------------------ checking pages


def _seed(source: str) -> tuple[str, list[str]] | None:
    match = SEED_CALL.search(source)
    if not match:
        return None
    args = re.findall(r"[\"']([^\"']+)[\"']", match.group(1))
    return (args[0], args[1:]) if args else None


def check_notebook(path: Path, content: Course | None = None, label: str | None = None) -> list[ContentProblem]:
    """Every Markdown citation of a notebook: a known id, the page's key, and the number the page gives it.

    Problems name the notebook, the cell and the field ("source"), like every other content error."""
    content = content or course()
    label = label or path.name
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    seed: tuple[str, list[str]] | None = None
    for cell in cells:
        if cell["cell_type"] == "code" and seed is None:
            seed = _seed("".join(cell["source"]))
    problems: list[ContentProblem] = []
    key, order = seed if seed else ("", [])
    for ident in order:
        if ident not in content.references:
            problems.append(ContentProblem(label, "cited_on_this_page", "source",
                                           f"unknown reference '{ident}'; expected an id from references.toml"))
    for index, cell in enumerate(cells):
        if cell["cell_type"] != "markdown":
            continue
        text = "".join(cell["source"])
        where = f"cell {index}"
        for raw in RAW_ID.finditer(text):
            ident = raw.group(1)
            problems.append(ContentProblem(label, where, "source", f"bare reference id '{ident}': write it as a "
                                           f"numbered citation [[n]](#{ANCHOR_PREFIX}-<page>-{ident})"))
        for m in MARKDOWN_CITATION.finditer(text):
            number, page, ident = int(m.group(1)), m.group(2), m.group(3)
            if ident not in content.references:
                problems.append(ContentProblem(label, where, "source", f"cites unknown reference '{ident}'; "
                                               "expected an id from references.toml"))
            elif not seed:
                problems.append(ContentProblem(label, where, "source", f"cites '{ident}' but the page has no "
                                               "cited_on_this_page(...) call in a code cell before it"))
            elif page != key:
                problems.append(ContentProblem(label, where, "source",
                                               f"citation of '{ident}' links to page '{page}'; this page is '{key}'"))
            elif ident not in order:
                problems.append(ContentProblem(label, where, "source", f"cites '{ident}', which "
                                               "cited_on_this_page(...) does not list"))
            elif order.index(ident) + 1 != number:
                problems.append(ContentProblem(label, where, "source", f"cites '{ident}' as [{number}]; the page "
                                               f"numbers it [{order.index(ident) + 1}]"))
    return problems
