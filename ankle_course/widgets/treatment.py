"""Views for the treatment module: source lists, the recovery timeline with its table, and PEACE & LOVE."""

from __future__ import annotations

from IPython.display import HTML, display

from .. import markup
from ..content import Course, course
from ..figures import show
from ..figures.treatment import recovery_rows, recovery_timeline
from .common import table

PEACE = (
    ("P", "Protect", "Move less and avoid what makes it hurt for the first 1–3 days."),
    ("E", "Elevate", "Raise the foot above the level of the heart when you can."),
    ("A", "Avoid anti-inflammatories", "In the first days, avoid anti-inflammatory medicines, which may dampen "
                                        "healing; ice is optional, for pain only. Ask a pharmacist about pain relief."),
    ("C", "Compress", "A bandage or elastic wrap can limit swelling."),
    ("E", "Educate", "Your body heals itself; active steps beat passive treatments and early scans."),
)
LOVE = (
    ("L", "Load", "Let pain guide a gradual return to normal use and walking."),
    ("O", "Optimism", "Expecting to recover helps you recover; worry and fear slow it."),
    ("V", "Vascularisation", "Pain-free movement that raises your heart rate, such as cycling, helps healing."),
    ("E", "Exercise", "Exercises for movement, strength and balance restore the ankle."),
)


def sources(*ref_ids: str, content: Course | None = None) -> HTML:
    """The sources behind a section as numbered citations; the page's reference list gives them in full."""
    return HTML(markup.sources(ref_ids, content, "Sources for this section"))


def peace_and_love() -> HTML:
    """PEACE (first days) and LOVE (after the first days), as two tables read letter by letter."""
    peace = table(("Letter", "Means", "What you do"), PEACE, "PEACE — the first days after an injury")
    love = table(("Letter", "Means", "What you do"), LOVE, "LOVE — after the first days")
    return HTML(f'<div class="ankle-peace-love">{peace}<br/>{love}'
                f'{markup.sources(["dubois_peace_love_2020"], label="Source")}</div>')


def recovery_table(content: Course | None = None) -> HTML:
    rows = recovery_rows(content)
    return HTML('<div class="ankle-recovery-table">' + table(
        ("Situation", "Typical time back to normal activity", "What moves it", "Sources"), rows,
        "Recovery timeline as a table (the same facts as the figure)") + "</div>")


def recovery_timeline_with_table(content: Course | None = None) -> None:
    """The figure, then its text alternative, then the full sources."""
    content = content or course()
    show(recovery_timeline(content))
    display(recovery_table(content))
    ids = list(dict.fromkeys(r for rng in content.recovery.values() for r in rng.refs))
    display(sources(*ids, content=content))


EVIDENCE_ROWS = (("In whom", "applies_to"), ("Design", "design"), ("Participants", "participants"),
                 ("Outcome", "outcome"), ("Effect", "effect"), ("Limits", "limits"))


def evidence_cards(condition: str | None = None, content: Course | None = None) -> HTML:
    """The study behind each recommended treatment, one card each, in the order treatment_evidence.toml lists
    them (optionally for one condition); each card cites its source."""
    content = content or course()
    cards = [c for c in content.evidence.values() if condition is None or c.condition == condition]
    parts = []
    for card in cards:
        rows = [("Arms", "; ".join(card.arms))] + [(label, getattr(card, key)) for label, key in EVIDENCE_ROWS]
        parts.append('<div class="ankle-evidence-card" style="border:1px solid #767676;border-radius:6px;'
                     'padding:6px 10px;margin:8px 0">' + table(("Question", "What this study found"), rows, card.treatment)
                     + markup.sources(card.refs, content, label="Source") + "</div>")
    return HTML('<div class="ankle-evidence">' + "".join(parts) + "</div>")
