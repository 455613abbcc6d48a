"""Worked-example personas and short cases the notebooks use, built from ``examples.toml``.

>>> personas()["maya"].situation.missteps
()
>>> personas()["dev"].situation.missteps
('showed_enthusiasm',)
>>> vignettes()["ghost"].title
'Ravi'
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from .classify import Situation
from .loader import examples


@dataclass(frozen=True)
class Persona:
    """A fictional learner whose situation, answers and draft the notebooks work through."""

    id: str
    name: str
    story: str
    situation: Situation
    answers: dict[str, str] = field(default_factory=dict)
    draft: str = ""


@dataclass(frozen=True)
class Vignette:
    """A short case to classify, with the scenario the course expects and why."""

    id: str
    title: str
    story: str
    situation: Situation
    note: str


@functools.cache
def personas() -> dict[str, Persona]:
    """Return the personas, keyed by id."""
    return {
        record.id: Persona(record.id, record.name, record.story,
                           Situation.from_mapping(record.situation), dict(record.answers),
                           record.draft)
        for record in examples()[0].values()
    }


@functools.cache
def vignettes() -> dict[str, Vignette]:
    """Return the vignettes, keyed by id, in file order."""
    return {
        record.id: Vignette(record.id, record.name, record.story,
                            Situation.from_mapping(record.situation), record.note)
        for record in examples()[1].values()
    }
