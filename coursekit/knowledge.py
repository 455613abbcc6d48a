"""What the column and its comments teach: typed records read from ``content/knowledge.toml``.

Every notebook, widget and command reads the course's facts through :func:`knowledge`, so a
fact is written once, in the content file. Nothing is read until it is first asked for.

>>> facts = knowledge()
>>> [move.id for move in facts.scenario_moves(1)]
['reaffirm', 'explain_change', 'easy_out']
>>> facts.reactions["insulted"].label
'Insulted or doubtful of your maturity'
>>> facts.quotes["make_the_call"].cite()
'“By all means, make the call!” (Joseph Grenny, Changing Your Mind about a Job Offer)'
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol, TypeVar

from .fields import Problem, Table, read_checked, read_table
from .interface import ui


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=_HasId)


@dataclass(frozen=True)
class Source:
    """The column the course teaches from."""

    title: str
    author: str
    publication: str
    publisher: str
    commenters: tuple[str, ...] = ()


@dataclass(frozen=True)
class Quote:
    """A short quotation (a sentence at most) with who said it."""

    id: str
    text: str
    speaker: str
    source_title: str = ""

    def cite(self) -> str:
        """Return the quotation marked and attributed."""
        return f"“{self.text}” ({self.speaker}, {self.source_title})"


@dataclass(frozen=True)
class Move:
    """One step of the conversation."""

    id: str
    title: str
    purpose: str
    how: str
    future_roles: str


@dataclass(frozen=True)
class Scenario:
    """One of the column's two scenarios, with its moves in order."""

    number: Literal[1, 2]
    title: str
    summary: str
    move_ids: tuple[str, ...]


@dataclass(frozen=True)
class Reaction:
    """A way the manager may feel when you call back, and what triggers it."""

    id: str
    label: str
    trigger: str


@dataclass(frozen=True)
class Misstep:
    """Something that makes a decline Scenario 2, and the reactions it tends to cause."""

    id: str
    label: str
    example: str
    reactions: tuple[str, ...]


@dataclass(frozen=True)
class Theme:
    """An idea from the column that a commenter's lesson can back up or push against."""

    id: str
    label: str


@dataclass(frozen=True)
class Lesson:
    """One commenter's takeaway, linked to the moves and themes it backs or challenges."""

    id: str
    commenter: str
    text: str
    supports: tuple[str, ...] = ()
    challenges: tuple[str, ...] = ()

    @property
    def stance(self) -> Literal["supports", "challenges", "adds"]:
        """Say whether the lesson mostly backs the column, pushes back, or adds something new."""
        return "challenges" if self.challenges else "supports" if self.supports else "adds"


@dataclass(frozen=True)
class Commenter:
    """A reader who commented under the column, and their story in brief."""

    name: str
    role: str
    story: str
    lesson_ids: tuple[str, ...]


@dataclass(frozen=True)
class Knowledge:
    """Everything the course knows about the column, keyed by id, in file order."""

    source: Source
    quotes: dict[str, Quote]
    moves: dict[str, Move]
    scenarios: dict[int, Scenario]
    reactions: dict[str, Reaction]
    missteps: dict[str, Misstep]
    themes: dict[str, Theme]
    lessons: dict[str, Lesson]
    commenters: dict[str, Commenter]
    role_statuses: tuple[str, ...]
    channels: tuple[str, ...]

    def scenario_moves(self, scenario: int) -> tuple[Move, ...]:
        """Return the moves of a scenario in the order the column gives them."""
        return tuple(self.moves[move_id] for move_id in self.scenarios[scenario].move_ids)

    def lessons_for(self, topic: str) -> tuple[Lesson, ...]:
        """Return the lessons that back or challenge a move or theme.

        >>> [lesson.commenter for lesson in knowledge().lessons_for("explain_change")]
        ['Steve W', 'joe Maressa']
        """
        return tuple(lesson for lesson in self.lessons.values()
                     if topic in lesson.supports or topic in lesson.challenges)

    def attribution(self) -> str:
        """Return the one-line credit each notebook shows once."""
        src = self.source
        return ui("engines.knowledge.attribution", title=src.title, author=src.author,
                  publication=src.publication, publisher=src.publisher)


def _by_id(records: Iterable[R]) -> dict[str, R]:
    return {record.id: record for record in records}


def read_knowledge(folder: Path, problems: list[Problem]) -> Knowledge:
    """Read ``knowledge.toml`` from a content folder, recording every problem found."""
    root = read_table(folder / "knowledge.toml", problems)
    source = root.table("source").record(Source)
    quotes = _by_id(t.record(Quote, source_title=source.title) for t in root.tables("quotes"))
    moves = _by_id(t.record(Move) for t in root.tables("moves"))
    scenarios: dict[int, Scenario] = {}
    for t in root.tables("scenarios"):
        number = t.number("number")
        if number not in (1, 2):
            t.problem("number", ui("loader.content.scenario"))
            continue
        scenarios[number] = t.record(Scenario, number=number, move_ids=t.texts("moves", None))
    reactions = _by_id(t.record(Reaction) for t in root.tables("reactions"))
    missteps = _by_id(t.record(Misstep) for t in root.tables("missteps"))
    themes = _by_id(t.record(Theme) for t in root.tables("themes"))
    lessons = _by_id(t.record(Lesson) for t in root.tables("lessons"))
    commenters = {c.name: c for c in (t.record(Commenter, lesson_ids=t.texts("lessons", None))
                                      for t in root.tables("commenters"))}
    facts = Knowledge(source, quotes, moves, scenarios, reactions, missteps, themes, lessons,
                      commenters, root.texts("role_statuses", None), root.texts("channels", None))
    _check(root, facts)
    return facts


def _links(facts: Knowledge) -> Iterator[tuple[str, tuple[str, ...], Collection[str], str]]:
    """Yield each link between records: its key path, the ids it names, the ids they must be
    among, and what those are."""
    for number, scenario in facts.scenarios.items():
        yield f"scenarios[{number - 1}].moves", scenario.move_ids, facts.moves, "move"
    for index, misstep in enumerate(facts.missteps.values()):
        yield f"missteps[{index}].reactions", misstep.reactions, facts.reactions, "reaction"
    topics = {*facts.moves, *facts.themes}
    for index, lesson in enumerate(facts.lessons.values()):
        yield f"lessons[{index}].commenter", (lesson.commenter,), facts.commenters, "commenter"
        yield f"lessons[{index}]", (*lesson.supports, *lesson.challenges), topics, "move or theme"
    for index, commenter in enumerate(facts.commenters.values()):
        yield f"commenters[{index}].lessons", commenter.lesson_ids, facts.lessons, "lesson"


def _check(root: Table, facts: Knowledge) -> None:
    """Record duplicate ids and links to ids that do not exist."""
    for group in ("quotes", "moves", "reactions", "missteps", "themes", "lessons"):
        root.unique_ids(group)
    for key, named, known, what in _links(facts):
        for item_id in named:
            if item_id not in known:
                root.problem(key, ui("loader.content.unknown", what=what, id=repr(item_id)))
    for index, quote in enumerate(facts.quotes.values()):
        if quote.speaker not in (facts.source.author, *facts.commenters):
            root.problem(f"quotes[{index}].speaker",
                         ui("loader.content.not_speaker", speaker=repr(quote.speaker)))


@functools.cache
def knowledge() -> Knowledge:
    """Return the course's knowledge, read and checked once per process (or ContentError)."""
    return read_checked(read_knowledge)

