"""Train the reviewer's word weights (coursekit/content/review/weights.json) on the tuning files.

Standard library only, deterministic. For each move, a logistic regression over the words and
word pairs of each sentence (``coursekit.review.weights.features`` of the reviewer's own
reading), trained by plain SGD with L2 on whole items as multiple instances: a text without the
move teaches every sentence "no", a text with it teaches its best-scoring sentence "yes". Words
seen in fewer than three items are left out, and weights under ``CUT`` are dropped.

Reads only ``tests/data/reviewer/tuning*.toml`` and refuses a held-out file.

Usage: python scripts/train_weights.py [--check]   (--check: fail if the file would change)
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import re
import sys
import tomllib
from collections import Counter
from pathlib import Path

from coursekit.review.reading import read_all
from coursekit.review.sentences import split_sentences
from coursekit.review.weights import features
from coursekit.textsafe import MAX_DRAFT_CHARS, clean_text

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "reviewer"
OUT = ROOT / "coursekit" / "content" / "review" / "weights.json"
#: What the weights are made from: the tuning files, the reviewer's reading (its content files
#: and code: typo correction knows the cues' words) and this script. A change to any of them
#: calls for a new training, which the tests check through the digest kept in the file.
INPUTS = ("tests/data/reviewer/tuning*.toml", "coursekit/content/review/*.toml",
          "coursekit/content/review/*.txt", "coursekit/review/*.py", "scripts/train_weights.py")
MOVES = ("reaffirm", "explain_change", "easy_out", "own_misstep", "invite_response", "permission")
#: Chosen before the fresh check, on blind rule judgments of older writers (see the README).
HIGH = dict.fromkeys(MOVES, 0.6)
LOW = dict.fromkeys(MOVES, 0.05)
#: A practice-call turn may open with the manager's line for the labeller; the course reviews
#: only the learner's words, so only they are learnt from (as the accuracy test reviews them).
MANAGER_LINE = re.compile(r"^\s*\[Manager:[^\]]*\]\s*")
EPOCHS, RATE, L2, MIN_ITEMS, CUT, SEED = 12, 0.2, 1e-4, 3, 0.15, 0

Item = tuple[list[list[str]], frozenset[str]]


def load(corpus: Path = CORPUS) -> list[Item]:
    """Return each tuning item's sentence features and labelled moves (no held-out file)."""
    files = sorted(corpus.glob("tuning*.toml"))
    if any("heldout" in path.name for path in files):
        raise SystemExit("refused: held-out files are not for training")
    items: list[Item] = []
    for path in files:
        for entry in tomllib.loads(path.read_text(encoding="utf-8"))["item"]:
            words = MANAGER_LINE.sub("", entry["text"])
            text = clean_text(words, "turn", max_chars=MAX_DRAFT_CHARS, keep_newlines=True)
            raw = [text[a:b] for a, b in split_sentences(text)]
            sentences = [list(features(s.folded)) for s in read_all(raw)] or [[]]
            items.append((sentences, frozenset(entry["moves"])))
    return items


def inputs_digest() -> str:
    """Return the SHA-256 of every input file's name and bytes, in order."""
    digest = hashlib.sha256()
    for path in sorted({p for pattern in INPUTS for p in ROOT.glob(pattern)}):
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def logistic(z: float) -> float:
    """Return 1 / (1 + e^-z) without overflow."""
    return 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))


def train(items: list[Item], move: str, vocabulary: set[str]) -> tuple[float, dict[str, float]]:
    """Return a move's bias and weights."""
    data = [([[f for f in s if f in vocabulary] for s in sents], move in moves)
            for sents, moves in items]
    rng = random.Random(SEED)
    order = list(range(len(data)))
    weights: dict[str, float] = {}
    bias = 0.0
    for epoch in range(EPOCHS):
        rng.shuffle(order)
        rate = RATE / (1 + epoch * 0.5)
        for index in order:
            sentences, made = data[index]
            if not made:
                chosen = sentences
            elif epoch == 0:  # first pass: the whole text stands for the sentence that makes it
                chosen = [sorted({f for s in sentences for f in s})]
            else:
                chosen = [max(sentences, key=lambda s: sum(weights.get(f, 0.0) for f in s))]
            for sentence in chosen:
                error = made - logistic(bias + sum(weights.get(f, 0.0) for f in sentence))
                bias += rate * error
                for f in sentence:
                    old = weights.get(f, 0.0)
                    weights[f] = old + rate * (error - L2 * old)
    return bias, {f: w for f, w in weights.items() if abs(w) >= CUT}


def main() -> None:
    """Train every move and write (or, with --check, compare) the weights file."""
    items = load()
    seen = Counter(f for sentences, _ in items for f in {f for s in sentences for f in s})
    vocabulary = {f for f, n in seen.items() if n >= MIN_ITEMS}
    moves: dict[str, dict[str, object]] = {}
    count = 0
    for move in MOVES:
        bias, weights = train(items, move, vocabulary)
        ordered = sorted(weights.items(), key=lambda pair: (-pair[1], pair[0]))
        count += len(ordered)
        moves[move] = {"bias": round(bias, 4), "high": HIGH[move], "low": LOW[move],
                       "words": {f: round(w, 4) for f, w in ordered}}
    about = ("Written by scripts/train_weights.py from the tuning files: per move, a weight per "
             "word or word pair of a sentence (not_ marks a negated word); see review/weights.py.")
    data = {"about": about, "inputs": inputs_digest(), "moves": moves}
    text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
    if "--check" in sys.argv[1:]:
        raise SystemExit(0 if OUT.read_text(encoding="utf-8") == text else "weights.json is stale")
    OUT.write_text(text, encoding="utf-8")
    print(f"{len(items)} items; {count} weights -> {OUT}")


if __name__ == "__main__":
    main()
