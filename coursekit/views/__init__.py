"""The presentation layer: every fragment of HTML or text a learner sees is made here.

Learner text is escaped by one function, :func:`~coursekit.views.markup.esc`; engines return
data, and the widgets put these fragments into their controls. Nothing here imports
ipywidgets or IPython.
"""

from __future__ import annotations

from .examples import cases_html, persona_html, vignettes_html
from .exercises import (
    classification_html,
    cues_html,
    result_html,
    review_callout,
    review_html,
    review_surface,
    scenario_note,
    score_html,
    script_html,
)
from .facilitator import agenda_html, answer_keys_html, room_html
from .feedback import callout, status_html
from .markup import Html, tag
from .progress import checklist_html, download_html, missing_html
from .roleplay import (
    Turn,
    announce_html,
    debrief_html,
    path_html,
    pick_only_hint,
    session_turns,
    step_turn,
    transcript_html,
)
from .style import STYLE
from .teaching import (
    attribution_html,
    commenter_html,
    lessons_html,
    missteps_html,
    moves_html,
    quotes_html,
    reactions_html,
    scenarios_html,
    surface,
)

__all__ = [
    "Html", "STYLE", "Turn", "agenda_html", "announce_html", "answer_keys_html",
    "attribution_html", "callout", "cases_html", "checklist_html", "classification_html",
    "commenter_html", "cues_html", "debrief_html", "download_html", "lessons_html", "missing_html",
    "missteps_html", "moves_html", "path_html", "persona_html", "pick_only_hint", "quotes_html",
    "reactions_html", "result_html", "review_callout", "review_html", "review_surface",
    "room_html", "scenario_note", "scenarios_html", "score_html", "script_html", "session_turns",
    "status_html", "step_turn", "surface", "tag", "transcript_html", "vignettes_html"
]
