"""An exercise card as HTML: purpose, pictures, the movement on request, steps, dosage, progression, cautions
and sources, and the pain rule. Pure (no widget library), so that the exercise page and the printable
handout show the same card.

Pictures are embedded as data URIs with alt text from exercises.toml, so a card is self-contained: it
shows in JupyterLab, in an exported HTML handout and on paper, with nothing fetched. The movement plays by
CSS alone and stays still for anyone whose device asks for reduced motion (`prefers-reduced-motion`). The
pain rule on every card comes from programme.toml through `ankle_course.progression`.
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

from .citations import CitationPage, full_list_html
from .content import Course, course
from .content.records import Exercise
from .figures.exercises import PICTURE_H, PICTURE_W, exercise_svg
from .markup import esc
from .progression import frequency_text, pain_rule_rows, progress_rule_text, rule

IMAGES = Path(__file__).resolve().parents[1] / "images"


def picture(exercise: Exercise, stage: str) -> str:
    """An <img> of the start or end position (alt text = the position in words). The committed still in images/
    if it is there; else the same picture drawn now from the body model (a package without the images folder,
    as in the browser-only site); text only for an exercise with no poses."""
    alt = exercise.start_position if stage == "start" else exercise.end_position
    alt = alt or f"{exercise.name}: {stage} position"
    path = IMAGES / f"exercise_{exercise.id}_{stage}.svg"
    if path.exists():
        svg = path.read_bytes()
    elif exercise.poses is not None:
        svg = exercise_svg(exercise, stage).encode("utf-8")
    else:
        return f"<p><em>{esc(stage.title())} position:</em> {esc(alt)}</p>"
    data = base64.b64encode(svg).decode("ascii")
    return (f'<figure style="margin:4px 12px 4px 0;display:inline-block;vertical-align:top;max-width:290px">'
            f'<img src="data:image/svg+xml;base64,{data}" alt="{esc(alt)}" width="280" height="250" '
            f'style="border:1px solid #999;max-width:100%;height:auto"/><figcaption style="font-size:0.9em"><strong>'
            f"{esc(stage.title())}:</strong> {esc(alt)}</figcaption></figure>")


PICTURES_REF = "winter_biomechanics_2009"  # the proportions the pictures' person is drawn to
DEMO_FRAMES = (0.0, 0.25, 0.5, 0.75, 1.0)  # the card's demonstration: these frames out and back, as a rep
DEMO_SECONDS = 4.0


def _data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def demo_html(exercise: Exercise) -> str:
    """The card's demonstration on request: a folded section whose frames take turns by CSS animation.

    Out to the end position, a pause there, and back, like one repetition. Under `prefers-reduced-motion:
    reduce` the frames are hidden and a sentence points to the two still pictures."""
    if exercise.poses is None:
        return ""
    order = [0, 1, 2, 3, 4, 4, 4, 3, 2, 1, 0, 0]  # slots of the cycle: which frame shows in each
    slot = 100 / len(order)
    frames = []
    for i, fraction in enumerate(DEMO_FRAMES):
        # step-end: each opacity holds until the next keyframe, so exactly one frame shows at a time
        keys = " ".join(f"{n * slot:.2f}%{{opacity:{1 if f == i else 0}}}" for n, f in enumerate(order))
        name = f"ankle-demo-{exercise.id}-{i}"
        frames.append((name, f"@keyframes {name}{{{keys} 100%{{opacity:{1 if order[-1] == i else 0}}}}}",
                       exercise_svg(exercise, fraction, desc=f"Frame {i + 1} of the movement")))
    css = "".join(k for _, k, _ in frames)
    imgs = "".join(f'<img src="{_data_uri(svg)}" alt="" width="{PICTURE_W}" height="{PICTURE_H}" '
                   f'style="position:absolute;left:0;top:0;opacity:0;animation:{name} {DEMO_SECONDS}s step-end infinite"/>'
                   for name, _, svg in frames)
    return (f'<details class="ankle-exercise-demo"><summary>▶ Show the movement</summary>'
            f"<style>{css}@media (prefers-reduced-motion: reduce){{.ankle-exercise-demo .ankle-demo-frames"
            "{display:none}.ankle-exercise-demo .ankle-demo-still-note{display:block !important}}</style>"
            f'<div class="ankle-demo-frames" role="img" aria-label="{esc(exercise.name)}: the movement, from the start '
            f'position to the end position and back" style="position:relative;width:{PICTURE_W}px;'
            f'height:{PICTURE_H}px;max-width:100%;border:1px solid #999">{imgs}</div>'
            '<p class="ankle-demo-still-note" style="display:none">Your device asks for reduced motion, so the '
            "movement is not played: the start and end pictures above show it.</p></details>")


def pain_rule_html(content: Course | None = None) -> str:
    """The pain rule as a table, with the progression rule and how often: the page's and the handout's words."""
    plan = rule(content)
    rows = "".join(f'<tr><th scope="row" style="text-align:left">{esc(what)}</th><td>✓ {esc(fine)}</td>'
                   f"<td>⬇ {esc(ease)}</td></tr>" for what, fine, ease in pain_rule_rows(plan))
    return (f'<div class="ankle-pain-rule"><table style="border-collapse:collapse"><caption style="text-align:left">'
            f'<strong>The pain rule</strong></caption><thead><tr><th scope="col">Rule</th><th scope="col">Fine'
            f'</th><th scope="col">Ease off</th></tr></thead><tbody>{rows}</tbody></table>'
            f"<p><strong>⬆ When to progress:</strong> {esc(progress_rule_text(plan))}</p>"
            f"<p><strong>How often:</strong> {esc(frequency_text(plan))}</p></div>")


def _dose_text(d: Any) -> str:
    reps = f"{d.reps} to {d.reps_max} times" if d.reps_max else None
    parts = [esc(d.label), f"hold {d.hold_s} s"]
    if reps and reps not in d.label:
        parts.append(reps)
    if d.sets > 1:
        parts.append(f"rest {d.rest_s} s between sets")
    return " — ".join(parts[:1]) + (" — " + ", ".join(parts[1:]) if len(parts) > 1 else "")


def exercise_card_html(exercise_id: str, content: Course | None = None, dosage_index: int | None = None,
                       page: CitationPage | None = None, demo: bool = False) -> str:
    """One exercise: purpose, pictures (and the movement on request), steps, dosage(s), progression and cautions.

    Its sources are numbered citations on `page`; with no page (a printed handout) they are given in full."""
    content = content or course()
    ex = content.exercises[exercise_id]
    plan = rule(content)
    steps = "".join(f"<li>{esc(s)}</li>" for s in ex.steps)
    dosages = ex.dosages if dosage_index is None else (ex.dosages[dosage_index],)
    dose = "".join(f"<li>{_dose_text(d)}</li>" for d in dosages)
    pain = (f"Pain up to about {plan.pain_during_max} out of 10 during the exercise is acceptable if by the next "
            "morning it is back to your usual level; if not, ease off.")
    cautions = "".join(f"<li>⚠ {esc(c)}</li>" for c in (*ex.cautions, pain))
    nxt = f" {progress_rule_text(plan)}" if ex.progression else ""
    progression = f"<p><strong>⬆ Next step:</strong> {esc(ex.progression)}{esc(nxt)}</p>" if ex.progression else ""
    refs = (*ex.refs, *(r for r in plan.refs if r not in ex.refs and r != "course_design"), PICTURES_REF)
    sources = page.sources(refs) if page else full_list_html(refs, content)
    return (f'<section class="ankle-exercise-card" aria-label="{esc(ex.name)}" style="border:1px solid #999;'
            f'padding:6px 12px;margin:8px 0;break-inside:avoid"><h3 style="margin-top:4px">{esc(ex.name)}</h3>'
            f"<p>{esc(ex.purpose)}</p><div>{picture(ex, 'start')}{picture(ex, 'end')}</div>"
            f"{demo_html(ex) if demo else ''}"
            f"<p><strong>Steps</strong></p><ol>{steps}</ol><p><strong>How much</strong></p><ul>{dose}</ul>"
            f"{progression}<p><strong>Take care</strong></p><ul>{cautions}</ul>{sources}</section>")
