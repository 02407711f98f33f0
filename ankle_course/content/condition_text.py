"""A condition's text from conditions.toml, ready to show: safe HTML with numbered citations.

Content cites inline with [@reference_id]; the learner sees [1], [2] ... numbered on the page (see
`ankle_course.citations`), each a link to the page's reference list. All file text is escaped before any markup is added.
Pure (no widgets). The caller passes the page that numbers citations (any object with `cite`), so that this
content module needs nothing above the content layer.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from .cache import course
from .knowledge import Course
from .records import CITATION, Condition, Reference

SECTIONS = (
    ("what_happens", "What happens"),
    ("who", "Who gets it"),
    ("feels", "How it feels"),
    ("do_now", "What to do now"),
    ("recovery", "How long it takes"),
)
BOLD = re.compile(r"\*\*(.+?)\*\*")


class Citer(Protocol):
    """What numbers a page's citations: `ankle_course.citations.CitationPage`."""

    def cite(self, ref_ids: Iterable[str]) -> str: ...


@dataclass(frozen=True)
class ConditionText:
    name: str
    summary: str
    sections: tuple[tuple[str, str], ...]  # (heading, html)
    correction: str | None
    pt_depth: str | None
    sources: tuple[Reference, ...]  # in the order the text first cites them, then the rest


class _Numbering:
    """The condition's own sources in citation order; their numbers and links come from the page."""

    def __init__(self, page: Citer):
        self.page = page
        self.order: list[str] = []

    def number(self, ref_id: str) -> None:
        if ref_id not in self.order:
            self.order.append(ref_id)

    def to_html(self, text: str) -> str:
        """Escape, then add bold, paragraphs and citation numbers."""
        safe = BOLD.sub(r"<strong>\1</strong>", html.escape(text, quote=False))

        def cite(match: re.Match) -> str:
            self.number(match.group(1))
            return self.page.cite([match.group(1)])

        cited = CITATION.sub(cite, safe)
        return "".join(f"<p>{para.strip()}</p>" for para in cited.split("\n") if para.strip())


def condition_text(condition_id: str, content: Course | None = None,
                   *, page: Citer) -> ConditionText:
    """Everything a learner reads about one condition, its citations numbered on `page` (the notebook's)."""
    content = content or course()
    cond: Condition = content.conditions[condition_id]
    numbering = _Numbering(page)
    d = cond.details
    sections = tuple((title, numbering.to_html(getattr(d, key))) for key, title in SECTIONS) if d else ()
    correction = numbering.to_html(d.correction) if d and d.correction else None
    pt_depth = numbering.to_html(d.pt_depth) if d and d.pt_depth else None
    for ref_id in cond.refs:  # listed sources that the text did not cite inline still appear
        numbering.number(ref_id)
    return ConditionText(cond.name, cond.summary, sections, correction, pt_depth,
                         tuple(content.references[r] for r in numbering.order))
