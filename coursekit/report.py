"""Plain-text summaries the notebooks print, so each worked example has a checkable output.

>>> from coursekit.classify import classify
>>> print(classification_text(classify({"missteps": []})).splitlines()[0])
Scenario 1: You declined clearly and respectfully
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

from .classify import Classification
from .knowledge import COMMENTERS, LESSONS, MISSTEPS, MOVES, REACTIONS, SCENARIOS, THEMES
from .review import Review
from .roleplay import Roleplay, RoleplaySession

__all__ = [
    "classification_text",
    "lessons_text",
    "misstep_text",
    "path_text",
    "reactions_text",
    "review_text",
    "scenarios_text",
]

_WIDTH = 88


def _wrap(text: str, indent: str = "   ") -> str:
    return textwrap.fill(text, _WIDTH, initial_indent=indent, subsequent_indent=indent)


def classification_text(result: Classification) -> str:
    """Return a classification as a short report: scenario, reactions, moves, reasons."""
    lines = [f"Scenario {result.scenario}: {SCENARIOS[result.scenario].title}"]
    if result.missteps:
        lines.append("Missteps: " + ", ".join(MISSTEPS[m].label for m in result.missteps))
    lines.append("Likely reactions:")
    lines.extend(_wrap(f"- {r.label}: {r.why}") for r in result.reactions)
    lines.append("Moves, in order:")
    lines.extend(_wrap(f"{n}. {m.title} [{m.id}]") for n, m in enumerate(result.moves, 1))
    lines.append("Why:")
    lines.extend(_wrap(f"- {reason}") for reason in result.reasons)
    lines.append(f"Next step: {result.next_step}")
    return "\n".join(lines)


def review_text(review: Review) -> str:
    """Return a draft review as a checklist with evidence or tips."""
    lines = [review.summary()]
    for check in review.moves:
        if check.covered:
            lines.append(f"✓ {check.title} [{check.id}]")
            lines.append(_wrap(f"evidence: “{check.evidence}”"))
        else:
            lines.append(f"✗ {check.title} [{check.id}]")
            lines.append(_wrap(f"tip: {check.tip}"))
    if review.scenario == 2:
        lines.append(f"{'✓' if review.order_ok else '✗'} Order: {review.order_note}")
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
        f"- {reaction.label} [{reaction.id}]\n{_wrap(reaction.trigger)}"
        for reaction in REACTIONS.values()
    )


def misstep_text() -> str:
    """Return the Scenario 2 missteps with an example of each."""
    return "\n".join(
        f"- {misstep.label} [{misstep.id}]\n{_wrap(misstep.example)}"
        for misstep in MISSTEPS.values()
    )


def scenarios_text() -> str:
    """Return both scenarios with their moves in order."""
    lines = []
    for scenario in SCENARIOS.values():
        lines.append(f"Scenario {scenario.number}: {scenario.title}")
        lines.extend(
            _wrap(f"{n}. {MOVES[m].title} [{m}]") for n, m in enumerate(scenario.move_ids, 1)
        )
    return "\n".join(lines)


def lessons_text(commenter: str | None = None) -> str:
    """Return each commenter's lessons and whether each backs or challenges the column."""
    names = [commenter] if commenter else list(COMMENTERS)
    lines: list[str] = []
    for name in names:
        person = COMMENTERS[name]
        lines.append(f"{person.name} ({person.role})")
        for lesson_id in person.lesson_ids:
            lesson = LESSONS[lesson_id]
            topics = [*lesson.supports, *lesson.challenges]
            labels = ", ".join(
                THEMES[t].label if t in THEMES else MOVES[t].title for t in topics
            )
            tail = f" — {lesson.stance} the column on: {labels}" if topics else " — adds"
            lines.append(_wrap(f"- {lesson.text}{tail}"))
    return "\n".join(lines)
