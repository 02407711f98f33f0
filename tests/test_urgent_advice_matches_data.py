"""Every sentence in the course that tells a learner how soon to get care for a warning sign agrees with the
warning-sign data (`warning_signs.toml`), which is the one source of that advice.

Each sign's `mentions` pattern finds the sentences that talk about it; the timing words below say which level
a sentence gives. A sentence that names a time for a sign must give that sign's level, and every time it names
must belong to a sign it mentions: "be seen today" beside an infected joint, or "now" beside a swollen calf
alone, fails. "Soon" beside a warning sign fails too: it does not say how soon.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from ankle_course.content import SHIPPED_FOLDER, course

ROOT = Path(__file__).resolve().parents[1]
CARE = r"(care|help|hospital|department|seen|see a|doctor|clinician|GP|checked|appointment|assessment|X-ray|treatment)"
TIMING = {
    "emergency": re.compile(r"ambulance|emergency department|\bA&E\b|\b(999|911|112)\b|emergency care|"
                            rf"{CARE}\W+(\w+\W+)?(right )?(now|at once|immediately|straight away)\b|"
                            r"\b(go|get|call|seek)\b[^.;]{0,40}\b(now|at once|immediately)\b|"
                            r"\btoday\b[^.;]{0,6}\bor (at once|now|immediately)\b|"
                            r"\b(now|at once)\b[^.;]{0,12}\btoday\b", re.I),
    "urgent": re.compile(rf"{CARE}[^.;]{{0,30}}\btoday\b|same[- ]day|the same day|within (a|one) (working )?day|"
                         r"within 24 hours|\b(now|at once)\b[^.;]{0,12}\btoday\b", re.I),
    "vague": re.compile(rf"{CARE}[^.;]{{0,30}}\bsoon\b", re.I),
}
# a timing word that says what is NOT needed ("she does not need an ambulance") gives no level
NEGATED = re.compile(r"\b(not|no)\b[^.;]{0,20}\b(need|needs|needed|require)\b[^.;]{0,12}(an? )?"
                     r"(ambulance|emergency)|nothing here needs an? emergency", re.I)
# sentences that use a timing word for something other than when to get care
NOT_ADVICE = re.compile(r"updates? (this|the) result at once|at once if a warning sign", re.I)


def sentences(text: str) -> Iterator[str]:
    """Sentences of a Markdown or plain text: lines wrapped inside a paragraph or list item are joined first,
    and each table row and list item stands on its own."""
    items: list[str] = []
    for line in text.split("\n"):
        bare = line.strip().lstrip("> ").strip()
        starts_item = bool(re.match(r"(\||[-*+] |\d+\. |#)", bare))
        if not bare:
            items.append("")
        elif starts_item or not items or not items[-1] or items[-1].lstrip().startswith(("|", "#")):
            items.append(bare)
        else:
            items[-1] += " " + bare
    for item in items:
        for part in re.split(r"(?<=[.!?])\s+(?=[A-Z*⛔⚠(])", item):
            if part.strip():
                yield part.strip()


def notebook_texts() -> Iterator[tuple[str, str]]:
    yield "README.md", (ROOT / "README.md").read_text(encoding="utf-8")
    for nb in sorted((ROOT / "notebooks").rglob("*.ipynb")):
        if ".ipynb_checkpoints" in nb.parts:
            continue
        for i, cell in enumerate(json.loads(nb.read_text(encoding="utf-8"))["cells"]):
            if cell["cell_type"] == "markdown":
                yield f"{nb.relative_to(ROOT)} cell {i}", "".join(cell["source"])


def data_texts() -> Iterator[tuple[str, str]]:
    def walk(where: str, value: object) -> Iterator[tuple[str, str]]:
        if isinstance(value, str):
            yield where, value
        elif isinstance(value, dict):
            ident = value.get("id", "")
            for key, item in value.items():
                if key not in ("mentions", "citation", "refs", "note", "url"):
                    yield from walk(f"{where} {ident}.{key}".strip(), item)
        elif isinstance(value, list):
            for item in value:
                yield from walk(where, item)

    for path in sorted(SHIPPED_FOLDER.rglob("*.toml")):
        if path.name == "warning_signs.toml":
            continue  # the source itself
        yield from walk(str(path.relative_to(SHIPPED_FOLDER)), tomllib.loads(path.read_text(encoding="utf-8")))


CITATION = re.compile(r"`?\[@?[a-z0-9_]+\]`?")
GENERIC = re.compile(r"\bwarning signs?\b", re.I)
BACK_REFERENCE = re.compile(r"^(all of these|these|each of these|both|either)\b", re.I)


def disagreements(where: str, text: str) -> Iterator[str]:
    """One line per sentence whose timing disagrees with the data for the signs it mentions.

    A sentence that names one time must give every sign it mentions that time (one sentence, one urgency);
    one that names several (for example "today; with breathlessness, an ambulance") must name only times that
    some sign it mentions has.
    A sentence like "All of these need a doctor today" speaks of the signs of the sentences before it."""
    signs = course().warning_signs.values()
    before: dict[str, str] = {}
    for sentence in sentences(text):
        sentence = CITATION.sub("", sentence)  # a reference id such as nice_complex_fractures_ng37 is not a word
        if NOT_ADVICE.search(sentence):
            continue
        mentioned = {s.id: s.action for s in signs if re.search(s.mentions, sentence, re.I)}
        if GENERIC.search(sentence) and not mentioned:
            said = {level for level, pattern in TIMING.items() if pattern.search(sentence)} - {"vague"}
            if len(said) == 1:
                yield (f"{where}: gives every warning sign one speed ({said.pop()}), but the data has two "
                       f"(now and today): {sentence!r}")
            continue
        if not mentioned and BACK_REFERENCE.search(sentence):
            mentioned = dict(before)
        before = mentioned or before
        if not mentioned:
            continue
        said = {level for level, pattern in TIMING.items() if pattern.search(sentence)}
        if NEGATED.search(sentence):  # "no ambulance, because the foot is warm and not out of shape"
            said.discard("emergency")
            mentioned = {k: v for k, v in mentioned.items() if v != "emergency"}
        data = ", ".join(f"{k} → {v}" for k, v in mentioned.items())
        if "vague" in said:
            yield f"{where}: says 'soon' about a warning sign ({data}): say how soon: {sentence!r}"
        timed = said - {"vague"}
        if len(timed) == 1:
            (level,) = timed
            wrong = [k for k, v in mentioned.items() if v != level]
            if wrong:
                yield f"{where}: says '{level}' but the data gives {data}: {sentence!r}"
        elif any(level not in mentioned.values() for level in timed):
            yield f"{where}: says {sorted(timed)} but the data gives {data}: {sentence!r}"


@pytest.mark.parametrize("source", ["notebooks", "content data"])
def test_every_sentence_about_a_warning_sign_gives_the_same_urgency_as_the_data(source):
    texts = notebook_texts() if source == "notebooks" else data_texts()
    problems = [p for where, text in texts for p in disagreements(where, text)]
    assert not problems, "\n".join(problems)


def test_the_scan_catches_the_disagreements_it_is_for():
    assert list(disagreements("x", "A hot joint with a fever needs to be seen today."))
    assert list(disagreements("x", "If a warning sign applies, get medical care now."))
    assert not list(disagreements("x", "If a warning sign applies, get care as it says: now or today."))
    assert list(disagreements("x", "A swollen calf alone: call an ambulance now."))
    assert list(disagreements("x", "See a doctor soon if you felt a pop."))
    assert not list(disagreements("x", "A swollen, tender calf needs to be seen today."))
    assert not list(disagreements("x", "Short of breath with a swollen leg: call an ambulance."))
    assert not list(disagreements("x", "A swollen calf needs to be seen today; if breathless, call an ambulance."))
    assert not list(disagreements("x", "No ambulance is needed: the ankle is not out of shape. Be seen today."))
    assert list(disagreements("x", "Be seen today for a swollen calf or a hot joint with fever."))
    assert list(disagreements("x", "A hot joint with fever can mean an infection. All of these need a doctor today."))
