"""Fast tests of the live room's library side (no hub): cards, bad cards, the view, widgets."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from content_names import ROLEPLAYS

from coursekit import widgets as cw
from coursekit.journal import Journal
from coursekit.poll import poll_card
from coursekit.room import (
    MAX_CARD_BYTES,
    RoomLink,
    check_card,
    parse_card,
    read_room,
    room_card,
    room_link,
    share_request,
)
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
        if isinstance(view, cw.RoleplayView):  # walk each call to an ending
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
    for card in (poll_card(answers), room_card(answers)):
        text = json.dumps(card)
        assert MARKER not in text and "<b>" not in text
        assert card["scenario"] == 2 and card["roleplays"], card
    assert room_card(answers)["missed"], "the draft review's missed moves are on the card"
    body = share_request(RoomLink("http://hub/services/room/", "t"), answers).body
    assert body is not None and MARKER.encode() not in body


GOOD = room_card(
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
    share = share_with_room(Journal(tmp_path / "j.json"), env={})
    share.button.click()
    assert "No live room here" in share.status.value
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
