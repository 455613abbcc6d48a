"""The role-play's data: the nodes of a branching call, the learner's choices and the endings.

The course's role-plays are read from ``content/roleplays/*.toml`` by :mod:`coursekit.loader`.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal, TypeAlias

from ..errors import CourseInputError
from ..interface import ui
from ..knowledge import knowledge

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
    shuffle: bool = True

    @property
    def is_ending(self) -> bool:
        """Return True if the conversation stops here."""
        return self.ending is not None

    def choice(self, choice_id: object) -> Choice:
        """Return the choice with this id, or raise CourseInputError."""
        for choice in self.choices:
            if choice.id == choice_id:
                return choice
        known = ", ".join(choice.id for choice in self.choices) or ui("engines.turn.none")
        raise CourseInputError("choice_id", ui("engines.turn.not_choice", id=repr(choice_id),
                                               known=known))


@dataclass(frozen=True)
class Roleplay:
    """A whole branching call: its nodes, where it starts, and the scenario it practises."""

    id: str
    title: str
    start_id: str
    nodes: tuple[Node, ...]
    scenario: int = 1
    situation: str = ""
    worked_path: tuple[str, ...] = ()
    _index: dict[str, Node] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[str, Node] = {}
        for node in self.nodes:
            index.setdefault(node.id, node)
        object.__setattr__(self, "_index", index)

    def node(self, node_id: str) -> Node:
        """Return the node with this id, or raise CourseInputError."""
        try:
            return self._index[node_id]
        except KeyError:
            raise CourseInputError("node_id", ui("engines.turn.not_node", id=repr(node_id),
                                                 roleplay=repr(self.id))) from None

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
        scenario = knowledge().scenarios.get(self.scenario)
        return scenario.move_ids if scenario is not None else ()

    @property
    def reading_order(self) -> tuple[str, ...]:
        """Return the ids of the nodes the start leads to, in the order a reader meets them."""
        links = {node_id: [choice.next_id for choice in node.choices]
                 for node_id, node in self._index.items()}
        return tuple(spread([self.start_id] if self.has_node(self.start_id) else [], links))

    @property
    def endings(self) -> tuple[Ending, ...]:
        """Return every ending, in node order."""
        return tuple(node.ending for node in self.nodes if node.ending is not None)


def spread(start: Iterable[str], links: Mapping[str, Iterable[str]]) -> list[str]:
    """Return the ids ``start`` leads to along ``links`` (``start`` too), breadth first, each once.

    >>> spread(["a"], {"a": ["b", "c"], "b": ["a", "d"]})
    ['a', 'b', 'c', 'd']
    """
    seen = list(dict.fromkeys(start))
    queue = deque(seen)
    while queue:
        for next_id in links.get(queue.popleft(), ()):
            if next_id not in seen:
                seen.append(next_id)
                queue.append(next_id)
    return seen


def all_paths(roleplay: Roleplay) -> Iterator[tuple[str, ...]]:
    """Yield every path of choice ids from the start to an ending that visits no node twice."""
    def walk(node: Node, path: tuple[str, ...], seen: frozenset[str]) -> Iterator[tuple[str, ...]]:
        if node.is_ending:
            yield path
            return
        for choice in node.choices:
            if choice.next_id not in seen:
                nxt = roleplay.node(choice.next_id)
                yield from walk(nxt, (*path, choice.id), seen | {nxt.id})

    yield from walk(roleplay.start, (), frozenset({roleplay.start_id}))


def route_to_ending(roleplay: Roleplay, node_id: str, *,
                    outcome: Outcome | None = None) -> tuple[str, ...] | None:
    """Return the shortest choice ids from a node to an ending (of ``outcome``), else None."""
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


