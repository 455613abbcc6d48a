"""Weighted cue words beside the rules: each word and word pair of a sentence adds a weight.

``coursekit/content/review/weights.json`` (written by ``scripts/train_weights.py`` from the
tuning corpus only) holds, per move, a bias and a weight for each word or word pair as the
reviewer reads the sentence; ``not_`` marks a word a negation governs (the negation words
and their reach are ``[weights]`` in ``language.toml``). A sentence's score is
the logistic of the bias plus its features' weights, a text's score its best sentence's. The
move counts when the rules find it and the score is at least ``low``, or when the score is
above ``high``; the evidence is then the best-scoring sentence.

>>> features("i'm not sorry ?")
("<s> i'm", '?', "i'm", "i'm not", 'not', 'not not_sorry', 'not_sorry', 'not_sorry ?')
>>> 0.0 < score("own_misstep", "i'm so sorry i went quiet") <= 1.0
True
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from ..fields import Problem, read_checked
from ..interface import ui
from ..knowledge import knowledge
from .language import language

__all__ = ["MoveWeights", "decide", "explain", "features", "read_weights", "score", "weights"]

_TOKEN = re.compile(r"[a-z0-9][a-z0-9']*|[?,.;:!()\-–—]")
_BREAKS = frozenset(",.;:!()-–—?")


@dataclass(frozen=True)
class MoveWeights:
    """One move's bias, thresholds and weight per word or word pair."""

    bias: float
    high: float
    low: float
    words: Mapping[str, float]


@lru_cache(maxsize=512)
def features(folded: str) -> tuple[str, ...]:
    """Return the sorted words and word pairs of a sentence as the reviewer reads it."""
    rules = language()  # which words negate, and how many words they reach
    words: list[str] = []
    left = 0
    for token in _TOKEN.findall(folded.replace("~", " ")):
        if token in _BREAKS:
            left = 0
            if token == "?":
                words.append(token)
            continue
        words.append("not_" + token if left else token)
        left = max(0, left - 1)
        if token in rules.weight_negators or token.endswith("n't"):
            left = rules.weight_reach
    pairs = zip(["<s>", *words], words, strict=False)
    return tuple(sorted({*words, *(f"{a} {b}" for a, b in pairs)}))


def read_weights(root: Path, problems: list[Problem],
                 move_ids: Collection[str]) -> dict[str, MoveWeights]:
    """Read ``review/weights.json`` in ``root``: a bias, thresholds and word weights per move."""
    name = "review/weights.json"
    try:
        moves = json.loads((root / name).read_text(encoding="utf-8"))["moves"]
        found = {
            move: MoveWeights(float(entry["bias"]), float(entry["high"]), float(entry["low"]),
                              {word: float(w) for word, w in entry["words"].items()})
            for move, entry in moves.items()
        }
    except (OSError, ValueError, LookupError, TypeError, AttributeError) as error:
        problems.append(Problem(name, "", ui("loader.content.unreadable", error=error)))
        return {}
    for move in sorted(set(move_ids) ^ set(found)):
        what = "loader.content.missing" if move in move_ids else "loader.content.unknown"
        problems.append(Problem(name, f"moves.{move}", ui(what, what="move", id=repr(move))))
    for move, table in found.items():
        numbers = (table.bias, table.high, table.low, *table.words.values())
        if not all(map(math.isfinite, numbers)) or not 0 <= table.low <= table.high <= 1:
            problems.append(Problem(name, f"moves.{move}", ui("loader.content.weights")))
    return found


@cache
def weights() -> dict[str, MoveWeights]:
    """Return every move's weights, read and checked once from ``review/weights.json``."""
    return read_checked(lambda root, problems: read_weights(root, problems, knowledge().moves))


def _logit(move_id: str, folded: str) -> float:
    """Return the bias plus the weights of a sentence's features."""
    table = weights()[move_id]
    return table.bias + sum(table.words.get(feature, 0.0) for feature in features(folded))


def _logistic(z: float) -> float:
    """Return 1 / (1 + e^-z) without overflow."""
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    return math.exp(z) / (1.0 + math.exp(z))


def score(move_id: str, folded: str) -> float:
    """Return how likely (0 to 1) a sentence, as read, makes the move by its words alone."""
    return _logistic(_logit(move_id, folded))


def explain(move_id: str, folded: str, count: int = 3) -> list[str]:
    """Return the heaviest words or word pairs for the move in a sentence, as a reader says them.

    Only those holding a word that is not ``plain`` (``language.toml``): "sorry", not "if".

    >>> explain("own_misstep", "i'm so sorry i went quiet")[:1]
    ['sorry']
    >>> explain("easy_out", "if it has gone, i understand")
    ['gone', 'understand', 'i understand']
    """
    table, plain = weights()[move_id], language().weight_plain
    found = [(f, table.words[f]) for f in features(folded) if table.words.get(f, 0.0) > 0
             and any(w.removeprefix("not_") not in plain for w in f.split() if w != "<s>")]
    shown = (f.replace("<s> ", "").replace("not_", "not ")
             for f, _ in sorted(found, key=lambda pair: (-pair[1], pair[0])))
    return list(dict.fromkeys(shown))[:count]


def decide(move_id: str, folded: Sequence[str], by_rules: bool) -> int | None:
    """Return the best-scoring sentence's index if the move is made, else None.

    >>> decide("easy_out", ["hello.", "if it's filled, i understand."], True)
    1
    >>> decide("easy_out", [], True) is None
    True
    """
    if not folded:
        return None
    scores = [score(move_id, sentence) for sentence in folded]
    best = max(range(len(scores)), key=scores.__getitem__)  # the first of equals
    table = weights()[move_id]
    made = (by_rules and scores[best] >= table.low) or scores[best] > table.high
    return best if made else None
