"""Per-learner display order for the options of a question or the replies of a role-play node.

The order is a pure function of the item ids and a seed (for example the learner's journal
id), so it is stable for one learner across restarts and differs between learners. Content can
pin the order with ``shuffle = false`` where the order is the point.

>>> ids = ("own", "why", "ask", "wait")
>>> first = display_order(ids, "learner-a")
>>> first == display_order(ids, "learner-a"), sorted(first) == sorted(ids)
(True, True)
>>> display_order(ids, "learner-a") != display_order(ids, "learner-b")
True
>>> display_order(ids, "learner-a", shuffle=False)
('own', 'why', 'ask', 'wait')
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence

__all__ = ["display_order", "shown_order"]


def display_order(ids: Sequence[str], seed: str, *, shuffle: bool = True) -> tuple[str, ...]:
    """Return the ids in the order one learner sees them: seeded, stable, or as written."""
    order = list(ids)
    if not shuffle or len(order) < 2:
        return tuple(order)
    digest = hashlib.sha256(f"{seed}\0{'|'.join(order)}".encode()).digest()
    random.Random(int.from_bytes(digest[:8], "big")).shuffle(order)
    return tuple(order)


def shown_order(item: object, seed: str) -> tuple[str, ...]:
    """Return the display order of a question's options (or matching items) or a node's choices.

    Works with anything that has ``options``, ``left``, ``items`` or ``choices`` (each with an
    ``id``) and an optional ``shuffle`` flag; anything else has nothing to order.

    >>> from coursekit.quiz import Option, SingleChoice
    >>> question = SingleChoice("q", "Which?", (Option("a", "A", True, "Yes."),
    ...                         Option("b", "B", False, "No.")), "Why.", shuffle=False)
    >>> shown_order(question, "anyone")
    ('a', 'b')
    """
    for name in ("options", "left", "items", "choices"):
        entries = getattr(item, name, None)
        if entries is not None:
            ids = [str(getattr(entry, "id", "")) for entry in entries]
            return display_order(ids, seed, shuffle=bool(getattr(item, "shuffle", True)))
    return ()
