"""The one definition of an id, shared by the course content and the progress file.

Content ids become progress keys (a question id is the key of its answer, a structure id names a flashcard),
so both must obey the same pattern and the same length limit: otherwise the content check accepts an id that
the progress store later refuses to save, or saves a key its own reader then refuses.
"""

from __future__ import annotations

import re
from typing import Any

MAX_ID_LENGTH = 80
# \Z, not $: "$" also matches before a trailing newline, which would let "deltoid\n" through.
ID_PATTERN = rf"^[a-z0-9][a-z0-9_]{{0,{MAX_ID_LENGTH - 1}}}\Z"
ID_RULE = f"lower-case letters, digits and _, at most {MAX_ID_LENGTH} characters"
_ID = re.compile(ID_PATTERN)


# A flashcard's progress key is its structure's id behind this prefix, so the content check can refuse a
# structure id that would make the key too long.
CARD_PREFIX = "anatomy_"


def card_id(structure_id: str) -> str:
    """The progress key of the flashcard of a structure."""
    return CARD_PREFIX + structure_id


def is_id(value: Any) -> bool:
    """True for a string that is a valid id under the shared pattern and length limit."""
    return isinstance(value, str) and _ID.match(value) is not None
