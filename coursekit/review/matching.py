"""Find a move in a list of sentences: the first sentence one of its cues matches.

>>> from .reading import read
>>> found = find_move("easy_out", [read("Hello."), read("If it's filled, I understand.")])
>>> found is not None and found[0]
1
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .cues import Cue, Family, cues
from .reading import Sentence, negated, only_mentions

__all__ = ["cue_shown", "find_move"]


class _Matches:
    """The matches of each word family in one sentence, found once."""

    def __init__(self, sentence: Sentence) -> None:
        self.sentence = sentence
        self._found: dict[str, list[re.Match[str]]] = {}

    def of(self, family: Family) -> list[re.Match[str]]:
        key = f"{id(family)}"
        if key not in self._found:
            self._found[key] = list(family.pattern.finditer(self.sentence.folded))
        return self._found[key]


def _near(sentence: Sentence, where: int, others: list[int], cue: Cue) -> bool:
    """Say whether one of the other family's words is within the cue's window of ``where``."""
    return any(
        abs(word - where) <= cue.window
        and (not cue.same_clause or sentence.clause_of(word) == sentence.clause_of(where))
        for word in others
    )


def _overlap(one: re.Match[str], other: re.Match[str]) -> bool:
    return one.start() < other.end() and other.start() < one.end()


def cue_shown(cue: Cue, matches: _Matches) -> bool:
    """Say whether a sentence shows a cue: an anchor that counts, with every partner near it."""
    sentence = matches.sentence
    if cue.max_words is not None and len(sentence.starts) > cue.max_words:
        return False
    anchors = matches.of(cue.families[0])
    if not anchors:
        return False
    partner_matches = [matches.of(family) for family in cue.families[1:]]
    if not all(partner_matches):
        return False
    excluded = matches.of(cue.exclude) if cue.exclude is not None else []
    for anchor in anchors:
        start = anchor.start()
        if any(e.start() <= start < e.end() for e in excluded):
            continue
        if cue.negatable and negated(sentence, start):
            continue
        if cue.not_in_mentions and only_mentions(sentence, start):
            continue
        where = sentence.word_at(start)
        partners = [  # a partner inside the anchor itself ("backed *out of*") does not count
            [sentence.word_at(m.start()) for m in found if not _overlap(m, anchor)]
            for found in partner_matches
        ]
        if all(_near(sentence, where, others, cue) for others in partners):
            return True
    return False


def find_move(move_id: str, sentences: Sequence[Sentence]) -> tuple[int, Cue] | None:
    """Return the first sentence index that shows a move, and the first cue that matched."""
    move_cues = cues()[move_id]
    for index, sentence in enumerate(sentences):
        matches = _Matches(sentence)
        for cue in move_cues:
            if cue_shown(cue, matches):
                return index, cue
    return None
