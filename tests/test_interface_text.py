"""Every interface text the code asks for exists, and every text in the files is used."""

from __future__ import annotations

import re
from pathlib import Path
from string import Template

import pytest

from coursekit.interface import interface_texts, ui

ROOT = Path(__file__).resolve().parent.parent
_CALL = re.compile(r"""\bui\(\s*["']([a-z0-9_.]+)["']""")


def _keys_in_code() -> set[str]:
    keys: set[str] = set()
    for path in (ROOT / "coursekit").rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.lstrip().startswith(">>>"):  # doctests may ask for a missing key
                keys.update(_CALL.findall(line))
    return keys


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
