"""Find a move in a list of sentences: the first sentence one of its cues matches.

>>> from .reading import read
>>> found = find_move("easy_out", [read("Hello."), read("If it's filled, I understand.")])
>>> found is not None and found[0]
1
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .cues import Cue
from .loader import cues
from .reading import Sentence, negated, only_mentions

__all__ = ["cue_shown", "find_move"]


def _near(sentence: Sentence, anchor: re.Match[str], others: list[re.Match[str]], cue: Cue) -> bool:
    """Say whether one of a partner family's matches is within the cue's window of the anchor.

    A match inside the anchor itself ("backed *out of*") does not count.
    """
    where = sentence.word_at(anchor.start())
    for match in others:
        word = sentence.word_at(match.start())
        if abs(word - where) > cue.window or _overlap(match, anchor):
            continue
        if not cue.same_clause or sentence.clause_of(word) == sentence.clause_of(where):
            return True
    return False


def _overlap(one: re.Match[str], other: re.Match[str]) -> bool:
    return one.start() < other.end() and other.start() < one.end()


def cue_shown(cue: Cue, sentence: Sentence, beside: Sequence[Sentence] = ()) -> bool:
    """Say whether a sentence shows a cue: an anchor that counts, with every partner near it."""
    if cue.max_words and len(sentence.starts) > cue.max_words:
        return False
    if cue.beside and not any(not negated(other, m.start()) for other in beside  # next to it
                              for m in cue.beside.pattern.finditer(other.folded)):
        return False
    text = sentence.folded
    anchors = list(cue.families[0].pattern.finditer(text))
    if not anchors or not all(family.pattern.search(text) for family in cue.families[1:]):
        return False
    partners = [list(family.pattern.finditer(text)) for family in cue.families[1:]]
    excluded = list(cue.exclude.pattern.finditer(text)) if cue.exclude else []
    for anchor in anchors:
        start = anchor.start()
        if any(match.start() <= start < match.end() for match in excluded):
            continue
        if cue.negatable and negated(sentence, start):
            continue
        if cue.not_in_mentions and only_mentions(sentence, start):
            continue
        if all(_near(sentence, anchor, matches, cue) for matches in partners):
            return True
    return False


def find_move(move_id: str, sentences: Sequence[Sentence]) -> tuple[int, Cue] | None:
    """Return the first sentence index that shows a move, and the first cue that matched."""
    move_cues = cues()[move_id]
    for where, sentence in enumerate(sentences):
        beside = [sentences[i] for i in (where - 1, where + 1) if 0 <= i < len(sentences)]
        for cue in move_cues:
            if cue_shown(cue, sentence, beside):
                return where, cue
    return None
