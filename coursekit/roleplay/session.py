"""Walking a role-play: one learner's steps, undo, and the debrief that maps their moves."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from contextlib import suppress
from dataclasses import dataclass

from ..entries import RoleplayEntry, TypedTurnEntry
from ..errors import CourseInputError
from ..interface import ui
from ..journal_format import JSONValue
from ..knowledge import knowledge
from ..review import REPAIR_MOVES
from .model import Choice, Ending, Node, Roleplay
from .typed import TypedTurn, review_typed


@dataclass(frozen=True)
class Step:
    """What happened when the learner chose: the choice, how it landed, and where it led."""

    choice: Choice
    node: Node
    fork: bool = False
    typed: TypedTurn | None = None

    @property
    def text(self) -> str:
        """Return what the learner said: their own words, or the chosen reply."""
        return self.typed.text if self.typed is not None else self.choice.text

    @property
    def symbol(self) -> str:
        """Return ✓, ◐ or ✗ for the choice's quality (• at a fork)."""
        return "•" if self.fork else self.choice.symbol

    @property
    def label(self) -> str:
        """Return the choice's quality in words (``Rehearsal`` at a fork)."""
        return ui("engines.rp.rehearsal") if self.fork else self.choice.label


@dataclass(frozen=True)
class Debrief:
    """How a finished path went: the ending, and the scenario's moves used and missed."""

    scenario: int
    ending: Ending
    moves_used: tuple[str, ...]
    moves_missed: tuple[str, ...]
    moves_extra: tuple[str, ...]
    repair_first: bool | None
    strong: int
    okay: int
    weak: int
    typed: tuple[TypedTurn, ...] = ()

    @property
    def lines(self) -> tuple[str, ...]:
        """Return the debrief as short paragraphs of plain text."""
        moves, scenario = knowledge().moves, self.scenario
        lines = [ui("engines.rp.ending", title=self.ending.title, debrief=self.ending.debrief)]
        used = [moves[m].title for m in self.moves_used if m not in self.moves_extra]
        lines.append(ui("engines.rp.used", titles="; ".join(used)) if used
                     else ui("engines.rp.used_none", scenario=scenario))
        if not self.moves_missed:
            lines.append(ui("engines.rp.used_all", scenario=scenario))
        lines += [ui("engines.rp.missed", title=moves[m].title, how=moves[m].how)
                  for m in self.moves_missed]
        lines += [ui("engines.rp.extra", title=moves[m].title, scenario=scenario)
                  for m in self.moves_extra]
        if self.repair_first is not None:
            lines.append(ui("engines.rp.repair_first") if self.repair_first
                         else ui("engines.rp.repair_late"))
        for turn in self.typed:
            heard, said = turn.summary(), ui("engines.rp.said", text=turn.text)
            lines.append(f"{said} ({heard})." if heard else f"{said}.")
        lines.append(ui("engines.rp.tally", strong=self.strong, okay=self.okay, weak=self.weak))
        return tuple(lines)


class RoleplaySession:
    """One learner's walk through a role-play, with undo and a debrief at the end."""

    def __init__(self, roleplay: Roleplay) -> None:
        self.roleplay = roleplay
        self._trail: list[Node] = [roleplay.start]
        self._path: list[Choice] = []
        self._typed: list[TypedTurn | None] = []

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
            Step(choice, self._trail[number + 1], self._trail[number].fork, self._typed[number])
            for number, choice in enumerate(self._path)
        )

    @property
    def typed_turns(self) -> tuple[TypedTurn, ...]:
        """Return the turns said in the learner's own words, oldest first."""
        return tuple(turn for turn in self._typed if turn is not None)

    def _step_moves(self) -> list[str]:
        """Return the moves of every step in order: heard in typed turns, else the choice's."""
        return [m for choice, turn in zip(self._path, self._typed, strict=True)
                for m in (turn.made if turn is not None else choice.moves)]

    @property
    def moves_used(self) -> tuple[str, ...]:
        """Return the moves demonstrated so far, each once, in the order first used."""
        return tuple(dict.fromkeys(self._step_moves()))

    def choose(self, choice_id: object) -> Step:
        """Make a choice at the current node; raise CourseInputError if unknown or over."""
        if not isinstance(choice_id, str):
            kind = type(choice_id).__name__
            raise CourseInputError("choice_id", ui("engines.rp.not_choice_id", kind=kind))
        node = self.current
        if node.is_ending:
            raise CourseInputError("choice_id", ui("engines.rp.over"))
        choice = node.choice(choice_id)
        return self._take(choice, None)

    def say(self, text: object) -> Step:
        """Say the current turn in the learner's own words (see :mod:`.typed`); return the step."""
        node = self.current
        if node.is_ending:
            raise CourseInputError("your_words", ui("engines.rp.over"))
        turn = review_typed(node, text)
        return self._take(node.choice(turn.choice_id), turn)

    def _take(self, choice: Choice, turn: TypedTurn | None) -> Step:
        node = self.current
        nxt = self.roleplay.node(choice.next_id)
        self._path.append(choice)
        self._typed.append(turn)
        self._trail.append(nxt)
        return Step(choice, nxt, node.fork, turn)

    def back(self) -> bool:
        """Undo the last choice; return False (and do nothing) at the start."""
        if not self._path:
            return False
        self._path.pop()
        self._typed.pop()
        self._trail.pop()
        return True

    def restart(self) -> None:
        """Go back to the start."""
        del self._path[:]
        del self._typed[:]
        del self._trail[1:]

    def debrief(self) -> Debrief:
        """Return the debrief for the ending reached; raise CourseInputError if not over."""
        ending = self.current.ending
        if ending is None:
            raise CourseInputError("roleplay", ui("engines.rp.not_over"))
        expected = self.roleplay.expected_moves
        flat = self._step_moves()
        used = self.moves_used
        repair_first: bool | None = None
        if self.roleplay.scenario == 2:
            repair = min((flat.index(m) for m in REPAIR_MOVES if m in flat), default=None)
            reason = min((flat.index(m) for m in ("reaffirm", "explain_change") if m in flat),
                         default=None)
            repair_first = repair is not None and (reason is None or repair < reason)
        tally = Counter(c.quality for node, c in zip(self._trail, self._path, strict=False)
                        if not node.fork)
        return Debrief(scenario=self.roleplay.scenario, ending=ending, moves_used=used,
                       moves_missed=tuple(m for m in expected if m not in used),
                       moves_extra=tuple(m for m in used if m not in expected),
                       repair_first=repair_first, strong=tally["strong"], okay=tally["okay"],
                       weak=tally["weak"], typed=self.typed_turns)

    def to_dict(self) -> dict[str, JSONValue]:
        """Return the session as journal data (a :class:`RoleplayEntry`)."""
        end = self.current.ending
        typed = tuple(TypedTurnEntry(number, turn.text, turn.node_id, turn.choice_id, turn.made)
                      for number, turn in enumerate(self._typed) if turn is not None)
        return RoleplayEntry(self.path, end.title if end else "", end.id if end else "",
                             end.outcome if end else "", self.moves_used, self.roleplay.id,
                             typed).to_json()

    def _restore_typed(self, records: object) -> None:
        """Review saved typed turns again on the replayed steps they fit; skip the rest."""
        saved = RoleplayEntry.from_json({"typed": records})
        for turn in saved.typed if saved is not None else ():
            if turn.step >= len(self._path):
                continue
            node, choice = self._trail[turn.step], self._path[turn.step]
            if turn.node in ("", node.id) and turn.choice in ("", choice.id):
                with suppress(CourseInputError):
                    self._typed[turn.step] = review_typed(node, turn.text, choice=choice)

    @classmethod
    def replay(cls, roleplay: Roleplay, path: Iterable[object]) -> RoleplaySession:
        """Return a session that has made these choices; raise CourseInputError if one fails."""
        if isinstance(path, str | bytes):
            raise CourseInputError("path", ui("engines.rp.path"))
        session = cls(roleplay)
        for number, choice_id in enumerate(path, 1):
            try:
                session.choose(choice_id)
            except CourseInputError as err:
                raise CourseInputError(f"path[{number}]", err.problem) from err
        return session

    @classmethod
    def from_dict(cls, roleplay: Roleplay, data: object) -> RoleplaySession:
        """Rebuild a session from :meth:`to_dict` data; raise CourseInputError if it won't fit."""
        if not isinstance(data, Mapping):
            kind = type(data).__name__
            raise CourseInputError("roleplay", ui("engines.input.mapping", kind=kind))
        saved_id = data.get("roleplay_id", roleplay.id)
        if saved_id != roleplay.id:
            raise CourseInputError("roleplay_id", ui("engines.rp.other_id", saved=repr(saved_id),
                                                     id=repr(roleplay.id)))
        path = data.get("path", [])
        if not isinstance(path, list | tuple):
            raise CourseInputError("path", ui("engines.rp.path"))
        session = cls.replay(roleplay, path)
        session._restore_typed(data.get("typed"))
        reached = session.current.ending
        saved = data.get("ending_id") or data.get("ending") or ""
        if not isinstance(saved, str):
            raise CourseInputError("ending", ui("engines.rp.ending_kind"))
        if reached is None and saved:
            raise CourseInputError("ending", ui("engines.rp.no_end", saved=repr(saved)))
        if reached is not None and saved and saved not in (reached.id, reached.title):
            raise CourseInputError("ending", ui("engines.rp.wrong_end", saved=repr(saved)))
        return session

