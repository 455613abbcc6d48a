"""Every interface text the code asks for exists, and every text in the files is used."""

from __future__ import annotations

import re
from pathlib import Path
from string import Template
from typing import get_args

import pytest

from coursekit.entries import REPLY_IDS
from coursekit.interface import interface_texts, ui
from coursekit.script import PartKind

ROOT = Path(__file__).resolve().parent.parent
_CALL = re.compile(r"""\bui(?:_html)?\(\s*["']([a-z0-9_.]+)["']""")
# A module's own table: ``_ui = texts("views.plan")``, then ``_ui("filled")``.
_TABLE = re.compile(
    r"""\b(\w+)((?:, \w+)*) = ((?:(?:html_)?texts\(["'][a-z0-9_.]+["']\)(?:, )?)+)""")
_PREFIX = re.compile(r"""texts\(["']([a-z0-9_.]+)["']\)""")


def _tables(text: str) -> list[tuple[str, str]]:
    """Return (name, prefix) for each ``name = texts(prefix)`` (several on a line allowed)."""
    found = []
    for first, rest, calls in _TABLE.findall(text):
        names = [first, *(name.strip() for name in rest.split(",") if name.strip())]
        found += zip(names, _PREFIX.findall(calls), strict=True)
    return found


def _keys_in_code() -> set[str]:
    keys: set[str] = set()
    for path in (ROOT / "coursekit").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        tables = [(re.compile(rf"""\b{name}\(\s*["']([a-z0-9_.]+)["']"""), prefix)
                  for name, prefix in _tables(text)]
        for line in text.splitlines():
            if not line.lstrip().startswith(">>>"):  # doctests may ask for a missing key
                keys.update(_CALL.findall(line))
                keys.update(f"{prefix}.{key}" for call, prefix in tables
                            for key in call.findall(line))
    return keys


def test_module_tables_are_read() -> None:
    """The scan sees keys asked for through a module's own table, not only through ``ui``."""
    keys = _keys_in_code()
    assert {"views.plan.missing.draft", "views.room.not_shared", "views.charts.missed"} <= keys


def test_every_key_the_code_asks_for_exists() -> None:
    missing = sorted(_keys_in_code() - set(interface_texts()))
    assert missing == []


def test_placeholders_are_well_formed() -> None:
    bad = [key for key, text in interface_texts().items()
           if not Template(text).is_valid()]
    assert bad == []


def test_a_missing_key_names_the_file() -> None:
    with pytest.raises(KeyError, match="content/interface/views.toml"):
        ui("views.no_such_text")


def test_placeholders_are_filled() -> None:
    assert ui("views.common.course", unused="x") == "Second Call"


def test_every_script_part_has_a_skeleton() -> None:
    """The script view looks each part's skeleton up by its kind."""
    assert {f"views.exercises.part.{kind}" for kind in get_args(PartKind)} <= set(interface_texts())


def test_every_likely_reply_has_a_label() -> None:
    """The plan names each likely reply from the interface file."""
    assert {f"views.plan.replies.{reply}" for reply in REPLY_IDS} <= set(interface_texts())
