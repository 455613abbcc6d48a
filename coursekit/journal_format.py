"""The journal's file format: which answers can be saved, and the JSON document they live in.

A journal file is one UTF-8 JSON document::

    {"format": "second-call-journal", "version": 1,
     "answers": {"<exercise id>": {"value": <answer>, "saved_at": "<UTC time>"}}}

>>> raw = encode({"a": {"value": [1, "two"], "saved_at": "2024-01-01T00:00:00.000Z"}})
>>> decode(raw)["a"]["value"]
[1, 'two']
>>> decode(b"{").reason
'The journal file was damaged (it was cut short).'
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import TypeAlias, cast

from .errors import CourseInputError
from .interface import texts, ui
from .textsafe import SURROGATE

_ui = texts("engines.input")
#: A value the journal can store: text, numbers, true/false, None, lists and str-keyed dicts.
JSONValue: TypeAlias = str | int | float | bool | None | list["JSONValue"] | dict[str, "JSONValue"]

#: One saved answer as stored: ``{"value": ..., "saved_at": ...}``.
Entry: TypeAlias = dict[str, JSONValue]

#: The ``"format"`` marker written into every journal file.
FORMAT_NAME = "second-call-journal"
#: The journal file version this code writes and reads.
FORMAT_VERSION = 1
#: The longest exercise id accepted.
MAX_EXERCISE_ID_CHARS = 200
#: The longest answer accepted, counted in characters of its JSON form.
MAX_ANSWER_CHARS = 1_000_000

_MAX_DEPTH = 100


@dataclass(frozen=True)
class Problem:
    """Why a journal file cannot be used as it is (``newer``: written by a newer version)."""

    reason: str
    newer: bool = False


def check_exercise_id(exercise_id: object) -> str:
    """Return ``exercise_id`` if it can name an answer; raise CourseInputError if not."""
    if not isinstance(exercise_id, str):
        raise CourseInputError("exercise_id", _ui("text", kind=type(exercise_id).__name__))
    if not exercise_id:
        raise CourseInputError("exercise_id", _ui("not_empty"))
    if len(exercise_id) > MAX_EXERCISE_ID_CHARS:
        size = f"{len(exercise_id):,}"
        raise CourseInputError("exercise_id", _ui("id_too_long", size=size,
                                                  limit=MAX_EXERCISE_ID_CHARS))
    if SURROGATE.search(exercise_id):
        raise CourseInputError("exercise_id", _ui("unsaveable"))
    return exercise_id


def check_value(value: object, location: str = "", depth: int = 0) -> None:
    """Raise CourseInputError unless ``value`` is plain JSON data, saying where it is not."""
    if isinstance(value, list) and depth < _MAX_DEPTH:
        for index, item in enumerate(value):
            check_value(item, f"{location}[{index}]", depth + 1)
        return
    if isinstance(value, dict) and depth < _MAX_DEPTH:
        for key, item in value.items():
            if not isinstance(key, str) or SURROGATE.search(key):
                where = location or _ui("the_top")
                raise CourseInputError("value", _ui("bad_key", key=repr(key), where=where))
            check_value(item, f"{location}[{key!r}]", depth + 1)
        return
    if isinstance(value, list | dict):
        problem = _ui("too_deep", depth=_MAX_DEPTH)
    elif isinstance(value, float) and not math.isfinite(value):
        problem = _ui("not_finite", value=repr(value))
    elif isinstance(value, str) and SURROGATE.search(value):
        problem = _ui("unsaveable")
    elif value is None or isinstance(value, bool | int | float | str):
        return
    else:
        problem = _ui("not_plain", kind=type(value).__name__)
    if location:
        problem = _ui("at", problem=problem, where=location)
    raise CourseInputError("value", problem)


def check_answer(value: object) -> JSONValue:
    """Return ``value`` if it is plain JSON data short enough to save; raise CourseInputError."""
    check_value(value)
    try:
        size = len(json.dumps(value, ensure_ascii=False, allow_nan=False))
    except (ValueError, RecursionError) as error:
        raise CourseInputError("value", _ui("not_json", error=error)) from error
    if size > MAX_ANSWER_CHARS:
        raise CourseInputError("value", _ui("too_long_to_save", size=f"{size:,}",
                                            limit=f"{MAX_ANSWER_CHARS:,}"))
    return cast(JSONValue, value)


def _reject_constant(name: str) -> object:
    raise ValueError(f"{name} is not allowed in a journal")


def decode(raw: bytes) -> dict[str, Entry] | Problem:
    """Return the answers in a journal file's bytes, or why they cannot be used."""
    if not raw.strip():
        return Problem(ui("model.journal.empty"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return Problem(ui("model.journal.not_text"))
    try:
        document = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        cut = error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string")
        return Problem(ui("model.journal.cut_short" if cut else "model.journal.not_json"))
    except (ValueError, RecursionError):
        return Problem(ui("model.journal.not_json"))
    return _check_document(document)


def _check_document(document: object) -> dict[str, Entry] | Problem:
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        return Problem(ui("model.journal.foreign"))
    version = document.get("version")
    if type(version) is not int or version < 1:
        return Problem(ui("model.journal.bad_version"))
    if version > FORMAT_VERSION:
        return Problem(ui("model.journal.newer", version=version, reads=FORMAT_VERSION), True)
    answers = document.get("answers")
    if not isinstance(answers, dict):
        return Problem(ui("model.journal.no_answers"))
    if any(not isinstance(entry, dict) or "value" not in entry
           or not isinstance(entry.get("saved_at"), str) for entry in answers.values()):
        return Problem(ui("model.journal.bad_answer"))
    return answers


def encode(answers: dict[str, Entry]) -> bytes:
    """Return the file's bytes: the whole journal as one JSON document (UTF-8)."""
    document = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "answers": answers}
    return (json.dumps(document, ensure_ascii=False, allow_nan=False) + "\n").encode("utf-8")
