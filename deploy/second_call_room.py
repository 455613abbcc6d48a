"""The live room: a JupyterHub service that keeps one anonymous card per learner.

Started by ``deploy/jupyterhub_config.py`` as a managed service. Routes, under the service's
prefix (``/services/second-call-room/``):

``POST cards``
    Any learner the hub lets use the service (scope ``access:services!service=second-call-room``)
    shares their card. It is checked with :func:`coursekit.poll.parse_card`; a bad card gets a
    4xx reply with a reason and is counted. It is stored under a salted hash of the learner's
    name (the salt is made by this service and kept in its own folder), so a re-share replaces
    the learner's earlier card and no file holds a name.
``GET summary``
    Facilitators only (scope ``custom:second-call:room``): every stored card and the count of
    refused cards by reason. Everyone else gets 403.
``GET cards``, ``GET cards/<anything>``
    403: cards are never served one by one.

Settings (environment): ``SECOND_CALL_ROOM_DATA`` (folder for the salt and the cards; made
mode 0700) plus the ``JUPYTERHUB_*`` variables the hub gives every service.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jupyterhub.services.auth import HubOAuthCallbackHandler, HubOAuthenticated
from jupyterhub.utils import url_path_join
from tornado import ioloop, web

from coursekit.poll import MAX_CARD_BYTES, parse_card
from coursekit.room import ROOM_SCOPE

DATA_ENV = "SECOND_CALL_ROOM_DATA"
#: How many learners' cards the room keeps at most (a guard against a flood of new names).
MAX_CARDS = 2_000


def write_durably(path: Path, data: bytes) -> None:
    """Write a file so that a crash leaves the old or the new version, never half of one."""
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


class RoomStore:
    """The room's cards on disk: ``cards/<salted hash>.json`` and the service's own salt."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.cards_dir = folder / "cards"
        self.cards_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(folder, 0o700)
        salt_file = folder / "salt"
        if not salt_file.exists():
            write_durably(salt_file, secrets.token_hex(32).encode("ascii"))
            os.chmod(salt_file, 0o600)
        self._salt = salt_file.read_bytes().strip()
        self.refused: Counter[str] = Counter()

    def key(self, user_name: str) -> str:
        """Return the name-free key a learner's card is stored under."""
        return hmac.new(self._salt, user_name.encode("utf-8"), hashlib.sha256).hexdigest()

    def cards(self) -> dict[str, dict[str, Any]]:
        """Return every stored card by key (files that no longer parse are left out)."""
        found: dict[str, dict[str, Any]] = {}
        for path in sorted(self.cards_dir.glob("*.json")):
            card, _problem = parse_card(path.read_bytes())
            if card is not None:
                found[path.stem] = card
        return found

    def put(self, user_name: str, card: dict[str, Any]) -> tuple[int, str]:
        """Store a learner's card; return the HTTP status and a word for the reply."""
        key = self.key(user_name)
        stored = self.cards()
        if any(other["card_id"] == card["card_id"] for k, other in stored.items() if k != key):
            return self.refuse(409, "a duplicate of a card already counted")
        if key not in stored and len(stored) >= MAX_CARDS:
            return self.refuse(507, "the room is full")
        write_durably(self.cards_dir / f"{key}.json", json.dumps(card).encode("utf-8"))
        return (200, "replaced") if key in stored else (201, "added")

    def refuse(self, status: int, reason: str) -> tuple[int, str]:
        self.refused[reason] += 1
        return status, reason


class RoomHandler(HubOAuthenticated, web.RequestHandler):
    """Shared by the routes: JSON replies, and the store."""

    def initialize(self, store: RoomStore) -> None:
        self.store = store

    def reply(self, status: int, body: dict[str, Any]) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.set_header("X-Content-Type-Options", "nosniff")
        self.finish(json.dumps(body))

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        allowed = "The hub does not let you use the room."
        self.reply(status_code, {"reason": allowed if status_code in (401, 403) else self._reason})


class CardsHandler(RoomHandler):
    @web.authenticated
    def post(self, _rest: str = "") -> None:
        if _rest:
            raise web.HTTPError(404)
        if len(self.request.body) > MAX_CARD_BYTES:
            status, reason = self.store.refuse(413, "is too large to be a poll card")
            self.reply(status, {"reason": f"The card {reason}."})
            return
        card, problem = parse_card(self.request.body)
        if card is None:
            status, reason = self.store.refuse(400, problem)
            self.reply(status, {"reason": f"The card {reason}."})
            return
        status, word = self.store.put(self.current_user["name"], card)
        if status >= 400:
            self.reply(status, {"reason": f"The card is {word}."})
        else:
            self.reply(status, {"status": word})

    @web.authenticated
    def get(self, _rest: str = "") -> None:
        self.reply(403, {"reason": "Cards are never served one by one."})


class SummaryHandler(RoomHandler):
    @web.authenticated
    def get(self) -> None:
        if ROOM_SCOPE not in self.current_user.get("scopes", []):
            self.reply(403, {"reason": "Only a facilitator may read the room."})
            return
        cards = list(self.store.cards().values())
        self.reply(
            200,
            {
                "format": "second-call-room",
                "learners": len(cards),
                "cards": cards,
                "refused": dict(sorted(self.store.refused.items())),
            },
        )


def make_app(store: RoomStore, prefix: str) -> web.Application:
    """Return the service's tornado application, its routes under ``prefix``."""
    routes: list[Any] = [
        (url_path_join(prefix, "oauth_callback"), HubOAuthCallbackHandler),
        (url_path_join(prefix, "cards") + r"/?(.*)", CardsHandler, {"store": store}),
        (url_path_join(prefix, "summary") + "/?", SummaryHandler, {"store": store}),
    ]
    return web.Application(routes, cookie_secret=os.urandom(32), max_body_size=4 * MAX_CARD_BYTES)


def main() -> None:
    """Run the service where the hub says (``JUPYTERHUB_SERVICE_URL``)."""
    prefix = os.environ["JUPYTERHUB_SERVICE_PREFIX"]
    url = urlsplit(os.environ["JUPYTERHUB_SERVICE_URL"])
    folder = Path(os.environ.get(DATA_ENV) or "second-call-room").resolve()
    app = make_app(RoomStore(folder), prefix)
    app.listen(url.port or 80, url.hostname or "127.0.0.1")
    ioloop.IOLoop.current().start()


if __name__ == "__main__":
    main()
