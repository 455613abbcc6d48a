"""Review a draft against a scenario's moves, or one spoken turn against some moves.

>>> turn = review_turn("I'm sorry I kept you waiting. How did that land for you?",
...                    ["own_misstep", "invite_response"])
>>> [(m.id, m.covered) for m in turn.moves]
[('own_misstep', True), ('invite_response', True)]
>>> turn.moves[1].evidence, turn.moves[1].cue
('How did that land for you?', 'Asks how it landed for them.')
>>> review_turn("I'm not going to pretend I'm sorry.", ["own_misstep"]).made("own_misstep")
False
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from ..errors import CourseInputError
from ..knowledge import knowledge
from ..textsafe import MAX_DRAFT_CHARS, clean_text
from .loader import limits, say, tips
from .matching import find_move
from .reading import read_all
from .results import MoveCheck, Review, TurnReview
from .sentences import split_sentences
from .weights import decide, explain

__all__ = ["REPAIR_MOVES", "check_order", "order_checked", "review_draft", "review_turn"]

#: The Scenario 2 moves that repair the misstep; they belong before the explanation.
REPAIR_MOVES: tuple[str, ...] = ("own_misstep", "invite_response", "permission")


def _checks(cleaned: str, move_ids: Sequence[str],
            weigh: bool = True) -> tuple[list[MoveCheck], dict[str, int]]:
    """Check each move (by the cues, and with ``weigh`` the word weights); return where each is."""
    raw = [cleaned[a:b] for a, b in split_sentences(cleaned)]
    sentences = read_all(raw)
    checks: list[MoveCheck] = []
    where: dict[str, int] = {}
    folded = [sentence.folded for sentence in sentences]
    for move_id in move_ids:
        title = knowledge().moves[move_id].title
        found = find_move(move_id, sentences)
        by_rules = None if found is None else found[0]
        index = decide(move_id, folded, found is not None) if weigh else by_rules
        if index is None:
            checks.append(MoveCheck(move_id, title, False, None, tips()[move_id], None))
            continue
        if found is not None:  # the rules' sentence, and the cue that says why
            index, cue = found[0], found[1].description
        else:  # the best-scoring sentence, and the words that weigh most in it
            words = ", ".join(f"'{word}'" for word in explain(move_id, folded[index]))
            cue = say("cue.weighted", words=words) if words else say("cue.weighted_whole")
        where[move_id] = index
        checks.append(MoveCheck(move_id, title, True, raw[index], None, cue))
    return checks, where


def review_draft(text: str, scenario: int) -> Review:
    """Review a freehand draft against the moves of Scenario 1 or 2.

    Raises :class:`CourseInputError` when the draft is not text or is too long, or when
    ``scenario`` is not the whole number 1 or 2.
    """
    if (
        isinstance(scenario, bool)
        or not isinstance(scenario, int)
        or scenario not in knowledge().scenarios
    ):
        raise CourseInputError("scenario", "must be the number 1 or 2")
    cleaned = clean_text(text, "draft", max_chars=MAX_DRAFT_CHARS, keep_newlines=True)
    # By the cues alone: a long draft's many plain sentences give the word weights many chances
    # to credit a move falsely ("I have kept up with the news about your company").
    checks, where = _checks(cleaned, knowledge().scenarios[scenario].move_ids, weigh=False)
    order_ok, order_note = check_order(scenario, where)
    return Review(scenario, tuple(checks), order_ok, order_note, limits())


def review_turn(text: str, moves: Sequence[str]) -> TurnReview:
    """Review one spoken turn for the given move(s) only.

    Each check says whether the move is made, the sentence taken as evidence and the cue that
    matched (or a tip); the review carries the same limits as a draft review. Raises
    :class:`CourseInputError` for text that is not text or too long, or unknown moves.
    """
    if isinstance(moves, str) or not moves or any(m not in knowledge().moves for m in moves):
        raise CourseInputError(
            "moves", f"must be a list of move ids from {', '.join(knowledge().moves)}"
        )
    cleaned = clean_text(text, "turn", max_chars=MAX_DRAFT_CHARS, keep_newlines=True)
    checks, _where = _checks(cleaned, list(dict.fromkeys(moves)))
    return TurnReview(cleaned, tuple(checks), limits())


def check_order(scenario: int, where: Mapping[str, int]) -> tuple[bool, str]:
    """Check that, in Scenario 2, the repair comes no later than the explanation."""
    if scenario == 1:
        return True, say("order.any")
    repairs = [move_id for move_id in REPAIR_MOVES if move_id in where]
    explain = where.get("explain_change")
    if explain is None:
        return True, say("order.no_explanation" if repairs else "order.unchecked")
    if not repairs:
        return True, say("order.no_repair")
    late = [knowledge().moves[m].title.lower() for m in repairs if where[m] > explain]
    if late:
        return False, say("order.late", moves="; ".join(late))
    return True, say("order.good")


def order_checked(scenario: int | None, covered: Collection[str]) -> bool:
    """Say whether a review's order check has judged anything yet.

    Scenario 1 has no order to check; in Scenario 2 the order is checked once the draft both
    explains the change of heart and makes a repair move.
    """
    return scenario == 1 or ("explain_change" in covered
                             and any(move_id in covered for move_id in REPAIR_MOVES))
