"""Authoring checks for a role-play: every problem, with the key path where it sits.

The loader runs these on every role-play file; :func:`validate` gives the same messages for a
role-play built in Python.
"""

from __future__ import annotations

from ..errors import CourseInputError
from ..fields import duplicates
from ..interface import ui
from ..knowledge import Knowledge, knowledge
from .model import OUTCOMES, QUALITIES, Roleplay, spread


def _can_end(roleplay: Roleplay) -> set[str]:
    """Return the ids of nodes from which some path reaches an ending."""
    incoming: dict[str, list[str]] = {}
    for node in roleplay.nodes:
        for choice in node.choices:
            incoming.setdefault(choice.next_id, []).append(node.id)
    return set(spread((node.id for node in roleplay.nodes if node.is_ending), incoming))


def _text_ok(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def roleplay_problems(roleplay: Roleplay, facts: Knowledge | None = None) -> list[tuple[str, str]]:
    """Return every authoring problem in a role-play as (key path, message) pairs.

    Checks: ids are unique (nodes, choices, endings); the start exists; every ``next`` node
    exists; every node is reachable from the start; every node that is not an ending has
    choices and every ending has a title and debrief; every node can still reach an ending, so
    no loop or dead end can trap a learner; every move id is known; qualities and outcomes are
    allowed values; fork choices carry no moves; the scenario is 1 or 2; text is not empty.
    """
    facts = facts or knowledge()
    problems: list[tuple[str, str]] = []
    add = problems.append
    if not _text_ok(roleplay.id):
        add(("id", ui("loader.rp.no_id")))
    if not _text_ok(roleplay.title):
        add(("title", ui("loader.rp.no_title", id=repr(roleplay.id))))
    if roleplay.scenario not in facts.scenarios:
        add(("scenario", ui("loader.rp.scenario", value=repr(roleplay.scenario))))
    if not roleplay.nodes:
        add(("nodes", ui("loader.rp.no_nodes")))
        return problems
    endings = roleplay.endings
    for what, ids in (("node", [node.id for node in roleplay.nodes]),
                      ("choice", [c.id for node in roleplay.nodes for c in node.choices]),
                      ("ending", [ending.id for ending in endings])):
        for item_id in duplicates(ids):
            add(("nodes", ui("loader.rp.twice", what=what, id=repr(item_id))))
    if not roleplay.has_node(roleplay.start_id):
        add(("start", ui("loader.rp.no_start", id=repr(roleplay.start_id))))
    if not endings:
        add(("nodes", ui("loader.rp.no_ending")))
    for number, node in enumerate(roleplay.nodes):
        key, where = f"nodes[{number}]", ui("loader.rp.node", id=repr(node.id))
        if not _text_ok(node.id):
            add((f"{key}.id", ui("loader.rp.empty_node_id")))
        if not _text_ok(node.speaker_line):
            add((f"{key}.line", ui("loader.rp.no_line", where=where)))
        if node.ending is not None:
            end = node.ending
            if node.choices:
                add((f"{key}.choices", ui("loader.rp.ending_choices", where=where)))
            if node.fork:
                add((f"{key}.fork", ui("loader.rp.ending_fork", where=where)))
            if not _text_ok(end.id) or not _text_ok(end.title):
                add((f"{key}.ending", ui("loader.rp.ending_title", where=where)))
            if not _text_ok(end.debrief):
                add((f"{key}.ending.debrief", ui("loader.rp.no_debrief", where=where)))
            if end.outcome not in OUTCOMES:
                add((f"{key}.ending.outcome",
                     ui("loader.rp.outcome", where=where, value=repr(end.outcome))))
        elif not node.choices:
            add((key, ui("loader.rp.dead_end", where=where)))
        for index, choice in enumerate(node.choices):
            ckey, at = f"{key}.choices[{index}]", ui("loader.rp.choice", id=repr(choice.id),
                                                     where=where)
            if not _text_ok(choice.id):
                add((f"{ckey}.id", ui("loader.rp.empty_choice_id", where=where)))
            for name in ("text", "feedback", "consequence"):
                if not _text_ok(getattr(choice, name)):
                    add((f"{ckey}.{name}", ui("loader.rp.no_text", at=at, name=name)))
            if not roleplay.has_node(choice.next_id):
                add((f"{ckey}.next", ui("loader.rp.next", at=at, id=repr(choice.next_id))))
            if choice.quality not in QUALITIES:
                add((f"{ckey}.quality", ui("loader.rp.quality", at=at, value=repr(choice.quality))))
            for move_id in choice.moves:
                if move_id not in facts.moves:
                    add((f"{ckey}.moves", ui("loader.rp.move", at=at, id=repr(move_id))))
            if node.fork and choice.moves:
                add((f"{ckey}.moves", ui("loader.rp.fork_moves", at=at)))
    reachable, can_end = set(roleplay.reading_order), _can_end(roleplay)
    for number, node in enumerate(roleplay.nodes):
        if reachable and node.id not in reachable:
            add((f"nodes[{number}]", ui("loader.rp.unreachable", id=repr(node.id))))
    for number, node in enumerate(roleplay.nodes):
        if node.id in reachable and node.id not in can_end:
            add((f"nodes[{number}]", ui("loader.rp.trapped", id=repr(node.id))))
    return problems


def validate(roleplay: Roleplay) -> list[str]:
    """Return every authoring problem in a role-play as a message; empty means it is valid."""
    return [message for _, message in roleplay_problems(roleplay)]


def assert_valid(roleplay: Roleplay) -> None:
    """Raise CourseInputError listing every problem if the role-play is not valid."""
    problems = validate(roleplay)
    if problems:
        raise CourseInputError(f"roleplay {roleplay.id!r}", "; ".join(problems))
