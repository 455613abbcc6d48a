"""Helpers for the own-words test: word shingles of text, hashed so the source isn't stored."""

from __future__ import annotations

import hashlib
import re
from functools import cache
from pathlib import Path

SHINGLE = 8
PRINTS_FILE = Path(__file__).parent / "data" / "source_fingerprints.txt"
_WORD = re.compile(r"[a-z0-9]+")
_QUOTED = re.compile(r"“[^”]{0,400}”")


def words(text: str) -> list[str]:
    """Return the lower-case words of a text, apostrophes and punctuation dropped."""
    return _WORD.findall(text.lower().replace("’", "").replace("'", ""))


def fingerprints(text: str) -> set[str]:
    """Return short hashes of every run of SHINGLE words."""
    tokens = words(text)
    return {
        hashlib.sha1(" ".join(tokens[i : i + SHINGLE]).encode()).hexdigest()[:12]
        for i in range(len(tokens) - SHINGLE + 1)
    }


def unquoted(text: str) -> str:
    """Return text with marked quotations (in curly quotes) removed."""
    return _QUOTED.sub(" … ", text)


def quotations(text: str) -> list[str]:
    """Return the marked quotations in a text."""
    return [m.group(0) for m in _QUOTED.finditer(text)]


@cache
def source_prints() -> frozenset[str]:
    """Return the hashed 8-word runs of the column and its comments (stored in tests/data)."""
    lines = PRINTS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(s.strip() for s in lines if s.strip() and not s.startswith("#"))
