"""Authoring checks for a role-play: every problem, with the key path where it sits.

The loader runs these on every role-play file; :func:`validate` gives the same messages for a
role-play built in Python.
"""

from __future__ import annotations

from ..fields import duplicates, listed
from ..interface import ui
from ..knowledge import Knowledge, knowledge
from .model import OUTCOMES, QUALITIES, Node, Roleplay, spread


def _can_end(roleplay: Roleplay) -> set[str]:
    """Return the ids of nodes from which some path reaches an ending."""
    incoming: dict[str, list[str]] = {}
    for node in roleplay.nodes:
        for choice in node.choices:
            incoming.setdefault(choice.next_id, []).append(node.id)
    return set(spread((node.id for node in roleplay.nodes if node.is_ending), incoming))


def _text_ok(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _failed(*checks: tuple[object, str, str]) -> list[tuple[str, str]]:
    """Return the (key path, message) of each check whose first item says it failed."""
    return [(key, message) for failed, key, message in checks if failed]


def _node_problems(roleplay: Roleplay, node: Node, key: str, facts: Knowledge
                   ) -> list[tuple[str, str]]:
    """Return the problems of one node and its choices."""
    where, end = ui("loader.rp.node", id=repr(node.id)), node.ending
    problems = _failed(
        (not _text_ok(node.id), f"{key}.id", ui("loader.rp.empty_node_id")),
        (not _text_ok(node.speaker_line), f"{key}.line", ui("loader.rp.no_line", where=where)))
    if end is not None:
        problems += _failed(
            (node.choices, f"{key}.choices", ui("loader.rp.ending_choices", where=where)),
            (node.fork, f"{key}.fork", ui("loader.rp.ending_fork", where=where)),
            (not _text_ok(end.id) or not _text_ok(end.title), f"{key}.ending",
             ui("loader.rp.ending_title", where=where)),
            (not _text_ok(end.debrief), f"{key}.ending.debrief",
             ui("loader.rp.no_debrief", where=where)),
            (end.outcome not in OUTCOMES, f"{key}.ending.outcome",
             ui("loader.rp.outcome", where=where, value=repr(end.outcome),
                allowed=listed(OUTCOMES))))
    elif not node.choices:
        problems.append((key, ui("loader.rp.dead_end", where=where)))
    for index, choice in enumerate(node.choices):
        ckey, at = f"{key}.choices[{index}]", ui("loader.rp.choice", id=repr(choice.id),
                                                 where=where)
        problems += _failed(
            (not _text_ok(choice.id), f"{ckey}.id", ui("loader.rp.empty_choice_id", where=where)),
            *((not _text_ok(getattr(choice, name)), f"{ckey}.{name}",
               ui("loader.rp.no_text", at=at, name=name))
              for name in ("text", "feedback", "consequence")),
            (not roleplay.has_node(choice.next_id), f"{ckey}.next",
             ui("loader.rp.next", at=at, id=repr(choice.next_id))),
            (choice.quality not in QUALITIES, f"{ckey}.quality",
             ui("loader.rp.quality", at=at, value=repr(choice.quality),
                allowed=listed(QUALITIES))),
            *((move_id not in facts.moves, f"{ckey}.moves",
               ui("loader.rp.move", at=at, id=repr(move_id))) for move_id in choice.moves),
            (node.fork and choice.moves, f"{ckey}.moves", ui("loader.rp.fork_moves", at=at)))
    return problems


def roleplay_problems(roleplay: Roleplay, facts: Knowledge | None = None) -> list[tuple[str, str]]:
    """Return every authoring problem in a role-play as (key path, message) pairs."""
    facts = facts or knowledge()
    problems = _failed(
        (not _text_ok(roleplay.id), "id", ui("loader.rp.no_id")),
        (not _text_ok(roleplay.title), "title", ui("loader.rp.no_title", id=repr(roleplay.id))),
        (roleplay.scenario not in facts.scenarios, "scenario",
         ui("loader.rp.scenario", value=repr(roleplay.scenario))),
        (not roleplay.nodes, "nodes", ui("loader.rp.no_nodes")))
    if not roleplay.nodes:
        return problems
    endings = roleplay.endings
    for what, ids in (("node", [node.id for node in roleplay.nodes]),
                      ("choice", [c.id for node in roleplay.nodes for c in node.choices]),
                      ("ending", [ending.id for ending in endings])):
        problems += [("nodes", ui("loader.rp.twice", what=what, id=repr(item_id)))
                     for item_id in duplicates(ids)]
    problems += _failed(
        (not roleplay.has_node(roleplay.start_id), "start",
         ui("loader.rp.no_start", id=repr(roleplay.start_id))),
        (not endings, "nodes", ui("loader.rp.no_ending")))
    for number, node in enumerate(roleplay.nodes):
        problems += _node_problems(roleplay, node, f"nodes[{number}]", facts)
    reachable, can_end = set(roleplay.reading_order), _can_end(roleplay)
    for number, node in enumerate(roleplay.nodes):
        if reachable and node.id not in reachable:
            problems.append((f"nodes[{number}]", ui("loader.rp.unreachable", id=repr(node.id))))
    for number, node in enumerate(roleplay.nodes):
        if node.id in reachable and node.id not in can_end:
            problems.append((f"nodes[{number}]", ui("loader.rp.trapped", id=repr(node.id))))
    return problems


def validate(roleplay: Roleplay) -> list[str]:
    """Return every authoring problem in a role-play as a message; empty means it is valid."""
    return [message for _, message in roleplay_problems(roleplay)]
