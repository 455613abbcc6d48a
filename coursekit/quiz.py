"""The quiz engine: four question types, grading with feedback, and a saveable attempt.

Every question is a frozen dataclass with an ``id``, a ``prompt`` and an ``explanation``, and
every option or item carries its own feedback saying why it is right or wrong. Grading returns a
:class:`Result` whose ``symbol`` and ``label`` say how it went in words and signs, so no display
needs colour to be understood. Bad answers raise :class:`~coursekit.errors.CourseInputError`.

>>> question = SingleChoice(
...     id="first_move",
...     prompt="In Scenario 2, what comes first?",
...     options=(
...         Option("own", "Own the misstep", True, "Yes: the repair comes first."),
...         Option("why", "Explain your change of heart", False, "Not yet: repair first."),
...     ),
...     explanation="In Scenario 2 the manager cannot hear your reasons until you repair.",
... )
>>> result = grade(question, "why")
>>> result.symbol, result.label, result.score
('✗', 'Not quite', 0.0)
>>> result.feedback
('✗ Explain your change of heart — Not yet: repair first.',)
>>> answer_key(question)
'own'
>>> attempt = QuizAttempt(Quiz("demo", "A short check", (question,)))
>>> attempt.answer("first_move", "own").label
'Correct'
>>> attempt.score(), attempt.out_of(), attempt.is_complete()
(1, 1, True)
>>> attempt.to_dict()["score"]
1
"""

from __future__ import annotations

import random
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol, TypeAlias, runtime_checkable

from .errors import CourseInputError

if TYPE_CHECKING:
    from .journal import JSONValue

__all__ = [
    "CORRECT",
    "PARTLY",
    "WRONG",
    "AnswerValue",
    "MatchItem",
    "MatchTarget",
    "Matching",
    "MultipleChoice",
    "Option",
    "OrderItem",
    "Ordering",
    "Question",
    "Quiz",
    "QuizAttempt",
    "Result",
    "SingleChoice",
    "answer_key",
    "grade",
    "key_text",
]

#: Sign shown for a fully correct answer.
CORRECT = "✓"
#: Sign shown for a wrong answer.
WRONG = "✗"
#: Sign shown for a partly right answer.
PARTLY = "◐"

Symbol: TypeAlias = Literal["✓", "✗", "◐"]
Label: TypeAlias = Literal["Correct", "Not quite", "Partly right"]
AnswerValue: TypeAlias = str | list[str] | dict[str, str]
"""An answer in its saved (JSON) form: an option id, a list of ids, or a left-to-right map."""

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


# Construction checks ---------------------------------------------------------------------


def _check_id(value: object, field: str) -> None:
    if not isinstance(value, str) or not _ID.match(value):
        raise CourseInputError(
            field, f"must be a non-empty id of letters, digits, _ . -, not {value!r}"
        )


def _check_text(value: object, field: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise CourseInputError(field, "must be non-empty text")


def _check_unique(ids: Sequence[str], field: str) -> None:
    seen: set[str] = set()
    for item_id in ids:
        if item_id in seen:
            raise CourseInputError(field, f"id {item_id!r} is used twice")
        seen.add(item_id)


def _check_common(question_id: str, prompt: str, explanation: str) -> None:
    _check_id(question_id, "id")
    _check_text(prompt, f"{question_id}.prompt")
    _check_text(explanation, f"{question_id}.explanation")


# Answer checks ---------------------------------------------------------------------------


def _id_list(answer: object, what: str) -> list[str]:
    """Return an answer that should be several ids as a list, or raise."""
    if isinstance(answer, str | bytes) or isinstance(answer, Mapping):
        raise CourseInputError("answer", f"must be a list of {what}, not {type(answer).__name__}")
    if not isinstance(answer, Collection):
        raise CourseInputError("answer", f"must be a list of {what}, not {type(answer).__name__}")
    items = list(answer)
    for item in items:
        if not isinstance(item, str):
            raise CourseInputError("answer", f"each entry must be an id, not {type(item).__name__}")
    return items


def _unknown(ids: Collection[str], known: Collection[str], what: str) -> None:
    strangers = [item for item in ids if item not in known]
    if strangers:
        raise CourseInputError("answer", f"unknown {what}: {', '.join(map(repr, strangers))}")


def _duplicates(ids: Sequence[str], what: str) -> None:
    doubled = sorted({item for item in ids if ids.count(item) > 1})
    if doubled:
        named = ", ".join(map(repr, doubled))
        raise CourseInputError("answer", f"{what} chosen more than once: {named}")


# Results ---------------------------------------------------------------------------------


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
            raise CourseInputError("score", f"must be between 0 and 1, not {self.score}")
        if self.correct != (self.score == 1.0):
            raise CourseInputError("score", "a correct result scores 1 and only a correct one")

    @property
    def symbol(self) -> Symbol:
        """Return ✓ for correct, ◐ for partly right and ✗ for not right."""
        if self.correct:
            return "✓"
        return "◐" if self.score > 0 else "✗"

    @property
    def label(self) -> Label:
        """Return the result in words, so a display never relies on colour."""
        if self.correct:
            return "Correct"
        return "Partly right" if self.score > 0 else "Not quite"

    def to_dict(self) -> dict[str, JSONValue]:
        """Return the result as plain data."""
        return {
            "question_id": self.question_id,
            "correct": self.correct,
            "score": self.score,
            "symbol": self.symbol,
            "label": self.label,
            "feedback": list(self.feedback),
            "explanation": self.explanation,
        }


def _result(question_id: str, score: float, feedback: list[str], explanation: str) -> Result:
    score = max(0.0, min(1.0, score))
    return Result(question_id, score == 1.0, score, tuple(feedback), explanation)


# The question protocol -------------------------------------------------------------------


@runtime_checkable
class Question(Protocol):
    """What every question type offers: identity, text, answer checking, grading and a key."""

    @property
    def id(self) -> str:
        """The question's id, unique within its quiz."""
        ...

    @property
    def prompt(self) -> str:
        """What the learner is asked."""
        ...

    @property
    def explanation(self) -> str:
        """Why the answer is what it is, shown after grading."""
        ...

    @property
    def kind(self) -> str:
        """The question type: ``single``, ``multiple``, ``ordering`` or ``matching``."""
        ...

    def normalize(self, answer: object) -> AnswerValue:
        """Check an answer and return it in its saved form; raise CourseInputError if unusable."""
        ...

    def grade(self, answer: object) -> Result:
        """Check and grade an answer."""
        ...

    def answer_key(self) -> AnswerValue:
        """Return the fully correct answer in its saved form."""
        ...

    def key_text(self) -> tuple[str, ...]:
        """Return the correct answer as lines a facilitator can read out."""
        ...


# Choice questions ------------------------------------------------------------------------


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


# Ordering --------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrderItem:
    """One item to put in order, with feedback on why it sits where it does."""

    id: str
    text: str
    feedback: str


@dataclass(frozen=True)
class Ordering:
    """A question where the learner puts items in order; ``items`` lists the correct order.

    The answer is a list of every item id, each once. The score is the share of items in their
    correct place; the feedback has a line for each misplaced item.
    """

    id: str
    prompt: str
    items: tuple[OrderItem, ...]
    explanation: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "items", tuple(self.items))
        _check_common(self.id, self.prompt, self.explanation)
        if len(self.items) < 2:
            raise CourseInputError(f"{self.id}.items", "needs at least two items")
        for item in self.items:
            if not isinstance(item, OrderItem):
                raise CourseInputError(f"{self.id}.items", "every item must be an OrderItem")
            _check_id(item.id, f"{self.id}.items")
            _check_text(item.text, f"{self.id}.{item.id}.text")
            _check_text(item.feedback, f"{self.id}.{item.id}.feedback")
        _check_unique([item.id for item in self.items], f"{self.id}.items")

    @property
    def kind(self) -> Literal["ordering"]:
        """Return ``"ordering"``."""
        return "ordering"

    def presented(self) -> tuple[OrderItem, ...]:
        """Return the items in a fixed scrambled order (never the correct one) to show first."""
        shuffled = list(self.items)
        random.Random(self.id).shuffle(shuffled)
        if shuffled == list(self.items):
            shuffled = shuffled[1:] + shuffled[:1]
        return tuple(shuffled)

    def normalize(self, answer: object) -> list[str]:
        """Check that the answer lists every item id exactly once and return it."""
        order = _id_list(answer, "item ids")
        _unknown(order, {item.id for item in self.items}, "item")
        _duplicates(order, "item")
        missing = [item.id for item in self.items if item.id not in order]
        if missing:
            raise CourseInputError("answer", f"place every item; missing: {', '.join(missing)}")
        return order

    def grade(self, answer: object) -> Result:
        """Grade an order: the share of items in their correct place."""
        order = self.normalize(answer)
        correct_ids = [item.id for item in self.items]
        placed = sum(given == want for given, want in zip(order, correct_ids, strict=True))
        by_id = {item.id: item for item in self.items}
        # One line per misplaced item, in the learner's own order so it follows what they see.
        lines = [
            f"{WRONG} {by_id[given].text} is out of place — {by_id[given].feedback}"
            for given, want in zip(order, correct_ids, strict=True)
            if given != want
        ]
        if not lines:
            lines = [f"{CORRECT} All {len(self.items)} in the right order."]
        return _result(self.id, placed / len(self.items), lines, self.explanation)

    def answer_key(self) -> list[str]:
        """Return the item ids in the correct order."""
        return [item.id for item in self.items]

    def key_text(self) -> tuple[str, ...]:
        """Return the items in the correct order, numbered."""
        return tuple(f"{number}. {item.text}" for number, item in enumerate(self.items, 1))


# Matching --------------------------------------------------------------------------------


@dataclass(frozen=True)
class MatchTarget:
    """Something on the right-hand side a left-hand item can be matched to."""

    id: str
    text: str


@dataclass(frozen=True)
class MatchItem:
    """A left-hand item, the id of the target it matches, and why."""

    id: str
    text: str
    match: str
    feedback: str


@dataclass(frozen=True)
class Matching:
    """A question where every left-hand item is matched to one right-hand target.

    A target may fit several items, and some targets may fit none. The answer maps every left
    id to a target id. The score is the share of items matched correctly; the feedback has a
    line for each mismatched item.
    """

    id: str
    prompt: str
    left: tuple[MatchItem, ...]
    right: tuple[MatchTarget, ...]
    explanation: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "left", tuple(self.left))
        object.__setattr__(self, "right", tuple(self.right))
        _check_common(self.id, self.prompt, self.explanation)
        if len(self.left) < 2 or len(self.right) < 2:
            raise CourseInputError(f"{self.id}", "needs at least two items on each side")
        for target in self.right:
            if not isinstance(target, MatchTarget):
                raise CourseInputError(f"{self.id}.right", "every target must be a MatchTarget")
            _check_id(target.id, f"{self.id}.right")
            _check_text(target.text, f"{self.id}.{target.id}.text")
        _check_unique([target.id for target in self.right], f"{self.id}.right")
        targets = {target.id for target in self.right}
        for item in self.left:
            if not isinstance(item, MatchItem):
                raise CourseInputError(f"{self.id}.left", "every item must be a MatchItem")
            _check_id(item.id, f"{self.id}.left")
            _check_text(item.text, f"{self.id}.{item.id}.text")
            _check_text(item.feedback, f"{self.id}.{item.id}.feedback")
            if item.match not in targets:
                raise CourseInputError(f"{self.id}.{item.id}", f"matches unknown {item.match!r}")
        _check_unique([item.id for item in self.left], f"{self.id}.left")

    @property
    def kind(self) -> Literal["matching"]:
        """Return ``"matching"``."""
        return "matching"

    def target(self, target_id: str) -> MatchTarget:
        """Return the right-hand target with this id, or raise CourseInputError."""
        for target in self.right:
            if target.id == target_id:
                return target
        raise CourseInputError("answer", f"unknown target {target_id!r}")

    def normalize(self, answer: object) -> dict[str, str]:
        """Check that every left id is matched to a known target and return the map."""
        if not isinstance(answer, Mapping):
            kind = type(answer).__name__
            raise CourseInputError("answer", f"must map items to targets, not {kind}")
        for key, value in answer.items():
            if not isinstance(key, str) or not isinstance(value, str):
                raise CourseInputError("answer", "every item and target must be given by its id")
        _unknown(list(answer), {item.id for item in self.left}, "item")
        _unknown(list(answer.values()), {target.id for target in self.right}, "target")
        missing = [item.id for item in self.left if item.id not in answer]
        if missing:
            raise CourseInputError("answer", f"match every item; missing: {', '.join(missing)}")
        return {item.id: str(answer[item.id]) for item in self.left}

    def grade(self, answer: object) -> Result:
        """Grade the matches: the share of left-hand items matched correctly."""
        given = self.normalize(answer)
        lines = [
            f"{WRONG} {item.text} → {self.target(given[item.id]).text} — {item.feedback}"
            for item in self.left
            if given[item.id] != item.match
        ]
        right = sum(given[item.id] == item.match for item in self.left)
        if not lines:
            lines = [f"{CORRECT} Every item is matched correctly."]
        return _result(self.id, right / len(self.left), lines, self.explanation)

    def answer_key(self) -> dict[str, str]:
        """Return the correct target id for every left id."""
        return {item.id: item.match for item in self.left}

    def key_text(self) -> tuple[str, ...]:
        """Return each item with its correct target."""
        return tuple(f"{item.text} → {self.target(item.match).text}" for item in self.left)


# Module-level helpers --------------------------------------------------------------------


def grade(question: Question, answer: object) -> Result:
    """Check and grade an answer to any question type."""
    return question.grade(answer)


def answer_key(question: Question) -> AnswerValue:
    """Return the fully correct answer, in the form ``grade`` accepts, for facilitators."""
    return question.answer_key()


def key_text(question: Question) -> tuple[str, ...]:
    """Return the correct answer as readable lines, for facilitators."""
    return question.key_text()


# Quizzes and attempts --------------------------------------------------------------------


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
            raise CourseInputError(f"{self.id}.questions", "needs at least one question")
        for question in self.questions:
            if not isinstance(question, Question):
                raise CourseInputError(f"{self.id}.questions", "every entry must be a question")
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
        raise CourseInputError("question_id", f"{question_id!r} is not a question in {self.id!r}")

    def answer_key(self) -> dict[str, AnswerValue]:
        """Return every question's fully correct answer, keyed by question id."""
        return {question.id: question.answer_key() for question in self.questions}


def _json_answer(saved: AnswerValue) -> JSONValue:
    if isinstance(saved, str):
        return saved
    if isinstance(saved, dict):
        mapping: dict[str, JSONValue] = dict(saved)
        return mapping
    items: list[JSONValue] = list(saved)
    return items


class QuizAttempt:
    """One learner's go at a quiz: answers, retries, attempt counts and a score.

    Answering a question again (with or without :meth:`retry` first) counts as a new attempt
    and replaces the latest result. :meth:`score` counts questions fully correct on their
    latest attempt.

    >>> from coursekit.quizbank import QUIZZES
    >>> quiz = QUIZZES["05_scenario2"]
    >>> attempt = QuizAttempt(quiz)
    >>> for question in quiz.questions:
    ...     _ = attempt.answer(question.id, answer_key(question))
    >>> attempt.score() == attempt.out_of(), attempt.is_complete()
    (True, True)
    >>> attempt.retry(quiz.questions[0].id)
    >>> attempt.is_complete(), attempt.attempts[quiz.questions[0].id]
    (False, 1)
    """

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
        answers: dict[str, JSONValue] = {
            qid: _json_answer(self._answers[qid])
            for qid in self.quiz.question_ids
            if qid in self._answers
        }
        attempts: dict[str, JSONValue] = dict(self.attempts)
        return {
            "quiz_id": self.quiz.id,
            "score": self.score(),
            "out_of": self.out_of(),
            "complete": self.is_complete(),
            "answers": answers,
            "attempts": attempts,
        }

    @classmethod
    def from_dict(cls, quiz: Quiz, data: object) -> QuizAttempt:
        """Rebuild an attempt from :meth:`to_dict` data by grading the saved answers again.

        Raises CourseInputError if the data is for another quiz, names unknown questions,
        holds answers the quiz cannot use, or records a score the answers do not give.
        """
        if not isinstance(data, Mapping):
            raise CourseInputError("attempt", f"must be a mapping, not {type(data).__name__}")
        quiz_id = data.get("quiz_id", quiz.id)
        if quiz_id != quiz.id:
            raise CourseInputError("quiz_id", f"{quiz_id!r} does not match quiz {quiz.id!r}")
        answers = data.get("answers", {})
        attempts = data.get("attempts", {})
        if not isinstance(answers, Mapping):
            raise CourseInputError("answers", "must map question ids to answers")
        if not isinstance(attempts, Mapping):
            raise CourseInputError("attempts", "must map question ids to counts")
        attempt = cls(quiz)
        for question_id, answer in answers.items():
            try:
                attempt.answer(question_id, answer)
            except CourseInputError as err:
                raise CourseInputError(f"answers.{question_id}", err.problem) from err
        for question_id, count in attempts.items():
            question = quiz.question(question_id)
            if isinstance(count, bool) or not isinstance(count, int) or count < 0:
                raise CourseInputError(f"attempts.{question_id}", "must be a count, 0 or more")
            floor = 1 if question.id in attempt._results else 0
            attempt._attempts[question.id] = max(count, floor)
        for key, value in (("score", attempt.score()), ("out_of", attempt.out_of())):
            if key in data and "answers" in data and data[key] != value:
                raise CourseInputError(key, f"saved {data[key]!r} but the answers give {value}")
        return attempt
