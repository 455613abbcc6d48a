"""Tests for the plain-text reports the notebooks print (coursekit.report)."""

from __future__ import annotations

import pytest
from content_names import PERSONAS, QUIZZES, WORKED_PATH

from coursekit.plan import plan_markdown
from coursekit.report import answer_keys_text, persona_plan_answers


def test_answer_keys_cover_every_quiz_and_question() -> None:
    text = answer_keys_text()
    for quiz in QUIZZES.values():
        assert f"Quiz {quiz.id}: {quiz.title}" in text
        for number, _question in enumerate(quiz.questions, 1):
            assert f"Q{number}. " in text
    flat = " ".join(text.split())
    for quiz in QUIZZES.values():
        for question in quiz.questions:
            for line in question.key_text():
                assert " ".join(line.split()) in flat


def test_answer_keys_for_chosen_quizzes_only() -> None:
    text = answer_keys_text(["07_call"])
    assert text.startswith("Quiz 07_call: ")
    assert "Quiz 05_scenario2" not in text
    assert answer_keys_text([]) == ""


def test_answer_keys_unknown_quiz_raises() -> None:
    with pytest.raises(KeyError):
        answer_keys_text(["99_nope"])


@pytest.mark.parametrize(("persona_id", "scenario"), [("maya", 1), ("dev", 2)])
def test_persona_plan_answers_follow_the_widgets_shapes(persona_id: str, scenario: int) -> None:
    answers = persona_plan_answers(persona_id)
    roleplay_id = f"call_scenario{scenario}"
    assert set(answers) == {"situation", "script", "draft", f"roleplay:{roleplay_id}"}
    situation = answers["situation"]
    assert isinstance(situation, dict)
    assert situation["scenario"] == scenario
    assert situation["situation"] == PERSONAS[persona_id].situation.to_dict()
    script = answers["script"]
    assert isinstance(script, dict)
    assert script["scenario"] == scenario
    assert script["missing"] == []
    draft = answers["draft"]
    assert isinstance(draft, dict)
    assert draft["text"] == PERSONAS[persona_id].draft
    roleplay = answers[f"roleplay:{roleplay_id}"]
    assert isinstance(roleplay, dict)
    assert roleplay["path"] == list(WORKED_PATH[roleplay_id])
    assert roleplay["outcome"] == "good"


def test_a_persona_plan_is_the_page_a_learner_would_export() -> None:
    page = plan_markdown(persona_plan_answers("dev"))
    assert page.splitlines()[0] == "# My Second Call plan"
    assert page == plan_markdown(persona_plan_answers("dev"))  # deterministic
    assert "Hello Marcus" in page
    assert "✗ Not yet covered: Reaffirm what drew you to the offer" in page
    assert "A second hearing, face to face" in page


def test_persona_plan_unknown_persona_raises() -> None:
    with pytest.raises(KeyError):
        persona_plan_answers("nobody")
