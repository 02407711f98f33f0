"""A small, strict parser for the subset of Moodle GIFT the course exports, used to check the export.

Comment lines just above a question are read for Moodle's `[id:...]` and `[tag:...]` markers with the
rules of Moodle's own reader (qformat_gift::extract_idnumber_and_tags_from_comment: the first id wins, a `]`
inside is written `\\]`, control characters end a marker; tags also refuse < > and `).

Strict: an unescaped special character where text is expected, an unknown answer line or an
unterminated block raises GiftError, so an escaping mistake fails the test instead of passing quietly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SPECIAL = "~=#{}:\\"


class GiftError(ValueError):
    pass


@dataclass
class GiftQuestion:
    title: str
    prompt: str
    kind: str  # "choice", "truefalse", "matching"
    answers: list[tuple[str, str]] = field(default_factory=list)  # (mark, text): mark "=", "~" or "~%w%"
    pairs: list[tuple[str, str]] = field(default_factory=list)
    truth: bool | None = None
    feedback: str = ""
    category: str = ""
    idnumber: str = ""
    tags: list[str] = field(default_factory=list)


_ID_MARKER = re.compile(r"\[id:((?:\\\]|[^\]\x00-\x1f\x7f])+)\]")
_TAG_MARKER = re.compile(r"\[tag:((?:\\\]|[^\]<>`\x00-\x1f\x7f])+)\]")


def markers(comment: str) -> tuple[str, list[str]]:
    """(idnumber, tags) from the comment lines above a question, as Moodle reads them."""
    found = _ID_MARKER.search(comment)
    idnumber = found.group(1).strip().replace("\\]", "]") if found else ""
    return idnumber, [m.group(1).strip().replace("\\]", "]") for m in _TAG_MARKER.finditer(comment)]


def unescape(text: str, where: str) -> str:
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            if i + 1 >= len(text) or text[i + 1] not in SPECIAL:
                raise GiftError(f"{where}: bad escape in {text!r}")
            out.append(text[i + 1])
            i += 2
            continue
        if ch in SPECIAL:
            raise GiftError(f"{where}: unescaped {ch!r} in {text!r}")
        out.append(ch)
        i += 1
    return "".join(out)


def _split_unescaped(text: str, sep: str) -> tuple[str, str] | None:
    i = 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text.startswith(sep, i):
            return text[:i], text[i + len(sep):]
        i += 1
    return None


def parse_gift(source: str) -> list[GiftQuestion]:
    questions: list[GiftQuestion] = []
    category = ""
    comment = ""
    lines = iter(source.splitlines())
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("//"):
            comment += stripped + "\n"
            continue
        if not stripped:
            comment = ""  # Moodle reads a question's comments only from its own block of lines
            continue
        if stripped.startswith("$CATEGORY:"):
            category = stripped.split(":", 1)[1].strip()
            continue
        m = re.match(r"^::((?:\\.|[^:\\])*)::((?:\\.|[^{\\])*) \{$", stripped)
        if not m:
            raise GiftError(f"cannot parse question header {stripped!r}")
        title = unescape(m.group(1), "title")
        q = GiftQuestion(title, unescape(m.group(2), title), "choice", category=category)
        q.idnumber, q.tags = markers(comment)
        comment = ""
        for body in lines:
            body = body.strip()
            if body == "}":
                break
            if body.startswith("####"):
                q.feedback = unescape(body[4:], title)
            elif body in ("TRUE", "FALSE"):
                q.kind, q.truth = "truefalse", body == "TRUE"
            elif body.startswith("=") and _split_unescaped(body[1:], " -> ") is not None:
                left, right = _split_unescaped(body[1:], " -> ")
                q.kind = "matching"
                q.pairs.append((unescape(left, title), unescape(right, title)))
            elif body.startswith("= -> "):
                q.kind = "matching"
                q.pairs.append(("", unescape(body[5:], title)))
            elif body.startswith("="):
                q.answers.append(("=", unescape(body[1:], title)))
            elif body.startswith("~%"):
                weight, _, text = body[2:].partition("%")
                float(weight)
                q.answers.append((f"~%{weight}%", unescape(text, title)))
            elif body.startswith("~"):
                q.answers.append(("~", unescape(body[1:], title)))
            else:
                raise GiftError(f"{title}: unexpected answer line {body!r}")
        else:
            raise GiftError(f"{title}: block not closed with }}")
        questions.append(q)
    return questions
