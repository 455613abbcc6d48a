"""The course manifest's records: notebooks in order, the exercises each holds, the agendas.

Read from ``content/course.toml`` by :func:`coursekit.loader.course`; everything that lists
notebooks or exercises (progress, agendas, poll cards, tests) reads it from there.

>>> from coursekit.loader import course
>>> course().notebooks[3].file
'03_which_scenario.ipynb'
"""

from __future__ import annotations

from dataclasses import dataclass

from .agenda import Agenda


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
