"""The printable home programme as a file to download, for front ends with no terminal (the course app).

Where kernels can start kernels (JupyterLab, the course app, a hub, Binder), the file is made exactly as
`python -m ankle_course.handout` makes it: the handout notebook run by papermill, then turned into one
self-contained HTML page. The browser-only site has no kernels to start, so there the same page is built
from `plan_html` directly, with the handout's own print style.

The file reaches the learner as a `data:` URL on a link with a `download` attribute. That needs no server
route, so it works the same in JupyterLab, in Voilà (which serves only a short list of static file types
from the notebook folder) and in JupyterLite (whose kernel files have no URL at all); a FileLink, by
contrast, points at JupyterLab's /files/ route, which the other two do not have.
"""

from __future__ import annotations

import base64
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from . import handout
from .content import Course, course
from .environment import FrontEnd, front_end

FILE_NAME = "my-home-exercise-programme.html"
Build = Callable[..., Path]


def home_conditions(content: Course | None = None) -> list[tuple[str, str]]:
    """(label, id) for each condition a home programme may be made for without a clinician's go-ahead."""
    content = content or course()
    return [(label[:1].upper() + label[1:], ident) for ident, label in handout.CONDITIONS.items()
            if not handout.clinician_needed(ident, content)]


def make_handout(condition: str, stage: str, exercises: Sequence[str] | None = None, *,
                 front: FrontEnd | None = None, build: Build = handout.build) -> bytes:
    """The handout page as bytes; raises ValueError (with the handout's own message) for bad parameters."""
    if (front or front_end()) == "browser":
        body = handout.plan_html(condition, stage, exercises)
        page = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>My home exercise programme'
                f"</title><style>{handout.PRINT_CSS}</style></head><body>{body}</body></html>")
        return page.encode("utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        return build(condition, stage, exercises, Path(tmp) / FILE_NAME).read_bytes()


def data_url(data: bytes, mime: str = "text/html") -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
