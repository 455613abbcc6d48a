"""Arrangement questions: put items in order, or match each item to a target."""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar, Literal

from ..errors import CourseInputError
from ..interface import texts
from .base import CORRECT, WRONG, Result, _check_common, _check_parts, _id_list, _result, _unknown

_ui = texts("engines.quiz")


@dataclass(frozen=True)
class OrderItem:
    """One item to put in order, with feedback on why it sits where it does."""

    id: str
    text: str
    feedback: str


@dataclass(frozen=True)
class Ordering:
    """A question where the learner puts items in order; ``items`` lists the correct order.

    The answer lists every item id once; it scores the share of items in their correct place.
    """

    id: str
    prompt: str
    items: tuple[OrderItem, ...]
    explanation: str
    kind: ClassVar[Literal["ordering"]] = "ordering"

    def __post_init__(self) -> None:
        object.__setattr__(self, "items", tuple(self.items))
        _check_common(self.id, self.prompt, self.explanation)
        if len(self.items) < 2:
            raise CourseInputError(f"{self.id}.items", _ui("two_items"))
        _check_parts(self.id, "items", self.items, OrderItem, "text", "feedback")

    def presented(self) -> tuple[OrderItem, ...]:
        """Return the items in a fixed scrambled order (never the correct one) to show first."""
        shuffled = list(self.items)
        random.Random(self.id).shuffle(shuffled)
        if shuffled == list(self.items):
            shuffled = shuffled[1:] + shuffled[:1]
        return tuple(shuffled)

    def normalize(self, answer: object) -> list[str]:
        """Check that the answer lists every item id exactly once and return it."""
        order = _id_list(answer, [item.id for item in self.items], "item")
        missing = [item.id for item in self.items if item.id not in order]
        if missing:
            raise CourseInputError("answer", _ui("place_all", ids=", ".join(missing)))
        return order

    def grade(self, answer: object) -> Result:
        """Grade an order: the share of items in their correct place."""
        order = self.normalize(answer)
        correct_ids = [item.id for item in self.items]
        placed = sum(given == want for given, want in zip(order, correct_ids, strict=True))
        by_id = {item.id: item for item in self.items}
        lines = [_ui("out_of_place", sign=WRONG, text=by_id[given].text,
                     feedback=by_id[given].feedback)
                 for given, want in zip(order, correct_ids, strict=True) if given != want]
        if not lines:
            lines = [_ui("in_order", sign=CORRECT, count=len(self.items))]
        return _result(self.id, placed / len(self.items), lines, self.explanation)

    def answer_key(self) -> list[str]:
        """Return the item ids in the correct order."""
        return [item.id for item in self.items]

    def key_text(self) -> tuple[str, ...]:
        """Return the items in the correct order, numbered."""
        return tuple(f"{number}. {item.text}" for number, item in enumerate(self.items, 1))


@dataclass(frozen=True)
class MatchTarget:
    """Something on the right-hand side a left-hand item can be matched to."""

    id: str
    text: str


@dataclass(frozen=True)
class MatchItem:
    """A left-hand item, the id of the target it matches, and why."""

    id: str
    text: str
    match: str
    feedback: str


@dataclass(frozen=True)
class Matching:
    """A question where every left-hand item is matched to one right-hand target.

    A target may fit several items, or none. The answer maps every left id to a target id; it
    scores the share of items matched correctly.
    """

    id: str
    prompt: str
    left: tuple[MatchItem, ...]
    right: tuple[MatchTarget, ...]
    explanation: str
    shuffle: bool = True
    kind: ClassVar[Literal["matching"]] = "matching"

    def __post_init__(self) -> None:
        object.__setattr__(self, "left", tuple(self.left))
        object.__setattr__(self, "right", tuple(self.right))
        _check_common(self.id, self.prompt, self.explanation)
        if len(self.left) < 2 or len(self.right) < 2:
            raise CourseInputError(self.id, _ui("two_each"))
        _check_parts(self.id, "right", self.right, MatchTarget, "text")
        _check_parts(self.id, "left", self.left, MatchItem, "text", "feedback")
        targets = {target.id for target in self.right}
        for item in self.left:
            if item.match not in targets:
                raise CourseInputError(f"{self.id}.{item.id}",
                                       _ui("unknown_match", id=repr(item.match)))

    def target(self, target_id: str) -> MatchTarget:
        """Return the right-hand target with this id, or raise CourseInputError."""
        for target in self.right:
            if target.id == target_id:
                return target
        raise CourseInputError("answer", _ui("unknown_target", id=repr(target_id)))

    def normalize(self, answer: object) -> dict[str, str]:
        """Check that every left id is matched to a known target and return the map."""
        if not isinstance(answer, Mapping):
            raise CourseInputError("answer", _ui("map", kind=type(answer).__name__))
        for key, value in answer.items():
            if not isinstance(key, str) or not isinstance(value, str):
                raise CourseInputError("answer", _ui("by_id"))
        _unknown(list(answer), {item.id for item in self.left}, "item")
        _unknown(list(answer.values()), {target.id for target in self.right}, "target")
        missing = [item.id for item in self.left if item.id not in answer]
        if missing:
            raise CourseInputError("answer", _ui("match_all", ids=", ".join(missing)))
        return {item.id: str(answer[item.id]) for item in self.left}

    def grade(self, answer: object) -> Result:
        """Grade the matches: the share of left-hand items matched correctly."""
        given = self.normalize(answer)
        lines = [_ui("mismatch", sign=WRONG, text=item.text,
                     target=self.target(given[item.id]).text, feedback=item.feedback)
                 for item in self.left if given[item.id] != item.match]
        right = sum(given[item.id] == item.match for item in self.left)
        if not lines:
            lines = [_ui("all_matched", sign=CORRECT)]
        return _result(self.id, right / len(self.left), lines, self.explanation)

    def answer_key(self) -> dict[str, str]:
        """Return the correct target id for every left id."""
        return {item.id: item.match for item in self.left}

    def key_text(self) -> tuple[str, ...]:
        """Return each item with its correct target."""
        return tuple(_ui("key_match", text=item.text, target=self.target(item.match).text)
                     for item in self.left)


