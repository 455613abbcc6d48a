"""Authoring checks for a role-play: every problem, with the key path where it sits.

The loader runs these on every role-play file; :func:`validate` gives the same messages for a
role-play built in Python.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

from ..errors import CourseInputError
from ..knowledge import Knowledge, knowledge
from .model import OUTCOMES, QUALITIES, Roleplay

__all__ = ["assert_valid", "roleplay_problems", "validate"]


def _duplicates(ids: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    doubled: list[str] = []
    for item_id in ids:
        if item_id in seen and item_id not in doubled:
            doubled.append(item_id)
        seen.add(item_id)
    return doubled


def _reachable(roleplay: Roleplay) -> set[str]:
    if not roleplay.has_node(roleplay.start_id):
        return set()
    seen = {roleplay.start_id}
    queue = deque([roleplay.start_id])
    while queue:
        for choice in roleplay.node(queue.popleft()).choices:
            if roleplay.has_node(choice.next_id) and choice.next_id not in seen:
                seen.add(choice.next_id)
                queue.append(choice.next_id)
    return seen


def _can_end(roleplay: Roleplay) -> set[str]:
    """Return the ids of nodes from which some path reaches an ending."""
    incoming: dict[str, set[str]] = {}
    for node in roleplay.nodes:
        for choice in node.choices:
            incoming.setdefault(choice.next_id, set()).add(node.id)
    done = {node.id for node in roleplay.nodes if node.is_ending}
    queue = deque(done)
    while queue:
        for source in incoming.get(queue.popleft(), ()):
            if source not in done:
                done.add(source)
                queue.append(source)
    return done


def _text_ok(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def roleplay_problems(
    roleplay: Roleplay, facts: Knowledge | None = None
) -> list[tuple[str, str]]:
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
        add(("id", "the role-play has no id"))
    if not _text_ok(roleplay.title):
        add(("title", f"role-play {roleplay.id!r} has no title"))
    if roleplay.scenario not in facts.scenarios:
        add(("scenario", f"scenario {roleplay.scenario!r} is not 1 or 2"))
    if not roleplay.nodes:
        add(("nodes", "the role-play has no nodes"))
        return problems
    for node_id in _duplicates(node.id for node in roleplay.nodes):
        add(("nodes", f"node id {node_id!r} is used more than once"))
    all_choices = [choice for node in roleplay.nodes for choice in node.choices]
    for choice_id in _duplicates(choice.id for choice in all_choices):
        add(("nodes", f"choice id {choice_id!r} is used more than once"))
    endings = roleplay.endings
    for ending_id in _duplicates(ending.id for ending in endings):
        add(("nodes", f"ending id {ending_id!r} is used more than once"))
    if not roleplay.has_node(roleplay.start_id):
        add(("start", f"start node {roleplay.start_id!r} does not exist"))
    if not endings:
        add(("nodes", "the role-play has no ending"))
    moves = facts.moves
    for number, node in enumerate(roleplay.nodes):
        key, where = f"nodes[{number}]", f"node {node.id!r}"
        if not _text_ok(node.id):
            add((f"{key}.id", "a node has an empty id"))
        if not _text_ok(node.speaker_line):
            add((f"{key}.line", f"{where} has no manager line"))
        if node.ending is not None:
            if node.choices:
                add((f"{key}.choices", f"{where} is an ending but also has choices"))
            if node.fork:
                add((f"{key}.fork", f"{where} is an ending and cannot be a fork"))
            if not _text_ok(node.ending.id) or not _text_ok(node.ending.title):
                add((f"{key}.ending", f"the ending at {where} needs an id and a title"))
            if not _text_ok(node.ending.debrief):
                add((f"{key}.ending.debrief", f"the ending at {where} has no debrief"))
            if node.ending.outcome not in OUTCOMES:
                outcome = node.ending.outcome
                add((f"{key}.ending.outcome",
                     f"the ending at {where} has unknown outcome {outcome!r}"))
        elif not node.choices:
            add((key, f"{where} has no choices and is not an ending (a dead end)"))
        for index, choice in enumerate(node.choices):
            ckey, at = f"{key}.choices[{index}]", f"choice {choice.id!r} at {where}"
            if not _text_ok(choice.id):
                add((f"{ckey}.id", f"a choice at {where} has an empty id"))
            for name in ("text", "feedback", "consequence"):
                if not _text_ok(getattr(choice, name)):
                    add((f"{ckey}.{name}", f"{at} has no {name}"))
            if not roleplay.has_node(choice.next_id):
                add((f"{ckey}.next", f"{at} leads to missing node {choice.next_id!r}"))
            if choice.quality not in QUALITIES:
                add((f"{ckey}.quality", f"{at} has unknown quality {choice.quality!r}"))
            for move_id in choice.moves:
                if move_id not in moves:
                    add((f"{ckey}.moves", f"{at} names unknown move {move_id!r}"))
            if node.fork and choice.moves:
                add((f"{ckey}.moves", f"{at} is a rehearsal fork and should carry no moves"))

    reachable = _reachable(roleplay)
    if reachable:
        for number, node in enumerate(roleplay.nodes):
            if node.id not in reachable:
                add((f"nodes[{number}]", f"node {node.id!r} cannot be reached from the start"))
    can_end = _can_end(roleplay)
    for number, node in enumerate(roleplay.nodes):
        if node.id in reachable and node.id not in can_end:
            add((f"nodes[{number}]",
                 f"node {node.id!r} cannot reach an ending: a learner there is trapped"))
    return problems


def validate(roleplay: Roleplay) -> list[str]:
    """Return every authoring problem in a role-play as a message; empty means it is valid."""
    return [message for _, message in roleplay_problems(roleplay)]


def assert_valid(roleplay: Roleplay) -> None:
    """Raise CourseInputError listing every problem if the role-play is not valid."""
    problems = validate(roleplay)
    if problems:
        raise CourseInputError(f"roleplay {roleplay.id!r}", "; ".join(problems))
