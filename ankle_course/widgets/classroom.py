"""The instructor's class-results view: reports skipped files by name, then figures with tables; and the
buttons that write the class gradebook for Canvas or Moodle."""

from __future__ import annotations

import base64
from pathlib import Path

import ipywidgets as w
from IPython.display import HTML, display

from ..classroom import GradebookError, class_mastery, item_stats, load_class
from ..content import course
from ..figures import show
from .common import esc, html_widget, notice, table


def class_results(folder: str | Path) -> None:
    """Show item statistics and objective mastery for a folder of exported progress files."""
    from ..figures.classroom import class_mastery_figure, item_figure

    content = course()
    try:
        data = load_class(folder)
    except (GradebookError, FileNotFoundError) as exc:
        display(HTML(notice(str(exc), "error")))
        return
    parts = [notice(f"Read {len(data.learners)} progress file(s) from {data.folder}.", "ok")]
    if data.skipped:
        items = "".join(f"<li><code>{esc(s.file_name)}</code>: {esc(s.reason)}</li>" for s in data.skipped)
        parts.append(notice(f"{len(data.skipped)} file(s) were skipped:", "warning") + f"<ul>{items}</ul>")
    display(HTML(f'<div class="ankle-class-files">{"".join(parts)}</div>'))
    if not data.learners:
        return
    stats = [s for s in item_stats(data, content) if s.answered]
    show(item_figure(stats))
    display(HTML('<div class="ankle-class-items">' + table(
        ("Question", "Module", "Answered", "Difficulty (mean score)", "Discrimination (r)", "Note"),
        [(s.question_id, s.module_id, s.answered, "—" if s.difficulty is None else f"{s.difficulty:.0%}",
          "—" if s.discrimination is None else f"{s.discrimination:.2f}", s.flag) for s in stats],
        "Per-question statistics (the same facts as the figure above)") + "</div>"))
    rows = class_mastery(data, content)
    show(class_mastery_figure(rows, len(data.learners)))
    display(HTML('<div class="ankle-class-mastery">' + table(
        ("Module: objective", "Started", "Mastered", "Class mean score"),
        [(r.label, r.learners_started, r.learners_mastered, "—" if r.mean_score is None else f"{r.mean_score:.0%}")
         for r in rows], "Mastery per objective (the same facts as the figure above)") + "</div>"))


def answer_key(module_id: str | None = None, audience: str | None = None) -> HTML:
    """Every question with its right answer, explanation and sources, grouped by module."""
    from ..quiz import correct_answer_text

    content = course()
    parts = []
    for module in content.modules.values():
        if module_id and module.id != module_id:
            continue
        qs = [q for q in content.questions.values() if q.module == module.id and (not audience or q.audience == audience)]
        if not qs:
            continue
        rows = [(q.id, q.objective, q.audience, q.difficulty, q.type, q.prompt, correct_answer_text(q),
                 q.explanation, ", ".join(q.refs)) for q in qs]
        parts.append(table(("Id", "Objective", "Audience", "Difficulty", "Type", "Question", "Answer", "Why", "Refs"),
                           rows, f"{module.number} · {module.title} ({len(qs)} questions)"))
    # wider than the page: a focusable, labelled region lets keyboard users scroll it (axe: scrollable-region-focusable)
    return HTML('<div class="ankle-answer-key" tabindex="0" role="region" aria-label="Answer key" '
                'style="overflow-x:auto">' + "".join(parts) + "</div>")


def bank_overview() -> HTML:
    """How many questions each objective has, by audience and type: to plan a session or a test."""
    content = course()
    rows = []
    for m in content.modules.values():
        for o in m.objectives:
            qs = [q for q in content.questions.values() if q.module == m.id and q.objective == o.id]
            types = ", ".join(sorted({q.type for q in qs}))
            rows.append((m.title, o.text, len(qs), sum(q.audience == "learner" for q in qs),
                         sum(q.audience == "pt_student" for q in qs), types))
    return HTML('<div class="ankle-bank-overview">' + table(
        ("Module", "Objective", "Questions", "Learner", "PT student", "Types"), rows,
        f"The question bank: {len(content.questions)} questions") + "</div>")


def gradebook_export(folder: str | Path) -> w.VBox:
    """Buttons that write the class's gradebook CSV for Canvas or Moodle and offer it as a download."""
    from ..classroom import class_gradebook, refuse_overwriting_inputs
    from ..outpath import OutputPathError, check_output_path, write_output

    message = html_widget("", "ankle-gradebook-message")
    buttons = []
    for lms, label in (("canvas", "Gradebook CSV for Canvas"), ("moodle", "Gradebook CSV for Moodle")):
        button = w.Button(description=label, icon="download", layout=w.Layout(width="auto"),
                          tooltip=f"One row per student: a score per module and the total, as {lms.capitalize()} imports it")
        button.add_class(f"ankle-gradebook-{lms}")

        def on_click(_: w.Button, lms: str = lms) -> None:
            try:
                text, book = class_gradebook(folder, lms, course())
            except (GradebookError, FileNotFoundError) as exc:
                message.value = notice(str(exc), "error")
                return
            data = text.encode("utf-8")
            filename = f"gradebook-{lms}.csv"
            try:
                out = check_output_path(Path(folder) / filename)
                refuse_overwriting_inputs(out, Path(folder))
                write_output(out, data)
                saved = notice(f"Saved {len(book.rows)} student(s) to {out}.", "ok")
            except (OutputPathError, GradebookError) as exc:
                saved = notice(f"{str(exc).rstrip('.')}, but the download link below holds the whole file.", "warning")
            skipped = f" {len(book.skipped)} file(s) were left out; the list above says why." if book.skipped else ""
            href = "data:text/csv;charset=utf-8;base64," + base64.b64encode(data).decode("ascii")
            message.value = (saved + f'<p><a download="{esc(filename)}" href="{href}">Download {esc(filename)}</a>'
                             f" and import it in {lms.capitalize()}.{esc(skipped)}</p>")

        button.on_click(on_click)
        buttons.append(button)
    return w.VBox([w.HBox(buttons), message])
