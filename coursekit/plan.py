"""Turn the learner's journal into their plan: a Markdown page or one printable HTML page.

Widgets save answers under these well-known exercise ids; the plan reads them back:

``"situation"`` (:data:`SITUATION`)
    ``{"scenario": 1 | 2, "missteps": [misstep id, ...], "reactions": [reaction id, ...],
    "moves": [move id, ...], "reasons": [text, ...]}`` — the learner's classification.
``"script"`` (:data:`SCRIPT`)
    ``{"scenario": int, "text": str}`` — the script in the learner's words (may be multi-line).
``"replies"`` (:data:`REPLIES`)
    ``{reply id: text}`` for the reply ids in :data:`REPLY_IDS`: ``"filled"``, ``"open_wary"``,
    ``"open_glad"``.
``"draft"`` (:data:`DRAFT`)
    ``{"scenario": int, "text": str, "review": {"moves": [{"id", "covered", "evidence",
    "tip"}, ...], "order_ok": bool}}`` — a freehand draft and its review.
``"reflection:<name>"`` (:data:`REFLECTION_PREFIX`)
    text.
``"quiz:<name>"`` (:data:`QUIZ_PREFIX`)
    ``{"score": int, "out_of": int}``.
``"roleplay:<name>"`` (:data:`ROLEPLAY_PREFIX`)
    ``{"ending": str, "path": [str, ...]}``.

Missing or odd-shaped entries are shown as "Not done yet." or skipped; nothing here raises on
them. All learner text is escaped, so it is always shown as text and never runs as markup.

>>> page = plan_markdown({"situation": {"scenario": 1}, "reflection:why_now": "*Soon*"})
>>> page.splitlines()[0]
'# My Second Call plan'
>>> "Scenario 1: You declined clearly and respectfully" in page
True
>>> "\\\\*Soon\\\\*" in page
True
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Literal

from .errors import CourseInputError
from .journal import Journal
from .knowledge import knowledge
from .textsafe import escape_markdown

__all__ = [
    "DRAFT",
    "PLAN_TITLE",
    "QUIZ_PREFIX",
    "REFLECTION_PREFIX",
    "REPLIES",
    "REPLY_IDS",
    "REPLY_LABELS",
    "ROLEPLAY_PREFIX",
    "SCRIPT",
    "SITUATION",
    "PlanFormat",
    "export_plan",
    "plan_html",
    "plan_markdown",
    "write_plan",
]

#: Exercise id of the learner's classification of their situation.
SITUATION = "situation"
#: Exercise id of the script built from the moves, in the learner's words.
SCRIPT = "script"
#: Exercise id of the replies the learner prepared for the manager's likely answers.
REPLIES = "replies"
#: Exercise id of the freehand draft and its review.
DRAFT = "draft"
#: Prefix of reflection exercise ids (value: text).
REFLECTION_PREFIX = "reflection:"
#: Prefix of quiz exercise ids (value: ``{"score": int, "out_of": int}``).
QUIZ_PREFIX = "quiz:"
#: Prefix of role-play exercise ids (value: ``{"ending": str, "path": [str, ...]}``).
ROLEPLAY_PREFIX = "roleplay:"
#: The manager's likely replies, in the order the plan lists them.
REPLY_IDS: tuple[str, ...] = ("filled", "open_wary", "open_glad")
#: How the plan names each likely reply.
REPLY_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "filled": "If the role has been filled",
        "open_wary": "If they are open but wary",
        "open_glad": "If they are open and glad",
    }
)
#: The plan's title, in Markdown and HTML.
PLAN_TITLE = "My Second Call plan"

PlanFormat = Literal["markdown", "html"]

_NOT_DONE = "_Not done yet._"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ORDERED_PAREN = re.compile(r"^(\d+)\)")
_LEADING_NUMBER = re.compile(r"^\d+[_\-\s]+(?=\S)")


# Reading odd-shaped answers safely --------------------------------------------------------


def _clean(text: str) -> str:
    """Drop control characters (Markdown uses some internally) and unpaired surrogates."""
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text


def _text(value: object) -> str | None:
    """Return tidy text for a str value; None for anything else or blank text."""
    if not isinstance(value, str):
        return None
    text = _clean(value)
    return text if text.strip() else None


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _mapping(value: object) -> Mapping[str, object]:
    return value if isinstance(value, Mapping) else {}


def _texts(value: object) -> list[str]:
    if not isinstance(value, list | tuple):
        return []
    return [text for text in (_text(item) for item in value) if text is not None]


# Escaping -------------------------------------------------------------------------------


def _escape_line(line: str) -> str:
    """Escape one line of learner text, including line starts Markdown would reinterpret."""
    escaped = escape_markdown(_clean(line).strip())
    if escaped[:1] in ("=", "~"):
        escaped = f"&#{ord(escaped[0])};{escaped[1:]}"
    return _ORDERED_PAREN.sub(r"\1&#41;", escaped)


def _inline(text: str) -> str:
    """Escape learner text shown inside a sentence or list item (line breaks become spaces)."""
    return escape_markdown(" ".join(_clean(text).split()))


def _quote(text: str) -> list[str]:
    """Return learner text as a Markdown block quote, keeping its line breaks."""
    lines = [_escape_line(line) for line in text.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    block: list[str] = []
    for index, line in enumerate(lines):
        if not line:
            block.append(">")
            continue
        follows = index + 1 < len(lines) and bool(lines[index + 1])
        block.append(f"> {line}  " if follows else f"> {line}")
    return [*block, ""]


def _name(exercise_id: str, prefix: str) -> str:
    """Turn an id such as ``"quiz:01_dilemma"`` into a readable name (``"Dilemma"``)."""
    name = _LEADING_NUMBER.sub("", _clean(exercise_id[len(prefix) :]))
    words = " ".join(name.replace("_", " ").replace("-", " ").split())
    return words[:1].upper() + words[1:] if words else "Untitled"


def _label(table: Mapping[str, object], item_id: str) -> str:
    """Return the escaped label of a known id, or the escaped id itself."""
    known = table.get(item_id)
    for attribute in ("label", "title"):
        label = getattr(known, attribute, None)
        if isinstance(label, str):
            return escape_markdown(label)
    return _inline(item_id)


def _bullets(heading: str, items: list[str]) -> list[str]:
    if not items:
        return []
    return [f"**{heading}**", "", *(f"- {item}" for item in items), ""]


def _scenario_line(value: object) -> str | None:
    number = _int(value)
    scenario = knowledge().scenarios.get(number) if number is not None else None
    if scenario is None:
        return None
    return f"Scenario {scenario.number}: {escape_markdown(scenario.title)}"


def _move_order(value: object) -> list[str]:
    number = _int(value)
    scenario = knowledge().scenarios.get(number) if number is not None else None
    if scenario is None:
        return []
    return [escape_markdown(knowledge().moves[move_id].title) for move_id in scenario.move_ids]


# Sections -------------------------------------------------------------------------------


def _situation(value: object) -> list[str]:
    lines = ["## My situation", ""]
    answer = _mapping(value)
    number = _int(answer.get("scenario"))
    scenario = knowledge().scenarios.get(number) if number is not None else None
    if scenario is None:
        return [*lines, _NOT_DONE, ""]
    lines += [
        f"**Scenario {scenario.number}: {escape_markdown(scenario.title)}.** "
        f"{escape_markdown(scenario.summary)}",
        "",
    ]
    missteps = [_label(knowledge().missteps, item) for item in _texts(answer.get("missteps"))]
    reactions = [_label(knowledge().reactions, item) for item in _texts(answer.get("reactions"))]
    moves = [_label(knowledge().moves, item) for item in _texts(answer.get("moves"))]
    reasons = [_inline(item) for item in _texts(answer.get("reasons"))]
    lines += _bullets("What went wrong when I declined:", missteps)
    lines += _bullets("How the manager may feel:", reactions)
    lines += _bullets("The moves I will make:", moves)
    lines += _bullets("Why this scenario:", reasons)
    next_step = _text(answer.get("next_step"))
    if next_step is not None:
        lines += [f"**My next step:** {_inline(next_step)}", ""]
    return lines


def _script(value: object) -> list[str]:
    lines = ["## My script", ""]
    answer = _mapping(value)
    text = _text(answer.get("text"))
    if text is None:
        return [*lines, _NOT_DONE, ""]
    scenario = _scenario_line(answer.get("scenario"))
    if scenario is not None:
        lines += [f"Written for {scenario}.", ""]
    order = _move_order(answer.get("scenario"))
    if order:
        lines += ["Moves, in order: " + "; ".join(order) + ".", ""]
    return [*lines, *_quote(text)]


def _replies(value: object) -> list[str]:
    lines = ["## Replies I prepared", ""]
    answer = _mapping(value)
    extra = [key for key in answer if isinstance(key, str) and key not in REPLY_IDS]
    found = False
    for reply_id in (*REPLY_IDS, *extra):
        label = escape_markdown(REPLY_LABELS.get(reply_id) or _name(reply_id, ""))
        text = _text(answer.get(reply_id))
        if text is None:
            if reply_id in REPLY_IDS:
                lines += [f"**{label}:** {_NOT_DONE}", ""]
            continue
        found = True
        lines += [f"**{label}:**", "", *_quote(text)]
    if not found:
        return ["## Replies I prepared", "", _NOT_DONE, ""]
    return lines


def _review_move(entry: object) -> str | None:
    move = _mapping(entry)
    covered = move.get("covered")
    if not isinstance(covered, bool):
        return None
    move_id = _text(move.get("id"))
    title = _label(knowledge().moves, move_id) if move_id is not None else "A move"
    line = f"{'✓ Covered' if covered else '✗ Not yet covered'}: {title}"
    evidence = _text(move.get("evidence"))
    if evidence is not None:
        line += f" — you wrote: “{_inline(evidence)}”"
    tip = _text(move.get("tip"))
    if tip is not None:
        line += f" — tip: {_inline(tip)}"
    return line


def _draft(value: object) -> list[str]:
    lines = ["## My reviewed draft", ""]
    answer = _mapping(value)
    text = _text(answer.get("text"))
    if text is None:
        return [*lines, _NOT_DONE, ""]
    scenario = _scenario_line(answer.get("scenario"))
    if scenario is not None:
        lines += [f"Written for {scenario}.", ""]
    lines += _quote(text)
    review = _mapping(answer.get("review"))
    moves = review.get("moves")
    items = [line for line in map(_review_move, moves if isinstance(moves, list) else []) if line]
    order_ok = review.get("order_ok")
    note = _text(review.get("order_note"))
    if isinstance(order_ok, bool):
        if note is not None:
            mark = "✓ In order" if order_ok else "✗ Not in order"
            items.append(f"{mark}: {_inline(note)}")
        elif order_ok:
            items.append("✓ In order: the moves come in the order the column gives them")
        else:
            order = _move_order(answer.get("scenario"))
            hint = f"; try: {', then '.join(order)}" if order else ""
            items.append(f"✗ Not in order: the moves are not yet in the column's order{hint}")
    if not items:
        return [*lines, "**Review:** _Not reviewed yet._", ""]
    return [*lines, *_bullets("Review:", items)]


def _prefixed(answers: Mapping[str, object], prefix: str) -> list[tuple[str, object]]:
    return sorted(
        (key, value)
        for key, value in answers.items()
        if isinstance(key, str) and key.startswith(prefix)
    )


def _reflections(answers: Mapping[str, object]) -> list[str]:
    lines = ["## My reflections", ""]
    found = False
    for key, value in _prefixed(answers, REFLECTION_PREFIX):
        text = _text(value)
        if text is not None:
            found = True
            lines += [f"### {_inline(_name(key, REFLECTION_PREFIX))}", "", *_quote(text)]
    return lines if found else [*lines, _NOT_DONE, ""]


def _quizzes(answers: Mapping[str, object]) -> list[str]:
    items = []
    for key, value in _prefixed(answers, QUIZ_PREFIX):
        result = _mapping(value)
        score, out_of = _int(result.get("score")), _int(result.get("out_of"))
        if score is None or out_of is None or out_of <= 0 or not 0 <= score <= out_of:
            continue
        items.append(f"- {_inline(_name(key, QUIZ_PREFIX))}: {score} out of {out_of}")
    return ["## Quiz scores", "", *(items or [_NOT_DONE]), ""]


def _roleplays(answers: Mapping[str, object]) -> list[str]:
    items = []
    for key, value in _prefixed(answers, ROLEPLAY_PREFIX):
        result = _mapping(value)
        ending = _text(result.get("ending"))
        if ending is None:
            continue
        line = f"- {_inline(_name(key, ROLEPLAY_PREFIX))}: ended with “{_inline(ending)}”"
        steps = [_inline(step) for step in _texts(result.get("path"))]
        if steps:
            line += " — path: " + " → ".join(steps)
        items.append(line)
    return ["## Role-play endings", "", *(items or [_NOT_DONE]), ""]


# Public API -----------------------------------------------------------------------------


def plan_markdown(answers: Mapping[str, object]) -> str:
    """Return the learner's plan as Markdown, with every piece of learner text escaped."""
    if not isinstance(answers, Mapping):
        answers = {}
    lines = [
        f"# {PLAN_TITLE}",
        "",
        "My situation, my script in my own words, the replies I prepared and my reviewed draft.",
        "",
        *_situation(answers.get(SITUATION)),
        *_script(answers.get(SCRIPT)),
        *_replies(answers.get(REPLIES)),
        *_draft(answers.get(DRAFT)),
        *_reflections(answers),
        *_quizzes(answers),
        *_roleplays(answers),
        "---",
        "",
        f"_Based on {escape_markdown(knowledge().attribution())}_",
    ]
    return "\n".join(lines) + "\n"


_CSS = """
:root { color-scheme: light; }
body {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  line-height: 1.5; color: #1a1a1a; background: #fff;
  max-width: 44rem; margin: 2rem auto; padding: 0 1rem;
}
h1 { font-size: 1.8rem; margin-bottom: 0.25rem; }
h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid #888; padding-bottom: 0.2rem; }
h3 { font-size: 1.05rem; margin-top: 1.2rem; }
blockquote {
  margin: 0.5rem 0 1rem; padding: 0.4rem 1rem;
  border-left: 4px solid #444; background: #f3f3f3;
}
p, li, blockquote { unicode-bidi: plaintext; overflow-wrap: anywhere; }
hr { border: 0; border-top: 1px solid #888; margin-top: 2rem; }
@page { margin: 2cm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  blockquote { background: none; border-left: 2pt solid #000; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  blockquote, li { break-inside: avoid; page-break-inside: avoid; }
}
"""


def plan_html(answers: Mapping[str, object]) -> str:
    """Return the plan as one self-contained, printable HTML page (no scripts, no links out)."""
    import markdown  # lazily: only the HTML export needs it

    body = markdown.markdown(plan_markdown(answers), output_format="html")
    return (
        "<!doctype html>\n"
        '<html lang="en">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{PLAN_TITLE}</title>\n"
        f"<style>{_CSS}</style>\n"
        "</head>\n"
        "<body>\n"
        "<main>\n"
        f"{body}\n"
        "</main>\n"
        "</body>\n"
        "</html>\n"
    )


def export_plan(journal: Journal, fmt: PlanFormat = "markdown") -> str:
    """Return the plan built from the journal's current answers, as Markdown or HTML."""
    if fmt == "markdown":
        return plan_markdown(journal.answers())
    if fmt == "html":
        return plan_html(journal.answers())
    raise CourseInputError("fmt", f"must be 'markdown' or 'html', not {fmt!r}")


def write_plan(
    journal: Journal, path: str | os.PathLike[str], fmt: PlanFormat | None = None
) -> Path:
    """Write the plan to ``path`` and return it; the format follows the suffix if not given."""
    target = Path(path).expanduser()
    if fmt is None:
        fmt = "html" if target.suffix.lower() in (".html", ".htm") else "markdown"
    text = export_plan(journal, fmt)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8", newline="\n")
    return target
