"""The reviewer's reading rules, read and checked from ``review/language.toml`` and ``words.txt``.

``language.toml`` holds the texting forms and common misspellings, which words negate and how
far, what a bare mention looks like, the softening words a cue phrase reads past, and how the
word weights read a sentence and which words they never name alone.

>>> rules = language()
>>> rules.spelling["u"], rules.reach
('you', 5)
>>> bool(rules.softener and rules.softener.search("i really mean it"))
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..fields import Problem, Table, read_checked, read_table
from ..interface import texts, ui
from .cues import compile_phrase, soften

__all__ = ["Language", "language", "read_language"]

_ui = texts("loader.review")


@dataclass(frozen=True)
class Language:
    """The shared reading rules."""

    softener: re.Pattern[str] | None  # the softening words, each read as ``~``
    spelling: dict[str, str]
    min_length: int
    keep: frozenset[str]
    negators: frozenset[str]
    reach: int
    skip: frozenset[str]
    stops: frozenset[str]
    pseudo: re.Pattern[str]  # phrases that hold a negation word but do not negate
    mention: tuple[re.Pattern[str], ...]
    known: frozenset[str]
    youre: re.Pattern[str]  # "your" read as "you're" ("if ur not keen")
    aside: re.Pattern[str]  # a filler between commas, read as one softening word
    weight_negators: frozenset[str]  # the word weights' negation words (see ``weights``)
    weight_reach: int
    weight_plain: frozenset[str]  # words too plain to name when the weights explain a move


def _words(table: Table, name: str) -> list[str]:
    """Return a list of words, none of them blank, folded to lower case."""
    words = table.texts(name, None)
    if not all(word.strip() for word in words):
        table.problem(name, _ui("blank"))
    return [word.casefold() for word in words]


def _either(phrases: list[str], softener: re.Pattern[str] | None = None) -> re.Pattern[str]:
    """Return a pattern for any of the phrases as whole words, the longest tried first."""
    ordered = [compile_phrase(soften(p, softener)) for p in sorted(phrases, key=len, reverse=True)]
    return re.compile(rf"(?<!\w)(?:{'|'.join(ordered)})(?!\w)")


def _known_words(root: Path, problems: list[Problem]) -> frozenset[str]:
    """Return the real words in ``words.txt`` (one a line, ``#`` starts a comment)."""
    try:
        text = (root / "review" / "words.txt").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        problems.append(Problem("review/words.txt", "", ui("loader.content.unreadable",
                                                           error=error)))
        return frozenset()
    lines = (line.split("#", 1)[0].strip().casefold() for line in text.splitlines())
    return frozenset(line for line in lines if line)


def read_language(root: Path, problems: list[Problem]) -> Language:
    """Read the reading rules of the content folder ``root``, recording every problem."""
    rules = read_table(root / "review" / "language.toml", problems, "review/language.toml")
    hedges = _words(rules.table("hedge"), "words")
    softener = _either(hedges) if hedges else None
    spelling = rules.table("spelling")
    mention = rules.table("mention")
    patterns: list[re.Pattern[str]] = []
    for index, regex in enumerate(_words(mention, "before")):
        try:
            patterns.append(re.compile(regex))
        except re.error as error:
            mention.problem(f"before[{index}]", _ui("regex", error=error))
    typos, negation = rules.table("typos"), rules.table("negation")
    youre, aside, weighed = rules.table("youre"), rules.table("aside"), rules.table("weights")
    return Language(
        softener,
        {word.casefold(): spelling.text(word).casefold() for word in spelling.data},
        typos.number("min_length", least=1),
        frozenset(_words(typos, "keep")),
        frozenset(_words(negation, "words")),
        negation.number("reach", least=1),
        frozenset(_words(negation, "skip")),
        frozenset(_words(negation, "stops")),
        _either(_words(negation, "pseudo"), softener),
        tuple(patterns),
        _known_words(root, problems),
        re.compile(rf"\byour (?=(?:{'|'.join(map(re.escape, _words(youre, 'before')))})\b)"),
        _aside(_words(aside, "fillers"), _words(aside, "not_after")),
        frozenset(_words(weighed, "negators")),
        weighed.number("reach", least=1),
        frozenset(_words(weighed, "plain")),
    )


def _aside(fillers: list[str], not_after: list[str]) -> re.Pattern[str]:
    """Return the pattern of a filler set off by commas or dashes (``~`` is a softened word)."""
    guards = "".join(f"(?<!\\b{re.escape(word)})" for word in not_after)
    either = "|".join(["~", *map(re.escape, fillers)])
    return re.compile(rf"(?<=\w){guards} ?([,—–]) (?:{either})(?: ~)* ?\1 (?=\w)")


@cache
def language() -> Language:
    """Return the package's reading rules, read once; raise ContentError on a problem."""
    return read_checked(read_language)
