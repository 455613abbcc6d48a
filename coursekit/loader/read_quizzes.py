"""Read the quizzes, one file per notebook under ``quizzes/``, into quiz engine objects.

Field types are checked here; the question types' own checks (exactly one correct option,
unique ids, a target for every match, …) run when each question is built, and whatever they
find is recorded against the question's key path.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import CourseInputError
from ..fields import Problem, Table, read_table
from ..interface import ui
from ..quiz import (
    Matching,
    MatchItem,
    MatchTarget,
    MultipleChoice,
    Option,
    Ordering,
    OrderItem,
    Question,
    Quiz,
    SingleChoice,
)

#: The question kinds a quiz file can use.
QUESTION_KINDS = ("single", "multiple", "ordering", "matching")


def _question(table: Table) -> Question | None:
    kind = table.text("kind")
    qid, prompt, why = table.text("id"), table.text("prompt"), table.text("explanation")
    shuffle = table.flag("shuffle", True)
    if kind in ("single", "multiple"):
        options = tuple(t.record(Option) for t in table.tables("options"))
        if not any(option.correct for option in options):
            table.problem("options", ui("loader.quiz.no_correct"))
            return None
        kind_class = SingleChoice if kind == "single" else MultipleChoice
        return kind_class(qid, prompt, options, why, shuffle)
    if kind == "ordering":
        return Ordering(qid, prompt, tuple(t.record(OrderItem) for t in table.tables("items")), why)
    if kind == "matching":
        left = tuple(t.record(MatchItem) for t in table.tables("left"))
        right = tuple(t.record(MatchTarget) for t in table.tables("right"))
        return Matching(qid, prompt, left, right, why, shuffle)
    if kind:
        table.problem("kind", ui("loader.content.one_of", what="kind", value=repr(kind),
                                 allowed=", ".join(QUESTION_KINDS)))
    return None


def read_quiz(path: Path, name: str, problems: list[Problem]) -> Quiz | None:
    """Read one quiz file; return None (with problems recorded) if it cannot be built."""
    root = read_table(path, problems, name)
    if not root.data:
        return None
    before = len(problems)
    questions: list[Question] = []
    for table in root.tables("questions"):
        try:
            question = _question(table)
        except CourseInputError as err:
            table.problem("", err.problem if not err.field else f"{err.field}: {err.problem}")
            continue
        if question is not None:
            questions.append(question)
    quiz_id, title, intro = root.text("id"), root.text("title"), root.text("intro", "")
    if quiz_id and quiz_id != path.stem:
        root.problem("id", ui("loader.content.file_name", id=repr(quiz_id), stem=repr(path.stem)))
    if len(problems) > before:
        return None
    try:
        return Quiz(quiz_id, title, tuple(questions), intro)
    except CourseInputError as err:
        root.problem("questions", f"{err.field}: {err.problem}")
        return None


def read_quizzes(folder: Path, problems: list[Problem]) -> dict[str, Quiz]:
    """Read every ``quizzes/*.toml`` file, in file-name order, keyed by quiz id."""
    quizzes: dict[str, Quiz] = {}
    for path in sorted((folder / "quizzes").glob("*.toml")):
        quiz = read_quiz(path, f"quizzes/{path.name}", problems)
        if quiz is not None:
            quizzes[quiz.id] = quiz
    return quizzes
