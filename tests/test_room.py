"""Fast tests of the live room's library side (no hub): cards, bad cards, the view, widgets."""

from __future__ import annotations

import json
import socket
import threading
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from content_names import ROLEPLAYS

from coursekit import widgets as cw
from coursekit.journal import Journal
from coursekit.poll import MAX_CARD_BYTES, check_card, parse_card, poll_card
from coursekit.room import ROOM_URL_ENV, RoomLink, read_room, room_link, share_request
from coursekit.views.room import live_room_html
from coursekit.widgets.room import room_view, share_with_room

pytestmark = pytest.mark.timeout(60)

MARKER = "zq-typed-marker-7f3k"


def _text_fields(widget: Any) -> list[Any]:
    found = [widget] if type(widget).__name__ in ("Text", "Textarea") else []
    for child in getattr(widget, "children", ()):
        found.extend(_text_fields(child))
    return found


def _typed_journal(path: Path) -> Journal:
    """A journal filled through the course's widgets, MARKER typed into every free-text field."""
    journal = Journal(path)
    classifier = cw.situation_classifier(journal)
    classifier.misstep_boxes["went_silent"].value = True
    classifier.classify_button.click()
    views = [
        classifier,
        cw.script_builder(journal),
        cw.draft_reviewer(journal),
        cw.reflection("why_now", "Why now?", journal),
        cw.replies(journal),
        *(cw.roleplay(roleplay_id, journal) for roleplay_id in ROLEPLAYS),
    ]
    typed = 0
    for view in views:
        for field in _text_fields(view):
            field.value = f"I said {MARKER} <b>here</b>"
            typed += 1
    views[2].review_button.click()
    for view in views:
        if isinstance(view, cw.RoleplayView):  # a typed turn where offered, then to an ending
            say_own = getattr(view, "say_own", None)
            if callable(say_own):
                say_own(f"I said {MARKER}: I made the wrong call and I am sorry. <b>here</b>")
            for _step in range(20):
                options = list(view.choices.options)
                if not options:
                    break
                view.choose(options[0][1] if isinstance(options[0], tuple) else options[0])
    assert typed >= 8, "the course's free-text fields were not found"
    return journal


def test_typed_text_never_reaches_a_card(tmp_path: Path) -> None:
    journal = _typed_journal(tmp_path / "journal.json")
    saved = (tmp_path / "journal.json").read_text(encoding="utf-8")
    assert saved.count(MARKER) >= 8, "typing did not reach the journal"
    answers = journal.answers()
    card = poll_card(answers)
    text = json.dumps(card)
    assert MARKER not in text and "<b>" not in text
    assert card["scenario"] == 2 and card["roleplays"], card
    assert card["missed"], "the draft review's missed moves are on the card"
    body = share_request(RoomLink("http://hub/services/room/", "t"), answers).body
    assert body is not None and MARKER.encode() not in body


GOOD = poll_card(
    {
        "situation": {"scenario": 1},
        "quiz:03_scenarios": {"score": 2, "out_of": 3},
        "draft": {"review": {"moves": [{"id": "easy_out", "covered": False}]}},
    },
    card_id="good1",
)


@pytest.mark.parametrize(
    ("card", "reason"),
    [
        ({**GOOD, "note": "<img src=x onerror=alert(1)>"}, "has fields a card never has"),
        ({**GOOD, "card_id": "<script>"}, "has no valid card id"),
        ({**GOOD, "scenario": True}, "has an unknown scenario"),
        ({**GOOD, "quizzes": {"<b>quiz</b>": [1, 2]}}, "names a quiz this course does not have"),
        ({**GOOD, "quizzes": {"03_scenarios": [5, 3]}}, "has a malformed quiz score"),
        ({**GOOD, "roleplays": {"call_scenario1": "<i>end</i>"}}, "names a role-play ending"),
        ({**GOOD, "missed": ["reaffirm", "reaffirm"]}, "has a malformed list of missed moves"),
        ({**GOOD, "missed": ["<u>x</u>"]}, "names a move this course does not have"),
        ({"format": "someone-elses-card"}, "is not a Second Call poll card"),
        ([GOOD], "is not a Second Call poll card"),
    ],
)
def test_bad_cards_are_refused_with_a_reason(card: Any, reason: str) -> None:
    assert (check_card(card) or "").startswith(reason)


def test_the_room_skips_bad_cards_with_reasons_and_never_shows_their_markup() -> None:
    hostile = json.dumps({**GOOD, "card_id": "h1", "note": "<script>x()</script>"}).encode()
    cards: list[object] = [
        GOOD,
        dict(GOOD),  # the same card twice
        {**GOOD, "card_id": "good2", "scenario": 2, "missed": ["easy_out", "reaffirm"]},
        hostile,
        b"{not json",
        b" " * (MAX_CARD_BYTES + 1),
        "\u202e<b>odd</b>",
    ]
    names = ["a.json", "b.json", "c.json", "<i>evil</i>.json", "e.json", "f.json", "g.json"]
    room = read_room(cards, names)
    assert room.counted == 2
    assert room.summary.scenarios == {"Scenario 1": 1, "Scenario 2": 1}
    assert room.missed == {"easy_out": 2, "reaffirm": 1}
    assert [reason.split(":", 1)[1].strip() for reason in room.skipped] == [
        "a duplicate of a card already counted.",
        "it has fields a card never has.",
        "it is not readable JSON.",
        "it is too large to be a poll card.",
        "it is not a Second Call poll card.",
    ]
    page = live_room_html(room, "Read from uploads.")
    assert "Cards counted: 2" in page and "Skipped: 5" in page
    assert "<script" not in page and "<i>evil" not in page and "&lt;i&gt;evil" in page
    assert "Make it easy" in page or "easy" in page.lower()


def test_a_stored_card_is_rebuilt_from_known_fields_only() -> None:
    card, problem = parse_card(json.dumps(GOOD).encode())
    assert problem == "" and card == GOOD
    assert parse_card(b"\xff\xfe")[1] == "is not readable JSON"


def test_no_hub_means_no_link_and_a_friendly_message(tmp_path: Path) -> None:
    assert room_link({"JUPYTERHUB_API_TOKEN": "t"}) is None
    assert (
        room_link({"SECOND_CALL_ROOM_URL": "file:///etc/passwd", "JUPYTERHUB_API_TOKEN": "t"})
        is None
    )
    share = share_with_room(Journal(tmp_path / "j.json"), env={}, folder=tmp_path)
    share.button.click()
    assert "No live room here" in share.status.value
    assert "Download your poll card" in share.download.value
    assert len(list(tmp_path.glob("second-call-card-*.json"))) == 1
    view = room_view(env={})
    assert "Cards counted: 0" in view.view.value


def test_the_room_view_reads_uploaded_cards(tmp_path: Path) -> None:
    view = room_view(env={})
    view.upload.value = (
        {
            "name": "one.json",
            "type": "application/json",
            "size": 1,
            "content": memoryview(json.dumps(GOOD).encode()),
            "last_modified": datetime.now(UTC),
        },
        {
            "name": "<b>two</b>.json",
            "type": "application/json",
            "size": 1,
            "content": memoryview(b"[]"),
            "last_modified": datetime.now(UTC),
        },
    )
    assert view.room is not None and view.room.counted == 1
    assert "&lt;b&gt;two&lt;/b&gt;.json skipped" in view.view.value


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a string inside a journal's answers."""
    if isinstance(value, str):
        return [path]
    if isinstance(value, dict):
        return [leaf for key, item in value.items() for leaf in _leaves(item, (*path, key))]
    if isinstance(value, list):
        return [leaf for key, item in enumerate(value) for leaf in _leaves(item, (*path, key))]
    return []


def _with(answers: Any, path: tuple[Any, ...], text: str) -> Any:
    copy = json.loads(json.dumps(answers))
    target = copy
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = text
    return copy


def test_a_marker_in_any_text_of_the_journal_never_reaches_a_card(tmp_path: Path) -> None:
    """Every string the journal holds (typed turns too), one at a time, set to a marker."""
    answers: dict[str, Any] = _typed_journal(tmp_path / "journal.json").answers()
    for roleplay_id in ROLEPLAYS:  # typed role-play turns, as the role-play saves them
        entry = answers.setdefault(f"roleplay:{roleplay_id}", {})
        entry["typed"] = [{"step": 0, "text": "my words", "node": "start", "made": ["reaffirm"]}]
    leaves = _leaves(answers)
    assert len(leaves) > 30, leaves
    for path in leaves:
        marked = _with(answers, path, f"{MARKER} <script>x()</script>")
        card = poll_card(marked)
        text = json.dumps(card)
        assert MARKER not in text and "<script" not in text, (path, card)
        assert check_card(card) is None, path


class _FakeRoom(BaseHTTPRequestHandler):
    """A stand-in room service: answers each request with the next scripted reply."""

    replies: list[tuple[int, dict[str, Any]]] = []

    def _answer(self) -> None:
        status, body = self.replies.pop(0)
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self) -> None:  # noqa: N802 (http.server's names)
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self._answer()

    def do_GET(self) -> None:  # noqa: N802
        self._answer()

    def log_message(self, *_args: Any) -> None:
        pass


@pytest.fixture
def fake_room() -> Any:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FakeRoom)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    env = {
        ROOM_URL_ENV: f"http://127.0.0.1:{server.server_port}/services/second-call-room/",
        "JUPYTERHUB_API_TOKEN": "learner-token",
    }
    try:
        yield env
    finally:
        server.shutdown()
        server.server_close()


def test_the_progress_panel_shares_through_the_hub(
    fake_room: dict[str, str], tmp_path: Path
) -> None:
    journal = Journal(tmp_path / "j.json")
    journal.save("situation", {"scenario": 1})
    panel = cw.progress_panel(journal, folder=tmp_path / "out", env=fake_room)
    assert panel.share_button.description == "Share with the room"
    _FakeRoom.replies[:] = [
        (201, {"status": "added"}),
        (200, {"status": "replaced"}),
        (403, {"reason": "<b>Forbidden</b>"}),
        (400, {"reason": "The card <i>is</i> odd."}),
    ]
    panel.share_button.click()
    assert "Shared with the room" in panel.status.value and "no name" in panel.status.value
    panel.share_button.click()
    assert "Shared again" in panel.status.value and "replaced" in panel.status.value
    panel.share_button.click()
    assert "Not shared" in panel.status.value and "does not let this account" in panel.status.value
    panel.share_button.click()
    assert "&lt;i&gt;is&lt;/i&gt;" in panel.status.value and "<i>" not in panel.status.value
    assert "sc-callout" in panel.status.value and "Traceback" not in panel.status.value
    assert not (tmp_path / "out").exists(), "on a hub no card file is written"


def test_a_room_service_that_is_down_is_a_callout(tmp_path: Path) -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {ROOM_URL_ENV: f"http://127.0.0.1:{port}/", "JUPYTERHUB_API_TOKEN": "t"}
    panel = cw.progress_panel(Journal(tmp_path / "j.json"), folder=tmp_path, env=env)
    panel.share_button.click()
    assert "Not shared" in panel.status.value and "did not answer" in panel.status.value
    view = cw.room_view(env=env, interval_ms=60_000)
    assert "The room could not be read" in view.status.value
    assert "did not answer" in view.status.value and view.room is None
    view.ticker.playing = False


def test_the_progress_panel_without_a_hub_offers_the_card(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.json")
    journal.save("situation", {"scenario": 2})
    panel = cw.progress_panel(journal, folder=tmp_path, env={})
    panel.share_button.click()
    assert "Poll card exported" in panel.status.value
    assert "Download your poll card" in panel.download.value
    (path,) = tmp_path.glob("second-call-card-*.json")
    card, problem = parse_card(path.read_bytes())
    assert problem == "" and card is not None and card["scenario"] == 2


def test_the_live_room_view_refreshes_and_is_refused_kindly(fake_room: dict[str, str]) -> None:
    second = {**GOOD, "card_id": "good2", "scenario": 2}
    _FakeRoom.replies[:] = [
        (200, {"cards": [GOOD], "refused": {}}),
        (200, {"cards": [GOOD, second, {**GOOD, "card_id": "x", "note": "<img src=x>"}],
               "refused": {"has fields a card never has": 1}}),
        (403, {"reason": "Only a facilitator may read the room."}),
    ]
    view = cw.room_view(env=fake_room, interval_ms=5_000)
    assert view.room is not None and view.room.counted == 1
    assert not view.ticker.playing and view.ticker.interval == 5_000
    view.ticker._view_count = 1  # the browser shows the view: the automatic refresh starts
    assert view.ticker.playing
    assert view.ticker.description and view.refresh_button.description == "Refresh"
    view.ticker.value += 1  # a tick of the automatic refresh
    assert view.room.counted == 2 and "Cards counted: 2" in view.view.value
    assert "refused 1 card(s): has fields a card never has" in view.view.value
    assert "<img" not in view.view.value
    view.refresh_button.click()
    assert "Only a facilitator may read the room" in view.status.value
    assert "Cards counted: 2" in view.view.value, "a refusal keeps the last reading on screen"
    view.ticker._view_count = 0  # the notebook is closed: no more ticks
    assert not view.ticker.playing


def _upload(name: str, content: bytes) -> dict[str, Any]:
    return {
        "name": name,
        "type": "application/json",
        "size": len(content),
        "content": memoryview(content),
        "last_modified": datetime.now(UTC),
    }


def test_the_upload_view_skips_every_kind_of_bad_card_with_a_count_and_reason() -> None:
    view = cw.room_view(env={})
    assert view.upload.description == "Add poll cards"
    good = json.dumps(GOOD).encode()
    view.upload.value = (
        _upload("good.json", good),
        _upload("again.json", good),  # duplicate
        _upload("broken.json", b'{"format": "second-call-poll-card", '),  # malformed
        _upload("big.json", b"[" + b" " * MAX_CARD_BYTES + b"]"),  # oversized
        _upload("other.json", json.dumps({"format": "someone-else", "v": 1}).encode()),  # foreign
        _upload(
            "<img src=x onerror=alert(1)>.json",  # hostile name and content
            json.dumps({**GOOD, "card_id": "h", "scenario": "<script>alert(1)</script>"}).encode(),
        ),
    )
    room = view.room
    assert room is not None and room.counted == 1 and len(room.skipped) == 5
    page = view.view.value
    assert "Cards counted: 1" in page and "Skipped: 5" in page
    for reason in (
        "again.json skipped: a duplicate",
        "broken.json skipped: it is not readable JSON",
        "big.json skipped: it is too large",
        "other.json skipped: it is not a Second Call poll card",
        "&lt;img src=x onerror=alert(1)&gt;.json skipped: it has an unknown scenario",
    ):
        assert reason in page, reason
    assert "<img" not in page and "<script" not in page and "alert(1)</" not in page


def test_every_room_control_has_a_label(tmp_path: Path, fake_room: dict[str, str]) -> None:
    _FakeRoom.replies[:] = [(200, {"cards": [], "refused": {}})]
    live = cw.room_view(env=fake_room)
    live.ticker.playing = False
    views = [live, cw.room_view(env={}), share_with_room(Journal(tmp_path / "j.json"), env={})]
    for view in views:
        stack = [view]
        while stack:
            widget = stack.pop()
            stack.extend(getattr(widget, "children", ()))
            if type(widget).__name__ in ("Button", "FileUpload", "Play"):
                assert widget.description.strip(), widget
