"""The ``coursekit`` command: JSON in, JSON or documents out, for facilitators and scripts.

>>> main(["--help"]) == 0  # doctest: +ELLIPSIS
usage: coursekit ...
True
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
import warnings
from collections.abc import Sequence
from typing import IO, NoReturn

from .classify import Situation
from .errors import CourseInputError
from .loader import check

__all__ = ["main"]

_MAX_INPUT_BYTES = 5_000_000


class _UsageError(Exception):
    """A command-line usage problem, reported in one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def _parser() -> _Parser:
    parser = _Parser(
        prog="coursekit",
        description="Second Call from the command line: classify a situation, build a script, "
        "review a draft, export the plan, check the content.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.add_parser("classify", help="situation JSON on stdin -> classification JSON on stdout")
    script = commands.add_parser("script", help="script inputs JSON on stdin -> the script")
    script.add_argument("--format", choices=("text", "markdown", "html"), default="text")
    review = commands.add_parser("review", help="review a draft against the scenario's moves")
    review.add_argument("--scenario", type=int, choices=(1, 2), required=True)
    review.add_argument("file", metavar="FILE", help="the draft as a text file; - for stdin")
    export = commands.add_parser("export", help="export the journal as a plan")
    export.add_argument("--format", choices=("markdown", "html"), default="markdown")
    export.add_argument("--journal", metavar="PATH", help="journal file (default: the usual)")
    check = commands.add_parser("check", help="check the course content files; exit 2 on problems")
    check.add_argument("folder", metavar="DIR", nargs="?", help="content folder (default: the "
                       "course's own)")
    return parser


def _read_text(stream: IO[bytes]) -> str:
    data = stream.read(_MAX_INPUT_BYTES + 1)
    if len(data) > _MAX_INPUT_BYTES:
        raise CourseInputError("input", f"is larger than {_MAX_INPUT_BYTES:,} bytes")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise CourseInputError("input", "is not valid UTF-8 text") from None


def _reject_constant(name: str) -> object:
    raise CourseInputError("input", f"{name} is not allowed in JSON")


def _parse_int(digits: str) -> int:
    """Read a JSON integer; a huge one becomes a large stand-in the field check then rejects."""
    if len(digits.lstrip("-")) <= 18:
        return int(digits)
    return -(10**18) if digits.startswith("-") else 10**18


def _read_json(stream: IO[bytes]) -> object:
    text = _read_text(stream)
    if not text.strip():
        raise CourseInputError("input", "is empty; expected a JSON object")
    try:
        return json.loads(text, parse_constant=_reject_constant, parse_int=_parse_int)
    except json.JSONDecodeError as exc:
        raise CourseInputError(
            "input", f"is not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
        ) from None
    except RecursionError:
        raise CourseInputError("input", "is nested too deeply") from None
    except ValueError as exc:  # e.g. an integer too long to convert
        raise CourseInputError("input", f"has a value that cannot be read ({exc})") from None


def _check(folder: str | None, stdout: IO[str]) -> int:
    """Print every problem in a content folder, one per line; return 0 if none, else 2."""
    problems = check(folder) if folder else check()
    for problem in problems:
        stdout.write(_one_line(str(problem)) + "\n")
    where = folder or "the course's content"
    if problems:
        print(f"coursekit: {len(problems)} problem(s) in {where}", file=sys.stderr)
        return 2
    stdout.write(f"No problems found in {where}.\n")
    return 0


def _run(args: argparse.Namespace, stdin: IO[bytes], stdout: IO[str]) -> None:
    if args.command == "classify":
        from .classify import classify

        result = classify(Situation.from_mapping(_read_json(stdin)))
        stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    elif args.command == "script":
        from .script import script_from_mapping

        stdout.write(script_from_mapping(_read_json(stdin)).render(args.format).rstrip() + "\n")
    elif args.command == "review":
        from .review import review_draft

        if args.file == "-":
            text = _read_text(stdin)
        else:
            try:
                with open(args.file, "rb") as handle:
                    text = _read_text(handle)
            except OSError as exc:
                raise CourseInputError(
                    "FILE", f"cannot read {args.file!r}: {exc.strerror}"
                ) from None
        review = review_draft(text, args.scenario)
        stdout.write(json.dumps(review.to_dict(), ensure_ascii=False, indent=2) + "\n")
    elif args.command == "export":
        from .journal import Journal
        from .plan import export_plan

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # reported below as one line each
            journal = Journal(args.journal)
            page = export_plan(journal, args.format)
        stdout.write(page.rstrip() + "\n")
        for message in journal.messages:
            print(f"coursekit: {message}", file=sys.stderr)
    else:
        raise _UsageError("choose a command: classify, script, review, export or check")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status (0 ok, 2 bad input)."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
        if args.command == "check":
            return _check(args.folder, sys.stdout)
        _run(args, sys.stdin.buffer, sys.stdout)
    except SystemExit as exc:  # --help exits 0 through argparse
        return int(exc.code or 0)
    except _UsageError as exc:
        print(f"coursekit: {exc} (see coursekit --help)", file=sys.stderr)
        return 2
    except CourseInputError as exc:
        print(f"coursekit: {_one_line(str(exc))}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 1
    return 0


def _one_line(message: str) -> str:
    """Return a message as one printable line: control characters are shown escaped."""
    shown = "".join(
        ch if ch == " " or unicodedata.category(ch)[0] != "C" else f"\\x{ord(ch):02x}"
        if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"
        for ch in " ".join(message.split())
    )
    return shown[:500]
