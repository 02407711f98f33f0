"""`python -m ankle_course.content check [FOLDER]`: validate course content and say what is wrong, where."""

from __future__ import annotations

import argparse
import sys

from .loader import SHIPPED_FOLDER, check_course


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ankle_course.content", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate a content folder (the shipped one by default)")
    check.add_argument("folder", nargs="?", default=str(SHIPPED_FOLDER))
    args = parser.parse_args(argv)

    course, problems = check_course(args.folder)
    if problems:
        print(f"{args.folder}: {len(problems)} problem(s) found", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"{args.folder}: content is valid ({course.summary()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
