"""The reviewer's precision and recall per move on the held-out third of its labelled corpus.

Run: python benchmarks/bench_reviewer_accuracy.py [--tuning] [--errors]

The corpus is in tests/data/reviewer/ (see the README there): each held-out file (heldout*.toml)
was written and committed before the rules were tuned on its tuning two-thirds, and the rules
are tuned, and the word weights trained, only on tuning files. By default this prints the
held-out table (target 0.95, PASS/MISS per move and figure). --tuning prints the tuning set's
table instead (every tuning*.toml file: the tuning two-thirds and the tuning items added later);
--errors (tuning set only) lists the items it gets wrong. Each item is reviewed for all six
moves. Also prints, for information, how long an in-process review of a 300-word and a
2,000-word draft lacking a move takes (median of 30), and how long the first review in a fresh
process takes (median of 5): it reads and compiles every cue, once per kernel, so the cues' size
is paid there.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
import tomllib
from pathlib import Path

from _drafts import draft

from coursekit.knowledge import knowledge
from coursekit.review import review_draft, review_turn

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "reviewer"
TARGET = 0.95


def load(path: Path) -> list[dict[str, object]]:
    """Return the items of one corpus file."""
    with path.open("rb") as handle:
        items = tomllib.load(handle)["item"]
    assert isinstance(items, list)
    return items


def tuning_items() -> list[dict[str, object]]:
    """Return the items of every tuning file (``tuning*.toml``), file by file."""
    return [item for path in sorted(CORPUS.glob("tuning*.toml")) for item in load(path)]


def held_out_items() -> list[dict[str, object]]:
    """Return the items of every held-out file (``heldout*.toml``), file by file."""
    return [item for path in sorted(CORPUS.glob("heldout*.toml")) for item in load(path)]


#: A practice-call turn may open with the manager's line ("[Manager: ...]") for the labeller's
#: context. In the course only the learner's own words reach the reviewer: only they are reviewed.
MANAGER_LINE = re.compile(r"^\s*\[Manager:[^\]]*\]\s*")


def found_moves(text: str) -> set[str]:
    """Return the moves the reviewer finds in a text's own words, reviewing it for all six."""
    review = review_turn(MANAGER_LINE.sub("", text), list(knowledge().moves))
    return {check.id for check in review.moves if check.covered}


def score(items: list[dict[str, object]]) -> tuple[dict[str, tuple[float, float, int]], list[str]]:
    """Return precision, recall and support per move, and a line per wrongly judged item."""
    counts = {
        move: [0, 0, 0] for move in knowledge().moves
    }  # true positive, false positive, false negative
    wrong: list[str] = []
    for item in items:
        labels = item["moves"]
        assert isinstance(labels, list) and set(labels) <= set(knowledge().moves), item["id"]
        expected = set(labels)
        text = str(item["text"])
        got = found_moves(text)
        for move in knowledge().moves:
            counts[move][0] += move in got and move in expected
            counts[move][1] += move in got and move not in expected
            counts[move][2] += move in expected and move not in got
        if got != expected:
            extra, missed = sorted(got - expected), sorted(expected - got)
            wrong.append(f"{item['id']} +{extra} -{missed}: {text}")
    figures = {}
    for move, (tp, fp, fn) in counts.items():
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        figures[move] = (precision, recall, tp + fn)
    return figures, wrong


def table(figures: dict[str, tuple[float, float, int]]) -> list[str]:
    """Return the figures as printable lines with the target and PASS/MISS."""
    lines = [f"  {'move':<17}{'support':>8}{'precision':>11}{'recall':>8}   target {TARGET:.2f}"]
    for move, (precision, recall, support) in figures.items():
        ok = "PASS" if min(precision, recall) >= TARGET else "MISS"
        lines.append(f"  {move:<17}{support:>8}{precision:>11.2f}{recall:>8.2f}   {ok}")
    return lines


def review_latency(words: int) -> float:
    """Return the median seconds to review a draft of ``words`` words that lacks a move."""
    text = draft(words, lacking="easy_out")
    review_draft("warm up: load the cues", 1)
    times = []
    for rep in range(30):
        start = time.perf_counter()
        review_draft(text.replace("Sam", f"Sam {rep}", 1), 1)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


_FIRST_REVIEW = """
import time
from coursekit.review import review_draft
start = time.perf_counter()
review_draft("I loved the team.", 2)
print(time.perf_counter() - start)
"""


def first_review() -> float:
    """Return the median seconds of a fresh process's first review (Scenario 2: six moves)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    runs = [
        float(subprocess.run([sys.executable, "-c", _FIRST_REVIEW], env=env, check=True,
                             capture_output=True, text=True).stdout)
        for _ in range(5)
    ]  # fmt: skip
    return statistics.median(runs)


def main(argv: list[str] | None = None) -> int:
    """Print the table; return 0 (a MISS is reported, not an error)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tuning", action="store_true", help="score the tuning set instead")
    parser.add_argument("--errors", action="store_true", help="list wrong items (tuning only)")
    args = parser.parse_args(argv)
    if args.errors and not args.tuning:
        parser.error("--errors lists tuning items only; the held-out items stay unread")
    name = "tuning" if args.tuning else "heldout"
    items = tuning_items() if args.tuning else held_out_items()
    figures, wrong = score(items)
    print(f"Reviewer accuracy on the {name} set ({len(items)} items), per move:")
    print("\n".join(table(figures)))
    if args.errors:
        print(f"\n{len(wrong)} items judged wrongly:")
        print("\n".join(wrong))
    print()
    for words in (300, 2000):
        median_ms = review_latency(words) * 1e3
        print(f"  review of a {words}-word draft lacking a move, in process: {median_ms:.1f} ms")
    first_ms = first_review() * 1e3
    print(f"  first review in a fresh process (reads and compiles the cues): {first_ms:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
