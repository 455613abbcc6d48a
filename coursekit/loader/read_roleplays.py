"""Read the role-plays, one file per call under ``roleplays/``, into role-play engine objects.

Field types are checked here; the role-play's own checks (:func:`coursekit.roleplay.
roleplay_problems`: dangling ``next`` nodes, unreachable nodes, unknown moves, traps, …) run on
the built role-play and are recorded with the key path and line where each problem sits.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from ..fields import Problem, Table, locate, read_table
from ..interface import ui
from ..knowledge import Knowledge
from ..roleplay import Choice, Ending, Node, Roleplay, RoleplaySession
from ..roleplay.checks import roleplay_problems
from ..roleplay.model import Outcome, Quality


def _choice(table: Table, fork: bool) -> Choice:
    quality = cast(Quality, table.text("quality", "okay" if fork else None))
    return Choice(table.text("id"), table.text("text"), table.text("feedback"),
                  table.text("consequence"), table.text("next"), table.texts("moves"), quality)


def _node(table: Table, cue: str) -> Node:
    fork = table.flag("fork")
    ending = None
    if "ending" in table.data:
        end = table.table("ending")
        ending = end.record(Ending, outcome=cast(Outcome, end.text("outcome")))
    choices = tuple(_choice(item, fork) for item in table.tables("choices", required=False))
    return Node(table.text("id"), table.text("line"), choices, ending,
                table.text("cue", cue), fork, table.flag("shuffle", True))


def read_roleplay(path: Path, name: str, problems: list[Problem],
                  facts: Knowledge) -> Roleplay | None:
    """Read and check one role-play file; return None (problems recorded) if it is broken."""
    root = read_table(path, problems, name)
    if not root.data:
        return None
    before = len(problems)
    situation, start = root.text("situation"), root.text("start")
    nodes = []
    for table in root.tables("nodes"):
        # The opening node shows the situation as its stage direction unless it has its own.
        cue = situation if table.data.get("id") == start else ""
        nodes.append(_node(table, cue))
    roleplay = Roleplay(root.text("id"), root.text("title"), start, tuple(nodes),
                        root.number("scenario"), situation, root.texts("worked_path"))
    if roleplay.id and roleplay.id != path.stem:
        root.problem("id", ui("loader.content.file_name", id=repr(roleplay.id),
                              stem=repr(path.stem)))
    for key, message in roleplay_problems(roleplay, facts):
        problems.append(Problem(name, key, message, locate(root.text_, key)))
    if len(problems) > before:
        return None
    if roleplay.worked_path:
        try:
            worked = RoleplaySession.replay(roleplay, roleplay.worked_path)
        except ValueError as err:
            root.problem("worked_path", ui("loader.rp.worked_path", error=err))
            return None
        if not worked.is_over:
            root.problem("worked_path", ui("loader.rp.worked_end"))
    return roleplay


def read_roleplays(folder: Path, problems: list[Problem], facts: Knowledge) -> dict[str, Roleplay]:
    """Read every ``roleplays/*.toml`` file, in file-name order, keyed by role-play id."""
    roleplays: dict[str, Roleplay] = {}
    for path in sorted((folder / "roleplays").glob("*.toml")):
        roleplay = read_roleplay(path, f"roleplays/{path.name}", problems, facts)
        if roleplay is not None:
            roleplays[roleplay.id] = roleplay
    return roleplays
