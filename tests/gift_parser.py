"""A small, strict parser for the subset of Moodle GIFT the course exports, used to check the export.

Comment lines just above a question are read for Moodle's `[id:...]` and `[tag:...]` markers with the
rules of Moodle's own reader (qformat_gift::extract_idnumber_and_tags_from_comment: the first id wins, a `]`
inside is written `\\]`, control characters end a marker; tags also refuse < > and `).

Texts are returned as Moodle would show them: a leading `[html]`/`[plain]`/`[markdown]`/`[moodle]` marker
is read as qformat_gift::parse_text_with_format does (on the prompt, each choice, the general feedback and
the left side of a pair; answers inherit the prompt's format), and HTML text is un-escaped. Answer weights
are read with Moodle's own pattern, only right after the `~`. A matching line is split at its first `->`,
as Moodle does; the right side is a plain string.

Strict: an unescaped special character where text is expected, a prompt with no format marker, a raw
< > or bare & in HTML text, an unknown answer line or an unterminated block raises GiftError, so an
escaping mistake fails the test instead of passing quietly.
"""

from __future__ import annotations

import html
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
    format: str = ""  # the prompt's format marker, which answers and feedback inherit
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


# Moodle's $giftanswerweightregex, tried on the text right after a `~`.
_WEIGHT = re.compile(r"^%-*([0-9]{1,2})\.?([0-9]*)%")
_FORMAT = re.compile(r"^\[(moodle|html|plain|markdown)\]")
_ENTITY = re.compile(r"&(#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def formatted(raw: str, default: str, where: str) -> tuple[str, str]:
    """(format, text as shown) for a text Moodle formats: GIFT escapes undone, then a leading marker read
    (an unknown one is left in the text, as Moodle does), then HTML entities decoded."""
    text = unescape(raw.strip(), where)
    found = _FORMAT.match(text)
    fmt = found.group(1) if found else default
    if found:
        text = text[found.end():]
    text = text.strip()
    if fmt == "html":
        if "<" in text or ">" in text or "&" in _ENTITY.sub("", text):
            raise GiftError(f"{where}: raw < > or & in HTML text {text!r}")
        text = html.unescape(text)
    return fmt, text


def _weight(raw: str) -> tuple[str, str]:
    """(mark, rest) for the text after a `~`: `~%w%` if Moodle would read a weight there, else `~`."""
    found = _WEIGHT.match(raw)
    if not found:
        return "~", raw
    weight = raw[1:raw.index("%", 1)]
    float(weight)
    return f"~%{weight}%", raw[raw.index("%", 1) + 1:]


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
        if not _FORMAT.match(m.group(2)):
            raise GiftError(f"{title}: the prompt has no format marker, so Moodle would read it as HTML")
        fmt, prompt = formatted(m.group(2), "moodle", title)
        q = GiftQuestion(title, prompt, "choice", format=fmt, category=category)
        q.idnumber, q.tags = markers(comment)
        comment = ""
        body_lines = []
        for body in lines:
            body = body.strip()
            if body == "}":
                break
            body_lines.append(body)
        else:
            raise GiftError(f"{title}: block not closed with }}")
        # Moodle picks the type from the whole block: any `~` makes it multiple choice, `=` with `->` matching.
        answer_lines = [b for b in body_lines if not b.startswith("####")]
        matching = not any(b.startswith("~") for b in answer_lines) and any("->" in b for b in answer_lines)
        for body in body_lines:
            if body.startswith("####"):
                q.feedback = formatted(body[4:], fmt, title)[1]
            elif body in ("TRUE", "FALSE"):
                q.kind, q.truth = "truefalse", body == "TRUE"
            elif matching and body.startswith("="):
                if "->" not in body:
                    raise GiftError(f"{title}: matching line without -> {body!r}")
                left, right = body[1:].split("->", 1)  # Moodle splits at the first ->, with no escape for it
                q.kind = "matching"
                q.pairs.append((formatted(left, fmt, title)[1], unescape(right.strip(), title)))
            elif body.startswith("="):
                q.answers.append(("=", formatted(body[1:], fmt, title)[1]))
            elif body.startswith("~"):
                mark, rest = _weight(body[1:])
                q.answers.append((mark, formatted(rest, fmt, title)[1]))
            else:
                raise GiftError(f"{title}: unexpected answer line {body!r}")
        questions.append(q)
    return questions
