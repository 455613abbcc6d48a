"""Second Call: the knowledge and logic behind the course, as a small typed library.

>>> import coursekit
>>> coursekit.classify({"missteps": ["went_silent"]}).scenario
2
>>> coursekit.build_script({}, scenario=1).move_ids
('reaffirm', 'explain_change', 'easy_out')
"""

from __future__ import annotations

from .classify import Classification, LikelyReaction, PlannedMove, Situation, classify
from .errors import CourseInputError
from .journal import Journal
from .knowledge import (
    COMMENTERS,
    LESSONS,
    MISSTEPS,
    MOVES,
    REACTIONS,
    SCENARIOS,
    SOURCE,
    attribution,
    lessons_for,
    scenario_moves,
)
from .plan import export_plan, plan_html, plan_markdown
from .review import Review, review_draft
from .script import Script, ScriptInputs, build_script

__all__ = [
    "COMMENTERS",
    "LESSONS",
    "MISSTEPS",
    "MOVES",
    "REACTIONS",
    "SCENARIOS",
    "SOURCE",
    "Classification",
    "CourseInputError",
    "Journal",
    "LikelyReaction",
    "PlannedMove",
    "Review",
    "Script",
    "ScriptInputs",
    "Situation",
    "attribution",
    "build_script",
    "classify",
    "export_plan",
    "lessons_for",
    "plan_html",
    "plan_markdown",
    "review_draft",
    "scenario_moves",
]

__version__ = "0.1.0"
