"""Canvas QTI 1.2 export: a zip Canvas imports as one question bank per module plus one quiz, written with
xml.etree.

Why no library: text2qti (the maintained PyPI option) converts its own Markdown quiz language rather
than offering an API, has no matching questions, and would add a second escaping layer (Markdown) on
top of XML; QTI 1.2 as Canvas reads it is small enough to write directly, and ElementTree escapes all
text. Matching is Canvas's matching_question; ordering becomes matching of items to positions.

What is in the zip, and why (checked against Instructure's QTIMigrationTool, the converter Canvas runs on
a QTI upload, and against what text2qti writes for the same kinds of question):

- `non_cc_assessments/bank_<module>.xml.qti`, one per module: an `<objectbank>` whose `bank_title` names
  the bank. The converter gives every item inside an objectbank a `question_bank` (QTIObjectBank /
  BankTitle in its lib/imsqtiv1.py), and only those: items of a plain assessment all land in one bank,
  which is how every question used to arrive in a single bank. Canvas writes its own banks the same way.
  QTI 1.2 allows one objectbank or one assessment per file (`questestinterop` in the IMS DTD), hence one
  file per bank.
- `ankle_course_quiz/ankle_course_quiz.xml`: the quiz, one `<section>` per module (ident = module id),
  each item pointing at its bank copy with `assessment_question_identifierref`.
- `ankle_course_quiz/assessment_meta.xml`: Canvas's quiz settings (attempts, shuffled answers, correct
  answers shown), linked from the manifest as a dependency of the quiz, as text2qti does.

Canvas banks carry no tags, so a question's objective, audience and difficulty are in its title
(`an_fdl_toes · objective tarsal_tunnel · pt_student · difficulty 2`), which Canvas shows in the bank and
the quiz editor. (Extra metadata fields would be dropped: the converter reports each as "Unmapped".)

The explanation is the item's general feedback (`itemfeedback ident="general_fb"`), and a first response
condition that always matches (`<other/>`, continue="Yes") displays it: QTI shows an itemfeedback only when
a `displayfeedback` points at it, so without the link a strict player never shows the explanation.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass

from ..content.records import Question
from .gift import ORDINALS
from .scoring import matching_options

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
CANVAS_NS = "http://canvas.instructure.com/xsd/cccv1p0"
CANVAS_TYPE = {"single": "multiple_choice_question", "identify": "multiple_choice_question",
               "true_false": "true_false_question", "multiple": "multiple_answers_question",
               "matching": "matching_question", "ordering": "matching_question"}
ASSESSMENT_ID = "ankle_course_quiz"
QUIZ_TITLE = "Inside Ankle Pain: question bank"
BANK_DIR = "non_cc_assessments"
GENERAL_FEEDBACK = "general_fb"


@dataclass(frozen=True)
class CanvasSettings:
    """The quiz settings Canvas reads from assessment_meta.xml. The defaults suit practice: unlimited
    attempts (-1), answers shuffled (the course shuffles them too), right answers shown afterwards."""

    allowed_attempts: int = -1
    shuffle_answers: bool = True
    show_correct_answers: bool = True
    quiz_type: str = "practice_quiz"


def bank_ident(module: str) -> str:
    return f"bank_{module}"


def quiz_item_ident(question_id: str) -> str:
    """The quiz's copy of a question; the bank's copy keeps the question id itself."""
    return f"{question_id}_quiz"


def item_title(q: Question) -> str:
    return f"{q.id} · objective {q.objective} · {q.audience} · difficulty {q.difficulty}"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, attrs)
    if text is not None:
        el.text = text
    return el


def _material(parent: ET.Element, text: str) -> None:
    _sub(_sub(parent, "material"), "mattext", text, texttype="text/plain")


def _meta(parent: ET.Element, fields: dict[str, str]) -> None:
    meta = _sub(parent, "qtimetadata")
    for label, entry in fields.items():
        field = _sub(meta, "qtimetadatafield")
        _sub(field, "fieldlabel", label)
        _sub(field, "fieldentry", entry)


def _choice_lid(pres: ET.Element, ident: str, options: list[tuple[str, str]], multiple: bool,
                label: str | None = None) -> None:
    lid = _sub(pres, "response_lid", ident=ident, rcardinality="Multiple" if multiple else "Single")
    if label is not None:
        _material(lid, label)
    render = _sub(lid, "render_choice")
    for opt_id, text in options:
        _material(_sub(render, "response_label", ident=opt_id), text)


def _pairs(q: Question) -> tuple[list[tuple[str, str]], list[str]]:
    if q.type == "matching":
        return list(q.answer.items()), matching_options(q)
    pairs = [(q.choices[item], ORDINALS[pos]) for pos, item in enumerate(q.answer)]
    return pairs, [ORDINALS[i] for i in range(len(pairs))]


def _item(parent: ET.Element, q: Question, ident: str, in_bank: bool = False) -> None:
    """One item. In a bank it is the question itself; the quiz's copy points at the bank's."""
    item = _sub(parent, "item", ident=ident, title=item_title(q))
    fields = {"question_type": CANVAS_TYPE[q.type], "points_possible": "1.0"}
    if not in_bank:
        fields["assessment_question_identifierref"] = q.id
    _meta(_sub(item, "itemmetadata"), fields)
    pres = _sub(item, "presentation")
    _material(pres, q.prompt)
    proc = _sub(item, "resprocessing")
    _sub(_sub(proc, "outcomes"), "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    # shown whatever the answer: the explanation is what the learner is meant to read next
    always = ET.SubElement(proc, "respcondition", {"continue": "Yes"})
    _sub(_sub(always, "conditionvar"), "other")
    _sub(always, "displayfeedback", feedbacktype="Response", linkrefid=GENERAL_FEEDBACK)

    def condition(adds: bool = False) -> ET.Element:
        # matching adds a share per right pair, so every condition is evaluated ("continue")
        return ET.SubElement(proc, "respcondition", {"continue": "Yes" if adds else "No"})

    if q.type in ("single", "identify", "true_false", "multiple"):
        options = [("true", "True"), ("false", "False")] if q.type == "true_false" else [
            (f"{q.id}_c{i}", c) for i, c in enumerate(q.choices)]
        _choice_lid(pres, "response1", options, multiple=q.type == "multiple")
        cond = condition()
        var = _sub(cond, "conditionvar")
        if q.type == "true_false":
            _sub(var, "varequal", "true" if q.answer else "false", respident="response1")
        elif q.type == "multiple":
            both = _sub(var, "and")
            for i in range(len(q.choices)):
                target = both if i in q.answer else _sub(both, "not")
                _sub(target, "varequal", f"{q.id}_c{i}", respident="response1")
        else:
            _sub(var, "varequal", f"{q.id}_c{q.answer}", respident="response1")
        _sub(cond, "setvar", "100", action="Set", varname="SCORE")
    else:
        pairs, rights = _pairs(q)
        options = [(f"{q.id}_r{i}", text) for i, text in enumerate(rights)]
        ident_of = {text: ident for ident, text in options}
        share = f"{100 / len(pairs):.4f}"
        for k, (left, right) in enumerate(pairs):
            _choice_lid(pres, f"response_{k}", options, multiple=False, label=left)
            cond = condition(adds=True)
            _sub(_sub(cond, "conditionvar"), "varequal", ident_of[right], respident=f"response_{k}")
            _sub(cond, "setvar", share, action="Add", varname="SCORE")
    feedback = _sub(item, "itemfeedback", ident=GENERAL_FEEDBACK)
    _material(_sub(feedback, "flow_mat"), q.explanation)


def _xml(root: ET.Element) -> bytes:
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _by_module(questions: Iterable[Question]) -> dict[str, list[Question]]:
    groups: dict[str, list[Question]] = {}
    for q in questions:
        groups.setdefault(q.module, []).append(q)
    return groups


def bank_title(module: str, module_titles: dict[str, str]) -> str:
    return f"Inside Ankle Pain: {module_titles.get(module, module)}"


def bank_xml(module: str, questions: list[Question], title: str) -> bytes:
    """One module's questions as a Canvas question bank (an IMS objectbank)."""
    root = ET.Element("questestinterop", xmlns=QTI_NS)
    bank = _sub(root, "objectbank", ident=bank_ident(module))
    _meta(bank, {"bank_title": title})
    for q in questions:
        _item(bank, q, q.id, in_bank=True)
    return _xml(root)


def assessment_xml(questions: Iterable[Question], module_titles: dict[str, str] | None = None,
                   settings: CanvasSettings = CanvasSettings(), title: str = QUIZ_TITLE) -> bytes:
    """The quiz: one section per module, in order of first appearance."""
    module_titles = module_titles or {}
    root = ET.Element("questestinterop", xmlns=QTI_NS)
    assessment = _sub(root, "assessment", ident=ASSESSMENT_ID, title=title)
    if settings.allowed_attempts > 0:  # the Common Cartridge field; Canvas reads -1 (unlimited) from assessment_meta
        _meta(assessment, {"cc_maxattempts": str(settings.allowed_attempts)})
    root_section = _sub(assessment, "section", ident="root_section")
    for module, group in _by_module(questions).items():
        section = _sub(root_section, "section", ident=module, title=module_titles.get(module, module))
        for q in group:
            _item(section, q, quiz_item_ident(q.id))
    return _xml(root)


def _bool(value: bool) -> str:
    return "true" if value else "false"


def assessment_meta_xml(points: int, settings: CanvasSettings = CanvasSettings(), title: str = QUIZ_TITLE) -> bytes:
    """Canvas's quiz settings file (the fields text2qti writes that matter to an instructor)."""
    root = ET.Element("quiz", identifier=ASSESSMENT_ID, xmlns=CANVAS_NS)
    for tag, value in (("title", title), ("shuffle_answers", _bool(settings.shuffle_answers)),
                       ("scoring_policy", "keep_highest"), ("hide_results", ""),
                       ("quiz_type", settings.quiz_type), ("points_possible", f"{points:.1f}"),
                       ("show_correct_answers", _bool(settings.show_correct_answers)),
                       ("allowed_attempts", str(settings.allowed_attempts)),
                       ("one_question_at_a_time", "false"), ("cant_go_back", "false"), ("available", "false")):
        _sub(root, tag, value)
    return _xml(root)


def manifest_xml(modules: Iterable[str]) -> bytes:
    root = ET.Element("manifest", identifier=f"{ASSESSMENT_ID}_manifest", xmlns=CP_NS)
    meta = _sub(root, "metadata")
    _sub(meta, "schema", "IMS Content")
    _sub(meta, "schemaversion", "1.1.3")
    _sub(root, "organizations")
    resources = _sub(root, "resources")
    resource = _sub(resources, "resource", identifier=ASSESSMENT_ID, type="imsqti_xmlv1p2")
    _sub(resource, "file", href=f"{ASSESSMENT_ID}/{ASSESSMENT_ID}.xml")
    _sub(resource, "dependency", identifierref=f"{ASSESSMENT_ID}_meta")
    kind = "associatedcontent/imscc_xmlv1p1/learning-application-resource"
    meta_href = f"{ASSESSMENT_ID}/assessment_meta.xml"
    _sub(_sub(resources, "resource", identifier=f"{ASSESSMENT_ID}_meta", type=kind, href=meta_href), "file",
         href=meta_href)
    for module in modules:
        href = f"{BANK_DIR}/{bank_ident(module)}.xml.qti"
        _sub(_sub(resources, "resource", identifier=bank_ident(module), type=kind, href=href), "file", href=href)
    return _xml(root)


def to_qti_zip(questions: Iterable[Question], module_titles: dict[str, str] | None = None,
               settings: CanvasSettings = CanvasSettings()) -> tuple[bytes, list[str]]:
    """The zip for Canvas (Settings > Import course content > QTI .zip), and notes on lossy exports."""
    questions = list(questions)
    module_titles = module_titles or {}
    groups = _by_module(questions)
    notes = [f"{q.id}: ordering exported as matching (item -> position)" for q in questions if q.type == "ordering"]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("imsmanifest.xml", manifest_xml(groups))
        archive.writestr(f"{ASSESSMENT_ID}/{ASSESSMENT_ID}.xml", assessment_xml(questions, module_titles, settings))
        archive.writestr(f"{ASSESSMENT_ID}/assessment_meta.xml", assessment_meta_xml(len(questions), settings))
        for module, group in groups.items():
            archive.writestr(f"{BANK_DIR}/{bank_ident(module)}.xml.qti",
                             bank_xml(module, group, bank_title(module, module_titles)))
    return buffer.getvalue(), notes
