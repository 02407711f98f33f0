"""A structural check of QTI 1.2 files against the IMS QTI ASI 1.2.1 content models, used to check the export.

No XSD or DTD for QTI 1.2 ships in a registry package the project can install, so the element content
models below are written out from the IMS QTI ASI v1.2.1 DTD (ims_qtiasiv1p2p1.dtd) for the elements the
export uses: each is a regular expression over the sequence of child element names, in the DTD's own order
and cardinality, plus the attributes the DTD marks #REQUIRED and the enumerated values it allows. An element
the table does not know is an error, so a new element cannot slip in unchecked.

Cross-references the DTD cannot express are checked too: every `displayfeedback linkrefid` names an
`itemfeedback` of the same item, and every `varequal respident` names a response of the same item.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

# element -> content model over child names, each followed by ",", in the DTD's order and cardinality
CONTENT = {
    "questestinterop": r"(qticomment,)?(objectbank,|assessment,|((section|item),)+)",
    "objectbank": r"(qticomment,)?(qtimetadata,)*((section|item),)+",
    "assessment": r"(qticomment,)?(duration,)?(qtimetadata,)*(objectives,)*(assessmentcontrol,)*(rubric,)*"
                  r"(presentation_material,)?(outcomes_processing,)*(assessfeedback,)*(selection_ordering,)?"
                  r"(reference,)?((sectionref|section),)+",
    "section": r"(qticomment,)?(duration,)?(qtimetadata,)*(objectives,)*(sectioncontrol,)*(rubric,)*"
               r"(presentation_material,)?(outcomes_processing,)*(sectionfeedback,)*(selection_ordering,)?"
               r"(reference,)?((itemref|item|sectionref|section),)*",
    "item": r"(qticomment,)?(duration,)?(itemmetadata,)?(objectives,)*(itemcontrol,)*((itemrubric|rubric),)*"
            r"(presentation,)?(resprocessing,)*(itemfeedback,)*(reference,)?",
    "itemmetadata": r"(qtimetadata,)*",  # the qmd_* fields the DTD also allows are not used
    "qtimetadata": r"(vocabulary,)?(qtimetadatafield,)+",
    "qtimetadatafield": r"fieldlabel,fieldentry,",
    "fieldlabel": r"", "fieldentry": r"",
    "presentation": r"(qticomment,)?(flow,|((material|response_lid|response_xy|response_str|response_num|response_grp),)+)",
    "material": r"(qticomment,)?((mattext|matemtext|matimage|mataudio|matvideo|matapplet|matapplication|matref|matbreak),)+"
                r"(altmaterial,)*",
    "mattext": r"",
    "response_lid": r"((material|material_ref),)?(render_choice,|render_hotspot,|render_slider,|render_fib,)"
                    r"((material|material_ref),)?",
    "render_choice": r"((material|material_ref|response_label|flow_label),)*(response_na,)?",
    "response_label": r"((qticomment|material|material_ref|flow_mat),)*",
    "resprocessing": r"(qticomment,)?outcomes,(respcondition,)+",
    "outcomes": r"(qticomment,)?(decvar,(interpretvar,)*)+",
    "decvar": r"",
    "respcondition": r"(qticomment,)?conditionvar,(setvar,)*(displayfeedback,)*",
    "conditionvar": r"((not|and|or|unanswered|other|varequal|varlt|varlte|vargt|vargte|varsubset|varinside|"
                    r"varsubstring|durequal|durlt|durlte|durgt|durgte),)+",
    "and": r"((not|and|or|unanswered|other|varequal|varlt|varlte|vargt|vargte|varsubset|varinside|"
           r"varsubstring|durequal|durlt|durlte|durgt|durgte),)+",
    "not": r"(and|or|not|unanswered|other|varequal|varlt|varlte|vargt|vargte|varsubset|varinside|varsubstring|"
           r"durequal|durlt|durlte|durgt|durgte),",
    "other": r"", "varequal": r"", "setvar": r"", "displayfeedback": r"",
    "itemfeedback": r"((flow_mat|material|solution|hint),)+",
    "flow_mat": r"(qticomment,)?((flow_mat|material|material_ref),)+",
}
REQUIRED = {"objectbank": ("ident",), "assessment": ("ident",), "section": ("ident",), "item": ("ident",),
            "response_lid": ("ident",), "response_label": ("ident",), "itemfeedback": ("ident",),
            "varequal": ("respident",), "displayfeedback": ("linkrefid",)}
ENUMERATED = {("response_lid", "rcardinality"): ("Single", "Multiple", "Ordered"),
              ("respcondition", "continue"): ("Yes", "No"),
              ("setvar", "action"): ("Set", "Add", "Subtract", "Multiply", "Divide"),
              ("decvar", "vartype"): ("Integer", "String", "Decimal", "Scientific", "Boolean", "Enumerated", "Set"),
              ("displayfeedback", "feedbacktype"): ("Response", "Solution", "Hint")}
TEXT_ONLY = {name for name, model in CONTENT.items() if model == ""}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def structure_problems(xml: bytes) -> list[str]:
    """Every way the document breaks the QTI 1.2 content models or its own cross-references; [] if none."""
    root = ET.fromstring(xml)
    problems: list[str] = []
    if _local(root.tag) != "questestinterop":
        return [f"root element is {_local(root.tag)}, not questestinterop"]
    for el in root.iter():
        name = _local(el.tag)
        where = f"<{name} {el.get('ident') or el.get('respident') or ''}>".replace(" >", ">")
        if name not in CONTENT:
            problems.append(f"{where}: element not in the checked QTI 1.2 subset")
            continue
        children = "".join(_local(child.tag) + "," for child in el)
        if not re.fullmatch(CONTENT[name], children):
            problems.append(f"{where}: children {children or '(none)'} do not match ({CONTENT[name]})")
        if name in TEXT_ONLY and len(el):
            problems.append(f"{where}: must hold text only")
        for attr in REQUIRED.get(name, ()):
            if not el.get(attr):
                problems.append(f"{where}: required attribute {attr} missing")
        for (element, attr), allowed in ENUMERATED.items():
            if name == element and el.get(attr) is not None and el.get(attr) not in allowed:
                problems.append(f"{where}: {attr}={el.get(attr)!r} is not one of {allowed}")
    for item in root.iter():
        if _local(item.tag) != "item":
            continue
        feedback = {el.get("ident") for el in item.iter() if _local(el.tag) == "itemfeedback"}
        responses = {el.get("ident") for el in item.iter() if _local(el.tag) == "response_lid"}
        for el in item.iter():
            if _local(el.tag) == "displayfeedback" and el.get("linkrefid") not in feedback:
                problems.append(f"item {item.get('ident')}: displayfeedback links to missing {el.get('linkrefid')}")
            if _local(el.tag) == "varequal" and el.get("respident") not in responses:
                problems.append(f"item {item.get('ident')}: varequal names missing response {el.get('respident')}")
    return problems
