"""Tests for coursekit.calls: the course's role-plays are valid, complete and well-behaved."""

from __future__ import annotations

import json

import pytest
from content_names import MOVES, ROLEPLAYS, SCENARIOS, WORKED_PATH
from hypothesis import given, settings
from hypothesis import strategies as st
from owntext import fingerprints, source_prints

from coursekit.errors import CourseInputError
from coursekit.roleplay import (
    REPAIR_MOVES,
    Roleplay,
    RoleplaySession,
    all_paths,
    route_to_ending,
    validate,
)

IDS = sorted(ROLEPLAYS)


def test_the_course_roleplays_exist_and_are_keyed_by_id() -> None:
    assert {"call_scenario1", "call_scenario2", "meeting"} <= set(ROLEPLAYS)
    for roleplay_id, roleplay in ROLEPLAYS.items():
        assert roleplay.id == roleplay_id
    assert ROLEPLAYS["call_scenario1"].scenario == 1
    assert ROLEPLAYS["call_scenario2"].scenario == 2


@pytest.mark.parametrize("roleplay_id", IDS)
def test_each_roleplay_is_valid_and_sized_for_a_lesson(roleplay_id: str) -> None:
    roleplay = ROLEPLAYS[roleplay_id]
    assert validate(roleplay) == []
    assert 8 <= len(roleplay.nodes) <= 15
    assert len(roleplay.endings) >= 3
    assert {e.outcome for e in roleplay.endings} >= {"good", "mixed", "poor"}
    graded = [c for n in roleplay.nodes if not n.fork for c in n.choices]
    assert {c.quality for c in graded} == {"strong", "okay", "weak"}
    assert roleplay.situation and roleplay.start.cue


@pytest.mark.parametrize("roleplay_id", IDS)
def test_every_path_ends_in_a_debrief(roleplay_id: str) -> None:
    roleplay = ROLEPLAYS[roleplay_id]
    paths = list(all_paths(roleplay))
    assert paths
    reached = set()
    for path in paths:
        session = RoleplaySession.replay(roleplay, path)
        assert session.is_over
        debrief = session.debrief()
        assert debrief.lines and debrief.ending.debrief
        assert set(debrief.moves_missed) <= set(SCENARIOS[roleplay.scenario].move_ids)
        assert set(debrief.moves_used) <= set(MOVES)
        saved = json.loads(json.dumps(session.to_dict()))
        assert RoleplaySession.from_dict(roleplay, saved).path == path
        reached.add(debrief.ending.id)
    assert reached == {e.id for e in roleplay.endings}, "every ending is reachable"


@pytest.mark.parametrize("roleplay_id", IDS)
def test_the_worked_path_reaches_a_good_ending_using_every_move(roleplay_id: str) -> None:
    roleplay = ROLEPLAYS[roleplay_id]
    session = RoleplaySession.replay(roleplay, WORKED_PATH[roleplay_id])
    debrief = session.debrief()
    assert debrief.ending.outcome == "good"
    assert debrief.moves_missed == () and debrief.moves_extra == ()
    assert debrief.weak == 0 and debrief.okay == 0
    if roleplay.scenario == 2:
        assert debrief.repair_first is True


def test_worked_paths_cover_every_roleplay() -> None:
    assert set(WORKED_PATH) == set(ROLEPLAYS)
    assert all(isinstance(path, tuple) for path in WORKED_PATH.values())


def test_scenario1_branches_on_the_managers_three_replies() -> None:
    roleplay = ROLEPLAYS["call_scenario1"]
    fork = roleplay.node("s1_fork")
    assert fork.fork
    assert [c.next_id for c in fork.choices] == ["s1_filled", "s1_wary", "s1_glad"]
    assert all(c.moves == () for c in fork.choices)
    # Every opener leads to the fork, so each reply can be rehearsed whatever the opener.
    assert {c.next_id for c in roleplay.start.choices} == {"s1_fork"}
    # Filled: a good path keeps the door open. Wary and glad: a good path reaches a meeting.
    expectations = {
        "s1_filled": "end_s1_door_open",
        "s1_wary": "end_s1_meeting",
        "s1_glad": "end_s1_meeting",
    }
    for branch, ending_node in expectations.items():
        route = route_to_ending(roleplay, branch, outcome="good")
        assert route is not None
        session = RoleplaySession.replay(
            roleplay, ["s1_open_easy_out", f"s1_hear_{branch.removeprefix('s1_')}", *route]
        )
        assert session.current.id == ending_node


def test_scenario1_good_meeting_endings_come_through_a_meeting_offer() -> None:
    roleplay = ROLEPLAYS["call_scenario1"]
    for path in all_paths(roleplay):
        session = RoleplaySession.replay(roleplay, path)
        if session.current.id == "end_s1_meeting":
            assert "s1_meeting_confirm" in path


def test_scenario2_never_rewards_skipping_the_repair() -> None:
    roleplay = ROLEPLAYS["call_scenario2"]
    for path in all_paths(roleplay):
        debrief = RoleplaySession.replay(roleplay, path).debrief()
        if debrief.ending.outcome == "good":
            assert debrief.repair_first is True, path
            assert "own_misstep" in debrief.moves_used
            assert set(REPAIR_MOVES) & set(debrief.moves_used)


def test_choice_ids_carry_their_roleplay_prefix() -> None:
    prefixes = {"call_scenario1": "s1_", "call_scenario2": "s2_", "meeting": "m_"}
    for roleplay in ROLEPLAYS.values():
        prefix = prefixes[roleplay.id]
        for node in roleplay.nodes:
            assert node.id.startswith((prefix, "end_" + prefix))
            for choice in node.choices:
                assert choice.id.startswith(prefix)


def test_the_meeting_is_labelled_as_this_courses_own_and_answers_the_askers_questions() -> None:
    meeting = ROLEPLAYS["meeting"]
    assert "this course's own" in meeting.situation
    lines = " ".join(node.speaker_line for node in meeting.nodes)
    assert "what's actually different" in lines  # "what changed?"
    assert "won't change your mind again" in lines  # joe Maressa's credibility point
    feedback = " ".join(c.feedback for n in meeting.nodes for c in n.choices)
    assert "joe Maressa" in feedback and "Steve W" in feedback
    debrief = RoleplaySession.replay(meeting, meeting.worked_path).debrief()
    assert debrief.ending.outcome == "good"


def test_the_fork_says_the_column_names_four_reactions_not_three_replies() -> None:
    cue = ROLEPLAYS["call_scenario1"].node("s1_fork").cue
    assert "four" in cue and "expects one of three" not in cue
    assert "this course rehearses three replies" in cue


def _texts(roleplay: Roleplay) -> list[str]:
    found = [roleplay.title, roleplay.situation]
    for node in roleplay.nodes:
        found += [node.speaker_line, node.cue]
        if node.ending is not None:
            found += [node.ending.title, node.ending.debrief]
        for choice in node.choices:
            found += [choice.text, choice.feedback, choice.consequence]
    return found


def test_roleplay_text_is_in_our_own_words() -> None:
    """No run of eight words is lifted from the column or its comments."""
    assert len(source_prints()) > 1000
    for roleplay in ROLEPLAYS.values():
        for text in _texts(roleplay):
            assert not fingerprints(text) & source_prints(), text


# Properties ------------------------------------------------------------------------------

_BACK = "<back>"
_actions = st.lists(
    st.one_of(
        st.integers(min_value=0, max_value=4),  # pick the n-th choice (may not exist)
        st.just(_BACK),
        st.text(max_size=8),  # a made-up choice id
        st.none(),
    ),
    max_size=25,
)


@settings(max_examples=200, deadline=None)
@given(roleplay_id=st.sampled_from(IDS), actions=_actions)
def test_random_play_only_raises_course_input_error_and_can_always_finish(
    roleplay_id: str, actions: list[object]
) -> None:
    roleplay = ROLEPLAYS[roleplay_id]
    session = RoleplaySession(roleplay)
    for action in actions:
        try:
            if action == _BACK:
                session.back()
            elif isinstance(action, int):
                choices = session.current.choices
                session.choose(choices[action].id if action < len(choices) else f"#{action}")
            else:
                session.choose(action)
        except CourseInputError:
            pass
        # Wherever the learner is, an ending is still within reach.
        route = route_to_ending(roleplay, session.current.id)
        assert route is not None
        assert len(session.history) == len(session.path)
    # Finishing from here always works and always gives a debrief.
    for choice_id in route_to_ending(roleplay, session.current.id) or ():
        session.choose(choice_id)
    assert session.is_over
    assert session.debrief().ending.id in {e.id for e in roleplay.endings}
    again = RoleplaySession.from_dict(roleplay, json.loads(json.dumps(session.to_dict())))
    assert again.path == session.path
