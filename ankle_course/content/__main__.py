"""`python -m ankle_course.content check [FOLDER]`: validate course content and say what is wrong, where."""

from __future__ import annotations

import sys

from ..cli import BAD_INPUT, OneLineParser, parse
from .loader import SHIPPED_FOLDER, check_course


def main(argv: list[str] | None = None) -> int:
    parser = OneLineParser(prog="python -m ankle_course.content", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate a content folder (the shipped one by default)")
    check.add_argument("folder", nargs="?", default=str(SHIPPED_FOLDER))
    args = parse(parser, argv)
    if isinstance(args, int):
        return args

    course, problems = check_course(args.folder)
    if course is None:
        print(f"{args.folder}: {len(problems)} problem(s) found", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return BAD_INPUT
    print(f"{args.folder}: content is valid ({course.summary()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
