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
from .knowledge import Knowledge, knowledge
from .loader import ContentError, course, quizzes, roleplays
from .plan import export_plan, plan_html, plan_markdown
from .review import Review, review_draft
from .script import Script, ScriptInputs, build_script

__all__ = [
    "Classification", "ContentError", "CourseInputError", "Journal", "Knowledge", "LikelyReaction",
    "PlannedMove", "Review", "Script", "ScriptInputs", "Situation", "build_script", "classify",
    "course", "export_plan", "knowledge", "plan_html", "plan_markdown", "quizzes", "review_draft",
    "roleplays",
]

__version__ = "0.1.0"
