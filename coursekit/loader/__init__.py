"""The one loader: read every content file, check it, and hand the engines their data.

:func:`load` reads a content folder and returns the :class:`Content` with every
:class:`~coursekit.fields.Problem` found; :func:`check` returns just the problems. The accessors
(:func:`course`, :func:`quizzes`, …) read only their own part of the package's content, once per
process, on first use, and raise :class:`~coursekit.fields.ContentError` naming every problem in
it (the checks across files run in :func:`load`). Importing this module reads nothing.

>>> list(quizzes())[:3], sorted(roleplays())
(['00_start', '01_dilemma', '02_reactions'], ['call_scenario1', 'call_scenario2', 'meeting'])
>>> check()
[]
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from ..fields import PACKAGE_CONTENT, ContentError, Problem, locate, read_checked
from ..interface import ui
from ..knowledge import Knowledge, knowledge, read_knowledge
from ..manifest import Course
from ..quiz import Quiz
from ..review.loader import read_review
from ..roleplay import Roleplay
from ..wording import ScriptWording
from .read_course import read_course
from .read_extras import CaseRecord, read_examples, read_script_wording
from .read_quizzes import read_quizzes
from .read_roleplays import read_roleplays

__all__ = ["PACKAGE_CONTENT", "CaseRecord", "Content", "ContentError", "Problem", "check",
           "course", "examples", "knowledge", "load", "quizzes", "roleplays", "script_wording"]


@dataclass(frozen=True)
class Content:
    """Everything in a content folder, read and checked."""

    knowledge: Knowledge
    course: Course
    quizzes: dict[str, Quiz]
    roleplays: dict[str, Roleplay]
    personas: dict[str, CaseRecord]
    vignettes: dict[str, CaseRecord]
    script: ScriptWording


def _cross_check(folder: Path, found: Content, problems: list[Problem]) -> None:
    """Check that the manifest and the quiz and role-play files name each other."""
    text = (folder / "course.toml").read_text(encoding="utf-8", errors="replace")
    listed: dict[str, set[str]] = {"quiz": set(), "roleplay": set()}
    for number, notebook in enumerate(found.course.notebooks):
        for index, exercise in enumerate(notebook.exercises):
            key = f"notebooks[{number}].exercises[{index}].id"
            kind, _, content_id = exercise.id.partition(":")
            if exercise.kind in listed:
                group = "quizzes" if kind == "quiz" else "roleplays"
                if kind != exercise.kind or not (folder / group / f"{content_id}.toml").is_file():
                    message = ui("loader.content.no_file", kind=exercise.kind, id=repr(exercise.id))
                    problems.append(Problem("course.toml", key, message, locate(text, key)))
                listed[exercise.kind].add(content_id)
    for kind, group, what in (("quiz", "quizzes", "quiz"), ("roleplay", "roleplays", "role-play")):
        unlisted = ui("loader.content.no_notebook", what=what)
        problems += [Problem(f"{group}/{item}.toml", "id", unlisted)
                     for item in getattr(found, group) if item not in listed[kind]]


def load(folder: str | Path = PACKAGE_CONTENT) -> tuple[Content, list[Problem]]:
    """Read and check a content folder; return the content and every problem found."""
    root = Path(folder)
    problems: list[Problem] = []
    if not root.is_dir():
        problems.append(Problem(str(folder), "", ui("loader.content.not_folder")))
    facts = read_knowledge(root, problems)
    wording = read_script_wording(root, problems, facts)
    personas, vignettes = read_examples(root, problems, facts,
                                        {entry.id for entry in wording.fields})
    found = Content(facts, read_course(root, problems), read_quizzes(root, problems),
                    read_roleplays(root, problems, facts), personas, vignettes, wording)
    read_review(root, problems, facts.moves)
    if (root / "course.toml").is_file():
        _cross_check(root, found, problems)
    return found, problems


def check(folder: str | Path = PACKAGE_CONTENT) -> list[Problem]:
    """Return every problem in a content folder (an empty list means it is fine)."""
    return load(folder)[1]


@functools.cache
def course() -> Course:
    """Return the course manifest: notebooks in order, their exercises, and the agendas."""
    return read_checked(read_course)


@functools.cache
def quizzes() -> dict[str, Quiz]:
    """Return every quiz, keyed by id, in notebook order."""
    return read_checked(read_quizzes)


@functools.cache
def roleplays() -> dict[str, Roleplay]:
    """Return every role-play, keyed by id."""
    return read_checked(lambda root, problems: read_roleplays(root, problems, knowledge()))


@functools.cache
def script_wording() -> ScriptWording:
    """Return the script builder's field prompts and phrases."""
    return read_checked(lambda root, problems: read_script_wording(root, problems, knowledge()))


@functools.cache
def examples() -> tuple[dict[str, CaseRecord], dict[str, CaseRecord]]:
    """Return the worked-example personas and the short cases as written (see ``cases``)."""
    field_ids = {entry.id for entry in script_wording().fields}
    return read_checked(
        lambda root, problems: read_examples(root, problems, knowledge(), field_ids))
