"""A printable home exercise programme: plan, dosage, pictures, warning signs and a log sheet.

    python -m ankle_course.handout --condition posterior_tibial_tendinopathy --stage early \\
        --exercises banded_inversion calf_raise_double --out handouts/plan.html

The handout notebook (notebooks/handouts/home_programme.ipynb) is run with papermill using these
parameters, then converted to one self-contained HTML file with nbconvert: pictures are data URIs and
there are no scripts, so it opens offline and prints cleanly. `plan_html` builds the page's content and
is what the notebook displays; it checks its parameters and explains any mistake in words.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .cli import OneLineParser, fail, parse
from .content import Course, course
from .content.checker.vocabulary import CONDITIONS
from .content.levels import ACTION, URGENT_LEVELS, badge_text
from .exercise_cards import exercise_card_html, pain_rule_html
from .figures.treatment import short_source
from .markup import esc
from .outpath import check_output_path, write_output
from .progression import rule

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "handouts" / "home_programme.ipynb"
STAGES = {"early": ("Early: starting out", 0), "later": ("Later: building up", -1)}
LOG_ROWS = 14

if TYPE_CHECKING:
    from IPython.display import HTML


def default_exercises(condition: str | None = None, content: Course | None = None) -> list[str]:
    """The default programme (programme.toml), less any exercise that exercises.toml keeps out of the default
    for this condition (the eversion stretch for tarsal tunnel trouble, a failing tibialis posterior or an
    early inner-ankle sprain). Naming an exercise explicitly still includes it."""
    content = content or course()
    return [e for e in rule(content).default_handout
            if e in content.exercises and condition not in content.exercises[e].not_by_default_for]


def parse_exercises(exercises: str | Sequence[str] | None, condition: str | None = None,
                    content: Course | None = None) -> list[str]:
    """Exercise ids from a list or a comma/space separated string; empty means the default programme."""
    if exercises is None:
        return default_exercises(condition, content)
    items = exercises.replace(",", " ").split() if isinstance(exercises, str) else list(exercises)
    return items or default_exercises(condition, content)


class NeedsClinician(ValueError):
    """A loading programme for this condition must wait for a clinician's go-ahead; the message says why."""


def clinician_needed(condition: str, content: Course) -> str | None:
    """Why a home loading programme for `condition` must wait for a clinician (conditions.toml says), or None."""
    card = content.conditions.get(condition)
    return card.needs_clinician_before_loading if card is not None else None


def check_parameters(condition: str, stage: str, exercises: Sequence[str], content: Course,
                     cleared_by_clinician: bool = False) -> None:
    """Raise ValueError naming every bad parameter and what is allowed; NeedsClinician for a programme that
    would be unsafe without a clinician's go-ahead (checked last, so a typo is reported first)."""
    problems = []
    if condition not in CONDITIONS:
        problems.append(f"unknown condition '{condition}'; choose one of: {', '.join(CONDITIONS)}")
    if stage not in STAGES:
        problems.append(f"unknown stage '{stage}'; choose one of: {', '.join(STAGES)}")
    for ident in exercises:
        if ident not in content.exercises:
            problems.append(f"unknown exercise '{ident}'; choose from: {', '.join(content.exercises)}")
    if problems:
        raise ValueError("; ".join(problems))
    reason = clinician_needed(condition, content)
    if reason and not cleared_by_clinician:
        raise NeedsClinician(f"no handout for {content.conditions[condition].name} without a clinician's go-ahead: "
                             f"{reason} Once a clinician has checked it and agreed, make it again with "
                             "--cleared-by-clinician")


def _warning_signs_html(content: Course) -> str:
    parts = []
    for level in URGENT_LEVELS:
        heading = badge_text(level)
        items = "".join(f"<li>{esc(s.sign)}</li>" for s in content.warning_signs.values() if s.action == level)
        parts.append(f"<p><strong>{heading}: {esc(ACTION[level])}</strong></p><ul>{items}</ul>")
    return "".join(parts)


def _log_sheet_html(names: Sequence[str]) -> str:
    head = "".join(f'<th scope="col" style="border:1px solid #000;padding:3px 6px">{h}</th>'
                   for h in ("Date", "Exercise", "Sets × reps done", "Pain during (0–10)", "Pain next morning (0–10)"))
    row = "".join('<td style="border:1px solid #000;padding:10px 6px">&nbsp;</td>' for _ in range(5))
    return (f'<table style="border-collapse:collapse;width:100%"><caption style="text-align:left;font-weight:bold">'
            f"Log sheet — exercises: {esc(', '.join(names))}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(f'<tr>{row}</tr>' for _ in range(LOG_ROWS))}</tbody></table>")


def plan_html(condition: str, stage: str, exercises: str | Sequence[str] | None = None,
              content: Course | None = None, cleared_by_clinician: bool = False) -> str:
    """The whole handout body as HTML (self-contained)."""
    content = content or course()
    chosen = parse_exercises(exercises, condition, content)
    check_parameters(condition, stage, chosen, content, cleared_by_clinician)
    reason = clinician_needed(condition, content)
    cleared = (f'<p class="ankle-handout-cleared" role="note" style="border:2px solid #000;padding:6px 10px">'
               f"<strong>Cleared by a clinician.</strong> A loading programme for this condition needs a "
               f"clinician's go-ahead first: {esc(reason)} This handout was made with that go-ahead. Follow your "
               "clinician's instructions wherever they differ from this sheet.</p>") if reason else ""
    stage_name, dosage_index = STAGES[stage]
    ranges = [r for r in content.recovery.values() if r.condition == condition]
    recovery = "".join(f"<li>{esc(r.label)}: typically {r.weeks_min}–{r.weeks_max} weeks back to normal activity "
                       f"(sources: {esc(short_source(content, r.refs))}). "
                       f"{esc(r.note)}</li>" for r in ranges)
    cards = "".join(exercise_card_html(e, content, dosage_index % len(content.exercises[e].dosages))
                    for e in chosen)
    names = [content.exercises[e].name for e in chosen]
    return (
        '<div class="ankle-handout">'
        f"<h1>My home exercise programme</h1>{cleared}"
        f"<p><strong>For:</strong> {esc(CONDITIONS[condition])}. <strong>Stage:</strong> {esc(stage_name)}.</p>"
        "<p><em>This plan is education, not a diagnosis. Follow your own clinician's advice where it differs.</em></p>"
        + (f"<p><strong>Typical recovery</strong> (ranges; yours may differ):</p><ul>{recovery}</ul>" if recovery else "")
        + "<h2>How to judge the dose, and how often</h2>"
        f"{pain_rule_html(content)}<p>If any part of the pain rule is broken, ease off: fewer repetitions, shorter "
        "holds, a lighter band or an easier level, not stopping altogether.</p>"
        f"<h2>Exercises</h2>{cards}"
        f'<h2>Warning signs: stop and get medical care</h2><div class="ankle-handout-warnings">'
        f"{_warning_signs_html(content)}</div>"
        f'<h2 style="break-before:page">Log sheet</h2>{_log_sheet_html(names)}'
        "</div>")


def show_plan(condition: str, stage: str, exercises: str | Sequence[str] | None = None,
              cleared_by_clinician: bool = False) -> HTML:
    """For the handout notebook: the plan, or a plain message if a parameter is wrong."""
    from IPython.display import HTML

    try:
        return HTML(plan_html(condition, stage, exercises, cleared_by_clinician=cleared_by_clinician))
    except ValueError as exc:
        return HTML(f'<p role="alert">✗ The handout could not be made: {esc(str(exc))}.</p>')


PRINT_CSS = """body{font-family:system-ui,sans-serif;max-width:52em;margin:1em auto;padding:0 1em;line-height:1.4}
img{max-width:100%}@media print{details{display:none}.ankle-exercise-card{break-inside:avoid}}"""


def build(condition: str, stage: str, exercises: Sequence[str] | None, out: Path | str,
          cleared_by_clinician: bool = False) -> Path:
    """Run the handout notebook with these parameters and write one self-contained HTML file."""
    chosen = parse_exercises(exercises, condition)
    check_parameters(condition, stage, chosen, course(), cleared_by_clinician)  # fail fast, before starting a kernel
    out = check_output_path(out)  # and the output path too, before even importing papermill
    import nbformat
    import papermill
    from nbconvert import HTMLExporter

    with tempfile.TemporaryDirectory() as tmp:
        executed = Path(tmp) / "home_programme.ipynb"
        papermill.execute_notebook(str(NOTEBOOK), str(executed), kernel_name="python3", progress_bar=False,
                                   parameters={"condition": condition, "stage": stage, "exercises": " ".join(chosen),
                                               "cleared_by_clinician": cleared_by_clinician},
                                   cwd=str(NOTEBOOK.parent))
        notebook = nbformat.read(executed, as_version=4)
    exporter = HTMLExporter(template_name="basic", exclude_input=True, exclude_markdown=True, exclude_input_prompt=True,
                            exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(notebook)
    write_output(out, (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>My home exercise programme'
                       f"</title><style>{PRINT_CSS}</style></head><body>{body}</body></html>").encode())
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = OneLineParser(prog="python -m ankle_course.handout", description=__doc__.split("\n")[0])
    parser.add_argument("--condition", default="posterior_tibial_tendinopathy", help="a condition id")
    parser.add_argument("--stage", default="early", choices=sorted(STAGES))
    parser.add_argument("--exercises", nargs="*", default=None, help="exercise ids (default: the full programme)")
    parser.add_argument("--out", default="handouts/plan.html", help="where to write the HTML")
    parser.add_argument("--cleared-by-clinician", action="store_true",
                        help="a clinician has checked the condition and agreed to a loading programme (needed for "
                             "fractures, tendon ruptures and the must-not-miss conditions; the handout says so)")
    args = parse(parser, argv)
    if isinstance(args, int):
        return args
    try:
        path = build(args.condition, args.stage, args.exercises, args.out, args.cleared_by_clinician)
    except ValueError as exc:  # bad parameters, a refusal, or an --out path that cannot be written (OutputPathError)
        return fail(exc)
    print(f"✓ Wrote {path} — open it in a browser and print it.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
