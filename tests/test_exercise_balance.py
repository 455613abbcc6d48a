"""Exercises can't be gamed: no favourite position, no "pick the longest", a why for every option.

Issue 11: the correct option used to be first in every question and the strong role-play reply
first and longest in every decision. These tests hold the stored content and the per-learner
display order to the rules that fix that.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from content_names import QUIZZES, ROLEPLAYS

from coursekit import widgets as cw
from coursekit.fields import Problem
from coursekit.journal import Journal
from coursekit.loader.read_quizzes import read_quiz
from coursekit.quiz import (
    ORDER_SEED_ENV,
    ORDER_SEED_KEY,
    Matching,
    MultipleChoice,
    Option,
    Ordering,
    SingleChoice,
    learner_seed,
    shown_order,
)
from coursekit.roleplay import Node

pytestmark = pytest.mark.timeout(60)


def choice_questions() -> list[SingleChoice | MultipleChoice]:
    return [
        question
        for quiz in QUIZZES.values()
        for question in quiz.questions
        if isinstance(question, SingleChoice | MultipleChoice)
    ]


def decisions() -> list[Node]:
    """Every role-play node where the learner chooses between graded replies."""
    return [
        node
        for roleplay in ROLEPLAYS.values()
        for node in roleplay.nodes
        if not node.fork and len(node.choices) > 1
    ]


@pytest.fixture(autouse=True)
def _no_fixed_seed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ORDER_SEED_ENV, raising=False)


# Stored content -------------------------------------------------------------------------


def test_no_position_holds_more_than_half_the_correct_answers() -> None:
    positions: Counter[int] = Counter()
    for question in choice_questions():
        positions.update(i for i, option in enumerate(question.options) if option.correct)
    total = sum(positions.values())
    assert total >= 20
    assert max(positions.values()) <= total / 2, positions


def test_the_correct_single_answer_is_not_usually_the_longest() -> None:
    singles = [q for q in choice_questions() if isinstance(q, SingleChoice)]
    longest = sum(max(q.options, key=lambda o: len(o.text)).correct for q in singles)
    assert longest <= 0.4 * len(singles), f"{longest} of {len(singles)}"


def test_the_strong_reply_is_the_longest_in_at_most_40_percent_of_decisions() -> None:
    graded = [node for node in decisions() if any(c.quality == "strong" for c in node.choices)]
    assert len(graded) >= 20
    longest = [
        node.id
        for node in graded
        if max(node.choices, key=lambda c: len(c.text)).quality == "strong"
    ]
    assert len(longest) <= 0.4 * len(graded), longest


def test_replies_in_one_decision_are_of_comparable_length() -> None:
    for node in decisions():
        lengths = [len(choice.text) for choice in node.choices]
        assert min(lengths) >= 0.3 * max(lengths), (node.id, lengths)


def test_every_option_item_and_reply_has_a_why() -> None:
    for quiz in QUIZZES.values():
        for question in quiz.questions:
            assert question.explanation.strip(), question.id
            if isinstance(question, SingleChoice | MultipleChoice):
                whys = [option.feedback for option in question.options]
            elif isinstance(question, Ordering):
                whys = [item.feedback for item in question.items]
            else:
                assert isinstance(question, Matching)
                whys = [item.feedback for item in question.left]
            assert all(len(why.split()) >= 3 for why in whys), question.id
    for node in decisions():
        for choice in node.choices:
            assert len(choice.feedback.split()) >= 3, choice.id


# Display order --------------------------------------------------------------------------


def orders(seed: str) -> list[tuple[str, ...]]:
    return [shown_order(question, seed) for question in choice_questions()]


def test_the_displayed_order_differs_between_two_journals(tmp_path: Path) -> None:
    first = learner_seed(Journal(tmp_path / "a.json"))
    second = learner_seed(Journal(tmp_path / "b.json"))
    assert first != second
    assert orders(first) != orders(second)
    for question, shown in zip(choice_questions(), orders(first), strict=True):
        assert sorted(shown) == sorted(option.id for option in question.options)


def test_the_order_is_stable_for_one_learner_across_restarts(tmp_path: Path) -> None:
    path = tmp_path / "journal.json"
    seed = learner_seed(Journal(path))
    again = Journal(path)
    assert again.get(ORDER_SEED_KEY) == seed
    assert learner_seed(again) == seed
    assert orders(learner_seed(again)) == orders(seed)


def test_the_environment_fixes_the_order_for_tests(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ORDER_SEED_ENV, "fixed")
    journal = Journal(tmp_path / "journal.json")
    assert learner_seed(journal) == "fixed"
    assert ORDER_SEED_KEY not in journal


def test_the_quiz_widget_shows_options_in_the_learners_order(tmp_path: Path) -> None:
    journals = [Journal(tmp_path / "a.json"), Journal(tmp_path / "b.json")]
    shown = []
    for journal in journals:
        view = cw.quiz("03_scenarios", journal)
        seed = journal.get(ORDER_SEED_KEY)
        assert isinstance(seed, str) and view.seed == seed
        for question_view in view.questions:
            question = question_view.question
            assert question_view.order == shown_order(question, seed)
            if isinstance(question, SingleChoice):
                labels = [value for _, value in question_view.controls["choice"].options]
                assert tuple(labels) == question_view.order
            elif isinstance(question, MultipleChoice | Matching):
                assert tuple(question_view.controls) == question_view.order
        shown.append([q.order for q in view.questions])
        reopened = cw.quiz("03_scenarios", journal)
        assert [q.order for q in reopened.questions] == shown[-1]
    assert shown[0] != shown[1]


def test_an_author_can_pin_the_order(tmp_path: Path) -> None:
    pinned = SingleChoice(
        "pinned",
        "Which comes first?",
        (Option("a", "First", True, "Yes, first."), Option("b", "Second", False, "No, second.")),
        "Order is the point.",
        shuffle=False,
    )
    assert {shown_order(pinned, seed) for seed in ("x", "y", "z", "w")} == {("a", "b")}
    source = tmp_path / "pin.toml"
    source.write_text(
        'id = "pin"\ntitle = "Pinned"\n\n[[questions]]\nid = "p1"\nkind = "single"\n'
        'prompt = "Which?"\nexplanation = "Because."\nshuffle = false\n\n'
        + "".join(
            f'[[questions.options]]\nid = "o{n}"\ntext = "Option {n}"\n'
            f'correct = {"true" if n == 0 else "false"}\nfeedback = "Why {n}."\n\n'
            for n in range(5)
        ),
        encoding="utf-8",
    )
    problems: list[Problem] = []
    quiz = read_quiz(source, "pin.toml", problems)
    assert problems == [] and quiz is not None
    question = quiz.questions[0]
    ids = tuple(f"o{n}" for n in range(5))
    assert {shown_order(question, seed) for seed in ("x", "y", "z", "w")} == {ids}


def test_a_journal_that_cannot_be_written_still_gets_an_order() -> None:
    class ReadOnly:
        def get(self, exercise_id: str, /) -> object:
            return None

        def save(self, exercise_id: str, value: str, /) -> None:
            raise OSError("read-only")

    seed = learner_seed(ReadOnly())
    assert seed and orders(seed)
