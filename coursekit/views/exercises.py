"""What the exercises show: a classification, a script, a review, a graded answer, a score.

>>> from coursekit.classify import classify
>>> page = classification_html(classify({"missteps": ["went_silent"]}))
>>> "Scenario 2" in page and "went_silent" not in page
True
"""

from __future__ import annotations

from ..classify import Classification
from ..knowledge import knowledge
from ..quiz import Result
from ..review import REPAIR_MOVES, Review, describe_cues, limits
from ..script import Script
from .feedback import Kind, callout, status_html
from .markup import Html, esc, tag
from .teaching import scenario_badge, scenario_heading, surface
from .text import ui, ui_html

#: Reactions that are something that may have happened, not a feeling.
OUTCOME_REACTIONS = frozenset({"position_filled"})
_ORDER: dict[str, tuple[Kind, str]] = {
    "ok": ("correct", "Order: repair first"),
    "wrong": ("notyet", "Order: not yet repair first"),
    "unchecked": ("info", "Order: not checked yet"),
}


def feelings_html(result: Classification) -> Html:
    """Return how the manager may feel, as a list (empty when the result names no feeling)."""
    items = [tag("li", [tag("strong", r.label), ": ", r.why])
             for r in result.reactions if r.id not in OUTCOME_REACTIONS]
    return ui_html("views.exercises.feelings", items=items) if items else Html("")


def classification_html(result: Classification) -> Html:
    """Return a classification: badge, how the manager may feel, the moves, why, next step."""
    outcomes = [tag("li", [tag("strong", ui("views.exercises.filled")), ": ", r.why])
                for r in result.reactions if r.id in OUTCOME_REACTIONS]
    return ui_html(
        "views.exercises.classification", heading=scenario_heading(result.scenario),
        feelings=feelings_html(result),
        outcomes=ui_html("views.exercises.outcomes", items=outcomes) if outcomes else "",
        moves=[tag("li", [tag("strong", m.title), " — ", m.guidance]) for m in result.moves],
        reasons=[tag("li", reason) for reason in result.reasons], next_step=result.next_step)


def script_html(script: Script, heading: str = "Your call script") -> Html:
    """Return a script as a block in the body font: one numbered paragraph per move."""
    items = []
    for line in script.lines:
        parts = []
        for kind, value in line.parts:
            if kind == "learner":
                parts.append(tag("bdi", value, cls="sc-learner"))
            elif kind == "prompt":
                parts.append(tag("em", f"[add: {value}]", cls="sc-prompt"))
            else:
                parts.append(esc(value))
        items.append(tag("li", [tag("strong", line.title), tag("p", parts)]))
    return tag(
        "section",
        [tag("h3", [heading, " ", scenario_badge(script.scenario)]), tag("ol", items)],
        cls="sc-script",
        aria_label=heading,
    )


def scenario_note(chosen: int, classified: int | None) -> Html:
    """Say where the scenario comes from: the learner's classification, or a deliberate choice."""
    if classified is None:
        return callout("info", f"Scenario {chosen}", ui("views.exercises.note_unclassified"),
                       live=False)
    if chosen == classified:
        return callout("info", f"Scenario {chosen}: your situation",
                       "This follows your classification.", live=False)
    return callout("info", f"Practising Scenario {chosen}",
                   ui("views.exercises.note_practising", classified=classified), live=False)


def order_state(review: Review) -> str:
    """Return ``"ok"``, ``"wrong"`` or ``"unchecked"`` for a review's repair-first order."""
    covered = {check.id for check in review.moves if check.covered}
    if review.scenario == 1:
        return "ok"
    if not review.order_ok:
        return "wrong"
    return "ok" if "explain_change" in covered and covered & set(REPAIR_MOVES) else "unchecked"


def review_html(review: Review) -> Html:
    """Return a review: one callout line per move with evidence or a tip, then the order."""
    rows = [
        callout("correct", f"Covered: {c.title}", ["You wrote: “", c.evidence, "”"], live=False)
        if c.covered
        else callout("notyet", f"Missing: {c.title}", ["Tip: ", c.tip], live=False)
        for c in review.moves
    ]
    if review.scenario == 2:
        kind, heading = _ORDER[order_state(review)]
        rows.append(callout(kind, heading, review.order_note, live=False))
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
    return ui_html("views.exercises.cues", moves=moves, limits=limits())


def result_html(result: Result) -> Html:
    """Return a graded answer as a callout: heading, feedback lines, explanation."""
    body = [tag("ul", [tag("li", line) for line in result.feedback])]
    if result.explanation:
        body.append(tag("p", [tag("em", "Why: "), result.explanation]))
    return status_html(result.symbol, result.label, body)


def score_html(score: int, out_of: int, answered: int) -> Html:
    """Return the quiz's running score in words."""
    return ui_html("views.exercises.score", score=score, out_of=out_of, answered=answered)


def review_surface(review: Review, draft: str, heading: str) -> Html:
    """Return a draft as a quoted block followed by its review (for worked examples)."""
    paragraphs = [tag("p", para) for para in draft.split("\n\n") if para.strip()]
    return surface(tag("h4", heading), tag("blockquote", paragraphs, cls="sc-quoted"),
                   review_callout(review), label=heading)
