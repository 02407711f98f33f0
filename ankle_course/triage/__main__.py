"""`python -m ankle_course.triage evaluate FILE.json`: score the checker on a set of clinical vignettes.

Prints top-1 and top-3 condition accuracy, exact triage, under- and over-triage, a table per gold triage
level and every miss. A vignette whose findings break the vocabulary is listed by id and counted, so one
bad case does not hide the score of the rest. Exit status: 0 when every vignette was scored; 1, with one
`error:` line on stderr (never a traceback), when some were invalid (they are listed, and the rest are
scored), when the file cannot be read as a vignette list, or for a bad argument (ankle_course.cli).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..cli import OneLineParser, fail, parse
from ..content.checker.vocabulary import CONDITIONS, TRIAGE_LEVELS, urgency
from ..content.problems import ContentError
from .engine import assess

MAX_FILE_BYTES = 20_000_000


class BadFile(Exception):
    """The file cannot be scored at all; the message is the one line the user sees."""


@dataclass
class Score:
    n: int = 0
    named: int = 0  # vignettes with a gold condition (the others are triage-only)
    top1: int = 0
    top3: int = 0
    exact: int = 0
    under: int = 0
    over: int = 0
    under_serious: int = 0
    by_level: dict[str, list[int]] = field(default_factory=lambda: {lvl: [0, 0, 0, 0] for lvl in TRIAGE_LEVELS})
    misses: list[str] = field(default_factory=list)
    invalid: list[str] = field(default_factory=list)


def read_vignettes(path: Path) -> list[Any]:
    try:
        if not path.is_file():  # a folder, a FIFO or /dev/zero: reading would fail, hang or fill memory
            raise BadFile(f"{_safe(path)}: {'is a folder' if path.is_dir() else 'is not a regular file'}, expected a JSON file"
                          if path.exists() else f"{_safe(path)}: no such file")
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            raise BadFile(f"{_safe(path)}: file is larger than {MAX_FILE_BYTES:,} bytes")
        data = json.loads(raw.decode("utf-8"))
    except OSError as exc:
        raise BadFile(f"{_safe(path)}: cannot be read ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise BadFile(f"{_safe(path)}: not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise BadFile(f"{_safe(path)}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise BadFile(f"{_safe(path)}: not usable JSON (nested far too deeply)") from None
    except ValueError as exc:  # json.loads refuses an integer of more than 4,300 digits with a plain ValueError
        reason = "a number in it has more than 4,300 digits" if "digits" in str(exc) else _safe(exc, 100)
        raise BadFile(f"{_safe(path)}: not usable JSON ({reason})") from None
    if not isinstance(data, list):
        raise BadFile(f"{_safe(path)}: expected a JSON list of vignettes, got {type(data).__name__}")
    return data


def _safe(text: object, limit: int = 200) -> str:
    """Text from a file, fit for one terminal line: control characters (a terminal escape, a newline) and
    lone surrogates (which cannot even be printed) shown as escapes, and long text cut."""
    shown = "".join(c if c.isprintable() else ascii(c)[1:-1] for c in str(text))
    return shown if len(shown) <= limit else shown[:limit - 3] + "..."


def _label(vignette: Any, index: int) -> str:
    ident = vignette.get("id") if isinstance(vignette, dict) else None
    if isinstance(ident, str) or (isinstance(ident, int) and not isinstance(ident, bool) and abs(ident) < 10 ** 12):
        return _safe(ident, 60)
    return f"#{index}"


def _gold(vignette: Any) -> tuple[str | None, str]:
    """The gold condition (None: a triage-only case) and triage, or ValueError saying what is wrong."""
    if not isinstance(vignette, dict):
        raise ValueError(f"expected a JSON object, got {type(vignette).__name__}")
    gold = vignette.get("gold")
    if not isinstance(gold, dict):
        raise ValueError("missing 'gold' object with 'condition' and 'triage'")
    condition, triage = gold.get("condition"), gold.get("triage")
    if condition is not None and (not isinstance(condition, str) or condition not in CONDITIONS):
        # a list is unhashable: the type is tested first
        raise ValueError(f"gold condition {_safe(_short_repr(condition), 80)} is not a condition id "
                         "(or null for a triage-only case)")
    if not isinstance(triage, str) or triage not in TRIAGE_LEVELS:
        raise ValueError(f"gold triage {_safe(_short_repr(triage), 80)} is not one of {', '.join(TRIAGE_LEVELS)}")
    if not isinstance(vignette.get("findings"), dict):
        raise ValueError("missing 'findings' object")
    return condition, triage


def _short_repr(value: Any) -> str:
    try:
        return repr(value)
    except (ValueError, RecursionError):  # an int too long to print, or a very deep nest
        return f"a {type(value).__name__}"


def score(vignettes: Sequence[Any]) -> Score:
    s = Score()
    for index, vignette in enumerate(vignettes, start=1):
        label = _label(vignette, index)
        try:
            gold_condition, gold_triage = _gold(vignette)
            result = assess(vignette["findings"])
        except (ValueError, RecursionError) as exc:
            s.invalid.append(f"{label}: {_safe(exc)}")
            continue
        s.n += 1
        ranked = [c for c, _ in result.differential]
        if gold_condition is not None:
            s.named += 1
            s.top1 += ranked[0] == gold_condition
            s.top3 += gold_condition in ranked[:3]
        gap = urgency(result.triage) - urgency(gold_triage)
        row = s.by_level[gold_triage]
        row[0] += 1
        if gap == 0:
            s.exact += 1
            row[1] += 1
        elif gap < 0:
            s.under += 1
            row[2] += 1
            s.under_serious += gold_triage in ("emergency", "urgent")
        else:
            s.over += 1
            row[3] += 1
        problems = []
        if gold_condition is not None and ranked[0] != gold_condition:
            rank = ranked.index(gold_condition) + 1
            problems.append(f"condition gold {gold_condition}, got {ranked[0]} (gold ranked {rank})")
        if gap:
            problems.append(f"triage gold {gold_triage}, got {result.triage} ({'UNDER' if gap < 0 else 'over'})")
        if problems:
            s.misses.append(f"{label}: " + "; ".join(problems))
    return s


def _rate(count: int, n: int) -> str:
    return f"{count}/{n} ({count / n:.1%})" if n else f"{count}/0 (n/a)"


def report(name: str, s: Score) -> str:
    serious = sum(s.by_level[level][0] for level in ("emergency", "urgent"))
    lines = [
        f"{name}: {s.n} vignette(s) scored, {len(s.invalid)} invalid",
        f"  top-1 condition     {_rate(s.top1, s.named)}",
        f"  top-3 condition     {_rate(s.top3, s.named)}",
        f"  exact triage        {_rate(s.exact, s.n)}",
        f"  under-triage        {_rate(s.under, s.n)}",
        f"    of urgent/emergency {_rate(s.under_serious, serious)}",
        f"  over-triage         {_rate(s.over, s.n)}",
        "",
        f"  {'gold triage':<12} {'n':>4} {'exact':>6} {'under':>6} {'over':>6}",
    ]
    for level in TRIAGE_LEVELS:
        n, exact, under, over = s.by_level[level]
        lines.append(f"  {level:<12} {n:>4} {exact:>6} {under:>6} {over:>6}")
    lines.append("")
    lines.append(f"Misses ({len(s.misses)}):" if s.misses else "Misses: none")
    lines += [f"  {m}" for m in s.misses]
    if s.invalid:
        lines.append(f"Invalid vignettes ({len(s.invalid)}):")
        lines += [f"  {m}" for m in s.invalid]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = OneLineParser(prog="python -m ankle_course.triage", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    evaluate = sub.add_parser("evaluate", help="score the checker on a JSON list of vignettes")
    evaluate.add_argument("file", type=Path)
    args = parse(parser, argv)
    if isinstance(args, int):
        return args
    try:
        vignettes = read_vignettes(args.file)
        result = score(vignettes)
    except BadFile as exc:
        return fail(exc)
    except ContentError as exc:  # the shipped model data itself is broken
        return fail(f"the triage model does not load: {exc.problems[0]}"
                    + (f" (and {len(exc.problems) - 1} more)" if len(exc.problems) > 1 else ""))
    print(report(_safe(args.file), result))
    if result.invalid:
        return fail(f"{len(result.invalid)} vignette(s) could not be scored; they are listed above")
    return 0


if __name__ == "__main__":
    sys.exit(main())
