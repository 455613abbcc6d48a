"""The quiz engine's building blocks: result signs, construction and answer checks, results."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeAlias

from ..errors import CourseInputError
from ..fields import duplicates
from ..interface import texts

_ui = texts("engines.quiz")
# The signs shown for a fully correct, a wrong and a partly right answer.
CORRECT = "✓"
WRONG = "✗"
PARTLY = "◐"

Symbol: TypeAlias = Literal["✓", "✗", "◐"]
Label: TypeAlias = Literal["Correct", "Not quite", "Partly right"]
#: An answer in its saved (JSON) form: an option id, a list of ids, or a left-to-right map.
AnswerValue: TypeAlias = str | list[str] | dict[str, str]

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def _check_id(value: object, field: str) -> None:
    if not isinstance(value, str) or not _ID.match(value):
        raise CourseInputError(field, _ui("bad_id", value=repr(value)))


def _check_text(value: object, field: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise CourseInputError(field, _ui("text"))


def _check_unique(ids: Sequence[str], field: str) -> None:
    doubled = duplicates(ids)
    if doubled:
        raise CourseInputError(field, _ui("twice", id=repr(doubled[0])))


def _check_common(question_id: str, prompt: str, explanation: str) -> None:
    _check_id(question_id, "id")
    _check_text(prompt, f"{question_id}.prompt")
    _check_text(explanation, f"{question_id}.explanation")


def _check_parts(question_id: str, field: str, parts: tuple[Any, ...], kind: type[Any],
                 *texts: str) -> None:
    """Check a question's options or items: each a ``kind`` with a unique id and the ``texts``."""
    where = f"{question_id}.{field}"
    noun = {"options": "option", "right": "target"}.get(field, "item")
    article = "an" if kind.__name__[0] in "AEIOU" else "a"
    for part in parts:
        if not isinstance(part, kind):
            raise CourseInputError(where, _ui("part_kind", noun=noun, article=article,
                                              kind=kind.__name__))
        _check_id(part.id, where)
        for name in texts:
            _check_text(getattr(part, name), f"{question_id}.{part.id}.{name}")
    _check_unique([part.id for part in parts], where)


def _id_list(answer: object, known: Collection[str], what: str) -> list[str]:
    """Return an answer that should be several known ids, each once, as a list, or raise."""
    if isinstance(answer, str | bytes | Mapping) or not isinstance(answer, Collection):
        raise CourseInputError("answer", _ui("list", what=what, kind=type(answer).__name__))
    items = list(answer)
    for item in items:
        if not isinstance(item, str):
            raise CourseInputError("answer", _ui("entry_id", kind=type(item).__name__))
    _unknown(items, known, what)
    doubled = ", ".join(sorted({repr(item) for item in items if items.count(item) > 1}))
    if doubled:
        raise CourseInputError("answer", _ui("chosen_twice", what=what, ids=doubled))
    return items


def _unknown(ids: Collection[str], known: Collection[str], what: str) -> None:
    strangers = ", ".join(repr(item) for item in ids if item not in known)
    if strangers:
        raise CourseInputError("answer", _ui("unknown", what=what, ids=strangers))


@dataclass(frozen=True)
class Result:
    """How one answer went: right or not, a score from 0 to 1, and feedback lines."""

    question_id: str
    correct: bool
    score: float
    feedback: tuple[str, ...]
    explanation: str = ""

    def __post_init__(self) -> None:
        if not 0.0 <= self.score <= 1.0:
            raise CourseInputError("score", _ui("score_range", score=self.score))
        if self.correct != (self.score == 1.0):
            raise CourseInputError("score", _ui("score_correct"))

    @property
    def symbol(self) -> Symbol:
        """Return ✓ for correct, ◐ for partly right and ✗ for not right."""
        return "✓" if self.correct else "◐" if self.score > 0 else "✗"

    @property
    def label(self) -> Label:
        """Return the result in words, so a display never relies on colour."""
        return "Correct" if self.correct else "Partly right" if self.score > 0 else "Not quite"


def _result(question_id: str, score: float, feedback: list[str], explanation: str) -> Result:
    score = max(0.0, min(1.0, score))
    return Result(question_id, score == 1.0, score, tuple(feedback), explanation)

