"""The quiz widget: all four question types, feedback per choice, retry and a score."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ipywidgets as w

from ..entries import QUIZ_PREFIX, QuizEntry
from ..errors import CourseInputError
from ..interface import texts
from ..loader import quizzes
from ..quiz import (
    Matching,
    MultipleChoice,
    Ordering,
    Question,
    Quiz,
    QuizAttempt,
    Result,
    learner_seed,
    shown_order,
)
from ..views import callout, result_html, score_html, tag
from ._common import (
    Exercise,
    Looks,
    actions,
    button,
    feedback,
    guard,
    setup_root,
    wide,
)

if TYPE_CHECKING:
    from ..journal import Journal

__all__ = ["QuestionView", "QuizView", "quiz"]

_ui = texts("widgets.quiz")


def _in_order(entries: Any, order: tuple[str, ...]) -> list[Any]:
    """Return the entries (each with an ``id``) in the given id order."""
    by_id = {entry.id: entry for entry in entries}
    return [by_id[entry_id] for entry_id in order if entry_id in by_id] or list(entries)


class QuestionView(w.VBox):  # type: ignore[misc]
    """One question's controls in this learner's order (``self.order``), Check, Try again."""

    def __init__(self, number: int, question: Question, on_check: Any, seed: str,
                 looks: Looks) -> None:
        self.question, self._on_check, self.looks = question, on_check, looks
        self.order = shown_order(question, seed)
        self.controls: dict[str, w.Widget] = {}
        self._add_controls()
        number_tag = tag("strong", _ui("question", number=number))
        prompt = looks.html(tag("p", [number_tag, " ", question.prompt]))
        body = [*self.controls.values()]
        if question.kind != "single":
            hint = _ui(f"hint.{question.kind}")
            body.insert(0, looks.html(tag("p", tag("em", hint))))
        self.check_button = button(_ui("check"), "check", primary=True, looks=looks)
        self.retry_button = button(_ui("try_again"), "undo", looks=looks)
        self.retry_button.disabled = True
        self.feedback = feedback("quiz", looks)
        self.check_button.on_click(lambda _b: self.check())
        self.retry_button.on_click(lambda _b: self.retry())
        buttons = actions(self.check_button, self.retry_button, looks=looks)
        super().__init__([prompt, *body, buttons, self.feedback], layout=looks.plain)
        self.add_class("sc-question")
        self.add_class(f"sc-question-{question.kind}")

    def _add_controls(self) -> None:
        """Make the controls of the question's type, keyed as :meth:`answer` reads them."""
        question, looks = self.question, self.looks
        if isinstance(question, MultipleChoice):
            for option in _in_order(question.options, self.order):
                box = w.Checkbox(value=False, indent=False, **wide(option.text, looks, tick=True))
                self.controls[option.id] = box
        elif isinstance(question, Ordering):
            items = [(item.text, item.id) for item in question.items]
            for place, item in enumerate(question.presented(), 1):
                label = wide(_ui("place", place=place), looks)
                menu = w.Dropdown(options=items, value=item.id, **label)
                self.controls[str(place)] = menu
        elif isinstance(question, Matching):
            targets = [(_ui("choose"), ""),
                       *((target.text, target.id) for target in question.right)]
            for left in _in_order(question.left, self.order):
                menu = w.Dropdown(options=targets, value="", **wide(f"{left.text} →", looks))
                self.controls[left.id] = menu
        else:
            shown = _in_order(question.options, self.order)
            options = [(option.text, option.id) for option in shown]
            self.controls["choice"] = w.RadioButtons(options=options, value=None,
                                                     **wide(_ui("your_answer"), looks))

    def answer(self) -> object:
        """Return the learner's current answer, in the form the quiz engine grades."""
        q = self.question
        if isinstance(q, MultipleChoice):
            return [key for key, box in self.controls.items() if box.value]
        if isinstance(q, Ordering):
            return [str(self.controls[str(p)].value) for p in range(1, len(q.items) + 1)]
        if isinstance(q, Matching):
            return {key: str(control.value) for key, control in self.controls.items()}
        return self.controls["choice"].value

    def set_answer(self, answer: object) -> None:
        """Put an answer into the controls (for restoring and for driving from Python)."""
        q = self.question
        if isinstance(q, MultipleChoice) and isinstance(answer, list):
            for key, box in self.controls.items():
                box.value = key in answer
        elif isinstance(q, Ordering) and isinstance(answer, list):
            for place, item_id in enumerate(answer, 1):
                if str(place) in self.controls:
                    self.controls[str(place)].value = item_id
        elif isinstance(q, Matching) and isinstance(answer, dict):
            for key, value in answer.items():
                if key in self.controls:
                    self.controls[key].value = value
        elif isinstance(answer, str):
            self.controls["choice"].value = answer

    @guard("feedback")
    def check(self) -> None:
        """Grade the current answer and show feedback."""
        answer = self.answer()
        if isinstance(answer, dict) and not all(answer.values()):
            raise CourseInputError("answer", _ui("match_all"))
        if answer is None:
            raise CourseInputError("answer", _ui("choose_first"))
        self.show(self._on_check(self.question.id, answer))

    def show(self, result: Result) -> None:
        """Show a graded result and offer a retry."""
        self.feedback.value = result_html(result)
        self.retry_button.disabled = False

    def retry(self) -> None:
        """Clear the feedback so the learner can answer again."""
        self._on_check(self.question.id, None)
        self.feedback.value = callout("info", _ui("try_again"), _ui("retry"))
        self.retry_button.disabled = True


class QuizView(Exercise):
    """A whole quiz: its questions, a running score, saved to the journal after each check."""

    def __init__(self, quiz_data: Quiz, journal: Journal | None = None) -> None:
        saved = self.open_journal(journal).quizzes.get(quiz_data.id)
        self.quiz = quiz_data
        self.exercise_id = f"{QUIZ_PREFIX}{quiz_data.id}"
        self.attempt = QuizAttempt(quiz_data)
        looks = Looks()
        self.score = feedback("score", looks)
        self.seed = learner_seed(self.journal)
        self.questions = [
            QuestionView(number, question, self._record, self.seed, looks)
            for number, question in enumerate(quiz_data.questions, 1)
        ]
        super().__init__()
        intro = [looks.html(tag("p", quiz_data.intro))] if quiz_data.intro else []
        setup_root(self, "quiz", quiz_data.title, [*intro, *self.questions, self.score], looks)
        self._restore(saved)
        self._show_score()

    def _record(self, question_id: str, answer: object) -> Result | None:
        if answer is None:
            self.attempt.retry(question_id)
            result = None
        else:
            result = self.attempt.answer(question_id, answer)
        self._show_score()
        attempt = self.attempt
        self.keep(self.exercise_id, QuizEntry(attempt.score(), attempt.out_of(), attempt.to_dict()))
        return result

    def _show_score(self) -> None:
        done = len(self.attempt.results)
        self.score.value = score_html(self.attempt.score(), self.attempt.out_of(), done)

    def _restore(self, saved: QuizEntry | None) -> None:
        if saved is None:
            return
        try:
            self.attempt = QuizAttempt.from_dict(self.quiz, saved.attempt)
        except CourseInputError:
            return
        answers = saved.attempt.get("answers")
        for view in self.questions:
            result = self.attempt.result(view.question.id)
            if result is not None and isinstance(answers, dict):
                view.set_answer(answers.get(view.question.id))
                view.show(result)


def quiz(quiz_id: str, journal: Journal | None = None) -> QuizView:
    """Return the quiz with this id from the course's quiz bank, restored from the journal."""
    if quiz_id not in quizzes():
        raise CourseInputError("quiz_id", _ui("unknown", id=repr(quiz_id)))
    return QuizView(quizzes()[quiz_id], journal)
