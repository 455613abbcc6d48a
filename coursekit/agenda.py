"""Workshop agendas built from the notebooks' own time estimates.

Each notebook stores its estimate in its metadata (``second_call.minutes``); an agenda picks
notebooks for a 60- or 90-minute session, adds a welcome and closes with a debrief that takes
whatever time is left, so the timings always add up.

>>> infos = [NotebookInfo("01", "The dilemma", 10), NotebookInfo("03", "Scenario", 15),
...          NotebookInfo("04", "Moves", 15), NotebookInfo("05", "Repair", 15),
...          NotebookInfo("07", "Call", 15)]
>>> plan = build_agenda(infos, 60)
>>> sum(item.minutes for item in plan.items)
60
>>> [item.start for item in plan.items]
[0, 5, 15, 30, 45]
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .errors import CourseInputError

__all__ = [
    "AGENDA_NOTEBOOKS",
    "Agenda",
    "AgendaItem",
    "NotebookInfo",
    "build_agenda",
    "read_notebook_info",
]

#: Which notebooks each workshop length runs, in order.
AGENDA_NOTEBOOKS: dict[int, tuple[str, ...]] = {
    60: ("01", "03", "07"),
    90: ("01", "03", "04", "05", "07"),
}
WELCOME_MINUTES = 5
MIN_DEBRIEF_MINUTES = 10


@dataclass(frozen=True)
class NotebookInfo:
    """A notebook's number, title and time estimate in minutes."""

    number: str
    title: str
    minutes: int


@dataclass(frozen=True)
class AgendaItem:
    """One block of a workshop: when it starts, how long it runs, and what happens."""

    start: int
    minutes: int
    activity: str


@dataclass(frozen=True)
class Agenda:
    """A workshop agenda whose blocks add up to its length."""

    length: int
    items: tuple[AgendaItem, ...]

    def table(self) -> str:
        """Return the agenda as a plain-text table."""
        rows = [f"{self.length}-minute workshop"]
        rows.extend(
            f"{item.start:>3}–{item.start + item.minutes:<3} min  {item.minutes:>2} min  "
            f"{item.activity}"
            for item in self.items
        )
        rows.append(f"Total: {sum(item.minutes for item in self.items)} minutes")
        return "\n".join(rows)


def read_notebook_info(folder: str | Path) -> list[NotebookInfo]:
    """Read each numbered notebook's title and time estimate from its metadata."""
    infos: list[NotebookInfo] = []
    for path in sorted(Path(folder).glob("[0-9][0-9]_*.ipynb")):
        try:
            meta = json.loads(path.read_text(encoding="utf-8"))["metadata"]["second_call"]
            infos.append(NotebookInfo(path.name[:2], str(meta["title"]), int(meta["minutes"])))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise CourseInputError(path.name, f"has no readable time estimate ({exc})") from None
    return infos


def build_agenda(infos: list[NotebookInfo], length: int) -> Agenda:
    """Build the agenda for a 60- or 90-minute workshop from the notebooks' estimates."""
    if length not in AGENDA_NOTEBOOKS:
        raise CourseInputError("length", "must be 60 or 90")
    by_number = {info.number: info for info in infos}
    items = [AgendaItem(0, WELCOME_MINUTES, "Welcome, objectives, how answers are saved")]
    start = WELCOME_MINUTES
    for number in AGENDA_NOTEBOOKS[length]:
        if number not in by_number:
            raise CourseInputError("notebooks", f"notebook {number} is missing")
        info = by_number[number]
        items.append(AgendaItem(start, info.minutes, f"Notebook {number}: {info.title}"))
        start += info.minutes
    debrief = length - start
    if debrief < MIN_DEBRIEF_MINUTES:
        raise CourseInputError(
            "notebooks", f"the notebooks take {start} minutes, leaving too little for a debrief"
        )
    items.append(AgendaItem(start, debrief, "Pair role-play, debrief of what the room chose"))
    return Agenda(length, tuple(items))
