"""The course fits its stated time, checked on the stored notebooks.

What a learner reads in a notebook is its prose plus its printed output:

- the words of every markdown cell, except the generated static-fallback cells (cell metadata
  ``second_call.fallback``), which a learner sees only when widgets cannot load;
- the words of every stored output that is not a widget: HTML (tags, style and script blocks
  stripped, entities decoded), markdown, plain text, and stream text.

Two rules, for the manifest's numbered notebooks (00–08):

- per notebook, reading time at 200 words a minute is at most half its stated minutes
  (``course().notebooks[i].minutes``), so the rest of the time is for the exercises;
- the whole of them is at most 9,600 words.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest

from coursekit.loader import course

pytestmark = pytest.mark.timeout(60)

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
WORDS_PER_MINUTE = 200
TOTAL_WORDS = 9600
WIDGET = "application/vnd.jupyter.widget-view+json"

_WORD = re.compile(r"[A-Za-z0-9’'][\w’'-]*")
_BLOCK = re.compile(r"(?is)<(style|script)\b.*?</\1\s*>")
_TAG = re.compile(r"<[^>]+>")


def count_words(text: str) -> int:
    """Count the words in plain text (a word starts with a letter, digit or apostrophe)."""
    return len(_WORD.findall(text))


def strip_html(markup: str) -> str:
    """Return the text a reader sees in HTML: no style/script, no tags, entities decoded."""
    return html.unescape(_TAG.sub(" ", _BLOCK.sub(" ", markup)))


def _text(value: Any) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def output_words(output: dict[str, Any]) -> int:
    """Words a learner reads in one stored output (0 for a widget)."""
    if output.get("output_type") == "stream":
        return count_words(_text(output.get("text", "")))
    data = output.get("data", {})
    if WIDGET in data:
        return 0
    if "text/html" in data:
        return count_words(strip_html(_text(data["text/html"])))
    if "text/markdown" in data:
        return count_words(_text(data["text/markdown"]))
    if "text/plain" in data:
        return count_words(_text(data["text/plain"]))
    return 0


def is_fallback(cell: dict[str, Any]) -> bool:
    """True for a generated static-fallback markdown cell."""
    meta = cell.get("metadata", {}).get("second_call", {})
    return isinstance(meta, dict) and bool(meta.get("fallback"))


def notebook_words(path: Path) -> tuple[int, int]:
    """Return (prose words, output words) of one stored notebook."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    prose = output = 0
    for cell in notebook["cells"]:
        if cell["cell_type"] == "markdown" and not is_fallback(cell):
            prose += count_words(_text(cell["source"]))
        elif cell["cell_type"] == "code":
            output += sum(output_words(o) for o in cell.get("outputs", []))
    return prose, output


def figures() -> list[tuple[str, int, int, int]]:
    """Return (file, stated minutes, prose words, output words) per numbered notebook."""
    rows = []
    for entry in course().notebooks:
        prose, output = notebook_words(NOTEBOOKS / entry.file)
        rows.append((entry.file, entry.minutes, prose, output))
    return rows


def table(rows: list[tuple[str, int, int, int]]) -> str:
    """Per-notebook figures, for a failure message."""
    lines = [f"{'notebook':36} {'min':>4} {'prose':>6} {'output':>6} {'total':>6} {'budget':>6}"]
    for file, minutes, prose, output in rows:
        budget = minutes * WORDS_PER_MINUTE // 2
        flag = "  OVER" if prose + output > budget else ""
        lines.append(f"{file:36} {minutes:>4} {prose:>6} {output:>6} {prose + output:>6} "
                     f"{budget:>6}{flag}")
    total = sum(p + o for _, _, p, o in rows)
    lines.append(f"{'total':36} {'':>4} {'':>6} {'':>6} {total:>6} {TOTAL_WORDS:>6}")
    return "\n".join(lines)


def test_counter_counts_what_a_learner_reads() -> None:
    assert count_words("Make the call, now! It’s 14 years.") == 7
    assert strip_html("<style>p{color:red}</style><p>Own&nbsp;the <b>misstep</b></p>") \
        .split() == ["Own", "the", "misstep"]
    assert output_words({"output_type": "display_data",
                         "data": {WIDGET: {}, "text/plain": "VBox(children=...)"}}) == 0
    assert output_words({"output_type": "stream", "text": ["two words"]}) == 2
    assert is_fallback({"metadata": {"second_call": {"fallback": "quiz:x"}}})
    assert not is_fallback({"metadata": {}})


def test_every_notebook_reads_in_half_its_time() -> None:
    rows = figures()
    assert len(rows) >= 9
    over = [file for file, minutes, prose, output in rows
            if (prose + output) / WORDS_PER_MINUTE > minutes / 2]
    assert not over, f"reading time over half the stated minutes in {over}:\n{table(rows)}"


def test_whole_course_within_total_budget() -> None:
    rows = figures()
    total = sum(prose + output for _, _, prose, output in rows)
    assert total <= TOTAL_WORDS, f"{total} words > {TOTAL_WORDS}:\n{table(rows)}"
