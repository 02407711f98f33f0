"""Export the question bank for a learning-management system.

    python -m ankle_course.quiz export --format gift --out ankle-quiz.gift.txt   # Moodle: Import > GIFT
    python -m ankle_course.quiz export --format qti  --out ankle-quiz-qti.zip    # Canvas: Import > QTI .zip
    ... [--module anatomy] [--audience learner]

Needs nothing beyond the course's own dependencies (the QTI file is written with the standard library).
GIFT: one category per module, each question tagged module/objective/audience/difficulty with Moodle's
[id:...] and [tag:...] markers. QTI: one Canvas question bank per module plus a practice quiz (unlimited
attempts, answers shuffled); each explanation is shown after an answer.
"""

from __future__ import annotations

import argparse
import sys

from ..cli import OneLineParser, fail, parse
from ..content import ContentError, load_course
from ..content.records import TRACKS
from ..outpath import OutputPathError, check_output_path, write_output
from .gift import to_gift
from .qti import to_qti_zip


def main(argv: list[str] | None = None) -> int:
    parser = OneLineParser(prog="python -m ankle_course.quiz", description=__doc__,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    export = sub.add_parser("export", help="write the question bank as Moodle GIFT or Canvas QTI 1.2")
    export.add_argument("--format", required=True, choices=("gift", "qti"))
    export.add_argument("--out", required=True, help="file to write")
    export.add_argument("--module", help="only this module's questions (e.g. anatomy)")
    export.add_argument("--audience", choices=TRACKS, help="only this audience's questions")
    export.add_argument("--content", help="content folder (default: the shipped one)")
    args = parse(parser, argv)
    if isinstance(args, int):
        return args

    try:
        out = check_output_path(args.out)
    except OutputPathError as exc:
        return fail(exc)
    try:
        content = load_course(args.content)
    except ContentError as exc:
        return fail(f"the course content has {len(exc.problems)} problem(s); run: python -m ankle_course.content "
                    f"check {args.content or ''}".rstrip())
    if args.module and args.module not in content.modules:
        return fail(f"argument --module: unknown module {args.module!r}; expected one of: {', '.join(content.modules)}")
    questions = [q for q in content.questions.values()
                 if (not args.module or q.module == args.module) and (not args.audience or q.audience == args.audience)]
    if args.format == "gift":
        text, notes = to_gift(questions)
        data = text.encode("utf-8")
    else:
        data, notes = to_qti_zip(questions, {m.id: m.title for m in content.modules.values()})
    try:
        write_output(out, data)
    except OutputPathError as exc:
        return fail(exc)
    print(f"Wrote {len(questions)} questions to {out} ({args.format.upper()}).")
    for note in notes:
        print(f"  note: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
