"""Plain-text summaries of worked examples (words, never ids), for the command line and tests.

Notebooks show the rendered versions instead (``coursekit.widgets.show_*``).

>>> from coursekit.classify import classify
>>> print(classification_text(classify({"missteps": []})).splitlines()[0])
Scenario 1: You declined clearly and respectfully
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

from .cases import personas
from .classify import Classification, classify
from .knowledge import knowledge
from .loader import quizzes, roleplays
from .quiz import key_text
from .review import Review, review_draft
from .roleplay import Roleplay, RoleplaySession
from .script import build_script
from .views.exercises import OUTCOME_REACTIONS, order_state

__all__ = [
    "answer_keys_text",
    "classification_text",
    "lessons_text",
    "misstep_text",
    "path_text",
    "persona_plan_answers",
    "persona_plan_markdown",
    "reactions_text",
    "review_text",
    "scenarios_text",
]

_WIDTH = 88


def _wrap(text: str, indent: str = "   ") -> str:
    return textwrap.fill(text, _WIDTH, initial_indent=indent, subsequent_indent=indent)


def _hang(text: str, indent: str, hang: int) -> str:
    """Wrap text so that lines after the first sit ``hang`` spaces further in."""
    return textwrap.fill(text, _WIDTH, initial_indent=indent, subsequent_indent=indent + " " * hang)


def classification_text(result: Classification) -> str:
    """Return a classification as a short report: scenario, reactions, moves, reasons."""
    lines = [f"Scenario {result.scenario}: {knowledge().scenarios[result.scenario].title}"]
    if result.missteps:
        lines.append(
            "Missteps: " + ", ".join(knowledge().missteps[m].label for m in result.missteps)
        )
    lines.append("How the manager may feel:")
    lines.extend(
        _wrap(f"- {r.label}: {r.why}") for r in result.reactions if r.id not in OUTCOME_REACTIONS
    )
    for r in result.reactions:
        if r.id in OUTCOME_REACTIONS:
            lines.append(
                _wrap(f"What may have happened: the role may already be filled. {r.why}", "")
            )
    lines.append("Moves, in order:")
    lines.extend(_wrap(f"{n}. {m.title}") for n, m in enumerate(result.moves, 1))
    lines.append("Why:")
    lines.extend(_wrap(f"- {reason}") for reason in result.reasons)
    lines.append(f"Next step: {result.next_step}")
    return "\n".join(lines)


def review_text(review: Review) -> str:
    """Return a draft review as a checklist with evidence or tips."""
    lines = [review.summary()]
    for check in review.moves:
        if check.covered:
            lines.append(f"✓ {check.title}")
            lines.append(_wrap(f"evidence: “{check.evidence}”"))
        else:
            lines.append(f"✗ {check.title}")
            lines.append(_wrap(f"tip: {check.tip}"))
    if review.scenario == 2:
        state = order_state(review)
        sign = {"ok": "✓", "wrong": "✗", "unchecked": "ℹ"}[state]
        lines.append(f"{sign} Order: {review.order_note}")
    return "\n".join(lines)


def path_text(roleplay: Roleplay, path: Iterable[str]) -> str:
    """Return a walk through a role-play: each manager line, the reply, how it landed, debrief."""
    session = RoleplaySession(roleplay)
    lines: list[str] = []
    for choice_id in path:
        node = session.current
        step = session.choose(choice_id)
        lines.append(_wrap(f"Manager: “{node.speaker_line}”", ""))
        lines.append(_wrap(f"You: “{step.choice.text}”"))
        lines.append(_wrap(f"{step.symbol} {step.label}: {step.feedback}"))
    final = session.current
    lines.append(_wrap(f"Manager: “{final.speaker_line}”", ""))
    if session.is_over:
        lines.append("Debrief:")
        lines.extend(_wrap(line) for line in session.debrief().lines)
    return "\n".join(lines)


def reactions_text() -> str:
    """Return the four reactions with what triggers each."""
    return "\n".join(
        f"- {reaction.label}\n{_wrap(reaction.trigger)}"
        for reaction in knowledge().reactions.values()
    )


def misstep_text() -> str:
    """Return the Scenario 2 missteps with an example of each."""
    return "\n".join(
        f"- {misstep.label}\n{_wrap(misstep.example)}" for misstep in knowledge().missteps.values()
    )


def scenarios_text() -> str:
    """Return both scenarios with their moves in order."""
    lines = []
    for scenario in knowledge().scenarios.values():
        lines.append(f"Scenario {scenario.number}: {scenario.title}")
        lines.extend(
            _wrap(f"{n}. {knowledge().moves[m].title}") for n, m in enumerate(scenario.move_ids, 1)
        )
    return "\n".join(lines)


def lessons_text(commenter: str | None = None) -> str:
    """Return each commenter's lessons and whether each backs or challenges the column."""
    names = [commenter] if commenter else list(knowledge().commenters)
    lines: list[str] = []
    for name in names:
        person = knowledge().commenters[name]
        lines.append(f"{person.name} ({person.role})")
        for lesson_id in person.lesson_ids:
            lesson = knowledge().lessons[lesson_id]
            topics = [*lesson.supports, *lesson.challenges]
            labels = ", ".join(
                knowledge().themes[t].label
                if t in knowledge().themes
                else knowledge().moves[t].title
                for t in topics
            )
            tail = f" — {lesson.stance} the column on: {labels}" if topics else " — adds"
            lines.append(_wrap(f"- {lesson.text}{tail}"))
    return "\n".join(lines)


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
            lines.extend(_hang(f"- {line}", "      ", 2) for line in key_text(question))
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
    script = build_script(
        persona.answers,
        scenario=result.scenario,
        channel=persona.situation.channel,
        aim=result.aim,
    )
    review = review_draft(persona.draft, result.scenario)
    roleplay_id = f"call_scenario{result.scenario}"
    session = RoleplaySession.replay(roleplays()[roleplay_id], roleplays()[roleplay_id].worked_path)
    return {
        "situation": result.to_entry().to_json(),
        "script": script.to_dict(),
        "draft": {"scenario": review.scenario, "text": persona.draft, "review": review.to_dict()},
        f"roleplay:{roleplay_id}": session.to_dict(),
    }


def persona_plan_markdown(persona_id: str) -> str:
    """Return a worked-example persona's plan as the Markdown page a learner would export.

    >>> page = persona_plan_markdown("dev")
    >>> page.splitlines()[0]
    '# My Second Call plan'
    >>> "Scenario 2: You didn't handle it well" in page
    True
    """
    from .plan import plan_markdown  # lazily: the plan module loads the journal machinery

    return plan_markdown(persona_plan_answers(persona_id))
