"""Review a learner's draft, or one spoken turn, against the column's moves.

The reviewer is rule-based and transparent: each move has a few *cues* (word families that
must appear close together in one sentence), kept as plain phrases in
``coursekit/content/review/``, so a learner can read what it looks for (:func:`describe_cues`)
and what it cannot judge (:func:`limits`). A typed turn (:func:`review_turn`) is also weighed by
words learnt from the tuning corpus (``weights``), which may credit or overrule a move and are
named in the review; a draft is judged by the cues alone.

>>> draft = '''I really enjoyed meeting your team and the role still appeals to me.
... I turned it down because I was nervous about leaving a safe job.
... If you have already hired someone, I completely understand.'''
>>> review = review_draft(draft, 1)
>>> review.summary()
'3 of 3 moves covered'
>>> [(move.id, move.covered) for move in review.moves]
[('reaffirm', True), ('explain_change', True), ('easy_out', True)]
>>> review.moves[2].evidence
'If you have already hired someone, I completely understand.'
>>> missing = review_draft("I'm calling about the position.", 2)
>>> missing.covered_count, missing.order_ok
(0, True)
>>> missing.summary()
'0 of 6 moves covered'
>>> missing.moves[0].tip.startswith("Name what you did")
True
"""

from .cues import Cue, Family
from .draft import REPAIR_MOVES, check_order, order_checked, review_draft, review_turn
from .loader import cues, describe_cues, limits, tips
from .results import MoveCheck, Review, TurnReview
from .sentences import split_sentences

__all__ = [
    "REPAIR_MOVES",
    "Cue",
    "Family",
    "MoveCheck",
    "Review",
    "TurnReview",
    "check_order",
    "cues",
    "describe_cues",
    "limits",
    "order_checked",
    "review_draft",
    "review_turn",
    "split_sentences",
    "tips",
]
