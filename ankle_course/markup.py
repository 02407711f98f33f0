"""The course's HTML pieces, pure strings with no widget library: escaping, message boxes, tables, sources,
PT-student depth boxes and triage-level badges.

One module so that every view and the printable handout show the same thing the same way (a notice always
has its symbol, a table its caption and header scopes, a level its symbol and word), and so that a module
that only makes HTML (the handout, the appointment summary) never has to import a view.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from .citations import current_page
from .content import Course
from .content.levels import LEVEL_SYMBOL, LEVEL_WORD, TRIAGE_LEVELS, badge_text

esc = html.escape

# text and symbol carry a level's meaning (content.levels); colour only reinforces it. Each level has a
# colour for a light ground and one for a dark ground (JupyterLab's dark theme, Voilà's ?theme=dark), both
# at least 3:1 against it (WCAG 1.4.11); a page picks the dark one through a CSS variable the course's style
# sheet sets, and anywhere without that sheet (a printed handout) the light one is the fallback.
LEVEL_COLOUR = {"emergency": "#8b0000", "urgent": "#8a4b00", "routine": "#1f4e79", "self_care": "#2f5f2f"}
LEVEL_COLOUR_DARK = {"emergency": "#ff8a80", "urgent": "#ffb74d", "routine": "#90caf9", "self_care": "#a5d6a7"}


def level_colour(level: str) -> str:
    """A level's colour as CSS: the dark theme's where the course's style sheet says so, else the light one."""
    return f"var(--ankle-level-{level}, {LEVEL_COLOUR[level]})"


LEVEL_STYLE = {level: (LEVEL_SYMBOL[level], LEVEL_WORD[level], level_colour(level)) for level in TRIAGE_LEVELS}
NOTICE_SYMBOL = {"info": "ℹ", "ok": "✓", "warning": "⚠", "error": "✗"}


def notice(text: str, kind: str = "info") -> str:
    """A message box; `kind` picks a symbol so that meaning never rests on colour alone."""
    role = ' role="alert"' if kind in ("warning", "error") else ' role="status"'
    return (f'<div class="ankle-notice ankle-notice-{kind}"{role} style="border-left:4px solid #555;'
            f'padding:4px 10px;margin:4px 0">{NOTICE_SYMBOL[kind]} {esc(text)}</div>')


def table(header: Iterable[str], rows: Iterable[Iterable[object]], caption: str) -> str:
    """An accessible HTML table; cells are escaped here, so callers pass plain text (or numbers)."""
    head = "".join(f'<th scope="col" style="text-align:left;padding:2px 8px">{esc(h)}</th>' for h in header)
    body = "".join(
        "<tr>" + "".join(f'<td style="padding:2px 8px">{esc(str(c))}</td>' for c in row) + "</tr>" for row in rows)
    return (f'<table style="border-collapse:collapse"><caption style="text-align:left;font-weight:bold">'
            f"{esc(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def sources(ref_ids: Iterable[str], content: Course | None = None, label: str = "Sources") -> str:
    """The sources behind a card or section, as numbered citations on the page's reference list."""
    return current_page(content).sources(ref_ids, label)


def pt_depth_box(body_html: str, topic: str = "") -> str:
    """A marked PT-student depth box, folded so that a learner can skip it. `body_html` is already safe HTML;
    `topic` (plain text) follows the label, e.g. ": how accurate are the rules?"."""
    return (f'<details class="ankle-pt-depth" style="border:2px solid #555;border-radius:4px;padding:4px 10px;'
            f'margin:8px 0"><summary><strong>🎓 PT-student depth{esc(topic)}</strong> (learners can skip this)'
            f"</summary>{body_html}</details>")


def level_badge(level: str) -> str:
    """A triage level as a learner sees it: symbol and word in bold, in the level's colour."""
    return f'<strong style="color:{level_colour(level)}">{esc(badge_text(level))}</strong>'
