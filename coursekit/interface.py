"""The interface's words (labels, headings, hints), read from ``content/interface/*.toml``.

A key is a file's name and the dotted path inside it; ``$name`` placeholders are filled from
keyword arguments. The text comes back plain: the views escape it like any other text
(:func:`coursekit.views.text.ui_html` fills an HTML skeleton, escaping its fields).

>>> ui("views.common.course")
'Second Call'
>>> texts("views.common")("course")
'Second Call'
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from functools import cache
from pathlib import Path
from string import Template
from typing import Any


@cache
def interface_texts() -> dict[str, str]:
    """Return every interface text by its full key, read once per process."""
    texts: dict[str, str] = {}
    for path in sorted((Path(__file__).parent / "content" / "interface").glob("*.toml")):
        _flatten(path.stem, tomllib.loads(path.read_text("utf-8")), texts)
    return texts


def _flatten(prefix: str, table: dict[str, Any], into: dict[str, str]) -> None:
    for key, value in table.items():
        if isinstance(value, dict):
            _flatten(f"{prefix}.{key}", value, into)
        else:
            into[f"{prefix}.{key}"] = str(value)


def text_for(key: str) -> str:
    """Return the interface text ``key`` as written, placeholders unfilled."""
    try:
        return interface_texts()[key]
    except KeyError:
        where = key.split(".", 1)[0]
        raise KeyError(f"interface text {key!r} is not in content/interface/{where}.toml") from None


def ui(key: str, /, **fields: object) -> str:
    """Return the interface text ``key`` with its ``$name`` placeholders filled from ``fields``."""
    return Template(text_for(key)).substitute(fields) if fields else text_for(key)


def texts(prefix: str) -> Callable[..., str]:
    """Return :func:`ui` for the keys under ``prefix`` (a module's own table of wording)."""
    return lambda key, /, **fields: ui(f"{prefix}.{key}", **fields)
