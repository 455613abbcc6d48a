"""The branching role-play engine: the manager speaks, the learner chooses, the debrief maps moves.

A :class:`Roleplay` is a set of :class:`Node` objects. Each node holds the manager's line and
either the learner's possible replies (:class:`Choice`) or an :class:`Ending`. A
:class:`RoleplaySession` walks one learner through it, can step back, and ends in a
:class:`Debrief` that says which of the scenario's moves the learner's path used and which it
missed. :func:`validate` finds authoring problems before a learner meets them.

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
>>> step.symbol, step.label, step.consequence
('✓', 'Strong', 'Sam relaxes.')
>>> session.is_over, session.debrief().moves_used, session.debrief().moves_missed
(True, ('easy_out',), ('reaffirm', 'explain_change'))
>>> session.to_dict()["path"]
['easy']
>>> session.back(), session.back()
(True, False)
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, TypeAlias

from .errors import CourseInputError
from .knowledge import MOVES, SCENARIOS

if TYPE_CHECKING:
    from .journal import JSONValue

__all__ = [
    "OUTCOMES",
    "QUALITIES",
    "QUALITY_LABELS",
    "QUALITY_SYMBOLS",
    "REPAIR_MOVES",
    "Choice",
    "Debrief",
    "Ending",
    "Node",
    "Outcome",
    "Quality",
    "Roleplay",
    "RoleplaySession",
    "Step",
    "all_paths",
    "assert_valid",
    "route_to_ending",
    "validate",
]

Quality: TypeAlias = Literal["strong", "okay", "weak"]
Outcome: TypeAlias = Literal["good", "mixed", "poor"]

#: The allowed choice qualities, strongest first.
QUALITIES: tuple[Quality, ...] = ("strong", "okay", "weak")
#: The allowed ending outcomes, best first.
OUTCOMES: tuple[Outcome, ...] = ("good", "mixed", "poor")
#: A sign for each quality, so a display never relies on colour.
QUALITY_SYMBOLS: Mapping[str, str] = {"strong": "✓", "okay": "◐", "weak": "✗"}
#: Each quality in words.
QUALITY_LABELS: Mapping[str, str] = {"strong": "Strong", "okay": "Okay", "weak": "Weak"}
#: The Scenario 2 moves that repair the misstep and have to come before the others.
REPAIR_MOVES: tuple[str, ...] = ("own_misstep", "invite_response", "permission")

#: Longest path :func:`all_paths` follows before deciding it is looping.
_MAX_PATH = 200


@dataclass(frozen=True)
class Choice:
    """Something the learner can say, how it lands, and where the conversation goes next."""

    id: str
    text: str
    feedback: str
    consequence: str
    next_id: str
    moves: tuple[str, ...] = ()
    quality: Quality = "okay"

    def __post_init__(self) -> None:
        object.__setattr__(self, "moves", tuple(self.moves))

    @property
    def symbol(self) -> str:
        """Return ✓, ◐ or ✗ for a strong, okay or weak choice."""
        return QUALITY_SYMBOLS.get(self.quality, "?")

    @property
    def label(self) -> str:
        """Return the choice's quality in words."""
        return QUALITY_LABELS.get(self.quality, str(self.quality))


@dataclass(frozen=True)
class Ending:
    """Where a path stops: a title, what happened and why, and how well it went."""

    id: str
    title: str
    debrief: str
    outcome: Outcome = "mixed"


@dataclass(frozen=True)
class Node:
    """One point in the call: the manager's line and the learner's replies, or an ending.

    ``cue`` is an optional stage direction shown before the line. A ``fork`` node is where the
    learner picks which of the manager's likely replies to rehearse; its choices describe that
    reply rather than words the learner says, carry no moves, and are left out of the tally.
    """

    id: str
    speaker_line: str
    choices: tuple[Choice, ...] = ()
    ending: Ending | None = None
    cue: str = ""
    fork: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "choices", tuple(self.choices))

    @property
    def is_ending(self) -> bool:
        """Return True if the conversation stops here."""
        return self.ending is not None

    def choice(self, choice_id: object) -> Choice:
        """Return the choice with this id, or raise CourseInputError."""
        for choice in self.choices:
            if choice.id == choice_id:
                return choice
        known = ", ".join(choice.id for choice in self.choices) or "none"
        raise CourseInputError("choice_id", f"{choice_id!r} is not a choice here ({known})")


@dataclass(frozen=True)
class Roleplay:
    """A whole branching call: its nodes, where it starts, and the scenario it practises."""

    id: str
    title: str
    start_id: str
    nodes: tuple[Node, ...]
    scenario: int = 1
    situation: str = ""
    _index: dict[str, Node] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "nodes", tuple(self.nodes))
        index: dict[str, Node] = {}
        for node in self.nodes:
            index.setdefault(node.id, node)
        object.__setattr__(self, "_index", index)

    def node(self, node_id: str) -> Node:
        """Return the node with this id, or raise CourseInputError."""
        try:
            return self._index[node_id]
        except KeyError:
            raise CourseInputError("node_id", f"{node_id!r} is not a node of {self.id!r}") from None

    def has_node(self, node_id: str) -> bool:
        """Return True if a node has this id."""
        return node_id in self._index

    @property
    def start(self) -> Node:
        """Return the node the call starts at."""
        return self.node(self.start_id)

    @property
    def expected_moves(self) -> tuple[str, ...]:
        """Return the scenario's moves in the column's order (empty for an unknown scenario)."""
        scenario = SCENARIOS.get(self.scenario)
        return scenario.move_ids if scenario is not None else ()

    @property
    def endings(self) -> tuple[Ending, ...]:
        """Return every ending, in node order."""
        return tuple(node.ending for node in self.nodes if node.ending is not None)


# Validation ------------------------------------------------------------------------------


def _duplicates(ids: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    doubled: list[str] = []
    for item_id in ids:
        if item_id in seen and item_id not in doubled:
            doubled.append(item_id)
        seen.add(item_id)
    return doubled


def _reachable(roleplay: Roleplay) -> set[str]:
    if not roleplay.has_node(roleplay.start_id):
        return set()
    seen = {roleplay.start_id}
    queue = deque([roleplay.start_id])
    while queue:
        for choice in roleplay.node(queue.popleft()).choices:
            if roleplay.has_node(choice.next_id) and choice.next_id not in seen:
                seen.add(choice.next_id)
                queue.append(choice.next_id)
    return seen


def _can_end(roleplay: Roleplay) -> set[str]:
    """Return the ids of nodes from which some path reaches an ending."""
    incoming: dict[str, set[str]] = {}
    for node in roleplay.nodes:
        for choice in node.choices:
            incoming.setdefault(choice.next_id, set()).add(node.id)
    done = {node.id for node in roleplay.nodes if node.is_ending}
    queue = deque(done)
    while queue:
        for source in incoming.get(queue.popleft(), ()):
            if source not in done:
                done.add(source)
                queue.append(source)
    return done


def _text_ok(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def validate(roleplay: Roleplay) -> list[str]:
    """Return every authoring problem in a role-play; an empty list means it is valid.

    Checks: ids are unique (nodes, choices, endings); the start exists; every ``next_id``
    exists; every node is reachable from the start; every node that is not an ending has
    choices and every ending has a title and debrief; every node can still reach an ending, so
    no loop or dead end can trap a learner; every move id is known; qualities and outcomes are
    allowed values; fork choices carry no moves; the scenario is 1 or 2; text is not empty.
    """
    problems: list[str] = []
    if not _text_ok(roleplay.id):
        problems.append("the role-play has no id")
    if not _text_ok(roleplay.title):
        problems.append(f"role-play {roleplay.id!r} has no title")
    if roleplay.scenario not in SCENARIOS:
        problems.append(f"scenario {roleplay.scenario!r} is not 1 or 2")
    if not roleplay.nodes:
        problems.append("the role-play has no nodes")
        return problems
    for node_id in _duplicates(node.id for node in roleplay.nodes):
        problems.append(f"node id {node_id!r} is used more than once")
    all_choices = [choice for node in roleplay.nodes for choice in node.choices]
    for choice_id in _duplicates(choice.id for choice in all_choices):
        problems.append(f"choice id {choice_id!r} is used more than once")
    endings = roleplay.endings
    for ending_id in _duplicates(ending.id for ending in endings):
        problems.append(f"ending id {ending_id!r} is used more than once")
    if not roleplay.has_node(roleplay.start_id):
        problems.append(f"start node {roleplay.start_id!r} does not exist")
    if not endings:
        problems.append("the role-play has no ending")

    for node in roleplay.nodes:
        where = f"node {node.id!r}"
        if not _text_ok(node.id):
            problems.append("a node has an empty id")
        if not _text_ok(node.speaker_line):
            problems.append(f"{where} has no manager line")
        if node.ending is not None:
            if node.choices:
                problems.append(f"{where} is an ending but also has choices")
            if node.fork:
                problems.append(f"{where} is an ending and cannot be a fork")
            if not _text_ok(node.ending.id) or not _text_ok(node.ending.title):
                problems.append(f"the ending at {where} needs an id and a title")
            if not _text_ok(node.ending.debrief):
                problems.append(f"the ending at {where} has no debrief")
            if node.ending.outcome not in OUTCOMES:
                outcome = node.ending.outcome
                problems.append(f"the ending at {where} has unknown outcome {outcome!r}")
        elif not node.choices:
            problems.append(f"{where} has no choices and is not an ending (a dead end)")
        for choice in node.choices:
            at = f"choice {choice.id!r} at {where}"
            if not _text_ok(choice.id):
                problems.append(f"a choice at {where} has an empty id")
            for name in ("text", "feedback", "consequence"):
                if not _text_ok(getattr(choice, name)):
                    problems.append(f"{at} has no {name}")
            if not roleplay.has_node(choice.next_id):
                problems.append(f"{at} leads to missing node {choice.next_id!r}")
            if choice.quality not in QUALITIES:
                problems.append(f"{at} has unknown quality {choice.quality!r}")
            for move_id in choice.moves:
                if move_id not in MOVES:
                    problems.append(f"{at} names unknown move {move_id!r}")
            if node.fork and choice.moves:
                problems.append(f"{at} is a rehearsal fork and should carry no moves")

    reachable = _reachable(roleplay)
    if reachable:
        for node in roleplay.nodes:
            if node.id not in reachable:
                problems.append(f"node {node.id!r} cannot be reached from the start")
    can_end = _can_end(roleplay)
    for node in roleplay.nodes:
        if node.id in reachable and node.id not in can_end:
            problems.append(f"node {node.id!r} cannot reach an ending: a learner there is trapped")
    return problems


def assert_valid(roleplay: Roleplay) -> None:
    """Raise CourseInputError listing every problem if the role-play is not valid."""
    problems = validate(roleplay)
    if problems:
        raise CourseInputError(f"roleplay {roleplay.id!r}", "; ".join(problems))


def all_paths(roleplay: Roleplay) -> Iterator[tuple[str, ...]]:
    """Yield every path of choice ids from the start to an ending that visits no node twice.

    The role-play should be valid first. Intended for tests and facilitator overviews.
    """
    assert_valid(roleplay)

    def walk(node: Node, path: tuple[str, ...], seen: frozenset[str]) -> Iterator[tuple[str, ...]]:
        if node.is_ending:
            yield path
            return
        if len(path) >= _MAX_PATH:
            return
        for choice in node.choices:
            if choice.next_id not in seen:
                nxt = roleplay.node(choice.next_id)
                yield from walk(nxt, (*path, choice.id), seen | {nxt.id})

    yield from walk(roleplay.start, (), frozenset({roleplay.start_id}))


def route_to_ending(
    roleplay: Roleplay, node_id: str, *, outcome: Outcome | None = None
) -> tuple[str, ...] | None:
    """Return the shortest choice ids from a node to an ending (of ``outcome`` if given).

    Returns ``()`` at a matching ending and None when no such ending can be reached. Useful as a
    hint ("one way to finish from here").
    """
    start = roleplay.node(node_id)
    queue: deque[tuple[Node, tuple[str, ...]]] = deque([(start, ())])
    seen = {start.id}
    while queue:
        node, path = queue.popleft()
        if node.ending is not None:
            if outcome is None or node.ending.outcome == outcome:
                return path
            continue
        for choice in node.choices:
            if roleplay.has_node(choice.next_id) and choice.next_id not in seen:
                seen.add(choice.next_id)
                queue.append((roleplay.node(choice.next_id), (*path, choice.id)))
    return None


# Sessions --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """What happened when the learner chose: the choice, how it landed, and where it led."""

    choice: Choice
    node: Node
    fork: bool = False

    @property
    def feedback(self) -> str:
        """Return why the choice was strong, okay or weak."""
        return self.choice.feedback

    @property
    def consequence(self) -> str:
        """Return one line on how the manager takes it."""
        return self.choice.consequence

    @property
    def quality(self) -> Quality:
        """Return the choice's quality."""
        return self.choice.quality

    @property
    def symbol(self) -> str:
        """Return ✓, ◐ or ✗ for the choice's quality (• at a fork)."""
        return "•" if self.fork else self.choice.symbol

    @property
    def label(self) -> str:
        """Return the choice's quality in words (``Rehearsal`` at a fork)."""
        return "Rehearsal" if self.fork else self.choice.label

    @property
    def is_over(self) -> bool:
        """Return True if this step reached an ending."""
        return self.node.is_ending


@dataclass(frozen=True)
class Debrief:
    """How a finished path went: the ending, and the scenario's moves used and missed."""

    roleplay_id: str
    scenario: int
    ending: Ending
    path: tuple[str, ...]
    moves_used: tuple[str, ...]
    moves_missed: tuple[str, ...]
    moves_extra: tuple[str, ...]
    repair_first: bool | None
    strong: int
    okay: int
    weak: int

    @property
    def lines(self) -> tuple[str, ...]:
        """Return the debrief as short paragraphs of plain text."""
        lines = [f"{self.ending.title}. {self.ending.debrief}"]
        used = [m for m in self.moves_used if m not in self.moves_extra]
        if used:
            lines.append("Moves you used: " + "; ".join(MOVES[m].title for m in used) + ".")
        else:
            lines.append(f"Your path used none of the Scenario {self.scenario} moves.")
        if not self.moves_missed:
            lines.append(f"You used every move Scenario {self.scenario} calls for.")
        for move_id in self.moves_missed:
            move = MOVES[move_id]
            lines.append(f"Missed: {move.title}. {move.how}")
        for move_id in self.moves_extra:
            lines.append(
                f"You also used “{MOVES[move_id].title}”, which Scenario {self.scenario} does "
                "not call for: you declined well, so there is nothing to repair."
            )
        if self.repair_first is True:
            lines.append("You repaired the misstep before explaining your change of heart.")
        elif self.repair_first is False:
            lines.append(
                "In Scenario 2 the repair has to come first: own the misstep before you "
                "explain your change of heart."
            )
        lines.append(
            f"Your choices: {self.strong} strong, {self.okay} okay, {self.weak} weak."
        )
        return tuple(lines)

    @property
    def text(self) -> str:
        """Return the debrief as one block of text."""
        return "\n".join(self.lines)

    def to_dict(self) -> dict[str, JSONValue]:
        """Return the debrief as plain data."""
        return {
            "roleplay_id": self.roleplay_id,
            "ending": self.ending.title,
            "ending_id": self.ending.id,
            "outcome": self.ending.outcome,
            "path": list(self.path),
            "moves_used": list(self.moves_used),
            "moves_missed": list(self.moves_missed),
            "moves_extra": list(self.moves_extra),
            "repair_first": self.repair_first,
            "lines": list(self.lines),
        }


class RoleplaySession:
    """One learner's walk through a role-play, with undo and a debrief at the end."""

    def __init__(self, roleplay: Roleplay) -> None:
        assert_valid(roleplay)
        self.roleplay = roleplay
        self._trail: list[Node] = [roleplay.start]
        self._path: list[Choice] = []

    @property
    def current(self) -> Node:
        """Return the node the learner is at."""
        return self._trail[-1]

    @property
    def path(self) -> tuple[str, ...]:
        """Return the ids of the choices made so far."""
        return tuple(choice.id for choice in self._path)

    @property
    def is_over(self) -> bool:
        """Return True once an ending is reached."""
        return self.current.is_ending

    @property
    def history(self) -> tuple[Step, ...]:
        """Return the steps taken so far, oldest first, for redrawing a transcript."""
        return tuple(
            Step(choice, self._trail[number + 1], fork=self._trail[number].fork)
            for number, choice in enumerate(self._path)
        )

    @property
    def moves_used(self) -> tuple[str, ...]:
        """Return the moves demonstrated so far, each once, in the order first used."""
        return tuple(dict.fromkeys(m for choice in self._path for m in choice.moves))

    def choose(self, choice_id: object) -> Step:
        """Make a choice at the current node and return what happened.

        Raises CourseInputError for an unknown choice id or once the role-play is over.
        """
        if not isinstance(choice_id, str):
            kind = type(choice_id).__name__
            raise CourseInputError("choice_id", f"must be a choice id, not {kind}")
        node = self.current
        if node.is_ending:
            raise CourseInputError("choice_id", "the role-play is over; go back or start again")
        choice = node.choice(choice_id)
        nxt = self.roleplay.node(choice.next_id)
        self._path.append(choice)
        self._trail.append(nxt)
        return Step(choice, nxt, fork=node.fork)

    def back(self) -> bool:
        """Undo the last choice; return False (and do nothing) at the start."""
        if not self._path:
            return False
        self._path.pop()
        self._trail.pop()
        return True

    def restart(self) -> None:
        """Go back to the start."""
        del self._path[:]
        del self._trail[1:]

    def debrief(self) -> Debrief:
        """Return the debrief for the ending reached; raise CourseInputError if not over."""
        ending = self.current.ending
        if ending is None:
            raise CourseInputError("roleplay", "the role-play is not over yet")
        expected = self.roleplay.expected_moves
        flat = [m for choice in self._path for m in choice.moves]
        used = self.moves_used
        repair_first: bool | None = None
        if self.roleplay.scenario == 2:
            first_repair = min((flat.index(m) for m in REPAIR_MOVES if m in flat), default=None)
            first_reason = min(
                (flat.index(m) for m in ("reaffirm", "explain_change") if m in flat),
                default=None,
            )
            repair_first = first_repair is not None and (
                first_reason is None or first_repair < first_reason
            )
        graded = [
            choice
            for node, choice in zip(self._trail, self._path, strict=False)
            if not node.fork
        ]
        return Debrief(
            roleplay_id=self.roleplay.id,
            scenario=self.roleplay.scenario,
            ending=ending,
            path=self.path,
            moves_used=used,
            moves_missed=tuple(m for m in expected if m not in used),
            moves_extra=tuple(m for m in used if m not in expected),
            repair_first=repair_first,
            strong=sum(choice.quality == "strong" for choice in graded),
            okay=sum(choice.quality == "okay" for choice in graded),
            weak=sum(choice.quality == "weak" for choice in graded),
        )

    def to_dict(self) -> dict[str, JSONValue]:
        """Return the session as journal data.

        ``ending`` is the ending's title ("" while the call is still going), ``ending_id`` its
        id, and ``path`` the choice ids, so :meth:`from_dict` can replay it.
        """
        ending = self.current.ending
        return {
            "roleplay_id": self.roleplay.id,
            "ending": ending.title if ending is not None else "",
            "ending_id": ending.id if ending is not None else "",
            "outcome": ending.outcome if ending is not None else "",
            "path": list(self.path),
            "moves_used": list(self.moves_used),
        }

    @classmethod
    def replay(cls, roleplay: Roleplay, path: Iterable[object]) -> RoleplaySession:
        """Return a session that has made these choices; raise CourseInputError if one fails."""
        if isinstance(path, str | bytes):
            raise CourseInputError("path", "must be a list of choice ids")
        session = cls(roleplay)
        for number, choice_id in enumerate(path, 1):
            try:
                session.choose(choice_id)
            except CourseInputError as err:
                raise CourseInputError(f"path[{number}]", err.problem) from err
        return session

    @classmethod
    def from_dict(cls, roleplay: Roleplay, data: object) -> RoleplaySession:
        """Rebuild a session from :meth:`to_dict` data by replaying its path.

        Raises CourseInputError if the data is for another role-play, the path cannot be
        replayed, or the saved ending is not where the path leads.
        """
        if not isinstance(data, Mapping):
            raise CourseInputError("roleplay", f"must be a mapping, not {type(data).__name__}")
        saved_id = data.get("roleplay_id", roleplay.id)
        if saved_id != roleplay.id:
            raise CourseInputError("roleplay_id", f"{saved_id!r} is not {roleplay.id!r}")
        path = data.get("path", [])
        if not isinstance(path, list | tuple):
            raise CourseInputError("path", "must be a list of choice ids")
        session = cls.replay(roleplay, path)
        reached = session.current.ending
        saved = data.get("ending_id") or data.get("ending") or ""
        if not isinstance(saved, str):
            raise CourseInputError("ending", "must be the ending's id or title")
        if reached is None and saved:
            raise CourseInputError("ending", f"{saved!r} is saved but the path does not end")
        if reached is not None and saved and saved not in (reached.id, reached.title):
            raise CourseInputError("ending", f"{saved!r} is not where the path leads")
        return session
