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

from .classify import Situation, classify
from .errors import CourseInputError
from .interface import texts, ui
from .journal import Journal
from .loader import check
from .plan import export_plan
from .review import review_draft
from .script import script_from_mapping

_ui = texts("engines.cli")
_MAX_INPUT_BYTES = 5_000_000


class _UsageError(Exception):
    """A command-line usage problem, reported in one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def _parser() -> _Parser:
    parser = _Parser(prog="coursekit", description=ui("model.cli.about"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    named = {name: commands.add_parser(name, help=ui(f"model.cli.{name}"))
             for name in ("classify", "script", "review", "export", "check")}
    named["script"].add_argument("--format", choices=("text", "markdown", "html"), default="text")
    named["review"].add_argument("--scenario", type=int, choices=(1, 2), required=True)
    named["review"].add_argument("file", metavar="FILE", help=ui("model.cli.file"))
    named["export"].add_argument("--format", choices=("markdown", "html"), default="markdown")
    named["export"].add_argument("--journal", metavar="PATH", help=ui("model.cli.journal"))
    named["check"].add_argument("folder", metavar="DIR", nargs="?", help=ui("model.cli.folder"))
    return parser


def _read_text(stream: IO[bytes]) -> str:
    data = stream.read(_MAX_INPUT_BYTES + 1)
    if len(data) > _MAX_INPUT_BYTES:
        raise CourseInputError("input", _ui("too_big", limit=f"{_MAX_INPUT_BYTES:,}"))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise CourseInputError("input", _ui("not_utf8")) from None


def _reject_constant(name: str) -> object:
    raise CourseInputError("input", _ui("constant", name=name))


def _parse_int(digits: str) -> int:
    """Read a JSON integer; a huge one becomes a large stand-in the field check then rejects."""
    if len(digits.lstrip("-")) <= 18:
        return int(digits)
    return -(10**18) if digits.startswith("-") else 10**18


def _read_json(stream: IO[bytes]) -> object:
    text = _read_text(stream)
    if not text.strip():
        raise CourseInputError("input", _ui("empty"))
    try:
        return json.loads(text, parse_constant=_reject_constant, parse_int=_parse_int)
    except json.JSONDecodeError as exc:
        raise CourseInputError("input", _ui("bad_json", msg=exc.msg, line=exc.lineno,
                                            column=exc.colno)) from None
    except RecursionError:
        raise CourseInputError("input", _ui("deep")) from None
    except ValueError as exc:  # e.g. an integer too long to convert
        raise CourseInputError("input", _ui("unreadable", error=exc)) from None


def _read_draft(name: str, stdin: IO[bytes]) -> str:
    if name == "-":
        return _read_text(stdin)
    try:
        with open(name, "rb") as handle:
            return _read_text(handle)
    except OSError as exc:
        raise CourseInputError("FILE", _ui("no_file", name=repr(name),
                                           error=exc.strerror)) from None


def _check(folder: str | None, stdout: IO[str]) -> int:
    """Print every problem in a content folder, one per line; return 0 if none, else 2."""
    problems = check(folder) if folder else check()
    for problem in problems:
        stdout.write(_one_line(str(problem)) + "\n")
    where = folder or _ui("content")
    if problems:
        print(_ui("problems", count=len(problems), where=where), file=sys.stderr)
        return 2
    stdout.write(_ui("fine", where=where) + "\n")
    return 0


def _export(args: argparse.Namespace) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # reported as one line each
        journal = Journal(args.journal)
        page = export_plan(journal, args.format)
    for message in journal.messages:
        print(f"coursekit: {message}", file=sys.stderr)
    return page


def _run(args: argparse.Namespace, stdin: IO[bytes], stdout: IO[str]) -> int:
    if args.command == "check":
        return _check(args.folder, stdout)
    if args.command == "classify":
        result = classify(Situation.from_mapping(_read_json(stdin))).to_dict()
        output = json.dumps(result, ensure_ascii=False, indent=2)
    elif args.command == "script":
        output = script_from_mapping(_read_json(stdin)).render(args.format)
    elif args.command == "review":
        review = review_draft(_read_draft(args.file, stdin), args.scenario).to_dict()
        output = json.dumps(review, ensure_ascii=False, indent=2)
    elif args.command == "export":
        output = _export(args)
    else:
        raise _UsageError(ui("model.cli.no_command"))
    stdout.write(output.rstrip() + "\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status (0 ok, 2 bad input)."""
    try:
        return _run(_parser().parse_args(argv), sys.stdin.buffer, sys.stdout)
    except SystemExit as exc:  # --help exits 0 through argparse
        return int(exc.code or 0)
    except _UsageError as exc:
        print(_ui("usage", error=exc), file=sys.stderr)
        return 2
    except CourseInputError as exc:
        print(f"coursekit: {_one_line(str(exc))}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 1


def _shown(char: str) -> str:
    """Return a character as printed: control characters escaped (``\\x1b``, ``\\u2028``)."""
    if char == " " or unicodedata.category(char)[0] != "C":
        return char
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def _one_line(message: str) -> str:
    """Return a message as one printable line of at most 500 characters."""
    return "".join(_shown(char) for char in " ".join(message.split()))[:500]
