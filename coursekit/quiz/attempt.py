"""Quizzes and one learner's attempt at one: answers, retries, attempt counts and a score."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeAlias, cast

from ..errors import CourseInputError
from ..interface import texts, ui
from ..journal_format import JSONValue
from .arrange import Matching, Ordering
from .base import AnswerValue, Result, _check_id, _check_text, _check_unique
from .choice import MultipleChoice, SingleChoice

_ui = texts("engines.quiz")
#: A question of any of the four types: each has an id, a prompt, an explanation, ``kind``,
#: ``normalize`` (an answer in its saved form), ``grade``, ``answer_key`` and ``key_text``.
Question: TypeAlias = SingleChoice | MultipleChoice | Ordering | Matching


@dataclass(frozen=True)
class Quiz:
    """An ordered set of questions with an id and a title."""

    id: str
    title: str
    questions: tuple[Question, ...]
    intro: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "questions", tuple(self.questions))
        _check_id(self.id, "quiz.id")
        _check_text(self.title, f"{self.id}.title")
        if not self.questions:
            raise CourseInputError(f"{self.id}.questions", _ui("one_question"))
        for question in self.questions:
            if not isinstance(question, Question):
                raise CourseInputError(f"{self.id}.questions", _ui("not_question"))
        _check_unique([question.id for question in self.questions], f"{self.id}.questions")

    @property
    def question_ids(self) -> tuple[str, ...]:
        """Return the question ids in order."""
        return tuple(question.id for question in self.questions)

    def question(self, question_id: object) -> Question:
        """Return the question with this id, or raise CourseInputError."""
        for question in self.questions:
            if question.id == question_id:
                return question
        raise CourseInputError("question_id", _ui("no_question", id=repr(question_id),
                                                  quiz=repr(self.id)))


class QuizAttempt:
    """One learner's go at a quiz: answers, retries, attempt counts and a score; answering again
    counts as a new attempt and replaces the latest result."""

    def __init__(self, quiz: Quiz) -> None:
        self.quiz = quiz
        self._answers: dict[str, AnswerValue] = {}
        self._results: dict[str, Result] = {}
        self._attempts: dict[str, int] = {}

    def answer(self, question_id: str, answer: object) -> Result:
        """Grade an answer, record it as the latest attempt, and return the result."""
        question = self.quiz.question(question_id)
        saved = question.normalize(answer)
        result = question.grade(saved)
        self._answers[question.id] = saved
        self._results[question.id] = result
        self._attempts[question.id] = self._attempts.get(question.id, 0) + 1
        return result

    def retry(self, question_id: str) -> None:
        """Clear a question's latest answer so it can be tried again; its attempts are kept."""
        question = self.quiz.question(question_id)
        self._answers.pop(question.id, None)
        self._results.pop(question.id, None)

    def result(self, question_id: str) -> Result | None:
        """Return the latest result for a question, or None if it is unanswered."""
        return self._results.get(self.quiz.question(question_id).id)

    @property
    def results(self) -> dict[str, Result]:
        """Return the latest result of every answered question, in quiz order."""
        return {qid: self._results[qid] for qid in self.quiz.question_ids if qid in self._results}

    @property
    def attempts(self) -> dict[str, int]:
        """Return how many times each question has been answered."""
        return {qid: self._attempts[qid] for qid in self.quiz.question_ids if qid in self._attempts}

    def score(self) -> int:
        """Return how many questions are fully correct on their latest attempt."""
        return sum(result.correct for result in self._results.values())

    def out_of(self) -> int:
        """Return the number of questions in the quiz."""
        return len(self.quiz.questions)

    def is_complete(self) -> bool:
        """Return True when every question has a current answer."""
        return all(qid in self._results for qid in self.quiz.question_ids)

    def to_dict(self) -> dict[str, JSONValue]:
        """Return the attempt as journal data: ``score``, ``out_of`` and what was answered."""
        answers: dict[str, JSONValue] = {qid: cast("JSONValue", copy.copy(self._answers[qid]))
                                         for qid in self.quiz.question_ids if qid in self._answers}
        attempts: dict[str, JSONValue] = dict(self.attempts)
        return {"quiz_id": self.quiz.id, "score": self.score(), "out_of": self.out_of(),
                "complete": self.is_complete(), "answers": answers, "attempts": attempts}

    @classmethod
    def from_dict(cls, quiz: Quiz, data: object) -> QuizAttempt:
        """Rebuild an attempt from :meth:`to_dict` data by grading the saved answers again.

        Raises CourseInputError for another quiz's data, unknown questions or unusable answers,
        or a saved score the answers do not give.
        """
        if not isinstance(data, Mapping):
            raise CourseInputError("attempt", ui("engines.input.mapping", kind=type(data).__name__))
        quiz_id = data.get("quiz_id", quiz.id)
        if quiz_id != quiz.id:
            raise CourseInputError("quiz_id", _ui("other_quiz", id=repr(quiz_id),
                                                  quiz=repr(quiz.id)))
        answers = data.get("answers", {})
        attempts = data.get("attempts", {})
        if not isinstance(answers, Mapping):
            raise CourseInputError("answers", _ui("answers_map"))
        if not isinstance(attempts, Mapping):
            raise CourseInputError("attempts", _ui("attempts_map"))
        attempt = cls(quiz)
        for question_id, answer in answers.items():
            try:
                attempt.answer(question_id, answer)
            except CourseInputError as err:
                raise CourseInputError(f"answers.{question_id}", err.problem) from err
        for question_id, count in attempts.items():
            question = quiz.question(question_id)
            if isinstance(count, bool) or not isinstance(count, int) or count < 0:
                raise CourseInputError(f"attempts.{question_id}", _ui("count"))
            floor = 1 if question.id in attempt._results else 0
            attempt._attempts[question.id] = max(count, floor)
        for key, value in (("score", attempt.score()), ("out_of", attempt.out_of())):
            if key in data and "answers" in data and data[key] != value:
                raise CourseInputError(key, _ui("saved_score", saved=repr(data[key]), value=value))
        return attempt

