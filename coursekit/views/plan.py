"""The learner's plan as Markdown, read from their typed journal entries, ids shown as words."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from string import Template
from typing import Any

from ..entries import DRAFT, REPLIES, REPLY_IDS, SCRIPT, SITUATION, Entries, ReviewEntry
from ..interface import texts
from ..knowledge import knowledge
from ..loader import quizzes, roleplays, script_wording
from ..review import order_checked
from ..textsafe import escape_markdown
from .exercises import OUTCOME_REACTIONS
from .markup import esc

_ui = texts("views.plan")
_ORDERED_PAREN = re.compile(r"^(\d+)\)")
_LEADING_NUMBER = re.compile(r"^\d+[_\-\s]+(?=\S)")
#: The printable page, with ``$title`` and ``$body`` to fill in (read when a page is made).
_PAGE = Path(__file__).parent / "plan_page.html"


def _line(line: str) -> str:
    """Escape one line of learner text, including line starts Markdown would reinterpret."""
    escaped = escape_markdown(line.strip())
    if escaped[:1] in ("=", "~"):
        escaped = f"&#{ord(escaped[0])};{escaped[1:]}"
    return _ORDERED_PAREN.sub(r"\1&#41;", escaped)


def _inline(text: str) -> str:
    """Escape learner text shown inside a sentence (line breaks become spaces)."""
    return escape_markdown(" ".join(text.split()))


def _quote(text: str) -> list[str]:
    """Return learner text as a Markdown block quote, keeping its line breaks."""
    lines = [_line(line) for line in text.strip().split("\n")] if text.strip() else []
    return [*(f"> {line}  " if line and after else f"> {line}" if line else ">"
              for line, after in zip(lines, [*lines[1:], ""], strict=False)), ""]


def reply_label(reply_id: str) -> str:
    """Return how the plan names a likely reply (``"filled"``: "If the role has been filled")."""
    return _ui(f"replies.{reply_id}") if reply_id in REPLY_IDS else _name(reply_id)


def _name(name: str) -> str:
    """Turn an id such as ``"01_dilemma"`` into a readable name (``"Dilemma"``)."""
    words = " ".join(_LEADING_NUMBER.sub("", name).replace("_", " ").replace("-", " ").split())
    return words[:1].upper() + words[1:] if words else "Untitled"


def _label(table: Mapping[str, object], item_id: str) -> str:
    known = table.get(item_id)
    for attribute in ("label", "title"):
        label = getattr(known, attribute, None)
        if isinstance(label, str):
            return escape_markdown(label)
    return _inline(item_id)


def _section(name: str, body: list[str]) -> list[str]:
    """Return a section of the plan: its heading, then its lines or "Not done yet"."""
    return [_ui("h2", title=_ui(f"headings.{name}")), "", *(body or [_ui("not_done"), ""])]


def _bullets(heading: str, items: list[str]) -> list[str]:
    return [_ui("list", heading=heading), "", *(f"- {item}" for item in items), ""] if items else []


def _scenario_line(number: int | None) -> str:
    if not number:
        return ""
    title = escape_markdown(knowledge().scenarios[number].title)
    return _ui("scenario", number=number, title=title)


def _titles(ids: tuple[str, ...], sep: str = "; ") -> str:
    return sep.join(knowledge().moves[m].title for m in ids)


def _situation(entries: Entries) -> list[str]:
    entry, facts = entries.situation, knowledge()
    if entry is None or entry.scenario is None:
        return _section("situation", [])
    summary = escape_markdown(facts.scenarios[entry.scenario].summary)
    missteps = [_label(facts.missteps, m) for m in entry.missteps]
    feelings = [_label(facts.reactions, r) for r in entry.reactions if r not in OUTCOME_REACTIONS]
    lines = [_ui("situation", scenario=_scenario_line(entry.scenario), summary=summary), "",
             *_bullets(_ui("headings.missteps"), missteps),
             *_bullets(_ui("headings.feelings"), feelings)]
    if any(r in OUTCOME_REACTIONS for r in entry.reactions):
        lines += [_ui("filled"), ""]
    lines += _bullets(_ui("headings.moves"), [_label(facts.moves, m) for m in entry.moves])
    lines += _bullets(_ui("headings.reasons"), [_inline(r) for r in entry.reasons])
    if entry.next_step.strip():
        lines += [_ui("next_step", text=_inline(entry.next_step)), ""]
    return _section("situation", lines)


def _follows(kind: str, written_for: int | None, entries: Entries) -> list[str]:
    if written_for is None:
        return []
    line = _ui("written_for", scenario=_scenario_line(written_for))
    if entries.scenario is not None and written_for != entries.scenario:
        line += _ui("practising", scenario=entries.scenario)
    if kind != SCRIPT:
        return [line, ""]
    order = escape_markdown(_titles(knowledge().scenarios[written_for].move_ids))
    return [line, "", _ui("moves_in_order", moves=order), ""]


def _script(entries: Entries) -> list[str]:
    entry = entries.script
    if entry is None:
        return _section("script", [])
    return _section("script", [*_follows(SCRIPT, entry.scenario, entries), *_quote(entry.text)])


def _replies(entries: Entries) -> list[str]:
    lines: list[str] = []
    replies = entries.replies.replies if entries.replies is not None else {}
    found = False
    for reply_id in (*REPLY_IDS, *(key for key in replies if key not in REPLY_IDS)):
        label = escape_markdown(reply_label(reply_id))
        text = replies.get(reply_id, "")
        if not text.strip():
            lines += [_ui("reply_not_done", label=label), ""] if reply_id in REPLY_IDS else []
            continue
        found = True
        lines += [_ui("reply", label=label), "", *_quote(text)]
    return _section("replies", lines if found else [])


def _order_line(review: ReviewEntry, scenario: int | None) -> str | None:
    if review.order_ok is None:
        return None
    covered = {m.id for m in review.moves if m.covered}
    checked = not review.moves or order_checked(scenario, covered)
    note = _ui("order_note", note=_inline(review.order_note)) if review.order_note.strip() else ""
    if not review.order_ok:
        if not note and scenario in (1, 2):
            order = _titles(knowledge().scenarios[scenario].move_ids, ", then ")
            note = _ui("not_in_order", order=order)
        return _ui("order_wrong", note=note)
    return _ui("order_ok", note=note or _ui("in_order")) if checked else _ui("order_unchecked",
                                                                              note=note)


def _draft(entries: Entries) -> list[str]:
    entry = entries.draft
    if entry is None or not entry.text.strip():
        return _section("draft", [])
    lines = [*_follows(DRAFT, entry.scenario, entries), *_quote(entry.text)]
    items, review = [], entry.review
    for move in review.moves if review is not None else ():
        title = _label(knowledge().moves, move.id) if move.id else _ui("a_move")
        line = _ui("covered" if move.covered else "not_covered", title=title)
        line += _ui("evidence", text=_inline(move.evidence)) if move.evidence.strip() else ""
        items.append(line + (_ui("tip", text=_inline(move.tip)) if move.tip.strip() else ""))
    order = _order_line(review, entry.scenario) if review is not None else None
    items += [order] if order else []
    if not items:
        return _section("draft", [*lines, _ui("not_reviewed"), ""])
    return _section("draft", [*lines, *_bullets(_ui("review"), items)])


def _reflections(entries: Entries) -> list[str]:
    lines = []
    for key, entry in entries.reflections.items():
        if entry.text.strip():
            lines += [_ui("h3", title=_inline(_name(key))), "", *_quote(entry.text)]
    return _section("reflections", lines)


def _title(table: Mapping[str, Any], key: str) -> str:
    """Return the title of a quiz or role-play by id, escaped (a readable name if unknown)."""
    return _inline(table[key].title if key in table else _name(key))


def _results(entries: Entries) -> list[str]:
    scores = [_ui("score", title=_title(quizzes(), k), score=e.score, out_of=e.out_of)
              for k, e in entries.quizzes.items()]
    endings = [_ui("ended", title=_title(roleplays(), k), ending=_inline(e.ending),
                   count=len(e.path), choices=_ui("choice" if len(e.path) == 1 else "choices"))
               for k, e in entries.roleplays.items() if e.ending.strip()]
    return [*_section("quizzes", [*scores, ""] if scores else []),
            *_section("roleplays", [*endings, ""] if endings else [])]


def _said(entries: Entries) -> list[str]:
    """Return the turns the learner typed in the role-plays, quoted, with what was heard."""
    lines: list[str] = []
    moves = knowledge().moves
    for key, entry in entries.roleplays.items():
        turns = [turn for turn in entry.typed if turn.text.strip()]
        known = roleplays().get(key)
        lines += [_ui("h3", title=_title(roleplays(), key)), ""] if turns else []
        for turn in turns:
            line = ""
            if known is not None and known.has_node(turn.node):
                line = known.node(turn.node).speaker_line
            lines += [_ui("manager_said", line=_inline(line)), ""] if line else []
            lines += [_ui("i_said"), "", *_quote(turn.text)]
            heard = [escape_markdown(moves[m].title) for m in turn.made if m in moves]
            lines += [_ui("moves_heard", moves="; ".join(heard)), ""] if heard else []
    return [_ui("h2", title=_ui("headings.said")), "", *lines] if lines else []


def missing_by_exercise(entries: Entries) -> list[tuple[str, str]]:
    """Return what the plan still lacks as (exercise id, what to do) pairs, in words."""
    items = [(SITUATION, _ui("missing.situation"))] if entries.scenario is None else []
    script = entries.script
    if script is None:
        items.append((SCRIPT, _ui("missing.script")))
    else:
        if script.missing:
            prompts = script_wording().prompts
            named = "; ".join(prompts.get(f, _name(f)).rstrip("?") for f in script.missing)
            items.append((SCRIPT, _ui("missing.fill_in", fields=named)))
        if entries.scenario is not None and script.scenario not in (None, entries.scenario):
            items.append((SCRIPT, _ui("missing.other_scenario", script=script.scenario,
                                      situation=entries.scenario)))
    prepared = entries.replies.prepared if entries.replies is not None else 0
    if prepared < len(REPLY_IDS):
        items.append((REPLIES, _ui("missing.replies", prepared=prepared, out_of=len(REPLY_IDS))))
    draft = entries.draft
    if draft is None or not draft.text.strip():
        items.append((DRAFT, _ui("missing.draft")))
    elif draft.review is None:
        items.append((DRAFT, _ui("missing.review")))
    return items


def _checklist(entries: Entries) -> list[str]:
    missing = [escape_markdown(text) for _exercise, text in missing_by_exercise(entries)]
    if not missing:
        return [_ui("everything"), ""]
    return [_ui("h2", title=_ui("headings.to_do")), "",
            *(_ui("to_do", item=item) for item in missing), ""]


def plan_markdown(entries: Entries) -> str:
    """Return the learner's plan as Markdown, with every piece of learner text escaped."""
    sections = [*_checklist(entries), *_situation(entries), *_script(entries),
                *_replies(entries), *_draft(entries), *_reflections(entries), *_results(entries),
                *_said(entries)]
    return _ui("page", title=_ui("title"), sections="\n".join([*sections, ""]),
               attribution=escape_markdown(knowledge().attribution()))


def plan_page(markdown_text: str) -> str:
    """Return a whole printable page (``plan_page.html``, no scripts) for the plan's Markdown."""
    import markdown  # lazily: only plan pages need it (keeps ``import coursekit`` light)

    body = markdown.markdown(markdown_text, output_format="html")
    page = Template(_PAGE.read_text(encoding="utf-8"))
    return page.substitute(title=esc(_ui("title")), body=body)
