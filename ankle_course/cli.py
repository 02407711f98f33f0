"""What every `python -m ankle_course....` command shares: a bad argument or refused input is one line on
stderr and exit status 1 (BAD_INPUT), never argparse's usage dump and exit 2, never a traceback. A script
can then tell "done" (0) from "refused, and here is why" (1) without knowing which command it ran."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

BAD_INPUT = 1  # the one exit status for a bad argument, an unusable file or a refused output path


def one_line(text: object, limit: int = 500) -> str:
    """Text fit for one terminal line: control characters (a newline or terminal escape typed into an argument)
    shown as escapes, and long text cut, so that the message stays the single line the rule promises."""
    shown = "".join(c if c.isprintable() else ascii(c)[1:-1] for c in str(text))
    return shown if len(shown) <= limit else shown[:limit - 3] + "..."


def fail(message: object) -> int:
    """Print `error: message` as one line on stderr; returns BAD_INPUT for `return fail(...)` in a main()."""
    print(f"error: {one_line(message)}", file=sys.stderr)
    return BAD_INPUT


class OneLineParser(argparse.ArgumentParser):
    """argparse, except that a bad argument is one line naming the command's --help, and exit status 1.
    Sub-commands made with add_subparsers() get this class too (argparse uses the parent's class)."""

    def error(self, message: str) -> NoReturn:  # argparse's own prints the usage too and exits 2
        fail(f"{message}; run: {self.prog} --help")
        raise SystemExit(BAD_INPUT)


def parse(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> argparse.Namespace | int:
    """The parsed arguments, or the exit status to return (BAD_INPUT after the one-line error, 0 after --help),
    so that main(argv) returns a status in tests instead of raising SystemExit."""
    try:
        return parser.parse_args(argv)
    except SystemExit as exc:
        return 0 if exc.code is None else exc.code if isinstance(exc.code, int) else BAD_INPUT
