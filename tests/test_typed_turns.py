"""Typed turns in the role-plays: the learner's own words, reviewed, pick the branch.

Engine (review, routing, hygiene), widget (the "Say it your way" box), journal round trip, the
debrief, the plan's "What I said in practice" section, and the poll card that never carries
typed text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coursekit.entries import RoleplayEntry, TypedTurnEntry, read_entries
from coursekit.errors import CourseInputError
from coursekit.interface import ui
from coursekit.journal import Journal
from coursekit.loader import roleplays
from coursekit.plan import plan_html
from coursekit.poll import poll_card
from coursekit.quiz import ORDER_SEED_ENV
from coursekit.review import limits
from coursekit.roleplay import (
    MAX_TURN_CHARS,
    RoleplaySession,
    can_type,
    choice_order,
    decision_moves,
    review_typed,
    route,
)
from coursekit.views import STYLE, session_turns, transcript_html
from coursekit.views.plan import plan_markdown
from coursekit.widgets.roleplay import RoleplayView

pytestmark = pytest.mark.timeout(60)

S1, S2 = "call_scenario1", "call_scenario2"
STRONG = "I'm sorry I kept you waiting ten days after I said I would sign."
WEAK = "Is the coordinator job still open? I'd love to take it."
NEGATED = "I'm not going to pretend I'm sorry."


def session(roleplay_id: str = S2) -> RoleplaySession:
    return RoleplaySession(roleplays()[roleplay_id])


# --- engine ---------------------------------------------------------------------------------


def test_strong_and_weak_typed_turns_at_one_decision_take_different_branches() -> None:
    strong, weak = session(), session()
    first = strong.say(STRONG)
    second = weak.say(WEAK)
    assert first.typed is not None and second.typed is not None
    assert (first.choice.quality, second.choice.quality) == ("strong", "weak")
    assert first.node.id != second.node.id
    # the manager's next line answers what was said
    assert first.node.speaker_line != second.node.speaker_line
    assert first.typed.made == ("own_misstep",) and second.typed.made == ()
    # the strong turn's feedback quotes the learner's sentence as the evidence
    assert any(f"“{STRONG}”" in line for line in first.typed.feedback_lines)
    assert first.typed.evidence == {"own_misstep": STRONG}
    # what the review cannot judge goes with every typed turn
    assert first.typed.feedback_lines[-1].endswith(limits())
    assert second.typed.feedback_lines[-1].endswith(limits())
    assert any(line.startswith("Not heard: ") for line in second.typed.feedback_lines)


def test_the_same_words_always_take_the_same_branch() -> None:
    node = roleplays()[S2].start
    routes = {review_typed(node, STRONG).choice_id for _ in range(5)}
    assert routes == {"s2_open_own"}


def test_a_negated_move_is_not_heard_and_takes_the_weak_branch() -> None:
    step = session().say(NEGATED)
    assert step.typed is not None and step.typed.made == () and step.choice.quality == "weak"


def test_some_of_the_decisions_moves_lead_to_the_okay_branch() -> None:
    call = roleplays()[S1]
    node = call.node("s1_wary")
    assert decision_moves(node) == ("explain_change", "reaffirm")
    some = review_typed(node, "I still really admire your team and the work you do.")
    assert (some.quality, some.made, some.missed) == ("okay", ("reaffirm",), ("explain_change",))
    both = review_typed(
        node,
        "I turned it down because I was nervous about leaving a safe job. "
        "I still really admire your team and the work you do.",
    )
    assert both.quality == "strong" and set(both.made) == {"explain_change", "reaffirm"}


def test_a_move_the_step_does_not_call_for_follows_the_reply_that_makes_it() -> None:
    node = roleplays()[S1].start  # Scenario 1: nothing to repair
    sorry = review_typed(node, "I'm so sorry I let you down when I turned you down.")
    assert (sorry.choice_id, sorry.made) == ("s1_open_apology", ("own_misstep",))
    assert any("does not call for it" in line for line in sorry.feedback_lines)
    plain = review_typed(node, "Is the analyst job still available?")
    assert plain.choice_id == "s1_open_direct"  # not the apology's branch: no apology made
    assert route(node, ("easy_out",)).id == "s1_open_easy_out"


def test_typing_is_offered_only_where_there_is_a_move_to_listen_for() -> None:
    call = roleplays()[S1]
    assert can_type(call.start)
    fork = call.node("s1_fork")
    assert fork.fork and not can_type(fork)
    assert not can_type(call.node("s1_meeting_offer"))  # its strong reply makes no move
    with pytest.raises(CourseInputError, match="pick one of the replies"):
        RoleplaySession.replay(call, ["s1_open_direct"]).say("Sure.")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "is empty"),
        ("   \n\t ", "is empty"),
        ("\x00\x01\x7f", "is empty"),
        ("😀 🙏 ... !!!", "has no words"),
        ("x" * (MAX_TURN_CHARS + 1), "too long"),
        (None, "is empty"),
        (42, "must be text"),
        (["a list"], "must be text"),
    ],
)
def test_bad_input_is_a_course_input_error_and_changes_nothing(text: object, problem: str) -> None:
    play = session()
    with pytest.raises(CourseInputError, match=problem):
        play.say(text)
    assert play.path == () and play.typed_turns == ()


def test_odd_unicode_is_tidied_not_refused() -> None:
    text = "I\u2019m sorry I kept you waiting\u200b ten days. \u202eOdd\u202c cafe\u0301 \ud800"
    step = session().say(text)
    assert step.typed is not None
    assert "café" in step.typed.text and "\ud800" not in step.typed.text


def test_back_and_restart_drop_typed_turns() -> None:
    play = session()
    play.say(STRONG)
    assert len(play.typed_turns) == 1
    assert play.back() and play.typed_turns == ()
    play.say(STRONG)
    play.restart()
    assert play.typed_turns == () and play.path == ()


def test_a_typed_turn_counts_its_heard_moves_in_the_debrief() -> None:
    call = roleplays()[S2]
    play = RoleplaySession(call)
    play.say(STRONG)
    for choice_id in call.worked_path[1:]:
        play.choose(choice_id)
    debrief = play.debrief()
    assert "own_misstep" in debrief.moves_used
    assert debrief.typed and debrief.typed[0].text == STRONG
    assert any(f"“{STRONG}”" in line for line in debrief.lines)


def test_choice_order_is_stable_per_learner_and_varies_between_learners() -> None:
    node = roleplays()[S1].start
    seeds = [f"learner-{n}" for n in range(12)]
    orders = {tuple(c.id for c in choice_order(node, seed)) for seed in seeds}
    assert len(orders) > 1
    for seed in seeds:
        assert choice_order(node, seed) == choice_order(node, seed)
        assert sorted(c.id for c in choice_order(node, seed)) == sorted(c.id for c in node.choices)


# --- transcript, journal, widget ------------------------------------------------------------


def test_the_transcript_marks_and_escapes_typed_lines() -> None:
    play = session()
    play.say("<script>alert(1)</script> " + STRONG)
    turns = session_turns(play)
    assert [t.typed for t in turns] == [False, True, False]
    html = transcript_html(turns)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "You (in your own words)" in html
    # the review's limits go with the line, folded so the call stays readable
    assert '<details class="sc-limits"><summary>What this review cannot judge</summary>' in html
    assert f"“{STRONG}”".replace("'", "&#x27;") in html or STRONG in html.replace("&#x27;", "'")


def test_the_session_round_trips_typed_turns_through_json() -> None:
    play = session()
    play.say(STRONG)
    play.choose("s2_cost_listen")
    data = json.loads(json.dumps(play.to_dict()))
    assert data["typed"] == [
        {"step": 0, "node": "s2_pickup", "text": STRONG, "choice": "s2_open_own",
         "made": ["own_misstep"]}
    ]
    entry = RoleplayEntry.from_json(data)
    assert entry is not None and entry.typed == (
        TypedTurnEntry(0, STRONG, "s2_pickup", "s2_open_own", ("own_misstep",)),
    )
    again = RoleplaySession.from_dict(roleplays()[S2], entry.to_json())
    assert again.path == play.path
    assert [t.text for t in again.typed_turns] == [STRONG]
    assert again.history[0].typed is not None and again.history[1].typed is None


def test_journals_without_typed_turns_still_load_and_bad_records_are_skipped() -> None:
    old = {"roleplay_id": S2, "path": ["s2_open_own"], "ending": "", "moves_used": []}
    entry = RoleplayEntry.from_json(old)
    assert entry is not None and entry.typed == ()
    assert RoleplaySession.from_dict(roleplays()[S2], old).typed_turns == ()
    hostile = {
        **old,
        "typed": [
            "not a record",
            {"step": "0", "text": STRONG},
            {"step": 5, "text": STRONG},
            {"step": 0, "text": ""},
            {"step": 0, "text": STRONG, "node": "elsewhere"},
            {"step": 0, "text": STRONG, "choice": "s2_open_ask"},
            {"step": True, "text": STRONG},
        ],
    }
    assert RoleplaySession.from_dict(roleplays()[S2], hostile).typed_turns == ()
    good = {**old, "typed": [{"step": 0, "text": STRONG}]}
    assert len(RoleplaySession.from_dict(roleplays()[S2], good).typed_turns) == 1


def test_the_widget_says_it_your_way_saves_and_restores(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "journal.json")
    view = RoleplayView(roleplays()[S2], journal)
    assert "sc-can-type" in view.transcript.value
    assert "Say it your way" in view.own_button.description
    view.say_own(STRONG)
    assert view.turns[-2].typed and view.turns[-2].text == STRONG
    assert view.turns[-2].verdict is not None and view.turns[-2].verdict.heading == "Strong"
    assert f"“{STRONG}”".replace("'", "&#x27;") in view.transcript.value
    assert view.own_words.value == ""
    saved = journal.get(f"roleplay:{S2}")
    assert isinstance(saved, dict) and saved["typed"][0]["text"] == STRONG
    # a new view (a reload) shows the typed line again
    again = RoleplayView(roleplays()[S2], journal)
    assert again.turns[-2].typed and again.session.current.id == view.session.current.id


def test_the_widget_turns_bad_input_into_a_friendly_message(tmp_path: Path) -> None:
    view = RoleplayView(roleplays()[S2], Journal(tmp_path / "journal.json"))
    for text in ("", "x" * (MAX_TURN_CHARS + 5), "🙂"):
        view.say_own(text)
        assert "Please check what you typed" in view.last_step.value
        assert "Traceback" not in view.last_step.value
        assert view.session.path == ()


def test_the_widget_hides_the_box_where_only_a_pick_makes_sense(tmp_path: Path) -> None:
    view = RoleplayView(roleplays()[S1], Journal(tmp_path / "journal.json"))
    view.choose("s1_open_easy_out")  # to the fork: pick which reply to rehearse
    assert "sc-can-type" not in view.transcript.value and "sc-hint" not in view.transcript.value
    view.go_back()
    assert "sc-can-type" in view.transcript.value
    # the style sheet hides the box by that marker: no update of the box's own is needed
    assert ".sc-roleplay:not(:has(.sc-can-type)) .sc-say-own { display: none; }" in STYLE


def test_the_widget_orders_choices_per_learner(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ORDER_SEED_ENV, raising=False)
    call = roleplays()[S1]
    orders = set()
    for number in range(8):
        view = RoleplayView(call, Journal(tmp_path / f"j{number}" / "journal.json"))
        shown = tuple(value for _label, value in view.choices.options)
        assert sorted(shown) == sorted(c.id for c in call.start.choices)
        again = RoleplayView(call, Journal(tmp_path / f"j{number}" / "journal.json"))
        assert tuple(value for _label, value in again.choices.options) == shown
        orders.add(shown)
    assert len(orders) > 1


# --- plan and poll --------------------------------------------------------------------------


def _answers_with(text: str) -> dict[str, object]:
    play = session()
    play.say(text)
    return {"situation": {"scenario": 2}, f"roleplay:{S2}": play.to_dict()}


def test_the_plan_exports_what_i_said_in_practice_escaped() -> None:
    said = "I'm sorry I kept you waiting ten days. *Really* <b>sorry</b>."
    page = plan_markdown(read_entries(_answers_with(said)))
    heading = ui("views.plan.headings.said")
    assert f"## {heading}" in page
    section = page.split(f"## {heading}")[1]
    assert roleplays()[S2].title.split(":")[0] in section
    assert "\\*Really\\*" in section and "<b>" not in section
    assert "Moves heard: Own the misstep" in section
    assert "Priya Nair" in section  # the manager's line the turn answered
    assert heading not in plan_markdown(read_entries({"situation": {"scenario": 2}}))


def test_the_printable_plan_shows_typed_words_as_text() -> None:
    page = plan_html(_answers_with("I'm sorry I kept you waiting. <img src=x onerror=alert(1)>"))
    assert ui("views.plan.headings.said") in page
    assert "<img" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page


def test_typed_text_never_appears_in_a_poll_card() -> None:
    marker = "ZQX-typed-marker-7f3a9c"
    answers = _answers_with(f"I'm sorry I kept you waiting ten days. {marker}")
    call = roleplays()[S2]
    play = RoleplaySession.from_dict(call, answers[f"roleplay:{S2}"])
    for choice_id in call.worked_path[1:]:
        play.choose(choice_id)
    answers[f"roleplay:{S2}"] = play.to_dict()
    assert marker in json.dumps(answers)
    card = poll_card(answers, card_id="c1")
    assert card["roleplays"] == {S2: play.debrief().ending.id}
    assert marker not in json.dumps(card)
