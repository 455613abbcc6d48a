"""One JSON conversion for every typed journal entry, driven by the entry's field types.

An entry is a frozen dataclass deriving from :class:`_Entry`. Writing gives plain JSON data
(fields that are None left out). Reading goes field by field, by type: a value of the wrong
type, blank text or a value outside a field's :class:`OneOf` falls back to the field's default,
and an entry missing a required field reads as None, so older and hand-edited journals load.

>>> from dataclasses import dataclass
>>> @dataclass(frozen=True)
... class Note(_Entry):
...     text: str
...     tags: tuple[str, ...] = ()
...     size: Annotated[int, OneOf(1, 2)] = 1
>>> Note.from_json({"text": "hi\\r\\n", "tags": ["a", 3, " "], "size": 7})
Note(text='hi\\n', tags=('a',), size=1)
>>> Note.from_json({"text": " "}) is None, Note("hi", ("a",)).to_json()
(True, {'text': 'hi', 'tags': ['a'], 'size': 1})
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from dataclasses import MISSING, Field, fields
from typing import Annotated, Any, ClassVar, Self, Union, cast, get_args, get_origin, get_type_hints

from .textsafe import tidy


class OneOf(tuple[object, ...]):
    """The values a field may hold, as ``Annotated[int, OneOf(1, 2)]``; others read as unset."""

    def __new__(cls, *values: object) -> Self:
        return super().__new__(cls, values)


class _Entry:
    """Journal data for an entry, written and read through the field types."""

    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]

    def to_json(self) -> dict[str, Any]:
        """Return the entry as journal data (fields that are None are left out)."""
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)
                if getattr(self, f.name) is not None}

    @classmethod
    def from_json(cls, value: object) -> Self | None:
        """Read a saved entry; None when it is not an object or lacks a required field."""
        if not isinstance(value, Mapping):
            return None
        values: dict[str, Any] = {}
        for name, (kind, field) in _shape(cls).items():
            read = _read(kind, value.get(name))
            if read is None and field.default is not MISSING:
                read = field.default
            elif read is None and field.default_factory is not MISSING:
                read = field.default_factory()
            elif read is None and not _optional(kind):
                return None
            values[name] = read
        entry = cast(Self, cast(Any, cls)(**values))
        return entry if entry.usable() else None

    def usable(self) -> bool:
        """Say whether a read entry holds enough to be kept (override to check more)."""
        return True


_SHAPES: dict[type, dict[str, tuple[Any, Field[Any]]]] = {}


def _shape(cls: type[_Entry]) -> dict[str, tuple[Any, Field[Any]]]:
    """Return each field's type and definition (worked out once per class)."""
    if cls not in _SHAPES:
        hints = get_type_hints(cls, include_extras=True)
        _SHAPES[cls] = {f.name: (hints[f.name], f) for f in fields(cls)}
    return _SHAPES[cls]


def _optional(kind: Any) -> bool:
    return get_origin(kind) in (Union, types.UnionType) and type(None) in get_args(kind)


def _read(kind: Any, value: object) -> Any:
    """Return ``value`` read as ``kind``, or None when it is not one."""
    origin, args = get_origin(kind), get_args(kind)
    if origin in (Union, types.UnionType):  # ``X | None``: read as X
        return _read(next(arg for arg in args if arg is not type(None)), value)
    if origin is Annotated:
        read = _read(args[0], value)
        return read if read in args[1] else None
    if kind is str:
        text = tidy(value) if isinstance(value, str) else ""
        return text if text.strip() else None
    if kind is int or kind is bool:
        return value if type(value) is kind else None
    if origin is tuple:
        items = value if isinstance(value, list) else []
        return tuple(read for read in (_read(args[0], item) for item in items) if read is not None)
    if origin is Mapping:
        if not isinstance(value, Mapping):
            return None
        if args[1] is str:
            return {str(k): tidy(v) for k, v in value.items() if isinstance(v, str)}
        return value
    return cast(type[_Entry], kind).from_json(value)


def _plain(value: object) -> Any:
    """Return a field's value as JSON data (tuples as lists, entries as objects)."""
    if isinstance(value, _Entry):
        return value.to_json()
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value
