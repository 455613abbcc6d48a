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
from typing import TypeAlias

from .errors import CourseInputError
from .interface import ui

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
        raise CourseInputError("exercise_id", ui("engines.input.text",
                                                 kind=type(exercise_id).__name__))
    if not exercise_id:
        raise CourseInputError("exercise_id", ui("engines.input.not_empty"))
    if len(exercise_id) > MAX_EXERCISE_ID_CHARS:
        size = f"{len(exercise_id):,}"
        raise CourseInputError("exercise_id", ui("engines.input.id_too_long", size=size,
                                                 limit=MAX_EXERCISE_ID_CHARS))
    if not _encodable(exercise_id):
        raise CourseInputError("exercise_id", ui("engines.input.unsaveable"))
    return exercise_id


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_value(value: object, location: str = "", depth: int = 0) -> None:
    """Raise CourseInputError unless ``value`` is plain JSON data, saying where it is not."""
    if isinstance(value, list) and depth < _MAX_DEPTH:
        for index, item in enumerate(value):
            check_value(item, f"{location}[{index}]", depth + 1)
        return
    if isinstance(value, dict) and depth < _MAX_DEPTH:
        for key, item in value.items():
            if not isinstance(key, str) or not _encodable(key):
                where = location or ui("engines.input.the_top")
                raise CourseInputError("value", ui("engines.input.bad_key", key=repr(key),
                                                   where=where))
            check_value(item, f"{location}[{key!r}]", depth + 1)
        return
    if isinstance(value, list | dict):
        problem = ui("engines.input.too_deep", depth=_MAX_DEPTH)
    elif isinstance(value, float) and not math.isfinite(value):
        problem = ui("engines.input.not_finite", value=repr(value))
    elif isinstance(value, str) and not _encodable(value):
        problem = ui("engines.input.unsaveable")
    elif value is None or isinstance(value, bool | int | float | str):
        return
    else:
        problem = ui("engines.input.not_plain", kind=type(value).__name__)
    if location:
        problem = ui("engines.input.at", problem=problem, where=location)
    raise CourseInputError("value", problem)


def serialised_size(value: JSONValue) -> int:
    """Return how many characters ``value`` takes in the journal file."""
    try:
        return len(json.dumps(value, ensure_ascii=False, allow_nan=False))
    except (ValueError, RecursionError) as error:
        raise CourseInputError("value", ui("engines.input.not_json", error=error)) from error


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


_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False)


def encode(answers: dict[str, Entry]) -> bytes:
    """Return the file's bytes: the whole journal as one JSON document (UTF-8)."""
    document = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "answers": answers}
    return (_ENCODER.encode(document) + "\n").encode("utf-8")
