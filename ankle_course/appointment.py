"""A one-page summary to take to an appointment: the symptom checker's answers, its advice and reasons, the
causes the answers fit best, and the exercise log (programme, sessions, a small pain chart).

Pure: `summary_html` builds a self-contained HTML page (inline CSS and SVG, no scripts, no links out) that
the learner downloads and prints; nothing is sent anywhere. Every piece of text that came from the learner
or from a file is escaped, so a hostile answer or progress file cannot put markup on the page. The advice
sentences are the checker's own (`content.levels.ACTION` via `explain`), so the summary cannot drift from
what the checker and the warning-sign data say. The exercise part reads only saved sessions (the progress
schema's `exercise_sessions`) and exercise names, so it does not depend on how the handout is made.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from html import escape
from typing import Any

from .content import Course, course
from .content.records import SymptomQuestion
from .progression import pain_trend, rule
from .triage import assess
from .triage.checker_result import NOT_A_DIAGNOSIS, Explanation, explain
from .triage.symptom_questions import NONE_OF_THESE_LABEL, questions_for

FILE_NAME = "ankle-appointment-summary.html"
TITLE = "Inner ankle pain: my summary for the appointment"
MAX_CHART_SESSIONS = 30  # the latest sessions only, so the chart stays readable on one page
MAX_PROGRAMME_ROWS = 12

PRINT_CSS = (
    "body{font-family:system-ui,sans-serif;max-width:46em;margin:1em auto;padding:0 1em;line-height:1.35;"
    "font-size:11pt;color:#000}h1{font-size:1.4em;margin:.2em 0}h2{font-size:1.1em;margin:.8em 0 .3em;"
    "border-bottom:1px solid #000}table{border-collapse:collapse;width:100%}th,td{border:1px solid #777;"
    "padding:2px 6px;text-align:left;vertical-align:top}.note{border:2px solid #000;padding:4px 8px}"
    ".advice{border:3px solid #000;border-left-width:10px;padding:4px 8px;font-weight:bold}"
    "svg{max-width:100%;height:auto}.answers{columns:2;column-gap:2em;padding-left:1.2em;margin:.2em 0}"
    ".answers li{break-inside:avoid}@page{size:A4;margin:10mm}"
    "@media print{body{margin:0;max-width:none;font-size:8.5pt;line-height:1.25}h2{break-after:avoid;margin-top:.5em}"
    ".answers{columns:3}table,svg,figure{break-inside:avoid}svg{max-height:40mm}}"
)


def esc(value: Any) -> str:
    return escape(str(value), quote=True)


# ---------------------------------------------------------------------------------------------- answers
def answer_text(question: SymptomQuestion, value: Any) -> str:
    """A finding as the learner chose it, in the question's own words."""
    labels = dict(zip(question.choices, question.choice_labels or question.choices))
    if question.type == "bool":
        return "Yes" if value else "No"
    if question.type == "choice":
        return labels.get(value, str(value))
    if question.type == "set":
        return "; ".join(labels.get(v, str(v)) for v in value) if value else NONE_OF_THESE_LABEL
    if question.id.endswith("_days"):
        return f"{value} day{'s' if value != 1 else ''}"
    return str(value)


def answered(findings: Mapping[str, Any], track: str, content: Course) -> list[tuple[str, str]]:
    """(question in short, answer) in the order the checker asks them; skipped questions are left out."""
    return [(q.short, answer_text(q, findings[q.id])) for q in questions_for(track, content) if q.id in findings]


# ---------------------------------------------------------------------------------------------- exercise log
def programme_rows(sessions: Sequence[Mapping[str, Any]], content: Course) -> list[tuple[str, str, str, str]]:
    """(exercise, sessions done, completed, latest dose) per exercise in the log, most recent first."""
    by_exercise: dict[str, list[Mapping[str, Any]]] = {}
    for s in sorted(sessions, key=lambda s: s["started"]):
        by_exercise.setdefault(s["exercise"], []).append(s)
    rows = []
    for ident, done in sorted(by_exercise.items(), key=lambda kv: kv[1][-1]["started"], reverse=True):
        exercise = content.exercises.get(ident)
        name = exercise.name if exercise else ident.replace("_", " ")
        completed = sum(1 for s in done if s["completed"])
        rows.append((name, str(len(done)), str(completed), done[-1]["dosage"]))
    return rows[:MAX_PROGRAMME_ROWS]


def pain_chart_svg(sessions: Sequence[Mapping[str, Any]], width: int = 640, height: int = 200,
                   content: Course | None = None) -> str:
    """Pain during and the next morning (0–10) per session as a small line chart: inline SVG that prints in
    black and white (solid line with dots vs dashed line with squares), with a title and description for
    screen readers, and the pain rule's limit during exercise drawn as a faint line (from `content`, the
    summary's own course, so a summary made for an edited content folder draws that folder's limit)."""
    points = pain_trend(sessions)[-MAX_CHART_SESSIONS:]
    if not points:
        return ""
    left, right, top, bottom = 38, 12, 14, 34
    plot_w, plot_h = width - left - right, height - top - bottom
    n = len(points)

    def x(i: int) -> float:
        return left + (plot_w * (i / (n - 1)) if n > 1 else plot_w / 2)

    def y(pain: int) -> float:
        return top + plot_h * (1 - pain / 10)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" role="img" aria-labelledby="pain-title pain-desc" font-family="sans-serif" '
             'font-size="11">',
             '<title id="pain-title">Pain ratings per exercise session</title>',
             f'<desc id="pain-desc">{n} sessions, oldest on the left. Solid line: pain during the exercises. '
             'Dashed line: pain the next morning. Scale 0 (none) to 10 (worst).</desc>']
    for pain in (0, 5, 10):
        parts.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y(pain):.1f}" y2="{y(pain):.1f}" stroke="#bbb"/>'
                     f'<text x="{left - 6}" y="{y(pain) + 4:.1f}" text-anchor="end">{pain}</text>')
    # the next-morning rule is relative (back to the learner's usual level), so only the limit during is a line
    for limit, label in ((rule(content).pain_during_max, "during: up to"),):
        parts.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y(limit):.1f}" y2="{y(limit):.1f}" stroke="#999" '
                     f'stroke-dasharray="1 3"/><text x="{left + plot_w}" y="{y(limit) - 3:.1f}" text-anchor="end" '
                     f'fill="#555" font-size="9">{esc(label)} {limit}</text>')
    parts.append(f'<line x1="{left}" x2="{left}" y1="{top}" y2="{top + plot_h}" stroke="#000"/>'
                 f'<line x1="{left}" x2="{left + plot_w}" y1="{top + plot_h}" y2="{top + plot_h}" stroke="#000"/>')
    first, last = points[0][0], points[-1][0]
    parts.append(f'<text x="{left}" y="{height - 18}">{first:%d %b %Y}</text>')
    if n > 1:
        parts.append(f'<text x="{left + plot_w}" y="{height - 18}" text-anchor="end">{last:%d %b %Y}</text>')
    during, morning = [p[1] for p in points], [p[2] for p in points]
    for pains, dash, marker in ((during, "", "circle"), (morning, ' stroke-dasharray="5 3"', "square")):
        series = [(x(i), y(pain)) for i, pain in enumerate(pains) if pain is not None]
        if len(series) > 1:
            path = " ".join(f"{px:.1f},{py:.1f}" for px, py in series)
            parts.append(f'<polyline points="{path}" fill="none" stroke="#000" stroke-width="1.5"{dash}/>')
        for px, py in series:
            parts.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3"/>' if marker == "circle" else
                         f'<rect x="{px - 3:.1f}" y="{py - 3:.1f}" width="6" height="6" fill="#fff" stroke="#000"/>')
    legend_y = height - 4
    parts.append(f'<line x1="{left}" x2="{left + 24}" y1="{legend_y - 4}" y2="{legend_y - 4}" stroke="#000" '
                 f'stroke-width="1.5"/><text x="{left + 30}" y="{legend_y}">Pain during</text>'
                 f'<line x1="{left + 130}" x2="{left + 154}" y1="{legend_y - 4}" y2="{legend_y - 4}" stroke="#000" '
                 f'stroke-width="1.5" stroke-dasharray="5 3"/><text x="{left + 160}" y="{legend_y}">Pain next morning'
                 "</text></svg>")
    return "".join(parts)


# ---------------------------------------------------------------------------------------------- the page
def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in header)
    body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _checker_html(findings: Mapping[str, Any], track: str, content: Course) -> str:
    if not findings:
        return ("<h2>Symptom checker</h2><p>No answers were given to the symptom checker, so there is no advice "
                "from it here.</p>")
    x: Explanation = explain(assess(dict(findings)), content)
    parts = ["<h2>What the checker advised</h2>", f'<p class="advice">{esc(x.headline)}</p>']
    if x.reasons:
        parts.append("<p>Why:</p><ul>" + "".join(f"<li>{esc(r)}</li>" for r in x.reasons) + "</ul>")
    if x.likely:
        parts.append("<h2>Causes my answers fit best</h2>"
                     + _table(("Condition", "Fit with my answers"), [(c.name, c.percent) for c in x.likely]))
    items = "".join(f"<li><strong>{esc(q)}:</strong> {esc(a)}</li>" for q, a in answered(findings, track, content))
    parts.append(f'<h2>My answers</h2><ul class="answers">{items}</ul>')
    return "".join(parts)


def _exercise_html(sessions: Sequence[Mapping[str, Any]], content: Course) -> str:
    if not sessions:
        return "<h2>Home exercises</h2><p>No exercise sessions are logged yet.</p>"
    started = sorted(s["started"] for s in sessions)
    rated = [s["pain_during"] for s in sessions if s.get("pain_during") is not None]
    parts = ["<h2>Home exercises</h2>",
             f"<p>{len(sessions)} session{'s' if len(sessions) != 1 else ''} logged, from {esc(started[0][:10])} to "
             f"{esc(started[-1][:10])}" + (f"; pain during them ranged from {min(rated)} to {max(rated)} out of 10."
                                             if rated else ".") + "</p>",
             _table(("Exercise", "Sessions", "Completed", "Latest dose"), programme_rows(sessions, content))]
    chart = pain_chart_svg(sessions, content=content)
    if chart:
        parts.append(f"<figure style=\"margin:.5em 0\">{chart}<figcaption>Pain ratings for the latest "
                     f"{min(len(sessions), MAX_CHART_SESSIONS)} sessions (0 = no pain, 10 = worst).</figcaption></figure>")
    return "".join(parts)


def summary_html(findings: Mapping[str, Any], track: str = "learner", progress: Mapping[str, Any] | None = None,
                 content: Course | None = None, now: datetime | None = None) -> str:
    """The whole printable page. `findings` are the checker's (as `assess` takes them); `progress` is a
    loaded progress record (for the learner's name and exercise sessions); `now` dates the page."""
    content = content or course()
    progress = progress or {}
    now = (now or datetime.now(UTC)).astimezone(UTC)
    name = progress.get("learner_name") or ""
    who = f"<p><strong>Name:</strong> {esc(name)}</p>" if name else ""
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{esc(TITLE)}</title>'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{PRINT_CSS}</style></head><body>'
        f"<h1>{esc(TITLE)}</h1>{who}<p>Made on {now:%d %B %Y} with the course <em>Inside Ankle Pain</em>, from my own "
        "answers. Nothing was sent anywhere: this file was made on my own computer.</p>"
        f'<p class="note" role="note"><strong>Not a diagnosis.</strong> {esc(NOT_A_DIAGNOSIS)}</p>'
        + _checker_html(findings, track, content)
        + _exercise_html(list(progress.get("exercise_sessions", [])), content)
        + "</body></html>")


def download_href(page: str) -> str:
    """A data: URL holding the page, for an <a download> link: works in JupyterLab, Voilà and JupyterLite
    alike, because the browser makes the file itself and no server is asked for anything."""
    return "data:text/html;charset=utf-8;base64," + base64.b64encode(page.encode("utf-8")).decode("ascii")
