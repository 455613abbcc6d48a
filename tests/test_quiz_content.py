"""Tests for coursekit.quizbank: every quiz is valid, keyed right, and agrees with knowledge."""

from __future__ import annotations

import json
import re

import pytest
from content_names import (
    LESSONS,
    MISSTEPS,
    MOVES,
    QUIZZES,
    QUOTES,
    REACTIONS,
    commenter_id,
    scenario_moves,
)
from owntext import fingerprints, source_prints, unquoted

from coursekit.quiz import (
    Matching,
    MultipleChoice,
    Ordering,
    Question,
    Quiz,
    QuizAttempt,
    SingleChoice,
)

EXPECTED_IDS = [
    "00_start",
    "01_dilemma",
    "02_reactions",
    "03_scenarios",
    "04_scenario1",
    "05_scenario2",
    "06_comments",
    "07_call",
    "08_plan",
]


def questions() -> list[Question]:
    return [question for quiz in QUIZZES.values() for question in quiz.questions]


def find(quiz_id: str, kind: type[Question]) -> Question:
    matches = [q for q in QUIZZES[quiz_id].questions if isinstance(q, kind)]
    assert len(matches) == 1, f"{quiz_id} should have exactly one {kind.__name__}"
    return matches[0]


def texts(question: Question) -> list[str]:
    """Every piece of text a learner can see in a question."""
    found = [question.prompt, question.explanation]
    if isinstance(question, SingleChoice | MultipleChoice):
        found += [text for o in question.options for text in (o.text, o.feedback)]
    elif isinstance(question, Ordering):
        found += [text for item in question.items for text in (item.text, item.feedback)]
    elif isinstance(question, Matching):
        found += [text for item in question.left for text in (item.text, item.feedback)]
        found += [target.text for target in question.right]
    return found


def test_quiz_ids_are_the_notebook_checks_in_order() -> None:
    assert list(QUIZZES) == EXPECTED_IDS
    for quiz_id, quiz in QUIZZES.items():
        assert isinstance(quiz, Quiz) and quiz.id == quiz_id
        assert quiz.title and quiz.intro


@pytest.mark.parametrize("quiz_id", EXPECTED_IDS)
def test_each_quiz_has_two_to_four_questions(quiz_id: str) -> None:
    assert 2 <= len(QUIZZES[quiz_id].questions) <= 4


def test_all_four_question_types_are_used() -> None:
    assert {question.kind for question in questions()} == {
        "single",
        "multiple",
        "ordering",
        "matching",
    }


def test_question_ids_are_unique_across_the_bank() -> None:
    ids = [question.id for question in questions()]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("quiz_id", EXPECTED_IDS)
def test_answer_key_scores_full_marks(quiz_id: str) -> None:
    quiz = QUIZZES[quiz_id]
    attempt = QuizAttempt(quiz)
    for question in quiz.questions:
        assert attempt.answer(question.id, question.answer_key()).correct
        assert question.key_text()
    assert attempt.is_complete() and attempt.score() == attempt.out_of()
    saved = json.loads(json.dumps(attempt.to_dict()))
    assert QuizAttempt.from_dict(quiz, saved).score() == len(quiz.questions)


def test_every_question_can_be_got_wrong() -> None:
    """A wrong answer exists for every question, and it is not graded as correct."""
    for question in questions():
        key = question.answer_key()
        if isinstance(question, SingleChoice):
            wrong: object = next(o.id for o in question.options if o.id != key)
        elif isinstance(question, MultipleChoice):
            wrong = [o.id for o in question.options if not o.correct][:1] or [
                question.options[0].id
            ]
        elif isinstance(question, Ordering):
            assert isinstance(key, list)
            wrong = key[::-1]
        else:
            assert isinstance(question, Matching) and isinstance(key, dict)
            first = question.left[0]
            other = next(t.id for t in question.right if t.id != first.match)
            wrong = {**key, first.id: other}
        assert not question.grade(wrong).correct, question.id


def test_reactions_quiz_matches_triggers_to_knowledge_reactions() -> None:
    question = find("02_reactions", Matching)
    assert isinstance(question, Matching)
    assert [target.id for target in question.right] == list(REACTIONS)
    assert set(question.answer_key().values()) <= set(REACTIONS)  # type: ignore[union-attr]
    for q in QUIZZES["02_reactions"].questions:
        if isinstance(q, SingleChoice | MultipleChoice):
            assert {o.id for o in q.options} <= set(REACTIONS)


def test_scenario_quizzes_use_the_knowledge_move_ids_in_order() -> None:
    first = find("04_scenario1", Ordering)
    second = find("05_scenario2", Ordering)
    assert first.answer_key() == [move.id for move in scenario_moves(1)]
    assert second.answer_key() == [move.id for move in scenario_moves(2)]
    spot = find("04_scenario1", Matching)
    assert isinstance(spot, Matching)
    assert {target.id for target in spot.right} == {move.id for move in scenario_moves(1)}
    assert set(spot.answer_key().values()) == {"reaffirm", "explain_change", "easy_out"}  # type: ignore[union-attr]
    assert find("05_scenario2", SingleChoice).answer_key() == "own"


def test_scenarios_quiz_classifies_the_commenters_carefully() -> None:
    classify = find("03_scenarios", Matching)
    key = classify.answer_key()
    assert isinstance(key, dict)
    assert key["colette"] == "scenario_1"
    assert key["kimberly"] == "neither"
    kimberly = next(q for q in QUIZZES["03_scenarios"].questions if q.id == "03_kimberly")
    assert kimberly.answer_key() == "neither_close_to_1"
    assert "Scenario 1" in kimberly.explanation or "Scenario 1" in " ".join(texts(kimberly))
    missteps = find("03_scenarios", MultipleChoice)
    assert set(missteps.answer_key()) == set(MISSTEPS)


def test_comments_quiz_agrees_with_the_lessons() -> None:
    whose = find("06_comments", Matching)
    assert isinstance(whose, Matching)
    for item in whose.left:
        assert item.id in LESSONS
        assert item.match == commenter_id(LESSONS[item.id].commenter)
    assert {t.text for t in whose.right} == {"Steve W", "Kimberly", "Colette Brown", "joe Maressa"}
    pushback = find("06_comments", MultipleChoice)
    assert isinstance(pushback, MultipleChoice)
    for option in pushback.options:
        assert option.correct == (LESSONS[option.id].stance == "challenges")
    assert set(pushback.answer_key()) == {"steve_sulking_manager", "joe_credibility"}
    joe = find("06_comments", SingleChoice)
    assert joe.answer_key() == "nothing_to_lose"


def test_call_quiz_covers_the_three_likely_replies_and_the_meeting() -> None:
    replies = find("07_call", Matching)
    key = replies.answer_key()
    assert isinstance(key, dict)
    assert {"filled", "open_wary", "open_glad"} <= set(key)
    assert key["open_glad"] == "ask_meeting"
    meeting = find("07_call", Ordering)
    assert "face-to-face" in meeting.prompt


def test_quotations_are_marked_and_come_from_the_quote_list() -> None:
    allowed = {quote.text for quote in QUOTES.values()} | {move.title for move in MOVES.values()}
    for question in questions():
        for text in texts(question):
            for quoted in re.findall(r"“([^”]*)”", text):
                assert quoted in allowed, (question.id, quoted)


def test_text_is_in_our_own_words() -> None:
    """No run of eight words is lifted from the column, except inside a marked quotation."""
    assert len(source_prints()) > 1000
    for question in questions():
        for text in texts(question):
            assert not fingerprints(unquoted(text)) & source_prints(), (question.id, text)
