"""Read the worked examples (``examples.toml``) and the script wording (``script.toml``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..fields import Problem, Table, read_table
from ..interface import texts, ui
from ..knowledge import Knowledge
from ..wording import FIELDS, SCRIPT_PHRASES, ScriptField, ScriptWording

_ui = texts("loader.examples")
_SITUATION_KEYS = ("missteps", "time_since_days", "role_status", "channel")


@dataclass(frozen=True)
class CaseRecord:
    """A persona or vignette as written: the situation is kept as data for the engine to build."""

    id: str
    name: str
    story: str
    situation: dict[str, Any]
    note: str = ""
    draft: str = ""
    answers: dict[str, str] = field(default_factory=dict)


def _situation(table: Table, facts: Knowledge) -> dict[str, Any]:
    table.only(_SITUATION_KEYS)
    for misstep in table.texts("missteps"):
        if misstep not in facts.missteps:
            table.problem("missteps", ui("loader.content.unknown", what="misstep",
                                         id=repr(misstep)))
    table.number("time_since_days", 0, least=0)
    if table.text("role_status", "unknown") not in facts.role_statuses:
        table.problem("role_status", _ui("one_of", allowed=", ".join(facts.role_statuses)))
    if table.text("channel", "phone") not in facts.channels:
        table.problem("channel", _ui("one_of", allowed=", ".join(facts.channels)))
    return dict(table.data)


def read_examples(folder: Path, problems: list[Problem], facts: Knowledge,
                  field_ids: set[str]) -> tuple[dict[str, CaseRecord], dict[str, CaseRecord]]:
    """Read the personas and vignettes, keyed by id."""
    root = read_table(folder / "examples.toml", problems)
    personas: dict[str, CaseRecord] = {}
    for table in root.tables("personas"):
        answers = table.table("answers")
        for key, value in answers.data.items():
            if key not in field_ids:
                answers.problem(key, _ui("not_field"))
            elif not isinstance(value, str):
                answers.problem(key, _ui("text"))
        personas[table.text("id")] = CaseRecord(
            table.text("id"), table.text("name"), table.text("story"),
            _situation(table.table("situation"), facts), draft=table.text("draft", ""),
            answers={k: str(v) for k, v in answers.data.items()})
    vignettes = {
        table.text("id"): CaseRecord(table.text("id"), table.text("title"), table.text("story"),
                                     _situation(table.table("situation"), facts),
                                     note=table.text("note"))
        for table in root.tables("vignettes")
    }
    for group in ("personas", "vignettes"):
        root.unique_ids(group)
    return personas, vignettes


def read_script_wording(folder: Path, problems: list[Problem], facts: Knowledge) -> ScriptWording:
    """Read the script builder's field prompts and phrases, checking every phrase is there and a
    reason is worded for every misstep."""
    root = read_table(folder / "script.toml", problems)
    fields = tuple(t.record(ScriptField) for t in root.tables("fields"))
    if tuple(entry.id for entry in fields) != FIELDS:
        root.problem("fields", _ui("fields", fields=", ".join(FIELDS)))
    for index, entry in enumerate(fields):
        if entry.id != "manager_name" and not entry.placeholder:
            root.problem(f"fields[{index}].placeholder", ui("loader.content.missing"))
    phrases: dict[str, dict[str, tuple[str, ...]]] = {}
    for section, names in SCRIPT_PHRASES.items():
        table = root.table(section)
        phrases[section] = {}
        for name, count in names.items():
            if count == 1:
                phrases[section][name] = (table.text(name),)
            else:
                variants = table.texts(name, None)
                if variants and len(variants) != count:
                    table.problem(name, _ui("variants", count=count, given=len(variants)))
                phrases[section][name] = variants if len(variants) == count else ("",) * count
    greeting = root.table("greeting")
    openers: list[tuple[str, str]] = []
    raw = greeting.data.get("openers")
    if (not isinstance(raw, list) or len(raw) != 3
            or not all(isinstance(p, list) and len(p) == 2 for p in raw)):
        greeting.problem("openers", _ui("openers"))
    else:
        openers = [(str(phone), str(meeting)) for phone, meeting in raw]
    for misstep in facts.missteps:
        if misstep not in phrases["reaction_why"]:
            problems.append(Problem("script.toml", f"reaction_why.{misstep}",
                                    ui("loader.content.missing")))
    return ScriptWording(fields, phrases, tuple(openers) or (("", ""),) * 3)
