"""Typed reading of the course's TOML content files, collecting every problem on the way.

A :class:`Table` wraps one TOML table and its key path; its getters return the value or a safe
default and record a :class:`Problem` when a field is missing or has the wrong type, so one run
reports everything wrong with a file.

>>> problems: list[Problem] = []
>>> table = Table({"id": "q1", "correct": "yes"}, "quiz.toml", "", "questions[0]", problems)
>>> table.text("id"), table.flag("correct"), table.text("prompt")
('q1', False, '')
>>> [str(p) for p in problems]  # doctest: +NORMALIZE_WHITESPACE
['quiz.toml: questions[0].correct: must be true or false, not str',
 'quiz.toml: questions[0].prompt: is missing']
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from .interface import texts

_ui = texts("loader.content")
T = TypeVar("T")

#: The folder of the course's own content files.
PACKAGE_CONTENT = Path(__file__).resolve().parent / "content"

_SEGMENT = re.compile(r"([A-Za-z0-9_-]+)(?:\[(\d+)\])?")
_TOML_LINE = re.compile(r"at line (\d+)")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the content: which file, which key, which line, and what."""

    file: str
    key: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


class ContentError(ValueError):
    """Raised when the course content has problems; ``problems`` lists every one."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        shown = "\n".join(str(problem) for problem in self.problems)
        super().__init__(_ui("broken", count=len(self.problems), problems=shown))


def read_checked(read: Callable[[Path, list[Problem]], T]) -> T:
    """Read one part of the package's content; raise ContentError if it has problems."""
    problems: list[Problem] = []
    found = read(PACKAGE_CONTENT, problems)
    if problems:
        raise ContentError(problems)
    return found


def locate(text: str, key: str) -> int | None:
    """Return the line (from 1) where a key path such as ``nodes[2].choices[0].next`` is set.

    >>> locate('a = 1\\n[[nodes]]\\nid = "x"\\n[[nodes]]\\nid = "y"\\n', "nodes[1].id")
    5
    """
    lines = text.splitlines()
    position, found, prefix = 0, None, ""
    for segment in key.split("."):
        match = _SEGMENT.fullmatch(segment)
        if match is None:
            return found
        name, index = match.groups()
        prefix = f"{prefix}.{name}" if prefix else name
        if index is None:  # ``name = ...`` or a ``[prefix]`` table: the first one from here
            pattern, wanted = rf"\s*({re.escape(name)}\s*=|\[\s*{re.escape(prefix)}\s*\])", 0
        else:  # the index-th ``[[prefix]]`` table from here
            pattern, wanted = rf"\s*\[\[\s*{re.escape(prefix)}\s*\]\]", int(index)
        hits = [n for n in range(position, len(lines)) if re.match(pattern, lines[n])]
        if len(hits) <= wanted:
            return found
        position = found = hits[wanted] + 1
    return found


def read_table(path: Path, problems: list[Problem], name: str = "") -> Table:
    """Read one TOML file as the :class:`Table` at its root (named ``name``, else its file name);
    an unreadable or malformed file is recorded as a problem and read as an empty table."""
    name, text = name or path.name, ""
    data: dict[str, Any] = {}
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(name, "", _ui("unreadable", error=exc)))
    except tomllib.TOMLDecodeError as exc:
        match = _TOML_LINE.search(str(exc))
        line = int(match.group(1)) if match else None
        problems.append(Problem(name, "", _ui("not_toml", error=exc), line))
    return Table(data, name, text, "", problems)


class Table:
    """One TOML table with typed getters that record problems instead of raising."""

    def __init__(self, data: object, file: str, text: str, key: str,
                 problems: list[Problem]) -> None:
        self.file, self.text_, self.key, self.problems = file, text, key, problems
        # A file that could not be parsed has one problem already; report nothing more in it.
        self.broken = any(p.file == file and not p.key for p in problems)
        if not isinstance(data, Mapping):
            self.problem("", _ui("not_table", kind=type(data).__name__))
            data = {}
        self.data: Mapping[str, Any] = data

    def path(self, name: str) -> str:
        """Return the key path of a field of this table."""
        return f"{self.key}.{name}" if self.key and name else self.key or name

    def problem(self, name: str, message: str) -> None:
        """Record a problem with a field of this table (or the table itself)."""
        if self.broken:
            return
        key = self.path(name)
        self.problems.append(Problem(self.file, key, message, locate(self.text_, key)))

    def only(self, allowed: Collection[str]) -> None:
        """Record a problem for each field of this table that is not ``allowed``."""
        for name in self.data:
            if name not in allowed:
                self.problem(name, _ui("field", allowed=", ".join(allowed)))

    def unique_ids(self, name: str) -> None:
        """Record each ``id`` used more than once in the array of tables ``name``."""
        ids = [str(item.get("id")) for item in self.data.get(name, []) if isinstance(item, dict)]
        for item_id in duplicates(ids):
            self.problem(name, _ui("twice", id=repr(item_id)))

    def _get(self, name: str, kind: type | tuple[type, ...], what: str, default: Any) -> Any:
        if name not in self.data:
            if default is None:
                self.problem(name, _ui("missing"))
            return default
        value = self.data[name]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
            self.problem(name, _ui("wrong_type", what=what, kind=type(value).__name__))
            return default
        return value

    def text(self, name: str, default: str | None = None) -> str:
        """Return a text field; empty text counts as missing unless a default is given."""
        value = self._get(name, str, _ui("text"), default)
        if value is None:
            return ""
        if not value.strip() and default is None:
            self.problem(name, _ui("empty"))
        return str(value)

    def number(self, name: str, default: int | None = None, least: int | None = None) -> int:
        """Return a whole-number field; below ``least`` (if given) is a problem."""
        value = self._get(name, int, _ui("number"), default)
        if value is None:
            return 0
        if least is not None and value < least:
            self.problem(name, _ui("least", least=least))
        return int(value)

    def flag(self, name: str, default: bool = False) -> bool:
        """Return a true/false field (missing means ``default``)."""
        return bool(self._get(name, bool, _ui("flag"), default))

    def texts(self, name: str, default: tuple[str, ...] | None = ()) -> tuple[str, ...]:
        """Return a list of texts."""
        value = self._get(name, list, _ui("list"), default)
        if value is None:
            return ()
        if not all(isinstance(item, str) for item in value):
            self.problem(name, _ui("texts"))
            return ()
        return tuple(value)

    def record(self, cls: type[T], **given: Any) -> T:
        """Build the dataclass ``cls`` from this table, each field not ``given`` read by its type
        (tuples of texts, flags, whole numbers or text); a field without a default is required."""
        for entry in dataclasses.fields(cls):  # type: ignore[arg-type]
            if entry.name in given or not entry.init:
                continue
            default = None if entry.default is dataclasses.MISSING else entry.default
            kind = str(entry.type)
            if kind == "bool":
                given[entry.name] = self.flag(entry.name, bool(default))
            elif kind == "int":
                given[entry.name] = self.number(entry.name, default)
            else:
                read = self.texts if kind.startswith("tuple") else self.text
                given[entry.name] = read(entry.name, default)
        return cls(**given)

    def tables(self, name: str, required: bool = True) -> list[Table]:
        """Return an array of tables (``[[name]]``) as :class:`Table` objects."""
        value = self._get(name, list, _ui("tables"), None if required else [])
        return [Table(item, self.file, self.text_, f"{self.path(name)}[{index}]", self.problems)
                for index, item in enumerate(value or [])]

    def table(self, name: str) -> Table:
        """Return a sub-table (``[name]``)."""
        found = self._get(name, dict, _ui("table"), {}) or {}
        return Table(found, self.file, self.text_, self.path(name), self.problems)


def listed(items: Sequence[object]) -> str:
    """Return items as words: ``a, b or c``.

    >>> listed(["strong", "okay", "weak"])
    'strong, okay or weak'
    """
    names = [str(item) for item in items]
    return f"{', '.join(names[:-1])} or {names[-1]}" if len(names) > 1 else "".join(names)


def duplicates(ids: Sequence[str]) -> list[str]:
    """Return the ids that occur more than once, each once, in first-seen order.

    >>> duplicates(["a", "b", "a", "a"])
    ['a']
    """
    return [item for item, count in Counter(ids).items() if count > 1]
