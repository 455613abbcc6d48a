"""The live room: share an anonymous card with the facilitator, and read the room back.

On a JupyterHub the room service (``deploy/second_call_room.py``) keeps one poll card
(:mod:`coursekit.poll`) per learner, found through the environment the hub gives every server;
with no hub, the facilitator reads cards through an upload control instead.

>>> from coursekit.poll import poll_card
>>> card = poll_card({"situation": {"scenario": 2}}, card_id="a1")
>>> room = read_room([card, card, "junk"])
>>> room.counted
1
>>> for reason in room.skipped: print(reason)
Card 2 skipped: a duplicate of a card already counted.
Card 3 skipped: it is not a Second Call poll card.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .interface import texts
from .poll import RoomSummary, poll_card, sort_cards, summarise

_ui = texts("engines.card")
#: The JupyterHub service that keeps the room's cards.
SERVICE_NAME = "second-call-room"
#: The custom JupyterHub scope that lets a facilitator read the room summary.
ROOM_SCOPE = "custom:second-call:room"
#: Environment variable the hub sets in every server: the room service's address.
ROOM_URL_ENV = "SECOND_CALL_ROOM_URL"
#: Environment variable holding the server's own hub token (set by JupyterHub).
TOKEN_ENV = "JUPYTERHUB_API_TOKEN"


@dataclass(frozen=True)
class Room:
    """What the room shared: the cards counted, why others were skipped, and the summary."""

    counted: int
    skipped: tuple[str, ...]
    summary: RoomSummary
    missed: dict[str, int] = field(default_factory=dict)


def read_room(cards: Iterable[object], names: Iterable[str] = ()) -> Room:
    """Summarise cards (parsed JSON or raw bytes), skipping bad and duplicate ones with a reason
    labelled by ``names`` (upload file names), else "Card N"."""
    labels = iter(names)
    items = ((next(labels, _ui("label", number=number)), card)
             for number, card in enumerate(cards, 1))
    good, skipped = sort_cards(items)
    missed = Counter(move for card in good for move in card["missed"])
    ranked = dict(sorted(missed.items(), key=lambda item: (-item[1], item[0])))
    reasons = tuple(_ui("skipped", label=label, why=why) for label, why in skipped)
    return Room(len(good), reasons, summarise(good), ranked)


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
    """Return the room service's address and token from a server's environment, or None (no
    hub: a laptop, the Lite site, or a hub without the room service).

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
    body = json.dumps(poll_card(answers)).encode("utf-8")
    headers = {"Authorization": f"token {link.token}", "Content-Type": "application/json"}
    return RoomRequest("POST", f"{link.url}cards", headers, body)


def summary_request(link: RoomLink) -> RoomRequest:
    """Build the request that reads the room (facilitators only; others get 403)."""
    return RoomRequest("GET", f"{link.url}summary", {"Authorization": f"token {link.token}"})


def send(request: RoomRequest, timeout: float = 20.0) -> tuple[int, dict[str, Any]]:
    """Send a request to the room service; return the HTTP status and the JSON reply (status 0
    with a ``reason`` when the network fails)."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    prepared = urllib.request.Request(request.url, data=request.body, headers=request.headers,
                                      method=request.method)
    try:
        with opener.open(prepared, timeout=timeout) as response:
            return int(response.status), _reply(response.read())
    except urllib.error.HTTPError as error:
        return int(error.code), _reply(error.read())
    except (urllib.error.URLError, OSError) as error:
        return 0, {"reason": _ui("unreachable", error=type(error).__name__)}


def _reply(raw: bytes) -> dict[str, Any]:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def fetch_room(link: RoomLink) -> tuple[Room | None, int, str]:
    """Read the room from the service: ``(room, 200, "")``, or ``(None, status, reason)``: 0
    when the service cannot be reached, 403 when this user is no facilitator."""
    status, reply = send(summary_request(link))
    if status != 200:
        reason = reply.get("reason")
        if not isinstance(reason, str):
            reason = _ui("answered", status=status)
        return None, status, reason
    cards = reply.get("cards")
    room = read_room(cards if isinstance(cards, list) else [])
    refused = reply.get("refused")
    notes = [_ui("refused", count=count, reason=reason)
             for reason, count in (refused.items() if isinstance(refused, dict) else [])
             if isinstance(reason, str) and type(count) is int and count]
    return Room(room.counted, (*room.skipped, *notes), room.summary, room.missed), status, ""
