"""Read the course manifest, ``course.toml``: notebooks, exercises and agendas."""

from __future__ import annotations

from pathlib import Path

from ..agenda import Agenda, AgendaBlock
from ..fields import Problem, Table, duplicates, read_toml
from ..manifest import Course, ExerciseEntry, NotebookEntry

__all__ = ["EXERCISE_KINDS", "read_course"]

#: The kinds of exercise a notebook can hold.
EXERCISE_KINDS = ("quiz", "roleplay", "reflection", "classifier", "builder", "reviewer", "replies")


def _notebook(table: Table) -> NotebookEntry:
    entry = NotebookEntry(table.text("file"), table.text("title"), table.number("minutes"),
                          table.texts("objectives"))
    exercises = []
    for item in table.tables("exercises", required=False):
        kind = item.text("kind")
        if kind and kind not in EXERCISE_KINDS:
            item.problem("kind", f"unknown kind {kind!r}; use one of {', '.join(EXERCISE_KINDS)}")
        exercises.append(ExerciseEntry(item.text("id"), kind, item.text("label"), entry.number))
    return NotebookEntry(entry.file, entry.title, entry.minutes, entry.objectives, tuple(exercises))


def _agenda(table: Table, titles: dict[str, str]) -> Agenda:
    blocks = []
    for item in table.tables("blocks"):
        notebook = item.text("notebook", "")
        if notebook and notebook not in titles:
            item.problem("notebook", f"no notebook numbered {notebook!r} in the manifest")
        activity = item.text("activity", "")
        if not notebook and not activity:
            item.problem("", "needs a notebook or an activity")
        if not activity:
            activity = f"Notebook {notebook}: {titles.get(notebook, '')}"
        for name in ("activity_minutes", "discussion_minutes"):
            if item.number(name) < 0:
                item.problem(name, "must be 0 or more")
        blocks.append(AgendaBlock(activity, item.number("activity_minutes"),
                                  item.number("discussion_minutes"), item.text("notes"), notebook))
    agenda = Agenda(table.number("minutes"), table.text("title"), tuple(blocks))
    if agenda.total != agenda.minutes:
        table.problem("blocks", f"add up to {agenda.total} minutes, not {agenda.minutes}")
    return agenda


def read_course(folder: Path, problems: list[Problem]) -> Course:
    """Read and check the course manifest from a content folder."""
    data, text = read_toml(folder / "course.toml", "course.toml", problems)
    root = Table(data, "course.toml", text, "", problems)
    notebooks = tuple(_notebook(table) for table in root.tables("notebooks"))
    guides = tuple(_notebook(table) for table in root.tables("guides", required=False))
    titles = {notebook.number: notebook.title for notebook in notebooks}
    agendas = tuple(_agenda(table, titles) for table in root.tables("agendas", required=False))
    course = Course(root.text("title"), notebooks, guides, agendas)
    for file in duplicates([entry.file for entry in (*notebooks, *guides)]):
        root.problem("notebooks", f"file {file!r} is listed twice")
    for exercise_id in duplicates([entry.id for entry in course.exercises]):
        root.problem("notebooks", f"exercise id {exercise_id!r} is used twice")
    for minutes in duplicates([str(agenda.minutes) for agenda in agendas]):
        root.problem("agendas", f"two agendas are {minutes} minutes long")
    return course
