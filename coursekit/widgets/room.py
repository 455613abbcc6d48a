"""The live room's widgets: "Share with the room" for learners, the room view for facilitators.

On a JupyterHub with the room service both talk to it through the hub; elsewhere (a laptop,
the Lite site) sharing says there is no room here, and the room view reads uploaded cards.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING

import ipywidgets as w

from ..room import (
    MAX_CARD_BYTES,
    Room,
    fetch_room,
    read_room,
    room_link,
    send,
    share_request,
)
from ..room_view import room_html, share_html
from ..textsafe import escape_html
from ._common import ERROR, OK, WARN, Exercise, feedback, get_journal, setup_root, status_html

if TYPE_CHECKING:
    from ..journal import Journal

__all__ = ["RoomView", "ShareView", "room_view", "share_with_room"]

#: How often an open room view reads the room again, in milliseconds.
AUTO_REFRESH_MS = 20_000
#: At most this many uploaded files are read at once.
MAX_UPLOADS = 500


class ShareView(Exercise):
    """One button that sends the learner's anonymous card to the live room."""

    def __init__(self, journal: Journal | None, env: Mapping[str, str]) -> None:
        super().__init__()
        self.journal = get_journal(journal)
        self.link = room_link(env)
        self.button = w.Button(
            description="Share with the room",
            icon="share",
            tooltip="Send your anonymous card (no name, nothing typed) to the facilitator",
        )
        self.status = feedback()
        self.button.on_click(lambda _button: self.share())
        setup_root(self, "room-share", "Share with the room", [self.button, self.status])

    def share(self) -> None:
        """Send the card; show whether it arrived, was replaced, or why not."""
        if self.link is None:
            self.status.value = status_html(
                WARN,
                "No live room here",
                "This course is not running on the workshop's hub. Export your poll card from "
                "the progress panel and give the file to your facilitator instead.",
            )
            return
        status, reply = send(share_request(self.link, self.journal.answers()))
        worked, headline, detail = share_html(status, reply)
        self.status.value = status_html(OK if worked else ERROR, headline, detail)


class RoomView(Exercise):
    """The facilitator's room: read live from the hub (refreshing while open) or from uploads."""

    def __init__(self, env: Mapping[str, str], interval_ms: int) -> None:
        super().__init__()
        self.link = room_link(env)
        self.room: Room | None = None
        self.view = w.HTML(value="")
        self.view.add_class("sc-room")
        self.status = feedback()
        if self.link is not None:
            self.refresh_button = w.Button(
                description="Refresh", icon="refresh", tooltip="Read the room again"
            )
            self.refresh_button.on_click(lambda _button: self.refresh())
            # Ticks in the browser only while the notebook is open; each tick reads the room.
            self.ticker = w.Play(
                value=0,
                min=0,
                max=10**9,
                step=1,
                interval=interval_ms,
                repeat=True,
                description="Automatic refresh",
                playing=True,
            )
            self.ticker.layout.display = "none"
            self.ticker.observe(lambda _change: self.refresh(), names="value")
            controls: list[w.Widget] = [self.refresh_button, self.ticker]
            self.refresh()
        else:
            self.upload = w.FileUpload(accept=".json", multiple=True, description="Add poll cards")
            self.upload.observe(lambda _change: self.read_uploads(), names="value")
            controls = [
                w.HTML("<p>No live room here: add the poll card files learners gave you.</p>"),
                self.upload,
            ]
            self.show(read_room([]), "No cards yet.")
        setup_root(self, "room", "What the room chose", [*controls, self.status, self.view])

    def show(self, room: Room, source: str) -> None:
        self.room = room
        self.view.value = room_html(room, source)

    def refresh(self) -> None:
        """Read the room from the hub's room service."""
        if self.link is None:
            return
        room, reason = fetch_room(self.link)
        if room is None:
            self.status.value = status_html(
                ERROR, "The room could not be read", escape_html(reason)
            )
            return
        self.status.value = ""
        self.show(room, "Live from the hub.")

    def read_uploads(self) -> None:
        """Read every uploaded card file; bad ones are skipped with a reason."""
        files = list(self.upload.value)[:MAX_UPLOADS]
        names = [str(item.get("name", "a file")) for item in files]
        contents = [bytes(item.get("content", b""))[: MAX_CARD_BYTES + 1] for item in files]
        self.show(read_room(contents, names), f"Read from {len(files)} uploaded file(s).")


def share_with_room(
    journal: Journal | None = None, env: Mapping[str, str] | None = None
) -> ShareView:
    """Return the "Share with the room" button (``env``: default the kernel's environment)."""
    return ShareView(journal, os.environ if env is None else env)


def room_view(env: Mapping[str, str] | None = None, interval_ms: int = AUTO_REFRESH_MS) -> RoomView:
    """Return the facilitator's room view: live on a hub, from uploaded cards elsewhere."""
    return RoomView(os.environ if env is None else env, interval_ms)
