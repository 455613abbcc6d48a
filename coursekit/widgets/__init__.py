"""The widget layer: one builder per exercise, each wiring library functions to controls.

Builders return a widget and never display it; the notebook shows it as a cell's last value.
The ``show_*`` helpers return a rendered teaching surface the same way, one call per cell.
Every builder saves to the learner's journal and restores from it, so a restarted kernel
loses nothing. Each returned view exposes its controls so tests can drive it from Python.
"""

from __future__ import annotations

from .classifier import ClassifierView as ClassifierView
from .classifier import situation_classifier as situation_classifier
from .display import Shown as Shown
from .display import show_agenda as show_agenda
from .display import show_answer_keys as show_answer_keys
from .display import show_cases as show_cases
from .display import show_commenter as show_commenter
from .display import show_lessons as show_lessons
from .display import show_missteps as show_missteps
from .display import show_moves as show_moves
from .display import show_persona_draft as show_persona_draft
from .display import show_persona_script as show_persona_script
from .display import show_quote as show_quote
from .display import show_reactions as show_reactions
from .display import show_review as show_review
from .display import show_room as show_room
from .display import show_scenarios as show_scenarios
from .display import show_vignettes as show_vignettes
from .display import show_worked_path as show_worked_path
from .notes import ReflectionView as ReflectionView
from .notes import RepliesView as RepliesView
from .notes import reflection as reflection
from .notes import replies as replies
from .progress import ProgressView as ProgressView
from .progress import progress_panel as progress_panel
from .quiz import QuestionView as QuestionView
from .quiz import QuizView as QuizView
from .quiz import quiz as quiz
from .reviewer import ReviewerView as ReviewerView
from .reviewer import draft_reviewer as draft_reviewer
from .roleplay import RoleplayView as RoleplayView
from .roleplay import roleplay as roleplay
from .room import RoomView as RoomView
from .room import ShareView as ShareView
from .room import room_view as room_view
from .room import share_with_room as share_with_room
from .script_builder import ScriptBuilderView as ScriptBuilderView
from .script_builder import script_builder as script_builder
