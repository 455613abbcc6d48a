"""Second Call: the knowledge and logic behind the course, as a small typed library.

>>> import coursekit
>>> coursekit.classify({"missteps": ["went_silent"]}).scenario
2
>>> coursekit.build_script({}, scenario=1).move_ids
('reaffirm', 'explain_change', 'easy_out')

The journal and plan export (which need file locking and Markdown) load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .classify import Classification, LikelyReaction, PlannedMove, Situation, classify
from .errors import CourseInputError
from .knowledge import Knowledge, knowledge
from .loader import ContentError, course, quizzes, roleplays
from .review import Review, review_draft
from .script import Script, ScriptInputs, build_script

if TYPE_CHECKING:
    from .journal import Journal
    from .plan import export_plan, plan_html, plan_markdown

__all__ = [
    "Classification",
    "ContentError",
    "CourseInputError",
    "Journal",
    "Knowledge",
    "LikelyReaction",
    "PlannedMove",
    "Review",
    "Script",
    "ScriptInputs",
    "Situation",
    "build_script",
    "classify",
    "course",
    "export_plan",
    "knowledge",
    "plan_html",
    "plan_markdown",
    "quizzes",
    "review_draft",
    "roleplays",
]

__version__ = "0.1.0"

_LAZY = {
    "Journal": "coursekit.journal",
    "export_plan": "coursekit.plan",
    "plan_html": "coursekit.plan",
    "plan_markdown": "coursekit.plan",
}


def __getattr__(name: str) -> Any:
    """Load the journal and plan machinery only when first asked for."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'coursekit' has no attribute {name!r}")
