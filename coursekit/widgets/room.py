"""The live room's widgets: "Share with the room" for learners, the room view for facilitators.

On a JupyterHub with the room service both talk to it through the hub; elsewhere (a laptop,
the Lite site) sharing writes the learner's card and offers it as a download, and the room
view reads the cards a facilitator uploads. The fragments they show come from
:mod:`coursekit.views.room`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import ipywidgets as w

from ..poll import MAX_CARD_BYTES, write_card
from ..room import Room, fetch_room, read_room, room_link, send, share_request
from ..views import callout, download_html, tag
from ..views.room import live_room_html, room_problem_callout, share_callout
from ._common import Exercise, actions, feedback, get_journal, guarded, setup_root

if TYPE_CHECKING:
    from ..journal import Journal

__all__ = ["RoomView", "ShareView", "room_view", "share_card", "share_with_room"]

#: How often an open room view reads the room again, in milliseconds.
AUTO_REFRESH_MS = 20_000
#: At most this many uploaded files are read at once.
MAX_UPLOADS = 500


def share_card(
    journal: Journal, env: Mapping[str, str], folder: Path, status: w.HTML, download: w.HTML
) -> None:
    """Share the learner's card: to the hub's room service, or (no hub) as a file to hand in.

    The outcome is a callout in ``status``; a refused or failed share never raises.
    """

    @guarded(status)
    def run() -> None:
        link = room_link(env)
        if link is not None:
            code, reply = send(share_request(link, journal.answers()))
            status.value = share_callout(code, reply)
            return
        path = write_card(journal.answers(), folder)
        download.value = download_html(
            path.name, "application/json", path.read_bytes(), "Download your poll card"
        )
        status.value = callout(
            "info",
            "Poll card exported",
            f"No live room here, so your card was saved as {path.name}. It holds your "
            "scenario, quiz scores and role-play endings, and nothing you typed. Download it "
            "and hand it to your facilitator.",
        )

    run()


class ShareView(Exercise):
    """One button that sends the learner's anonymous card to the live room."""

    def __init__(self, journal: Journal | None, env: Mapping[str, str], folder: Path) -> None:
        super().__init__()
        self.journal = get_journal(journal)
        self.env = env
        self.folder = folder
        self.button = w.Button(
            description="Share with the room",
            icon="share",
            tooltip="Send your anonymous card (no name, nothing typed) to the facilitator",
        )
        self.status = feedback()
        self.download = w.HTML("")
        self.download.add_class("sc-download")
        self.button.on_click(lambda _button: self.share())
        setup_root(
            self,
            "room-share",
            "Share with the room",
            [actions(self.button), self.status, self.download],
        )

    def share(self) -> None:
        """Send the card; show whether it arrived, was replaced, or why not."""
        share_card(self.journal, self.env, self.folder, self.status, self.download)


class RoomView(Exercise):
    """The facilitator's room: read live from the hub (refreshing while open) or from uploads."""

    def __init__(self, env: Mapping[str, str], interval_ms: int) -> None:
        super().__init__()
        self.link = room_link(env)
        self.room: Room | None = None
        self.view = w.HTML(value="")
        self.view.add_class("sc-room-view")
        self.status = feedback()
        controls: list[w.Widget]
        if self.link is not None:
            self.refresh_button = w.Button(
                description="Refresh", icon="refresh", tooltip="Read the room again"
            )
            self.refresh_button.on_click(lambda _button: self.refresh())
            # Ticks in the browser only while the view is on screen; each tick reads the room.
            # The browser's Play starts its timer only when ``playing`` changes while a view
            # exists, so it is started each time a view appears (``_view_count``) and paused
            # when the last one goes.
            self.ticker = w.Play(
                value=0,
                min=0,
                max=10**9,
                step=1,
                interval=interval_ms,
                repeat=True,
                description="Automatic refresh",
                playing=False,
            )
            self.ticker.layout.display = "none"
            self.ticker.observe(lambda _change: self.refresh(), names="value")
            self.ticker.observe(self._views_changed, names="_view_count")
            self.ticker._view_count = 0
            every = f"{round(interval_ms / 1000)} seconds"
            note = w.HTML(tag("p", f"Live from the hub; reads the room again every {every}."))
            controls = [note, actions(self.refresh_button), self.ticker]
            self.refresh()
        else:
            self.upload = w.FileUpload(
                accept=".json",
                multiple=True,
                description="Add poll cards",
                tooltip="Choose the poll card files (.json) learners gave you",
            )
            self.upload.observe(lambda _change: self.read_uploads(), names="value")
            note = "No live room here: add the poll card files learners gave you (several at once)."
            controls = [w.HTML(tag("p", note)), self.upload]
            self.show(read_room([]), "No cards yet.")
        setup_root(self, "room", "What the room chose", [*controls, self.status, self.view])

    def _views_changed(self, change: Mapping[str, object]) -> None:
        """Start the automatic refresh when a view appears; pause it when none is left."""
        views = change.get("new")
        self.ticker.playing = False
        if isinstance(views, int) and views > 0:
            self.ticker.playing = True

    def show(self, room: Room, source: str) -> None:
        self.room = room
        self.view.value = live_room_html(room, source)

    def refresh(self) -> None:
        """Read the room from the hub's room service; a refusal shows as a callout."""

        @guarded(self.status)
        def run() -> None:
            if self.link is None:
                return
            room, code, reason = fetch_room(self.link)
            if room is None:
                self.status.value = room_problem_callout(code, reason)
                return
            self.status.value = ""
            self.show(room, "Live from the hub.")

        run()

    def read_uploads(self) -> None:
        """Read every uploaded card file; bad ones are skipped with a reason."""

        @guarded(self.status)
        def run() -> None:
            files = list(self.upload.value)
            over = len(files) - MAX_UPLOADS
            files = files[:MAX_UPLOADS]
            names = [str(item.get("name", "a file")) for item in files]
            contents = [bytes(item.get("content", b""))[: MAX_CARD_BYTES + 1] for item in files]
            room = read_room(contents, names)
            if over > 0:
                extra = f"{over} more file(s) skipped: at most {MAX_UPLOADS} are read at once."
                room = Room(room.counted, (*room.skipped, extra), room.summary, room.missed)
            self.status.value = ""
            self.show(room, f"Read from {len(files)} uploaded file(s).")

        run()


def share_with_room(
    journal: Journal | None = None,
    env: Mapping[str, str] | None = None,
    folder: str | Path | None = None,
) -> ShareView:
    """Return the "Share with the room" button (``env``: default the kernel's environment).

    Without a hub the card is written into ``folder`` (default: the notebook's folder).
    """
    where = Path(folder) if folder is not None else Path.cwd()
    return ShareView(journal, os.environ if env is None else env, where)


def room_view(env: Mapping[str, str] | None = None, interval_ms: int = AUTO_REFRESH_MS) -> RoomView:
    """Return the facilitator's room view: live on a hub, from uploaded cards elsewhere."""
    return RoomView(os.environ if env is None else env, interval_ms)
