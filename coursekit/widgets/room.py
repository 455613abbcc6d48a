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

from ..interface import texts
from ..poll import MAX_CARD_BYTES, write_card
from ..room import Room, fetch_room, read_room, room_link, send, share_request
from ..views import callout, download_html, tag
from ..views.room import live_room_html, room_problem_callout, share_callout
from ._common import (
    Exercise,
    actions,
    button,
    feedback,
    get_journal,
    guard,
    setup_root,
)

if TYPE_CHECKING:
    from ..journal import Journal

#: How often an open room view reads the room again, in milliseconds.
AUTO_REFRESH_MS = 20_000
#: At most this many uploaded files are read at once.
MAX_UPLOADS = 500
_ui = texts("widgets.room")


class CardSharing:
    """Sharing the learner's anonymous card: to the hub's room service, or as a file."""

    journal: Journal
    env: Mapping[str, str]
    folder: Path
    status: w.HTML
    download: w.HTML

    def _sharing(self, journal: Journal | None, env: Mapping[str, str] | None,
                 folder: str | Path | None) -> None:
        """Set the journal, the environment and the card's folder; make status and download."""
        self.journal = get_journal(journal)
        self.env = os.environ if env is None else env
        self.folder = Path(folder) if folder is not None else Path.cwd()
        self.status, self.download = feedback(), w.HTML("")
        self.download.add_class("sc-download")

    @guard("status")
    def share(self) -> None:
        """Send the card; show whether it arrived, was replaced, or why not."""
        link = room_link(self.env)
        if link is not None:
            code, reply = send(share_request(link, self.journal.answers()))
            self.status.value = share_callout(code, reply)
            return
        path = write_card(self.journal.answers(), self.folder)
        self.download.value = download_html(path.name, "application/json", path.read_bytes(),
                                            _ui("download"))
        body = _ui("card_saved_as", name=path.name)
        self.status.value = callout("info", _ui("exported"), body)


class ShareView(CardSharing, Exercise):
    """The "Share with the room" button: it sends the learner's anonymous card to the room."""

    def __init__(self, journal: Journal | None = None, env: Mapping[str, str] | None = None,
                 folder: str | Path | None = None) -> None:
        super().__init__()
        self._sharing(journal, env, folder)
        self.button = button(_ui("share"), "share", _ui("share_tip"))
        self.button.on_click(lambda _button: self.share())
        setup_root(self, "room-share", _ui("share"),
                   [actions(self.button), self.status, self.download])


class RoomView(Exercise):
    """The facilitator's room: read live from the hub (refreshing while open) or from uploads."""

    def __init__(self, env: Mapping[str, str] | None = None,
                 interval_ms: int = AUTO_REFRESH_MS) -> None:
        super().__init__()
        self.link = room_link(os.environ if env is None else env)
        self.room: Room | None = None
        self.view = w.HTML(value="")
        self.view.add_class("sc-room-view")
        self.status = feedback()
        if self.link is not None:
            controls = self._live_controls(interval_ms)
            self.refresh()
        else:
            self.upload = w.FileUpload(accept=".json", multiple=True, description=_ui("add"),
                                       tooltip=_ui("upload_tip"))
            self.upload.observe(lambda _change: self.read_uploads(), names="value")
            controls = [w.HTML(tag("p", _ui("upload_note"))), self.upload]
            self.show(read_room([]), _ui("no_cards"))
        setup_root(self, "room", _ui("title"), [*controls, self.status, self.view])

    def _live_controls(self, interval_ms: int) -> list[w.Widget]:
        """Return the note, Refresh button and hidden ticker of a room read live from the hub."""
        self.refresh_button = button(_ui("refresh"), "refresh", _ui("refresh_tip"))
        self.refresh_button.on_click(lambda _button: self.refresh())
        # Ticks in the browser only while the view is on screen; each tick reads the room.
        # The browser's Play starts its timer only when ``playing`` changes while a view
        # exists, so it is started each time a view appears (``_view_count``) and paused
        # when the last one goes.
        self.ticker = w.Play(value=0, min=0, max=10**9, step=1, interval=interval_ms, repeat=True,
                             description=_ui("ticker"), playing=False)
        self.ticker.layout.display = "none"
        self.ticker.observe(lambda _change: self.refresh(), names="value")
        self.ticker.observe(self._views_changed, names="_view_count")
        self.ticker._view_count = 0
        note = _ui("live", seconds=round(interval_ms / 1000))
        return [w.HTML(tag("p", note)), actions(self.refresh_button), self.ticker]

    def _views_changed(self, change: Mapping[str, object]) -> None:
        """Start the automatic refresh when a view appears; pause it when none is left."""
        views = change.get("new")
        self.ticker.playing = False
        if isinstance(views, int) and views > 0:
            self.ticker.playing = True

    def show(self, room: Room, source: str) -> None:
        """Show a room read from ``source``."""
        self.room = room
        self.view.value = live_room_html(room, source)

    @guard("status")
    def refresh(self) -> None:
        """Read the room from the hub's room service; a refusal shows as a callout."""
        if self.link is None:
            return
        room, code, reason = fetch_room(self.link)
        if room is None:
            self.status.value = room_problem_callout(code, reason)
            return
        self.status.value = ""
        self.show(room, _ui("from_hub"))

    @guard("status")
    def read_uploads(self) -> None:
        """Read every uploaded card file; bad ones are skipped with a reason."""
        files = list(self.upload.value)
        over = len(files) - MAX_UPLOADS
        files = files[:MAX_UPLOADS]
        names = [str(item.get("name", _ui("a_file"))) for item in files]
        contents = [bytes(item.get("content", b""))[: MAX_CARD_BYTES + 1] for item in files]
        room = read_room(contents, names)
        if over > 0:
            extra = _ui("skipped", count=over, limit=MAX_UPLOADS)
            room = Room(room.counted, (*room.skipped, extra), room.summary, room.missed)
        self.status.value = ""
        self.show(room, _ui("uploaded", count=len(files)))


#: The builder of the "Share with the room" button.
share_with_room = ShareView
#: The builder of the facilitator's room view: live on a hub, from uploaded cards elsewhere.
room_view = RoomView
