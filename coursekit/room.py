"""The live room: share an anonymous card with the facilitator, and read the room back.

On a JupyterHub the course's room service (``deploy/second_call_room.py``) keeps one card per
learner. A learner's kernel finds it through the environment the hub gives every server
(:data:`ROOM_URL_ENV` and ``JUPYTERHUB_API_TOKEN``); where those are missing there is no hub,
and the facilitator reads cards through an upload control instead. A card is a poll card
(:mod:`coursekit.poll`) plus the moves the learner's draft review found missing: course ids
and numbers only, never anything typed.

>>> card = room_card({"situation": {"scenario": 2}, "reflection:why_now": "my own words"})
>>> card["scenario"], card["missed"], "my own words" in str(card)
(2, [], False)
>>> check_card({**card, "note": "<b>hi</b>"})
'has fields a card never has'
>>> room = read_room([card, card, "junk"])
>>> room.counted
1
>>> for reason in room.skipped: print(reason)
Card 2 skipped: a duplicate of a card already counted.
Card 3 skipped: it is not a Second Call poll card.
>>> room_link({}) is None
True
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import loader
from .knowledge import knowledge
from .poll import CARD_FORMAT, RoomSummary, poll_card, summarise

__all__ = [
    "MAX_CARD_BYTES",
    "ROOM_SCOPE",
    "ROOM_URL_ENV",
    "SERVICE_NAME",
    "Room",
    "RoomLink",
    "RoomRequest",
    "check_card",
    "fetch_room",
    "parse_card",
    "read_room",
    "room_card",
    "room_link",
    "send",
    "share_request",
    "summary_request",
    "write_room_card",
]

#: The JupyterHub service that keeps the room's cards.
SERVICE_NAME = "second-call-room"
#: The custom JupyterHub scope that lets a facilitator read the room summary.
ROOM_SCOPE = "custom:second-call:room"
#: Environment variable the hub sets in every server: the room service's address.
ROOM_URL_ENV = "SECOND_CALL_ROOM_URL"
#: Environment variable holding the server's own hub token (set by JupyterHub).
TOKEN_ENV = "JUPYTERHUB_API_TOKEN"
#: A card is a few hundred bytes; anything much bigger is not a card.
MAX_CARD_BYTES = 20_000
_CARD_ID = re.compile(r"[A-Za-z0-9_.-]{1,80}")
_KEYS = frozenset({"format", "version", "card_id", "scenario", "quizzes", "roleplays", "missed"})
_REQUIRED = _KEYS - {"missed"}


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _missed_moves(answers: Mapping[str, object]) -> list[str]:
    """Return the move ids the learner's last draft review found missing."""
    draft = answers.get("draft")
    review = draft.get("review") if isinstance(draft, Mapping) else None
    moves = review.get("moves") if isinstance(review, Mapping) else None
    if not isinstance(moves, list):
        return []
    missed = {
        move["id"]
        for move in moves
        if isinstance(move, Mapping)
        and move.get("id") in knowledge().moves
        and move.get("covered") is False
    }
    return sorted(missed)


def room_card(answers: Mapping[str, object], card_id: str | None = None) -> dict[str, Any]:
    """Return the learner's anonymous card: the poll card plus the moves their review missed."""
    card = poll_card(answers, card_id)
    card["missed"] = _missed_moves(answers)
    return card


def write_room_card(answers: Mapping[str, object], folder: str | Path) -> Path:
    """Write the learner's anonymous card into a folder (to hand in) and return its path."""
    card = room_card(answers)
    target = Path(folder) / f"second-call-card-{card['card_id'][:12]}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(card, indent=1) + "\n", encoding="utf-8")
    return target


def _endings(roleplay_id: str) -> set[str]:
    return {n.ending.id for n in loader.roleplays()[roleplay_id].nodes if n.ending is not None}


def check_card(data: object) -> str | None:
    """Return what is wrong with a card (a reason a learner may read), or None if it is good.

    Stricter than the poll's own check: every id must be one of this course's ids, and a card
    may hold no field beyond the card's own, so nothing typed can ride along.
    """
    if not isinstance(data, dict) or data.get("format") != CARD_FORMAT:
        return "is not a Second Call poll card"
    if not _REQUIRED <= set(data) or not set(data) <= _KEYS:
        return "has fields a card never has" if set(data) - _KEYS else "is missing fields"
    if data["version"] != 1:
        return "has an unknown card version"
    if not isinstance(data["card_id"], str) or not _CARD_ID.fullmatch(data["card_id"]):
        return "has no valid card id"
    if data["scenario"] not in (1, 2, None) or isinstance(data["scenario"], bool):
        return "has an unknown scenario"
    quizzes, roleplays = data["quizzes"], data["roleplays"]
    if not isinstance(quizzes, dict) or not isinstance(roleplays, dict):
        return "is missing its quizzes or role-plays"
    for name, pair in quizzes.items():
        if name not in loader.quizzes():
            return "names a quiz this course does not have"
        pair = pair if isinstance(pair, list) and len(pair) == 2 else [None, None]
        score, out_of = _int(pair[0]), _int(pair[1])
        if score is None or out_of is None or not 0 <= score <= out_of or not 0 < out_of <= 100:
            return "has a malformed quiz score"
    for name, ending in roleplays.items():
        if (
            name not in loader.roleplays()
            or not isinstance(ending, str)
            or ending not in _endings(name)
        ):
            return "names a role-play ending this course does not have"
    missed = data.get("missed", [])
    if not isinstance(missed, list) or len(set(map(str, missed))) != len(missed):
        return "has a malformed list of missed moves"
    if not all(isinstance(move, str) and move in knowledge().moves for move in missed):
        return "names a move this course does not have"
    return None


def parse_card(raw: bytes) -> tuple[dict[str, Any] | None, str]:
    """Return ``(card, "")`` for a good card's bytes, else ``(None, reason)``."""
    if len(raw) > MAX_CARD_BYTES:
        return None, "is too large to be a poll card"
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None, "is not readable JSON"
    problem = check_card(data)
    if problem:
        return None, problem
    return _canonical(data), ""


def _canonical(card: Mapping[str, Any]) -> dict[str, Any]:
    """Rebuild a checked card from its known fields only, in a fixed order."""
    return {
        "format": CARD_FORMAT,
        "version": 1,
        "card_id": card["card_id"],
        "scenario": card["scenario"],
        "quizzes": {name: list(card["quizzes"][name]) for name in sorted(card["quizzes"])},
        "roleplays": {name: card["roleplays"][name] for name in sorted(card["roleplays"])},
        "missed": sorted(card.get("missed", [])),
    }


@dataclass(frozen=True)
class Room:
    """What the room shared: the cards counted, why others were skipped, and the summary."""

    counted: int
    skipped: tuple[str, ...]
    summary: RoomSummary
    missed: dict[str, int] = field(default_factory=dict)


def read_room(cards: Iterable[object], names: Iterable[str] | None = None) -> Room:
    """Summarise cards (parsed JSON or raw bytes), skipping bad and duplicate ones with a reason.

    ``names`` labels each card in the skip messages (upload file names); default "Card N".
    """
    labels = iter(names) if names is not None else None
    good: list[dict[str, Any]] = []
    skipped: list[str] = []
    seen: set[str] = set()
    for number, item in enumerate(cards, start=1):
        label = next(labels, f"Card {number}") if labels is not None else f"Card {number}"
        if isinstance(item, bytes):
            card, problem = parse_card(item)
        else:
            problem = check_card(item) or ""
            card = _canonical(item) if not problem and isinstance(item, dict) else None
        if card is None:
            skipped.append(f"{label} skipped: it {problem}.")
        elif card["card_id"] in seen:
            skipped.append(f"{label} skipped: a duplicate of a card already counted.")
        else:
            seen.add(card["card_id"])
            good.append(card)
    missed: Counter[str] = Counter(move for card in good for move in card["missed"])
    ranked = dict(sorted(missed.items(), key=lambda item: (-item[1], item[0])))
    return Room(len(good), tuple(skipped), summarise(good), ranked)


# --- talking to the room service through the hub ---------------------------------------------


@dataclass(frozen=True)
class RoomLink:
    """Where the room service is and the server's own hub token to show it."""

    url: str
    token: str


@dataclass(frozen=True)
class RoomRequest:
    """One HTTP request to the room service, built without sending it."""

    method: str
    url: str
    headers: dict[str, str]
    body: bytes | None = None


def room_link(env: Mapping[str, str]) -> RoomLink | None:
    """Return the room service's address and token from a server's environment, or None.

    None means "no hub": a laptop, the Lite site, or a hub without the room service.

    >>> room_link({"SECOND_CALL_ROOM_URL": "http://hub/services/second-call-room",
    ...            "JUPYTERHUB_API_TOKEN": "abc"}).url
    'http://hub/services/second-call-room/'
    """
    url, token = env.get(ROOM_URL_ENV, "").strip(), env.get(TOKEN_ENV, "").strip()
    if not url.startswith(("http://", "https://")) or not token:
        return None
    return RoomLink(url.rstrip("/") + "/", token)


def share_request(link: RoomLink, answers: Mapping[str, object]) -> RoomRequest:
    """Build the request that shares the learner's card (it replaces their earlier one)."""
    body = json.dumps(room_card(answers)).encode("utf-8")
    headers = {"Authorization": f"token {link.token}", "Content-Type": "application/json"}
    return RoomRequest("POST", f"{link.url}cards", headers, body)


def summary_request(link: RoomLink) -> RoomRequest:
    """Build the request that reads the room (facilitators only; others get 403)."""
    return RoomRequest("GET", f"{link.url}summary", {"Authorization": f"token {link.token}"})


def send(request: RoomRequest, timeout: float = 20.0) -> tuple[int, dict[str, Any]]:
    """Send a request to the room service; return the HTTP status and the JSON reply.

    A network failure comes back as status 0 with a ``reason``, never as an exception.
    """
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    prepared = urllib.request.Request(
        request.url, data=request.body, headers=request.headers, method=request.method
    )
    try:
        with opener.open(prepared, timeout=timeout) as response:
            return int(response.status), _reply(response.read())
    except urllib.error.HTTPError as error:
        return int(error.code), _reply(error.read())
    except (urllib.error.URLError, OSError) as error:
        return 0, {"reason": f"the room could not be reached ({type(error).__name__})"}


def _reply(raw: bytes) -> dict[str, Any]:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def fetch_room(link: RoomLink) -> tuple[Room | None, int, str]:
    """Read the room from the service: ``(room, 200, "")``, or ``(None, status, reason)``.

    Status 0 means the service could not be reached; 403 that this user is no facilitator.
    """
    status, reply = send(summary_request(link))
    if status != 200:
        reason = reply.get("reason")
        return None, status, reason if isinstance(reason, str) else f"the room answered {status}"
    cards = reply.get("cards")
    room = read_room(cards if isinstance(cards, list) else [])
    refused = reply.get("refused")
    notes = [
        f"The room refused {count} card(s): {reason}."
        for reason, count in (refused.items() if isinstance(refused, dict) else [])
        if isinstance(reason, str) and _int(count)
    ]
    return Room(room.counted, (*room.skipped, *notes), room.summary, room.missed), status, ""
