"""Writer processes for the journal fault tests: save answers, reporting each save that returned.

Usage: ``python tests/_journal_writer.py JOURNAL PREFIX COUNT [--wait]``. Prints ``ready`` once
the journal is open (and, with ``--wait``, then waits for a line on stdin before saving); after
each ``save()`` returns it prints the exercise id and flushes. Exits 3 if the journal had to
recover a damaged file, which the fault tests treat as a failure.

:func:`save_until_killed` is the same writer for a process forked from a server that has
imported the journal already (``multiprocessing``'s forkserver), so the killed-writer test
starts 200 writers without paying 200 imports.
"""

from __future__ import annotations

import sys
from multiprocessing.synchronize import Event
from typing import TextIO

import filelock  # noqa: F401  # imported up front so a kill lands in a save, not an import

from coursekit.journal import Journal


def save_answers(journal: Journal, prefix: str, count: int, report: TextIO) -> None:
    """Save answers ``PREFIX-<n>``, writing each id to ``report`` once its save returned."""
    for number in range(count):
        exercise_id = f"{prefix}-{number}"
        journal.save(exercise_id, {"n": number, "text": f"answer {number} from {prefix}"})
        report.write(exercise_id + "\n")
        report.flush()


def save_until_killed(path: str, prefix: str, report_path: str, ready: Event) -> None:
    """Open the journal, set ``ready``, then save answers until the process is killed."""
    journal = Journal(path)
    with open(report_path, "w", encoding="utf-8") as report:
        ready.set()
        save_answers(journal, prefix, 1_000_000, report)


def main(argv: list[str]) -> int:
    """Save ``COUNT`` answers named ``PREFIX-<n>`` to the journal at ``JOURNAL``."""
    path, prefix, count = argv[1], argv[2], int(argv[3])
    journal = Journal(path)
    print("ready", flush=True)
    if "--wait" in argv[4:]:
        sys.stdin.readline()
    save_answers(journal, prefix, count, sys.stdout)
    if journal.messages:
        print("\n".join(journal.messages), file=sys.stderr)
        return 3
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
