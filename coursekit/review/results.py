"""What a review returns: a check per move, the order check, and what it cannot judge."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["LIMITS", "MoveCheck", "Review", "TurnReview"]

#: What the reviewer cannot judge, shown beside every review.
LIMITS = (
    "This review only spots the moves by their wording, one sentence at a time. It cannot "
    "judge your tone, whether you mean it, whether you are being honest, or whether your "
    "reason for changing your mind is a good one. It misses sarcasm and jokes. It handles "
    "plain negation ('I'm not sorry', 'I hope you won't hold it against me') but not every "
    "roundabout one, so 'it would be a stretch to say I was excited about the role' can "
    "still count. It reads common texting forms and one-letter typos, but not every "
    "misspelling. It cannot tell which job you are talking about, or whether a sentence is "
    "about the manager or someone else. It reads English only: a draft in another language "
    "gets no credit even when it makes every move. A move said in unusual words may be "
    "missed, and a move mentioned in passing may be credited, so treat the result as a "
    "prompt to reread your draft, not as a grade."
)


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
    limits: str = LIMITS

    @property
    def covered_count(self) -> int:
        """Return how many moves the draft covers."""
        return sum(1 for move in self.moves if move.covered)

    def summary(self) -> str:
        """Return one plain line, such as '2 of 3 moves covered'."""
        line = f"{self.covered_count} of {len(self.moves)} moves covered"
        if not self.order_ok:
            line += "; put the repair before your explanation"
        return line

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
    limits: str = LIMITS

    def made(self, move_id: str) -> bool:
        """Return whether the turn makes the given move (False for a move not asked about)."""
        return any(check.covered for check in self.moves if check.id == move_id)

    @property
    def all_made(self) -> bool:
        """Return whether the turn makes every move it was reviewed for."""
        return all(check.covered for check in self.moves)

    def to_dict(self) -> dict[str, object]:
        """Return the turn's review as JSON-ready data."""
        return {
            "text": self.text,
            "moves": [
                {"id": m.id, "made": m.covered, "evidence": m.evidence, "cue": m.cue}
                for m in self.moves
            ],
        }
