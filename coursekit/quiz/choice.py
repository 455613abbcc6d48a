"""Choice questions: one correct option, or a set of them ("choose all that apply")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..errors import CourseInputError
from .base import (
    CORRECT,
    WRONG,
    Result,
    _check_common,
    _check_id,
    _check_text,
    _check_unique,
    _duplicates,
    _id_list,
    _result,
    _unknown,
)

__all__ = ["MultipleChoice", "Option", "SingleChoice"]


@dataclass(frozen=True)
class Option:
    """One option of a choice question, whether it is correct, and why."""

    id: str
    text: str
    correct: bool
    feedback: str


def _check_options(question_id: str, options: tuple[Option, ...]) -> None:
    if len(options) < 2:
        raise CourseInputError(f"{question_id}.options", "needs at least two options")
    for option in options:
        if not isinstance(option, Option):
            raise CourseInputError(f"{question_id}.options", "every option must be an Option")
        _check_id(option.id, f"{question_id}.options")
        _check_text(option.text, f"{question_id}.{option.id}.text")
        _check_text(option.feedback, f"{question_id}.{option.id}.feedback")
    _check_unique([option.id for option in options], f"{question_id}.options")


def _option_line(option: Option) -> str:
    return f"{CORRECT if option.correct else WRONG} {option.text} — {option.feedback}"


@dataclass(frozen=True)
class SingleChoice:
    """A question with several options and exactly one correct one.

    The answer is the chosen option's id. It scores 1 if right and 0 if not; the feedback is
    the chosen option's own feedback.
    """

    id: str
    prompt: str
    options: tuple[Option, ...]
    explanation: str
    shuffle: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "options", tuple(self.options))
        _check_common(self.id, self.prompt, self.explanation)
        _check_options(self.id, self.options)
        if sum(option.correct for option in self.options) != 1:
            raise CourseInputError(f"{self.id}.options", "needs exactly one correct option")

    @property
    def kind(self) -> Literal["single"]:
        """Return ``"single"``."""
        return "single"

    def option(self, option_id: str) -> Option:
        """Return the option with this id, or raise CourseInputError."""
        for option in self.options:
            if option.id == option_id:
                return option
        raise CourseInputError("answer", f"unknown option {option_id!r}")

    def normalize(self, answer: object) -> str:
        """Check that the answer is one known option id and return it."""
        if not isinstance(answer, str):
            raise CourseInputError("answer", f"must be one option id, not {type(answer).__name__}")
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


@dataclass(frozen=True)
class MultipleChoice:
    """A question where a set of options is correct ("choose all that apply").

    The answer is a list (or set) of option ids; at least one must be chosen. Partial credit:
    each correct option picked counts +1, each wrong option picked counts -1, and the total is
    divided by the number of correct options, never going below 0. Only the exact set is
    ``correct``. The feedback gives every picked option's feedback, then each missed one's.
    """

    id: str
    prompt: str
    options: tuple[Option, ...]
    explanation: str
    shuffle: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "options", tuple(self.options))
        _check_common(self.id, self.prompt, self.explanation)
        _check_options(self.id, self.options)
        if not any(option.correct for option in self.options):
            raise CourseInputError(f"{self.id}.options", "needs at least one correct option")

    @property
    def kind(self) -> Literal["multiple"]:
        """Return ``"multiple"``."""
        return "multiple"

    def normalize(self, answer: object) -> list[str]:
        """Check the chosen ids and return them in the order the options are listed."""
        chosen = _id_list(answer, "option ids")
        if not chosen:
            raise CourseInputError("answer", "choose at least one option")
        _unknown(chosen, {option.id for option in self.options}, "option")
        _duplicates(chosen, "option")
        return [option.id for option in self.options if option.id in chosen]

    def grade(self, answer: object) -> Result:
        """Grade the chosen set with partial credit (see the class docstring)."""
        chosen = set(self.normalize(answer))
        right = {option.id for option in self.options if option.correct}
        hits = len(chosen & right)
        misses = len(chosen - right)
        lines = [_option_line(option) for option in self.options if option.id in chosen]
        lines += [
            f"Missed: {option.text} — {option.feedback}"
            for option in self.options
            if option.correct and option.id not in chosen
        ]
        score = 1.0 if chosen == right else (hits - misses) / len(right)
        return _result(self.id, score, lines, self.explanation)

    def answer_key(self) -> list[str]:
        """Return the ids of every correct option."""
        return [option.id for option in self.options if option.correct]

    def key_text(self) -> tuple[str, ...]:
        """Return the text of every correct option."""
        return tuple(option.text for option in self.options if option.correct)


