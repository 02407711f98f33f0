"""The anatomy module's views: explorer, tunnel cross-section, motions, flashcards and the drill.

Each view is a small class holding its controls and its current figure (so tests can drive it as a
learner would) and exposing `.widget`; the notebook calls the one-line functions at the bottom.
Figures are redrawn into an Output widget by setting its outputs, never by capturing with `with out:`:
a capture that is open while a cell runs makes nbclient-based runners (nbconvert --execute, papermill,
Voilà) stall until the cell timeout (jupyter/nbclient#312). Every figure has a text alternative next to it.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as w
from IPython.display import HTML, display

from ..anatomy.describe import facts, figure_table, motion_rows, tunnel_table
from ..anatomy.drill import Drill
from ..anatomy.flashcards import FlashcardSession, build_deck
from ..anatomy.layers import LAYERS
from ..content import Course, course
from ..figures import PlotlyFigure, show
from ..figures.anatomy import anatomy_figure, motion_figure, tunnel_section_figure
from ..figures.biomechanics import WINDLASS_ALT, windlass_figure, windlass_rows
from ..figures.quiz_identify import without_answer
from ..markup import sources
from ..progress import ProgressError, ProgressStore
from .common import Panel, esc, html_widget, notice, table
from .diagnosis_common import show_figure

NO_HIGHLIGHT = "(none)"
FIGURE_ALT = "A drawing; the text description beside it lists what it shows."


def _sources(content: Course, ref_ids: tuple[str, ...]) -> str:
    return sources(ref_ids, content)


def structure_panel(content: Course, structure_id: str | None) -> str:
    """What the explorer says about the highlighted structure: the keyboard-friendly twin of hovering."""
    if not structure_id:
        return notice("Pick a structure in “Highlight” (or hover over the drawing) to read about it.", "info")
    s = content.structures[structure_id]
    rows = "".join(f"<dt><strong>{esc(h)}</strong></dt><dd>{esc(t)}</dd>" for h, t in facts(s))
    return f'<div role="status"><h4 style="margin:4px 0">▶ {esc(s.name)}</h4><dl>{rows}</dl>{_sources(content, s.refs)}</div>'


def _describe(caption: str, header: tuple[str, ...], rows: list) -> w.Accordion:
    body = html_widget(table(header, rows, caption), "ankle-figure-description")
    box = w.Accordion(children=[body], titles=("Text description of the figure",))
    return box


class AnatomyExplorer:
    """Layers on and off, one structure highlighted by name, and a panel that describes it."""

    def __init__(self, content: Course | None = None):
        self.content = content or course()
        self.layer_boxes = {}
        for ident, (label, _) in LAYERS.items():
            box = w.Checkbox(value=True, description=label, indent=False, layout=w.Layout(width="auto"))
            box.add_class(f"ankle-layer-{ident}")
            self.layer_boxes[ident] = box
        names = sorted((s.name, s.id) for s in self.content.structures.values())
        self.highlight = w.Dropdown(options=[(NO_HIGHLIGHT, "")] + names, value="", description="Highlight:",
                                    layout=w.Layout(width="420px"))
        self.highlight.add_class("ankle-explorer-highlight")
        self.labels = w.Checkbox(value=True, description="Show names on the drawing", indent=False)
        self.output = w.Output()
        self.panel = html_widget("", "ankle-explorer-info")
        self.description = html_widget("", "ankle-figure-description")
        self.figure: PlotlyFigure | None = None
        for control in (*self.layer_boxes.values(), self.highlight, self.labels):
            control.observe(self._redraw, names="value")
        describe = w.Accordion(children=[self.description], titles=("Text description of the figure",))
        self.widget = Panel([
            html_widget("<strong>Show layers:</strong>"), w.HBox(list(self.layer_boxes.values())),
            w.HBox([self.highlight, self.labels]), self.output, self.panel, describe], name="Anatomy explorer")
        self.widget.add_class("ankle-anatomy-explorer")
        self._redraw()

    @property
    def layers(self) -> tuple[str, ...]:
        return tuple(i for i, box in self.layer_boxes.items() if box.value)

    def _redraw(self, _: dict | None = None) -> None:
        highlight = self.highlight.value or None
        if highlight and not any(self.content.structures[highlight].kind in LAYERS[layer][1] for layer in self.layers):
            self.panel.value = notice("That structure is in a layer that is switched off; tick its layer to see it.",
                                      "warning") + structure_panel(self.content, highlight)
        else:
            self.panel.value = structure_panel(self.content, highlight)
        self.figure = anatomy_figure("medial", layers=self.layers, highlight=highlight, labels=self.labels.value,
                                     content=self.content)
        rows = figure_table(self.content, "medial", self.layers)
        self.description.value = table(("Structure", "Layer", "What it is"), rows,
                                       "What the drawing shows, deepest first") if rows else \
            notice("No layers are switched on, so the drawing is empty.", "info")
        show_figure(self.output, self.figure, FIGURE_ALT)


class MotionViewer:
    """The four ankle motions: pick one, play it, and read which joint and muscles make it."""

    def __init__(self, content: Course | None = None):
        self.content = content or course()
        options = [(m.name, m.id) for m in self.content.motions.values()]
        self.choice = w.ToggleButtons(options=options, description="Motion:")
        self.choice.add_class("ankle-motion-choice")
        self.output = w.Output()
        self.info = html_widget("", "ankle-motion-info")
        self.figure: PlotlyFigure | None = None
        self.choice.observe(self._redraw, names="value")
        self.widget = Panel([self.choice, self.info, self.output], name="Ankle motions")
        self.widget.add_class("ankle-motions")
        self._redraw()

    def _redraw(self, _: dict | None = None) -> None:
        motion = self.content.motions[self.choice.value]
        self.info.value = table(("About this motion", "Details"), motion_rows(self.content, motion), motion.name) + \
            _sources(self.content, motion.refs)
        self.figure = motion_figure(motion.id, content=self.content)
        show_figure(self.output, self.figure, FIGURE_ALT)


class Flashcards:
    """Term on the front, meaning on the back; "I know this" is saved in the progress store."""

    def __init__(self, content: Course | None = None, store: ProgressStore | None = None, seed: int = 1):
        self.content = content or course()
        self.store = store or ProgressStore()
        self.message = html_widget("", "ankle-flashcard-message")
        known: list[str] = []
        try:
            known = self.store.load()["flashcards_known"]
        except ProgressError as exc:
            self.message.value = notice(str(exc), "warning")
        self.session = FlashcardSession(build_deck(self.content), known)
        self.session.shuffle(seed)
        self.face = html_widget("", "ankle-flashcard-face")
        self.status = html_widget("", "ankle-flashcard-status")
        self.flip_button = w.Button(description="Flip", tooltip="Show the other side of the card")
        self.previous_button = w.Button(description="Previous")
        self.next_button = w.Button(description="Next")
        self.shuffle_button = w.Button(description="Shuffle")
        self.known_box = w.Checkbox(value=False, description="I know this", indent=False)
        self.known_box.add_class("ankle-flashcard-known")
        self.seed = seed
        self.flip_button.on_click(lambda _: self._act(self.session.flip))
        self.next_button.on_click(lambda _: self._act(self.session.next))
        self.previous_button.on_click(lambda _: self._act(self.session.previous))
        self.shuffle_button.on_click(lambda _: self._shuffle())
        self.known_box.observe(self._mark_known, names="value")
        buttons = w.HBox([self.previous_button, self.flip_button, self.next_button, self.shuffle_button,
                          self.known_box])
        self.widget = Panel([self.face, buttons, self.status, self.message], name="Flashcards")
        self.widget.add_class("ankle-flashcards")
        self._show()

    def _act(self, action: Callable[[], object]) -> None:
        action()
        self._show()

    def _shuffle(self) -> None:
        self.seed += 1
        self.session.shuffle(self.seed)
        self._show()

    def _show(self) -> None:
        side = "Meaning" if self.session.showing_back else "Term"
        self.face.value = (f'<div aria-live="polite" style="border:2px solid #333;border-radius:8px;padding:16px;'
                           f'min-height:90px;max-width:640px;font-size:1.15em"><div style="font-size:0.8em">'
                           f"{side}{' — ✓ you know this' if self.session.is_known else ''}</div>"
                           f"{esc(self.session.face)}</div>")
        self.status.value = f"<p>{esc(self.session.status())}</p>"
        self._syncing = True
        self.known_box.value = self.session.is_known
        self._syncing = False

    def _mark_known(self, change: dict) -> None:
        if getattr(self, "_syncing", False):
            return
        self.session.set_known(change["new"])
        card, known = self.session.current.id, change["new"]

        try:
            self.store.set_flashcard_known(card, known)
        except ProgressError as exc:
            self.message.value = notice(str(exc), "error")
        else:
            self.message.value = notice("Saved: you know this card." if known else "Saved: card back in your pile.",
                                        "ok")
        self._show()


class NameThatStructure:
    """The drill: one structure highlighted on the unlabelled drawing; choose its name; see ✓ or ✗."""

    def __init__(self, content: Course | None = None, seed: int = 7):
        self.content = content or course()
        self.drill = Drill(self.content, seed=seed)
        self.output = w.Output()
        self.choices = w.RadioButtons(options=[], description="It is the:", layout=w.Layout(width="auto"))
        self.choices.add_class("ankle-drill-choices")
        self.check_button = w.Button(description="Check")
        self.next_button = w.Button(description="Next structure")
        self.feedback = html_widget("", "ankle-drill-feedback")
        self.score = html_widget("", "ankle-drill-score")
        self.figure: PlotlyFigure | None = None
        self.check_button.on_click(lambda _: self.check())
        self.next_button.on_click(lambda _: self.next())
        question = html_widget("<p>Which structure has the thick black outline? (Everything else is faded.)</p>")
        self.widget = Panel([question, self.output, self.choices, w.HBox([self.check_button, self.next_button]),
                             self.feedback, self.score], name="Name that structure")
        self.widget.add_class("ankle-drill")
        self._show_question()

    def _show_question(self) -> None:
        q = self.drill.question
        self.choices.options = [(self.drill.name(i), i) for i in q.choices]
        self.choices.value = None
        self.feedback.value = ""
        self.score.value = f"<p>{esc(self.drill.score())}</p>"
        self.figure = anatomy_figure("medial", highlight=q.structure, labels=False, content=self.content,
                                     height=520)
        self.figure["layout"]["title"] = dict(text="Name that structure<br><sup>Toes to the left, heel to the "
                                                   "right: the inside of a right foot.</sup>", x=0.02)
        without_answer(self.figure)  # hovering (or reading the page) would give the answer away
        show_figure(self.output, self.figure, FIGURE_ALT)

    def check(self) -> None:
        if self.choices.value is None:
            self.feedback.value = notice("Choose a name first, then press Check.", "warning")
            return
        result = self.drill.answer(self.choices.value)
        kind = "ok" if result.correct else "error"
        self.feedback.value = notice(result.message, kind)  # notice() adds the ✓ / ✗ symbol
        self.score.value = f"<p>{esc(self.drill.score())}</p>"

    def next(self) -> None:
        self.drill.next()
        self._show_question()


class TunnelSection:
    def __init__(self, content: Course | None = None):
        self.content = content or course()
        self.figure = tunnel_section_figure(self.content)
        self.output = w.Output()
        show_figure(self.output, self.figure, FIGURE_ALT)
        rows = tunnel_table(self.content)
        describe = w.Accordion(children=[html_widget(table(("#", "Memory word", "Structure", "What it does"), rows,
                                                           "Tarsal tunnel contents, front to back"))],
                               titles=("Text description of the figure",))
        describe.selected_index = 0
        self.widget = Panel([self.output, describe], name="Tarsal tunnel cross-section")
        self.widget.add_class("ankle-tunnel-section")


def explorer() -> w.VBox:
    return AnatomyExplorer().widget


def tunnel_section() -> w.VBox:
    return TunnelSection().widget


def motions() -> w.VBox:
    return MotionViewer().widget


def flashcards() -> w.VBox:
    return Flashcards().widget


def name_that_structure() -> w.VBox:
    return NameThatStructure().widget


def windlass() -> None:
    """The windlass figure (PT layer of module 1) with its numbers as a table beside it."""
    show(windlass_figure(), WINDLASS_ALT)
    display(HTML('<div class="ankle-windlass-table">' + table(
        ("Big toe bent up", "Fascia shorter by", "Arch height (model)"), windlass_rows(),
        "The windlass model as a table (the same numbers as the figure)") + "</div>"))
