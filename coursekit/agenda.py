"""Workshop agendas: blocks of activity and discussion time, with teaching notes.

The agendas live in the course manifest (``content/course.toml``); the loader checks that each
one's blocks add up to its length exactly.

>>> agenda = Agenda(30, "Short", (
...     AgendaBlock("Welcome", 5, 0, "Say hello."),
...     AgendaBlock("Notebook 03: Which scenario", 15, 10, "Show of hands.", notebook="03"),
... ))
>>> [block.start for block in agenda.timed()]
[0, 5]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

#: The labelled parts of a block's teaching notes, in the order the guide shows them.
NOTE_LABELS = ("Ask", "Watch for", "Timing")
_NOTE_SPLIT = re.compile(r"(?:^|\s)(" + "|".join(NOTE_LABELS) + r"):\s*")


@dataclass(frozen=True)
class AgendaBlock:
    """One block of a workshop: what happens, its activity and discussion minutes, and notes."""

    activity: str
    activity_minutes: int
    discussion_minutes: int
    notes: str
    notebook: str = ""

    @property
    def minutes(self) -> int:
        """Return the block's length: activity plus discussion."""
        return self.activity_minutes + self.discussion_minutes

    def note_parts(self) -> tuple[tuple[str, str], ...]:
        """Return the notes as (label, text) pairs (label ``""`` for text before any label)."""
        pieces = _NOTE_SPLIT.split(self.notes)
        parts = [("", pieces[0].strip())] if pieces[0].strip() else []
        parts += [(pieces[i], pieces[i + 1].strip()) for i in range(1, len(pieces) - 1, 2)]
        return tuple(parts)


@dataclass(frozen=True)
class TimedBlock:
    """A block with the minute it starts at."""

    start: int
    block: AgendaBlock


@dataclass(frozen=True)
class Agenda:
    """A workshop agenda whose blocks add up to its length."""

    minutes: int
    title: str
    blocks: tuple[AgendaBlock, ...]

    @property
    def total(self) -> int:
        """Return the sum of the blocks' minutes."""
        return sum(block.minutes for block in self.blocks)

    def timed(self) -> tuple[TimedBlock, ...]:
        """Return the blocks with their start minutes."""
        starts = accumulate((block.minutes for block in self.blocks), initial=0)
        return tuple(map(TimedBlock, starts, self.blocks))
