"""The start page's views: course map, warning signs, and the progress panel with export/import."""

from __future__ import annotations

import base64

import ipywidgets as w
from IPython.display import HTML

from .. import environment
from ..content import Course, course
from ..content.levels import ACTION
from ..environment import storage_message
from ..progress import ProgressError, ProgressFileError, ProgressStore, summarise
from .common import LEVEL_STYLE, Panel, esc, html_widget, notice, table

TRACK_LABEL = {"learner": "Learner", "pt_student": "PT student", "both": "Learner and PT student"}


def course_map(content: Course | None = None) -> HTML:
    """The course map with a link to each notebook (links open the notebook in JupyterLab)."""
    content = content or course()
    rows = []
    for m in content.modules.values():
        status = "" if m.status == "ready" else " <em>(coming soon)</em>"
        rows.append(
            f'<tr><td style="padding:2px 8px">{m.number}</td>'
            f'<td style="padding:2px 8px"><a href="{esc(m.notebook)}">{esc(m.title)}</a>{status}</td>'
            f'<td style="padding:2px 8px">{esc(m.teaches)}</td><td style="padding:2px 8px">{m.minutes} min</td>'
            f'<td style="padding:2px 8px">{esc(TRACK_LABEL[m.track])}</td></tr>')
    head = "".join(f'<th scope="col" style="text-align:left;padding:2px 8px">{h}</th>'
                   for h in ("#", "Notebook", "What it teaches", "Time", "Track"))
    return HTML(f'<table class="ankle-course-map" style="border-collapse:collapse"><caption style="text-align:left;'
                f'font-weight:bold">Course map</caption><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')


def warning_signs(content: Course | None = None) -> HTML:
    """The warning signs that need medical care, grouped by how fast; written for a learner."""
    content = content or course()
    parts = []
    for level in ("emergency", "urgent"):
        symbol, label, colour = LEVEL_STYLE[level]
        items = "".join(
            f"<li><strong>{esc(s.sign)}</strong> <span>It could be: {esc(s.could_be)}</span></li>"
            for s in content.warning_signs.values() if s.action == level)
        parts.append(f'<section aria-label="{label}" style="border-left:6px solid {colour};padding:2px 12px;'
                     f'margin:8px 0"><p><strong>{symbol} {label}: {esc(ACTION[level])}</strong></p>'
                     f"<ul>{items}</ul></section>")
    return HTML(f'<div class="ankle-warning-signs">{"".join(parts)}</div>')


def warning_sign_table(*ids: str, content: Course | None = None) -> HTML:
    """Chosen warning signs as a table of what you notice, what it could be, and what to do: every word of
    the advice comes from warning_signs.toml and the checker's action sentences, so a page cannot drift."""
    content = content or course()
    unknown = [i for i in ids if i not in content.warning_signs]
    if unknown:
        raise ValueError(f"unknown warning sign(s) {unknown}; expected ids from warning_signs.toml")
    rows = []
    for ident in ids:
        sign = content.warning_signs[ident]
        symbol, label, colour = LEVEL_STYLE[sign.action]
        rows.append(f'<tr><td style="padding:4px 8px;border-left:6px solid {colour}">{esc(sign.sign)}</td>'
                    f'<td style="padding:4px 8px">{esc(sign.could_be)}</td>'
                    f'<td style="padding:4px 8px"><strong>{symbol} {label}:</strong> {esc(ACTION[sign.action])}</td></tr>')
    head = "".join(f'<th scope="col" style="text-align:left;padding:4px 8px">{h}</th>'
                   for h in ("If you notice…", "It could be…", "Do this"))
    return HTML(f'<table class="ankle-warning-sign-table" style="border-collapse:collapse"><thead><tr>{head}</tr>'
                f'</thead><tbody>{"".join(rows)}</tbody></table>')


def _overview_html(store: ProgressStore, content: Course) -> str:
    try:
        progress = store.load()
    except ProgressError as exc:  # progress.json is a folder, a link loop, unreadable...
        return notice(str(exc), "error")
    summary = summarise(progress, content)
    parts = []
    if store.notice:
        parts.append(notice(store.notice, "warning"))
        store.notice = None
    rows = []
    for m in summary.modules:
        if m.questions == 0:
            quiz = "no quiz yet"
        else:
            pct = m.percent_correct
            quiz = f"{m.answered} of {m.questions} answered" + ("" if pct is None else f", {pct:.0f}% right")
        rows.append((m.title, quiz))
    parts.append(table(("Module", "Quiz progress"), rows, "Your progress"))
    parts.append(f"<p>Flashcards you know: {summary.flashcards_known}. Exercise sessions logged: "
                 f"{summary.exercise_sessions}. Case studies started: {summary.cases_started}.</p>")
    if summary.is_empty:
        parts.append("<p>Nothing saved yet: your answers and exercise sessions will appear here as you go.</p>")
    return "".join(parts)


def progress_panel(store: ProgressStore | None = None, content: Course | None = None) -> w.VBox:
    """Progress overview plus export/import, so a learner on a temporary Binder session can keep their work."""
    store = store or ProgressStore()
    content = content or course()
    overview = html_widget(_overview_html(store, content), "ankle-progress-overview")
    where = html_widget(notice(storage_message(environment.where(), str(store.path)), "info"))

    export_button = w.Button(description="Export my progress", icon="download", tooltip="Save a copy you can download",
                             layout=w.Layout(width="auto"))
    export_button.add_class("ankle-export")
    export_message = html_widget("", "ankle-export-message")

    def on_export(_: w.Button) -> None:
        try:
            exported = store.export()
        except ProgressError as exc:
            export_message.value = notice(str(exc), "error")
            return
        href = "data:application/json;base64," + base64.b64encode(exported.data).decode("ascii")
        saved = notice(f"Saved a copy as {exported.path}.", "ok") if exported.problem is None else notice(
            f"{exported.problem.rstrip('.')}, but the download link below still holds all of it.", "warning")
        export_message.value = (
            saved + f'<p><a download="{esc(exported.filename)}" href="{href}">Download {esc(exported.filename)}</a>'
                    " to keep it on your own computer.</p>")

    export_button.on_click(on_export)

    upload = w.FileUpload(accept=".json,application/json", multiple=False, description="Import progress",
                          layout=w.Layout(width="auto"))
    upload.add_class("ankle-import")
    import_message = html_widget("", "ankle-import-message")

    def on_upload(change: dict) -> None:
        files = change["new"]
        if not files:
            return
        item = files[0]
        name = str(item.get("name", "the file"))
        try:
            store.import_bytes(bytes(item["content"]))
        except ProgressFileError as exc:
            import_message.value = notice(f"{name} was not imported: {exc}. Your saved progress is unchanged.", "error")
        except ProgressError as exc:
            import_message.value = notice(f"{name}: {exc}", "error")
        else:
            import_message.value = notice(f"Imported {name}; it was merged with what you had saved.", "ok")
            overview.value = _overview_html(store, content)
        upload.value = ()

    upload.observe(on_upload, names="value")
    panel = Panel([overview, where, w.HBox([export_button, upload]), export_message, import_message],
                  name="Your progress")
    panel.add_class("ankle-progress-panel")
    return panel


def check_setup() -> None:
    """Print a one-line health check, so a learner (or nbval) sees at once that the course is ready.

    It loads the content through the per-kernel cache, so checking costs nothing extra later."""
    from ..content import ContentError

    try:
        course()
    except ContentError as exc:
        print(f"✗ The course content has {len(exc.problems)} problem(s); ask your instructor "
              "(run: python -m ankle_course.content check).")
        return
    print("✓ The course is ready: its content was checked and your progress can be saved.")


def module_status(module_id: str, content: Course | None = None) -> HTML:
    """A short card for a module: its objectives and time, so even a placeholder page is useful."""
    content = content or course()
    m = content.modules[module_id]
    objectives = "".join(f"<li>{esc(o.text)}</li>" for o in m.objectives)
    status = "" if m.status == "ready" else "<p><em>Coming soon.</em></p>"
    return HTML(f'<div class="ankle-module-card"><p><strong>{esc(m.title)}</strong> — about {m.minutes} minutes, '
                f"{esc(TRACK_LABEL[m.track])} track.</p>{status}"
                + (f"<p>By the end you will be able to:</p><ul>{objectives}</ul>" if objectives else "") + "</div>")
