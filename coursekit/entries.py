"""The shape of every saved journal entry, as typed classes with to/from JSON.

Widgets write entries through these classes; the plan, poll cards, progress and reports read
them back through :func:`read_entries`. The JSON conversion is generic and forgiving
(:mod:`coursekit._entrybase`), so journals from earlier releases and hand-edited ones load.

>>> entries = read_entries({"situation": {"scenario": 2, "missteps": ["went_silent"]},
...                         "quiz:01_dilemma": {"score": 2, "out_of": 3},
...                         "reflection:why_now": "Soon"})
>>> entries.scenario, entries.situation.missteps
(2, ('went_silent',))
>>> entries.quizzes["01_dilemma"].score, entries.reflections["why_now"].text
(2, 'Soon')
>>> SituationEntry.from_json({"scenario": "two"}) is None
True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any

from ._entrybase import OneOf, _Entry
from .textsafe import tidy

# The exercise ids of the entries, and the prefixes of reflection, quiz and role-play ids.
SITUATION = "situation"
SCRIPT = "script"
SCRIPT_INPUTS = "script_inputs"
REPLIES = "replies"
DRAFT = "draft"
REFLECTION_PREFIX = "reflection:"
QUIZ_PREFIX = "quiz:"
ROLEPLAY_PREFIX = "roleplay:"
#: The manager's likely replies, in the order the plan lists them.
REPLY_IDS: tuple[str, ...] = ("filled", "open_wary", "open_glad")


Scenario = Annotated[int, OneOf(1, 2)]
Channel = Annotated[str, OneOf("phone", "meeting")]


@dataclass(frozen=True)
class SituationEntry(_Entry):
    """The classification: scenario, missteps, reactions, moves, reasons and the answers."""

    scenario: Scenario
    missteps: tuple[str, ...] = ()
    reactions: tuple[str, ...] = ()
    moves: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    aim: str = "this_role"
    next_step: str = ""
    situation: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class ScriptInputsEntry(_Entry):
    """What the learner typed into the script builder, and its settings."""

    inputs: Mapping[str, str] = field(default_factory=dict)
    scenario: Scenario | None = None
    channel: Channel = "phone"
    variant: Annotated[int, OneOf(0, 1, 2)] = 0


@dataclass(frozen=True)
class ScriptLineEntry(_Entry):
    """One line of a saved script: the move it makes and its words."""

    id: str
    text: str


@dataclass(frozen=True)
class ScriptEntry(_Entry):
    """The script in the learner's words: each move's line, what is missing, the spoken text."""

    scenario: Scenario | None
    text: str
    moves: tuple[ScriptLineEntry, ...] = ()
    missing: tuple[str, ...] = ()
    channel: Channel = "phone"
    aim: str = "this_role"


@dataclass(frozen=True)
class RepliesEntry(_Entry):
    """The learner's prepared answers, by reply id (saved as that mapping itself)."""

    replies: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_json(cls, value: object) -> RepliesEntry | None:
        """Read saved replies; None when the entry is not an object."""
        return super().from_json({"replies": value}) if isinstance(value, Mapping) else None

    def to_json(self) -> dict[str, str]:
        """Return the entry as journal data."""
        return dict(self.replies)

    @property
    def prepared(self) -> int:
        """Return how many of the course's likely replies have an answer."""
        return sum(1 for key in REPLY_IDS if self.replies.get(key, "").strip())


@dataclass(frozen=True)
class ReviewMoveEntry(_Entry):
    """One move of a saved review: covered or not, with the evidence or a tip."""

    id: str
    covered: bool
    evidence: str = ""
    tip: str = ""


@dataclass(frozen=True)
class ReviewEntry(_Entry):
    """A saved review: each move checked, and the order check for Scenario 2."""

    moves: tuple[ReviewMoveEntry, ...]
    order_ok: bool | None = None
    order_note: str = ""

    def usable(self) -> bool:
        """Say whether the review has a move or an order check to show."""
        return bool(self.moves) or self.order_ok is not None


@dataclass(frozen=True)
class DraftEntry(_Entry):
    """A freehand draft, the scenario it was reviewed against, and its review."""

    scenario: Scenario | None
    text: str = ""
    review: ReviewEntry | None = None


@dataclass(frozen=True)
class ReflectionEntry:
    """A reflection's text (saved as a plain string)."""

    text: str

    @classmethod
    def from_json(cls, value: object) -> ReflectionEntry | None:
        """Read a saved reflection; None unless it is text."""
        return cls(tidy(value)) if isinstance(value, str) else None

    def to_json(self) -> str:
        """Return the entry as journal data."""
        return self.text


@dataclass(frozen=True)
class QuizEntry(_Entry):
    """A quiz's score, and the saved attempt the quiz widget replays (saved around them)."""

    score: int
    out_of: int
    attempt: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_json(cls, value: object) -> QuizEntry | None:
        """Read a saved quiz; None unless it has a sensible score."""
        if not isinstance(value, Mapping):
            return None
        return super().from_json({**value, "attempt": value})

    def to_json(self) -> dict[str, Any]:
        """Return the entry as journal data."""
        return {**self.attempt, "score": self.score, "out_of": self.out_of}

    def usable(self) -> bool:
        """Say whether the score is one a quiz can give."""
        return 0 <= self.score <= self.out_of and self.out_of > 0


@dataclass(frozen=True)
class TypedTurnEntry(_Entry):
    """A role-play turn in the learner's own words: its step, the node, branch and moves heard."""

    step: int
    text: str
    node: str = ""
    choice: str = ""
    made: tuple[str, ...] = ()

    def usable(self) -> bool:
        """Say whether the turn has a place in the path."""
        return self.step >= 0


@dataclass(frozen=True)
class RoleplayEntry(_Entry):
    """Where a role-play got to: choices made, typed turns (none in older journals), ending."""

    path: tuple[str, ...] = ()
    ending: str = ""
    ending_id: str = ""
    outcome: str = ""
    moves_used: tuple[str, ...] = ()
    roleplay_id: str | None = None
    typed: tuple[TypedTurnEntry, ...] = ()


@dataclass(frozen=True)
class Entries:
    """Every entry of a journal, typed; absent or unreadable entries are None or left out."""

    situation: SituationEntry | None = None
    script_inputs: ScriptInputsEntry | None = None
    script: ScriptEntry | None = None
    replies: RepliesEntry | None = None
    draft: DraftEntry | None = None
    reflections: Mapping[str, ReflectionEntry] = field(default_factory=dict)
    quizzes: Mapping[str, QuizEntry] = field(default_factory=dict)
    roleplays: Mapping[str, RoleplayEntry] = field(default_factory=dict)

    @property
    def scenario(self) -> int | None:
        """Return the learner's scenario: the classification's, the one source of truth."""
        return self.situation.scenario if self.situation is not None else None


def _prefixed(answers: Mapping[str, object], prefix: str, reader: Any) -> dict[str, Any]:
    found = {}
    for key in sorted(k for k in answers if isinstance(k, str) and k.startswith(prefix)):
        entry = reader(answers[key])
        if entry is not None:
            found[key[len(prefix) :]] = entry
    return found


def read_entries(answers: object) -> Entries:
    """Return the typed entries of a journal's answers (anything else reads as empty)."""
    if not isinstance(answers, Mapping):
        return Entries()
    return Entries(situation=SituationEntry.from_json(answers.get(SITUATION)),
                   script_inputs=ScriptInputsEntry.from_json(answers.get(SCRIPT_INPUTS)),
                   script=ScriptEntry.from_json(answers.get(SCRIPT)),
                   replies=RepliesEntry.from_json(answers.get(REPLIES)),
                   draft=DraftEntry.from_json(answers.get(DRAFT)),
                   reflections=_prefixed(answers, REFLECTION_PREFIX, ReflectionEntry.from_json),
                   quizzes=_prefixed(answers, QUIZ_PREFIX, QuizEntry.from_json),
                   roleplays=_prefixed(answers, ROLEPLAY_PREFIX, RoleplayEntry.from_json))
