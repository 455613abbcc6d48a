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

from collections.abc import Collection, Mapping
from dataclasses import asdict, dataclass, fields
from typing import Any, Literal

from .entries import SituationEntry
from .errors import CourseInputError
from .fields import listed
from .interface import texts
from .knowledge import knowledge
from .loader import script_wording

_ui = texts("engines.situation")
#: After this many days the column's own example ("a couple of weeks") suggests the role
#: may well have gone to someone else.
FILLED_RISK_DAYS = 14
_MAX_DAYS = 36_500


def check_choice(field: str, value: object, allowed: Collection[object]) -> None:
    """Raise CourseInputError naming ``field`` unless ``value`` is one of ``allowed``.

    >>> check_choice("variant", 3, (0, 1, 2))
    Traceback (most recent call last):
    ...
    coursekit.errors.CourseInputError: variant: must be 0, 1 or 2
    """
    # Same type and equal: True is not 1, 1.0 is not 1, and an unhashable value is refused.
    if not any(type(value) is type(item) and value == item for item in allowed):
        raise CourseInputError(field, _ui("choice", allowed=listed(list(allowed))))


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
        if isinstance(self.missteps, str) or not isinstance(self.missteps, tuple | list):
            raise CourseInputError("missteps", _ui("missteps"))
        known = knowledge().missteps
        for item in self.missteps:
            if not isinstance(item, str):
                raise CourseInputError("missteps", _ui("misstep_text"))
            if item not in known:
                raise CourseInputError("missteps", _ui("misstep", id=repr(item[:40]),
                                                       known=", ".join(known)))
        if "went_silent" in self.missteps and "delayed_reply" in self.missteps:
            raise CourseInputError("missteps", _ui("both"))
        object.__setattr__(self, "missteps", tuple(dict.fromkeys(self.missteps)))
        days = self.time_since_days
        if isinstance(days, bool) or not isinstance(days, int):
            raise CourseInputError("time_since_days", _ui("days"))
        if days < 0:
            raise CourseInputError("time_since_days", _ui("not_negative"))
        if days > _MAX_DAYS:
            raise CourseInputError("time_since_days", _ui("too_many"))
        check_choice("role_status", self.role_status, knowledge().role_statuses)
        check_choice("channel", self.channel, knowledge().channels)

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
            raise CourseInputError("situation", _ui("object"))
        known = [entry.name for entry in fields(cls)]
        for key in data:
            if key not in known:
                raise CourseInputError(str(key)[:40], _ui("field", known=", ".join(known)))
        return cls(**data)

    def to_dict(self) -> dict[str, Any]:
        """Return the situation as JSON-ready data."""
        return {**asdict(self), "missteps": list(self.missteps)}


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
    next_step: str = ""

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
        data = self.to_entry().to_json()
        del data["situation"]
        return data

    def to_entry(self) -> SituationEntry:
        """Return the classification as the journal's entry, with the situation it came from.

        >>> classify({"missteps": []}).to_entry().to_json()["situation"]["channel"]
        'phone'
        """
        return SituationEntry(self.scenario, self.missteps, self.reaction_ids, self.move_ids,
                              self.reasons, self.aim, self.next_step, self.situation.to_dict())


def classify(situation: Situation | Mapping[str, object]) -> Classification:
    """Classify a situation into Scenario 1 or 2, with likely reactions, moves and reasons."""
    if not isinstance(situation, Situation):
        situation = Situation.from_mapping(situation)
    scenario: Literal[1, 2] = 2 if situation.missteps else 1
    filled = situation.role_status == "filled"
    aim: Literal["this_role", "future_roles"] = "future_roles" if filled else "this_role"

    words = script_wording().phrases["reasons"]
    labels = ", ".join(knowledge().missteps[m].label.lower() for m in situation.missteps)
    reasons = [words[f"scenario{scenario}"][0].format(labels=labels), _timing_reason(situation)]
    if situation.role_status in ("filled", "open"):
        reasons.append(words[situation.role_status][0])
    reasons.append(words["meeting" if situation.channel == "meeting" else "phone"][0])

    moves = tuple(PlannedMove(move.id, move.title, move.future_roles if filled else move.how)
                  for move in knowledge().scenario_moves(scenario))
    return Classification(situation=situation, scenario=scenario,
                          reactions=_reactions(situation, scenario), moves=moves,
                          reasons=tuple(reasons), aim=aim, next_step=_next_step(situation))


def _reactions(situation: Situation, scenario: int) -> tuple[LikelyReaction, ...]:
    why = {key: texts[0] for key, texts in script_wording().phrases["reaction_why"].items()}
    found: dict[str, LikelyReaction] = {}

    def add(reaction_id: str, reason: str) -> None:
        label = knowledge().reactions[reaction_id].label
        found[reaction_id] = LikelyReaction(reaction_id, label, reason)

    if scenario == 1:
        add("flattered", why["flattered"])
    for misstep in situation.missteps:
        for reaction_id in knowledge().missteps[misstep].reactions:
            earlier = found.get(reaction_id)
            add(reaction_id, f"{earlier.why} {why[misstep]}" if earlier else why[misstep])
    if scenario != 1:  # the column puts no condition on flattery, even after a misstep
        add("flattered", why["flattered_2"])
    status = situation.role_status
    if status == "unknown" and situation.time_since_days >= FILLED_RISK_DAYS:
        status = "unknown_late"
    if status != "open":
        add("position_filled", why[status].format(days=situation.time_since_days))
    return tuple(found.values())


def _timing_reason(situation: Situation) -> str:
    days = situation.time_since_days
    key = "today" if days == 0 else "recent" if days < FILLED_RISK_DAYS else "late"
    unit = "day" if days == 1 else "days"
    return script_wording().phrases["reasons"][key][0].format(days=days, unit=unit)


def _next_step(situation: Situation) -> str:
    channel = "phone" if situation.channel == "phone" else "meeting"
    key = "filled" if situation.role_status == "filled" else channel
    return script_wording().phrases["next_step"][key][0]
