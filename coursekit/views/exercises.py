"""What the exercises show: a classification, a script, a review, a graded answer, a score.

>>> from coursekit.classify import classify
>>> page = classification_html(classify({"missteps": ["went_silent"]}))
>>> "Scenario 2" in page and "went_silent" not in page
True
"""

from __future__ import annotations

from ..classify import Classification
from ..interface import texts
from ..knowledge import knowledge
from ..quiz import Result
from ..review import Review, describe_cues, limits, order_checked
from ..script import Script
from .feedback import Kind, callout, status_html
from .markup import Html, tag
from .teaching import scenario_badge, scenario_heading, surface
from .text import html_texts

#: Reactions that are something that may have happened, not a feeling.
OUTCOME_REACTIONS = frozenset({"position_filled"})
_ORDER_KINDS: dict[str, Kind] = {"ok": "correct", "wrong": "notyet", "unchecked": "info"}
_ui, _html = texts("views.exercises"), html_texts("views.exercises")


def feelings_html(result: Classification) -> Html:
    """Return how the manager may feel, as a list (empty when the result names no feeling)."""
    items = [_html("reaction", label=r.label, why=r.why)
             for r in result.reactions if r.id not in OUTCOME_REACTIONS]
    return _html("feelings", items=items) if items else Html("")


def classification_html(result: Classification) -> Html:
    """Return a classification: badge, how the manager may feel, the moves, why, next step."""
    outcomes = [_html("reaction", label=_ui("filled"), why=r.why)
                for r in result.reactions if r.id in OUTCOME_REACTIONS]
    return _html(
        "classification", heading=scenario_heading(result.scenario), feelings=feelings_html(result),
        outcomes=_html("outcomes", items=outcomes) if outcomes else "",
        moves=[_html("move", title=m.title, guidance=m.guidance) for m in result.moves],
        reasons=[tag("li", reason) for reason in result.reasons], next_step=result.next_step)


def script_html(script: Script, heading: str | None = None) -> Html:
    """Return a script as a block in the body font: one numbered paragraph per move."""
    lines = [_html("script_line", title=line.title,
                   parts=[_html(f"part.{kind}", text=value) for kind, value in line.parts])
             for line in script.lines]
    return _html("script", heading=heading or _ui("script_heading"), lines=lines,
                 badge=scenario_badge(script.scenario))


def scenario_note(chosen: int, classified: int | None) -> Html:
    """Say where the scenario comes from: the learner's classification, or a deliberate choice."""
    if classified is None:
        heading, body = _ui("note.chosen", chosen=chosen), _ui("note.unclassified")
    elif chosen == classified:
        heading, body = _ui("note.yours", chosen=chosen), _ui("note.follows")
    else:
        heading = _ui("note.practising", chosen=chosen)
        body = _ui("note.practising_body", classified=classified)
    return callout("info", heading, body, live=False)


def order_state(review: Review) -> str:
    """Return ``"ok"``, ``"wrong"`` or ``"unchecked"`` for a review's repair-first order."""
    covered = {check.id for check in review.moves if check.covered}
    if review.scenario != 1 and not review.order_ok:
        return "wrong"
    return "ok" if order_checked(review.scenario, covered) else "unchecked"


def review_html(review: Review) -> Html:
    """Return a review: one callout line per move with evidence or a tip, then the order."""
    rows = [
        callout("correct", _ui("covered", title=c.title), _html("evidence", text=c.evidence),
                live=False)
        if c.covered else
        callout("notyet", _ui("missing", title=c.title), _html("tip", text=c.tip), live=False)
        for c in review.moves
    ]
    if review.scenario == 2:
        state = order_state(review)
        rows.append(callout(_ORDER_KINDS[state], _ui(f"order.{state}"), review.order_note,
                            live=False))
    return Html("".join(rows))


def review_callout(review: Review) -> Html:
    """Return the whole review as one callout whose heading matches its lines."""
    done = review.covered_count == len(review.moves) and order_state(review) == "ok"
    kind: Kind = "correct" if done else "partly" if review.covered_count else "notyet"
    return callout(kind, review.summary(), review_html(review))


def cues_html(scenario: int) -> Html:
    """Return, in a collapsible block, what the reviewer looks for and its limits."""
    moves = [
        tag("li", [knowledge().moves[m].title, tag("ul", [tag("li", c) for c in describe_cues(m)])])
        for m in knowledge().scenarios[scenario].move_ids
    ]
    return _html("cues", moves=moves, limits=limits())


def result_html(result: Result) -> Html:
    """Return a graded answer as a callout: heading, feedback lines, explanation."""
    why = _html("why", text=result.explanation) if result.explanation else ""
    body = _html("result", lines=[tag("li", line) for line in result.feedback], why=why)
    return status_html(result.symbol, result.label, body)


def score_html(score: int, out_of: int, answered: int) -> Html:
    """Return the quiz's running score in words."""
    return _html("score", score=score, out_of=out_of, answered=answered)


def review_surface(review: Review, draft: str, heading: str) -> Html:
    """Return a draft as a quoted block followed by its review (for worked examples)."""
    paragraphs = [tag("p", para) for para in draft.split("\n\n") if para.strip()]
    return surface(tag("h4", heading), tag("blockquote", paragraphs, cls="sc-quoted"),
                   review_callout(review), label=heading)
