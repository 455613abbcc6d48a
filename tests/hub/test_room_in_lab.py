"""The facilitator's room view in a real JupyterLab: live refresh on its own, and uploads.

A stand-in room service (loopback, in this test) plays the hub's: the view must read it again
by itself while the notebook is open (no click), and show a refusal as a callout. Off the hub,
the upload control takes card files, counting good ones and skipping bad ones with reasons,
never showing their markup.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import nbformat
import pytest
from pages import PANEL, open_notebook, run_all

from coursekit.poll import poll_card
from coursekit.room import ROOM_URL_ENV

pytestmark = [pytest.mark.client, pytest.mark.timeout(300)]

CARD = poll_card({"situation": {"scenario": 1}}, card_id="lab1")
SECOND = {**CARD, "card_id": "lab2", "scenario": 2}


class _Room(BaseHTTPRequestHandler):
    cards: list[dict[str, Any]] = []
    status = 200
    reads = 0

    def do_GET(self) -> None:  # noqa: N802 (http.server's names)
        type(self).reads += 1
        body = {"cards": self.cards, "refused": {}} if self.status == 200 else {}
        data = json.dumps(body if self.status == 200 else {"reason": "no"}).encode()
        self.send_response(self.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *_args: Any) -> None:
        pass


@pytest.fixture
def stand_in_room() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Room)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _Room.cards, _Room.status, _Room.reads = [CARD], 200, 0
    try:
        yield f"http://127.0.0.1:{server.server_port}/services/second-call-room/"
    finally:
        server.shutdown()
        server.server_close()


def _notebook(root: Path, name: str, code: str) -> str:
    book = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    book.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(book, root / name)
    return name


def test_the_live_room_view_refreshes_itself_while_open(
    lab_server: tuple[str, Path], lab: Any, page: Any, stand_in_room: str
) -> None:
    env = {ROOM_URL_ENV: stand_in_room, "JUPYTERHUB_API_TOKEN": "facilitator"}
    code = f"from coursekit import widgets as cw\ncw.room_view(env={env!r}, interval_ms=700)"
    open_notebook(page, lab(_notebook(lab_server[1], "room_live.ipynb", code)))
    run_all(page)
    room = page.locator(f"{PANEL} .sc-room-view")
    room.get_by_text("Cards counted: 1").wait_for(timeout=30_000)
    _Room.cards = [CARD, SECOND]  # a learner shares: the open view reads it with no click
    room.get_by_text("Cards counted: 2").wait_for(timeout=30_000)
    assert _Room.reads >= 2
    _Room.status = 403
    callout = page.locator(f"{PANEL} .sc-widget.sc-room .sc-feedback-status")
    callout.get_by_text("Only a facilitator may read the room").wait_for(timeout=30_000)
    widget = page.locator(f"{PANEL} .sc-widget.sc-room")
    assert widget.get_by_role("button", name="Refresh").count() == 1


def test_the_room_view_takes_uploaded_cards(
    lab_server: tuple[str, Path], lab: Any, page: Any, tmp_path: Path
) -> None:
    code = "from coursekit import widgets as cw\ncw.room_view(env={})"
    open_notebook(page, lab(_notebook(lab_server[1], "room_upload.ipynb", code)))
    run_all(page)
    files = {
        "good.json": json.dumps(CARD),
        "again.json": json.dumps(CARD),
        "other.json": json.dumps({"format": "someone-else"}),
        "<img src=x onerror=alert(1)>.json": json.dumps({**CARD, "note": "<b>hi</b>"}),
    }
    paths = []
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    upload = page.locator(f"{PANEL} .sc-widget.sc-room").get_by_role(
        "button", name="Add poll cards"
    )
    with page.expect_file_chooser() as chooser:
        upload.click()
    chooser.value.set_files(paths)
    room = page.locator(f"{PANEL} .sc-room-view")
    room.get_by_text("Cards counted: 1").wait_for(timeout=30_000)
    text = room.inner_text()
    assert "Skipped: 3" in text
    room.locator("summary").first.click()
    text = room.inner_text()
    assert "a duplicate" in text and "not a Second Call poll card" in text, text
    assert "<img src=x onerror=alert(1)>.json skipped" in text, text
    assert room.locator("img").count() == 0 and room.locator("b", has_text="hi").count() == 0
