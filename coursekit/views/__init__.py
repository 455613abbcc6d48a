"""The presentation layer: every fragment of HTML or text a learner sees is made here.

Learner text is escaped by one function, :func:`~coursekit.views.markup.esc`; engines return
data, and the widgets put these fragments into their controls. Nothing here imports
ipywidgets or IPython.
"""

from __future__ import annotations

from .examples import cases_html as cases_html
from .examples import vignettes_html as vignettes_html
from .exercises import classification_html as classification_html
from .exercises import cues_html as cues_html
from .exercises import result_html as result_html
from .exercises import review_callout as review_callout
from .exercises import review_html as review_html
from .exercises import review_surface as review_surface
from .exercises import scenario_note as scenario_note
from .exercises import score_html as score_html
from .exercises import script_html as script_html
from .facilitator import agenda_html as agenda_html
from .facilitator import answer_keys_html as answer_keys_html
from .facilitator import room_html as room_html
from .feedback import callout as callout
from .feedback import status_html as status_html
from .markup import Html as Html
from .markup import tag as tag
from .progress import checklist_html as checklist_html
from .progress import download_html as download_html
from .progress import missing_html as missing_html
from .roleplay import Turn as Turn
from .roleplay import announce_html as announce_html
from .roleplay import debrief_html as debrief_html
from .roleplay import path_html as path_html
from .roleplay import pick_only_hint as pick_only_hint
from .roleplay import session_turns as session_turns
from .roleplay import step_turn as step_turn
from .roleplay import transcript_html as transcript_html
from .style import STYLE as STYLE
from .teaching import commenter_html as commenter_html
from .teaching import lessons_html as lessons_html
from .teaching import missteps_html as missteps_html
from .teaching import moves_html as moves_html
from .teaching import quotes_html as quotes_html
from .teaching import reactions_html as reactions_html
from .teaching import scenarios_html as scenarios_html
from .teaching import surface as surface
