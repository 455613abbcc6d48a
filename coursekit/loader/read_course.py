"""Read the course manifest, ``course.toml``: notebooks, exercises and agendas."""

from __future__ import annotations

from pathlib import Path

from ..fields import Problem, Table, duplicates, read_table
from ..interface import texts, ui
from ..manifest import Agenda, AgendaBlock, Course, ExerciseEntry, NotebookEntry

_ui = texts("loader.course")
#: The kinds of exercise a notebook can hold.
EXERCISE_KINDS = ("quiz", "roleplay", "reflection", "classifier", "builder", "reviewer", "replies")


def _notebook(table: Table) -> NotebookEntry:
    entry = NotebookEntry(table.text("file"), table.text("title"), table.number("minutes"),
                          table.texts("objectives"))
    exercises = []
    for item in table.tables("exercises", required=False):
        kind = item.text("kind")
        if kind and kind not in EXERCISE_KINDS:
            item.problem("kind", ui("loader.content.one_of", what="kind", value=repr(kind),
                                    allowed=", ".join(EXERCISE_KINDS)))
        exercises.append(ExerciseEntry(item.text("id"), kind, item.text("label"), entry.number))
    return NotebookEntry(entry.file, entry.title, entry.minutes, entry.objectives, tuple(exercises))


def _agenda(table: Table, titles: dict[str, str]) -> Agenda:
    blocks = []
    for item in table.tables("blocks"):
        notebook = item.text("notebook", "")
        if notebook and notebook not in titles:
            item.problem("notebook", _ui("no_number", number=repr(notebook)))
        activity = item.text("activity", "")
        if not notebook and not activity:
            item.problem("", _ui("no_activity"))
        if not activity:
            activity = _ui("activity", number=notebook, title=titles.get(notebook, ""))
        blocks.append(AgendaBlock(activity, item.number("activity_minutes", least=0),
                                  item.number("discussion_minutes", least=0), item.text("notes"),
                                  notebook))
    agenda = Agenda(table.number("minutes"), table.text("title"), tuple(blocks))
    if agenda.total != agenda.minutes:
        table.problem("blocks", _ui("minutes", total=agenda.total, minutes=agenda.minutes))
    return agenda


def read_course(folder: Path, problems: list[Problem]) -> Course:
    """Read and check the course manifest from a content folder."""
    root = read_table(folder / "course.toml", problems)
    notebooks = tuple(_notebook(table) for table in root.tables("notebooks"))
    guides = tuple(_notebook(table) for table in root.tables("guides", required=False))
    titles = {notebook.number: notebook.title for notebook in notebooks}
    agendas = tuple(_agenda(table, titles) for table in root.tables("agendas", required=False))
    course = Course(root.text("title"), notebooks, guides, agendas)
    for file in duplicates([entry.file for entry in (*notebooks, *guides)]):
        root.problem("notebooks", _ui("file_twice", file=repr(file)))
    for exercise_id in duplicates([entry.id for entry in course.exercises]):
        root.problem("notebooks", _ui("exercise_twice", id=repr(exercise_id)))
    for minutes in duplicates([str(agenda.minutes) for agenda in agendas]):
        root.problem("agendas", _ui("same_length", minutes=minutes))
    return course
