r"""Forgiving readers of saved JSON values, and the JSON form of typed journal entries.

>>> _texts(["a", 3, " ", "b"])
('a', 'b')
>>> _text("a\x00b\r\nc")
'ab\nc'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from typing import Any

from .textsafe import tidy

__all__ = ["_Entry", "_int", "_map", "_plain", "_scenario", "_text", "_texts"]


def _text(value: object) -> str:
    """Return tidy text (see :func:`~coursekit.textsafe.tidy`); "" if not a string."""
    return tidy(value) if isinstance(value, str) else ""


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _scenario(value: object) -> int | None:
    number = _int(value)
    return number if number in (1, 2) else None


def _texts(value: object) -> tuple[str, ...]:
    if not isinstance(value, list | tuple):
        return ()
    return tuple(text for text in (_text(item) for item in value) if text.strip())


def _map(value: object) -> Mapping[str, Any] | None:
    return value if isinstance(value, Mapping) else None


def _plain(value: object) -> Any:
    """Return a field's value as JSON data (tuples as lists, entries as objects)."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


class _Entry:
    """Journal data for an entry: every field that is set, in JSON form."""

    def to_json(self) -> dict[str, Any]:
        """Return the entry as journal data (fields that are None are left out)."""
        return {
            f.name: _plain(getattr(self, f.name))
            for f in fields(self)  # type: ignore[arg-type]
            if getattr(self, f.name) is not None
        }
