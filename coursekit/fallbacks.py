"""The notebooks' static fallbacks, generated from the content: what a reader sees when the
widgets cannot run (a static render on GitHub, a PDF, a screen reader without the kernel).

A fallback cell is a Markdown cell whose metadata holds ``{"second_call": {"fallback":
"<kind>:<id>"}}``; ``scripts/refresh_notebooks.py`` fills it with :func:`fallback_markdown`.
Quizzes list every option, then the answer key with why inside a collapsed block; role-plays
get a readable summary with no ids.

>>> text = fallback_markdown("quiz:08_plan")
>>> text.startswith("<details>") and "Answer key" in text and "08_first_line" not in text
True
>>> "s1_pickup" in fallback_markdown("roleplay:call_scenario1")
False
"""

from __future__ import annotations

from collections import deque

from .loader import quizzes, roleplays
from .quiz import CORRECT, WRONG, Matching, MultipleChoice, Ordering, Question, SingleChoice
from .roleplay import QUALITY_LABELS, Roleplay

__all__ = ["FALLBACK_KINDS", "fallback_markdown"]

#: The kinds of content a fallback cell can be generated from.
FALLBACK_KINDS = ("quiz", "roleplay")
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _question(number: int, question: Question) -> list[str]:
    lines = [f"**Question {number}.** {question.prompt}", ""]
    if isinstance(question, SingleChoice | MultipleChoice):
        lines += [f"- {_LETTERS[i]}. {option.text}" for i, option in enumerate(question.options)]
    elif isinstance(question, Ordering):
        lines += [f"- {item.text}" for item in question.presented()]
    elif isinstance(question, Matching):
        lines += [f"- {item.text}" for item in question.left]
        lines += ["", "Match each to one of: " + "; ".join(t.text for t in question.right) + "."]
    return [*lines, ""]


def _key(number: int, question: Question) -> list[str]:
    lines = [f"**Question {number}.**", ""]
    if isinstance(question, SingleChoice | MultipleChoice):
        lines += [
            f"- {_LETTERS[i]}. {CORRECT if option.correct else WRONG} "
            f"{'Right' if option.correct else 'Wrong'}: {option.feedback}"
            for i, option in enumerate(question.options)
        ]
    elif isinstance(question, Ordering):
        lines += [f"{n}. {item.text} — {item.feedback}" for n, item in enumerate(question.items, 1)]
    elif isinstance(question, Matching):
        lines += [
            f"- {item.text} → {question.target(item.match).text}. {item.feedback}"
            for item in question.left
        ]
    return [*lines, "", f"_Why:_ {question.explanation}", ""]


def quiz_markdown(quiz_id: str) -> str:
    """Return a quiz's fallback: every question and option, then the answer key, collapsed."""
    quiz = quizzes()[quiz_id]
    lines = ["<details><summary>Can't see the quiz? Read the questions here</summary>", ""]
    for number, question in enumerate(quiz.questions, 1):
        lines += _question(number, question)
    lines += ["<details><summary>Answer key (try the questions first)</summary>", ""]
    for number, question in enumerate(quiz.questions, 1):
        lines += _key(number, question)
    return "\n".join([*lines, "</details>", "</details>"])


def _in_order(roleplay: Roleplay) -> list[str]:
    """Return the node ids in the order a reader meets them (breadth first from the start)."""
    seen, queue = [roleplay.start_id], deque([roleplay.start_id])
    while queue:
        for choice in roleplay.node(queue.popleft()).choices:
            if choice.next_id not in seen:
                seen.append(choice.next_id)
                queue.append(choice.next_id)
    return seen


def roleplay_markdown(roleplay_id: str) -> str:
    """Return a role-play's fallback: the situation, each point of the call, and the endings."""
    roleplay = roleplays()[roleplay_id]
    lines = ["<details><summary>Can't see the role-play? Read its branches here</summary>", "",
             f"**The situation:** {roleplay.situation}", ""]
    endings = []
    for node_id in _in_order(roleplay):
        node = roleplay.node(node_id)
        if node.ending is not None:
            endings.append(f"- **{node.ending.title}.** {node.ending.debrief}")
            continue
        if node.fork:
            lines += [f"**Then:** {node.cue}" if node.cue else "**Then:**", ""]
            lines += [f"- {choice.text}" for choice in node.choices]
        else:
            lines += [f"**The manager:** “{node.speaker_line}”", "", "Your possible replies:", ""]
            lines += [
                f"- {QUALITY_LABELS.get(choice.quality, choice.quality)}: “{choice.text}” "
                f"{choice.feedback}"
                for choice in node.choices
            ]
        lines.append("")
    lines += ["**How it can end:**", "", *endings]
    return "\n".join([*lines, "</details>"])


def fallback_markdown(tag: str) -> str:
    """Return the fallback text for a tag such as ``quiz:04_scenario1`` or ``roleplay:…``.

    Raises KeyError for an unknown kind or id.
    """
    kind, _, content_id = tag.partition(":")
    if kind == "quiz":
        return quiz_markdown(content_id)
    if kind == "roleplay":
        return roleplay_markdown(content_id)
    raise KeyError(tag)
