"""Classify a learner's situation into the column's Scenario 1 or 2, with reasons.

>>> result = classify(Situation(missteps=("went_silent",), time_since_days=30))
>>> result.scenario
2
>>> result.move_ids[0]
'own_misstep'
>>> "insulted" in result.reaction_ids
True
>>> classify(Situation()).move_ids
('reaffirm', 'explain_change', 'easy_out')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from .errors import CourseInputError
from .knowledge import knowledge

__all__ = [
    "Classification",
    "LikelyReaction",
    "PlannedMove",
    "Situation",
    "classify",
]

#: After this many days the column's own example ("a couple of weeks") suggests the role
#: may well have gone to someone else.
FILLED_RISK_DAYS = 14
_MAX_DAYS = 36_500
_SITUATION_KEYS = ("missteps", "time_since_days", "role_status", "channel")


@dataclass(frozen=True)
class Situation:
    """What happened when the learner declined, and how they plan to get back in touch.

    ``missteps`` is empty when the learner declined clearly and respectfully.
    """

    missteps: tuple[str, ...] = ()
    time_since_days: int = 0
    role_status: str = "unknown"
    channel: str = "phone"

    def __post_init__(self) -> None:
        if isinstance(self.missteps, str) or not isinstance(self.missteps, (tuple, list)):
            raise CourseInputError("missteps", "must be a list of misstep ids")
        cleaned: list[str] = []
        for item in self.missteps:
            if not isinstance(item, str):
                raise CourseInputError("missteps", "each misstep must be a misstep id (text)")
            if item not in knowledge().missteps:
                raise CourseInputError(
                    "missteps",
                    f"unknown misstep {item[:40]!r}; choose from {', '.join(knowledge().missteps)}",
                )
            if item not in cleaned:
                cleaned.append(item)
        if "went_silent" in cleaned and "delayed_reply" in cleaned:
            raise CourseInputError(
                "missteps",
                "went_silent and delayed_reply cannot both be true: you either never told "
                "them or told them late",
            )
        object.__setattr__(self, "missteps", tuple(cleaned))
        days = self.time_since_days
        if isinstance(days, bool) or not isinstance(days, int):
            raise CourseInputError("time_since_days", "must be a whole number of days")
        if days < 0:
            raise CourseInputError("time_since_days", "must be 0 or more")
        if days > _MAX_DAYS:
            raise CourseInputError("time_since_days", "must be at most 36,500 (100 years)")
        if self.role_status not in knowledge().role_statuses:
            statuses = ", ".join(knowledge().role_statuses)
            raise CourseInputError("role_status", f"must be one of {statuses}")
        if self.channel not in knowledge().channels:
            raise CourseInputError("channel", f"must be one of {', '.join(knowledge().channels)}")

    @classmethod
    def from_mapping(cls, data: object) -> Situation:
        """Build a situation from JSON-like data, naming the field at fault on bad input.

        >>> Situation.from_mapping({"missteps": [], "time_since_days": 3}).role_status
        'unknown'
        >>> Situation.from_mapping({"mood": "sad"})
        Traceback (most recent call last):
        ...
        coursekit.errors.CourseInputError: mood: unknown field; expected missteps, ...
        """
        if not isinstance(data, Mapping):
            raise CourseInputError("situation", "must be a JSON object")
        for key in data:
            if key not in _SITUATION_KEYS:
                raise CourseInputError(
                    str(key)[:40], f"unknown field; expected {', '.join(_SITUATION_KEYS)}"
                )
        missteps = data.get("missteps", [])
        if not isinstance(missteps, list | tuple):
            raise CourseInputError("missteps", "must be a list of misstep ids")
        return cls(
            missteps=tuple(missteps),
            time_since_days=data.get("time_since_days", 0),
            role_status=data.get("role_status", "unknown"),
            channel=data.get("channel", "phone"),
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the situation as JSON-ready data."""
        return {
            "missteps": list(self.missteps),
            "time_since_days": self.time_since_days,
            "role_status": self.role_status,
            "channel": self.channel,
        }


@dataclass(frozen=True)
class LikelyReaction:
    """A reaction the manager may have, and why it applies to this situation."""

    id: str
    label: str
    why: str


@dataclass(frozen=True)
class PlannedMove:
    """A move the learner should make, with guidance aimed at this situation."""

    id: str
    title: str
    guidance: str


@dataclass(frozen=True)
class Classification:
    """The scenario a situation falls into, with reactions, moves and reasons."""

    situation: Situation
    scenario: Literal[1, 2]
    reactions: tuple[LikelyReaction, ...]
    moves: tuple[PlannedMove, ...]
    reasons: tuple[str, ...]
    aim: Literal["this_role", "future_roles"] = "this_role"
    next_step: str = field(default="")

    @property
    def missteps(self) -> tuple[str, ...]:
        """Return the missteps that made this Scenario 2 (empty for Scenario 1)."""
        return self.situation.missteps

    @property
    def move_ids(self) -> tuple[str, ...]:
        """Return the move ids in the order the learner should make them."""
        return tuple(move.id for move in self.moves)

    @property
    def reaction_ids(self) -> tuple[str, ...]:
        """Return the ids of the likely reactions."""
        return tuple(reaction.id for reaction in self.reactions)

    def to_dict(self) -> dict[str, Any]:
        """Return the classification as JSON-ready data (the command line's output)."""
        return {
            "scenario": self.scenario,
            "missteps": list(self.missteps),
            "reactions": list(self.reaction_ids),
            "moves": list(self.move_ids),
            "reasons": list(self.reasons),
            "aim": self.aim,
            "next_step": self.next_step,
        }


def classify(situation: Situation | Mapping[str, object]) -> Classification:
    """Classify a situation into Scenario 1 or 2, with likely reactions, moves and reasons."""
    if not isinstance(situation, Situation):
        situation = Situation.from_mapping(situation)
    scenario: Literal[1, 2] = 2 if situation.missteps else 1
    filled = situation.role_status == "filled"
    aim: Literal["this_role", "future_roles"] = "future_roles" if filled else "this_role"

    reasons: list[str] = []
    if scenario == 1:
        reasons.append(
            "You declined clearly and respectfully, so this is Scenario 1: you can simply "
            "ask again, using the column's three moves."
        )
    else:
        labels = ", ".join(knowledge().missteps[m].label.lower() for m in situation.missteps)
        reasons.append(
            f"This is Scenario 2 because of how you declined ({labels}). The column's advice "
            "is to start there: repair the misstep before you explain your change of heart."
        )
    reasons.append(_timing_reason(situation))
    if filled:
        reasons.append(
            "The role is filled, so aim the conversation at future roles: the column's answer "
            "ends by asking to talk about other options, and Colette Brown was hired by the "
            "employer she had turned down years later."
        )
    elif situation.role_status == "open":
        reasons.append(
            "The role is still open, so the question is live: make the call soon, before "
            "that changes."
        )
    reasons.append(_channel_reason(situation.channel))

    moves = tuple(
        PlannedMove(
            move_id,
            knowledge().moves[move_id].title,
            knowledge().moves[move_id].future_roles if filled else knowledge().moves[move_id].how,
        )
        for move_id in knowledge().scenarios[scenario].move_ids
    )
    return Classification(
        situation=situation,
        scenario=scenario,
        reactions=_reactions(situation, scenario),
        moves=moves,
        reasons=tuple(reasons),
        aim=aim,
        next_step=_next_step(situation),
    )


def _reactions(situation: Situation, scenario: int) -> tuple[LikelyReaction, ...]:
    found: list[LikelyReaction] = []
    if scenario == 1:
        found.append(
            LikelyReaction(
                "flattered",
                knowledge().reactions["flattered"].label,
                "You said no clearly and kindly, so hearing that you still want the job may "
                "simply please them.",
            )
        )
    why_for_misstep = {
        "showed_enthusiasm": "You signalled you would accept and then did not.",
        "delayed_reply": "Your late answer may have cost them time in filling the role.",
        "went_silent": "You never told them you were declining; silence can read as "
        "disrespect or immaturity.",
        "other_offence": "Something you did or said stung at the time.",
    }
    for misstep in situation.missteps:
        for reaction_id in knowledge().missteps[misstep].reactions:
            why = why_for_misstep[misstep]
            existing = next((r for r in found if r.id == reaction_id), None)
            if existing is None:
                label = knowledge().reactions[reaction_id].label
                found.append(LikelyReaction(reaction_id, label, why))
            else:
                index = found.index(existing)
                found[index] = LikelyReaction(reaction_id, existing.label, f"{existing.why} {why}")
    if scenario != 1:
        # The column puts no condition on flattery: it can meet anyone, even after a misstep.
        found.append(
            LikelyReaction(
                "flattered",
                knowledge().reactions["flattered"].label,
                "Even after a misstep they may simply be pleased you came back, but repair "
                "first rather than count on it.",
            )
        )
    if situation.role_status == "filled":
        found.append(
            LikelyReaction(
                "position_filled",
                knowledge().reactions["position_filled"].label,
                "You know the role has gone to someone else.",
            )
        )
    elif situation.role_status == "unknown":
        if situation.time_since_days >= FILLED_RISK_DAYS:
            why = (
                f"It has been {situation.time_since_days} days; they may well have hired "
                "someone else."
            )
        else:
            why = "You don't know yet whether they have offered the job to someone else."
        label = knowledge().reactions["position_filled"].label
        found.append(LikelyReaction("position_filled", label, why))
    return tuple(found)


def _timing_reason(situation: Situation) -> str:
    days = situation.time_since_days
    if days == 0:
        return (
            "You declined today: calling back now costs little and the column's advice is to "
            "make the call straight away."
        )
    unit = "day" if days == 1 else "days"
    if days < FILLED_RISK_DAYS:
        return (
            f"Only {days} {unit} have passed, so the door is likely still open; the column "
            "says to call now, because you have little to lose."
        )
    return (
        f"{days} {unit} have passed. The column's own example call opens by acknowledging "
        "the gap and that another offer may have gone out; each further day makes that likelier."
    )


def _channel_reason(channel: str) -> str:
    if channel == "meeting":
        return (
            "You plan to meet in person, as the column's asker hoped: open with the moves "
            "before you discuss the job itself."
        )
    return (
        "You plan to phone: use the moves on the call, then ask for a short face-to-face "
        "meeting, which is what the column's asker wanted."
    )


def _next_step(situation: Situation) -> str:
    if situation.role_status == "filled":
        return "Ask to be kept in mind, and to hear about other openings in the future."
    if situation.channel == "phone":
        return "If the role is open, ask for a short face-to-face meeting."
    return "Use the meeting to show what you would bring to the role."
