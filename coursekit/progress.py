"""What the learner has done so far: the manifest's exercises and which are in the journal.

>>> items = course_progress({"situation": {"scenario": 1}})
>>> [item.label for item in items if item.done]
['Classify your situation']
>>> len(items) == len(course().exercises)
True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .loader import course


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
    return [ProgressItem(ex.id, ex.label, ex.notebook, _answered(answers.get(ex.id)))
            for ex in course().exercises]

