"""Child process for the journal fault tests: save answers, reporting each save that returned.

Usage: ``python tests/_journal_writer.py JOURNAL PREFIX COUNT [--wait]``. Prints ``ready`` once
the journal is open (and, with ``--wait``, then waits for a line on stdin before saving); after
each ``save()`` returns it prints the exercise id and flushes. Exits 3 if the journal had to
recover a damaged file, which the fault tests treat as a failure.
"""

from __future__ import annotations

import sys

import filelock  # noqa: F401  # imported up front so a kill lands in a save, not an import

from coursekit.journal import Journal


def main(argv: list[str]) -> int:
    """Save ``COUNT`` answers named ``PREFIX-<n>`` to the journal at ``JOURNAL``."""
    path, prefix, count = argv[1], argv[2], int(argv[3])
    journal = Journal(path)
    print("ready", flush=True)
    if "--wait" in argv[4:]:
        sys.stdin.readline()
    for number in range(count):
        exercise_id = f"{prefix}-{number}"
        journal.save(exercise_id, {"n": number, "text": f"answer {number} from {prefix}"})
        sys.stdout.write(exercise_id + "\n")
        sys.stdout.flush()
    if journal.messages:
        print("\n".join(journal.messages), file=sys.stderr)
        return 3
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
