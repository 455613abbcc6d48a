"""The shape of every saved journal entry, as typed classes with to/from JSON.

Widgets write entries through these classes; the plan, poll cards, progress and reports read
them back through :func:`read_entries`. Reading is forgiving in one place only: a field of the
wrong type becomes its empty value, and an entry that is not an object at all reads as None,
so files written by earlier releases (and hand-edited ones) still load.

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
from typing import Any

from ._entrybase import _Entry, _int, _map, _scenario, _text, _texts

__all__ = [
    "DRAFT",
    "QUIZ_PREFIX",
    "REFLECTION_PREFIX",
    "REPLIES",
    "REPLY_IDS",
    "ROLEPLAY_PREFIX",
    "SCRIPT",
    "SCRIPT_INPUTS",
    "SITUATION",
    "DraftEntry",
    "Entries",
    "QuizEntry",
    "ReflectionEntry",
    "RepliesEntry",
    "ReviewEntry",
    "ReviewMoveEntry",
    "RoleplayEntry",
    "TypedTurnEntry",
    "ScriptEntry",
    "ScriptInputsEntry",
    "SituationEntry",
    "read_entries",
]

#: Exercise id of the learner's classification (the one source of their scenario).
SITUATION = "situation"
#: Exercise id of the script built in the learner's words.
SCRIPT = "script"
#: Exercise id of what the learner typed into the script builder.
SCRIPT_INPUTS = "script_inputs"
#: Exercise id of the prepared replies to the manager's likely answers.
REPLIES = "replies"
#: Exercise id of the freehand draft and its review.
DRAFT = "draft"
#: Prefixes of reflection, quiz and role-play exercise ids.
REFLECTION_PREFIX = "reflection:"
QUIZ_PREFIX = "quiz:"
ROLEPLAY_PREFIX = "roleplay:"
#: The manager's likely replies, in the order the plan lists them.
REPLY_IDS: tuple[str, ...] = ("filled", "open_wary", "open_glad")


@dataclass(frozen=True)
class SituationEntry(_Entry):
    """The classification: scenario, missteps, reactions, moves, reasons and the answers."""

    scenario: int | None
    missteps: tuple[str, ...] = ()
    reactions: tuple[str, ...] = ()
    moves: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    aim: str = "this_role"
    next_step: str = ""
    situation: Mapping[str, Any] | None = None

    @classmethod
    def from_json(cls, value: object) -> SituationEntry | None:
        """Read a saved classification; None when there is no scenario in it."""
        data = _map(value)
        if data is None or _scenario(data.get("scenario")) is None:
            return None
        return cls(
            scenario=_scenario(data.get("scenario")),
            missteps=_texts(data.get("missteps")),
            reactions=_texts(data.get("reactions")),
            moves=_texts(data.get("moves")),
            reasons=_texts(data.get("reasons")),
            aim=_text(data.get("aim")) or "this_role",
            next_step=_text(data.get("next_step")),
            situation=_map(data.get("situation")),
        )


@dataclass(frozen=True)
class ScriptInputsEntry(_Entry):
    """What the learner typed into the script builder, and its settings."""

    inputs: Mapping[str, str] = field(default_factory=dict)
    scenario: int | None = None
    channel: str = "phone"
    variant: int = 0

    @classmethod
    def from_json(cls, value: object) -> ScriptInputsEntry | None:
        """Read saved builder answers; None when the entry is not an object."""
        data = _map(value)
        if data is None:
            return None
        inputs = _map(data.get("inputs")) or {}
        channel = data.get("channel")
        variant = _int(data.get("variant"))
        return cls(
            inputs={str(k): v for k, v in inputs.items() if isinstance(v, str)},
            scenario=_scenario(data.get("scenario")),
            channel=channel if channel in ("phone", "meeting") else "phone",
            variant=variant if variant in (0, 1, 2) else 0,
        )


@dataclass(frozen=True)
class ScriptEntry(_Entry):
    """The script in the learner's words: each move's line, what is missing, the spoken text."""

    scenario: int | None
    text: str
    moves: tuple[tuple[str, str], ...] = ()
    missing: tuple[str, ...] = ()
    channel: str = "phone"
    aim: str = "this_role"

    @classmethod
    def from_json(cls, value: object) -> ScriptEntry | None:
        """Read a saved script; None when it has no text."""
        data = _map(value)
        if data is None or not _text(data.get("text")).strip():
            return None
        moves = data.get("moves")
        pairs = tuple(
            (_text(m.get("id")), _text(m.get("text")))
            for m in (moves if isinstance(moves, list) else [])
            if isinstance(m, Mapping)
        )
        return cls(
            scenario=_scenario(data.get("scenario")),
            text=_text(data.get("text")),
            moves=pairs,
            missing=_texts(data.get("missing")),
            channel=_text(data.get("channel")) or "phone",
            aim=_text(data.get("aim")) or "this_role",
        )

    def to_json(self) -> dict[str, Any]:
        """Return the entry as journal data."""
        return {
            "scenario": self.scenario,
            "channel": self.channel,
            "aim": self.aim,
            "moves": [{"id": move_id, "text": text} for move_id, text in self.moves],
            "missing": list(self.missing),
            "text": self.text,
        }


@dataclass(frozen=True)
class RepliesEntry(_Entry):
    """The learner's prepared answers, by reply id."""

    replies: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_json(cls, value: object) -> RepliesEntry | None:
        """Read saved replies; None when the entry is not an object."""
        data = _map(value)
        if data is None:
            return None
        return cls({str(k): _text(v) for k, v in data.items() if isinstance(v, str)})

    def to_json(self) -> dict[str, Any]:
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

    @classmethod
    def from_json(cls, value: object) -> ReviewEntry | None:
        """Read a saved review; None when it has no usable move or order check."""
        data = _map(value)
        if data is None:
            return None
        raw = data.get("moves")
        moves = tuple(
            ReviewMoveEntry(
                _text(m.get("id")), m["covered"], _text(m.get("evidence")), _text(m.get("tip"))
            )
            for m in (raw if isinstance(raw, list) else [])
            if isinstance(m, Mapping) and isinstance(m.get("covered"), bool)
        )
        order_ok = data.get("order_ok")
        order = order_ok if isinstance(order_ok, bool) else None
        if not moves and order is None:
            return None
        return cls(moves, order, _text(data.get("order_note")))


@dataclass(frozen=True)
class DraftEntry(_Entry):
    """A freehand draft, the scenario it was reviewed against, and its review."""

    scenario: int | None
    text: str
    review: ReviewEntry | None = None

    @classmethod
    def from_json(cls, value: object) -> DraftEntry | None:
        """Read a saved draft; None when the entry is not an object."""
        data = _map(value)
        if data is None:
            return None
        return cls(
            _scenario(data.get("scenario")),
            _text(data.get("text")),
            ReviewEntry.from_json(data.get("review")),
        )

    def to_json(self) -> dict[str, Any]:
        """Return the entry as journal data."""
        data: dict[str, Any] = {"scenario": self.scenario, "text": self.text}
        if self.review is not None:
            data["review"] = {"scenario": self.scenario, **self.review.to_json()}
        return data


@dataclass(frozen=True)
class ReflectionEntry:
    """A reflection's text (saved as a plain string)."""

    text: str

    @classmethod
    def from_json(cls, value: object) -> ReflectionEntry | None:
        """Read a saved reflection; None unless it is text."""
        return cls(_text(value)) if isinstance(value, str) else None

    def to_json(self) -> str:
        """Return the entry as journal data."""
        return self.text


@dataclass(frozen=True)
class QuizEntry(_Entry):
    """A quiz's score, and the saved attempt the quiz widget replays."""

    score: int
    out_of: int
    attempt: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_json(cls, value: object) -> QuizEntry | None:
        """Read a saved quiz; None unless it has a sensible score."""
        data = _map(value)
        if data is None:
            return None
        score, out_of = _int(data.get("score")), _int(data.get("out_of"))
        if score is None or out_of is None or out_of <= 0 or not 0 <= score <= out_of:
            return None
        return cls(score, out_of, data)

    def to_json(self) -> dict[str, Any]:
        """Return the entry as journal data."""
        return {**self.attempt, "score": self.score, "out_of": self.out_of}


@dataclass(frozen=True)
class TypedTurnEntry(_Entry):
    """A role-play turn in the learner's own words: its index in the path, the words, the
    decision it answered, the branch taken and the moves the review heard."""

    step: int
    text: str
    node: str = ""
    choice: str = ""
    made: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, value: object) -> TypedTurnEntry | None:
        """Read a saved typed turn; None without a step number or words."""
        data = _map(value) or {}
        step, text = _int(data.get("step")), _text(data.get("text"))
        if step is None or step < 0 or not text.strip():
            return None
        made = _texts(data.get("made"))
        return cls(step, text, _text(data.get("node")), _text(data.get("choice")), made)


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

    @classmethod
    def from_json(cls, value: object) -> RoleplayEntry | None:
        """Read a saved role-play; None when the entry is not an object."""
        data = _map(value)
        if data is None:
            return None
        raw = data.get("typed")
        read = (TypedTurnEntry.from_json(t) for t in (raw if isinstance(raw, list) else []))
        typed = tuple(turn for turn in read if turn is not None)
        return cls(
            path=_texts(data.get("path")),
            ending=_text(data.get("ending")),
            ending_id=_text(data.get("ending_id")),
            outcome=_text(data.get("outcome")),
            moves_used=_texts(data.get("moves_used")),
            roleplay_id=_text(data.get("roleplay_id")) or None,
            typed=typed,
        )


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
    return Entries(
        situation=SituationEntry.from_json(answers.get(SITUATION)),
        script_inputs=ScriptInputsEntry.from_json(answers.get(SCRIPT_INPUTS)),
        script=ScriptEntry.from_json(answers.get(SCRIPT)),
        replies=RepliesEntry.from_json(answers.get(REPLIES)),
        draft=DraftEntry.from_json(answers.get(DRAFT)),
        reflections=_prefixed(answers, REFLECTION_PREFIX, ReflectionEntry.from_json),
        quizzes=_prefixed(answers, QUIZ_PREFIX, QuizEntry.from_json),
        roleplays=_prefixed(answers, ROLEPLAY_PREFIX, RoleplayEntry.from_json),
    )
