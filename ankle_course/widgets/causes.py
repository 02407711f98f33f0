"""Module 2's reading views: a card per condition, and the symptom-by-condition comparison."""

from __future__ import annotations

from IPython.display import HTML, display

from ..citations import current_page
from ..content import Course, course
from ..content.condition_text import condition_text
from ..figures import show
from ..figures.causes import comparison_grid, comparison_grid_data, comparison_grid_rows
from ..markup import pt_depth_box, sources
from .common import esc, table

CORRECTION_BOX = ('<div class="ankle-correction" style="border-left:6px solid #E69F00;padding:2px 10px;margin:8px 0">'
                  "<p><strong>✎ If you read the original article:</strong></p>{body}</div>")


def condition_card(condition_id: str, content: Course | None = None) -> HTML:
    """One condition in plain language, section by section, with its PT-student box and numbered sources."""
    page = current_page(content)
    t = condition_text(condition_id, content, page=page)
    parts = [f"<h3>{esc(t.name)}</h3>", f"<p><em>{esc(t.summary)}</em></p>"]
    parts += [f"<h4>{esc(heading)}</h4>{body}" for heading, body in t.sections]
    if t.correction:
        parts.append(CORRECTION_BOX.format(body=t.correction))
    if t.pt_depth:
        parts.append(pt_depth_box(t.pt_depth))
    parts.append(page.sources(r.id for r in t.sources))
    return HTML(f'<section class="ankle-condition-card" aria-label="{esc(t.name)}">{"".join(parts)}</section>')


def condition_cards(*condition_ids: str, content: Course | None = None) -> HTML:
    """Several cards in one output: the conditions a section of the notebook talks about, in order."""
    return HTML("".join(condition_card(ident, content).data for ident in condition_ids))


def comparison_table(content: Course | None = None) -> HTML:
    """The comparison grid as a table: the text alternative for the figure."""
    rows = comparison_grid_rows(comparison_grid_data(content or course()))
    return HTML('<details class="ankle-comparison-table"><summary>The same comparison as a table</summary>'
                + table(("Finding", "Typical of"), rows, "Which findings are typical of which cause") + "</details>")


def show_comparison(content: Course | None = None) -> None:
    """Draw the symptom-by-condition grid and its table alternative."""
    content = content or course()
    show(comparison_grid(comparison_grid_data(content)))
    display(comparison_table(content))


DIFFERENTIAL_ROWS = (("Who", "who"), ("How it presents", "presentation"), ("Staging", "staging"),
                     ("Examination", "examination"), ("Imaging", "imaging"), ("Management", "management"),
                     ("Why it is not in the symptom checker", "not_in_checker"))


def differential_cards(content: Course | None = None) -> HTML:
    """The wider differential (differential.toml): a card per condition the checker does not model, each with
    the checker conditions it mimics and its sources, inside the PT-student box."""
    content = content or course()
    if not content.differential:  # none at present: the first three became checker conditions (issue 22)
        return HTML("")
    names = {c.id: c.short_name or c.name for c in content.conditions.values()}
    parts = []
    for card in content.differential.values():
        rows = [(label, getattr(card, key)) for label, key in DIFFERENTIAL_ROWS if getattr(card, key)]
        rows.append(("Easily taken for", ", ".join(names.get(m, m) for m in card.mimics)))
        parts.append(f'<section class="ankle-differential-card" aria-label="{esc(card.name)}">'
                     + table(("Question", "Answer"), rows, card.name)
                     + sources(card.refs, content) + "</section>")
    return HTML(pt_depth_box("".join(parts)))
