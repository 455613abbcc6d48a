"""Choice questions: one correct option, or a set of them ("choose all that apply")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

from ..errors import CourseInputError
from ..interface import texts
from .base import CORRECT, WRONG, Result, _check_common, _check_parts, _id_list, _result

_ui = texts("engines.quiz")


@dataclass(frozen=True)
class Option:
    """One option of a choice question, whether it is correct, and why."""

    id: str
    text: str
    correct: bool
    feedback: str


def _option_line(option: Option) -> str:
    sign = CORRECT if option.correct else WRONG
    return _ui("line", sign=sign, text=option.text, feedback=option.feedback)


@dataclass(frozen=True)
class _Choice:
    """What both choice questions hold: a prompt, two or more options and an explanation."""

    id: str
    prompt: str
    options: tuple[Option, ...]
    explanation: str
    shuffle: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "options", tuple(self.options))
        _check_common(self.id, self.prompt, self.explanation)
        if len(self.options) < 2:
            raise CourseInputError(f"{self.id}.options", _ui("two_options"))
        _check_parts(self.id, "options", self.options, Option, "text", "feedback")

    def option(self, option_id: str) -> Option:
        """Return the option with this id, or raise CourseInputError."""
        for option in self.options:
            if option.id == option_id:
                return option
        raise CourseInputError("answer", _ui("unknown_option", id=repr(option_id)))


class SingleChoice(_Choice):
    """A question with several options and exactly one correct one; the answer is its id."""

    kind: ClassVar[Literal["single"]] = "single"

    def __post_init__(self) -> None:
        super().__post_init__()
        if sum(option.correct for option in self.options) != 1:
            raise CourseInputError(f"{self.id}.options", _ui("one_correct"))

    def normalize(self, answer: object) -> str:
        """Check that the answer is one known option id and return it."""
        if not isinstance(answer, str):
            raise CourseInputError("answer", _ui("one_option", kind=type(answer).__name__))
        return self.option(answer).id

    def grade(self, answer: object) -> Result:
        """Grade the chosen option: 1 if it is the correct one, else 0."""
        option = self.option(self.normalize(answer))
        score = 1.0 if option.correct else 0.0
        return _result(self.id, score, [_option_line(option)], self.explanation)

    def answer_key(self) -> str:
        """Return the id of the correct option."""
        return next(option.id for option in self.options if option.correct)

    def key_text(self) -> tuple[str, ...]:
        """Return the correct option's text."""
        return (self.option(self.answer_key()).text,)


class MultipleChoice(_Choice):
    """A question where a set of options is correct ("choose all that apply").

    The answer is a list (or set) of option ids, at least one. Each correct pick counts +1 and
    each wrong pick -1, over the number of correct options, never below 0.
    """

    kind: ClassVar[Literal["multiple"]] = "multiple"

    def __post_init__(self) -> None:
        super().__post_init__()
        if not any(option.correct for option in self.options):
            raise CourseInputError(f"{self.id}.options", _ui("some_correct"))

    def normalize(self, answer: object) -> list[str]:
        """Check the chosen ids and return them in the order the options are listed."""
        chosen = _id_list(answer, [option.id for option in self.options], "option")
        if not chosen:
            raise CourseInputError("answer", _ui("choose_one"))
        return [option.id for option in self.options if option.id in chosen]

    def grade(self, answer: object) -> Result:
        """Grade the chosen set with partial credit (see the class docstring)."""
        chosen = set(self.normalize(answer))
        right = {option.id for option in self.options if option.correct}
        hits = len(chosen & right)
        misses = len(chosen - right)
        lines = [_option_line(option) for option in self.options if option.id in chosen]
        lines += [_ui("missed", text=option.text, feedback=option.feedback)
                  for option in self.options if option.correct and option.id not in chosen]
        score = 1.0 if chosen == right else (hits - misses) / len(right)
        return _result(self.id, score, lines, self.explanation)

    def answer_key(self) -> list[str]:
        """Return the ids of every correct option."""
        return [option.id for option in self.options if option.correct]

    def key_text(self) -> tuple[str, ...]:
        """Return the text of every correct option."""
        return tuple(option.text for option in self.options if option.correct)
