"""The widget layer: one builder per exercise, each wiring library functions to controls.

Builders return a widget and never display it; the notebook shows it as a cell's last value.
The ``show_*`` helpers return a rendered teaching surface the same way, one call per cell.
Every builder saves to the learner's journal and restores from it, so a restarted kernel
loses nothing. Each returned view exposes its controls so tests can drive it from Python.
"""

from __future__ import annotations

from .classifier import ClassifierView, situation_classifier
from .display import (
    Shown,
    show_agenda,
    show_answer_keys,
    show_attribution,
    show_cases,
    show_commenter,
    show_lessons,
    show_missteps,
    show_moves,
    show_persona,
    show_persona_draft,
    show_persona_plan,
    show_persona_script,
    show_quote,
    show_reactions,
    show_review,
    show_room,
    show_scenarios,
    show_vignettes,
    show_worked_path,
)
from .notes import ReflectionView, RepliesView, reflection, replies
from .progress import ProgressView, progress_panel
from .quiz import QuestionView, QuizView, quiz
from .reviewer import ReviewerView, draft_reviewer
from .roleplay import RoleplayView, roleplay
from .room import RoomView, ShareView, room_view, share_with_room
from .script_builder import ScriptBuilderView, script_builder

__all__ = [
    "ClassifierView", "ProgressView", "QuestionView", "QuizView", "ReflectionView", "RepliesView",
    "ReviewerView", "RoleplayView", "RoomView", "ScriptBuilderView", "ShareView", "Shown",
    "draft_reviewer", "progress_panel", "quiz", "reflection", "replies", "roleplay", "room_view",
    "script_builder", "share_with_room", "show_agenda", "show_answer_keys", "show_attribution",
    "show_cases", "show_commenter", "show_lessons", "show_missteps", "show_moves", "show_persona",
    "show_persona_draft", "show_persona_plan", "show_persona_script", "show_quote",
    "show_reactions", "show_review", "show_room", "show_scenarios", "show_vignettes",
    "show_worked_path", "situation_classifier"
]
