"""The course manifest's records: notebooks in order, the exercises each holds, the agendas.

Read from ``content/course.toml`` by :func:`coursekit.loader.course`; everything that lists
notebooks or exercises (progress, agendas, poll cards, tests) reads it from there. A workshop
agenda's blocks of activity and discussion time add up to its length (the loader checks it).

>>> from coursekit.loader import course
>>> course().notebooks[3].file
'03_which_scenario.ipynb'
>>> agenda = Agenda(20, "Short", (AgendaBlock("Welcome", 5, 0, "Say hello."),
...                               AgendaBlock("Notebook 03", 10, 5, "Ask: which scenario?")))
>>> [block.start for block in agenda.timed()]
[0, 5]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate


@dataclass(frozen=True)
class ExerciseEntry:
    """One saved exercise: its journal key, its kind, its label, and its notebook's number."""

    id: str
    kind: str
    label: str
    notebook: str


@dataclass(frozen=True)
class NotebookEntry:
    """A notebook of the course: its file under ``notebooks/``, title, minutes, objectives."""

    file: str
    title: str
    minutes: int
    objectives: tuple[str, ...] = ()
    exercises: tuple[ExerciseEntry, ...] = ()

    @property
    def number(self) -> str:
        """Return the notebook's two-digit number (``""`` for guides)."""
        stem = self.file.split("/")[-1]
        return stem[:2] if stem[:2].isdigit() else ""


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


@dataclass(frozen=True)
class Course:
    """The whole course: numbered notebooks, guides (facilitator guide, app), and agendas."""

    title: str
    notebooks: tuple[NotebookEntry, ...]
    guides: tuple[NotebookEntry, ...]
    agendas: tuple[Agenda, ...]

    @property
    def exercises(self) -> tuple[ExerciseEntry, ...]:
        """Return every saved exercise, in course order."""
        return tuple(ex for notebook in self.notebooks for ex in notebook.exercises)

    def agenda(self, minutes: int) -> Agenda:
        """Return the workshop agenda of this length; raise KeyError if there is none."""
        return {agenda.minutes: agenda for agenda in self.agendas}[minutes]
