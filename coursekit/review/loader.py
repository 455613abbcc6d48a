"""Load the reviewer's cues from TOML content files, validating them when first loaded.

Each move has one file, ``coursekit/content/review/<move>.toml``: a ``tip`` shown when the move
is missing, some ``[family.<key>]`` tables (a name and a list of phrases that count as the same
idea) and ``[[cue]]`` tables (word families that must appear close together in one sentence;
the first family is the *anchor*). In a phrase, ``*`` at the end of a word allows any ending
(``apologi*``), ``...`` allows up to four other words, and a phrase starting ``re:`` is a
regular expression. A cue's keys:

- ``description`` (required) and ``families`` (required, keys of this file's families);
- ``window``: how many words apart the families may be (default 12);
- ``exclude``: a family whose phrases do not count as the anchor (``sorry to bother``);
- ``negatable`` (default true): a negated anchor ("I'm not sorry") does not count;
- ``not_in_mentions`` (default false): an anchor that only names the offer or the speaker
  ("the offer I backed out of") does not count;
- ``same_clause`` (default false): the families must be in the same part of the sentence;
- ``max_words``: only sentences this short count.

Beside them, ``language.toml`` holds the reading rules all moves share (see ``reading``) and
``wording.toml`` what the reviewer says about itself: its limits, the order notes of Scenario 2
and the words that describe a cue.

>>> [cue.description for cue in cues()["permission"]][:1]
['Tells them it is fair to weigh what happened in their decision.']
>>> bool(cues()["own_misstep"][0].families[0].pattern.search("i apologise"))
True
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from string import Template
from types import MappingProxyType

from ..errors import CourseInputError
from ..knowledge import knowledge
from .cues import Cue, Family, MoveCues, compile_phrase, soften

__all__ = [
    "CueFileError",
    "check_cue_folder",
    "cue_folder",
    "cues",
    "describe_cues",
    "language_words",
    "limits",
    "load_cue_folder",
    "load_softener",
    "load_wording",
    "read_toml",
    "say",
    "softener",
    "tips",
]

_CUE_KEYS = {
    "description", "families", "window", "exclude", "negatable", "not_in_mentions",
    "same_clause", "max_words",
}  # fmt: skip


class CueFileError(ValueError):
    """A problem in the reviewer's content files, each line naming the file and the key."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def cue_folder() -> Traversable:
    """Return the package's folder of reviewer content files."""
    return files("coursekit") / "content" / "review"


def read_toml(file: Traversable | Path, problems: list[str]) -> dict[str, object] | None:
    """Parse one TOML file, adding a problem (and returning None) when it cannot be read."""
    try:
        return tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        problems.append(f"{file.name}: cannot be read: {error}")
        return None


def _text(value: object, where: str, problems: list[str]) -> str:
    if not isinstance(value, str) or not value.strip():
        problems.append(f"{where}: must be non-empty text")
        return ""
    return value


def _family(
    name: str, key: str, raw: object, softener: re.Pattern[str] | None, problems: list[str]
) -> Family | None:
    where = f"{name}: family.{key}"
    if not isinstance(raw, dict):
        problems.append(f"{where}: must be a table")
        return None
    title = _text(raw.get("name"), f"{where}.name", problems)
    phrases = raw.get("phrases")
    if not isinstance(phrases, list) or not phrases:
        problems.append(f"{where}.phrases: must be a non-empty list")
        return None
    bodies: list[str] = []
    for index, phrase in enumerate(phrases):
        spot = f"{where}.phrases[{index}]"
        if not isinstance(phrase, str) or not soften(phrase, softener).strip(" .*~"):
            problems.append(f"{spot}: empty phrase (or only softening words)")
            continue
        body = compile_phrase(soften(phrase.casefold(), softener))
        try:
            if phrase.startswith("re:"):  # a plain phrase always compiles
                re.compile(body)
        except re.error as error:
            problems.append(f"{spot}: bad regular expression {phrase!r}: {error}")
            continue
        bodies.append(body)
    guards = raw.get("not_after", [])
    if not isinstance(guards, list) or not all(isinstance(g, str) and g for g in guards):
        problems.append(f"{where}.not_after: must be a list of words")
        guards = []
    extra = set(raw) - {"name", "phrases", "not_after"}
    if extra:
        problems.append(f"{where}: unknown keys {sorted(extra)}")
    if len(bodies) != len(phrases) or not title:
        return None
    bodies.sort(key=len, reverse=True)  # the longest phrase wins where two start together
    lookbehind = "".join(f"(?<!\\b{re.escape(word.casefold())} )" for word in guards)
    pattern = rf"{lookbehind}(?<!\w)(?<!\w')(?:{'|'.join(bodies)})(?!\w)"
    return Family(key, title, tuple(phrases), re.compile(pattern))


def _flag(raw: dict[str, object], key: str, default: bool, where: str, problems: list[str]) -> bool:
    value = raw.get(key, default)
    if not isinstance(value, bool):
        problems.append(f"{where}.{key}: must be true or false")
        return default
    return value


def _count(raw: dict[str, object], key: str, where: str, problems: list[str]) -> int | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        problems.append(f"{where}.{key}: must be a whole number of 1 or more")
        return None
    return value


def _cue(
    name: str, index: int, raw: object, families: Mapping[str, Family], problems: list[str]
) -> Cue | None:
    where = f"{name}: cue[{index}]"
    if not isinstance(raw, dict):
        problems.append(f"{where}: must be a table")
        return None
    extra = set(raw) - _CUE_KEYS
    if extra:
        problems.append(f"{where}: unknown keys {sorted(extra)}")
    description = _text(raw.get("description"), f"{where}.description", problems)
    keys = raw.get("families")
    if not isinstance(keys, list) or not keys:
        problems.append(f"{where}.families: must be a non-empty list of family keys")
        return None
    missing = [key for key in [*keys, raw.get("exclude")] if key and key not in families]
    for key in missing:
        problems.append(f"{where}: unknown family {key!r}")
    exclude_key = raw.get("exclude")
    cue = Cue(
        description,
        tuple(families[key] for key in keys if key in families),
        window=_count(raw, "window", where, problems) or 12,
        exclude=families.get(exclude_key) if isinstance(exclude_key, str) else None,
        negatable=_flag(raw, "negatable", True, where, problems),
        not_in_mentions=_flag(raw, "not_in_mentions", False, where, problems),
        same_clause=_flag(raw, "same_clause", False, where, problems),
        max_words=_count(raw, "max_words", where, problems),
    )
    return None if missing or not description else cue


def _move_file(
    file: Traversable | Path, softener: re.Pattern[str] | None, problems: list[str]
) -> MoveCues | None:
    name = file.name
    data = read_toml(file, problems)
    if data is None:
        return None
    move_id = data.get("move")
    if move_id not in knowledge().moves or name != f"{move_id}.toml":
        problems.append(f"{name}: move: unknown move id {move_id!r} (or not the file's name)")
        return None
    tip = _text(data.get("tip"), f"{name}: tip", problems)
    raw_families = data.get("family", {})
    if not isinstance(raw_families, dict):
        problems.append(f"{name}: family: must be tables")
        return None
    families = {
        key: family
        for key, raw in raw_families.items()
        if (family := _family(name, key, raw, softener, problems)) is not None
    }
    raw_cues = data.get("cue")
    if not isinstance(raw_cues, list) or not raw_cues:
        problems.append(f"{name}: cue: a move needs at least one [[cue]]")
        return None
    found = [_cue(name, i, raw, families, problems) for i, raw in enumerate(raw_cues)]
    kept = tuple(cue for cue in found if cue is not None)
    return MoveCues(str(move_id), tip, kept) if len(kept) == len(found) and tip else None


def language_words(data: dict[str, object], table: str, key: str,
                   problems: list[str]) -> list[str]:
    """Return the list of words at ``table.key`` of ``language.toml``, folded to lower case."""
    section = data.get(table)
    value = section.get(key) if isinstance(section, dict) else None
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(f"language.toml: {table}.{key}: must be a list of non-empty text")
        return []
    return [v.casefold() for v in value]


def load_softener(folder: Traversable | Path, problems: list[str]) -> re.Pattern[str] | None:
    """Return a pattern for the softening words in ``language.toml`` (``[hedge] words``)."""
    words = language_words(read_toml(folder / "language.toml", problems) or {}, "hedge", "words",
                           problems)
    if not words:
        return None
    ordered = sorted(words, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(compile_phrase(w) for w in ordered)})(?!\w)")


def load_wording(folder: Traversable | Path, problems: list[str]) -> dict[str, dict[str, str]]:
    """Return the tables of ``wording.toml``: what the reviewer says about itself."""
    tables: dict[str, dict[str, str]] = {}
    for name, table in (read_toml(folder / "wording.toml", problems) or {}).items():
        if not isinstance(table, dict):
            problems.append(f"wording.toml: {name}: must be a table")
            continue
        where = f"wording.toml: {name}"
        tables[name] = {key: _text(text, f"{where}.{key}", problems) for key, text in table.items()}
    return tables


def load_cue_folder(folder: Traversable | Path) -> dict[str, MoveCues]:
    """Load and validate every move's cue file in a folder; raise :class:`CueFileError`."""
    problems: list[str] = []
    softener = load_softener(folder, problems)
    load_wording(folder, problems)
    loaded: dict[str, MoveCues] = {}
    for move_id in knowledge().moves:
        file = folder / f"{move_id}.toml"
        if not file.is_file():
            problems.append(f"{move_id}.toml: missing (every move needs a cue file)")
            continue
        found = _move_file(file, softener, problems)
        if found is not None:
            loaded[move_id] = found
    for file in folder.iterdir():
        stem = file.name.removesuffix(".toml")
        if file.name.endswith(".toml") and stem not in {*knowledge().moves, "language", "wording"}:
            problems.append(f"{file.name}: move: unknown move id {stem!r}")
    if problems:
        raise CueFileError(problems)
    return loaded


def check_cue_folder(folder: Traversable | Path) -> list[str]:
    """Return every problem in a folder of cue files (empty when they are all right)."""
    try:
        load_cue_folder(folder)
    except CueFileError as error:
        return error.problems
    return []


@cache
def _package_cues() -> dict[str, MoveCues]:
    return load_cue_folder(cue_folder())


@cache
def _wording() -> dict[str, dict[str, str]]:
    problems: list[str] = []
    tables = load_wording(cue_folder(), problems)
    if problems:
        raise CueFileError(problems)
    return tables


def say(key: str, /, **fields: object) -> str:
    """Return the reviewer's text ``key`` (``table.name`` in ``wording.toml``), filled in.

    >>> say("cue.max_words", count=8)
    'Only in a sentence of 8 words or fewer.'
    """
    table, name = key.split(".")
    return Template(_wording()[table][name]).substitute(fields)


def limits() -> str:
    """Return what the reviewer cannot judge, shown beside every review."""
    return say("review.limits")


@cache
def softener() -> re.Pattern[str] | None:
    """Return the package's softening-word pattern (loaded once)."""
    return load_softener(cue_folder(), [])


def cues() -> Mapping[str, tuple[Cue, ...]]:
    """Return the cues for each move, in the order they are tried (loaded once)."""
    return MappingProxyType({key: move.cues for key, move in _package_cues().items()})


def tips() -> Mapping[str, str]:
    """Return the short suggestion shown for each move when a draft lacks it.

    >>> tips()["invite_response"].startswith("Pause and ask")
    True
    """
    return MappingProxyType({key: move.tip for key, move in _package_cues().items()})


def describe_cues(move_id: str) -> list[str]:
    """Return, in plain words, what the reviewer looks for to credit a move.

    >>> describe_cues("permission")[0].split(" Looks for")[0]
    'Tells them it is fair to weigh what happened in their decision.'
    """
    known = _package_cues()
    if not isinstance(move_id, str) or move_id not in known:
        raise CourseInputError("move_id", f"must be one of {', '.join(known)}")
    return [_explain(cue) for cue in known[move_id].cues]


def _explain(cue: Cue) -> str:
    """Return a cue in plain words with the phrases it looks for."""
    parts = [cue.description]
    for index, family in enumerate(cue.families):
        key = "cue.anchor" if index == 0 else "cue.partner" + "_same_clause" * cue.same_clause
        parts.append(say(key, family=family.name, examples=family.examples(), window=cue.window))
    parts += [say(f"cue.{flag}") for flag in ("negatable", "not_in_mentions") if getattr(cue, flag)]
    if cue.exclude is not None:
        parts.append(say("cue.exclude", family=cue.exclude.name, examples=cue.exclude.examples()))
    if cue.max_words is not None:
        parts.append(say("cue.max_words", count=cue.max_words))
    return " ".join(parts)
