"""The test-accuracy explorer: pick a test and a pre-test probability, see the post-test probability on a
Fagan nomogram and as arithmetic. Typed values that cannot work get a plain message, never a traceback."""

from __future__ import annotations

import ipywidgets as w

from ..accuracy import WHAT_IF_LR, AccuracyInputError, Example, examples, parse_lr, parse_percent, worked
from ..figures.diagnosis import fagan_nomogram, fagan_rows
from .common import Panel, esc, html_widget, notice, table
from .diagnosis_common import show_figure, sources_html

POSITIVE, NEGATIVE = "Positive", "Negative"
STEPS = (-10, -1, 1, 10)
WIDE = w.Layout(width="auto")
LR_RULE_REF = "jaeschke_users_guide_dx_1994"  # the strength bands of likelihood ratios


def _pct(p: float) -> str:
    return f"{p * 100:.3g} %" if p < 0.01 or p > 0.99 else f"{p * 100:.1f} %"


def strength(lr: float) -> str:
    """A rule of thumb (Deeks & Altman 2004): LRs above 10 or below 0.1 change probability a lot."""
    if lr >= 10 or lr <= 0.1:
        return "a large change: strong evidence"
    if lr >= 2 or lr <= 0.5:
        return "a moderate or small change"
    return "hardly any change: the test tells you little"


class FaganExplorer:
    """Controls, nomogram and worked arithmetic; `root` is what the notebook displays."""

    def __init__(self) -> None:
        self.examples = {e.id: e for e in examples()}
        self.example = w.Dropdown(options=[(e.label, e.id) for e in self.examples.values()], value="ottawa",
                                  description="Test", style={"description_width": "initial"}, layout=WIDE)
        self.example.add_class("ankle-fagan-example")
        # Step buttons instead of a slider: ipywidgets' slider handle has no accessible name (axe-core fails
        # it), while buttons and a text box work with a keyboard and a screen reader.
        self.pre_text = w.Text(value="15", description="Pre-test probability (%)", continuous_update=False,
                               style={"description_width": "initial"}, layout=w.Layout(width="260px"))
        self.pre_text.add_class("ankle-fagan-pretest")
        self.pre_steps = {}
        for step in STEPS:
            button = w.Button(description=f"{step:+d}".replace("-", "−"), layout=w.Layout(width="4em"),
                              tooltip=f"{'Raise' if step > 0 else 'Lower'} the pre-test probability by {abs(step)} points")
            button.add_class("ankle-fagan-pretest-step")
            button.on_click(lambda _b, step=step: self._step(step))
            self.pre_steps[step] = button
        self.result_choice = w.ToggleButtons(options=[POSITIVE, NEGATIVE], value=NEGATIVE, description="Test result",
                                             style={"description_width": "initial"})
        self.result_choice.add_class("ankle-fagan-result-choice")
        self.lr_pos = w.Text(description="LR+ (positive result)", continuous_update=False,
                             style={"description_width": "initial"}, layout=w.Layout(width="260px"))
        self.lr_pos.add_class("ankle-fagan-lr-positive")
        self.lr_neg = w.Text(description="LR− (negative result)", continuous_update=False,
                             style={"description_width": "initial"}, layout=w.Layout(width="260px"))
        self.lr_neg.add_class("ankle-fagan-lr-negative")
        self.message = html_widget("", "ankle-fagan-result")
        self.figure = w.Output(layout=w.Layout(min_width="320px", flex="1 1 480px"))
        self.figure.add_class("ankle-fagan-figure")
        self.figure_table = html_widget("", "ankle-fagan-table")
        self.sources = html_widget("", "ankle-fagan-sources")
        controls = w.VBox([self.example, w.HBox([self.pre_text, *self.pre_steps.values()], layout=w.Layout(flex_flow="row wrap")),
                           self.result_choice, w.HBox([self.lr_pos, self.lr_neg], layout=w.Layout(flex_flow="row wrap")),
                           self.message, self.figure_table, self.sources], layout=w.Layout(flex="1 1 360px"))
        self.widget = Panel([w.HBox([controls, self.figure], layout=w.Layout(flex_flow="row wrap"))],
                          name="Test-result explorer (Fagan nomogram)")
        self.widget.add_class("ankle-fagan")
        self._busy = False
        self.example.observe(self._on_example, names="value")
        for control in (self.pre_text, self.result_choice, self.lr_pos, self.lr_neg):
            control.observe(self._refresh, names="value")
        self._on_example()

    # ------------------------------------------------------------------------------------------ events
    @property
    def chosen(self) -> Example:
        return self.examples[self.example.value]

    def _on_example(self, _change: object = None) -> None:
        ex = self.chosen
        self._busy = True
        try:
            self.lr_pos.value = f"{ex.lr_positive if ex.lr_positive is not None else WHAT_IF_LR['positive']:g}"
            self.lr_neg.value = f"{ex.lr_negative if ex.lr_negative is not None else WHAT_IF_LR['negative']:g}"
            self.pre_text.value = f"{ex.pre_test * 100:g}"
            self.result_choice.value = POSITIVE if ex.result == "positive" else NEGATIVE
        finally:
            self._busy = False
        self._refresh()

    def _step(self, step: int) -> None:
        """Move the pre-test probability by whole points, staying within 1-99 %; a bad typed value restarts at 50."""
        try:
            current = parse_percent(self.pre_text.value, "pre-test probability") * 100
        except AccuracyInputError:
            current = 50 - step
        self.pre_text.value = f"{min(99, max(1, round(current + step))):g}"  # triggers _refresh

    # ------------------------------------------------------------------------------------------ view
    def _provenance(self, result: str, lr: float) -> str:
        ex = self.chosen
        measured = ex.lr_positive if result == "positive" else ex.lr_negative
        if measured is not None and abs(measured - lr) < 1e-12:
            return notice(f"Measured value for {ex.target}.", "ok")
        if ex.id != "custom" and measured is None and abs(WHAT_IF_LR[result] - lr) < 1e-12:
            return notice(f"What-if value, NOT a measured one: the accuracy of this test for a {result} result has "
                          f"not been well studied. Change it to see how much a test's accuracy matters.", "warning")
        return notice("Your own likelihood ratio.", "info")

    def _refresh(self, _change: object = None) -> None:
        if self._busy:
            return
        result = "positive" if self.result_choice.value == POSITIVE else "negative"
        try:
            pre = parse_percent(self.pre_text.value, "pre-test probability")
            lr = parse_lr((self.lr_pos if result == "positive" else self.lr_neg).value,
                          "LR+" if result == "positive" else "LR−")
            steps = worked(pre, lr)  # inside the try: a huge LR overflows, and that is a message too
        except AccuracyInputError as problem:
            self.message.value = notice(str(problem), "error")
            self.figure.outputs = ()
            self.figure_table.value = ""
            return
        self.message.value = (
            f"<p style='font-size:110%'><strong>{'▲' if result == 'positive' else '▼'} After a {result} result: "
            f"{_pct(steps.post_test)}</strong> (before the test: {_pct(pre)})</p>"
            f"<p>Odds before = {pre * 100:.3g} ÷ {100 - pre * 100:.3g} = {steps.pre_odds:.3g}; × LR {lr:g} = "
            f"{steps.post_odds:.3g}; probability = {steps.post_odds:.3g} ÷ (1 + {steps.post_odds:.3g}) = "
            f"{_pct(steps.post_test)}.</p><p>An LR of {lr:g} makes {esc(strength(lr))}.</p>"
            + self._provenance(result, lr))
        rows = fagan_rows(pre, lr, result)
        show_figure(self.figure, fagan_nomogram(pre, lr, result),
                    "Fagan nomogram: " + "; ".join(f"{k} {v}" for k, v in rows))
        self.figure_table.value = table(("On the nomogram", "Value"), rows, "What the nomogram shows")
        self.sources.value = (f"<p>{esc(self.chosen.note)}</p>"
                              + sources_html((*self.chosen.refs, LR_RULE_REF)))


def fagan_explorer() -> w.VBox:
    """The explorer, ready to display in a notebook."""
    return FaganExplorer().widget
