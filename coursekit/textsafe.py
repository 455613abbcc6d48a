"""Clean learner text, and escape it for Markdown so it is always shown as text, never run.

>>> escape_markdown('[x](javascript:alert(1)) *bold*')
'\\\\[x\\\\](javascript:alert(1)) \\\\*bold\\\\*'
>>> clean_text("  hello\\x00 world  ", "what_changed")
'hello world'
"""

from __future__ import annotations

import re
import unicodedata

from .errors import CourseInputError
from .interface import ui

#: The longest answer a single script field accepts.
MAX_FIELD_CHARS = 2_000
#: The longest freehand draft the reviewer accepts.
MAX_DRAFT_CHARS = 200_000

#: Lone surrogates: the only characters a Python string holds that UTF-8 cannot encode.
SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MD_ANYWHERE = re.compile(r"([\\`*_\[\]{}])")
_MD_LINE_START = re.compile(r"^(\s*)([#+\-!])", re.MULTILINE)
_MD_ORDERED = re.compile(r"^(\s*\d+)\.", re.MULTILINE)


def clean_text(value: object, field: str, *, max_chars: int = MAX_FIELD_CHARS,
               keep_newlines: bool = False) -> str:
    """Return learner text with control characters removed and whitespace tidied (``None`` is
    empty); raise CourseInputError naming ``field`` if it is not text or over ``max_chars``."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise CourseInputError(field, ui("engines.input.text", kind=type(value).__name__))
    if len(value) > max_chars:
        raise CourseInputError(field, ui("engines.input.too_long", size=f"{len(value):,}",
                                         limit=f"{max_chars:,}"))
    text = tidy(unicodedata.normalize("NFC", value))
    if keep_newlines:
        return "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()
    return " ".join(text.split())


def tidy(text: str) -> str:
    """Return text with newlines as ``\\n``, no control characters and no lone surrogates.

    >>> tidy("a\\x00b\\r\\nc")
    'ab\\nc'
    """
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.encode("utf-8", "replace").decode("utf-8") if SURROGATE.search(text) else text


def escape_markdown(text: str) -> str:
    """Escape text so Markdown (and HTML rendered from it) shows it literally."""
    # Control characters never show, and Python-Markdown uses some as internal placeholders.
    escaped = _CONTROL.sub("", text)
    escaped = escaped.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = _MD_ANYWHERE.sub(r"\\\1", escaped)
    escaped = _MD_LINE_START.sub(r"\1\\\2", escaped)
    return _MD_ORDERED.sub(r"\1\\.", escaped)
