"""What the learner has done so far: the course's exercises and which are in the journal.

>>> items = course_progress({"situation": {"scenario": 1}})
>>> [item.label for item in items if item.done]
['Classify your situation']
>>> len(items) == len(EXERCISES)
True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

__all__ = [
    "COURSE_NOTEBOOKS",
    "EXERCISES",
    "Exercise",
    "ProgressItem",
    "course_progress",
    "saved_scenario",
]

#: The course's notebooks, as paths under ``notebooks/``, in course order.
COURSE_NOTEBOOKS: tuple[str, ...] = (
    "00_start_here.ipynb",
    "01_the_dilemma.ipynb",
    "02_how_the_manager_may_feel.ipynb",
    "03_which_scenario.ipynb",
    "04_scenario1_three_moves.ipynb",
    "05_scenario2_repair_first.ipynb",
    "06_voices_from_the_comments.ipynb",
    "07_practise_the_call.ipynb",
    "08_your_plan.ipynb",
    "facilitator/facilitator_guide.ipynb",
)


@dataclass(frozen=True)
class Exercise:
    """One saved exercise of the course, and the notebook it lives in."""

    id: str
    label: str
    notebook: str


#: Every exercise whose answer the journal keeps, in course order.
EXERCISES: tuple[Exercise, ...] = (
    Exercise("quiz:00_start", "Knowledge check: how the course works", "00"),
    Exercise("quiz:01_dilemma", "Knowledge check: the dilemma", "01"),
    Exercise("reflection:why_now", "Reflection: why now?", "01"),
    Exercise("quiz:02_reactions", "Knowledge check: the manager's reactions", "02"),
    Exercise("situation", "Classify your situation", "03"),
    Exercise("quiz:03_scenarios", "Knowledge check: which scenario", "03"),
    Exercise("quiz:04_scenario1", "Knowledge check: the three moves", "04"),
    Exercise("script", "Build your call script", "04"),
    Exercise("quiz:05_scenario2", "Knowledge check: repair first", "05"),
    Exercise("draft", "Review a draft", "05"),
    Exercise("quiz:06_comments", "Knowledge check: voices from the comments", "06"),
    Exercise("reflection:which_voice", "Reflection: which commenter speaks to you?", "06"),
    Exercise("roleplay:call_scenario1", "Role-play: the call (Scenario 1)", "07"),
    Exercise("roleplay:call_scenario2", "Role-play: the call (Scenario 2)", "07"),
    Exercise("quiz:07_call", "Knowledge check: the call", "07"),
    Exercise("replies", "Prepare your replies", "08"),
    Exercise("quiz:08_plan", "Knowledge check: your plan", "08"),
)


@dataclass(frozen=True)
class ProgressItem:
    """An exercise and whether the learner has an answer saved for it."""

    id: str
    label: str
    notebook: str
    done: bool


def _answered(value: object) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, Mapping):
        return any(_answered(v) for v in value.values())
    if isinstance(value, list):
        return bool(value)
    return True


def course_progress(answers: Mapping[str, object]) -> list[ProgressItem]:
    """Return each course exercise with whether it has been answered."""
    return [
        ProgressItem(ex.id, ex.label, ex.notebook, _answered(answers.get(ex.id)))
        for ex in EXERCISES
    ]


def saved_scenario(*answers: object, default: int = 1) -> int:
    """Return the scenario recorded in the first saved answer that has one.

    >>> saved_scenario(None, {"scenario": 2}, {"scenario": 1})
    2
    >>> saved_scenario("not a dict", {"scenario": 7})
    1
    """
    for answer in answers:
        if isinstance(answer, Mapping) and answer.get("scenario") in (1, 2):
            return int(answer["scenario"])
    return default
