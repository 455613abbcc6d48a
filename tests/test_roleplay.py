"""Tests for coursekit.roleplay: sessions, undo, debriefs, saving, and validation."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest

from coursekit.errors import CourseInputError
from coursekit.roleplay import (
    Choice,
    Ending,
    Node,
    Roleplay,
    RoleplaySession,
    all_paths,
    roleplay_problems,
    route_to_ending,
    validate,
)

# A small Scenario 1 call: start -> fork -> (glad | filled) -> endings ------------------------


def scenario1() -> Roleplay:
    return Roleplay(
        id="mini1",
        title="Mini call",
        start_id="start",
        scenario=1,
        nodes=(
            Node(
                "start",
                "Hello?",
                choices=(
                    Choice(
                        "open_easy",
                        "You may have filled it; if not, I've changed my mind.",
                        "Strong opener.",
                        "The manager relaxes.",
                        "fork",
                        moves=("easy_out",),
                        quality="strong",
                    ),
                    Choice(
                        "open_sorry",
                        "I'm so sorry for saying no.",
                        "Nothing to repair here.",
                        "The manager is puzzled.",
                        "fork",
                        moves=("own_misstep",),
                        quality="weak",
                    ),
                ),
            ),
            Node(
                "fork",
                "Let me tell you where things stand.",
                fork=True,
                choices=(
                    Choice("hear_glad", "Rehearse: glad", "Practise.", "Glad.", "glad"),
                    Choice("hear_filled", "Rehearse: filled", "Practise.", "Filled.", "filled"),
                ),
            ),
            Node(
                "glad",
                "It's open and I'm glad.",
                choices=(
                    Choice(
                        "meet",
                        "What drew me still does; I was afraid to leave. Can we meet?",
                        "Strong.",
                        "Delighted.",
                        "end_meet",
                        moves=("reaffirm", "explain_change"),
                        quality="strong",
                    ),
                    Choice("rush", "When can I sign?", "Rushed.", "Wary.", "end_wait",
                           quality="okay"),
                ),
            ),
            Node(
                "filled",
                "It's filled, sorry.",
                choices=(
                    Choice(
                        "keep_me",
                        "I understand; please keep me in mind.",
                        "Strong.",
                        "Warm.",
                        "end_door",
                        moves=("easy_out",),
                        quality="strong",
                    ),
                ),
            ),
            Node("end_meet", "See you Tuesday.",
                 ending=Ending("met", "Meeting", "You got the meeting.", "good")),
            Node("end_wait", "I'll think about it.",
                 ending=Ending("wait", "Waiting", "No reason given.", "mixed")),
            Node("end_door", "I'll keep you in mind.",
                 ending=Ending("door", "Door open", "Graceful.", "good")),
        ),
    )


def scenario2() -> Roleplay:
    def node(node_id: str, *choices: Choice) -> Node:
        return Node(node_id, f"Manager line at {node_id}.", choices=choices)

    def choice(cid: str, nxt: str, *moves: str) -> Choice:
        return Choice(cid, f"Say {cid}.", f"Feedback {cid}.", f"Consequence {cid}.", nxt,
                      moves=moves, quality="strong" if moves else "weak")

    return Roleplay(
        id="mini2",
        title="Mini repair",
        start_id="a",
        scenario=2,
        nodes=(
            node("a", choice("own", "b", "own_misstep"), choice("ask", "c")),
            node("b", choice("explain", "end", "explain_change")),
            node("c", choice("late_own", "b", "own_misstep"), choice("reason_first", "d",
                                                                   "explain_change")),
            node("d", choice("then_own", "end", "own_misstep")),
            Node("end", "Thanks.", ending=Ending("end", "Heard", "Done.", "good")),
        ),
    )


# Sessions --------------------------------------------------------------------------------


def test_a_session_walks_to_an_ending() -> None:
    session = RoleplaySession(scenario1())
    assert session.current.id == "start" and session.path == () and not session.is_over
    step = session.choose("open_easy")
    assert (step.choice.feedback, step.choice.consequence, step.choice.quality) == (
        "Strong opener.",
        "The manager relaxes.",
        "strong",
    )
    assert (step.symbol, step.label, step.node.is_ending) == ("✓", "Strong", False)
    assert step.node.id == "fork" and session.current.id == "fork"
    fork_step = session.choose("hear_glad")
    assert fork_step.label == "Rehearsal" and fork_step.symbol == "•"
    last = session.choose("meet")
    assert last.node.is_ending and session.is_over
    assert session.path == ("open_easy", "hear_glad", "meet")
    assert [step.node.id for step in session.history] == ["fork", "glad", "end_meet"]
    assert [step.label for step in session.history] == ["Strong", "Rehearsal", "Strong"]
    assert session.moves_used == ("easy_out", "reaffirm", "explain_change")


def test_unknown_or_malformed_choices_raise_course_input_error() -> None:
    session = RoleplaySession(scenario1())
    for bad in ("nope", "", None, 3, ["open_easy"], "meet"):
        with pytest.raises(CourseInputError) as info:
            session.choose(bad)
        assert info.value.field == "choice_id"
    assert session.path == ()


def test_choosing_after_the_end_raises() -> None:
    session = RoleplaySession.replay(scenario1(), ["open_easy", "hear_glad", "meet"])
    with pytest.raises(CourseInputError, match="over"):
        session.choose("meet")


def test_back_undoes_one_step_and_is_a_no_op_at_the_start() -> None:
    session = RoleplaySession(scenario1())
    assert session.back() is False
    assert session.current.id == "start"
    session.choose("open_easy")
    session.choose("hear_filled")
    assert session.back() is True
    assert session.current.id == "fork" and session.path == ("open_easy",)
    session.choose("hear_glad")
    session.choose("meet")
    assert session.is_over
    assert session.back() is True and not session.is_over and session.current.id == "glad"
    assert session.back() and session.back()
    assert session.back() is False and session.path == ()


def test_restart_goes_back_to_the_start() -> None:
    session = RoleplaySession.replay(scenario1(), ["open_easy", "hear_glad"])
    session.restart()
    assert session.current.id == "start" and session.path == ()


def test_debrief_maps_the_path_to_the_scenario_moves() -> None:
    session = RoleplaySession.replay(scenario1(), ["open_easy", "hear_glad", "meet"])
    debrief = session.debrief()
    assert debrief.ending.id == "met"
    assert debrief.moves_used == ("easy_out", "reaffirm", "explain_change")
    assert debrief.moves_missed == ()
    assert debrief.moves_extra == ()
    assert debrief.repair_first is None
    assert (debrief.strong, debrief.okay, debrief.weak) == (2, 0, 0)  # the fork is not graded
    assert "You used every move Scenario 1 calls for." in debrief.lines
    assert debrief.lines[0].startswith("Meeting. You got the meeting.")


def test_debrief_names_missed_and_unneeded_moves() -> None:
    session = RoleplaySession.replay(scenario1(), ["open_sorry", "hear_glad", "rush"])
    debrief = session.debrief()
    assert debrief.moves_missed == ("reaffirm", "explain_change", "easy_out")
    assert debrief.moves_extra == ("own_misstep",)
    assert (debrief.strong, debrief.okay, debrief.weak) == (0, 1, 1)
    assert any(line.startswith("Missed: Reaffirm") for line in debrief.lines)
    assert any("nothing to repair" in line for line in debrief.lines)


def test_debrief_checks_that_scenario2_repairs_first() -> None:
    first = RoleplaySession.replay(scenario2(), ["own", "explain"]).debrief()
    assert first.repair_first is True
    late_but_first = RoleplaySession.replay(scenario2(), ["ask", "late_own", "explain"]).debrief()
    assert late_but_first.repair_first is True
    reasons_first = RoleplaySession.replay(scenario2(), ["ask", "reason_first", "then_own"])
    debrief = reasons_first.debrief()
    assert debrief.repair_first is False
    assert any("repair has to come first" in line for line in debrief.lines)


def test_debrief_before_the_end_raises() -> None:
    with pytest.raises(CourseInputError):
        RoleplaySession(scenario1()).debrief()


# Saving and replaying --------------------------------------------------------------------


def test_saved_dict_round_trips_through_json() -> None:
    roleplay = scenario1()
    session = RoleplaySession.replay(roleplay, ["open_easy", "hear_filled", "keep_me"])
    data = json.loads(json.dumps(session.to_dict()))
    assert data["ending"] == "Door open" and data["ending_id"] == "door"
    assert data["path"] == ["open_easy", "hear_filled", "keep_me"]
    again = RoleplaySession.from_dict(roleplay, data)
    assert again.path == session.path and again.current.id == session.current.id
    assert again.to_dict() == session.to_dict()
    assert again.debrief() == session.debrief()


def test_an_unfinished_session_saves_and_reloads() -> None:
    roleplay = scenario1()
    session = RoleplaySession.replay(roleplay, ["open_easy"])
    data = session.to_dict()
    assert data["ending"] == ""
    again = RoleplaySession.from_dict(roleplay, data)
    assert again.current.id == "fork" and not again.is_over


def test_from_dict_accepts_the_minimal_journal_shape() -> None:
    roleplay = scenario1()
    session = RoleplaySession.from_dict(
        roleplay, {"ending": "met", "path": ["open_easy", "hear_glad", "meet"]}
    )
    assert session.debrief().ending.title == "Meeting"


@pytest.mark.parametrize(
    "data",
    [
        "not a mapping",
        {"roleplay_id": "other", "path": []},
        {"path": "open_easy"},
        {"path": ["open_easy", "nope"]},
        {"path": [1]},
        {"path": ["open_easy", "hear_glad", "meet"], "ending": "door"},
        {"path": ["open_easy"], "ending": "met"},
        {"path": ["open_easy", "hear_glad", "meet"], "ending": 5},
    ],
)
def test_from_dict_rejects_bad_data(data: Any) -> None:
    with pytest.raises(CourseInputError):
        RoleplaySession.from_dict(scenario1(), data)


def test_replay_names_the_failing_step() -> None:
    with pytest.raises(CourseInputError) as info:
        RoleplaySession.replay(scenario1(), ["open_easy", "hear_glad", "nope"])
    assert info.value.field == "path[3]"
    with pytest.raises(CourseInputError):
        RoleplaySession.replay(scenario1(), "open_easy")


# Validation ------------------------------------------------------------------------------


def test_a_good_roleplay_validates() -> None:
    assert validate(scenario1()) == []
    assert validate(scenario2()) == []


def _with_nodes(roleplay: Roleplay, *nodes: Node) -> Roleplay:
    return replace(roleplay, nodes=nodes)


def _problems_for(roleplay: Roleplay) -> str:
    problems = validate(roleplay)
    assert problems, "expected the broken role-play to be caught"
    keyed = roleplay_problems(roleplay)
    assert [message for _, message in keyed] == problems
    assert all(key for key, _ in keyed), "every problem names the key where it sits"
    return " | ".join(problems)


def test_validate_catches_an_unreachable_node() -> None:
    base = scenario1()
    orphan = Node("orphan", "Nobody gets here.", ending=Ending("o", "Orphan", "Unreached.", "poor"))
    assert "'orphan' cannot be reached" in _problems_for(_with_nodes(base, *base.nodes, orphan))


def test_validate_catches_a_dangling_next_id() -> None:
    base = scenario1()
    glad = base.node("glad")
    broken = replace(glad, choices=(replace(glad.choices[0], next_id="nowhere"), glad.choices[1]))
    nodes = tuple(broken if n.id == "glad" else n for n in base.nodes)
    assert "missing node 'nowhere'" in _problems_for(_with_nodes(base, *nodes))


def test_validate_catches_a_trap_cycle() -> None:
    base = scenario1()
    loop_a = Node("loop_a", "Round we go.", choices=(Choice("to_b", "t", "f", "c", "loop_b"),))
    loop_b = Node("loop_b", "And again.", choices=(Choice("to_a", "t", "f", "c", "loop_a"),))
    filled = base.node("filled")
    trap_door = replace(filled.choices[0], id="into_loop", next_id="loop_a")
    nodes = tuple(
        replace(n, choices=(*n.choices, trap_door)) if n.id == "filled" else n for n in base.nodes
    )
    text = _problems_for(_with_nodes(base, *nodes, loop_a, loop_b))
    assert "'loop_a' cannot reach an ending" in text and "'loop_b' cannot reach an ending" in text


def test_an_escapable_cycle_is_allowed() -> None:
    base = scenario1()
    glad = base.node("glad")
    ask_again = Choice("ask_again", "Sorry, could you repeat that?", "f", "c", "glad")
    nodes = tuple(
        replace(n, choices=(*n.choices, ask_again)) if n.id == "glad" else n for n in base.nodes
    )
    looping = _with_nodes(base, *nodes)
    assert validate(looping) == []
    paths = list(all_paths(looping))
    assert paths and not any("ask_again" in path for path in paths)  # simple paths only
    session = RoleplaySession.replay(looping, ["open_easy", "hear_glad", "ask_again", "ask_again"])
    assert session.current.id == glad.id
    assert route_to_ending(looping, session.current.id) == ("meet",)


def test_validate_catches_an_unknown_move_id() -> None:
    base = scenario1()
    start = base.node("start")
    bad = replace(start.choices[0], moves=("flatter_them",))
    nodes = tuple(
        replace(n, choices=(bad, start.choices[1])) if n.id == "start" else n for n in base.nodes
    )
    assert "unknown move 'flatter_them'" in _problems_for(_with_nodes(base, *nodes))


def test_validate_catches_duplicate_ids() -> None:
    base = scenario1()
    twin = replace(base.node("end_wait"))
    text = _problems_for(_with_nodes(base, *base.nodes, twin))
    assert "node id 'end_wait' is used more than once" in text
    assert "ending id 'wait' is used more than once" in text
    start = base.node("start")
    dup_choice = replace(start.choices[1], id="open_easy")
    nodes = tuple(
        replace(n, choices=(start.choices[0], dup_choice)) if n.id == "start" else n
        for n in base.nodes
    )
    text = _problems_for(_with_nodes(base, *nodes))
    assert "choice id 'open_easy' is used more than once" in text


def test_validate_catches_dead_ends_and_malformed_endings() -> None:
    base = scenario1()
    nodes = []
    for n in base.nodes:
        if n.id == "filled":
            n = replace(n, choices=())  # a dead end
        if n.id == "end_wait":
            assert n.ending is not None
            extra = base.node("filled").choices
            n = replace(n, ending=replace(n.ending, debrief=""), choices=extra)
        if n.id == "end_door":
            assert n.ending is not None
            n = replace(n, ending=replace(n.ending, outcome="great"))  # type: ignore[arg-type]
        nodes.append(n)
    text = _problems_for(_with_nodes(base, *nodes))
    assert "'filled' has no choices and is not an ending" in text
    assert "'end_wait' is an ending but also has choices" in text
    assert "has no debrief" in text
    assert "unknown outcome 'great'" in text


def test_validate_catches_bad_start_scenario_quality_and_fork_moves() -> None:
    base = scenario1()
    assert "start node 'nope' does not exist" in _problems_for(replace(base, start_id="nope"))
    assert "scenario 3" in _problems_for(replace(base, scenario=3))
    start = base.node("start")
    odd = replace(start.choices[1], quality="brilliant")  # type: ignore[arg-type]
    fork = base.node("fork")
    moved = replace(fork.choices[0], moves=("reaffirm",))
    nodes = tuple(
        replace(n, choices=(start.choices[0], odd))
        if n.id == "start"
        else replace(n, choices=(moved, fork.choices[1]))
        if n.id == "fork"
        else n
        for n in base.nodes
    )
    text = _problems_for(_with_nodes(base, *nodes))
    assert "unknown quality 'brilliant'" in text
    assert "rehearsal fork and should carry no moves" in text


def test_validate_catches_empty_roleplays_and_missing_text() -> None:
    assert validate(Roleplay("x", "X", "a", ())) == ["the role-play has no nodes"]
    base = scenario1()
    start = base.node("start")
    silent = replace(start, speaker_line=" ", choices=(replace(start.choices[0], feedback=""),))
    nodes = tuple(silent if n.id == "start" else n for n in base.nodes)
    text = _problems_for(_with_nodes(base, *nodes))
    assert "'start' has no manager line" in text and "has no feedback" in text


# Helpers ---------------------------------------------------------------------------------


def test_all_paths_lists_every_route_to_an_ending() -> None:
    paths = set(all_paths(scenario1()))
    assert ("open_easy", "hear_glad", "meet") in paths
    assert len(paths) == 2 * (2 + 1)


def test_route_to_ending_finds_the_shortest_route() -> None:
    roleplay = scenario1()
    assert route_to_ending(roleplay, "glad") == ("meet",)
    assert route_to_ending(roleplay, "glad", outcome="mixed") == ("rush",)
    assert route_to_ending(roleplay, "filled", outcome="mixed") is None
    assert route_to_ending(roleplay, "end_meet") == ()
    with pytest.raises(CourseInputError):
        route_to_ending(roleplay, "nowhere")


def test_node_and_choice_lookups_raise_course_input_error() -> None:
    roleplay = scenario1()
    with pytest.raises(CourseInputError):
        roleplay.node("nowhere")
    with pytest.raises(CourseInputError):
        roleplay.start.choice("nope")
    assert roleplay.expected_moves == ("reaffirm", "explain_change", "easy_out")
    assert [e.id for e in roleplay.endings] == ["met", "wait", "door"]
    hash(roleplay)
