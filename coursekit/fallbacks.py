"""The notebooks' static fallbacks, generated from the content: what a reader sees when the
widgets cannot run (a static render on GitHub, a PDF, a screen reader without the kernel).

A fallback cell is a Markdown cell whose metadata holds ``{"second_call": {"fallback":
"<kind>:<id>"}}``; ``scripts/refresh_notebooks.py`` fills it with :func:`fallback_markdown`.
Quizzes list every option, then the answer key with why inside a collapsed block; role-plays
get a readable summary of their branches; the classifier, the script builders, the draft
reviewers and the progress panel get their questions or checklist, in words, with no ids and no
terminal commands. Tags: ``quiz:<id>``, ``roleplay:<id>``, ``classifier``, ``builder``,
``builder:<scenario>``, ``reviewer``, ``reviewer:<scenario>``, ``progress``.

>>> text = fallback_markdown("quiz:08_plan")
>>> text.startswith("<details>") and "Answer key" in text and "08_first_line" not in text
True
>>> "s1_pickup" in fallback_markdown("roleplay:call_scenario1")
False
>>> "coursekit " in fallback_markdown("builder:2") or "coursekit " in fallback_markdown("progress")
False
"""

from __future__ import annotations

from collections import deque

from .knowledge import knowledge
from .loader import course, quizzes, roleplays, script_wording
from .quiz import CORRECT, WRONG, Matching, MultipleChoice, Ordering, Question, SingleChoice
from .roleplay import QUALITY_LABELS, Roleplay
from .views.facilitator import option_why

__all__ = ["FALLBACK_KINDS", "fallback_markdown"]

#: The kinds of content a fallback cell can be generated from.
FALLBACK_KINDS = ("quiz", "roleplay", "classifier", "builder", "reviewer", "progress")
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
            f"{'Right' if option.correct else 'Wrong'}: {option_why(option)}"
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
    """Return a role-play's fallback: the situation, each point of the call with the replies to
    choose from (how each lands in a collapsed block), and the endings."""
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
            lines += [f"- {_LETTERS[i]}. “{choice.text}”" for i, choice in enumerate(node.choices)]
            lines += ["", "<details><summary>How each reply lands</summary>", ""]
            lines += [
                f"- {_LETTERS[i]}. **{QUALITY_LABELS.get(choice.quality, choice.quality)}.** "
                f"{choice.feedback}"
                for i, choice in enumerate(node.choices)
            ]
            lines += ["", "</details>"]
        lines.append("")
    lines += ["**How it can end:**", "", *endings]
    return "\n".join([*lines, "</details>"])


def _scenarios(scenario: str) -> tuple[int, ...]:
    """Return the scenarios a builder or reviewer fallback covers (both when not given)."""
    if scenario in ("1", "2"):
        return (int(scenario),)
    if scenario:
        raise KeyError(scenario)
    return (1, 2)


def _moves_list(number: int, with_how: bool) -> list[str]:
    facts = knowledge()
    lines = []
    for step, move_id in enumerate(facts.scenarios[number].move_ids, 1):
        move = facts.moves[move_id]
        lines.append(f"{step}. **{move.title}**: {move.how if with_how else move.purpose}")
    return lines


def classifier_markdown() -> str:
    """Return the classifier's questions and how the answers decide the scenario."""
    facts = knowledge()
    one, two = facts.scenarios[1], facts.scenarios[2]
    lines = ["<details><summary>Can't see the classifier? Read the questions here</summary>", "",
             "1. When you declined, did any of these happen? Tick all that apply; leave all "
             "blank if you declined clearly and respectfully.", ""]
    lines += [f"   - **{misstep.label}.** {misstep.example}" for misstep in facts.missteps.values()]
    lines += ["", "2. How many days ago did you decline?",
              "3. Is the role still open, has it been filled, or do you not know?",
              "4. How will you get back in touch: a phone call or a face-to-face meeting?", "",
              f"Any misstep ticked means **Scenario 2: {two.title}.** {two.summary} None means "
              f"**Scenario 1: {one.title}.** {one.summary}", "</details>"]
    return "\n".join(lines)


def builder_markdown(scenario: str = "") -> str:
    """Return the script builder's questions and the moves the answers are put into."""
    numbers = _scenarios(scenario)
    fields = [entry for entry in script_wording().fields if not entry.scenario
              or entry.scenario in numbers]
    lines = ["<details><summary>Can't see the script builder? Read the questions here</summary>",
             "", "Answer each question in a phrase or a sentence:", ""]
    lines += [f"{n}. {entry.prompt}" for n, entry in enumerate(fields, 1)]
    for number in numbers:
        lines += ["", f"In Scenario {number} the script puts your answers into these moves, "
                  "in order:", "", *_moves_list(number, with_how=False)]
    return "\n".join([*lines, "</details>"])


def reviewer_markdown(scenario: str = "") -> str:
    """Return the draft reviewer's checklist: each move of the scenario, and the order."""
    numbers = _scenarios(scenario)
    lines = ["<details><summary>Can't see the draft reviewer? Check your draft by hand</summary>",
             "", "Write your opener, then check that it makes each move:"]
    for number in numbers:
        lines += ["", f"**Scenario {number}**", "", *_moves_list(number, with_how=True)]
    if 2 in numbers:
        lines += ["", "In Scenario 2, the repair moves come first: own the misstep, let them "
                  "respond and give them permission to weigh it before you explain your change "
                  "of heart."]
    return "\n".join([*lines, "</details>"])


def progress_markdown() -> str:
    """Return what the progress panel lists and does, from the course manifest."""
    lines = ["<details><summary>Can't see the progress panel? Read what it does here</summary>",
             "", "The panel lists the exercises the course saves in your journal, each marked "
             "done or to do:", ""]
    for notebook in course().notebooks:
        if notebook.exercises:
            labels = "; ".join(exercise.label for exercise in notebook.exercises)
            lines.append(f"- **{notebook.number} {notebook.title}:** {labels}")
    lines += ["", "Below the list, **Refresh** reads your journal again; **Reset this exercise** "
              "clears one answer; **Reset everything** clears them all, and only works once you "
              "tick the box that confirms it; **Export my plan** saves your plan as a printable "
              "page and offers it to download.", "</details>"]
    return "\n".join(lines)


def fallback_markdown(tag: str) -> str:
    """Return the fallback text for a tag such as ``quiz:04_scenario1``, ``roleplay:…``,
    ``classifier``, ``builder:2``, ``reviewer`` or ``progress``.

    Raises KeyError for an unknown kind or id.
    """
    kind, _, content_id = tag.partition(":")
    if kind == "quiz":
        return quiz_markdown(content_id)
    if kind == "roleplay":
        return roleplay_markdown(content_id)
    if kind == "classifier" and not content_id:
        return classifier_markdown()
    if kind == "builder":
        return builder_markdown(content_id)
    if kind == "reviewer":
        return reviewer_markdown(content_id)
    if kind == "progress" and not content_id:
        return progress_markdown()
    raise KeyError(tag)
