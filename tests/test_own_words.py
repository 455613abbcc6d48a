"""Course text is our own: no run of eight words from the column or its comments appears
outside a marked quotation, and every marked quotation is short."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from content_names import QUOTES, SOURCE
from owntext import SHINGLE, fingerprints, quotations, unquoted, words

ROOT = Path(__file__).resolve().parent.parent
SOURCE_PRINTS = {
    line.strip()
    for line in (ROOT / "tests" / "data" / "source_fingerprints.txt").read_text().splitlines()
    if line.strip() and not line.startswith("#")
}


def course_texts() -> dict[str, str]:
    texts = {"README.md": (ROOT / "README.md").read_text(encoding="utf-8")}
    for pattern in ("*.py", "*.toml"):
        for path in sorted((ROOT / "coursekit").rglob(pattern)):
            texts[path.relative_to(ROOT).as_posix()] = path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "notebooks").rglob("*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        parts = []
        for cell in nb["cells"]:
            parts.append("".join(cell["source"]))
            parts.extend(json.dumps(o, ensure_ascii=False) for o in cell.get("outputs", []))
        texts[path.relative_to(ROOT).as_posix()] = "\n".join(parts)
    return texts


def test_fingerprints_are_loaded() -> None:
    assert len(SOURCE_PRINTS) > 1000


def test_fingerprints_catch_a_copied_sentence() -> None:
    copied = "You need to do three things in your conversation, and do them well."
    assert fingerprints(copied) & SOURCE_PRINTS


def without_quote_list(text: str) -> str:
    """Drop the marked, attributed quotations of coursekit.knowledge.QUOTES from a text."""
    for quote in QUOTES.values():
        text = text.replace(quote.text, " … ")
    return text.replace(SOURCE.title, " … ")


def test_the_quote_list_is_short_and_attributed() -> None:
    for quote in QUOTES.values():
        assert len(words(quote.text)) <= 30 and quote.text.count(".") <= 1
        assert quote.speaker and quote.cite().startswith("“")


@pytest.mark.parametrize("name", sorted(course_texts()))
def test_no_long_runs_from_the_source_outside_quotations(name: str) -> None:
    text = without_quote_list(course_texts()[name])
    overlap = fingerprints(unquoted(text)) & SOURCE_PRINTS
    assert not overlap, f"{name} repeats {len(overlap)} run(s) of {SHINGLE} words from the source"


@pytest.mark.parametrize("name", sorted(course_texts()))
def test_quotations_are_short(name: str) -> None:
    for quote in quotations(course_texts()[name]):
        if fingerprints(quote) & SOURCE_PRINTS:
            assert len(words(quote)) <= 30, quote
