"""Plain-text answer keys and the worked personas' plans, for the command line and tests.

Notebooks show the rendered versions instead (``coursekit.widgets.show_*``).

>>> print(answer_keys_text(["07_call"]).splitlines()[0])
Quiz 07_call: On the call
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

from .cases import personas
from .classify import classify
from .entries import DRAFT, ROLEPLAY_PREFIX, SCRIPT, SITUATION
from .loader import quizzes, roleplays
from .review import review_draft
from .roleplay import RoleplaySession
from .script import build_script

_WIDTH = 88


def _hang(text: str, indent: str, hang: int) -> str:
    """Wrap text so that lines after the first sit ``hang`` spaces further in."""
    return textwrap.fill(text, _WIDTH, initial_indent=indent, subsequent_indent=indent + " " * hang)


def answer_keys_text(quiz_ids: Iterable[str] | None = None) -> str:
    """Return the answer key of every question of each quiz, for facilitators to read out.

    >>> print(answer_keys_text(["05_scenario2"]).splitlines()[0])
    Quiz 05_scenario2: Scenario 2: repair first
    >>> "1. Own the misstep and its cost" in answer_keys_text(["05_scenario2"])
    True
    """
    ids = list(quizzes()) if quiz_ids is None else list(quiz_ids)
    blocks: list[str] = []
    for quiz_id in ids:
        quiz = quizzes()[quiz_id]
        lines = [f"Quiz {quiz.id}: {quiz.title}"]
        for number, question in enumerate(quiz.questions, 1):
            lines.append(_hang(f"Q{number}. {question.prompt}", "  ", 4))
            lines.extend(_hang(f"- {line}", "      ", 2) for line in question.key_text())
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def persona_plan_answers(persona_id: str) -> dict[str, object]:
    """Return a worked-example persona's whole plan as journal-shaped answers.

    The persona is classified, its script is built for that scenario, its draft is reviewed,
    and the matching role-play is walked along its worked path, each saved under the same
    exercise id the widgets use. Replies, reflections and quizzes are left out.

    >>> answers = persona_plan_answers("dev")
    >>> sorted(answers)
    ['draft', 'roleplay:call_scenario2', 'script', 'situation']
    >>> answers["situation"]["scenario"], answers["draft"]["review"]["order_ok"]
    (2, True)
    """
    persona = personas()[persona_id]
    result = classify(persona.situation)
    script = build_script(persona.answers, scenario=result.scenario,
                          channel=persona.situation.channel, aim=result.aim)
    review = review_draft(persona.draft, result.scenario)
    roleplay_id = f"call_scenario{result.scenario}"
    roleplay = roleplays()[roleplay_id]
    session = RoleplaySession.replay(roleplay, roleplay.worked_path)
    return {SITUATION: result.to_entry().to_json(), SCRIPT: script.to_dict(),
            DRAFT: {"scenario": review.scenario, "text": persona.draft, "review": review.to_dict()},
            f"{ROLEPLAY_PREFIX}{roleplay_id}": session.to_dict()}
