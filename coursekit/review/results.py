"""What a review returns: a check per move, the order check, and what it cannot judge."""

from __future__ import annotations

from dataclasses import dataclass

from .loader import say

__all__ = ["MoveCheck", "Review", "TurnReview"]


@dataclass(frozen=True)
class MoveCheck:
    """Whether the text makes one move, the sentence that shows it and the cue that matched."""

    id: str
    title: str
    covered: bool
    evidence: str | None
    tip: str | None
    cue: str | None


@dataclass(frozen=True)
class Review:
    """The review of one draft: a check per move, plus the order check for Scenario 2."""

    scenario: int
    moves: tuple[MoveCheck, ...]
    order_ok: bool
    order_note: str
    limits: str

    @property
    def covered_count(self) -> int:
        """Return how many moves the draft covers."""
        return sum(1 for move in self.moves if move.covered)

    def summary(self) -> str:
        """Return one plain line, such as '2 of 3 moves covered'."""
        line = say("review.summary", covered=self.covered_count, total=len(self.moves))
        return line if self.order_ok else line + say("review.out_of_order")

    def to_dict(self) -> dict[str, object]:
        """Return the review as JSON-ready data."""
        return {
            "scenario": self.scenario,
            "moves": [
                {"id": m.id, "covered": m.covered, "evidence": m.evidence, "tip": m.tip}
                for m in self.moves
            ],
            "order_ok": self.order_ok,
            "order_note": self.order_note,
        }


@dataclass(frozen=True)
class TurnReview:
    """The review of one spoken turn for the move(s) a role-play decision is about."""

    text: str
    moves: tuple[MoveCheck, ...]
    limits: str

    def made(self, move_id: str) -> bool:
        """Return whether the turn makes the given move (False for a move not asked about)."""
        return any(check.covered for check in self.moves if check.id == move_id)
