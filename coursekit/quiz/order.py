"""Per-learner display order for the options of a question or the replies of a role-play node.

The order is a pure function of the item ids and a seed (the learner's seed, kept in their
journal by :func:`learner_seed`), so it is stable for one learner across restarts and differs
between learners. Content can pin the order with ``shuffle = false`` where the order is the
point. Setting ``$SECOND_CALL_ORDER_SEED`` fixes the seed (tests do this).

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

import contextlib
import hashlib
import os
import random
import secrets
from collections.abc import Sequence
from typing import Protocol

#: The journal entry that holds the learner's seed, and the variable that fixes it (for tests).
ORDER_SEED_KEY = "order_seed"
ORDER_SEED_ENV = "SECOND_CALL_ORDER_SEED"


class SeedStore(Protocol):
    """What :func:`learner_seed` needs from a journal: read one entry, save one entry."""

    def get(self, exercise_id: str, /) -> object:
        """Return a saved entry, or None."""

    def save(self, exercise_id: str, value: str, /) -> None:
        """Save an entry."""


def learner_seed(journal: SeedStore | None) -> str:
    """Return the learner's order seed: fixed by the environment, else made once and kept in the
    journal, so the order stays the same for that learner after a restart."""
    fixed = os.environ.get(ORDER_SEED_ENV, "")
    if fixed:
        return fixed
    if journal is None:
        return ""
    saved = journal.get(ORDER_SEED_KEY)
    if isinstance(saved, str) and saved:
        return saved
    seed = secrets.token_hex(8)
    # A journal that can't be written still gets an order, just not a kept one.
    with contextlib.suppress(OSError, ValueError):
        journal.save(ORDER_SEED_KEY, seed)
    return seed


def display_order(ids: Sequence[str], seed: str, *, shuffle: bool = True) -> tuple[str, ...]:
    """Return the ids in the order one learner sees them: seeded, stable, or as written."""
    order = list(ids)
    if not shuffle or len(order) < 2:
        return tuple(order)
    digest = hashlib.sha256(f"{seed}\0{'|'.join(order)}".encode()).digest()
    random.Random(int.from_bytes(digest[:8], "big")).shuffle(order)
    return tuple(order)


def shown_order(item: object, seed: str) -> tuple[str, ...]:
    """Return the display order of the ``options``, ``left``, ``items`` or ``choices`` of a
    question or a role-play node (as its ``shuffle`` flag says); ``()`` for anything else."""
    for name in ("options", "left", "items", "choices"):
        entries = getattr(item, name, None)
        if entries is not None:
            ids = [str(getattr(entry, "id", "")) for entry in entries]
            return display_order(ids, seed, shuffle=bool(getattr(item, "shuffle", True)))
    return ()
