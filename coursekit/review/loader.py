"""Read and check the reviewer's cues and wording from the content files in ``review/``.

Each move has one file, ``coursekit/content/review/<move>.toml``: a ``tip`` shown when the move
is missing, some ``[family.<key>]`` tables (a name and a list of phrases that count as the same
idea) and ``[[cue]]`` tables (word families that must appear close together in one sentence;
the first family is the *anchor*). In a phrase, ``*`` at the end of a word allows any ending
(``apologi*``), ``...`` allows up to four other words, and a phrase starting ``re:`` is a
regular expression, matched against the text in lower case (write it so) and only where it
starts and ends on a whole word, as every phrase is (so it cannot begin with a look-behind that
needs a letter before it). Hedge words ("really", "so", "er") become ``~`` in every phrase, as
in the text, a ``re:`` one too: where such letters stand alone, write ``e[r]``. A cue's keys:

- ``description`` (required) and ``families`` (required, keys of this file's families);
- ``window``: how many words apart the families may be (default 12);
- ``exclude``: a family whose phrases do not count as the anchor (``sorry to bother``);
- ``negatable`` (default true): a negated anchor ("I'm not sorry") does not count;
- ``not_in_mentions`` (default false): an anchor that only names the offer or the speaker
  ("the offer I backed out of") does not count;
- ``same_clause`` (default false): the families must be in the same part of the sentence;
- ``max_words``: only sentences this short count (default 0: any length);
- ``beside``: a family that must show, not negated, in the sentence just before or just after:
  the anchor sentence refers to it ("I met the team in May. Loved every one of them.").

Beside them, ``language.toml`` holds the reading rules all moves share (see ``language``) and
``wording.toml`` what the reviewer says about itself: its limits, the order notes of Scenario 2
and the words that describe a cue.

>>> [cue.description for cue in cues()["permission"]][:1]
['Tells them it is fair to weigh what happened in their decision.']
>>> bool(cues()["own_misstep"][0].families[0].pattern.search("i apologise"))
True
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Iterable, Mapping
from functools import cache
from pathlib import Path
from string import Template
from types import MappingProxyType

from ..errors import CourseInputError
from ..fields import Problem, Table, read_checked, read_table
from ..interface import texts, ui
from ..knowledge import knowledge
from .cues import Cue, Family, MoveCues, compile_phrase, soften
from .language import language, read_language
from .weights import read_weights

__all__ = ["cues", "describe_cues", "limits", "read_review", "say", "tips"]

_ui = texts("loader.review")
_CUE_KEYS = tuple(entry.name for entry in dataclasses.fields(Cue))


def _not_empty(table: Table, name: str) -> None:
    """Record a problem if the field is an empty list: a move, cue or family needs something."""
    if table.data.get(name) == []:
        table.problem(name, ui("loader.content.empty"))


def _family(table: Table, key: str, softener: re.Pattern[str] | None, check: bool) -> Family:
    """Read one ``[family.<key>]`` table; with ``check``, also compile its pattern to check it.

    A review compiles a family only when it first needs it: the cost of a learner's first review.
    """
    table.only(("name", "phrases", "not_after"))
    phrases = table.texts("phrases", None)
    _not_empty(table, "phrases")
    bodies: dict[int, str] = {}
    for index, phrase in enumerate(phrases):
        # a pattern is kept as written: folding its case would turn \W into \w
        softened = soften(phrase if phrase.startswith("re:") else phrase.casefold(), softener)
        if not softened.strip(" .*~"):
            table.problem(f"phrases[{index}]", _ui("phrase"))
        else:
            bodies[index] = compile_phrase(softened)
    guards = "".join(f"(?<!\\b{re.escape(word.casefold())} )" for word in table.texts("not_after"))
    if check:  # each pattern phrase alone names a bad one; then the family as a whole
        for index in [i for i in bodies if phrases[i].startswith("re:")]:
            if error := _regex_error(bodies[index]):
                table.problem(f"phrases[{index}]", _ui("regex", error=error))
                del bodies[index]
    source = _join(guards, bodies.values())
    if check and (error := _regex_error(source)):  # each phrase compiles alone, not together
        table.problem("phrases", _ui("regex", error=error))
        source = "(?!)"
    return Family(key, table.text("name"), phrases, source)


@cache  # a check reads hundreds of patterns, more than ``re`` keeps; checking again is free
def _regex_error(pattern: str) -> str:
    """Return why a regular expression does not compile, or an empty string if it does."""
    try:
        re.compile(pattern)
    except re.error as error:
        return str(error)
    return ""


def _join(guards: str, bodies: Iterable[str]) -> str:
    """Return one pattern for a family's phrases, the longest tried first where two start."""
    ordered = sorted(bodies, key=len, reverse=True)
    return rf"{guards}(?<!\w)(?<!\w')(?:{'|'.join(ordered)})(?!\w)"


def _cue(table: Table, families: Mapping[str, Family]) -> Cue:
    """Read one ``[[cue]]`` table; its families are keys of the file's families."""
    table.only(_CUE_KEYS)
    keys = table.texts("families", None)
    _not_empty(table, "families")
    exclude, beside = table.text("exclude", ""), table.text("beside", "")
    for name, key in [*(("families", k) for k in keys), ("exclude", exclude), ("beside", beside)]:
        if key and key not in families:
            table.problem(name, ui("loader.content.unknown", what="family", id=repr(key)))
    return table.record(Cue, families=tuple(families[key] for key in keys if key in families),
                        exclude=families.get(exclude), beside=families.get(beside),
                        window=table.number("window", 12, least=1),
                        max_words=table.number("max_words", 0, least=0))


def _move(root: Path, move_id: str, softener: re.Pattern[str] | None,
          problems: list[Problem], check: bool) -> MoveCues:
    """Read one move's cue file, ``review/<move>.toml``."""
    name = f"review/{move_id}.toml"
    table = read_table(root / name, problems, name)
    written = table.text("move")
    if written and written != move_id:
        table.problem("move", ui("loader.content.file_name", id=repr(written), stem=repr(move_id)))
    families = table.table("family")
    found = {key: _family(families.table(key), key, softener, check) for key in families.data}
    cues = tuple(_cue(cue, found) for cue in table.tables("cue"))
    _not_empty(table, "cue")
    return MoveCues(move_id, table.text("tip"), cues)


def read_cues(root: Path, problems: list[Problem], move_ids: Collection[str],
              softener: re.Pattern[str] | None, check: bool = True) -> dict[str, MoveCues]:
    """Read the cue file of each move in the content folder ``root``; none may be left over.

    With ``check`` (the default) every family's pattern is compiled, so a bad one is reported.
    """
    found = {move_id: _move(root, move_id, softener, problems, check) for move_id in move_ids}
    for path in sorted((root / "review").glob("*.toml")):
        if path.stem not in {*found, "language", "wording"}:
            message = ui("loader.content.unknown", what="move", id=repr(path.stem))
            problems.append(Problem(f"review/{path.name}", "", message))
    return found


def read_wording(root: Path, problems: list[Problem]) -> dict[str, dict[str, str]]:
    """Read ``review/wording.toml``: what the reviewer says about itself."""
    wording = read_table(root / "review" / "wording.toml", problems, "review/wording.toml")
    tables: dict[str, dict[str, str]] = {}
    for name in wording.data:
        section = wording.table(name)
        tables[name] = {key: section.text(key) for key in section.data}
    return tables


def read_review(root: Path, problems: list[Problem], move_ids: Collection[str]) -> None:
    """Check the reviewer's content files in ``root``: reading rules, wording, cues, weights."""
    softener = read_language(root, problems).softener
    read_wording(root, problems)
    read_cues(root, problems, move_ids, softener)
    read_weights(root, problems, move_ids)


@cache
def _package_cues() -> dict[str, MoveCues]:
    """Return the package's cues; their patterns, checked with the content, compile on use."""
    return read_checked(lambda root, problems: read_cues(root, problems, knowledge().moves,
                                                         language().softener, check=False))


@cache
def _wording() -> dict[str, dict[str, str]]:
    return read_checked(read_wording)


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
    for key, other in (("exclude", cue.exclude), ("beside", cue.beside)):
        if other is not None:
            parts.append(say(f"cue.{key}", family=other.name, examples=other.examples()))
    if cue.max_words:
        parts.append(say("cue.max_words", count=cue.max_words))
    return " ".join(parts)
