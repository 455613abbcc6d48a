"""Tests for coursekit.quiz: question construction, grading, answer checks and attempts."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coursekit.errors import CourseInputError
from coursekit.quiz import (
    CORRECT,
    PARTLY,
    WRONG,
    Matching,
    MatchItem,
    MatchTarget,
    MultipleChoice,
    Option,
    Ordering,
    OrderItem,
    Question,
    Quiz,
    QuizAttempt,
    Result,
    SingleChoice,
)

# Fixtures ---------------------------------------------------------------------------------


def single() -> SingleChoice:
    return SingleChoice(
        "first",
        "What comes first in Scenario 2?",
        (
            Option("own", "Own the misstep", True, "Yes: repair first."),
            Option("why", "Explain the change", False, "Not yet."),
            Option("ask", "Ask if it is open", False, "Skips the repair."),
        ),
        "Repair first.",
    )


def multiple() -> MultipleChoice:
    return MultipleChoice(
        "cheap",
        "Why is the call cheap?",
        (
            Option("a", "A no is where you stand", True, "Right."),
            Option("b", "It ends the regret", True, "Right."),
            Option("c", "Doors stay open", True, "Right."),
            Option("x", "The manager must say yes", False, "No."),
            Option("y", "No credibility is lost", False, "No."),
        ),
        "It costs little.",
    )


def ordering() -> Ordering:
    return Ordering(
        "order",
        "Order the moves.",
        (
            OrderItem("one", "First", "Comes first."),
            OrderItem("two", "Second", "Comes second."),
            OrderItem("three", "Third", "Comes third."),
            OrderItem("four", "Fourth", "Comes last."),
        ),
        "That is the order.",
    )


def matching() -> Matching:
    return Matching(
        "match",
        "Match them.",
        (
            MatchItem("l1", "Silence", "insulted", "Silence insults."),
            MatchItem("l2", "Keen then no", "hurt", "A reversal hurts."),
            MatchItem("l3", "Weeks later", "filled", "Time fills roles."),
        ),
        (
            MatchTarget("insulted", "Insulted"),
            MatchTarget("hurt", "Hurt"),
            MatchTarget("filled", "Filled"),
            MatchTarget("flattered", "Flattered"),
        ),
        "Each trigger has its reaction.",
    )


def all_questions() -> list[Question]:
    return [single(), multiple(), ordering(), matching()]


def quiz() -> Quiz:
    return Quiz("demo", "Demo quiz", tuple(all_questions()))


# Construction checks ----------------------------------------------------------------------


def test_every_type_is_a_question() -> None:
    kinds = {q.kind for q in all_questions()}
    assert kinds == {"single", "multiple", "ordering", "matching"}
    for question in all_questions():
        assert isinstance(question, Question)


@pytest.mark.parametrize(
    "options",
    [
        (Option("a", "A", True, "f"), Option("b", "B", True, "f")),  # two correct
        (Option("a", "A", False, "f"), Option("b", "B", False, "f")),  # none correct
        (Option("a", "A", True, "f"),),  # too few
        (Option("a", "A", True, "f"), Option("a", "B", False, "f")),  # duplicate id
        (Option("a", "A", True, ""), Option("b", "B", False, "f")),  # no feedback
        (Option("a", "", True, "f"), Option("b", "B", False, "f")),  # no text
        (Option("a b", "A", True, "f"), Option("b", "B", False, "f")),  # bad id
    ],
)
def test_single_choice_rejects_bad_options(options: tuple[Option, ...]) -> None:
    with pytest.raises(CourseInputError):
        SingleChoice("q", "Prompt?", options, "Why.")


def test_questions_need_id_prompt_and_explanation() -> None:
    good = (Option("a", "A", True, "f"), Option("b", "B", False, "f"))
    with pytest.raises(CourseInputError):
        SingleChoice("", "Prompt?", good, "Why.")
    with pytest.raises(CourseInputError):
        SingleChoice("q", "  ", good, "Why.")
    with pytest.raises(CourseInputError):
        SingleChoice("q", "Prompt?", good, "")


def test_multiple_choice_needs_a_correct_option() -> None:
    with pytest.raises(CourseInputError):
        MultipleChoice(
            "q", "P?", (Option("a", "A", False, "f"), Option("b", "B", False, "f")), "Why."
        )


def test_ordering_rejects_duplicates_and_single_items() -> None:
    with pytest.raises(CourseInputError):
        Ordering("q", "P?", (OrderItem("a", "A", "f"), OrderItem("a", "B", "f")), "Why.")
    with pytest.raises(CourseInputError):
        Ordering("q", "P?", (OrderItem("a", "A", "f"),), "Why.")


def test_matching_rejects_unknown_targets_and_duplicates() -> None:
    targets = (MatchTarget("x", "X"), MatchTarget("y", "Y"))
    with pytest.raises(CourseInputError):
        Matching(
            "q", "P?", (MatchItem("a", "A", "x", "f"), MatchItem("b", "B", "z", "f")), targets, "W"
        )
    with pytest.raises(CourseInputError):
        Matching(
            "q", "P?", (MatchItem("a", "A", "x", "f"), MatchItem("a", "B", "y", "f")), targets, "W"
        )
    with pytest.raises(CourseInputError):
        Matching(
            "q",
            "P?",
            (MatchItem("a", "A", "x", "f"), MatchItem("b", "B", "x", "f")),
            (MatchTarget("x", "X"), MatchTarget("x", "Y")),
            "W",
        )


def test_quiz_rejects_duplicate_question_ids_and_empty_quizzes() -> None:
    with pytest.raises(CourseInputError):
        Quiz("q", "Title", (single(), single()))
    with pytest.raises(CourseInputError):
        Quiz("q", "Title", ())
    with pytest.raises(CourseInputError):
        Quiz("q", "", (single(),))
    with pytest.raises(CourseInputError):
        Quiz("q", "Title", ("not a question",))  # type: ignore[arg-type]


def test_lists_are_stored_as_tuples() -> None:
    question = SingleChoice(
        "q",
        "P?",
        [Option("a", "A", True, "f"), Option("b", "B", False, "f")],  # type: ignore[arg-type]
        "W",
    )
    assert isinstance(question.options, tuple)
    hash(question)


# Grading ---------------------------------------------------------------------------------


def test_single_choice_grading() -> None:
    right = single().grade("own")
    assert (right.correct, right.score, right.symbol, right.label) == (True, 1.0, "✓", "Correct")
    assert right.feedback == ("✓ Own the misstep — Yes: repair first.",)
    wrong = single().grade("ask")
    assert (wrong.correct, wrong.score, wrong.symbol, wrong.label) == (
        False,
        0.0,
        "✗",
        "Not quite",
    )
    assert wrong.feedback == ("✗ Ask if it is open — Skips the repair.",)
    assert wrong.explanation == "Repair first."


def test_multiple_choice_exact_set_is_correct_in_any_order() -> None:
    for answer in (["c", "a", "b"], ("a", "b", "c"), {"a", "b", "c"}, frozenset("abc")):
        result = multiple().grade(answer)
        assert result.correct and result.score == 1.0


def test_multiple_choice_partial_credit_rules() -> None:
    two_of_three = multiple().grade(["a", "b"])
    assert two_of_three.score == pytest.approx(2 / 3)
    assert (two_of_three.symbol, two_of_three.label) == (PARTLY, "Partly right")
    assert any(line.startswith("Missed: Doors stay open") for line in two_of_three.feedback)
    # Each wrong pick cancels a right one.
    assert multiple().grade(["a", "b", "x"]).score == pytest.approx(1 / 3)
    assert multiple().grade(["a", "x"]).score == 0.0
    # Never below zero.
    wrong_only = multiple().grade(["x", "y"])
    assert wrong_only.score == 0.0 and wrong_only.label == "Not quite"
    # Everything picked is not fully correct.
    everything = multiple().grade(["a", "b", "c", "x", "y"])
    assert not everything.correct and everything.score == pytest.approx(1 / 3)


def test_multiple_choice_feedback_covers_every_pick_and_every_miss() -> None:
    result = multiple().grade(["a", "x"])
    assert result.feedback[0].startswith(CORRECT + " A no is where you stand")
    assert result.feedback[1].startswith(WRONG + " The manager must say yes")
    assert len(result.feedback) == 2 + 2  # two picks, two missed correct options


def test_ordering_grading_and_feedback_per_misplaced_item() -> None:
    perfect = ordering().grade(["one", "two", "three", "four"])
    assert perfect.correct and perfect.feedback == ("✓ All 4 in the right order.",)
    swapped = ordering().grade(["two", "one", "three", "four"])
    assert swapped.score == 0.5 and swapped.symbol == PARTLY
    assert swapped.feedback == (
        "✗ Second is out of place — Comes second.",
        "✗ First is out of place — Comes first.",
    )
    reversed_order = ordering().grade(["four", "three", "two", "one"])
    assert reversed_order.score == 0.0 and reversed_order.label == "Not quite"
    assert len(reversed_order.feedback) == 4


def test_ordering_presented_order_is_fixed_scrambled_and_complete() -> None:
    question = ordering()
    shown = question.presented()
    assert shown == question.presented()
    assert [item.id for item in shown] != question.answer_key()
    assert sorted(item.id for item in shown) == sorted(question.answer_key())
    two = Ordering("ab", "P?", (OrderItem("a", "A", "f"), OrderItem("b", "B", "f")), "W")
    assert [item.id for item in two.presented()] == ["b", "a"]


def test_matching_grading_and_feedback_per_mismatch() -> None:
    perfect = matching().grade({"l1": "insulted", "l2": "hurt", "l3": "filled"})
    assert perfect.correct and perfect.feedback == ("✓ Every item is matched correctly.",)
    one_wrong = matching().grade({"l1": "insulted", "l2": "flattered", "l3": "filled"})
    assert one_wrong.score == pytest.approx(2 / 3) and one_wrong.label == "Partly right"
    assert one_wrong.feedback == ("✗ Keen then no → Flattered — A reversal hurts.",)


def test_result_invariants() -> None:
    with pytest.raises(CourseInputError):
        Result("q", True, 0.5, ())
    with pytest.raises(CourseInputError):
        Result("q", False, 1.5, ())
    result = Result("q", False, 0.25, ("x",), "why")
    assert result.symbol == "◐" and result.label == "Partly right"


# Answer checks ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (single(), 1),
        (single(), None),
        (single(), ["own"]),
        (single(), "nope"),
        (multiple(), "a"),
        (multiple(), []),
        (multiple(), ["a", "a"]),
        (multiple(), ["a", "zzz"]),
        (multiple(), [1, 2]),
        (multiple(), {"a": "b"}),
        (multiple(), 7),
        (ordering(), "one two three four"),
        (ordering(), ["one", "two", "three"]),
        (ordering(), ["one", "one", "three", "four"]),
        (ordering(), ["one", "two", "three", "four", "five"]),
        (ordering(), {"one": 1}),
        (matching(), ["insulted", "hurt", "filled"]),
        (matching(), {"l1": "insulted", "l2": "hurt"}),
        (matching(), {"l1": "insulted", "l2": "hurt", "l3": "nowhere"}),
        (matching(), {"l1": "insulted", "l2": "hurt", "l3": "filled", "l9": "hurt"}),
        (matching(), {"l1": 1, "l2": "hurt", "l3": "filled"}),
    ],
)
def test_bad_answers_raise_course_input_error(question: Question, answer: object) -> None:
    with pytest.raises(CourseInputError) as info:
        question.grade(answer)
    assert info.value.field == "answer"


def test_incomplete_matching_names_the_missing_item() -> None:
    with pytest.raises(CourseInputError, match="l3"):
        matching().grade({"l1": "insulted", "l2": "hurt"})


def test_duplicate_ordering_names_the_item() -> None:
    with pytest.raises(CourseInputError, match="'one'"):
        ordering().grade(["one", "one", "three", "four"])


# Answer keys -----------------------------------------------------------------------------


def test_answer_keys_score_full_marks_and_read_well() -> None:
    for question in all_questions():
        result = question.grade(question.answer_key())
        assert result.correct and result.score == 1.0
        assert question.key_text()
    assert single().answer_key() == "own"
    assert multiple().answer_key() == ["a", "b", "c"]
    assert ordering().answer_key() == ["one", "two", "three", "four"]
    assert matching().answer_key() == {"l1": "insulted", "l2": "hurt", "l3": "filled"}
    assert ordering().key_text()[0] == "1. First"
    assert matching().key_text()[0] == "Silence → Insulted"


# Attempts --------------------------------------------------------------------------------


def test_attempt_counts_latest_fully_correct_answers() -> None:
    attempt = QuizAttempt(quiz())
    assert (attempt.score(), attempt.out_of(), attempt.is_complete()) == (0, 4, False)
    attempt.answer("first", "why")
    attempt.answer("cheap", ["a", "b"])  # partly right: not counted
    assert attempt.score() == 0
    attempt.answer("first", "own")  # answering again replaces the latest result
    assert attempt.score() == 1
    assert attempt.attempts == {"first": 2, "cheap": 1}
    attempt.answer("order", ordering().answer_key())
    attempt.answer("match", matching().answer_key())
    assert attempt.is_complete() and attempt.score() == 3


def test_retry_clears_the_answer_but_keeps_the_count() -> None:
    attempt = QuizAttempt(quiz())
    attempt.answer("first", "own")
    attempt.retry("first")
    assert attempt.result("first") is None and attempt.score() == 0
    assert attempt.attempts["first"] == 1
    attempt.answer("first", "own")
    assert attempt.attempts["first"] == 2 and attempt.score() == 1
    attempt.retry("order")  # retrying an unanswered question is harmless
    assert "order" not in attempt.results


def test_attempt_rejects_unknown_questions_and_bad_answers_without_recording() -> None:
    attempt = QuizAttempt(quiz())
    with pytest.raises(CourseInputError) as info:
        attempt.answer("nope", "own")
    assert info.value.field == "question_id"
    with pytest.raises(CourseInputError):
        attempt.retry("nope")
    with pytest.raises(CourseInputError):
        attempt.answer("first", 42)
    assert attempt.attempts == {} and attempt.results == {}


def test_attempt_round_trips_through_json() -> None:
    attempt = QuizAttempt(quiz())
    attempt.answer("first", "own")
    attempt.answer("cheap", {"a", "b"})
    attempt.answer("cheap", ["a", "b", "c"])
    attempt.answer("match", {"l1": "hurt", "l2": "hurt", "l3": "filled"})
    data = json.loads(json.dumps(attempt.to_dict()))
    assert data["score"] == 2 and data["out_of"] == 4 and data["complete"] is False
    assert isinstance(data["score"], int) and isinstance(data["out_of"], int)
    again = QuizAttempt.from_dict(quiz(), data)
    assert again.to_dict() == attempt.to_dict()
    assert again.results["match"].score == pytest.approx(2 / 3)


@pytest.mark.parametrize(
    "data",
    [
        "not a mapping",
        {"quiz_id": "other"},
        {"answers": ["own"]},
        {"answers": {"first": "nope"}},
        {"answers": {"ghost": "own"}},
        {"answers": {"first": "own"}, "score": 0},
        {"answers": {"first": "own"}, "out_of": 9},
        {"answers": {}, "attempts": {"first": -1}},
        {"answers": {}, "attempts": {"first": True}},
        {"answers": {}, "attempts": []},
        {"answers": {}, "attempts": {"ghost": 1}},
    ],
)
def test_from_dict_rejects_bad_data(data: Any) -> None:
    with pytest.raises(CourseInputError):
        QuizAttempt.from_dict(quiz(), data)


def test_from_dict_names_the_bad_answer() -> None:
    with pytest.raises(CourseInputError) as info:
        QuizAttempt.from_dict(quiz(), {"answers": {"first": "nope"}})
    assert info.value.field == "answers.first"


def test_from_dict_fills_in_missing_attempt_counts() -> None:
    attempt = QuizAttempt.from_dict(quiz(), {"answers": {"first": "own"}, "attempts": {}})
    assert attempt.attempts == {"first": 1}
    empty = QuizAttempt.from_dict(quiz(), {"score": 0, "out_of": 4})
    assert empty.score() == 0 and not empty.is_complete()


# Properties ------------------------------------------------------------------------------

_ids = st.sampled_from(
    ["own", "why", "ask", "a", "b", "c", "x", "y", "one", "two", "three", "four", "l1", "l2",
     "l3", "insulted", "hurt", "filled", "flattered", "zzz", ""]
)
_answers = st.one_of(
    st.none(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=5),
    _ids,
    st.lists(_ids, max_size=6),
    st.lists(st.one_of(_ids, st.integers()), max_size=4),
    st.frozensets(_ids, max_size=6),
    st.dictionaries(_ids, _ids, max_size=5),
    st.dictionaries(_ids, st.integers(), max_size=3),
)


@settings(max_examples=300, deadline=None)
@given(index=st.integers(0, 3), answer=_answers)
def test_any_answer_grades_or_raises_course_input_error(index: int, answer: object) -> None:
    question = all_questions()[index]
    try:
        result = question.grade(answer)
    except CourseInputError:
        return
    assert 0.0 <= result.score <= 1.0
    assert result.correct == (result.score == 1.0)
    assert result.symbol in {"✓", "✗", "◐"} and result.feedback


def test_every_question_kind_but_single_has_a_hint_over_it() -> None:
    """The quiz widget looks its hint up by question kind (``widgets.quiz.hint.<kind>``)."""
    from coursekit.interface import interface_texts
    from coursekit.loader.read_quizzes import QUESTION_KINDS

    hinted = {key.rsplit(".", 1)[1] for key in interface_texts() if ".quiz.hint." in key}
    assert hinted == set(QUESTION_KINDS) - {"single"}
