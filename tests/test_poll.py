"""Tests for coursekit.poll: anonymous poll cards and the room summary."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from coursekit import widgets as cw
from coursekit.journal import Journal
from coursekit.poll import poll_card, read_cards, summarise, titles, write_card

ANSWERS = {
    "situation": {"scenario": 2, "missteps": ["went_silent"]},
    "quiz:03_scenarios": {"score": 2, "out_of": 3},
    "roleplay:call_scenario2": {"ending_id": "end_s2_meeting", "ending": "A title"},
    "roleplay:call_scenario1": {"ending_id": "not_an_ending"},
    "quiz:made_up": {"score": 1, "out_of": 1},
    "script": {"text": "my secret words"},
    "reflection:why_now": "private",
}


def test_card_keeps_choices_and_drops_freehand_text() -> None:
    card = poll_card(ANSWERS, card_id="x1")
    assert card["scenario"] == 2
    assert card["quizzes"] == {"03_scenarios": [2, 3]}
    assert card["roleplays"] == {"call_scenario2": "end_s2_meeting"}
    assert "secret" not in json.dumps(card) and "private" not in json.dumps(card)


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=3, max_size=200).filter(lambda t: t.strip() and "\\" not in t))
def test_no_typed_text_ever_reaches_a_card(text: str) -> None:
    answers = {
        "reflection:x": text,
        "script": {"text": text, "inputs": {"what_drew_you": text}},
        "replies": {"filled": text},
        "draft": {"text": text},
        "roleplay:call_scenario1": {"ending": text, "ending_id": text},
        f"quiz:{text}": {"score": 1, "out_of": 2},
    }
    card = poll_card(answers, card_id="abc")
    assert card["quizzes"] == {} and card["roleplays"] == {}
    assert text not in json.dumps(card["quizzes"]) + json.dumps(card["roleplays"])


def test_read_cards_skips_foreign_corrupt_and_duplicate(tmp_path: Path) -> None:
    first = write_card(ANSWERS, tmp_path)
    (tmp_path / "copy.json").write_text(first.read_text(), encoding="utf-8")
    (tmp_path / "foreign.json").write_text('{"hello": "world"}', encoding="utf-8")
    (tmp_path / "corrupt.json").write_text('{"format": "second-call-poll', encoding="utf-8")
    (tmp_path / "list.json").write_text("[1, 2, 3]", encoding="utf-8")
    bad_score = poll_card(ANSWERS, card_id="bad")
    bad_score["quizzes"] = {"03_scenarios": [5, 3]}
    (tmp_path / "bad.json").write_text(json.dumps(bad_score), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a card", encoding="utf-8")
    found = read_cards(tmp_path)
    assert len(found.cards) == 1
    assert len(found.messages) == 5
    assert any("duplicate" in m for m in found.messages)
    assert any("not readable JSON" in m for m in found.messages)


def test_missing_folder_is_a_message_not_a_crash(tmp_path: Path) -> None:
    found = read_cards(tmp_path / "nowhere")
    assert found.cards == () and "No folder" in found.messages[0]


def test_summary_counts_and_averages() -> None:
    cards = [
        poll_card(ANSWERS, card_id="a"),
        poll_card({**ANSWERS, "situation": {"scenario": 1}}, card_id="b"),
        poll_card({"quiz:03_scenarios": {"score": 3, "out_of": 3}}, card_id="c"),
    ]
    summary = summarise(cards)
    assert summary.learners == 3
    assert summary.scenarios == {"Not classified": 1, "Scenario 1": 1, "Scenario 2": 1}
    assert summary.quiz_percent == {"03_scenarios": round(100 * 7 / 9)}
    assert summary.endings == {"call_scenario2": {"end_s2_meeting": 2}}


def test_a_folder_names_skipped_files_and_titles_name_endings(tmp_path: Path) -> None:
    write_card(ANSWERS, tmp_path)
    (tmp_path / "junk.json").write_text("{", encoding="utf-8")
    (tmp_path / "huge.json").write_bytes(b" " * 30_000)
    found = read_cards(tmp_path)
    assert len(found.cards) == 1
    assert found.messages == (
        "Skipped huge.json: too large to be a poll card.",
        "Skipped junk.json: not readable JSON.",
    )
    assert titles()["end_s2_meeting"] == "A second hearing, face to face"


def test_progress_panel_exports_a_card(journal_path: Path, tmp_path: Path) -> None:
    journal = Journal(journal_path)
    for key, value in ANSWERS.items():
        journal.save(key, value)
    panel = cw.progress_panel(journal, folder=tmp_path)
    panel.share_button.click()
    assert "Poll card exported" in panel.status.value
    cards = read_cards(tmp_path).cards
    assert len(cards) == 1 and cards[0]["scenario"] == 2
    assert "data:application/json;base64," in panel.download.value
