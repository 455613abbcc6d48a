"""The presentation layer: every fragment of HTML or text a learner sees is made here.

Learner text is escaped by one function, :func:`~coursekit.views.markup.esc`; engines return
data, and the widgets put these fragments into their controls. Nothing here imports
ipywidgets or IPython.
"""

from __future__ import annotations

from .examples import case_card, cases_html, persona_html, vignettes_html
from .exercises import (
    classification_html,
    cues_html,
    order_state,
    result_html,
    review_callout,
    review_html,
    review_surface,
    scenario_note,
    score_html,
    script_html,
)
from .facilitator import agenda_html, answer_keys_html, bar_chart_html, room_html
from .feedback import ICONS, Kind, callout, kind_for_symbol, status_html
from .markup import Html, esc, join, tag
from .progress import checklist_html, download_html, missing_html
from .roleplay import (
    Turn,
    Verdict,
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
    move_card,
    moves_html,
    quote_html,
    quotes_html,
    reactions_html,
    scenario_badge,
    scenario_heading,
    scenarios_html,
    surface,
)

__all__ = [
    "Html", "ICONS", "Kind", "STYLE", "Turn", "Verdict", "agenda_html", "announce_html",
    "answer_keys_html", "attribution_html", "bar_chart_html", "callout", "case_card", "cases_html",
    "checklist_html", "classification_html", "commenter_html", "cues_html", "debrief_html",
    "download_html", "esc", "join", "kind_for_symbol", "lessons_html", "missing_html",
    "missteps_html", "move_card", "moves_html", "order_state", "path_html", "persona_html",
    "pick_only_hint", "quote_html", "quotes_html", "reactions_html", "result_html",
    "review_callout", "review_html", "review_surface", "room_html", "scenario_badge",
    "scenario_heading", "scenario_note", "scenarios_html", "score_html", "script_html",
    "session_turns", "status_html", "step_turn", "surface", "tag", "transcript_html",
    "vignettes_html",
]
