"""The Ottawa ankle and foot rules calculator: tick the tender points, answer the four-steps questions,
see whether an ankle and/or foot X-ray is indicated and why. All logic is in `ankle_course.ottawa`."""

from __future__ import annotations

import ipywidgets as w

from ..figures.diagnosis import ottawa_diagram, ottawa_rows
from ..markup import level_colour, pt_depth_box
from ..ottawa import ACCURACY, ANKLE, EXCLUSIONS, TENDER_POINTS, ZONES, Decision, OttawaInputs, ottawa_decision
from .common import Panel, esc, html_widget, table
from .diagnosis_common import show_figure, sources_html

YES, NO = "Yes", "No"
ANKLE_YES, ANKLE_NO = "Ankle X-ray: indicated", "Ankle X-ray: not needed by the rules"
FOOT_YES, FOOT_NO = "Foot X-ray: indicated", "Foot X-ray: not needed by the rules"
EMERGENCY = ("Whatever the rules say: if the foot is cold, pale or numb, the ankle looks out of shape, or there "
             "is a wound over the injury, go to an emergency department now.")
WIDE = w.Layout(width="auto")


def _checkbox(label: str, css: str, value: bool = False) -> w.Checkbox:
    box = w.Checkbox(value=value, description=label, indent=False, layout=WIDE)
    box.add_class(css)
    return box


def _steps(question: str, css: str) -> w.ToggleButtons:
    toggle = w.ToggleButtons(options=[YES, NO], value=YES, description=question,
                             style={"description_width": "initial", "button_width": "5em"}, layout=WIDE)
    toggle.add_class(css)
    return toggle


def result_html(decision: Decision) -> str:
    """The verdict in words and symbols (never colour alone), the reasons, and what to do next."""
    lines = [f"<p style='font-size:110%'><strong>{'⚠ ' + ANKLE_YES if decision.ankle_xray else '✓ ' + ANKLE_NO}"
             f"</strong><br><strong>{'⚠ ' + FOOT_YES if decision.foot_xray else '✓ ' + FOOT_NO}</strong></p>"]
    if not decision.applies:
        items = "".join(f"<li>{esc(e)}</li>" for e in decision.exclusions)
        lines.append(f"<div role='alert' style='border-left:4px solid {level_colour('urgent')};padding:2px 10px'><strong>⚠ The "
                     f"Ottawa rules do not apply here</strong>, because:<ul>{items}</ul>They cannot rule out a "
                     "broken bone in this situation, so a clinician decides whether an X-ray is needed.</div>")
    why = "".join(f"<li>{esc(r)}</li>" for r in decision.reasons)
    lines.append(f"<p><strong>Why:</strong></p><ul>{why}</ul>")
    if decision.any_xray:
        todo = ("Be seen today, at urgent care or an emergency department, so that the ankle or foot can be "
                "X-rayed. Until then, rest it and avoid walking on it if that hurts.")
    elif decision.clinician_decides:
        todo = "See a clinician today to decide about an X-ray."
    else:
        todo = ("A broken bone is very unlikely. Home care is reasonable; see a doctor or physical therapist "
                "if it is not clearly better in one to two weeks, or sooner if walking gets harder.")
    lines.append(f"<p><strong>What to do:</strong> {esc(todo)}</p>")
    lines.append(f"<p><strong>⛔ {esc(EMERGENCY)}</strong></p>")
    return "".join(lines)


class OttawaCalculator:
    """The calculator's controls and views; `root` is the widget a notebook displays."""

    def __init__(self) -> None:
        self.points = {p.id: _checkbox(p.label, f"ankle-ottawa-point-{p.id}") for p in TENDER_POINTS.values()}
        self.zones = {z: _checkbox(label, f"ankle-ottawa-zone-{z}", value=(z == ANKLE)) for z, label in ZONES.items()}
        self.steps_immediately = _steps("Right after the injury, could you take four steps (limping counts)?",
                                        "ankle-ottawa-steps-immediately")
        self.steps_now = _steps("Now (or when examined), can you take four steps?", "ankle-ottawa-steps-now")
        self.exclusions = {e: _checkbox(label, f"ankle-ottawa-exclusion-{e}") for e, label in EXCLUSIONS.items()}
        self.diagram = w.Output(layout=w.Layout(min_width="320px", flex="1 1 420px"))
        self.diagram.add_class("ankle-ottawa-diagram")
        self.diagram_table = html_widget("", "ankle-ottawa-diagram-table")
        self.result = html_widget("", "ankle-ottawa-result")
        controls = w.VBox([
            w.HTML("<strong>1. Where does it hurt?</strong>"), *self.zones.values(),
            w.HTML("<strong>2. Which bony points are tender when pressed firmly?</strong>"), *self.points.values(),
            w.HTML("<strong>3. Walking</strong>"), self.steps_immediately, self.steps_now,
        ], layout=w.Layout(flex="1 1 320px"))
        exclusions = w.VBox([w.HTML("<strong>4. Does any of these apply?</strong> (then the rules cannot be "
                                    "used to rule out a broken bone)"), *self.exclusions.values()])
        accuracy = html_widget(
            pt_depth_box(
            f"<p>Pooled over many studies, the rules' sensitivity for ankle and midfoot fractures is "
            f"{esc(ACCURACY['sensitivity_text'])} and the negative likelihood ratio is about "
            f"{ACCURACY['lr_negative']} (95 % CI {esc(ACCURACY['lr_negative_ci'])}). In studies that applied "
            f"the ankle and foot rules together as one check, it was weaker: {ACCURACY['lr_negative_combined']} "
            f"({esc(ACCURACY['lr_negative_combined_ci'])}); the symptom checker uses this figure, because it asks "
            "about all four points at once. Specificity is low and "
            "varies between studies, so a 'yes' means 'X-ray to check', not 'broken'.</p>"
            f"{sources_html(ACCURACY['refs'])}", ": how accurate are the rules?"), "ankle-ottawa-accuracy")
        self.widget = Panel([w.HBox([self.diagram, controls], layout=w.Layout(flex_flow="row wrap")),
                           self.diagram_table, exclusions, self.result, accuracy], name="Ottawa ankle rules calculator")
        self.widget.add_class("ankle-ottawa")
        for control in (*self.points.values(), *self.zones.values(), *self.exclusions.values(),
                        self.steps_immediately, self.steps_now):
            control.observe(self._refresh, names="value")
        self._refresh()

    def inputs(self) -> OttawaInputs:
        return OttawaInputs(
            tender=frozenset(k for k, box in self.points.items() if box.value),
            pain_zones=frozenset(k for k, box in self.zones.items() if box.value),
            four_steps_immediately=self.steps_immediately.value == YES,
            four_steps_now=self.steps_now.value == YES,
            exclusions=frozenset(k for k, box in self.exclusions.items() if box.value))

    def _refresh(self, _change: object = None) -> None:
        inputs = self.inputs()
        rows = ottawa_rows(inputs.tender)
        show_figure(self.diagram, ottawa_diagram(inputs.tender),
                    "Diagram of the four Ottawa points: " + "; ".join(f"{r[0]}: {r[3]}" for r in rows))
        self.diagram_table.value = table(("Point", "Where exactly", "Zone", "Marked"), rows,
                                         "What the diagram shows")
        self.result.value = result_html(ottawa_decision(inputs))


def ottawa_calculator() -> w.VBox:
    """The calculator, ready to display in a notebook."""
    return OttawaCalculator().widget

