"""The reviewer's cue model: word families of phrases (see :mod:`.loader`), cues combining them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

__all__ = ["Cue", "Family", "MoveCues", "compile_phrase", "soften"]

_GAP = "..."
# A break between words, never across a line (one sentence a line). Bounded: an unbounded run
# let a phrase starting at a `~` rescan the rest of a long run of punctuation at every `~`.
_BREAK = r"[^\w\n]{1,16}"
_WORD_GAP = rf"{_BREAK}(?:\w+{_BREAK}){{0,4}}?"


def compile_phrase(phrase: str) -> str:
    """Return the regular expression for one plain phrase (already softened, see `softener`).

    >>> compile_phrase("sorry ... for")
    'sorry[^\\\\w\\\\n]{1,16}(?:\\\\w+[^\\\\w\\\\n]{1,16}){0,4}?for'
    >>> bool(re.fullmatch(compile_phrase("i'm sorry"), "im sorry"))
    True
    """
    if phrase.startswith("re:"):
        return phrase[3:]
    pieces: list[str] = []
    gap = False
    for word in phrase.casefold().split():
        if word == _GAP:
            gap = True
            continue
        if pieces:
            pieces.append(_WORD_GAP if gap else _BREAK)
        gap = False
        body = re.escape(word.rstrip("*")).replace("'", "'?").replace(r"\-", "[- ]?")
        pieces.append(body + (r"\w*" if word.endswith("*") else ""))
    return "".join(pieces)


def soften(text: str, softener: re.Pattern[str] | None) -> str:
    """Replace each softening word ("really", "kind of") by ``~``, so phrases read past it.

    A reader's "I should *probably* have called" and a cue's "should have ... called" then
    meet: ``~`` is not a word, so the phrase's word break covers it.

    >>> soften("i should really have called", re.compile(r"(?<!\\w)(?:really)(?!\\w)"))
    'i should ~ have called'
    """
    return softener.sub("~", text) if softener is not None else text


@dataclass(frozen=True)
class Family:
    """A named family of phrases that count as the same idea."""

    key: str
    name: str
    phrases: tuple[str, ...]
    source: str  # the regular expression for all its phrases

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """Return the family's compiled pattern (compiled when a review first needs it)."""
        return re.compile(self.source)

    def examples(self, limit: int = 10) -> str:
        """Return the first few phrases as a readable list (plain ones before patterns)."""
        plain = [p for p in self.phrases if not p.startswith("re:")] or self.phrases
        shown = [p.replace("*", "…").replace(" ... ", " … ") for p in plain[:limit]]
        return ", ".join(f"“{p}”" for p in shown) + (", …" if len(self.phrases) > limit else "")


@dataclass(frozen=True)
class Cue:
    """One way a sentence can show a move: word families that appear close together."""

    description: str
    families: tuple[Family, ...]
    window: int = 12
    exclude: Family | None = None
    negatable: bool = True
    not_in_mentions: bool = False
    same_clause: bool = False
    max_words: int = 0  # only sentences this short count (0: any length)
    beside: Family | None = None  # must show in the sentence before or after ("Met them. Loved.")


@dataclass(frozen=True)
class MoveCues:
    """Everything the reviewer knows about one move: its tip and its cues, in order."""

    move_id: str
    tip: str
    cues: tuple[Cue, ...]
