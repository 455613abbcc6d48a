"""The reviewer's precision and recall per move on the held-out third of its labelled corpus.

Run: python benchmarks/bench_reviewer_accuracy.py [--tuning] [--errors]

The corpus is in tests/data/reviewer/ (see the README there): the held-out third was written
and committed before the rules were tuned, and the rules are tuned only on the other two
thirds. By default this prints the held-out table (target 0.95, PASS/MISS per move and
figure). --tuning prints the tuning set's table instead (tuning.toml plus the tuning items added
later in tuning_added.toml); --errors (tuning set only) lists the
items it gets wrong. Each item is reviewed for all six moves. Also prints, for information, how
long an in-process review of a 2,000-word draft lacking a move takes (median of 21).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tomllib
from pathlib import Path

from coursekit.knowledge import knowledge
from coursekit.review import review_turn

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "reviewer"
TARGET = 0.95


def load(name: str) -> list[dict[str, object]]:
    """Return the items of one corpus file (``heldout`` or ``tuning``)."""
    with (CORPUS / f"{name}.toml").open("rb") as handle:
        items = tomllib.load(handle)["item"]
    assert isinstance(items, list)
    return items


def found_moves(text: str) -> set[str]:
    """Return the moves the reviewer finds in a text, reviewing it for all six."""
    review = review_turn(text, list(knowledge().moves))
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


def review_latency() -> tuple[float, float]:
    """Return median wall and CPU seconds to review a 2,000-word draft that lacks moves.

    CPU time is the steadier figure on a shared machine; wall time is what a learner waits.
    """
    paragraph = (
        "I keep going over our conversation about the platform work, and the people I met on "
        "the panel stayed with me long after the interview, more than I expected them to. "
    )
    text = paragraph * 72 + "If it has been filled, I understand."
    review_turn("warm up: load the cues", list(knowledge().moves))
    wall, cpu = [], []
    for rep in range(21):
        draft = text.replace("platform", f"platform {rep}", 1)
        start, start_cpu = time.perf_counter(), time.thread_time()
        review_turn(draft, list(knowledge().moves))
        wall.append(time.perf_counter() - start)
        cpu.append(time.thread_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def main(argv: list[str] | None = None) -> int:
    """Print the table; return 0 (a MISS is reported, not an error)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tuning", action="store_true", help="score the tuning set instead")
    parser.add_argument("--errors", action="store_true", help="list wrong items (tuning only)")
    args = parser.parse_args(argv)
    if args.errors and not args.tuning:
        parser.error("--errors lists tuning items only; the held-out items stay unread")
    name = "tuning" if args.tuning else "heldout"
    items = load(name) + (load("tuning_added") if args.tuning else [])
    figures, wrong = score(items)
    print(f"Reviewer accuracy on the {name} set ({len(items)} items), per move:")
    print("\n".join(table(figures)))
    if args.errors:
        print(f"\n{len(wrong)} items judged wrongly:")
        print("\n".join(wrong))
    wall, cpu = review_latency()
    print(
        f"\n  review of a 2,000-word draft lacking moves, in process: {wall * 1e3:.1f} ms wall, "
        f"{cpu * 1e3:.1f} ms CPU (informational)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
