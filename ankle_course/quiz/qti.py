"""Canvas QTI 1.2 export: a zip with imsmanifest.xml and one assessment, written with xml.etree.

Why no library: text2qti (the maintained PyPI option) converts its own Markdown quiz language rather
than offering an API, has no matching questions, and would add a second escaping layer (Markdown) on
top of XML; QTI 1.2 as Canvas reads it is small enough to write directly, and ElementTree escapes all
text. Matching is Canvas's matching_question; ordering becomes matching of items to positions.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from typing import Iterable

from ..content.records import Question
from .gift import ORDINALS
from .scoring import matching_options

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
CANVAS_TYPE = {"single": "multiple_choice_question", "identify": "multiple_choice_question",
               "true_false": "true_false_question", "multiple": "multiple_answers_question",
               "matching": "matching_question", "ordering": "matching_question"}
ASSESSMENT_ID = "ankle_course_quiz"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, attrs)
    if text is not None:
        el.text = text
    return el


def _material(parent: ET.Element, text: str) -> None:
    _sub(_sub(parent, "material"), "mattext", text, texttype="text/plain")


def _meta(item: ET.Element, fields: dict[str, str]) -> None:
    meta = _sub(_sub(item, "itemmetadata"), "qtimetadata")
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


def _item(section: ET.Element, q: Question) -> None:
    item = _sub(section, "item", ident=q.id, title=q.id)
    _meta(item, {"question_type": CANVAS_TYPE[q.type], "points_possible": "1.0",
                 "assessment_question_identifierref": q.id})
    pres = _sub(item, "presentation")
    _material(pres, q.prompt)
    proc = _sub(item, "resprocessing")
    _sub(_sub(proc, "outcomes"), "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")

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
    feedback = _sub(item, "itemfeedback", ident="general_fb")
    _material(_sub(feedback, "flow_mat"), q.explanation)


def assessment_xml(questions: Iterable[Question], title: str = "Inside Ankle Pain: question bank") -> bytes:
    root = ET.Element("questestinterop", xmlns=QTI_NS)
    assessment = _sub(root, "assessment", ident=ASSESSMENT_ID, title=title)
    section = _sub(assessment, "section", ident="root_section")
    for q in questions:
        _item(section, q)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def manifest_xml() -> bytes:
    root = ET.Element("manifest", identifier=f"{ASSESSMENT_ID}_manifest", xmlns=CP_NS)
    meta = _sub(root, "metadata")
    _sub(meta, "schema", "IMS Content")
    _sub(meta, "schemaversion", "1.1.3")
    _sub(root, "organizations")
    resources = _sub(root, "resources")
    resource = _sub(resources, "resource", identifier=ASSESSMENT_ID, type="imsqti_xmlv1p2")
    _sub(resource, "file", href=f"{ASSESSMENT_ID}/{ASSESSMENT_ID}.xml")
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def to_qti_zip(questions: Iterable[Question]) -> tuple[bytes, list[str]]:
    questions = list(questions)
    notes = [f"{q.id}: ordering exported as matching (item -> position)" for q in questions if q.type == "ordering"]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("imsmanifest.xml", manifest_xml())
        archive.writestr(f"{ASSESSMENT_ID}/{ASSESSMENT_ID}.xml", assessment_xml(questions))
    return buffer.getvalue(), notes
