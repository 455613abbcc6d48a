"""Find a move in a list of sentences: the first sentence one of its cues matches.

>>> from .reading import read
>>> found = find_move("easy_out", [read("Hello."), read("If it's filled, I understand.")])
>>> found is not None and found[0]
1
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from .cues import Cue, Family
from .loader import cues
from .reading import TOKEN, Sentence, negated, only_mentions
from .sentences import WORD

__all__ = ["Index", "cue_shown", "find_move"]


class Index:
    """The words of each sentence of a draft: a cue is tried only where it could match.

    Every phrase of a family holds its key word (or a word starting with its stem), so a
    sentence holding no key of one of a cue's families cannot show that cue.
    """

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self.words: list[set[str]] = []  # each sentence's words, with and without apostrophes
        for sentence in sentences:
            words = {t.replace("'", "") for t in TOKEN.findall(sentence.folded)}
            self.words.append(words.union(WORD.findall(sentence.folded)))
        self.ordered = sorted(set().union(*self.words))
        self.every = set(range(len(sentences)))
        self.held: dict[int, set[int]] = {}

    def holding(self, family: Family) -> set[int]:
        """Return the sentences that hold one of the family's key words (all, if it has none)."""
        if family.keys is None:
            return self.every
        if id(family) in self.held:
            return self.held[id(family)]
        keys = set(family.keys)
        for stem in family.key_stems:
            index = bisect_left(self.ordered, stem)
            while index < len(self.ordered) and self.ordered[index].startswith(stem):
                keys.add(self.ordered[index])
                index += 1
        found = {i for i, words in enumerate(self.words) if not keys.isdisjoint(words)}
        self.held[id(family)] = found
        return found

    def trying(self, cue: Cue) -> set[int]:
        """Return the sentences that hold a key word of each of the cue's families."""
        return set.intersection(*(self.holding(family) for family in cue.families))


class _Matches:
    """The matches of each word family in one sentence, found once."""

    def __init__(self, sentence: Sentence) -> None:
        self.sentence = sentence
        self._found: dict[int, list[re.Match[str]]] = {}
        self._words: dict[int, list[int]] = {}

    def of(self, family: Family) -> list[re.Match[str]]:
        key = id(family)
        if key not in self._found:
            self._found[key] = list(family.pattern.finditer(self.sentence.folded))
        return self._found[key]

    def words(self, family: Family) -> list[int]:
        """Return the index of the word each of a family's matches starts at, in order."""
        key = id(family)
        if key not in self._words:
            self._words[key] = [self.sentence.word_at(m.start()) for m in self.of(family)]
        return self._words[key]


def _near(matches: _Matches, anchor: re.Match[str], family: Family, cue: Cue) -> bool:
    """Say whether one of another family's matches is within the cue's window of the anchor.

    A match inside the anchor itself ("backed *out of*") does not count.
    """
    sentence = matches.sentence
    where = sentence.word_at(anchor.start())
    others, starts = matches.of(family), matches.words(family)
    index = bisect_left(starts, where - cue.window)
    for word, match in zip(starts[index:], others[index:], strict=True):
        if word > where + cue.window:
            return False
        if _overlap(match, anchor):
            continue
        if not cue.same_clause or sentence.clause_of(word) == sentence.clause_of(where):
            return True
    return False


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
    if not all(matches.of(family) for family in cue.families[1:]):
        return False
    excluded = matches.of(cue.exclude) if cue.exclude is not None else []
    excluded_starts = [match.start() for match in excluded]
    for anchor in anchors:
        start = anchor.start()
        inside = bisect_right(excluded_starts, start) - 1  # matches do not overlap each other
        if inside >= 0 and start < excluded[inside].end():
            continue
        if cue.negatable and negated(sentence, start):
            continue
        if cue.not_in_mentions and only_mentions(sentence, start):
            continue
        if all(_near(matches, anchor, family, cue) for family in cue.families[1:]):
            return True
    return False


def find_move(
    move_id: str, sentences: Sequence[Sentence], index: Index | None = None
) -> tuple[int, Cue] | None:
    """Return the first sentence index that shows a move, and the first cue that matched.

    ``index`` (of these sentences) may be shared by the moves checked in one draft.
    """
    index = index or Index(sentences)
    move_cues = [(cue, index.trying(cue)) for cue in cues()[move_id]]
    for where in sorted(set().union(*(tried for _cue, tried in move_cues))):
        matches = _Matches(sentences[where])
        for cue, tried in move_cues:
            if where in tried and cue_shown(cue, matches):
                return where, cue
    return None
