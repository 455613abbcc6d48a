"""Turn the learner's journal into their plan: a Markdown page or one printable HTML page.

The plan reads the journal through :mod:`coursekit.entries` (which defines each entry's
shape) and is written by :mod:`coursekit.views.plan`. Missing or odd-shaped entries show as
"Not done yet." or are skipped; learner text is always escaped.

>>> page = plan_markdown({"situation": {"scenario": 1}})
>>> "Scenario 1: You declined clearly and respectfully" in page
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Literal

from .entries import read_entries
from .errors import CourseInputError
from .interface import ui
from .journal import Journal
from .views.plan import missing_by_exercise, plan_page
from .views.plan import plan_markdown as _plan_markdown

PlanFormat = Literal["markdown", "html"]


def plan_markdown(answers: Mapping[str, object]) -> str:
    """Return the learner's plan as Markdown, with every piece of learner text escaped."""
    return _plan_markdown(read_entries(answers))


def plan_html(answers: Mapping[str, object]) -> str:
    """Return the plan as one self-contained, printable HTML page."""
    return plan_page(plan_markdown(answers))


def plan_missing(answers: Mapping[str, object],
                 exercises: Iterable[str] | None = None) -> list[str]:
    """Return, in words, what the plan still lacks (only for ``exercises`` if given).

    >>> plan_missing({})[0]
    'Classify your situation, so the plan knows your scenario.'
    >>> plan_missing({}, ["script"])
    ['Build your call script.']
    """
    wanted = set(exercises) if exercises is not None else None
    return [text for exercise, text in missing_by_exercise(read_entries(answers))
            if wanted is None or exercise in wanted]


def export_plan(journal: Journal, fmt: PlanFormat = "markdown") -> str:
    """Return the plan built from the journal's current answers, as Markdown or HTML."""
    if fmt == "markdown":
        return plan_markdown(journal.answers())
    if fmt == "html":
        return plan_html(journal.answers())
    raise CourseInputError("fmt", ui("engines.script.plan_format", fmt=repr(fmt)))

