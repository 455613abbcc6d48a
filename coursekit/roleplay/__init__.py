"""The branching role-play engine: the manager speaks, the learner chooses, the debrief maps moves.

A :class:`Roleplay` is a set of :class:`Node` objects (:mod:`.model`). A
:class:`RoleplaySession` walks one learner through it, can step back, and ends in a
:class:`Debrief` that says which of the scenario's moves the learner's path used and which it
missed (:mod:`.session`). :func:`validate` finds authoring problems (:mod:`.checks`).

>>> tiny = Roleplay(
...     id="tiny",
...     title="A very short call",
...     start_id="hello",
...     nodes=(
...         Node("hello", "Hello, Sam speaking.", choices=(
...             Choice("easy", "I know the role may be filled; if not, I'd like to talk.",
...                    "Strong: an easy out, then your ask.", "Sam relaxes.", "glad",
...                    moves=("easy_out",), quality="strong"),
...             Choice("blunt", "Is the job still going?", "Blunt, with no easy out.",
...                    "Sam bristles.", "cool", quality="weak"),
...         )),
...         Node("glad", "Good to hear from you. Let's meet.",
...              ending=Ending("met", "Meeting arranged", "You made it easy to say yes.", "good")),
...         Node("cool", "It's gone, sorry.",
...              ending=Ending("gone", "Door closed", "Nothing made it easy to talk.", "poor")),
...     ),
... )
>>> validate(tiny)
[]
>>> session = RoleplaySession(tiny)
>>> step = session.choose("easy")
>>> step.symbol, step.label, step.choice.consequence
('✓', 'Strong', 'Sam relaxes.')
>>> session.is_over, session.debrief().moves_used, session.debrief().moves_missed
(True, ('easy_out',), ('reaffirm', 'explain_change'))
>>> session.to_dict()["path"]
['easy']
>>> session.back(), session.back()
(True, False)

At a decision the learner may also say the turn in their own words; the review of what they
typed picks the branch (:mod:`.typed`).
"""

from __future__ import annotations

from ..review import REPAIR_MOVES
from .checks import roleplay_problems, validate
from .model import (
    OUTCOMES,
    QUALITIES,
    QUALITY_LABELS,
    QUALITY_SYMBOLS,
    Choice,
    Ending,
    Node,
    Outcome,
    Quality,
    Roleplay,
    all_paths,
    route_to_ending,
)
from .session import Debrief, RoleplaySession, Step
from .typed import (
    MAX_TURN_CHARS,
    TypedTurn,
    can_type,
    choice_order,
    clean_turn,
    decision_moves,
    review_typed,
    route,
)

__all__ = ["MAX_TURN_CHARS", "OUTCOMES", "QUALITIES", "QUALITY_LABELS", "QUALITY_SYMBOLS",
           "REPAIR_MOVES", "Choice", "Debrief", "Ending", "Node", "Outcome", "Quality", "Roleplay",
           "RoleplaySession", "Step", "TypedTurn", "all_paths", "can_type",
           "choice_order", "clean_turn", "decision_moves", "review_typed", "roleplay_problems",
           "route", "route_to_ending", "validate"]
